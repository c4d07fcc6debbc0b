export const id = 419;
export const ids = [419];
export const modules = {

/***/ 3419:
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/inputs/parsers.ts
/**
 * Strict parsers for action inputs and CLI flags. Each turns the raw text into a typed value or throws
 * an InputError that names the input, quotes the bad value and says what is expected. No parser
 * substitutes a default or clamps a value: defaults live only in the action metadata.
 */




function invalidInput(name, raw, expected, hint) {
    const fix = hint === undefined ? '' : ` ${hint}`;
    return new errors/* InputError */.dz(`Input "${name}" has an invalid value ${JSON.stringify(raw)}: expected ${expected}.${fix}`);
}
/** Any non-empty text, used as given. */
function parsers_text(expected = 'a non-empty text') {
    return { expected, parse: (raw) => raw };
}
const TRUE_WORDS = ['true', 'True', 'TRUE'];
const FALSE_WORDS = ['false', 'False', 'FALSE'];
/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
function parsers_boolean() {
    const expected = 'true or false';
    return {
        expected,
        flag: true,
        parse(raw, name) {
            if (TRUE_WORDS.includes(raw))
                return true;
            if (FALSE_WORDS.includes(raw))
                return false;
            throw invalidInput(name, raw, expected);
        },
    };
}
function boundsText(bounds) {
    const { min, max } = bounds;
    if (min !== undefined && max !== undefined)
        return ` from ${min} to ${max}`;
    if (min !== undefined)
        return ` of at least ${min}`;
    if (max !== undefined)
        return ` of at most ${max}`;
    return '';
}
function checkBounds(value, raw, name, bounds, expected) {
    if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
        throw invalidInput(name, raw, expected);
    }
    return value;
}
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A whole number in decimal notation, within optional inclusive bounds. */
function integer(bounds = {}) {
    const expected = `an integer${boundsText(bounds)}`;
    return {
        expected,
        parse(raw, name) {
            const value = Number(raw);
            if (!INTEGER.test(raw) || !Number.isSafeInteger(value))
                throw invalidInput(name, raw, expected);
            return checkBounds(value, raw, name, bounds, expected);
        },
    };
}
/** A finite decimal number (no NaN, Infinity or hex), within optional inclusive bounds. */
function number(bounds = {}) {
    const expected = `a number${boundsText(bounds)}`;
    return {
        expected,
        parse(raw, name) {
            const value = Number(raw);
            if (!DECIMAL.test(raw) || !Number.isFinite(value))
                throw invalidInput(name, raw, expected);
            return checkBounds(value, raw, name, bounds, expected);
        },
    };
}
/** Exactly one of the given words (case-sensitive, as YAML keys in workflows are). */
function oneOf(values) {
    const expected = `one of ${values.join(', ')}`;
    return {
        expected,
        parse(raw, name) {
            if (values.includes(raw))
                return raw;
            const near = values.find((value) => value.toLowerCase() === raw.toLowerCase());
            throw invalidInput(name, raw, expected, near === undefined ? undefined : `Did you mean "${near}"?`);
        },
    };
}
/**
 * Items separated by newlines or commas (a YAML block scalar or `a, b, c`), trimmed, empty items
 * dropped, each checked by `item`. `plural` names the items for messages, e.g. "column names".
 * Items that may contain commas themselves (regexes, shell words) are split on newlines only.
 */
