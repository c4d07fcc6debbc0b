export const id = 283;
export const ids = [283];
export const modules = {

/***/ 283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

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

// EXTERNAL MODULE: ./src/core/inputs/parsers.ts
var parsers = __webpack_require__(8945);
// EXTERNAL MODULE: ./src/core/inputs/spec.ts
var spec = __webpack_require__(7358);
;// CONCATENATED MODULE: ./src/actions/common-inputs.ts
/** Inputs several actions share, declared once so their wording and parsing agree. */

/** The data formats the readers take; `auto` picks one from the file extension. */
const DATA_FORMATS = (/* unused pure expression or super */ null && (['auto', 'csv', 'tsv', 'jsonl', 'parquet']));
const githubToken = {
    description: 'Token for the GitHub API (comments, check runs, statuses). The workflow token is enough; on pull requests from forks it is read-only and the report goes to the job summary only.',
    runnerDefault: '${{ github.token }}',
    parser: (0,parsers/* text */.Qq)('a GitHub token'),
};
function commentInput(defaultValue, what) {
    return {
        description: `Post ${what} as a sticky pull request comment (updated in place on every run). Ignored outside pull requests.`,
        default: defaultValue,
        parser: boolean(),
    };
}

// EXTERNAL MODULE: ./src/actions/registry-reference.ts + 25 modules
var registry_reference = __webpack_require__(6250);
;// CONCATENATED MODULE: ./src/actions/check-drift/inputs.ts




const ON_DRIFT = ['fail', 'issue', 'dispatch'];
const inputs = (0,spec/* defineInputs */.pf)({
    reference: {
        description: 'Reference: a profile JSON, a dataset, or `registry:<name>@<alias>` (the profile stored with that model).',
        required: true,
        parser: (0,parsers/* text */.Qq)('a profile, dataset or registry:<name>@<alias>'),
    },
    current: { description: 'Recent data (dataset or profile) to compare with the reference.', required: true, parser: (0,parsers/* text */.Qq)('a dataset or profile path') },
    columns: { description: 'Columns to compare; default: all columns both sides share.', parser: (0,parsers/* list */.p_)((0,parsers/* text */.Qq)('a column name'), 'column names') },
    config: { description: 'Per-column methods, thresholds and skips, and the drift share (YAML; see docs/check-drift.md).', parser: (0,parsers/* existingFile */._h)() },
    'drift-share': { description: 'Dataset drift when at least this share of the compared columns drifted. A `drift_share` in the config wins.', default: '0.5', parser: (0,parsers/* number */.ai)({ min: 0, max: 1 }) },
    model: {
        description: 'ONNX model whose predictions on the reference and current rows are compared too, as a column named `prediction` (both sides must then be data, not profiles).',
        parser: (0,parsers/* existingFile */._h)(),
    },
    features: {
        description: 'With `model`: the columns its input takes, in order (as evaluate-gate\'s `features`); omit it when the model has one input per column.',
        parser: (0,parsers/* list */.p_)((0,parsers/* text */.Qq)('a column name'), 'column names'),
    },
    'on-drift': { description: 'What drift does: any of `fail`, `issue`, `dispatch`, comma-separated.', default: 'issue', parser: (0,parsers/* list */.p_)((0,parsers/* oneOf */.yL)(ON_DRIFT), 'of the words fail, issue and dispatch') },
    'retrain-workflow': { description: 'Workflow file started by `dispatch`, e.g. `ml-scheduled-retrain.yml`.', parser: (0,parsers/* text */.Qq)('a workflow file name') },
    'retrain-ref': { description: 'Git ref the retraining workflow runs on (default: the repository\'s default branch).', parser: (0,parsers/* text */.Qq)('a git ref') },
    registry: (0,registry_reference/* registryInput */.wi)('in reference'),
    'github-token': githubToken,
});

;// CONCATENATED MODULE: ./src/actions/check-drift/metadata.ts


const metadata = defineAction({
    id: 'check-drift',
    name: 'cd4ml check-drift',
    description: 'Compare recent data and predictions with the training reference using sound drift statistics, and trigger retraining.',
    branding: { icon: 'activity', color: 'red' },
    inputs: inputs,
    outputs: {
        drifted: '`true` when the dataset drifted.',
        'drift-share': 'Share of compared columns that drifted.',
        'drifted-columns': 'JSON array of drifted column names.',
        report: 'Path of the drift report.',
    },
});


/***/ }),

/***/ 7358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ko: () => (/* binding */ readInputs),
/* harmony export */   lQ: () => (/* binding */ envInputSource),
/* harmony export */   pf: () => (/* binding */ defineInputs)
/* harmony export */ });
/* unused harmony export inputEnvName */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Input specifications: the one place that states an input's description, whether it is required,
 * its default and its parser. Action metadata (action.yml), the CLI's --help and the parsing at run
 * time are all derived from these.
 */

/** The environment variable the runner sets for an input: INPUT_ + upper case, spaces to `_`. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** Inputs as the Actions runner passes them: `INPUT_<NAME>` variables, trimmed like @actions/core. */
function envInputSource(env) {
    return (name) => env[inputEnvName(name)]?.trim();
}
/** Keeps the literal types of a spec object while checking it is one. */
function defineInputs(specs) {
    return specs;
}
function readOne(name, spec, source) {
    const given = source(name);
    const raw = given === undefined || given === '' ? spec.default : given;
    if (raw === undefined) {
        if (spec.required === true) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Input "${name}" is required but was not given: expected ${spec.parser.expected}. Set it under \`with:\` in the workflow step, or pass --${name} to the cd4ml command.`);
        }
        return undefined;
    }
    return spec.parser.parse(raw, name);
}
/**
 * Parses every input of a spec. All inputs are checked, so one run reports every problem; the error
 * is still one line.
 */
function readInputs(specs, source) {
    const values = {};
    const problems = [];
    for (const [name, spec] of Object.entries(specs)) {
        try {
            values[name] = readOne(name, spec, source);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz))
                throw error;
            problems.push(error.message);
        }
    }
    if (problems.length === 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(problems[0]);
    if (problems.length > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${problems.length} inputs are invalid: ${problems.join(' ')}`);
    return values;
}


/***/ })

};
