export const id = 580;
export const ids = [580];
export const modules = {

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


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ fitToLimit)
/* harmony export */ });
/**
 * Fitting Markdown into a size limit (GitHub comments, check-run summaries, job summaries) without
 * producing broken Markdown: the cut falls on the last line break that fits (mid-line only when a
 * single line is longer than the limit), never inside a UTF-16 surrogate pair or a UTF-8 sequence,
 * an open code fence is closed, and a notice says what was left out and where to find it.
 */
/** Length in UTF-16 code units, which bounds GitHub's character count from above. */
function measure(text, unit) {
    return unit === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}
function cutToUnits(text, units, unit) {
    if (unit === 'chars') {
        let end = Math.max(0, units);
        const last = text.charCodeAt(end - 1);
        if (end > 0 && last >= 0xd800 && last <= 0xdbff)
            end -= 1; // do not split a surrogate pair
        return text.slice(0, end);
    }
    const bytes = Buffer.from(text, 'utf8').subarray(0, Math.max(0, units));
    // Dropping a partial trailing character: decode and re-encode drops the replacement character.
    const decoded = bytes.toString('utf8');
    return decoded.endsWith('\uFFFD') && !text.startsWith(decoded) ? decoded.slice(0, -1) : decoded;
}
function openFence(text) {
    let fence;
    for (const line of text.split('\n')) {
        const match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
        if (match === null)
            continue;
        const marker = match[1];
        if (fence === undefined)
            fence = marker;
        else if (marker[0] === fence[0] && marker.length >= fence.length)
            fence = undefined;
    }
    return fence;
}
/**
 * Returns `text` unchanged when it fits in `limit`, otherwise its longest prefix ending at a line
 * break that fits together with `notice` (and a fence closer when needed). O(n) in the text length.
 */
function fitToLimit(text, limit, notice, unit = 'chars') {
    if (measure(text, unit) <= limit)
        return { text, trimmed: false };
    const tail = `\n\n${notice}\n`;
    let room = limit - measure(tail, unit);
    while (room > 0) {
        let kept = cutToUnits(text, room, unit);
        const lineBreak = kept.lastIndexOf('\n');
        if (lineBreak > 0)
            kept = kept.slice(0, lineBreak);
        const fence = openFence(kept);
        const closer = fence === undefined ? '' : `\n${fence}`;
        const fitted = `${kept}${closer}${tail}`;
        if (measure(fitted, unit) <= limit)
            return { text: fitted, trimmed: true };
        room -= Math.max(1, measure(closer, unit)); // make room for the fence closer and try once more
    }
    throw new RangeError(`The limit ${limit} leaves no room for the trim notice.`);
}


/***/ }),

/***/ 4580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// UNUSED EXPORTS: POST_STATE, saveForPost

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/inputs/spec.ts
var spec = __webpack_require__(7358);
;// CONCATENATED MODULE: ./src/platform/github/actions-logger.ts
/** The Logger for code running inside an action: the runner's log, groups and annotations. */

function actionsLogger(annotations) {
    return {
        debug: (message) => lib_core/* debug */.Yz(message),
        info: (message) => lib_core/* info */.pq(message),
        warning: (message, at) => annotations.annotate('warning', message, at),
        error: (message, at) => annotations.annotate('error', message, at),
        group: (title, work) => lib_core/* group */.Os(title, work),
    };
}

// EXTERNAL MODULE: ./src/platform/github/limits.ts
var limits = __webpack_require__(959);
;// CONCATENATED MODULE: ./src/platform/github/annotations.ts
/**
 * Workflow-command annotations (`::error file=…,line=…::`) within GitHub's limit of 10 per level per
 * step: past it GitHub drops them silently. The first ones are annotated, the rest go to the log as
 * plain lines, and one closing annotation per level says how many were not shown.
 */


