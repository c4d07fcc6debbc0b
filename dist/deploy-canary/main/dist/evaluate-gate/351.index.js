export const id = 351;
export const ids = [351];
export const modules = {

/***/ 4351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  metadata: () => (/* binding */ metadata)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/platform/github/action-metadata.ts
/**
 * Action metadata: name, description, branding, inputs and outputs of an action, declared once in
 * TypeScript. `npm run build` writes each action's action.yml from it, the CLI's --help lists it,
 * and the action runtime parses inputs with it, so the three cannot disagree.
 */

const ACTION_AUTHOR = 'cd4ml-actions';
function defineAction(metadata) {
    return metadata;
}
/** The bundle an action.yml points at, relative to the action's directory. */
function bundlePath(id) {
    return `../../dist/${id}/index.js`;
}
/** The action.yml text for an action, in the layout GitHub documents. */
function actionYaml(metadata) {
    const inputs = {};
    for (const [name, spec] of Object.entries(metadata.inputs)) {
        const entry = { description: spec.description, required: spec.required === true };
        const fallback = spec.default ?? spec.runnerDefault;
        if (fallback !== undefined)
            entry['default'] = fallback;
        if (spec.deprecationMessage !== undefined)
            entry['deprecationMessage'] = spec.deprecationMessage;
        inputs[name] = entry;
    }
    const outputs = {};
    for (const [name, description] of Object.entries(metadata.outputs))
        outputs[name] = { description };
    const document = {
        name: metadata.name,
        description: metadata.description,
        author: ACTION_AUTHOR,
        branding: metadata.branding,
        inputs,
        outputs,
        runs: {
            using: 'node24',
            main: bundlePath(metadata.id),
            ...(metadata.postIf === undefined ? {} : { post: bundlePath(metadata.id), 'post-if': metadata.postIf }),
        },
    };
    const header = `# Generated from src/actions/${metadata.id}/metadata.ts by \`npm run build\`: edit that file, not this one.\n`;
    return header + stringify(document, { lineWidth: 0 });
}

// EXTERNAL MODULE: ./src/actions/evaluate-gate/inputs.ts + 1 modules
var inputs = __webpack_require__(8300);
;// CONCATENATED MODULE: ./src/actions/evaluate-gate/metadata.ts


const metadata = defineAction({
    id: 'evaluate-gate',
    name: 'cd4ml evaluate-gate',
    description: 'Compare a candidate model with its baseline, with confidence intervals, comment the diff on the PR and gate the merge.',
    branding: { icon: 'bar-chart-2', color: 'blue' },
    inputs: inputs/* inputs */.Q,
    outputs: {
        passed: '`true` when every gate rule passed.',
        metrics: 'Candidate metrics, deltas and intervals as JSON.',
        report: 'Path of the Markdown report.',
        'comment-url': 'URL of the pull request comment.',
        'check-run-id': 'ID of the check run.',
    },
});


/***/ })

};