function list(item, plural, split = 'commas-or-newlines') {
    const separator = split === 'newlines' ? /\n/ : /[\n,]/;
    const expected = `one or more ${plural}, ${split === 'newlines' ? 'one per line' : 'separated by commas or newlines'}`;
    return {
        expected,
        repeatable: true,
        parse(raw, name) {
            const items = raw
                .split(separator)
                .map((part) => part.trim())
                .filter((part) => part !== '');
            if (items.length === 0)
                throw invalidInput(name, raw, expected);
            return items.map((part) => item.parse(part, name));
        },
    };
}
/** An inline JSON object (e.g. training params); arrays, strings and numbers are refused. */
function jsonObject() {
    const expected = 'a JSON object such as {"lr": 0.1}';
    return {
        expected,
        parse(raw, name) {
            let value;
            try {
                value = JSON.parse(raw);
            }
            catch (error) {
                throw invalidInput(name, raw, expected, `The JSON parser said: ${error.message}.`);
            }
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                throw invalidInput(name, raw, expected);
            return value;
        },
    };
}
function requireFile(raw, name) {
    const path = (0,external_node_path_.resolve)(raw);
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new errors/* InputError */.dz(`Input "${name}" names a file that does not exist: ${JSON.stringify(raw)} (looked for ${path}); paths are relative to the working directory.`);
    }
    if (!(0,external_node_fs_.statSync)(path).isFile()) {
        throw new errors/* InputError */.dz(`Input "${name}" must name a file, but ${JSON.stringify(raw)} is a directory.`);
    }
    return path;
}
/** A path to an existing regular file, returned as given (relative paths stay relative). */
function existingFile() {
    return {
        expected: 'the path of an existing file',
        parse(raw, name) {
            requireFile(raw, name);
            return raw;
        },
    };
}
/** A path that may not exist yet (an output file); checked only for being non-empty. */
function outputPath() {
    return parsers_text('a file path to write');
}
/** A JSON file, read and parsed when the inputs are read, so a broken file fails before any work. */
function jsonFile() {
    return {
        expected: 'the path of a JSON file',
        parse(raw, name) {
            const content = readFileSync(requireFile(raw, name), 'utf8');
            try {
                return { path: raw, value: JSON.parse(content) };
            }
            catch (error) {
                throw new InputError(`Input "${name}": ${raw} is not valid JSON: ${error.message}.`);
            }
        },
    };
}
/** A YAML (or JSON, which is YAML) file, read and parsed when the inputs are read. */
function yamlFile() {
    return {
        expected: 'the path of a YAML or JSON file',
        parse(raw, name) {
            const content = readFileSync(requireFile(raw, name), 'utf8');
            try {
                return { path: raw, value: parseYaml(content) };
            }
            catch (error) {
                if (error instanceof YAMLParseError) {
                    const where = error.linePos?.[0];
                    const at = where === undefined ? '' : ` at line ${where.line}, column ${where.col}`;
                    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
                    throw new InputError(`Input "${name}": ${raw} is not valid YAML${at}: ${reason}.`);
                }
                throw error;
            }
        },
    };
}

// EXTERNAL MODULE: ./src/core/inputs/spec.ts
var spec = __webpack_require__(7358);
;// CONCATENATED MODULE: ./src/actions/common-inputs.ts
/** Inputs several actions share, declared once so their wording and parsing agree. */

/** The data formats the readers take; `auto` picks one from the file extension. */
const DATA_FORMATS = ['auto', 'csv', 'tsv', 'jsonl', 'parquet'];
const githubToken = {
    description: 'Token for the GitHub API (comments, check runs, statuses). The workflow token is enough; on pull requests from forks it is read-only and the report goes to the job summary only.',
    runnerDefault: '${{ github.token }}',
    parser: parsers_text('a GitHub token'),
};
function commentInput(defaultValue, what) {
    return {
        description: `Post ${what} as a sticky pull request comment (updated in place on every run). Ignored outside pull requests.`,
        default: defaultValue,
        parser: parsers_boolean(),
    };
}

;// CONCATENATED MODULE: ./src/actions/validate-data/inputs.ts



const FAIL_ON = ['error', 'warning', 'never'];
const inputs = (0,spec/* defineInputs */.pf)({
    data: {
        description: 'Dataset to validate: a file path, a glob of shards (e.g. `data/part-*.csv`), or an `s3://bucket/key` URI. Several may be listed, one per line.',
        required: true,
        parser: list(parsers_text('a path, glob or s3:// URI'), 'paths, globs or s3:// URIs', 'newlines'),
    },
    format: {
        description: 'File format; `auto` picks it from the file extension.',
        default: 'auto',
        parser: oneOf(DATA_FORMATS),
    },
    schema: {
        description: 'Schema file (YAML or JSON) with column and table rules. Without it, only the profile is computed.',
        parser: existingFile(),
    },
    'write-schema': {
        description: 'Infer a starting schema from the data and write it to this path, for review and commit.',
        parser: outputPath(),
    },
    'profile-output': {
        description: 'Where to write the data profile JSON (mergeable statistics; the drift reference).',
        parser: outputPath(),
    },
    'fail-on': {
        description: 'Which findings fail the step: `error` (rule violations), `warning` (also warnings), or `never` (report only).',
        default: 'error',
        parser: oneOf(FAIL_ON),
    },
    'max-examples': {
        description: 'Bad values shown per failed check, with their row numbers.',
        default: '5',
        parser: integer({ min: 0, max: 1000 }),
    },
    comment: commentInput('false', 'the validation result'),
    'github-token': githubToken,
});

;// CONCATENATED MODULE: ./src/actions/validate-data/metadata.ts


const metadata = defineAction({
    id: 'validate-data',
    name: 'cd4ml validate-data',
    description: 'Check a dataset against its schema and profile it (mergeable statistics, the drift reference) before training.',
    branding: { icon: 'check-square', color: 'green' },
    inputs: inputs,
    outputs: {
        valid: '`true` when no check failed at the `fail-on` level (with `never`, no error-level check).',
        errors: 'Number of failed error-level checks.',
        warnings: 'Number of failed warning-level checks.',
        rows: 'Rows read.',
        profile: 'Path of the profile JSON.',
        report: 'Path of the JSON report.',
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