const EMIT = {
    error: lib_core/* error */.z3,
    warning: lib_core/* warning */.$e,
    notice: lib_core/* notice */.lm,
};
function properties(at, title) {
    const props = {};
    if (title !== undefined)
        props.title = title;
    if (at !== undefined) {
        props.file = at.file;
        if (at.line !== undefined)
            props.startLine = at.line;
        if (at.column !== undefined)
            props.startColumn = at.column;
    }
    return props;
}
class AnnotationBudget {
    perLevel;
    reserved;
    used = { error: 0, warning: 0, notice: 0 };
    dropped = { error: 0, warning: 0, notice: 0 };
    /**
     * @param reserved per level, annotations kept back: one for the "not shown" note, and for errors
     *   one more for the step's failure message.
     */
    constructor(perLevel = limits/* ANNOTATIONS_PER_STEP_PER_LEVEL */.Ji, reserved = { error: 2, warning: 1, notice: 1 }) {
        this.perLevel = perLevel;
        this.reserved = reserved;
    }
    annotate(level, message, at, title) {
        if (this.used[level] < this.perLevel - this.reserved[level]) {
            this.used[level] += 1;
            EMIT[level](message, properties(at, title));
            return;
        }
        this.dropped[level] += 1;
        const where = at === undefined ? '' : `${at.file}${at.line === undefined ? '' : `:${at.line}`}: `;
        lib_core/* info */.pq(`${level}: ${where}${message}`);
    }
    /** Emits one note per level whose annotations were cut, naming how many. */
    flush() {
        for (const level of Object.keys(this.dropped)) {
            const count = this.dropped[level];
            if (count === 0)
                continue;
            EMIT[level](`${count} more ${level} message${count === 1 ? ' was' : 's were'} not shown as annotations (GitHub shows ${this.perLevel} per step); they are in the step log.`, {});
            this.dropped[level] = 0;
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/platform/github/context.ts
/**
 * What the runner tells an action about its run, read from the environment and the event payload
 * (`GITHUB_EVENT_PATH`). Absent values stay absent: outside a runner most of this is unknown.
 */


function readEventPayload(path) {
    if (path === undefined || path === '')
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* EnvironmentError */.eG(`Cannot read the event payload at GITHUB_EVENT_PATH=${path}: ${error.message}.`);
    }
}
function parseRepository(value) {
    const match = value === undefined ? null : /^([^/\s]+)\/([^/\s]+)$/.exec(value);
    return match === null ? undefined : { owner: match[1], repo: match[2] };
}
function readRunContext(env) {
    const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const context = { serverUrl, apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com' };
    const repository = parseRepository(env['GITHUB_REPOSITORY']);
    if (repository !== undefined)
        context.repository = repository;
    if (env['GITHUB_SHA'] !== undefined)
        context.sha = env['GITHUB_SHA'];
    if (env['GITHUB_EVENT_NAME'] !== undefined)
        context.eventName = env['GITHUB_EVENT_NAME'];
    if (repository !== undefined && env['GITHUB_RUN_ID'] !== undefined) {
        const attempt = env['GITHUB_RUN_ATTEMPT'] === undefined ? '' : `/attempts/${env['GITHUB_RUN_ATTEMPT']}`;
        context.runUrl = `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env['GITHUB_RUN_ID']}${attempt}`;
    }
    if (env['GITHUB_REF_NAME'] !== undefined && env['GITHUB_REF_NAME'] !== '')
        context.refName = env['GITHUB_REF_NAME'];
    for (const [field, name] of [
        ['runId', 'GITHUB_RUN_ID'],
        ['runAttempt', 'GITHUB_RUN_ATTEMPT'],
        ['actor', 'GITHUB_ACTOR'],
        ['workflow', 'GITHUB_WORKFLOW'],
    ]) {
        const value = env[name];
        if (value !== undefined && value !== '')
            context[field] = value;
    }
    const payload = readEventPayload(env['GITHUB_EVENT_PATH']);
    if (typeof payload.repository?.default_branch === 'string')
        context.defaultBranch = payload.repository.default_branch;
    const pr = payload.pull_request;
    if (pr !== undefined) {
        context.pullRequest = {
            number: pr.number,
            headSha: pr.head.sha,
            baseSha: pr.base.sha,
            fromFork: pr.head.repo?.full_name !== pr.base.repo.full_name,
        };
    }
    return context;
}

// EXTERNAL MODULE: ./src/core/report/fit.ts
var fit = __webpack_require__(5625);
;// CONCATENATED MODULE: ./src/platform/github/summary.ts
/**
 * The job summary (`$GITHUB_STEP_SUMMARY`): every report is written here first, so it survives any
 * failure to comment. A step's summary over 1 MiB is not shown by GitHub, so the writer trims what it
 * appends to stay under the limit, with a notice pointing at the log.
 */



function stepSummaryWriter(path, logger) {
    return {
        append(markdown) {
            if (path === undefined || path === '') {
                logger.info(markdown);
                logger.warning('GITHUB_STEP_SUMMARY is not set, so the report above went to the log instead of a job summary.');
                return false;
            }
            const used = (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.statSync)(path).size : 0;
            const room = limits/* STEP_SUMMARY_LIMIT_BYTES */.Wm - used;
            const notice = '> [!WARNING]\n> This report was trimmed to fit the 1 MiB limit of a job summary; the step log has it in full.';
            const entry = `${markdown}\n`;
            if (Buffer.byteLength(entry) <= room) {
                (0,external_node_fs_.appendFileSync)(path, entry);
                return true;
            }
            logger.info(markdown); // the full text stays in the log
            if (room < Buffer.byteLength(notice) + 64) {
                logger.warning('The job summary is full (1 MiB per step), so this report is in the step log only.');
                return false;
            }
            (0,external_node_fs_.appendFileSync)(path, (0,fit/* fitToLimit */.Q)(entry, room, notice, 'bytes').text);
            return true;
        },
    };
}

;// CONCATENATED MODULE: ./src/platform/github/action-runtime.ts
/**
 * The action runtime: every action's entry calls `runAction` once. It parses the inputs from the
 * runner's environment, hands the action a context (inputs, logger, outputs, job summary, run
 * facts), and is the only place that marks a step failed. Nothing calls process.exit(): the runner
 * reads the exit code that setFailed sets once the event loop is empty.
 */







/** What the main step leaves for the action's post step (`postIf` in its metadata). */
const POST_STATE = 'cd4ml-post';
/** Saves what the post step needs; the runner passes it back as STATE_cd4ml-post. */
function saveForPost(value) {
    core.saveState(POST_STATE, JSON.stringify(value));
}
async function runAction(metadata, main, post) {
    const env = process.env;
    const annotations = new AnnotationBudget();
    const logger = actionsLogger(annotations);
    // The runner runs the same bundle as the post step; the main step marks that with saveState.
    if (post !== undefined && env['STATE_isPost'] === 'true') {
        const saved = env[`STATE_${POST_STATE}`];
        try {
            await post(saved === undefined || saved === '' ? undefined : JSON.parse(saved), logger);
        }
        catch (error) {
            lib_core/* setFailed */.C1(`${metadata.id} (post): ${(0,errors/* describeError */.Uc)(error)}`);
        }
        return;
    }
    if (post !== undefined)
        lib_core/* saveState */.LZ('isPost', 'true');
    try {
        const inputs = (0,spec/* readInputs */.Ko)(metadata.inputs, (0,spec/* envInputSource */.lQ)(env));
        await main({
            inputs,
            logger,
            run: readRunContext(env),
            summary: stepSummaryWriter(env['GITHUB_STEP_SUMMARY'], logger),
            setOutput: (name, value) => lib_core/* setOutput */.uH(name, value),
        });
    }
    catch (error) {
        if (!(0,errors/* isCd4mlError */.Do)(error) && error instanceof Error && error.stack !== undefined) {
            lib_core/* info */.pq(`An unexpected error; please report it to cd4ml-actions with this trace:\n${error.stack}`);
        }
        annotations.flush();
        lib_core/* setFailed */.C1(`${metadata.id}: ${(0,errors/* describeError */.Uc)(error)}`);
        return;
    }
    annotations.flush();
}


/***/ }),

/***/ 959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ji: () => (/* binding */ ANNOTATIONS_PER_STEP_PER_LEVEL),
/* harmony export */   Wm: () => (/* binding */ STEP_SUMMARY_LIMIT_BYTES),
/* harmony export */   _q: () => (/* binding */ CHECK_ANNOTATIONS_PER_REQUEST),
/* harmony export */   tw: () => (/* binding */ CHECK_OUTPUT_LIMIT),
/* harmony export */   tx: () => (/* binding */ COMMENT_BODY_LIMIT)
/* harmony export */ });
/* unused harmony export STATUS_DESCRIPTION_LIMIT */
/** GitHub's documented size and count limits that the reporting layer respects. */
/** Issue and pull request comment bodies: "maximum is 65536 characters". */
const COMMENT_BODY_LIMIT = 65_536;
/** Check run `output.summary` and `output.text`: 65535 characters each. */
const CHECK_OUTPUT_LIMIT = 65_535;
/** Annotations accepted by one create or update check-run request. */
const CHECK_ANNOTATIONS_PER_REQUEST = 50;
/** A step's job summary: 1 MiB; larger summaries are not shown. */
const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Workflow-command annotations shown per step, per level (error, warning, notice). */
const ANNOTATIONS_PER_STEP_PER_LEVEL = 10;
/** Commit status `description`: GitHub keeps at most 140 characters. */
const STATUS_DESCRIPTION_LIMIT = 140;


/***/ })

};
