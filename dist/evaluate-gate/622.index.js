export const id = 622;
export const ids = [622];
export const modules = {

/***/ 622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/files/write-file-atomic.ts
var write_file_atomic = __webpack_require__(9501);
// EXTERNAL MODULE: ./src/core/gate/bootstrap-threads.ts
var bootstrap_threads = __webpack_require__(4237);
// EXTERNAL MODULE: ./src/core/gate/metrics-file.ts
var metrics_file = __webpack_require__(2505);
;// CONCATENATED MODULE: ./src/core/inputs/did-you-mean.ts
/** Did-you-mean hints for names the user mistyped: in schema and policy files, and metric names. */
/** The candidate the user most likely meant: same letters ignoring case and separators, one or two typos, or a prefix. */
function closest(word, candidates) {
    const norm = (text) => text.toLowerCase().replace(/[-_\s]/g, '');
    const target = norm(word);
    if (target === '')
        return undefined;
    const same = candidates.find((candidate) => norm(candidate) === target);
    if (same !== undefined)
        return same;
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(target, norm(candidate));
        if (distance <= Math.max(1, Math.floor(norm(candidate).length / 3)) && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    if (best !== undefined)
        return best;
    if (target.length < 3)
        return undefined;
    return candidates.find((candidate) => norm(candidate).startsWith(target) || target.startsWith(norm(candidate)));
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
        }
        previous = current;
    }
    return previous[b.length];
}
/** ` (did you mean "near"?)` to end a hint with, or nothing when there is no near candidate. */
function didYouMean(near) {
    return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
/** `use one of a, b, c`, with a did-you-mean when there is a near candidate. */
function oneOfHint(values, near) {
    return `use one of ${values.join(', ')}${didYouMean(near)}`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/inputs/yaml-reader.ts
/**
 * What the schema and gate policy parsers share. They walk the YAML node tree rather than plain
 * values, so they know each node's line, report duplicate keys themselves, and see numbers and
 * booleans as they were written. Every mistake is an InputError of one line,
 * `<file>:<line>: <what is wrong>; <how to fix>`.
 */





/** The value in words, for "but it is …" messages. */
function describe(value) {
    switch (value.kind) {
        case 'map':
            return 'a mapping';
        case 'list':
            return 'a list';
        case 'null':
            return 'empty';
        case 'string':
            return `the text ${value.text}`;
        case 'number':
            return `the number ${value.text}`;
        case 'boolean':
            return `the boolean ${value.text}`;
    }
}
/** A value as the user wrote it, in flow style, for "write …" hints. */
function plain(value) {
    return value.kind === 'string' ? value.value : value.text;
}
class YamlReader {
    file;
    keyExample;
    lines = new dist/* LineCounter */.HN();
    doc;
    /**
     * Parses `text`, a single YAML document. `file` is the path used in messages; `keyExample` is the
     * plain name suggested when a key is a mapping or a list. Throws an InputError for a syntax error.
     */
    constructor(text, file, keyExample) {
        this.file = file;
        this.keyExample = keyExample;
        this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
        const syntax = this.doc.errors[0];
        if (syntax !== undefined) {
            const { line, col } = this.lines.linePos(syntax.pos[0]);
            const reason = (syntax.message.split('\n')[0] ?? '').replace(/\.$/, '');
            if (syntax.code === 'MULTIPLE_DOCS') {
                throw new errors/* InputError */.dz(`${file}:${line}: the file holds more than one YAML document; keep a single document (remove the "---" separator)`);
            }
            throw new errors/* InputError */.dz(`${file}:${line}: the file is not valid YAML at column ${col} (${reason}); fix the syntax there`);
        }
    }
    /**
     * Reads the top level laid out as `layout` says: its entries by key, with version (only 1) and
     * $schema (text) checked, and the mapping under `main`.
     */
    topLevel(layout) {
        const { noun, main } = layout;
        const top = this.value(this.doc.contents, 1);
        if (top.kind === 'null')
            throw this.fail(top.line, `the ${noun} file is empty`, layout.emptyFix);
        if (top.kind !== 'map') {
            throw this.fail(top.line, `the ${noun} is ${describe(top)}, but it must be a mapping with a "${main}" key`, `start the file with "${main}:" and list the ${main} under it`);
        }
        const keys = this.knownEntries(top.node, top.line, layout.keys, `the ${noun}`, (name) => `unknown top-level key "${name}"`);
        const version = keys.get('version');
        if (version !== undefined && !(version.value.kind === 'number' && version.value.value === 1)) {
            const what = version.value.kind === 'null' ? `the ${noun} has version without a value` : `the ${noun} has version ${version.value.text}, which is not a supported version`;
            throw this.fail(version.line, what, 'write version: 1 or leave it out');
        }
        const $schema = keys.get('$schema');
        if ($schema !== undefined && $schema.value.kind !== 'string') {
            throw this.fail($schema.line, `"$schema" is ${describe($schema.value)}, which is not a URL`, 'write the URL of the JSON Schema in quotes, or remove it');
        }
        const entry = keys.get(main);
        if (entry === undefined)
            throw this.fail(top.line, `the ${noun} has no "${main}" key`, layout.missingFix);
        const { value } = entry;
        if (value.kind !== 'map') {
            throw this.fail(value.kind === 'null' ? entry.line : value.line, `"${main}" is ${describe(value)}, but it must be a mapping of ${layout.item} names to rules`, layout.mainFix);
        }
        return { keys, main: value };
    }
    fail(line, what, fix) {
        return new errors/* InputError */.dz(`${this.file}:${line}: ${what}; ${fix}`);
    }
    lineOf(node, fallback) {
        const range = node?.range;
        const start = range?.[0];
        return start === undefined ? fallback : this.lines.linePos(start).line;
    }
    /** Resolves aliases and classifies the node. `fallback` is the line used for a missing node (e.g. `key:` with nothing after it). */
    value(node, fallback) {
        const line = this.lineOf(node, fallback);
        let target = node;
        if ((0,dist/* isAlias */.Vj)(node)) {
            target = node.resolve(this.doc);
            if (target === undefined)
                throw this.fail(line, `the alias *${node.source} refers to no anchor`, `define &${node.source} before it`);
        }
        if (target === null || target === undefined)
            return { kind: 'null', text: '', line };
        if ((0,dist/* isMap */.jh)(target))
            return { kind: 'map', node: target, text: 'a mapping', line };
        if ((0,dist/* isSeq */.oP)(target))
            return { kind: 'list', node: target, text: 'a list', line };
        if ((0,dist/* isScalar */.jn)(target)) {
            const raw = target.value;
            const source = target.source ?? String(raw);
            if (typeof raw === 'string')
                return { kind: 'string', value: raw, text: JSON.stringify(raw), line };
            if (typeof raw === 'number')
                return { kind: 'number', value: raw, text: source, line };
            if (typeof raw === 'boolean')
                return { kind: 'boolean', value: raw, text: source, line };
            if (raw === null || raw === undefined)
                return { kind: 'null', text: source, line };
            // Anything else (a YAML 1.1 timestamp, a custom tag) is taken as the text it was written as.
            return { kind: 'string', value: source, text: JSON.stringify(source), line };
        }
        return { kind: 'string', value: String(target), text: JSON.stringify(String(target)), line };
    }
    /**
     * The mapping's entries in order; a key given twice is refused at the repeat, worded by `twice`,
     * or, given the mapping's name, as `<subject> has "<key>" twice (first on line <n>); keep only one`.
     */
    entries(map, mapLine, twice) {
        const seen = new Map();
        const entries = [];
        for (const pair of map.items) {
            const key = this.value(pair.key, this.lineOf(pair.value, mapLine));
            if (key.kind === 'map' || key.kind === 'list') {
                throw this.fail(key.line, `a key is ${describe(key)}`, `write a plain name such as "${this.keyExample}" as the key`);
            }
            const name = plain(key);
            const first = seen.get(name);
            if (first !== undefined) {
                const [what, fix] = typeof twice === 'string' ? [`${twice} has "${name}" twice (first on line ${first})`, 'keep only one'] : twice(name, first);
                throw this.fail(key.line, what, fix);
            }
            seen.set(name, key.line);
            entries.push({ name, line: key.line, value: this.value(pair.value, key.line) });
        }
        return entries;
    }
    /** Entries of a mapping whose keys must come from `known`. */
    knownEntries(map, mapLine, known, subject, unknown) {
        const result = new Map();
        for (const entry of this.entries(map, mapLine, subject)) {
            if (!known.includes(entry.name)) {
                throw this.fail(entry.line, unknown(entry.name), oneOfHint(known, closest(entry.name, known)));
            }
            result.set(entry.name, entry);
        }
        return result;
    }
}
/**
 * Reads the file at `path` (relative to `cwd`) and parses it with `parse`, which gets the text and the
 * path relative to `cwd`, with forward slashes, as GitHub annotations expect. `what` names the file
 * in messages (`schema`, `policy`).
 */
async function loadYamlFile(path, cwd, what, parse) {
    const absolute = (0,external_node_path_.resolve)(cwd, path);
    let text;
    try {
        text = await (0,promises_.readFile)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new errors/* InputError */.dz(`${what}: no such file: ${path}`);
        if (code === 'EISDIR')
            throw new errors/* InputError */.dz(`${what}: ${path} is a directory; name the ${what} file itself`);
        throw new errors/* InputError */.dz(`${what}: cannot read ${path} (${code ?? error.message}); check the path and its permissions`);
    }
    return parse(text, (0,external_node_path_.relative)(cwd, absolute).split(external_node_path_.sep).join('/'));
}

;// CONCATENATED MODULE: ./src/core/metrics/catalog.ts
const higher = (name, title) => ({ name, direction: 'higher', title });
const lower = (name, title) => ({ name, direction: 'lower', title });
const METRIC_CATALOG = {
    binary: [
        higher('roc_auc', 'ROC AUC'),
        higher('average_precision', 'Average precision'),
        lower('log_loss', 'Log loss'),
        lower('brier', 'Brier score'),
        higher('accuracy', 'Accuracy'),
        higher('balanced_accuracy', 'Balanced accuracy'),
        higher('precision', 'Precision'),
        higher('recall', 'Recall'),
        higher('f1', 'F1'),
        higher('mcc', 'Matthews correlation'),
    ],
    multiclass: [
        higher('accuracy', 'Accuracy'),
        higher('f1_macro', 'Macro F1'),
        higher('f1_weighted', 'Weighted F1'),
        lower('log_loss', 'Log loss'),
        higher('top_2_accuracy', 'Top-2 accuracy'),
        higher('top_3_accuracy', 'Top-3 accuracy'),
        higher('top_5_accuracy', 'Top-5 accuracy'),
    ],
    regression: [lower('mae', 'MAE'), lower('rmse', 'RMSE'), higher('r2', 'R²'), lower('mape', 'MAPE')],
};
/** The catalog entry of `name` for `task`, or undefined. */
function metricInfo(task, name) {
    return METRIC_CATALOG[task].find((metric) => metric.name === name);
}
/** The direction of a metric known for any task (e.g. for metrics given as JSON, without a task). */
function knownDirection(name) {
    for (const metrics of Object.values(METRIC_CATALOG)) {
        const found = metrics.find((metric) => metric.name === name);
        if (found !== undefined)
            return found.direction;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/gate/policy-file.ts
/**
 * Reads a gate policy file (YAML, or JSON, which is YAML) into a GatePolicy. The format is documented
 * in docs/gate-policy.md and published for editors as schemas/gate-policy.json.
 *
 * Every mistake is an InputError of one line, `<file>:<line>: <what is wrong>; <how to fix>`, with the
 * line of the offending key or value. As for schema files (src/core/schema/schema-file.ts), the parser
 * walks the YAML node tree (src/core/inputs/yaml-reader.ts), so it knows each node's line, reports
 * duplicate keys itself and sees numbers and booleans as they were written. Whether a metric exists for the model's task is not
 * known here; the gate checks that with checkRuleMetrics once the task is known.
 */




/** Top-level keys; `$schema` lets a JSON file name its JSON Schema for editors. */
const POLICY_KEYS = ['metrics', 'slices', 'threshold', 'version', '$schema'];
/** A metric's rule keys as written in the file (snake_case). */
const METRIC_RULE_KEYS = ['direction', 'min', 'max', 'max_regression', 'max_regression_pct', 'must_improve', 'min_improvement', 'confidence'];
const SLICE_KEYS = ['columns', 'metrics', 'max_regression', 'max_regression_pct', 'top', 'min_rows'];
/** The defaults of `slices.top` and `slices.min_rows`. */
const DEFAULT_SLICE_TOP = 10;
const DEFAULT_SLICE_MIN_ROWS = 100;
const DIRECTIONS = ['higher', 'lower'];
/** Common ways of saying a direction, for did-you-mean hints. */
const DIRECTION_ALIASES = {
    up: 'higher',
    high: 'higher',
    max: 'higher',
    maximize: 'higher',
    maximise: 'higher',
    increase: 'higher',
    higher_is_better: 'higher',
    greater: 'higher',
    down: 'lower',
    low: 'lower',
    min: 'lower',
    minimize: 'lower',
    minimise: 'lower',
    decrease: 'lower',
    lower_is_better: 'lower',
    less: 'lower',
};
/** Every metric name in the catalog, once, in catalog order. */
const CATALOG_NAMES = [...new Set(Object.values(METRIC_CATALOG).flatMap((metrics) => metrics.map((metric) => metric.name)))];
/**
 * Parses a policy file's text. `file` is the path used in messages and rule origins.
 * Throws an InputError naming the file and line for any mistake.
 */
function parsePolicy(text, file) {
    const reader = new YamlReader(text, file, 'roc_auc');
    const example = 'e.g. metrics: { roc_auc: { min: 0.8 } }';
    const { keys, main: metricsValue } = reader.topLevel({
        noun: 'policy',
        keys: POLICY_KEYS,
        main: 'metrics',
        item: 'metric',
        emptyFix: `name the metrics to gate under a top-level "metrics:" mapping, ${example}`,
        missingFix: `add a top-level "metrics:" mapping of metric names to their rules, ${example}`,
        mainFix: 'write each metric on its own line as "name: { min: 0.8 }" (or "name: {}" to only show it)',
    });
    const metricEntries = reader.entries(metricsValue.node, metricsValue.line, '"metrics"');
    if (metricEntries.length === 0)
        throw reader.fail(metricsValue.line, '"metrics" names no metric', `add at least one metric with its rules, ${example}`);
    const rules = metricEntries.map((entry) => readMetric(reader, entry));
    const policy = { file, rules };
    const slicesEntry = keys.get('slices');
    if (slicesEntry !== undefined)
        policy.slices = readSlices(reader, slicesEntry, rules);
    const threshold = keys.get('threshold');
    if (threshold !== undefined) {
        const given = threshold.value;
        if (given.kind !== 'number' || !(given.value > 0 && given.value < 1)) {
            const what = given.kind === 'null' ? 'threshold has no value' : `threshold is ${describe(given)}, which is not a probability between 0 and 1`;
            throw reader.fail(threshold.line, what, 'write the decision threshold on the positive-class probability, e.g. threshold: 0.5 (both ends excluded)');
        }
        policy.threshold = given.value;
    }
    return policy;
}
function readMetric(reader, metric) {
    const { name, value } = metric;
    const subject = `metric "${name}"`;
    if (name.trim() === '')
        throw reader.fail(metric.line, 'a metric has an empty name', 'write the metric name as the metrics report it, e.g. roc_auc');
    const rule = { metric: name, origin: { source: 'policy', file: reader.file, line: metric.line } };
    const catalogDirection = knownDirection(name);
    if (value.kind !== 'null' && value.kind !== 'map') {
        throw reader.fail(value.line, `${subject} is ${describe(value)}, but it must be a mapping of rules`, `write its rules as a mapping, e.g. ${name}: { min: 0.8 } (or ${name}: {} to only show it)`);
    }
    const keys = value.kind === 'map' ? reader.knownEntries(value.node, value.line, METRIC_RULE_KEYS, subject, (key) => `${subject} has an unknown key "${key}"`) : new Map();
    for (const [key, entry] of keys)
        readRuleKey(reader, subject, key, entry, rule);
    const direction = keys.get('direction');
    if (direction !== undefined && catalogDirection !== undefined && rule.direction !== catalogDirection) {
        throw reader.fail(direction.line, `${subject} has direction ${rule.direction ?? ''}, but ${name} is ${catalogDirection}-is-better`, 'remove direction (known metrics take it from the catalog)');
    }
    if (direction === undefined && catalogDirection === undefined) {
        const near = closest(name, CATALOG_NAMES);
        const fix = near === undefined
            ? 'add direction: higher or direction: lower'
            : `correct the name (did you mean "${near}"?), or for a metric of your own add direction: higher or direction: lower`;
        throw reader.fail(metric.line, `${subject} is not a known metric and has no direction`, fix);
    }
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
        throw reader.fail(keys.get('min').line, `${subject} has min ${rule.min} greater than max ${rule.max}, so no value can pass`, 'swap them or correct one');
    }
    const mustImprove = keys.get('must_improve');
    if (mustImprove !== undefined && rule.mustImprove === false && rule.minImprovement !== undefined) {
        throw reader.fail(mustImprove.line, `${subject} has must_improve: false and min_improvement`, 'remove must_improve (min_improvement implies must_improve: true) or remove min_improvement');
    }
    if (rule.mustImprove === false)
        delete rule.mustImprove;
    if (rule.minImprovement !== undefined)
        rule.mustImprove = true;
    const confidence = keys.get('confidence');
    if (confidence !== undefined && rule.maxRegression === undefined && rule.maxRegressionPct === undefined && rule.mustImprove !== true) {
        throw reader.fail(confidence.line, `${subject} has confidence but no rule that compares with the baseline`, 'add max_regression, max_regression_pct, must_improve or min_improvement for it to apply to, or remove confidence');
    }
    return rule;
}
function readRuleKey(reader, subject, key, entry, rule) {
    const { value, line } = entry;
    const bad = (expected, fix) => value.kind === 'null' ? reader.fail(line, `${subject} has ${key} without a value`, fix) : reader.fail(line, `${subject} has ${key} ${value.text}, which is not ${expected}`, fix);
    const unquote = (example) => value.kind === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value)) ? `remove the quotes: ${key}: ${value.value}` : `write a number, e.g. ${key}: ${example}`;
    switch (key) {
        case 'direction': {
            if (value.kind !== 'string' || !DIRECTIONS.includes(value.value)) {
                const near = value.kind === 'string' ? (DIRECTION_ALIASES[value.value.toLowerCase()] ?? closest(value.value, DIRECTIONS)) : undefined;
                throw bad('a direction', `write higher or lower, whichever is better for the metric${didYouMean(near)}`);
            }
            rule.direction = value.value;
            return;
        }
        case 'min':
        case 'max': {
            if (value.kind !== 'number' || !Number.isFinite(value.value))
                throw bad('a number', unquote(key === 'min' ? '0.8' : '0.3'));
            rule[key] = value.value;
            return;
        }
        case 'max_regression':
        case 'max_regression_pct':
        case 'min_improvement': {
            const example = key === 'max_regression_pct' ? '5' : '0.01';
            if (value.kind !== 'number' || !Number.isFinite(value.value))
                throw bad('a number', unquote(example));
            if (value.value < 0) {
                const amount = key === 'min_improvement' ? 'the smallest required gain' : 'the largest allowed worsening';
                throw reader.fail(line, `${subject} has ${key} ${value.text}, which is negative`, `write ${amount} as a positive amount, e.g. ${key}: ${value.text.replace(/^-/, '')} (direction says which way is worse)`);
            }
            const field = { max_regression: 'maxRegression', max_regression_pct: 'maxRegressionPct', min_improvement: 'minImprovement' }[key];
            rule[field] = value.value;
            return;
        }
        case 'must_improve': {
            if (value.kind !== 'boolean')
                throw bad('true or false', 'write must_improve: true or must_improve: false');
            rule.mustImprove = value.value;
            return;
        }
        case 'confidence': {
            if (value.kind !== 'number' || !(value.value > 0.5 && value.value < 1)) {
                const fix = value.kind === 'number' && value.value > 50 && value.value < 100
                    ? `write it as a fraction: confidence: ${Number((value.value / 100).toPrecision(12))} for ${value.text}%`
                    : 'write the confidence level as a fraction, both ends excluded, e.g. confidence: 0.95';
                throw bad('a level between 0.5 and 1', fix);
            }
            rule.confidence = value.value;
            return;
        }
    }
}
function readSlices(reader, entry, rules) {
    const { value } = entry;
    if (value.kind !== 'map') {
        throw reader.fail(entry.line, `"slices" is ${describe(value)}, but it must be a mapping`, 'give it the columns to slice by, e.g. slices: { columns: [country], max_regression: 0.05 }');
    }
    const keys = reader.knownEntries(value.node, value.line, SLICE_KEYS, 'slices', (name) => `slices has an unknown key "${name}"`);
    const columns = keys.get('columns');
    if (columns === undefined)
        throw reader.fail(entry.line, 'slices has no "columns"', 'list the columns to slice by, e.g. columns: [country, plan]');
    const slices = {
        columns: readNames(reader, columns, 'slices.columns', 'column', 'country'),
        top: DEFAULT_SLICE_TOP,
        minRows: DEFAULT_SLICE_MIN_ROWS,
        origin: { source: 'policy', file: reader.file, line: entry.line },
    };
    const metrics = keys.get('metrics');
    if (metrics !== undefined) {
        const named = rules.map((rule) => rule.metric);
        const names = readNames(reader, metrics, 'slices.metrics', 'metric', named[0] ?? 'roc_auc');
        names.forEach((name, index) => {
            if (named.includes(name))
                return;
            const near = closest(name, named);
            const itemLine = reader.value(metrics.value.kind === 'list' ? metrics.value.node.items[index] : undefined, metrics.line).line;
            throw reader.fail(itemLine, `slices.metrics names "${name}", which is not under metrics`, `add it under metrics (e.g. ${name}: {}) or correct the name${didYouMean(near)}`);
        });
        slices.metrics = names;
    }
    for (const key of ['max_regression', 'max_regression_pct']) {
        const item = keys.get(key);
        if (item === undefined)
            continue;
        const given = item.value;
        const example = key === 'max_regression' ? '0.05' : '10';
        if (given.kind !== 'number' || !Number.isFinite(given.value) || given.value < 0) {
            const what = given.kind === 'null' ? `slices has ${key} without a value` : `slices has ${key} ${given.text}, which is not a non-negative number`;
            throw reader.fail(item.line, what, `write the largest allowed worsening in each slice as a positive amount, e.g. ${key}: ${example}`);
        }
        slices[key === 'max_regression' ? 'maxRegression' : 'maxRegressionPct'] = given.value;
    }
    for (const key of ['top', 'min_rows']) {
        const item = keys.get(key);
        if (item === undefined)
            continue;
        const given = item.value;
        if (given.kind !== 'number' || !Number.isSafeInteger(given.value) || given.value < 1) {
            const what = given.kind === 'null' ? `slices has ${key} without a value` : `slices has ${key} ${given.text}, which is not a whole number of at least 1`;
            const fix = key === 'top' ? 'write how many of the most frequent values of each column get their own slice, e.g. top: 10' : 'write the fewest rows a slice needs to be judged, e.g. min_rows: 100';
            throw reader.fail(item.line, what, fix);
        }
        slices[key === 'top' ? 'top' : 'minRows'] = given.value;
    }
    return slices;
}
/** A non-empty list of distinct non-empty names. */
function readNames(reader, entry, subject, noun, example) {
    const { value } = entry;
    if (value.kind !== 'list') {
        const shown = value.kind === 'string' || value.kind === 'number' ? plain(value) : example;
        throw reader.fail(entry.line, `${subject} is ${describe(value)}, but it must be a list of ${noun} names`, `write it as a list, e.g. [${shown}]`);
    }
    if (value.node.items.length === 0)
        throw reader.fail(entry.line, `${subject} is an empty list`, `list at least one ${noun}, e.g. [${example}]`);
    const names = [];
    for (const node of value.node.items) {
        const item = reader.value(node, value.line);
        if (item.kind !== 'string' || item.value === '') {
            const fix = item.kind === 'number' || item.kind === 'boolean' ? `quote the ${noun} name: "${item.text}"` : `list ${noun} names, e.g. [${example}]`;
            throw reader.fail(item.line, `${subject} lists ${item.kind === 'string' ? 'an empty name' : describe(item)}, which is not a ${noun} name`, fix);
        }
        if (names.includes(item.value))
            throw reader.fail(item.line, `${subject} lists ${item.text} twice`, 'remove the repeat');
        names.push(item.value);
    }
    return names;
}
/**
 * Reads and parses the policy file at `path` (relative to `cwd`). The policy's `file` is the path
 * relative to `cwd`, with forward slashes, as GitHub annotations expect.
 */
function loadPolicy(path, cwd) {
    return loadYamlFile(path, cwd, 'policy', parsePolicy);
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./src/core/map-limit.ts
var map_limit = __webpack_require__(3075);
;// CONCATENATED MODULE: ./src/core/data/local-file.ts
/**
 * A local file as a ByteSource: stat once, then stream it (optionally a byte range) in 1 MiB chunks
 * through a FileHandle, read a range at once (Parquet footers and column chunks), or open it for
 * positioned reads into the caller's own buffers (the CSV reader). Every streamed chunk is a fresh
 * buffer, so a consumer may keep one as long as it likes; only one chunk is in flight at a time, so
 * memory does not grow with the file.
 *
 * Complexity: O(n) in the bytes read; O(1 MiB) memory while streaming, O(end - start) for read().
 *
 * Errors are one line naming the path: a missing file, a directory (with a glob to use instead), a
 * file that cannot be read (permissions). A file that shrinks while it is read ends early rather than
 * failing; the readers then report what they found.
 */



/** Bytes per streamed chunk. */
const CHUNK_SIZE = 1024 * 1024;
/**
 * Opens `path` as a ByteSource. `name` is how messages and reports call it (the path as the user
 * wrote it); it defaults to `path`.
 */
async function local_file_localFileSource(path, name = path) {
    let stats;
    try {
        stats = await (0,promises_.stat)(path);
    }
    catch (error) {
        throw fileError(error, name);
    }
    if (stats.isDirectory()) {
        const dir = name.replace(/[\\/]+$/, '') || name;
        throw new errors/* InputError */.dz(`data: ${name} is a directory, not a file; name its files, or use a glob such as "${dir}/*.csv"`);
    }
    if (!stats.isFile()) {
        throw new errors/* InputError */.dz(`data: ${name} is not a regular file; name a file, or a glob of files`);
    }
    const size = stats.size;
    return {
        name,
        size,
        local: true,
        path: (0,external_node_path_.resolve)(path),
        stream(range) {
            return streamFile(path, name, clampStart(range?.start ?? 0, size), clampEnd(range?.end ?? size, size));
        },
        read(start, end) {
            return readFile(path, name, clampStart(start, size), clampEnd(end, size));
        },
        async openReader() {
            const handle = await (0,promises_.open)(path, 'r').catch((error) => {
                throw fileError(error, name);
            });
            return {
                read: (target, offset, length, position) => fill(handle, target.subarray(offset, offset + length), position, name),
                close: () => handle.close(),
            };
        },
    };
}
function clampStart(start, size) {
    return Math.min(Math.max(0, start), size);
}
function clampEnd(end, size) {
    return Math.min(Math.max(0, end), size);
}
async function* streamFile(path, name, start, end) {
    if (end <= start)
        return;
    const handle = await (0,promises_.open)(path, 'r').catch((error) => {
        throw fileError(error, name);
    });
    try {
        let position = start;
        while (position < end) {
            // A new buffer per chunk: the consumer may still hold the previous one.
            const chunk = Buffer.allocUnsafeSlow(Math.min(CHUNK_SIZE, end - position));
            const filled = await fill(handle, chunk, position, name);
            if (filled === 0)
                return; // the file shrank while being read
            position += filled;
            yield filled === chunk.length ? chunk : chunk.subarray(0, filled);
            if (filled < chunk.length)
                return;
        }
    }
    finally {
        await handle.close();
    }
}
async function readFile(path, name, start, end) {
    if (end <= start)
        return Buffer.alloc(0);
    const handle = await (0,promises_.open)(path, 'r').catch((error) => {
        throw fileError(error, name);
    });
    try {
        const buffer = Buffer.allocUnsafeSlow(end - start);
        const filled = await fill(handle, buffer, start, name);
        return filled === buffer.length ? buffer : buffer.subarray(0, filled);
    }
    finally {
        await handle.close();
    }
}
/** Reads until `buffer` is full or the file ends; returns the bytes read. */
async function fill(handle, buffer, position, name) {
    let filled = 0;
    while (filled < buffer.length) {
        let bytesRead;
        try {
            ({ bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled));
        }
        catch (error) {
            throw fileError(error, name);
        }
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return filled;
}
/** A file-system failure as a one-line InputError; anything else passes through. */
function fileError(error, name) {
    const code = error?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return new errors/* InputError */.dz(`data: no such file: ${name}`);
    if (code === 'EACCES' || code === 'EPERM') {
        return new errors/* InputError */.dz(`data: cannot read ${name} (permission denied); make the file readable by the user running the step`);
    }
    if (code === 'EISDIR') {
        const dir = name.replace(/[\\/]+$/, '') || name;
        return new errors/* InputError */.dz(`data: ${name} is a directory, not a file; name its files, or use a glob such as "${dir}/*.csv"`);
    }
    if (typeof code === 'string')
        return new errors/* InputError */.dz(`data: cannot read ${name} (${code}); check that the file exists and is readable`);
    return error;
}

;// CONCATENATED MODULE: ./src/core/data/resolve-sources.ts
/**
 * Turns the `data` specs a user wrote into the files and objects to read, in order: a local path, a
 * local glob (`data/part-*.csv`, `**` allowed; files only, sorted), an `s3://bucket/key` URI, or an S3
 * glob (`s3://bucket/prefix/*.csv`: the prefix before the first wildcard is listed through the object
 * store, then filtered with picomatch). A file or object named twice (directly or through globs) is
 * read once, where it first appears.
 *
 * Complexity: one stat per local file; for S3, one listing per glob (all pages) plus one size request
 * per object, at most 16 in flight.
 *
 * Errors are one line naming the spec: a missing file, a directory, a glob that matches nothing
 * (InputError); an s3:// spec when no object store is available (EnvironmentError); S3 failures
 * come from the store as ServiceErrors naming the URI.
 */






/** Concurrent size requests while resolving an S3 glob. */
const SIZE_CONCURRENCY = 16;
async function resolveSources(specs, options) {
    const sources = [];
    const seen = new Set();
    const add = (key, source) => {
        if (seen.has(key))
            return;
        seen.add(key);
        sources.push(source);
    };
    for (const raw of specs) {
        const spec = raw.trim();
        if (spec === '')
            continue;
        if (/^s3:\/\//i.test(spec)) {
            for (const source of await resolveS3(spec, options.store))
                add(source.name, source);
        }
        else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(spec)) {
            throw new errors/* InputError */.dz(`data: cannot read "${spec}": only local paths, globs and s3:// URIs are supported; download the file and pass its path`);
        }
        else {
            for (const [path, name] of await resolveLocal(spec, options.cwd)) {
                if (seen.has(path))
                    continue;
                add(path, await local_file_localFileSource(path, name));
            }
        }
    }
    return sources;
}
/** [absolute path, name for messages] pairs for one local spec. */
async function resolveLocal(spec, cwd) {
    const path = (0,external_node_path_.resolve)(cwd, spec);
    if (!picomatch_default().scan(spec).isGlob)
        return [[path, spec]];
    // A file whose name merely contains a glob character is read as named.
    const literal = await local_file_localFileSource(path, spec).then(() => true, () => false);
    if (literal)
        return [[path, spec]];
    const matches = await (0,tinyglobby_dist/* glob */.TI)(spec, { cwd, onlyFiles: true, absolute: (0,external_node_path_.isAbsolute)(spec), expandDirectories: false });
    if (matches.length === 0)
        throw new errors/* InputError */.dz(`data: no files match "${spec}"`);
    return sortStrings(matches).map((match) => [(0,external_node_path_.resolve)(cwd, match), match]);
}
async function resolveS3(spec, store) {
    const match = /^s3:\/\/([^/]*)\/?(.*)$/is.exec(spec);
    const bucket = match?.[1] ?? '';
    const key = match?.[2] ?? '';
    if (bucket === '') {
        throw new errors/* InputError */.dz(`data: "${spec}" names no bucket; write s3://bucket/key or a glob such as s3://bucket/prefix/*.csv`);
    }
    if (key === '' || key.endsWith('/')) {
        const base = spec.endsWith('/') ? spec : `${spec}/`;
        throw new errors/* InputError */.dz(`data: ${spec} is a prefix, not an object; name an object, or use a glob such as "${base}*.csv"`);
    }
    if (store === undefined) {
        throw new errors/* EnvironmentError */.eG(`data: cannot read ${spec}: S3 access is not available here; run where AWS access is configured, or download the object and pass its path`);
    }
    const scan = picomatch_default().scan(key);
    if (!scan.isGlob) {
        return [objectSource(store, bucket, key, await store.size(bucket, key))];
    }
    const prefix = scan.base === '' ? '' : `${scan.base}/`;
    const isMatch = picomatch_default()(key);
    const keys = sortStrings((await store.list(bucket, prefix)).filter((candidate) => !candidate.endsWith('/') && isMatch(candidate)));
    if (keys.length === 0)
        throw new errors/* InputError */.dz(`data: no objects match "${spec}"`);
    const sizes = await (0,map_limit/* mapLimit */.s)(keys, SIZE_CONCURRENCY, (candidate) => store.size(bucket, candidate));
    return keys.map((candidate, index) => objectSource(store, bucket, candidate, sizes[index] ?? 0));
}
/** An object in a store as a ByteSource; streamed chunks are gathered to about CHUNK_SIZE. */
function objectSource(store, bucket, key, size) {
    const clampRange = (start, end) => ({
        start: Math.min(Math.max(0, start), size),
        end: Math.min(Math.max(0, end), size),
    });
    return {
        name: `s3://${bucket}/${key}`,
        size,
        local: false,
        stream(range) {
            const { start, end = size } = clampRange(range?.start ?? 0, range?.end ?? size);
            if (end <= start)
                return empty();
            return gather(store.stream(bucket, key, start === 0 && end === size ? undefined : { start, end }));
        },
        async read(start, end) {
            const range = clampRange(start, end);
            const length = (range.end ?? size) - range.start;
            if (length <= 0)
                return Buffer.alloc(0);
            const pieces = [];
            let total = 0;
            for await (const piece of store.stream(bucket, key, range)) {
                pieces.push(asBuffer(piece));
                total += piece.byteLength;
            }
            return pieces.length === 1 && pieces[0] !== undefined ? pieces[0] : Buffer.concat(pieces, total);
        },
    };
}
async function* empty() { }
/** Re-chunks a byte stream into pieces of about CHUNK_SIZE (network reads arrive in small pieces). */
async function* gather(pieces) {
    let pending = [];
    let total = 0;
    for await (const piece of pieces) {
        if (piece.byteLength === 0)
            continue;
        if (total === 0 && piece.byteLength >= CHUNK_SIZE) {
            yield asBuffer(piece);
            continue;
        }
        pending.push(asBuffer(piece));
        total += piece.byteLength;
        if (total >= CHUNK_SIZE) {
            const chunk = Buffer.concat(pending, total);
            pending = [];
            total = 0;
            yield chunk;
        }
    }
    if (total > 0)
        yield Buffer.concat(pending, total);
}
function asBuffer(bytes) {
    return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
function sortStrings(values) {
    return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// EXTERNAL MODULE: ./src/core/data/cell.ts
var data_cell = __webpack_require__(8118);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/core/data/csv-tokenizer.ts
/**
 * A byte-level, streaming CSV/TSV tokenizer (RFC 4180): quoted fields with `""` escapes and
 * embedded delimiters and newlines, LF or CRLF line ends, an optional UTF-8 BOM, any one-byte
 * delimiter. It works on the bytes as read (1 MiB chunks), hands each row to a sink as byte ranges
 * into the current buffer — no string per field unless the sink asks for one — and keeps only the
 * unfinished last row between chunks, so memory does not grow with the file. A reader that leaves
 * room in front of each chunk (pushInPlace) gets that row put back there, so no chunk is copied.
 *
 * Complexity: O(n) in the input bytes, one pass; O(longest row) extra memory.
 *
 * Errors are one line with the physical line number: an unterminated quote, a character after a
 * closing quote, invalid UTF-8 (checked per chunk with buffer.isUtf8).
 */


const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Fields gathered before a batch is handed over (more when a row needs them). */
const BATCH_FIELDS = 8192;
/** Bytes that end an unquoted field: the delimiter, LF and CR (1), per byte value. */
function fieldEnds(delimiter) {
    const table = new Uint8Array(256);
    table[delimiter] = 1;
    table[LF] = 1;
    table[CR] = 1;
    return table;
}
class csv_tokenizer_CsvTokenizer {
    sink;
    options;
    delimiter;
    ends;
    /** The largest byte that ends a field: most bytes are larger and need no table lookup. */
    lastEnd;
    /** The unfinished last row of the input so far: leftoverBytes[0, leftoverLength). */
    leftoverBytes = Buffer.alloc(0);
    leftoverLength = 0;
    /** Line number of the first byte of the leftover. */
    line;
    /** Stream offset of the first byte of the leftover. */
    base;
    first;
    halted = false;
    /** The row handed to the sink; its field arrays are the tokenizer's working storage. */
    view;
    /** Batch mode: where rows go, rows starting at or after `stop` end the input, and the batch being gathered. */
    batchSink = null;
    stop = Infinity;
    batch;
    /** Rows gathered in the batch so far. */
    gathered = 0;
    constructor(sink, options) {
        this.sink = sink;
        this.options = options;
        if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 0x7f || /["\r\n]/.test(options.delimiter)) {
            throw new errors/* InputError */.dz(`The CSV delimiter must be one ASCII character other than a quote or a line break, not ${JSON.stringify(options.delimiter)}.`);
        }
        this.delimiter = options.delimiter.charCodeAt(0);
        this.ends = fieldEnds(this.delimiter);
        this.lastEnd = Math.max(this.delimiter, LF, CR);
        this.base = options.offset ?? 0;
        this.line = options.line ?? 1;
        this.first = this.base === 0;
        this.view = {
            buffer: Buffer.alloc(0),
            count: 0,
            starts: new Int32Array(64),
            ends: new Int32Array(64),
            quoting: new Uint8Array(64),
            line: 1,
            offset: 0,
            text(index) {
                const text = this.buffer.toString('utf8', this.starts[index], this.ends[index]);
                return this.quoting[index] === 2 ? text.replaceAll('""', '"') : text;
            },
        };
        this.batch = {
            buffer: this.view.buffer,
            rows: 0,
            rowStarts: new Int32Array(0),
            lines: new Float64Array(0),
            offsets: new Float64Array(0),
            starts: this.view.starts,
            ends: this.view.ends,
            quoting: this.view.quoting,
        };
    }
    /**
     * Switches to batch mode (from the next row on, so a reader can take a header row first): rows go
     * to `sink` many at a time, straight from the tokenizer's field arrays, and a row starting at or
     * after `stop` ends the input as a row sink returning false would.
     */
    batchRows(sink, stop = Infinity) {
        this.batchSink = sink;
        this.stop = stop;
        const rows = BATCH_FIELDS + 1;
        this.batch.rowStarts = new Int32Array(rows + 1);
        this.batch.lines = new Float64Array(rows);
        this.batch.offsets = new Float64Array(rows);
        while (this.view.starts.length < BATCH_FIELDS * 2)
            this.grow();
    }
    /** Hands over the rows gathered so far (batch mode). */
    deliver() {
        const batch = this.batch;
        if (this.gathered === 0)
            return;
        batch.rows = this.gathered;
        this.gathered = 0;
        batch.buffer = this.view.buffer;
        batch.starts = this.view.starts;
        batch.ends = this.view.ends;
        batch.quoting = this.view.quoting;
        this.batchSink.csvBatch(batch);
    }
    /** True once the sink returned false; later input is ignored. */
    get stopped() {
        return this.halted;
    }
    /** Stream offset just past the rows consumed so far (where the sink stopped, once stopped). */
    get position() {
        return this.base;
    }
    /** Line number at `position`. */
    get currentLine() {
        return this.line;
    }
    /** Feeds the next chunk of bytes (the tokenizer keeps no reference to it after the call). */
    push(chunk) {
        if (this.halted)
            return;
        if (this.leftoverLength === 0) {
            this.feed(chunk, 0, chunk.length);
            return;
        }
        const joined = Buffer.allocUnsafe(this.leftoverLength + chunk.length);
        this.leftoverBytes.copy(joined, 0, 0, this.leftoverLength);
        chunk.copy(joined, this.leftoverLength);
        this.leftoverLength = 0;
        this.feed(joined, 0, joined.length);
    }
    /**
     * Feeds bytes [start, end) of `buffer` as the next chunk, where `buffer[0, start)` is space the
     * tokenizer may overwrite: the unfinished row from the previous chunk is copied there when it fits,
     * so a reader that leaves room in front of each chunk spares copying the chunk itself.
     */
    pushInPlace(buffer, start, end) {
        if (this.halted)
            return;
        const carried = this.leftoverLength;
        if (carried > start) {
            this.push(buffer.subarray(start, end));
            return;
        }
        if (carried > 0)
            this.leftoverBytes.copy(buffer, start - carried, 0, carried);
        this.leftoverLength = 0;
        this.feed(buffer, start - carried, end);
    }
    /** Ends the input: the last row may lack a final line break. */
    end() {
        if (this.leftoverLength > 0 && !this.halted) {
            const rest = this.leftoverBytes.subarray(0, this.leftoverLength);
            this.leftoverLength = 0;
            this.checkUtf8(rest, 0, rest.length, this.line);
            this.base += this.scan(rest, 0, rest.length, true);
        }
    }
    /** Scans buffer[begin, end) (the leftover, if any, already in front) and keeps the unfinished rest. */
    feed(buffer, begin, end) {
        if (this.first) {
            const length = end - begin;
            if (length < BOM.length && BOM.subarray(0, length).equals(buffer.subarray(begin, end))) {
                this.keep(buffer, begin, end); // could still be a BOM: wait for more bytes
                return;
            }
            this.first = false;
            if (length >= BOM.length && buffer[begin] === BOM[0] && buffer[begin + 1] === BOM[1] && buffer[begin + 2] === BOM[2]) {
                begin += BOM.length;
                this.base += BOM.length;
            }
        }
        const firstLine = this.line;
        const consumed = this.scan(buffer, begin, end, false);
        this.checkUtf8(buffer, begin, consumed, firstLine);
        this.base += consumed - begin;
        if (!this.halted)
            this.keep(buffer, consumed, end);
    }
    /** Copies buffer[start, end) into the leftover store. */
    keep(buffer, start, end) {
        const length = end - start;
        if (this.leftoverBytes.length < length)
            this.leftoverBytes = Buffer.allocUnsafe(Math.max(length, this.leftoverBytes.length * 2, 4096));
        buffer.copy(this.leftoverBytes, 0, start, end);
        this.leftoverLength = length;
    }
    /** Complete rows end at line breaks, so bytes [start, end) never end inside a character. */
    checkUtf8(buffer, start, end, firstLine) {
        if (end <= start)
            return;
        const bytes = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
        if (!(0,external_node_buffer_.isUtf8)(bytes)) {
            const text = bytes.toString('utf8');
            const bad = text.indexOf('\uFFFD');
            const line = firstLine + (text.slice(0, Math.max(0, bad)).match(/\n/g)?.length ?? 0);
            throw new errors/* InputError */.dz(`${this.options.source}: invalid UTF-8 near line ${line}; save the file as UTF-8 and try again.`);
        }
    }
    grow() {
        const view = this.view;
        const size = view.starts.length * 2;
        const starts = new Int32Array(size);
        const ends = new Int32Array(size);
        const quoting = new Uint8Array(size);
        starts.set(view.starts);
        ends.set(view.ends);
        quoting.set(view.quoting);
        view.starts = starts;
        view.ends = ends;
        view.quoting = quoting;
    }
    /**
     * Emits every complete row of buffer[begin, length) and returns the index just past the last row
     * consumed; the rest is an unfinished row kept for the next chunk. With `final`, the rest is a last
     * row even without a line break. Blank lines are skipped (a line holding `""` is a row with one
     * empty field). When the sink returns false (or, in batch mode, a row starts at or after `stop`),
     * the bytes before that row are consumed and scanning halts. Row offsets count from `base` at
     * `begin`. In batch mode the rows gathered are handed over before returning or throwing, so they
     * reach the sink before any error found after them, as rows handed over one by one would.
     */
    scan(buffer, begin, length, final) {
        try {
            return this.scanRows(buffer, begin, length, final);
        }
        finally {
            if (this.batchSink !== null)
                this.deliver();
        }
    }
    scanRows(buffer, begin, length, final) {
        const delimiter = this.delimiter;
        const ends = this.ends;
        const lastEnd = this.lastEnd;
        const view = this.view;
        const batch = this.batch;
        const offsetBase = this.base - begin;
        view.buffer = buffer;
        let starts = view.starts;
        let fieldEnds = view.ends;
        let quoting = view.quoting;
        let capacity = starts.length;
        let position = begin;
        /** Fields gathered (batch mode: of every row in the batch), and the first field of this row. */
        let count = 0;
        let rowFirst = 0;
        let rowStart = begin;
        let line = this.line;
        let rowLine = line;
        let firstQuoted = false;
        for (;;) {
            if (count === capacity) {
                this.grow();
                starts = view.starts;
                fieldEnds = view.ends;
                quoting = view.quoting;
                capacity = starts.length;
            }
            let fieldEnd;
            if (position < length && buffer[position] === QUOTE) {
                const start = position + 1;
                let cursor = start;
                let escapes = false;
                let close = buffer.indexOf(QUOTE, cursor);
                while (close !== -1 && close + 1 < length && buffer[close + 1] === QUOTE) {
                    escapes = true;
                    cursor = close + 2;
                    close = buffer.indexOf(QUOTE, cursor);
                }
                if (close >= length)
                    close = -1;
                if (close === -1 || (close + 1 === length && !final)) {
                    if (!final) {
                        this.line = rowLine;
                        return rowStart;
                    }
                    throw new errors/* InputError */.dz(`${this.options.source}: unterminated quoted field starting on line ${rowLine}; close the quote, and write a quote inside a field as "".`);
                }
                for (let i = start; i < close; i += 1)
                    if (buffer[i] === LF)
                        line += 1;
                starts[count] = start;
                fieldEnds[count] = close;
                quoting[count] = escapes ? 2 : 1;
                fieldEnd = close + 1;
                const next = fieldEnd < length ? buffer[fieldEnd] : -1;
                if (next !== -1 && next !== delimiter && next !== LF && next !== CR) {
                    throw new errors/* InputError */.dz(`${this.options.source}: unexpected character after a closing quote on line ${line}; a quoted field must end at a delimiter or a line break (write a quote inside a field as "").`);
                }
                if (count === rowFirst)
                    firstQuoted = true;
            }
            else {
                let end = position;
                for (; end < length; end += 1) {
                    const byte = buffer[end];
                    if (byte <= lastEnd && ends[byte] === 1)
                        break;
                }
                if (end === length && !final) {
                    this.line = rowLine;
                    return rowStart;
                }
                starts[count] = position;
                fieldEnds[count] = end;
                quoting[count] = 0;
                fieldEnd = end;
                if (count === rowFirst)
                    firstQuoted = false;
            }
            count += 1;
            const after = fieldEnd < length ? buffer[fieldEnd] : -1;
            if (after === delimiter) {
                position = fieldEnd + 1;
                continue;
            }
            // The row ends here: at a line break, or at the end of the final input.
            if (fieldEnd + 1 === length && after === CR && !final) {
                // CR LF may straddle chunks
                this.line = rowLine;
                return rowStart;
            }
            if (count - rowFirst !== 1 || firstQuoted || fieldEnds[rowFirst] !== starts[rowFirst]) {
                const offset = offsetBase + rowStart;
                if (this.batchSink === null) {
                    view.count = count;
                    view.line = rowLine;
                    view.offset = offset;
                    if (this.sink(view) === false) {
                        this.halted = true;
                        this.line = rowLine;
                        return rowStart;
                    }
                    // The sink may have switched to batch mode (which grows the field arrays).
                    starts = view.starts;
                    fieldEnds = view.ends;
                    quoting = view.quoting;
                    capacity = starts.length;
                    count = 0;
                }
                else {
                    if (offset >= this.stop) {
                        this.halted = true;
                        this.line = rowLine;
                        return rowStart;
                    }
                    const row = this.gathered;
                    batch.rowStarts[row] = rowFirst;
                    batch.rowStarts[row + 1] = count;
                    batch.lines[row] = rowLine;
                    batch.offsets[row] = offset;
                    this.gathered = row + 1;
                    if (count >= BATCH_FIELDS) {
                        this.deliver();
                        count = 0;
                    }
                }
            }
            else {
                count = rowFirst; // a blank line
            }
            rowFirst = count;
            if (after === -1)
                break;
            position = fieldEnd + (after === CR && fieldEnd + 1 < length && buffer[fieldEnd + 1] === LF ? 2 : 1);
            line += 1;
            rowStart = position;
            rowLine = line;
            if (position === length)
                break;
        }
        this.line = line;
        return length;
    }
}

;// CONCATENATED MODULE: ./src/core/data/csv-reader.ts
/**
 * CSV and TSV files: the header row names the columns, every further row is data and must have one
 * field per column. A file can be read whole, or as a byte range that starts on a row boundary and
 * stops at the first row starting at or after a given offset (parallel scans, scan/scan-dataset.ts).
 */



/** Reads the header row only. */
async function readCsvHeader(source, delimiter) {
    let columns;
    let dataOffset = source.size;
    let dataLine = 1;
    const tokenizer = new CsvTokenizer((row) => {
        if (columns !== undefined) {
            dataOffset = row.offset;
            dataLine = row.line;
            return false;
        }
        columns = Array.from({ length: row.count }, (_, i) => row.text(i));
        return undefined;
    }, { delimiter, source: source.name });
    for await (const chunk of source.stream()) {
        tokenizer.push(chunk);
        if (tokenizer.stopped)
            break;
    }
    tokenizer.end();
    if (columns === undefined)
        throw new InputError(`${source.name}: the file is empty; expected a header row naming the columns, then data rows.`);
    return { columns, dataOffset, dataLine };
}
/** Reads a whole CSV/TSV file into `consumer`. */
async function readCsv(source, consumer, delimiter) {
    let header = false;
    let rows = 0;
    const tokenizer = new csv_tokenizer_CsvTokenizer((row) => {
        if (!header) {
            header = true;
            consumer.columns(Array.from({ length: row.count }, (_, i) => row.text(i)), source.name);
            if (batches !== null)
                tokenizer.batchRows(batches);
            return;
        }
        rows += 1;
        consumer.csvRow(row);
    }, { delimiter, source: source.name });
    const batches = consumer.csvBatch === undefined ? null : new Batches(consumer);
    await pump(source, tokenizer, 0);
    tokenizer.end();
    rows += batches?.rows ?? 0;
    if (!header)
        throw new errors/* InputError */.dz(`${source.name}: the file is empty; expected a header row naming the columns, then data rows.`);
    if (rows === 0)
        throw new errors/* InputError */.dz(`${source.name}: the file has a header but no data rows.`);
    return { rows };
}
/** Reads the data rows of a byte range into `consumer` (whose columns are already set). */
async function csv_reader_readCsvRange(source, consumer, delimiter, range) {
    const tokenizer = new CsvTokenizer((row) => {
        if (row.offset >= range.stop)
            return false;
        consumer.csvRow(row);
        return undefined;
    }, { delimiter, source: source.name, offset: range.start, line: range.line });
    if (consumer.csvBatch !== undefined)
        tokenizer.batchRows(new Batches(consumer), range.stop);
    await pump(source, tokenizer, range.start);
    tokenizer.end();
    return { end: tokenizer.stopped ? tokenizer.position : source.size, endLine: tokenizer.currentLine };
}
function delimiterOf(format) {
    return format === 'tsv' ? '\t' : ',';
}
/** Hands batches of rows to a consumer that takes them, counting the rows. */
class Batches {
    consumer;
    rows = 0;
    constructor(consumer) {
        this.consumer = consumer;
    }
    csvBatch(batch) {
        this.rows += batch.rows;
        this.consumer.csvBatch(batch);
    }
}
/** Room in front of each chunk for the unfinished row of the previous one (longer rows are copied). */
const ROW_ROOM = 64 * 1024;
/**
 * Feeds the source from `start` to its end into the tokenizer, until it stops. A source with
 * positioned reads is read into two reused buffers, the next chunk while the current one is parsed;
 * any other is streamed.
 */
async function pump(source, tokenizer, start) {
    if (source.openReader === undefined) {
        for await (const chunk of source.stream(start === 0 ? undefined : { start })) {
            tokenizer.push(chunk);
            if (tokenizer.stopped)
                break;
        }
        return;
    }
    const reader = await source.openReader();
    const buffers = [Buffer.allocUnsafe(ROW_ROOM + CHUNK_SIZE), Buffer.allocUnsafe(ROW_ROOM + CHUNK_SIZE)];
    let position = start;
    let next = position < source.size ? reader.read(buffers[0], ROW_ROOM, CHUNK_SIZE, position) : null;
    let index = 0;
    try {
        while (next !== null) {
            const filled = await next;
            next = null;
            if (filled === 0)
                break;
            position += filled;
            const current = buffers[index];
            index ^= 1;
            if (filled === CHUNK_SIZE && position < source.size)
                next = reader.read(buffers[index], ROW_ROOM, CHUNK_SIZE, position);
            tokenizer.pushInPlace(current, ROW_ROOM, ROW_ROOM + filled);
            if (tokenizer.stopped)
                break;
        }
    }
    finally {
        // A read still in flight (the tokenizer stopped or threw) must end before the file closes.
        if (next !== null)
            await next.catch(() => 0);
        await reader.close();
    }
}

;// CONCATENATED MODULE: ./src/core/data/format.ts
/**
 * Which reader a data file needs: the format the user asked for, or with `auto` the one its
 * extension names (case-insensitive): .csv; .tsv or .tab; .jsonl or .ndjson; .parquet or .pq.
 *
 * Complexity: O(length of the name).
 *
 * Errors: with `auto`, an unknown or missing extension is an InputError naming the file and the
 * `format` input that settles it.
 */

const EXTENSIONS = new Map([
    ['csv', 'csv'],
    ['tsv', 'tsv'],
    ['tab', 'tsv'],
    ['jsonl', 'jsonl'],
    ['ndjson', 'jsonl'],
    ['parquet', 'parquet'],
    ['pq', 'parquet'],
]);
/** The format of `name` (a path or URI): `requested` unless it is `auto`, else by extension. */
function detectFormat(name, requested) {
    if (requested !== 'auto')
        return requested;
    const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    const dot = base.lastIndexOf('.');
    const format = dot > 0 ? EXTENSIONS.get(base.slice(dot + 1).toLowerCase()) : undefined;
    if (format === undefined) {
        throw new errors/* InputError */.dz(`data: cannot tell the format of "${name}" from its extension; set the format input to csv, tsv, jsonl or parquet`);
    }
    return format;
}

;// CONCATENATED MODULE: ./src/core/data/jsonl-reader.ts
/**
 * A streaming JSON Lines reader: one JSON object per line, LF or CRLF line ends, an optional UTF-8
 * BOM, blank lines skipped, a last line without a line break. It announces the keys of the first
 * record as the columns, in order, and announces the longer list again when a later record brings a
 * new key (the new column was missing in every earlier row). Values reach the consumer as they are
 * (null, strings, numbers, booleans); nested objects and arrays as their JSON text.
 *
 * Complexity: O(n) in the input bytes; only the unfinished last line is kept between chunks, so memory
 * is O(chunk + longest line), not O(file).
 *
 * Errors are one line naming the file and the physical line: invalid UTF-8, invalid JSON (with the
 * parser's message), a line that is not an object, and a file with no records at all.
 */


const jsonl_reader_LF = 0x0a;
async function readJsonl(source, consumer) {
    const reader = new JsonlReader(source.name, consumer);
    for await (const chunk of source.stream())
        reader.push(chunk);
    reader.end();
    if (reader.rows === 0) {
        throw new errors/* InputError */.dz(`${source.name}: the file is empty; expected one JSON object per line`);
    }
    return { rows: reader.rows };
}
class JsonlReader {
    name;
    consumer;
    rows = 0;
    /** Pieces of the unfinished line (no LF yet); joined once the line ends. */
    pending = [];
    pendingBytes = 0;
    /** Physical line number of the next line to finish. */
    line = 1;
    first = true;
    columns = [];
    index = new Map();
    constructor(name, consumer) {
        this.name = name;
        this.consumer = consumer;
    }
    push(chunk) {
        const lastLf = chunk.lastIndexOf(jsonl_reader_LF);
        if (lastLf === -1) {
            if (chunk.length > 0) {
                this.pending.push(chunk);
                this.pendingBytes += chunk.length;
            }
            return;
        }
        // Complete lines: the pending pieces plus the chunk up to its last LF, decoded in one go.
        let complete = chunk.subarray(0, lastLf + 1);
        if (this.pendingBytes > 0) {
            complete = Buffer.concat([...this.pending, complete], this.pendingBytes + complete.length);
            this.pending = [];
            this.pendingBytes = 0;
        }
        this.lines(complete, true);
        // Copy the unfinished line, so the rest of the chunk can be freed.
        if (lastLf + 1 < chunk.length) {
            this.pending.push(Buffer.from(chunk.subarray(lastLf + 1)));
            this.pendingBytes = chunk.length - lastLf - 1;
        }
    }
    /** Ends the input: the last line may lack a line break. */
    end() {
        if (this.pendingBytes === 0)
            return;
        const rest = Buffer.concat(this.pending, this.pendingBytes);
        this.pending = [];
        this.pendingBytes = 0;
        this.lines(rest, false);
    }
    /** Handles whole lines; with `terminated`, `bytes` ends with an LF. */
    lines(bytes, terminated) {
        if ((0,external_node_buffer_.isUtf8)(bytes)) {
            this.decode(bytes, terminated);
            return;
        }
        // Read the good lines before the bad one, so errors do not depend on where chunks end.
        let start = 0;
        for (;;) {
            const newline = bytes.indexOf(jsonl_reader_LF, start);
            const end = newline === -1 ? bytes.length : newline;
            if (!(0,external_node_buffer_.isUtf8)(bytes.subarray(start, end)))
                break;
            start = end + 1;
        }
        if (start > 0)
            this.decode(bytes.subarray(0, start), true);
        throw new errors/* InputError */.dz(`${this.name}: line ${this.line} is not valid UTF-8; save the file as UTF-8 and try again`);
    }
    decode(bytes, terminated) {
        const text = bytes.toString('utf8');
        let start = 0;
        if (this.first) {
            this.first = false;
            if (text.charCodeAt(0) === 0xfeff)
                start = 1;
        }
        for (;;) {
            const newline = text.indexOf('\n', start);
            if (newline === -1) {
                if (!terminated && start < text.length)
                    this.record(text, start, withoutCr(text, text.length));
                return;
            }
            this.record(text, start, withoutCr(text, newline));
            this.line += 1;
            start = newline + 1;
        }
    }
    record(text, start, end) {
        const line = this.line;
        let blank = true;
        for (let i = start; i < end; i += 1) {
            const code = text.charCodeAt(i);
            if (code !== 0x20 && code !== 0x09) {
                blank = false;
                break;
            }
        }
        if (blank)
            return;
        let value;
        try {
            value = JSON.parse(text.slice(start, end));
        }
        catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new errors/* InputError */.dz(`${this.name}: line ${line} is not valid JSON (${reason})`);
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw new errors/* InputError */.dz(`${this.name}: line ${line} is not a JSON object (found ${jsonl_reader_describe(value)}); JSON Lines needs one object per line`);
        }
        const record = value;
        const values = new Array(this.columns.length);
        let grew = this.rows === 0;
        for (const key of Object.keys(record)) {
            let position = this.index.get(key);
            if (position === undefined) {
                position = this.columns.length;
                this.columns.push(key);
                this.index.set(key, position);
                grew = true;
            }
            values[position] = cell(record[key]);
        }
        if (grew)
            this.consumer.columns([...this.columns], this.name);
        this.rows += 1;
        this.consumer.valueRow(values, line);
    }
}
/** The end of a line that ends at `end`, less a CR before the LF. */
function withoutCr(text, end) {
    return end > 0 && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}
function cell(value) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return value;
    return JSON.stringify(value);
}
function jsonl_reader_describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return 'a string';
    if (typeof value === 'number')
        return 'a number';
    if (typeof value === 'boolean')
        return 'a boolean';
    return typeof value;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/metadata.js + 1 modules
var src_metadata = __webpack_require__(6367);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/read.js + 16 modules
var read = __webpack_require__(3720);
;// CONCATENATED MODULE: ./src/core/data/parquet-reader.ts
/**
 * A Parquet reader on hyparquet. The file is read through the ByteSource's ranged reads (the footer
 * first, then one row group at a time), so memory is bounded by the largest row group, not the file,
 * and an S3 object is never downloaded whole. Rows reach the consumer as values in column order (the
 * top-level columns; nested ones as JSON text), with `line` the 1-based row index in the file.
 *
 * Values become CellValues: numbers, strings and booleans as they are; NaN as null; a bigint as a
 * number when it is a safe integer, else its decimal text; a DATE as `YYYY-MM-DD`; a timestamp as ISO
 * 8601 text in UTC (`Z`) with the precision of its unit (milli-, micro- or nanoseconds); binary as
 * base64 text, except that a BYTE_ARRAY column without a STRING annotation (older writers omit it)
 * gives text for each value that is valid UTF-8; lists, structs, maps and JSON columns as JSON text. Pages may be uncompressed, Snappy,
 * GZIP or Brotli, and ZSTD where the Node.js runtime has zstd (22.15 and later).
 *
 * Complexity: O(n) in the bytes of the file; O(largest row group) memory.
 *
 * Errors are one line naming the file: not Parquet or cut short (InputError asking to check the
 * upload), a compression codec that cannot be read here, a file without rows. Errors of the source
 * itself (a ServiceError from S3) pass through unchanged.
 */




async function readParquet(source, consumer) {
    const file = asyncBuffer(source);
    const metadata = await unreadable(source, async () => {
        // Magic number, footer length and magic number again: 12 bytes at least.
        if (source.size < 12)
            throw new Error(`the file is ${source.size} bytes long, too short for Parquet`);
        return (0,src_metadata/* parquetMetadataAsync */.Ei)(file, { parsers: PARSERS, geoparquet: false });
    });
    const schema = await unreadable(source, async () => {
        checkLayout(metadata, source.size);
        return (0,src_metadata/* parquetSchema */.YR)(metadata).children.map((child) => child.element);
    });
    const columns = schema.map((element) => element.name);
    // BYTE_ARRAY without a STRING annotation is often text anyway (older writers omit it).
    const maybeText = schema.map((element) => element.type === 'BYTE_ARRAY' && element.converted_type === undefined && element.logical_type === undefined);
    checkCodecs(metadata, source.name);
    if (metadata.num_rows === 0n)
        throw new errors/* InputError */.dz(`${source.name}: the file has no rows`);
    consumer.columns(columns, source.name);
    let groupStart = 0;
    let rows = 0;
    for (const group of metadata.row_groups) {
        const groupRows = Number(group.num_rows);
        if (groupRows === 0)
            continue;
        // One row group at a time: hyparquet fetches only this group's column chunks.
        let groupData = [];
        await unreadable(source, () => (0,read/* parquetRead */.bA)({
            file,
            metadata,
            columns,
            rowStart: groupStart,
            rowEnd: groupStart + groupRows,
            parsers: PARSERS,
            compressors: COMPRESSORS,
            utf8: false,
            geoparquet: false,
            onComplete: (data) => {
                groupData = data;
            },
        }));
        for (const [index, row] of groupData.entries()) {
            for (let i = 0; i < row.length; i += 1)
                row[i] = maybeText[i] === true ? looseBytesValue(row[i]) : cellValue(row[i]);
            consumer.valueRow(row, groupStart + index + 1);
        }
        rows += groupData.length;
        groupStart += groupRows;
    }
    return { rows };
}
/** The source as hyparquet's AsyncBuffer: slices are ranged reads. */
function asyncBuffer(source) {
    return {
        byteLength: source.size,
        async slice(start, end) {
            const bytes = await source.read(start, end ?? source.size);
            if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
                return bytes.buffer;
            }
            return new Uint8Array(bytes).buffer;
        },
    };
}
/** Runs a hyparquet step; its failures (not the source's own) mean the bytes are not readable Parquet. */
async function unreadable(source, step) {
    try {
        return await step();
    }
    catch (error) {
        if ((0,errors/* isCd4mlError */.Do)(error))
            throw error;
        let reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
        if (reason === 'parquet file invalid (footer != PAR1)')
            reason = 'it does not end with the Parquet marker PAR1';
        throw new errors/* InputError */.dz(`${source.name}: not a readable Parquet file (${reason}); check that the upload finished and the file is complete`);
    }
}
/** Rejects metadata that does not fit the file (a corrupt footer), before anything is read with it. */
function checkLayout(metadata, size) {
    let total = 0n;
    for (const group of metadata.row_groups) {
        if (group.num_rows < 0n)
            throw new Error('a row group has a negative row count');
        total += group.num_rows;
        for (const chunk of group.columns) {
            const meta = chunk.meta_data;
            if (meta === undefined)
                throw new Error('a column chunk has no metadata');
            const start = meta.dictionary_page_offset !== undefined && meta.dictionary_page_offset > 0n ? meta.dictionary_page_offset : meta.data_page_offset;
            if (start < 0n || meta.total_compressed_size < 0n || start + meta.total_compressed_size > BigInt(size)) {
                throw new Error(`column "${meta.path_in_schema.join('.')}" lies past the end of the file`);
            }
        }
    }
    if (total !== metadata.num_rows)
        throw new Error(`the row groups hold ${total} rows, the footer says ${metadata.num_rows}`);
}
/** Zstandard in node:zlib (Node.js 22.15 and later); absent on older runtimes. */
const zstdDecompress = (external_node_zlib_default()).zstdDecompressSync;
const COMPRESSORS = {
    GZIP: (input, length) => external_node_zlib_default().unzipSync(input, { maxOutputLength: Math.max(1, length) }),
    BROTLI: (input, length) => external_node_zlib_default().brotliDecompressSync(input, { maxOutputLength: Math.max(1, length) }),
    ...(zstdDecompress === undefined ? {} : { ZSTD: (input, length) => zstdDecompress(input, { maxOutputLength: Math.max(1, length) }) }),
};
const BUILT_IN = new Set(['UNCOMPRESSED', 'SNAPPY']);
function checkCodecs(metadata, name) {
    for (const group of metadata.row_groups) {
        for (const chunk of group.columns) {
            const codec = chunk.meta_data?.codec;
            if (codec === undefined || BUILT_IN.has(codec) || COMPRESSORS[codec] !== undefined)
                continue;
            const column = chunk.meta_data?.path_in_schema.join('.') ?? '?';
            if (codec === 'ZSTD') {
                throw new errors/* InputError */.dz(`${name}: column "${column}" is compressed with ZSTD, which needs Node.js 22.15 or later (this is ${process.version}); run on a newer Node.js, or write the file with snappy compression`);
            }
            throw new errors/* InputError */.dz(`${name}: column "${column}" is compressed with ${codec}, which cannot be read here; write the file with snappy or gzip compression`);
        }
    }
}
const MS_PER_DAY = 86_400_000;
/** Dates and timestamps straight to text, at the precision of their unit. */
const PARSERS = {
    dateFromDays(days) {
        const date = new Date(days * MS_PER_DAY);
        if (Number.isNaN(date.getTime()))
            return String(days);
        const iso = date.toISOString();
        return iso.slice(0, iso.indexOf('T'));
    },
    timestampFromMilliseconds: (value) => timestamp(value, 1n, 0),
    timestampFromMicroseconds: (value) => timestamp(value, 1000n, 3),
    timestampFromNanoseconds: (value) => timestamp(value, 1000000n, 6),
};
/** ISO 8601 in UTC; `extra` digits below the millisecond come from `value % perMilli`. */
function timestamp(raw, perMilli, extra) {
    const value = BigInt(raw);
    let millis = value / perMilli;
    let rest = value % perMilli;
    if (rest < 0n) {
        millis -= 1n;
        rest += perMilli;
    }
    const date = new Date(Number(millis));
    if (Number.isNaN(date.getTime()))
        return value.toString();
    const iso = date.toISOString();
    return extra === 0 ? iso : `${iso.slice(0, -1)}${rest.toString().padStart(extra, '0')}Z`;
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
function cellValue(value) {
    switch (typeof value) {
        case 'string':
        case 'boolean':
            return value;
        case 'undefined':
            return null;
        case 'number':
            return Number.isNaN(value) ? null : value;
        case 'bigint':
            return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
        default:
            if (value === null)
                return null;
            if (value instanceof Date)
                return Number.isNaN(value.getTime()) ? null : value.toISOString();
            if (value instanceof Uint8Array)
                return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
            return JSON.stringify(value, jsonValue);
    }
}
/** A value of a BYTE_ARRAY column without annotation: text when it is valid UTF-8, else base64. */
function looseBytesValue(value) {
    if (value instanceof Uint8Array && (0,external_node_buffer_.isUtf8)(value))
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
    return cellValue(value);
}
/** JSON.stringify replacer for nested values: bigints, binary and typed arrays. */
function jsonValue(_key, value) {
    if (typeof value === 'bigint')
        return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
    if (value instanceof Uint8Array)
        return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    if (ArrayBuffer.isView(value) && !(value instanceof DataView))
        return Array.from(value);
    return value;
}

;// CONCATENATED MODULE: ./src/core/data/table.ts
/**
 * What every reader hands its rows to. A reader (CSV/TSV, JSON Lines, Parquet) announces the columns,
 * then streams rows; the consumer (the scanner that profiles and validates) never sees the format.
 *
 * CSV rows arrive as byte ranges (`csvRow`, or many at once, `csvBatch`), so the hot path makes no
 * string per field; JSON Lines and Parquet rows arrive as JavaScript values (`valueRow`).
 */

/** Throws when a row of the batch does not have one field per column (`width`), naming its line in `source`. */
function table_checkFieldCounts(batch, width, source) {
    const { rowStarts } = batch;
    for (let row = 0; row < batch.rows; row += 1) {
        const count = rowStarts[row + 1] - rowStarts[row];
        if (count !== width) {
            throw new errors/* InputError */.dz(`${source}: line ${batch.lines[row]} has ${count} field${count === 1 ? '' : 's'}, but the header has ${width}; every row needs one field per column (quote fields that contain the delimiter).`);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/evaluation/evaluation-table.ts
/**
 * The evaluation set as the scorer and the metrics need it: the model's feature columns as one
 * row-major Float32Array, the label's raw values, and the slice columns dictionary-encoded, read
 * from one or more files (CSV/TSV, JSON Lines, Parquet) through the project's readers.
 *
 * - Columns are found by name in each file, so shards may order their columns differently; a JSON
 *   Lines column that first appears in a later record was missing in the records before it.
 * - Features: integers, decimals and booleans (true 1, false 0) are numbers; a missing cell (an empty
 *   field, a null marker such as NA, JSON null, an absent key, a Parquet null or NaN) is NaN, as is a
 *   quoted empty string; any other value (text, a date) is an error, since the model takes numbers.
 * - The label keeps what each cell holds (LabelColumn): numbers (booleans as 1/0) and texts; the
 *   task's encoding is labels.ts's job.
 * - Slice columns keep their text as written (numbers too), missing cells as MISSING_CATEGORY.
 *
 * CSV rows are taken a batch at a time as byte ranges (TableConsumer.csvBatch) and classified with
 * classifyBytes, so a numeric field never becomes a string; only label texts and the first
 * occurrence of each slice value do.
 * Typed arrays grow by doubling; a CSV file's first batch sizes them for the whole file (its bytes
 * per row, +10%), so they seldom grow again.
 *
 * Complexity: O(cells of the needed columns) time; memory 4·features + 12 bytes per row (label),
 * + 4 bytes per row per slice column, up to twice that while growing.
 *
 * Errors are one-line InputErrors naming the file and the line (CSV, JSON Lines) or row (Parquet): a
 * missing column (with the columns there are), a non-numeric feature value, missing labels, a row
 * with the wrong field count, and an empty evaluation set.
 */







/** The category of a missing cell in a slice column. */
const MISSING_CATEGORY = '(missing)';
async function readEvaluationTable(sources, options) {
    if (sources.length === 0)
        throw new errors/* InputError */.dz('data: the evaluation set is empty: no data files were given; name at least one file.');
    const builder = new EvaluationBuilder(options);
    for (const source of sources) {
        const format = detectFormat(source.name, options.format);
        builder.beginSource(source.name, format, source.size);
        if (format === 'csv' || format === 'tsv')
            await readCsv(source, builder, delimiterOf(format));
        else if (format === 'jsonl')
            await readJsonl(source, builder);
        else
            await readParquet(source, builder);
        builder.endSource();
    }
    return builder.finish();
}
/** Thrown by ColumnPeek to stop a reader once it has announced the columns. */
class Peeked extends Error {
    names;
    constructor(names) {
        super('columns read');
        this.names = names;
    }
}
/** Reads just enough to name a CSV/TSV, JSON Lines or Parquet file's columns (a JSON Lines file's first record). */
async function readDataColumns(source, format) {
    const peek = {
        columns(names) {
            throw new Peeked([...names]);
        },
        csvRow() { },
        valueRow() { },
    };
    const detected = detectFormat(source.name, format);
    try {
        if (detected === 'csv' || detected === 'tsv')
            await readCsv(source, peek, delimiterOf(detected));
        else if (detected === 'jsonl')
            await readJsonl(source, peek);
        else
            await readParquet(source, peek);
    }
    catch (error) {
        if (error instanceof Peeked)
            return error.names;
        throw error;
    }
    return [];
}
/** Up to `limit` items of a list, with how many more there are. */
function some(items, limit = 3) {
    const shown = items.slice(0, limit).join(', ');
    return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}
const ROLE_NAMES = { feature: 'a feature', label: 'the label', slice: 'a slice column' };
/**
 * The codes of unquoted field bytes seen before (a slice column's values), found by an FNV-1a hash
 * of the bytes and checked byte by byte, so a repeated value makes no string. Values longer than
 * MAX_BYTES, hash collisions and values past MAX_ENTRIES are not kept (the caller decodes them).
 */
class ByteCodes {
    static MAX_BYTES = 64;
    static MAX_ENTRIES = 4096;
    byHash = new Map();
    /** Per entry: where its bytes lie in `pool`, and its code. */
    spans = [];
    pool = Buffer.allocUnsafe(1024);
    used = 0;
    static hash(buffer, start, end) {
        let hash = 0x811c9dc5;
        for (let i = start; i < end; i += 1)
            hash = Math.imul(hash ^ buffer[i], 0x01000193);
        return hash;
    }
    /** The code remembered for bytes [start, end), or −1. */
    lookup(buffer, start, end) {
        if (end - start > ByteCodes.MAX_BYTES)
            return -1;
        const entry = this.byHash.get(ByteCodes.hash(buffer, start, end));
        if (entry === undefined)
            return -1;
        const at = this.spans[entry];
        if (this.spans[entry + 1] - at !== end - start)
            return -1;
        const pool = this.pool;
        for (let i = start, j = at; i < end; i += 1, j += 1)
            if (buffer[i] !== pool[j])
                return -1;
        return this.spans[entry + 2];
    }
    remember(buffer, start, end, code) {
        const length = end - start;
        if (length > ByteCodes.MAX_BYTES || this.spans.length >= ByteCodes.MAX_ENTRIES * 3)
            return;
        const hash = ByteCodes.hash(buffer, start, end);
        if (this.byHash.has(hash))
            return;
        if (this.used + length > this.pool.length) {
            const pool = Buffer.allocUnsafe(this.pool.length * 2 + length);
            this.pool.copy(pool, 0, 0, this.used);
            this.pool = pool;
        }
        buffer.copy(this.pool, this.used, start, end);
        this.byHash.set(hash, this.spans.length);
        this.spans.push(this.used, this.used + length, code);
        this.used += length;
    }
}
class EvaluationBuilder {
    options;
    rows = 0;
    capacity = 0;
    width;
    features = new Float32Array(0);
    sources = [];
    sourceRows = [];
    firstColumns;
    /** The current file: its name, whether its rows count lines (else Parquet row numbers), its first row's index. */
    source = '';
    format = 'csv';
    sourceStart = 0;
    /** The current file's size in bytes, and whether its rows were estimated from its first CSV batch. */
    sourceSize = 0;
    estimated = false;
    names = [];
    /** Column positions in the current file, −1 until found. */
    featureAt;
    labelAt = -1;
    sliceAt;
    /** The label, as LabelColumn's arrays. */
    labelNumbers = new Float64Array(0);
    labelCodes = new Int32Array(0);
    labelTexts = [];
    labelIndex = new Map();
    nullRows = [];
    counts = { numbers: 0, booleans: 0, texts: 0, nulls: 0 };
    /** Null labels of the current file: how many, and the lines of the first few. */
    sourceNulls = 0;
    nullLines = [];
    slices;
    cell = (0,data_cell/* newCell */.No)();
    scratch = Buffer.allocUnsafe(256);
    constructor(options) {
        this.options = options;
        this.width = options.features.length;
        this.featureAt = new Int32Array(this.width).fill(-1);
        this.sliceAt = new Int32Array(options.categorical.length).fill(-1);
        this.slices = options.categorical.map(() => ({ values: [], index: new Map(), codes: new Int32Array(0), bytes: new ByteCodes() }));
    }
    beginSource(name, format, size) {
        this.source = name;
        this.sourceSize = size;
        this.estimated = false;
        this.format = format;
        this.sourceStart = this.rows;
        this.names = [];
        this.featureAt.fill(-1);
        this.sliceAt.fill(-1);
        this.labelAt = -1;
        this.sourceNulls = 0;
        this.nullLines.length = 0;
    }
    columns(names, source) {
        this.source = source;
        this.names = [...names];
        this.firstColumns ??= [...names];
        const position = (name) => {
            const at = names.indexOf(name);
            if (at >= 0 && names.indexOf(name, at + 1) >= 0) {
                throw new errors/* InputError */.dz(`${source}: the header names column "${name}" twice (columns ${at + 1} and ${names.indexOf(name, at + 1) + 1}); column names must be unique.`);
            }
            return at;
        };
        this.options.features.forEach((name, i) => (this.featureAt[i] = position(name)));
        this.options.categorical.forEach((name, i) => (this.sliceAt[i] = position(name)));
        if (this.options.label !== undefined)
            this.labelAt = position(this.options.label);
        // JSON Lines may name a column in a later record: its absence is judged at the end of the file.
        if (this.format !== 'jsonl')
            this.checkColumns();
    }
    endSource() {
        this.checkColumns();
        if (this.sourceNulls > 0) {
            const unit = this.format === 'parquet' ? 'row' : 'line';
            const more = this.sourceNulls - this.nullLines.length;
            const where = `${unit}${this.nullLines.length === 1 ? '' : 's'} ${this.nullLines.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
            throw new errors/* InputError */.dz(`${this.source}: the label "${this.options.label ?? ''}" is missing on ${this.sourceNulls} row${this.sourceNulls === 1 ? '' : 's'} (${where}); every evaluation row needs a label: drop those rows or fill in their labels.`);
        }
        this.sources.push(this.source);
        this.sourceRows.push(this.rows - this.sourceStart);
    }
    /** Every named column must be in the file. */
    checkColumns() {
        const missing = (name, role) => {
            throw new errors/* InputError */.dz(`${this.source}: no column "${name}" (${ROLE_NAMES[role]}); the columns are ${this.names.join(', ')}. Check the spelling and letter case.`);
        };
        this.options.features.forEach((name, i) => {
            if (this.featureAt[i] < 0)
                missing(name, 'feature');
        });
        if (this.options.label !== undefined && this.labelAt < 0)
            missing(this.options.label, 'label');
        this.options.categorical.forEach((name, i) => {
            if (this.sliceAt[i] < 0)
                missing(name, 'slice');
        });
    }
    /** Room for `rows` rows in every array (doubling). */
    reserve(rows) {
        if (rows <= this.capacity)
            return;
        const capacity = Math.max(rows, this.capacity * 2, 1024);
        const features = new Float32Array(capacity * this.width);
        features.set(this.features.subarray(0, this.rows * this.width));
        this.features = features;
        if (this.options.label !== undefined) {
            const numbers = new Float64Array(capacity);
            numbers.set(this.labelNumbers.subarray(0, this.rows));
            this.labelNumbers = numbers;
            const codes = new Int32Array(capacity);
            codes.set(this.labelCodes.subarray(0, this.rows));
            this.labelCodes = codes;
        }
        for (const slice of this.slices) {
            const codes = new Int32Array(capacity);
            codes.set(slice.codes.subarray(0, this.rows));
            slice.codes = codes;
        }
        this.capacity = capacity;
    }
    where(line) {
        return `${this.source}: ${this.format === 'parquet' ? 'row' : 'line'} ${line}`;
    }
    notNumeric(feature, text, line) {
        const name = this.options.features[feature];
        throw new errors/* InputError */.dz(`${this.where(line)}: feature "${name}" is ${JSON.stringify(text)}, not a number; the model takes numbers only: fix or drop the row, or encode the column as numbers before evaluating.`);
    }
    nullLabel(row, line) {
        this.nullRows.push(row);
        this.counts.nulls += 1;
        this.sourceNulls += 1;
        if (this.nullLines.length < 3)
            this.nullLines.push(line);
    }
    /**
     * Takes the label cell in this.cell (classified) for row `row`: a number or a missing value; true
     * when it is text, which the caller hands to labelText.
     */
    takeLabel(row, line) {
        const kind = this.cell.kind;
        if (kind === data_cell/* INTEGER */.vh || kind === data_cell/* NUMBER */.uk || kind === data_cell/* BOOLEAN */.Jx) {
            this.labelNumbers[row] = this.cell.value;
            this.labelCodes[row] = -1;
            if (kind === data_cell/* BOOLEAN */.Jx)
                this.counts.booleans += 1;
            else
                this.counts.numbers += 1;
            return false;
        }
        this.labelNumbers[row] = Number.NaN;
        this.labelCodes[row] = -1;
        if (kind === data_cell/* NULL */.Cq) {
            this.nullLabel(row, line);
            return false;
        }
        return true;
    }
    labelText(row, value) {
        let code = this.labelIndex.get(value);
        if (code === undefined) {
            code = this.labelTexts.length;
            this.labelTexts.push(value);
            this.labelIndex.set(value, code);
        }
        this.labelCodes[row] = code;
        this.counts.texts += 1;
    }
    category(slice, row, value) {
        const entry = this.slices[slice];
        let code = entry.index.get(value);
        if (code === undefined) {
            code = entry.values.length;
            entry.values.push(value);
            entry.index.set(value, code);
        }
        entry.codes[row] = code;
    }
    csvRow(row) {
        const one = {
            buffer: row.buffer,
            rows: 1,
            rowStarts: Int32Array.of(0, row.count),
            lines: Float64Array.of(row.line),
            offsets: Float64Array.of(row.offset),
            starts: row.starts,
            ends: row.ends,
            quoting: row.quoting,
        };
        this.csvBatch(one);
    }
    csvBatch(batch) {
        const width = this.names.length;
        const rows = batch.rows;
        const rowStarts = batch.rowStarts;
        table_checkFieldCounts(batch, width, this.source);
        const first = this.rows;
        if (!this.estimated && rows > 1) {
            // Room for the whole file at once, estimated from the first batch's bytes per row (+10%).
            this.estimated = true;
            const offsets = batch.offsets;
            const perRow = (offsets[rows - 1] - offsets[0]) / (rows - 1);
            if (perRow > 0)
                this.reserve(first + rows + Math.ceil(((this.sourceSize - offsets[rows - 1]) / perRow) * 1.1));
        }
        this.reserve(first + rows);
        const base = rowStarts[0];
        const { buffer, starts, ends, quoting, lines } = batch;
        const cell = this.cell;
        const text = (at) => {
            const value = buffer.toString('utf8', starts[at], ends[at]);
            return quoting[at] === 2 ? value.replaceAll('""', '"') : value;
        };
        // One column at a time: a tight loop per column, writing every `stride`-th value.
        const features = this.features;
        const stride = this.width;
        for (let feature = 0; feature < stride; feature += 1) {
            const column = this.featureAt[feature];
            for (let row = 0, at = base + column, out = first * stride + feature; row < rows; row += 1, at += width, out += stride) {
                const q = quoting[at];
                if (q === 2)
                    this.notNumeric(feature, text(at), lines[row]);
                (0,data_cell/* classifyBytes */.E)(cell, buffer, starts[at], ends[at], q !== 0);
                const kind = cell.kind;
                if (kind === data_cell/* INTEGER */.vh || kind === data_cell/* NUMBER */.uk || kind === data_cell/* BOOLEAN */.Jx)
                    features[out] = cell.value;
                else if (kind === data_cell/* NULL */.Cq || kind === data_cell/* EMPTY */.wg)
                    features[out] = Number.NaN;
                else
                    this.notNumeric(feature, text(at), lines[row]);
            }
        }
        if (this.labelAt >= 0) {
            for (let row = 0, at = base + this.labelAt; row < rows; row += 1, at += width) {
                (0,data_cell/* classifyBytes */.E)(cell, buffer, starts[at], ends[at], quoting[at] !== 0);
                if (this.takeLabel(first + row, lines[row]))
                    this.labelText(first + row, text(at));
            }
        }
        for (let slice = 0; slice < this.slices.length; slice += 1) {
            const entry = this.slices[slice];
            const known = entry.bytes;
            for (let row = 0, at = base + this.sliceAt[slice]; row < rows; row += 1, at += width) {
                const start = starts[at];
                const end = ends[at];
                const unquoted = quoting[at] === 0;
                // Unquoted bytes seen before have their code already (no string); quoted text is never missing.
                const code = unquoted ? known.lookup(buffer, start, end) : -1;
                if (code >= 0) {
                    entry.codes[first + row] = code;
                    continue;
                }
                let value;
                if (!unquoted) {
                    value = text(at);
                }
                else {
                    // An unquoted empty field or null marker is missing.
                    (0,data_cell/* classifyBytes */.E)(cell, buffer, start, end, false);
                    value = cell.kind === data_cell/* NULL */.Cq ? MISSING_CATEGORY : text(at);
                }
                this.category(slice, first + row, value);
                if (unquoted)
                    known.remember(buffer, start, end, entry.codes[first + row]);
            }
        }
        this.rows = first + rows;
    }
    valueRow(values, line) {
        const row = this.rows;
        this.reserve(row + 1);
        const cell = this.cell;
        const stride = this.width;
        for (let feature = 0; feature < stride; feature += 1) {
            const at = this.featureAt[feature];
            const value = at < 0 ? undefined : values[at];
            let number;
            if (typeof value === 'number') {
                // ±Infinity is text, as everywhere in the project (cell.ts).
                if (value === Infinity || value === -Infinity)
                    this.notNumeric(feature, String(value), line);
                number = value;
            }
            else if (typeof value === 'boolean') {
                number = value ? 1 : 0;
            }
            else if (value === null || value === undefined) {
                number = Number.NaN;
            }
            else {
                this.scratch = (0,data_cell/* classifyValue */.Ws)(cell, value, this.scratch);
                const kind = cell.kind;
                if (kind === data_cell/* INTEGER */.vh || kind === data_cell/* NUMBER */.uk || kind === data_cell/* BOOLEAN */.Jx)
                    number = cell.value;
                else if (kind === data_cell/* NULL */.Cq || kind === data_cell/* EMPTY */.wg)
                    number = Number.NaN;
                else
                    this.notNumeric(feature, value, line);
            }
            this.features[row * stride + feature] = number;
        }
        if (this.options.label !== undefined) {
            const value = this.labelAt < 0 ? undefined : values[this.labelAt];
            this.scratch = (0,data_cell/* classifyValue */.Ws)(cell, value, this.scratch);
            if (this.takeLabel(row, line))
                this.labelText(row, typeof value === 'string' ? value : (0,data_cell/* cellText */.Ie)(cell));
        }
        for (let slice = 0; slice < this.slices.length; slice += 1) {
            const at = this.sliceAt[slice];
            const value = at < 0 ? undefined : values[at];
            const text = value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? MISSING_CATEGORY : typeof value === 'string' ? value : String(value);
            this.category(slice, row, text);
        }
        this.rows = row + 1;
    }
    finish() {
        const rows = this.rows;
        if (rows === 0)
            throw new errors/* InputError */.dz(`data: the evaluation set is empty: ${some(this.sources)} hold no data rows.`);
        const width = this.width;
        const features = this.features.subarray(0, rows * width);
        const categorical = new Map();
        this.options.categorical.forEach((name, i) => {
            const slice = this.slices[i];
            categorical.set(name, { values: slice.values, codes: slice.codes.subarray(0, rows) });
        });
        const table = {
            rows,
            sources: this.sources,
            sourceRows: this.sourceRows,
            columns: this.firstColumns ?? [],
            featureNames: [...this.options.features],
            features,
            featureColumn(index) {
                if (!Number.isInteger(index) || index < 0 || index >= width)
                    throw new RangeError(`feature index ${index} is outside 0..${width - 1}`);
                const column = new Float32Array(rows);
                for (let row = 0, at = index; row < rows; row += 1, at += width)
                    column[row] = features[at];
                return column;
            },
            categorical,
        };
        if (this.options.label !== undefined) {
            table.label = {
                name: this.options.label,
                rows,
                numbers: this.labelNumbers.subarray(0, rows),
                textCodes: this.labelCodes.subarray(0, rows),
                texts: this.labelTexts,
                nullRows: this.nullRows,
                counts: { ...this.counts },
            };
        }
        return table;
    }
}

;// CONCATENATED MODULE: ./src/core/evaluation/labels.ts
/**
 * Turns the label column's raw values into what the metrics take, for a task given or inferred.
 *
 * - binary → Uint8Array of 0/1. Labels 0/1 and booleans are taken as they are; any other two values
 *   are sorted (numbers numerically, text by code point) as scikit-learn's `classes_` is, and the
 *   second (the larger) is the positive class, which `note` says. One value other than 0/1 is an
 *   error: which class it is cannot be told.
 * - multiclass → Int32Array of class indexes 0..C−1, C the model's outputs per row. Integer labels
 *   that all lie in 0..C−1 are their own index; otherwise the distinct labels, sorted as above, are
 *   indexes 0..C−1 as scikit-learn's `classes_` orders them, which needs every one of the C classes
 *   to appear (with fewer, which output is which cannot be told).
 * - regression → Float64Array of the numbers.
 *
 * Task inference when none is given: a model with 3 or more outputs per row is multiclass; at most
 * 2 distinct labels are binary; more numbers with one output (or a model's width unknown and labels
 * not a few integers) are regression; more text labels with one output are an error.
 *
 * Complexity: O(rows) time; O(distinct labels) memory (distinct numbers are counted up to a bound).
 *
 * Errors are one-line InputErrors naming the label and showing its distinct values.
 */

/** Distinct numbers counted before a label counts as "many values". */
const DISTINCT_LIMIT = 1024;
/** With no model width, at most this many distinct integers from 0 read as classes, not a quantity. */
const FEW_CLASSES = 20;
/** Orders texts by Unicode code point, as NumPy sorts strings (JavaScript's < compares UTF-16 code units). */
function compareText(a, b) {
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
        const x = a.codePointAt(i);
        const y = b.codePointAt(j);
        if (x !== y)
            return x - y;
        i += x > 0xffff ? 2 : 1;
        j += y > 0xffff ? 2 : 1;
    }
    return a.length - b.length;
}
function distinctOf(label) {
    const { counts } = label;
    if (counts.texts > 0) {
        return { texts: [...new Set(label.texts)].sort(compareText), numbers: null, overflow: false, integers: false, booleans: false };
    }
    const seen = new Set();
    let overflow = false;
    let integers = true;
    const numbers = label.numbers;
    for (let row = 0; row < label.rows; row += 1) {
        const value = numbers[row];
        if (integers && !Number.isInteger(value))
            integers = false;
        if (!overflow) {
            seen.add(value);
            if (seen.size > DISTINCT_LIMIT)
                overflow = true;
        }
    }
    return { texts: null, numbers: [...seen].sort((a, b) => a - b), overflow, integers, booleans: counts.booleans > 0 && counts.numbers === 0 };
}
function count(distinct) {
    return distinct.texts?.length ?? distinct.numbers.length;
}
/** The distinct values for a message: `3 distinct values (0, 1, 2)`. */
function describeValues(distinct, limit = 10) {
    const values = distinct.texts?.map((text) => JSON.stringify(text)) ?? distinct.numbers.map((value) => (distinct.booleans ? String(value === 1) : String(value)));
    const n = values.length;
    const shown = values.slice(0, limit).join(', ');
    const more = n > limit || distinct.overflow ? ', …' : '';
    return `${distinct.overflow ? `more than ${DISTINCT_LIMIT}` : n} distinct value${n === 1 ? '' : 's'} (${shown}${more})`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function encodeLabels(label, name, options) {
    const { counts } = label;
    if (label.rows === 0)
        throw new errors/* InputError */.dz(`label "${name}": the evaluation set is empty; there are no labels to score against.`);
    if (counts.nulls > 0 || label.nullRows.length > 0) {
        const rows = label.nullRows.slice(0, 3).map((row) => row + 1);
        throw new errors/* InputError */.dz(`label "${name}" is missing on ${plural(Math.max(counts.nulls, label.nullRows.length), 'row')} (row ${rows.join(', ')}${label.nullRows.length > 3 ? ', …' : ''}); every evaluation row needs a label: drop those rows or fill in their labels.`);
    }
    const width = options.predictionWidth;
    if (width !== undefined && (!Number.isInteger(width) || width < 1))
        throw new RangeError(`predictionWidth must be a positive integer, not ${width}`);
    if (counts.texts > 0 && counts.numbers + counts.booleans > 0) {
        const numbers = new Set();
        for (let row = 0; row < label.rows && numbers.size < 3; row += 1)
            if (label.textCodes[row] === -1)
                numbers.add(String(label.numbers[row]));
        const texts = label.texts.slice(0, 3).map((text) => JSON.stringify(text));
        throw new errors/* InputError */.dz(`label "${name}" mixes numbers (${[...numbers].join(', ')}) and text (${texts.join(', ')}); use one kind of value for every row, e.g. map the labels to 0/1 or to class names.`);
    }
    const distinct = distinctOf(label);
    let task = options.task;
    let inferredFrom;
    if (task === undefined) {
        [task, inferredFrom] = inferTask(distinct, name, width);
    }
    const encoded = task === 'binary' ? encodeBinary(label, name, distinct, width) : task === 'multiclass' ? encodeMulticlass(label, name, distinct, width) : encodeRegression(label, name, distinct, width);
    if (inferredFrom !== undefined)
        encoded.inferredFrom = inferredFrom;
    return encoded;
}
function inferTask(distinct, name, width) {
    const n = count(distinct);
    const values = describeValues(distinct);
    const outputs = width === undefined ? '' : `the model outputs ${plural(width, 'value')} per row and `;
    if (width !== undefined && width >= 3)
        return ['multiclass', `multiclass, because the model outputs ${width} values per row (one probability per class).`];
    if (!distinct.overflow && n <= 2)
        return ['binary', `binary, because ${outputs}label "${name}" has ${values}.`];
    if (distinct.texts !== null) {
        throw new errors/* InputError */.dz(`label "${name}" has ${values} but ${width === undefined ? 'the task cannot be told' : `the model outputs ${plural(width, 'value')} per row`}: text labels need one output per class; set the task input (multiclass), or export the model's class probabilities.`);
    }
    if (width === 2) {
        throw new errors/* InputError */.dz(`label "${name}" has ${values} but the model outputs 2 values per row (binary class probabilities); check the label column, or set the task input.`);
    }
    if (width === undefined && distinct.integers && !distinct.overflow && n <= FEW_CLASSES && distinct.numbers[0] >= 0) {
        return ['multiclass', `multiclass, because label "${name}" has ${values}, all small non-negative integers.`];
    }
    const kind = distinct.integers ? 'integers' : 'numbers, not all integers';
    return ['regression', `regression, because ${outputs}label "${name}" has ${values}, ${kind}.`];
}
function encodeBinary(label, name, distinct, width) {
    const n = count(distinct);
    if (distinct.overflow || n > 2) {
        throw new errors/* InputError */.dz(`label "${name}" has ${describeValues(distinct)} but the task is binary: a binary label has two values; set the task input to multiclass or regression, or map the label to 0/1.`);
    }
    if (width !== undefined && width > 2) {
        throw new errors/* InputError */.dz(`label "${name}": the task is binary but the model outputs ${width} values per row; a binary model outputs 1 value (the positive class's probability) or 2 (one per class); set the task input to multiclass, or check the model.`);
    }
    const rows = label.rows;
    const binary = new Uint8Array(rows);
    if (distinct.numbers !== null && distinct.numbers.every((value) => value === 0 || value === 1)) {
        const numbers = label.numbers;
        for (let row = 0; row < rows; row += 1)
            binary[row] = numbers[row];
        const classes = distinct.booleans ? ['false', 'true'] : ['0', '1'];
        return { task: 'binary', binary, classes, positiveClass: classes[1] };
    }
    if (n < 2) {
        const only = distinct.texts !== null ? JSON.stringify(distinct.texts[0]) : String(distinct.numbers[0]);
        throw new errors/* InputError */.dz(`label "${name}" has only one value (${only}), so which class it is cannot be told; use 0/1 or true/false labels, where 1 (true) is the positive class.`);
    }
    let classes;
    if (distinct.texts !== null) {
        classes = distinct.texts;
        const positive = label.texts.indexOf(classes[1]);
        const codes = label.textCodes;
        for (let row = 0; row < rows; row += 1)
            binary[row] = codes[row] === positive ? 1 : 0;
    }
    else {
        const positive = distinct.numbers[1];
        classes = distinct.numbers.map(String);
        const numbers = label.numbers;
        for (let row = 0; row < rows; row += 1)
            binary[row] = numbers[row] === positive ? 1 : 0;
    }
    const shown = distinct.texts !== null ? classes.map((value) => JSON.stringify(value)) : classes;
    return {
        task: 'binary',
        binary,
        classes,
        positiveClass: classes[1],
        note: `label "${name}": ${shown[0]} and ${shown[1]} are classes 0 and 1 in sorted order (as scikit-learn's classes_), so ${shown[1]} is the positive class.`,
    };
}
function encodeMulticlass(label, name, distinct, width) {
    if (width !== undefined && width < 2) {
        throw new errors/* InputError */.dz(`label "${name}": the task is multiclass but the model outputs 1 value per row; a multiclass model outputs one probability per class ([N, C]); export its class probabilities, or set the task input.`);
    }
    const n = count(distinct);
    const rows = label.rows;
    const multiclass = new Int32Array(rows);
    const numbers = distinct.numbers;
    // Integer labels within 0..C−1 are their own class index.
    if (numbers !== null && !distinct.overflow && distinct.integers && numbers[0] >= 0 && (width === undefined || numbers[n - 1] < width)) {
        const classCount = width ?? numbers[n - 1] + 1;
        const values = label.numbers;
        for (let row = 0; row < rows; row += 1)
            multiclass[row] = values[row];
        return { task: 'multiclass', multiclass, classes: Array.from({ length: classCount }, (_, i) => String(i)) };
    }
    if (width === undefined && distinct.overflow) {
        throw new errors/* InputError */.dz(`label "${name}" has ${describeValues(distinct)}, too many to be classes; set the task input to regression, or check the label column.`);
    }
    if (width !== undefined && (distinct.overflow || n > width)) {
        throw new errors/* InputError */.dz(`label "${name}" has ${describeValues(distinct)} but the model outputs ${width} class probabilities per row; check that the label column and the model belong together.`);
    }
    if (width !== undefined && n < width) {
        throw new errors/* InputError */.dz(`label "${name}" has ${describeValues(distinct)} but the model outputs ${width} class probabilities per row; which output is which class can only be told from sorted labels when every class appears (as scikit-learn's classes_): use integer labels 0..${width - 1}, or evaluate on a set with every class.`);
    }
    let classes;
    if (distinct.texts !== null) {
        classes = distinct.texts;
        const order = new Int32Array(label.texts.length);
        label.texts.forEach((text, i) => (order[i] = classes.indexOf(text)));
        const codes = label.textCodes;
        for (let row = 0; row < rows; row += 1)
            multiclass[row] = order[codes[row]];
    }
    else {
        const index = new Map(numbers.map((value, i) => [value, i]));
        classes = numbers.map(String);
        const values = label.numbers;
        for (let row = 0; row < rows; row += 1)
            multiclass[row] = index.get(values[row]);
    }
    const shown = distinct.texts !== null ? classes.map((value) => JSON.stringify(value)) : classes;
    return {
        task: 'multiclass',
        multiclass,
        classes,
        note: `label "${name}": classes ${shown.join(', ')} are outputs 0..${classes.length - 1} in sorted order (as scikit-learn's classes_).`,
    };
}
function encodeRegression(label, name, distinct, width) {
    if (distinct.texts !== null) {
        throw new errors/* InputError */.dz(`label "${name}" has ${describeValues(distinct)} but the task is regression, which needs numbers; check the label column, or set the task input.`);
    }
    if (width !== undefined && width !== 1) {
        throw new errors/* InputError */.dz(`label "${name}": the task is regression but the model outputs ${width} values per row; a regression model outputs one value per row ([N] or [N, 1]).`);
    }
    return { task: 'regression', regression: Float64Array.from(label.numbers), classes: [] };
}

;// CONCATENATED MODULE: ./src/core/inference/onnx-runtime.ts
/**
 * Loading onnxruntime-node. The bundles carry its native binary for linux-x64 only (dist/bin/…,
 * shared by every action); elsewhere the import fails, and the error says so instead of a raw
 * "Cannot find module …onnxruntime_binding.node".
 */

let runtime;
function isMissingBinary(error) {
    const message = error instanceof Error ? error.message : String(error);
    return /onnxruntime_binding\.node|libonnxruntime/.test(message);
}
function loadOnnxRuntime() {
    runtime ??= __webpack_require__.e(/* import() */ 701).then(__webpack_require__.t.bind(__webpack_require__, 701, 23)).catch((error) => {
        runtime = undefined;
        if (!isMissingBinary(error))
            throw error;
        throw new errors/* EnvironmentError */.eG(`onnxruntime-node has no native binary for ${process.platform}-${process.arch} here: the bundled actions ship the linux-x64 binary only. ` +
            'Run the step on an ubuntu x64 runner, or run the cd4ml command from a clone after `npm ci` on this machine.', { cause: error });
    });
    return runtime;
}

// EXTERNAL MODULE: ./src/core/files/sha256.ts
var files_sha256 = __webpack_require__(9548);
;// CONCATENATED MODULE: ./src/core/inference/model-signature.ts



/** Output element types read as numbers. */
const NUMERIC_OUTPUTS = new Set(['float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']);
const FLOAT_OUTPUTS = new Set(['float32', 'float64']);
/** Opens the model at `path` with onnxruntime (CPU). `name` is how messages call it (default `path`). */
async function openModel(path, name = path, options = {}) {
    const ort = await loadOnnxRuntime();
    const session = await ort.InferenceSession.create(path, options.quiet === true ? { logSeverityLevel: 4 } : {}).catch((error) => {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        throw new errors/* InputError */.dz(`${name} is not a model onnxruntime can load: ${reason}. Export the model to ONNX (opset 7 or later) and try again.`);
    });
    try {
        const sha256 = await (0,files_sha256/* sha256File */.Q)(path);
        return { path, name, sha256, session, signature: signatureOf(session) };
    }
    catch (error) {
        await session.release();
        throw error;
    }
}
/** Releases the session's native memory; the model cannot score afterwards. */
async function releaseModel(model) {
    await model.session.release();
}
function valueSignature(metadata) {
    if (!metadata.isTensor)
        return { name: metadata.name, tensor: false, type: '', shape: null };
    // onnxruntime reports an undeclared shape as []; a free dimension as its name, or as -1 without one.
    const shape = metadata.shape.length === 0 ? null : metadata.shape.map((dim) => (typeof dim === 'number' ? (dim >= 0 ? dim : null) : dim === '' ? null : dim));
    return { name: metadata.name, tensor: true, type: metadata.type, shape };
}
function signatureOf(session) {
    return { inputs: session.inputMetadata.map(valueSignature), outputs: session.outputMetadata.map(valueSignature) };
}
/** `[N, 4]`; a free dimension without a name is `?`. */
function describeShape(shape) {
    if (shape === null)
        return 'an undeclared shape';
    return `[${shape.map((dim) => (dim === null ? '?' : String(dim))).join(', ')}]`;
}
/** The output that holds the predictions (see the file header), or an InputError saying why none can. */
function chooseOutput(model) {
    const outputs = model.signature.outputs;
    const tensors = outputs.filter((output) => output.tensor);
    const maps = outputs.filter((output) => !output.tensor);
    if (tensors.length === 0 || maps.some((output) => /prob/i.test(output.name))) {
        const which = maps.map((output) => `"${output.name}"`).join(', ');
        throw new errors/* InputError */.dz(`${model.name}: output ${which} is a sequence of maps (ZipMap), which cd4ml does not read; export the classifier with ZipMap disabled so probabilities are a tensor [N, C]: skl2onnx's to_onnx(model, X, options={'zipmap': False}).`);
    }
    const floats = tensors.filter((output) => FLOAT_OUTPUTS.has(output.type));
    const chosen = tensors.length === 1 ? tensors[0] : (floats.find((output) => /prob/i.test(output.name)) ?? floats[0]);
    if (chosen === undefined) {
        throw new errors/* InputError */.dz(`${model.name}: none of its outputs (${tensors.map((output) => `"${output.name}" ${output.type}`).join(', ')}) is a float tensor; cd4ml reads predictions from a float32 or float64 output (scores or probabilities).`);
    }
    if (!NUMERIC_OUTPUTS.has(chosen.type)) {
        throw new errors/* InputError */.dz(`${model.name}: output "${chosen.name}" holds ${chosen.type} values; cd4ml reads numeric predictions only (float32 or float64 scores or probabilities, or integers).`);
    }
    const shape = chosen.shape;
    if (shape !== null && (shape.length === 0 || shape.length > 2)) {
        throw new errors/* InputError */.dz(`${model.name}: output "${chosen.name}" has shape ${describeShape(shape)}; cd4ml reads one value per row ([N] or [N, 1]) or one per class ([N, C]), not rank ${shape.length}.`);
    }
    const second = shape === null ? null : shape.length === 1 ? 1 : shape[1];
    return { name: chosen.name, type: chosen.type, width: typeof second === 'number' ? second : null };
}

;// CONCATENATED MODULE: ./src/core/inference/score-model.ts




const DEFAULT_BATCH_SIZE = 8192;
const INPUT_TYPES = new Set(['float32', 'float64', 'int32', 'int64']);
function list(names) {
    return names.join(', ');
}
function inputType(model, input) {
    if (!input.tensor) {
        throw new errors/* InputError */.dz(`${model.name}: input "${input.name}" is a sequence or map; cd4ml feeds tensors only (float32, float64, int32 or int64).`);
    }
    if (!INPUT_TYPES.has(input.type)) {
        throw new errors/* InputError */.dz(`${model.name}: input "${input.name}" takes ${input.type} values, which cd4ml does not feed (unsupported); it feeds float32, float64, int32 or int64 tensors: encode such columns as numbers before exporting the model.`);
    }
    return input.type;
}
/** The fixed batch size of an input's first dimension, or null when free; throws when it is not 1. */
function fixedBatchOf(model, input) {
    const first = input.shape?.[0];
    if (typeof first !== 'number')
        return null;
    if (first === 1)
        return 1;
    throw new errors/* InputError */.dz(`${model.name}: input "${input.name}" has shape ${describeShape(input.shape)}, a batch dimension fixed at ${first} rows (unsupported); export the model with a free batch dimension (e.g. [None, F]).`);
}
/**
 * How to feed the model from the table's features. `features` are the columns the model takes, in
 * order (matrix mode), or undefined to take its inputs' names as columns (per-column mode);
 * `columns` are the data's columns.
 */
function planInputs(model, features, columns) {
    const inputs = model.signature.inputs;
    const output = chooseOutput(model);
    if (inputs.length === 0)
        throw new errors/* InputError */.dz(`${model.name} declares no inputs; cd4ml feeds it features, so it needs at least one.`);
    const names = inputs.map((input) => input.name);
    const pool = new Set(features ?? columns);
    const byColumn = inputs.every((input) => pool.has(input.name));
    const single = inputs.length === 1 ? inputs[0] : undefined;
    const singleWidth = single?.shape?.length === 2 ? single.shape[1] : single?.shape?.length === 1 ? 1 : null;
    if (byColumn && (single === undefined || singleWidth === 1 || singleWidth === null || features === undefined)) {
        if (features !== undefined) {
            const extra = features.filter((name) => !names.includes(name));
            if (extra.length > 0) {
                throw new errors/* InputError */.dz(`features lists ${list(extra.map((name) => `"${name}"`))}, but ${model.name} has no input of that name (its inputs: ${list(names)}); with one input per column, list exactly the model's inputs, or leave features unset.`);
            }
        }
        const planned = inputs.map((input) => {
            const type = inputType(model, input);
            const shape = input.shape;
            if (shape !== null && (shape.length > 2 || (shape.length === 2 && typeof shape[1] === 'number' && shape[1] !== 1))) {
                throw new errors/* InputError */.dz(`${model.name}'s input "${input.name}" has shape ${describeShape(shape)}; an input named after a column takes one value per row ([N] or [N, 1]).`);
            }
            return { name: input.name, type, features: [input.name], rank: shape?.length === 1 ? 1 : 2 };
        });
        return { kind: 'columns', features: [...names], inputs: planned, output, fixedBatch: fixedBatch(model, inputs) };
    }
    if (features === undefined) {
        const strangers = names.filter((name) => !pool.has(name));
        throw new errors/* InputError */.dz(`${model.name}'s input${strangers.length === 1 ? '' : 's'} ${list(strangers.map((name) => `"${name}"`))} ${strangers.length === 1 ? 'is not a column' : 'are not columns'} of the data; set the features input to the columns the model takes, in the order it takes them.`);
    }
    if (single === undefined) {
        const strangers = names.filter((name) => !pool.has(name));
        throw new errors/* InputError */.dz(`${model.name} has ${inputs.length} inputs (${list(names)}) and ${list(strangers.map((name) => `"${name}"`))} ${strangers.length === 1 ? 'is not a listed feature' : 'are not listed features'}; cd4ml feeds one input of every feature ([N, F]) or one input per column, named after it (unsupported otherwise).`);
    }
    const type = inputType(model, single);
    const shape = single.shape;
    if (shape !== null && shape.length > 2) {
        throw new errors/* InputError */.dz(`${model.name}'s input "${single.name}" has shape ${describeShape(shape)}; cd4ml feeds a matrix of features ([N, F]), not rank ${shape.length} (unsupported).`);
    }
    const declared = shape === null ? null : shape.length === 1 ? 1 : shape[1];
    if (typeof declared === 'number' && declared !== features.length) {
        throw new errors/* InputError */.dz(`${model.name}'s input "${single.name}" takes ${declared} value${declared === 1 ? '' : 's'} per row (${describeShape(shape)}) but ${features.length} feature${features.length === 1 ? ' is' : 's are'} listed (${list(features)}); list the columns the model was trained on, in order.`);
    }
    if (features.length === 0)
        throw new errors/* InputError */.dz(`features is empty; list the columns ${model.name}'s input "${single.name}" takes, in order.`);
    return {
        kind: 'matrix',
        features: [...features],
        inputs: [{ name: single.name, type, features: [...features], rank: shape?.length === 1 ? 1 : 2 }],
        output,
        fixedBatch: fixedBatch(model, inputs),
    };
}
function fixedBatch(model, inputs) {
    let fixed = null;
    for (const input of inputs)
        fixed ??= fixedBatchOf(model, input);
    return fixed;
}
function newBuffer(type, length) {
    switch (type) {
        case 'float32':
            return new Float32Array(length);
        case 'float64':
            return new Float64Array(length);
        case 'int32':
            return new Int32Array(length);
        case 'int64':
            return new BigInt64Array(length);
    }
}
/** Scores `table` with `model` as `plan` says; the predictions of every row, or an InputError. */
async function scoreModel(model, plan, table, options = {}) {
    const ort = await loadOnnxRuntime();
    const requested = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(requested) || requested < 1)
        throw new RangeError(`batchSize must be a positive integer, not ${requested}`);
    const batchSize = plan.fixedBatch ?? requested;
    const rows = table.rows;
    const tableWidth = table.featureNames.length;
    const identity = (columns) => columns.length === tableWidth && columns.every((column, i) => column === i);
    const feeds = plan.inputs.map((input) => {
        const columns = input.features.map((name) => {
            const index = table.featureNames.indexOf(name);
            if (index < 0) {
                throw new errors/* InputError */.dz(`${model.name}'s input "${input.name}" takes column "${name}", which the evaluation table was not read with (it holds ${list(table.featureNames)}); read it with every feature the models take.`);
            }
            return index;
        });
        const contiguous = identity(columns) ? table.features : columns.length === 1 ? table.featureColumn(columns[0]) : null;
        const needsBuffer = contiguous === null || input.type !== 'float32';
        return { input, columns, contiguous, buffer: needsBuffer ? newBuffer(input.type, Math.min(batchSize, rows) * columns.length) : null };
    });
    const outputName = plan.output.name;
    let width = -1;
    let values = new Float64Array(0);
    let probe = 0;
    for (let start = 0; start < rows; start += batchSize) {
        const n = Math.min(batchSize, rows - start);
        const inputs = {};
        for (const feed of feeds) {
            const k = feed.columns.length;
            const dims = feed.input.rank === 1 ? [n] : [n, k];
            inputs[feed.input.name] = new ort.Tensor(feed.input.type, batchData(model, feed, table, start, n), dims);
        }
        let result;
        try {
            result = await model.session.run(inputs, [outputName]);
        }
        catch (error) {
            const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
            throw new errors/* InputError */.dz(`${model.name} failed on rows ${start + 1}..${start + n}: ${reason}`, { cause: error });
        }
        const tensor = result[outputName];
        if (tensor === undefined || !('dims' in tensor))
            throw new errors/* InputError */.dz(`${model.name}: output "${outputName}" is not a tensor; cd4ml reads tensor outputs only.`);
        const dims = tensor.dims;
        if (dims.length === 0 || dims.length > 2 || dims[0] !== n) {
            throw new errors/* InputError */.dz(`${model.name}: output "${outputName}" has shape [${dims.join(', ')}] for a batch of ${n} rows; cd4ml reads [N] or [N, C] outputs, one row per input row (unsupported otherwise).`);
        }
        const batchWidth = dims.length === 1 ? 1 : dims[1];
        if (width === -1) {
            width = batchWidth;
            values = new Float64Array(rows * width);
        }
        else if (batchWidth !== width) {
            throw new errors/* InputError */.dz(`${model.name}: output "${outputName}" has ${batchWidth} values per row on rows ${start + 1}..${start + n} but ${width} before; the prediction width must not change from batch to batch (unsupported).`);
        }
        const data = tensor.data;
        if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
            for (let i = 0, at = start * width; i < n * width; i += 1, at += 1)
                values[at] = Number(data[i]);
        }
        else if (typeof data === 'object' && 'BYTES_PER_ELEMENT' in data && tensor.type !== 'bool' && tensor.type !== 'float16') {
            values.set(data, start * width);
        }
        else {
            throw new errors/* InputError */.dz(`${model.name}: output "${outputName}" holds ${tensor.type} values; cd4ml reads numeric predictions only (unsupported).`);
        }
        if (typeof tensor.dispose === 'function')
            tensor.dispose();
        // x·0 is 0 for a finite x and NaN otherwise: one cheap pass while the batch is in cache.
        for (let at = start * width, end = (start + n) * width; at < end; at += 1)
            probe += values[at] * 0;
    }
    if (width === -1)
        width = plan.output.width ?? 1;
    if (Number.isNaN(probe))
        checkFinite(model, outputName, values, width, table, feeds);
    return { output: outputName, rows, width, values };
}
/** The input's values for rows [start, start + n), as the type it takes. */
function batchData(model, feed, table, start, n) {
    const k = feed.columns.length;
    const { contiguous, input } = feed;
    if (contiguous !== null && input.type === 'float32')
        return contiguous.subarray(start * k, (start + n) * k);
    const buffer = feed.buffer.length === n * k ? feed.buffer : feed.buffer.subarray(0, n * k);
    const features = table.features;
    const tableWidth = table.featureNames.length;
    const source = (row, j) => (contiguous !== null ? contiguous[(start + row) * k + j] : features[(start + row) * tableWidth + feed.columns[j]]);
    if (buffer instanceof Float32Array || buffer instanceof Float64Array) {
        for (let row = 0, at = 0; row < n; row += 1)
            for (let j = 0; j < k; j += 1, at += 1)
                buffer[at] = source(row, j);
        return buffer;
    }
    for (let row = 0, at = 0; row < n; row += 1) {
        for (let j = 0; j < k; j += 1, at += 1) {
            const value = source(row, j);
            if (!Number.isInteger(value)) {
                const what = Number.isNaN(value) ? 'missing' : String(value);
                throw new errors/* InputError */.dz(`row ${start + row + 1}: feature "${input.features[j]}" is ${what}, but ${model.name}'s input "${input.name}" takes ${input.type} values (whole numbers, none missing); fill or drop such rows, or export the model with a float input.`);
            }
            if (buffer instanceof BigInt64Array)
                buffer[at] = BigInt(value);
            else
                buffer[at] = value;
        }
    }
    return buffer;
}
/** Throws when a prediction is NaN or infinite, naming the first rows and whether they miss features. */
function checkFinite(model, output, values, width, table, feeds) {
    let bad = 0;
    const first = [];
    let missing = 0;
    const used = [...new Set(feeds.flatMap((feed) => feed.columns))];
    const features = table.features;
    const tableWidth = table.featureNames.length;
    for (let row = 0, at = 0; row < table.rows; row += 1, at += width) {
        let finite = true;
        for (let j = 0; j < width; j += 1) {
            if (!Number.isFinite(values[at + j])) {
                finite = false;
                break;
            }
        }
        if (finite)
            continue;
        bad += 1;
        if (first.length < 5)
            first.push(row + 1);
        if (used.some((column) => Number.isNaN(features[row * tableWidth + column])))
            missing += 1;
    }
    if (bad === 0)
        return;
    const rows = `${bad} row${bad === 1 ? '' : 's'} (row${bad === 1 ? '' : 's'} ${first.join(', ')}${bad > first.length ? ', …' : ''})`;
    const cause = missing > 0
        ? `${missing === bad ? (bad === 1 ? 'it has' : 'all of them have') : `${missing} of them have`} missing feature values (NaN), which the model does not handle: fill or drop those rows, or export a model that handles missing values (e.g. with an imputer).`
        : `${bad === 1 ? 'its features are' : 'their features are all'} present, so the model itself yields them (e.g. a log or division of a feature): check the model.`;
    throw new errors/* InputError */.dz(`${model.name}: output "${output}" is NaN or infinite on ${rows}; ${cause}`);
}

// EXTERNAL MODULE: ./src/core/gate/bootstrap.ts + 1 modules
var bootstrap = __webpack_require__(7539);
;// CONCATENATED MODULE: ./src/core/gate/evaluation.ts
const EVALUATION_FORMAT = 'cd4ml-evaluation';
/** The interval level shown in the report and written for every metric. */
const REPORT_LEVEL = 0.95;

;// CONCATENATED MODULE: ./src/core/gate/compare.ts

function estimate(side) {
    const { samples } = side;
    return samples === undefined ? { value: side.value } : { value: side.value, interval: (level) => samples.interval(level) };
}
function shifted(samples, by) {
    return (level) => {
        const [low, high] = samples.interval(level);
        return [low - by, high - by];
    };
}
function compareMetric(info, candidate, baseline, pairedDelta) {
    const result = { name: info.name, direction: info.direction, candidate: estimate(candidate) };
    const row = { name: info.name, title: info.title, direction: info.direction, candidate: candidate.value };
    if (candidate.samples !== undefined) {
        row.candidateInterval = candidate.samples.interval(REPORT_LEVEL);
        if (candidate.samples.undefinedCount > 0)
            row.undefinedResamples = candidate.samples.undefinedCount;
    }
    if (baseline === undefined)
        return { result, row };
    result.baseline = estimate(baseline);
    row.baseline = baseline.value;
    if (baseline.samples !== undefined)
        row.baselineInterval = baseline.samples.interval(REPORT_LEVEL);
    const delta = candidate.value - baseline.value;
    row.delta = delta;
    if (baseline.value !== 0 && Number.isFinite(baseline.value))
        row.deltaPct = (delta / Math.abs(baseline.value)) * 100;
    if (pairedDelta !== undefined) {
        result.delta = { value: delta, interval: (level) => pairedDelta.interval(level) };
        if (pairedDelta.undefinedCount > (row.undefinedResamples ?? 0))
            row.undefinedResamples = pairedDelta.undefinedCount;
    }
    else if (candidate.samples !== undefined && baseline.samples === undefined) {
        result.delta = { value: delta, interval: shifted(candidate.samples, baseline.value) };
    }
    else {
        result.delta = { value: delta };
    }
    if (result.delta.interval !== undefined)
        row.deltaInterval = result.delta.interval(REPORT_LEVEL);
    return { result, row };
}

;// CONCATENATED MODULE: ./src/core/gate/document.ts

const document_plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function verdictOf(outcomes) {
    const failed = outcomes.filter((outcome) => outcome.status === 'fail');
    const skipped = outcomes.filter((outcome) => outcome.status === 'skipped').length;
    const judged = outcomes.length - skipped;
    if (failed.length > 0) {
        const more = failed.length > 1 ? ` (and ${document_plural(failed.length - 1, 'more failed check')})` : '';
        return { passed: false, verdict: `${failed[0].reason}${more}.` };
    }
    if (outcomes.length === 0)
        return { passed: true, verdict: 'No rules to judge, so the gate passes: add a policy or thresholds to gate the merge.' };
    const skippedText = skipped === 0 ? '' : `; ${document_plural(skipped, 'check')} skipped without a baseline`;
    return { passed: true, verdict: `${judged === outcomes.length ? 'All' : 'The'} ${document_plural(judged, 'check')} passed${skippedText}.` };
}
function documentBase(outcomes, parts) {
    const doc = {
        format: EVALUATION_FORMAT,
        version: 1,
        ...verdictOf(outcomes),
        candidate: parts.candidate,
        metrics: parts.metrics.map(({ row }) => row),
        outcomes,
        notes: [],
    };
    if (parts.task !== undefined)
        doc.task = parts.task;
    if (parts.label !== undefined)
        doc.label = parts.label;
    if (parts.threshold !== undefined)
        doc.threshold = parts.threshold;
    return doc;
}

// EXTERNAL MODULE: ./src/core/gate/evaluators.ts + 3 modules
var gate_evaluators = __webpack_require__(5674);
// EXTERNAL MODULE: ./src/core/report/numbers.ts
var numbers = __webpack_require__(3596);
;// CONCATENATED MODULE: ./src/core/gate/judge.ts
/**
 * Judges a gate's rules on the computed metrics: absolute bounds on the candidate's point value,
 * allowed regressions and required improvements versus the baseline, on the bootstrap interval of
 * the paired difference Δ = candidate − baseline when a confidence is asked for. The exact semantics
 * are in docs/gate-policy.md; every outcome carries a one-line reason with the numbers.
 *
 * Comparisons ignore differences below 10⁻¹² of the numbers compared (floating-point rounding), so
 * a metric that fell by exactly the allowed amount passes.
 */




const TOLERANCE = 1e-12;
/** a > b by more than floating-point rounding of numbers of size `scale`. */
function above(a, b, ...scale) {
    return a - b > TOLERANCE * Math.max(Math.abs(a), Math.abs(b), ...scale.map(Math.abs));
}
/** Both numbers formatted; with more digits when they differ beyond rounding but would read the same. */
function pair(a, b, scale = [], format = numbers/* formatValue */.Fl, digits = 4) {
    return above(a, b, ...scale) || above(b, a, ...scale) ? (0,numbers/* formatApart */.Wq)(a, b, format, digits) : [format(a, digits), format(b, digits)];
}
/** How much worse the candidate is than the baseline: (baseline − candidate) for higher-is-better, (candidate − baseline) for lower. Negative when it is better. */
function worsening(direction, baseline, candidate) {
    return direction === 'higher' ? baseline - candidate : candidate - baseline;
}
/** The allowed worsening in the metric's units: the absolute limit, or pct/100 × |baseline|. */
function allowedWorsening(limit, baseline) {
    return limit.kind === 'absolute' ? limit.value : (limit.value / 100) * Math.abs(baseline);
}
/** A confidence level as a percentage: 0.95 → `95%`, 0.975 → `97.5%`. */
function levelText(level) {
    return `${Number((level * 100).toPrecision(10))}%`;
}
/** Where a rule was written, for messages: `policy.yaml:4`, or `Input "thresholds", rule "roc_auc>=0.8"`. */
function ruleLocation(origin) {
    if (origin.source === 'thresholds')
        return `Input "thresholds", rule ${JSON.stringify(origin.text ?? '')}`;
    const file = origin.file ?? 'policy';
    return origin.line === undefined ? file : `${file}:${origin.line}`;
}
/** The direction of a rule's metric: its own, else the catalog's (for `task`, or any task). Throws an InputError when neither says. */
function resolveDirection(rule, task) {
    if (rule.direction !== undefined)
        return rule.direction;
    const known = task === undefined ? knownDirection(rule.metric) : metricInfo(task, rule.metric)?.direction;
    if (known !== undefined)
        return known;
    const what = `metric "${rule.metric}" has no direction and is not a known metric${task === undefined ? '' : ` for a ${task} model`}`;
    const fix = rule.origin.source === 'policy'
        ? 'add direction: higher or direction: lower to its rule'
        : `bound its change instead (e.g. ${rule.metric}>=-0.01 for higher-is-better), or give it a direction in the policy file`;
    throw new errors/* InputError */.dz(`${ruleLocation(rule.origin)}: ${what}; ${fix}`);
}
/**
 * Throws an InputError for the first rule whose metric is not in `available`, with a did-you-mean
 * and the known names. `context` completes "unknown metric "x" …", e.g. `for a binary model`.
 */
function checkRuleMetrics(rules, available, context) {
    for (const rule of rules) {
        if (available.includes(rule.metric))
            continue;
        const near = closest(rule.metric, available);
        const hint = near === undefined ? '' : `did you mean ${near}? `;
        const known = available.length === 0 ? 'none' : available.join(', ');
        throw new errors/* InputError */.dz(`${ruleLocation(rule.origin)}: unknown metric "${rule.metric}" ${context}; ${hint}Known: ${known}`);
    }
}
/** The check of an absolute bound, e.g. `≥ 0.8`. */
function boundCheck(kind, limit) {
    return `${kind === 'min' ? '≥' : '≤'} ${(0,numbers/* formatValue */.Fl)(limit)}`;
}
/** Judges an absolute bound on the candidate's point value: `min` (value ≥ limit) or `max` (value ≤ limit). */
function judgeBound(subject, value, kind, limit) {
    const check = boundCheck(kind, limit);
    if (Number.isNaN(value))
        return { check, status: 'fail', reason: `${subject} is n/a (it could not be computed), so ${check} cannot pass` };
    const [shown, bound] = pair(value, limit);
    if (kind === 'min') {
        return above(limit, value) ? { check, status: 'fail', reason: `${subject} ${shown} is below the minimum ${bound}` } : { check, status: 'pass', reason: `${subject} ${shown} ≥ ${bound}` };
    }
    return above(value, limit) ? { check, status: 'fail', reason: `${subject} ${shown} is above the maximum ${bound}` } : { check, status: 'pass', reason: `${subject} ${shown} ≤ ${bound}` };
}
function withLevel(check, confidence) {
    return confidence === undefined ? check : `${check} (${levelText(confidence)})`;
}
/** The check of an allowed regression, e.g. `Δ ≥ −0.01 (95%)` or `Δ ≤ +5%`. */
function regressionCheck(direction, limit, confidence) {
    const op = direction === 'higher' ? '≥' : '≤';
    const sign = direction === 'higher' ? numbers/* MINUS */.N5 : '+';
    const amount = `${(0,numbers/* formatValue */.Fl)(limit.value)}${limit.kind === 'percent' ? '%' : ''}`;
    return withLevel(`Δ ${op} ${limit.value === 0 ? amount : `${sign}${amount}`}`, confidence);
}
/** The check of a required improvement, e.g. `Δ > 0` or `Δ < −0.01 (95%)`. */
function improvementCheck(direction, minImprovement, confidence) {
    const op = direction === 'higher' ? '>' : '<';
    const amount = minImprovement === 0 ? '0' : `${direction === 'higher' ? '+' : numbers/* MINUS */.N5}${(0,numbers/* formatValue */.Fl)(minImprovement)}`;
    return withLevel(`Δ ${op} ${amount}`, confidence);
}
function prepare(subject, comparison, check, what, confidence) {
    const candidate = comparison.candidate.value;
    if (Number.isNaN(candidate))
        return { ready: false, judgement: { check, status: 'fail', reason: `${subject} is n/a (it could not be computed), so ${check} cannot pass` } };
    if (comparison.baseline === undefined)
        return { ready: false, judgement: { check, status: 'skipped', reason: `${subject}: no baseline to compare with, so ${what} was not checked` } };
    const baseline = comparison.baseline.value;
    if (Number.isNaN(baseline))
        return { ready: false, judgement: { check, status: 'skipped', reason: `${subject}: the baseline is n/a, so ${what} was not checked` } };
    const delta = comparison.delta?.value ?? candidate - baseline;
    let interval;
    if (confidence !== undefined) {
        const found = comparison.delta?.interval?.(confidence);
        if (found !== undefined && Number.isFinite(found[0]) && Number.isFinite(found[1]))
            interval = found;
    }
    return { ready: true, baseline, candidate, delta, interval, noInterval: confidence !== undefined && interval === undefined };
}
/** `rose by 0.012`, `fell by 0.031`, `did not change`; `amount` formats the size of the change. */
function movement(delta, amount) {
    if (delta === 0)
        return 'did not change';
    return `${delta > 0 ? 'rose' : 'fell'} by ${amount(Math.abs(delta))}`;
}
/** The number of decimals `text` shows (0 for exponent form). */
function decimalsOf(text) {
    return /e/.test(text) ? 0 : (text.replace(/%$/, '').split('.')[1]?.length ?? 0);
}
/** `x` with at least `decimals` decimals (zeros trimmed), so values read consistently with a change shown to that precision. */
function atDecimals(x, decimals, shown) {
    if (/e/.test(shown) || decimals <= decimalsOf(shown) || !Number.isFinite(x))
        return shown;
    const fixed = (0,numbers/* formatValue */.Fl)(Number(x.toFixed(Math.min(decimals, 20))), 17);
    return decimalsOf(fixed) > decimalsOf(shown) ? fixed : shown;
}
/**
 * `(0.873 → 0.842)`, `(0.842)` when equal, or `(95% CI of Δ −0.045 to −0.018)`. `decimals` is the
 * precision of the change shown beside it: the values get as many decimals, so 0.85 → 0.83999 is
 * not shown as 0.85 → 0.84 next to a fall of 0.01001.
 */
function evidence(baseline, candidate, interval, confidence, ends, decimals) {
    if (interval !== undefined && confidence !== undefined)
        return `(${levelText(confidence)} CI of Δ ${ends(interval[0])} to ${ends(interval[1])})`;
    if (baseline === candidate)
        return `(${(0,numbers/* formatValue */.Fl)(candidate)})`;
    const [from, to] = pair(baseline, candidate);
    return `(${atDecimals(baseline, decimals, from)} → ${atDecimals(candidate, decimals, to)})`;
}
/**
 * Judges an allowed regression. The worsening is (baseline − candidate) for higher-is-better and
 * (candidate − baseline) for lower; the allowed worsening is the limit, or pct/100 × |baseline|.
 * Without `confidence` (or without an interval of Δ) it fails when the point worsening is above the
 * allowed one; with it, only when the whole two-sided interval of Δ at that level lies beyond it.
 * `subject` names the metric in the reason (e.g. `roc_auc`, or `roc_auc in country = DE`).
 */
function judgeRegression(subject, comparison, limit, confidence) {
    const { direction } = comparison;
    const check = regressionCheck(direction, limit, confidence);
    const fall = direction === 'higher' ? 'fall' : 'rise';
    const percent = limit.kind === 'percent';
    const limitText = `${(0,numbers/* formatValue */.Fl)(limit.value)}${percent ? '%' : ''}`;
    const prepared = prepare(subject, comparison, check, `the allowed ${fall} of ${limitText}`, confidence);
    if (!prepared.ready)
        return prepared.judgement;
    const { baseline, candidate, delta, interval, noInterval } = prepared;
    const allowed = allowedWorsening(limit, baseline);
    const worse = direction === 'higher' ? -delta : delta;
    const scale = [baseline, candidate];
    // Sizes in the limit's unit: percent of |baseline| for a percent limit (when the baseline is not 0).
    const relative = percent && baseline !== 0;
    const percentOf = (x, digits) => (0,numbers/* formatPercent */.l9)(x, { signed: false, digits: digits ?? 3 });
    const ends = (x) => (relative ? (0,numbers/* formatPercent */.l9)(x / Math.abs(baseline)) : (0,numbers/* formatDelta */.CW)(x));
    const [worseText, apart] = relative ? pair(Math.abs(delta) / Math.abs(baseline), limit.value / 100, [], percentOf, 3) : pair(Math.abs(delta), allowed, scale);
    const allowedText = percent && baseline === 0 ? `${limitText} of a baseline of 0` : apart;
    const moved = delta === 0 ? 'did not change' : `${delta > 0 ? 'rose' : 'fell'} by ${worseText}`;
    // The precision of the change in the metric's units: for a percentage, |Δ| to as many significant digits.
    const significant = worseText.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
    const decimals = decimalsOf(relative ? (0,numbers/* formatValue */.Fl)(Math.abs(delta), Math.max(1, significant)) : worseText);
    const shown = `${subject} ${moved} ${evidence(baseline, candidate, interval, confidence, ends, decimals)}`;
    if (interval !== undefined) {
        const worstLow = direction === 'higher' ? -interval[1] : interval[0];
        if (above(worstLow, allowed, ...scale))
            return { check, status: 'fail', reason: `${shown}, more than the allowed ${allowedText}` };
        if (above(worse, allowed, ...scale)) {
            return { check, status: 'pass', reason: `${shown}; more than the allowed ${allowedText}, but the interval does not exclude a ${fall} within it` };
        }
        return { check, status: 'pass', reason: worse > 0 ? `${shown}, within the allowed ${allowedText}` : shown };
    }
    const note = noInterval ? 'no interval: ' : '';
    const tail = noInterval ? ', judged on the point estimate' : '';
    if (above(worse, allowed, ...scale))
        return { check, status: 'fail', reason: `${note}${shown}, more than the allowed ${allowedText}${tail}` };
    return { check, status: 'pass', reason: `${note}${worse > 0 ? `${shown}, within the allowed ${allowedText}` : shown}${tail}` };
}
/**
 * Judges a required improvement by more than `minImprovement` (≥ 0). Without `confidence` (or
 * without an interval of Δ) it passes when the point gain is above it (strictly, so no change fails);
 * with it, only when the whole two-sided interval of Δ at that level lies beyond it on the good side.
 */
function judgeImprovement(subject, comparison, minImprovement, confidence) {
    const { direction } = comparison;
    const check = improvementCheck(direction, minImprovement, confidence);
    const rise = direction === 'higher' ? 'rise' : 'fall';
    const required = minImprovement === 0 ? `the required ${rise}` : `the required ${rise} of more than ${(0,numbers/* formatValue */.Fl)(minImprovement)}`;
    const prepared = prepare(subject, comparison, check, required, confidence);
    if (!prepared.ready)
        return prepared.judgement;
    const { baseline, candidate, delta, interval, noInterval } = prepared;
    const gain = direction === 'higher' ? delta : -delta;
    const scale = [baseline, candidate];
    const [gainText, minText] = pair(Math.abs(delta), minImprovement, scale);
    const shown = `${subject} ${movement(delta, () => gainText)} ${evidence(baseline, candidate, interval, confidence, numbers/* formatDelta */.CW, decimalsOf(gainText))}`;
    const must = minImprovement === 0 ? `it must ${rise}` : `it must ${rise} by more than ${minText}`;
    const more = minImprovement === 0 ? '' : `, more than the required ${minText}`;
    const pointFails = !above(gain, minImprovement, ...scale);
    const pointFailure = () => (gain > 0 ? `${shown}, not more than the required ${minText}` : `${shown}; ${must}`);
    if (interval !== undefined) {
        const worstGain = direction === 'higher' ? interval[0] : -interval[1];
        if (above(worstGain, minImprovement, ...scale))
            return { check, status: 'pass', reason: `${shown}${more}` };
        if (pointFails)
            return { check, status: 'fail', reason: pointFailure() };
        const what = minImprovement === 0 ? `the ${rise}` : `a ${rise} of more than ${minText}`;
        return { check, status: 'fail', reason: `${shown}; ${what} is not significant at ${levelText(confidence)}` };
    }
    const note = noInterval ? 'no interval: ' : '';
    const tail = noInterval ? ', judged on the point estimate' : '';
    if (pointFails)
        return { check, status: 'fail', reason: `${note}${pointFailure()}${tail}` };
    return { check, status: 'pass', reason: `${note}${shown}${more}${tail}` };
}
/**
 * Judges every rule on `results` (keyed by metric name): one outcome per check, in the order min,
 * max, max_regression, max_regression_pct, improvement; a rule with no bounds gives none. A metric
 * missing from `results` fails each of its checks (call checkRuleMetrics first to refuse unknown
 * names up front). The rule's direction wins over the result's.
 */
function judgeRules(rules, results) {
    const outcomes = [];
    for (const rule of rules) {
        const { metric, origin } = rule;
        const result = results.get(metric);
        const direction = rule.direction ?? result?.direction ?? knownDirection(metric) ?? 'higher';
        const judgements = [];
        const missing = (check) => ({ check, status: 'fail', reason: `${metric} was not computed, so ${check} cannot pass` });
        const comparison = result === undefined ? undefined : { ...result, direction };
        for (const kind of ['min', 'max']) {
            const limit = rule[kind];
            if (limit === undefined)
                continue;
            judgements.push(comparison === undefined ? missing(boundCheck(kind, limit)) : judgeBound(metric, comparison.candidate.value, kind, limit));
        }
        const limits = [];
        if (rule.maxRegression !== undefined)
            limits.push({ kind: 'absolute', value: rule.maxRegression });
        if (rule.maxRegressionPct !== undefined)
            limits.push({ kind: 'percent', value: rule.maxRegressionPct });
        for (const limit of limits) {
            judgements.push(comparison === undefined ? missing(regressionCheck(direction, limit, rule.confidence)) : judgeRegression(metric, comparison, limit, rule.confidence));
        }
        if (rule.mustImprove === true || rule.minImprovement !== undefined) {
            const minImprovement = rule.minImprovement ?? 0;
            judgements.push(comparison === undefined ? missing(improvementCheck(direction, minImprovement, rule.confidence)) : judgeImprovement(metric, comparison, minImprovement, rule.confidence));
        }
        for (const judgement of judgements)
            outcomes.push({ metric, ...judgement, origin });
    }
    return outcomes;
}

;// CONCATENATED MODULE: ./src/core/gate/options.ts
/** Whether a rule compares the candidate with the baseline (and so needs the baseline's value). */
function comparesWithBaseline(rule) {
    return rule.maxRegression !== undefined || rule.maxRegressionPct !== undefined || rule.mustImprove === true || rule.minImprovement !== undefined;
}

;// CONCATENATED MODULE: ./src/core/gate/numbers-gate.ts







/** The gate on metrics given as numbers: no rows, so no intervals; rules judge point values. */
function numbersGate(options, candidate) {
    const { policy } = options;
    if (options.baseline !== undefined && 'model' in options.baseline) {
        throw new errors/* InputError */.dz('Input "baseline-model" needs "model" (the candidate model, scored on the same rows); with candidate "metrics", give the baseline as "baseline-metrics".');
    }
    const baseline = options.baseline !== undefined && 'metrics' in options.baseline ? options.baseline.metrics : undefined;
    const ruled = [...new Set(policy.rules.map((rule) => rule.metric))];
    for (const name of ruled)
        (0,metrics_file/* requireMetric */.Ks)(candidate, name, 'the policy judges');
    const names = ruled.length > 0 ? ruled : [...candidate.values.keys()];
    const compared = names.map((name) => {
        const rule = policy.rules.find((r) => r.metric === name);
        const direction = rule === undefined ? knownDirection(name) : resolveDirection(rule);
        const info = { name, title: name, direction: direction ?? 'higher' };
        const value = (0,metrics_file/* findMetric */.GF)(candidate, name);
        const needsBaseline = policy.rules.some((r) => r.metric === name && comparesWithBaseline(r));
        const base = baseline === undefined ? undefined : needsBaseline ? (0,metrics_file/* requireMetric */.Ks)(baseline, name, 'the policy compares with the baseline') : (0,metrics_file/* findMetric */.GF)(baseline, name);
        return compareMetric(info, { value }, base === undefined ? undefined : { value: base });
    });
    const results = new Map(compared.map(({ result }) => [result.name, result]));
    const doc = documentBase(judgeRules(policy.rules, results), { candidate: { kind: 'metrics', origin: candidate.origin }, metrics: compared });
    if (baseline !== undefined)
        doc.baseline = { kind: 'metrics', origin: baseline.origin };
    doc.notes.push('Metrics given as numbers: there are no rows to resample, so no intervals; rules with a confidence judge the point values.');
    if (policy.slices !== undefined)
        doc.notes.push('Slices need the model and the data; with metrics given as numbers they are not evaluated.');
    return doc;
}

// EXTERNAL MODULE: ./src/core/metrics/confusion.ts
var confusion = __webpack_require__(4805);
;// CONCATENATED MODULE: ./src/core/gate/predictions.ts
/**
 * From a model's raw predictions to what the task's metrics take: P(positive) for binary models
 * (an [N] or [N, 1] output, or column 1 of [N, 2]), class probabilities [N, C] for multiclass, values
 * for regression; probabilities are checked to lie in [0, 1]. Also the confusion matrices.
 */


function scoredLabels(encoded) {
    return (encoded.binary ?? encoded.multiclass ?? encoded.regression);
}
/** Binary models give P(positive) as [N] or [N, 1], or both classes as [N, 2] (column 1 positive). */
function taskPredictions(task, predictions, model, classes) {
    const { width, values, rows } = predictions;
    if (task === 'regression') {
        if (width !== 1)
            throw new errors/* InputError */.dz(`${model} gives ${width} values per row (output "${predictions.output}"), but a regression model gives one; check the task and the model's output.`);
        return values;
    }
    if (task === 'multiclass') {
        if (width < 3)
            throw new errors/* InputError */.dz(`${model} gives ${width} value${width === 1 ? '' : 's'} per row (output "${predictions.output}"), but a multiclass model gives one probability per class ([N, C], C ≥ 3).`);
        if (width < classes)
            throw new errors/* InputError */.dz(`${model} gives ${width} class probabilities per row, but the label has ${classes} classes.`);
        checkProbabilities(values, model, predictions.output);
        return values;
    }
    if (width > 2)
        throw new errors/* InputError */.dz(`${model} gives ${width} values per row (output "${predictions.output}"), but the task is binary: set task to multiclass, or export the positive class's probability.`);
    const positive = width === 1 ? values : Float64Array.from({ length: rows }, (_, row) => values[row * 2 + 1]);
    checkProbabilities(positive, model, predictions.output);
    return positive;
}
function checkProbabilities(values, model, output) {
    let bad = -1;
    for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value < 0 || value > 1) {
            bad = i;
            break;
        }
    }
    if (bad >= 0) {
        throw new errors/* InputError */.dz(`${model}'s output "${output}" has ${values[bad]} (value ${bad + 1}), outside [0, 1]: evaluate-gate needs probabilities; end the exported graph with a Sigmoid or Softmax.`);
    }
}
function confusionOf(rows, encoded) {
    if (rows.task === 'regression' || encoded.classes.length > 20)
        return undefined;
    const classes = rows.task === 'binary' ? 2 : rows.classes;
    const predict = (values) => (rows.task === 'binary' ? (0,confusion/* binaryPredictions */.OJ)(values, rows.threshold) : (0,confusion/* argmaxPredictions */.l$)(values, classes));
    const labels = rows.task === 'binary' ? encoded.classes : Array.from({ length: classes }, (_, i) => encoded.classes[i] ?? String(i));
    const section = { labels, candidate: (0,confusion/* confusionMatrix */.gM)(rows.labels, predict(rows.candidate), classes) };
    if (rows.baseline !== undefined)
        section.baseline = (0,confusion/* confusionMatrix */.gM)(rows.labels, predict(rows.baseline), classes);
    if (rows.task === 'binary')
        section.threshold = rows.threshold;
    return section;
}

;// CONCATENATED MODULE: ./src/core/gate/slices.ts

const OTHER_SLICE = 'other';
function definitions(column, top) {
    const counts = new Array(column.values.length).fill(0);
    for (const code of column.codes)
        counts[code] += 1;
    const order = column.values.map((_, code) => code).sort((a, b) => counts[b] - counts[a] || (column.values[a] < column.values[b] ? -1 : 1));
    const kept = order.slice(0, top).map((code) => ({ value: column.values[code], codes: new Set([code]) }));
    const rest = order.slice(top);
    return rest.length === 0 ? kept : [...kept, { value: OTHER_SLICE, codes: new Set(rest) }];
}
function sliceRule(policy) {
    const parts = [];
    if (policy.maxRegression !== undefined)
        parts.push(`worsening ≤ ${policy.maxRegression}`);
    if (policy.maxRegressionPct !== undefined)
        parts.push(`worsening ≤ ${policy.maxRegressionPct}%`);
    return parts.length === 0 ? undefined : parts.join(' and ');
}
function evaluateSlices(inputs) {
    const { policy, candidate, baseline, metrics } = inputs;
    const limits = [];
    if (policy.maxRegression !== undefined)
        limits.push({ kind: 'absolute', value: policy.maxRegression });
    if (policy.maxRegressionPct !== undefined)
        limits.push({ kind: 'percent', value: policy.maxRegressionPct });
    const indexOf = (evaluator, name) => evaluator.names.indexOf(name);
    const weights = new Uint8Array(candidate.rows);
    const rows = [];
    for (const name of policy.columns) {
        const column = inputs.columns.get(name);
        for (const slice of definitions(column, policy.top)) {
            let size = 0;
            for (let row = 0; row < weights.length; row++) {
                const inside = slice.codes.has(column.codes[row]) ? 1 : 0;
                weights[row] = inside;
                size += inside;
            }
            const candidateValues = candidate.evaluate(weights);
            const baselineValues = baseline?.evaluate(weights);
            const row = { column: name, value: slice.value, rows: size, metrics: [], outcomes: [] };
            for (const metric of metrics) {
                const value = candidateValues[indexOf(candidate, metric.name)];
                const entry = { name: metric.name, candidate: value };
                if (baselineValues !== undefined) {
                    entry.baseline = baselineValues[indexOf(baseline, metric.name)];
                    entry.delta = value - entry.baseline;
                }
                row.metrics.push(entry);
                if (entry.baseline === undefined || size < policy.minRows)
                    continue;
                for (const limit of limits) {
                    const subject = `${metric.name} in ${name} = ${slice.value}`;
                    const comparison = { direction: metric.direction, candidate: { value }, baseline: { value: entry.baseline }, delta: { value: entry.delta } };
                    row.outcomes.push({ metric: metric.name, ...judgeRegression(subject, comparison, limit), origin: policy.origin });
                }
            }
            rows.push(row);
        }
    }
    const section = { columns: policy.columns, top: policy.top, minRows: policy.minRows, rows };
    const rule = sliceRule(policy);
    if (rule !== undefined)
        section.rule = rule;
    return section;
}

;// CONCATENATED MODULE: ./src/core/gate/run-gate.ts
/**
 * The gate, end to end and free of GitHub: score the candidate (and the baseline model) on the
 * evaluation rows, compute every metric of the task with paired bootstrap intervals, or take the
 * metrics as numbers; judge the policy's rules and slices; return the evaluation document.
 */


















/** The catalog metrics of the task, those the policy names first (in its order). */
function orderedMetrics(task, names, rules) {
    const available = METRIC_CATALOG[task].filter((info) => names.includes(info.name));
    const ruled = [...new Set(rules.map((rule) => rule.metric))].map((name) => available.find((info) => info.name === name)).filter((info) => info !== undefined);
    return [...ruled, ...available.filter((info) => !ruled.includes(info))];
}
function modelSide(model, plan) {
    return { kind: 'model', path: model.name, sha256: model.sha256, inputs: plan.inputs.map((input) => input.name), output: plan.output.name };
}
async function openModels(options, candidatePath) {
    const candidate = await openModel(candidatePath);
    if (options.baseline === undefined || !('model' in options.baseline))
        return { candidate };
    try {
        return { candidate, baseline: await openModel(options.baseline.model, options.baseline.name) };
    }
    catch (error) {
        await releaseModel(candidate);
        throw error;
    }
}
async function scoredGate(options, candidatePath) {
    const { logger, policy } = options;
    if (options.data === undefined)
        throw new errors/* InputError */.dz('Input "data" is required with "model": name the evaluation dataset the model is scored on.');
    if (options.label === undefined)
        throw new errors/* InputError */.dz('Input "label" is required with "model": name the column that holds the true values.');
    const needsStore = options.data.some((spec) => spec.startsWith('s3://'));
    const sources = await resolveSources(options.data, { cwd: options.cwd, ...(needsStore ? { store: options.store() } : {}) });
    const columns = await readDataColumns(sources[0], options.format);
    const models = await openModels(options, candidatePath);
    try {
        const plans = { candidate: planInputs(models.candidate, options.features, columns), baseline: models.baseline && planInputs(models.baseline, options.features, columns) };
        const features = [...new Set([...plans.candidate.features, ...(plans.baseline?.features ?? [])])];
        const sliceColumns = policy.slices?.columns ?? [];
        const table = await logger.group('Reading the evaluation data', () => readEvaluationTable(sources, { format: options.format, features, label: options.label, categorical: sliceColumns }));
        logger.info(`Read ${table.rows} rows from ${document_plural(table.sources.length, 'file')}.`);
        const candidatePredictions = await logger.group(`Scoring ${models.candidate.name}`, () => scoreModel(models.candidate, plans.candidate, table));
        const baselinePredictions = models.baseline && (await logger.group(`Scoring ${models.baseline.name}`, () => scoreModel(models.baseline, plans.baseline, table)));
        if (baselinePredictions !== undefined && baselinePredictions.width !== candidatePredictions.width) {
            throw new errors/* InputError */.dz(`${models.candidate.name} gives ${candidatePredictions.width} values per row but ${models.baseline.name} gives ${baselinePredictions.width}: the baseline must predict the same thing as the candidate.`);
        }
        const encoded = encodeLabels(table.label, options.label, { task: options.task, predictionWidth: candidatePredictions.width });
        if (encoded.inferredFrom !== undefined)
            logger.info(`Task: ${encoded.task}, inferred: ${encoded.inferredFrom} Set the task input to make it explicit.`);
        const task = encoded.task;
        const classes = task === 'multiclass' ? candidatePredictions.width : 2;
        const rows = {
            task,
            labels: scoredLabels(encoded),
            candidate: taskPredictions(task, candidatePredictions, models.candidate.name, encoded.classes.length),
            classes,
            threshold: options.threshold,
        };
        if (baselinePredictions !== undefined)
            rows.baseline = taskPredictions(task, baselinePredictions, models.baseline.name, encoded.classes.length);
        const evaluators = (0,gate_evaluators/* evaluatorsFor */.q)(rows);
        const names = evaluators.candidate.names;
        checkRuleMetrics(policy.rules, names, `for a ${task} model`);
        if (policy.slices !== undefined)
            checkRuleMetrics((policy.slices.metrics ?? []).map((metric) => ({ metric, origin: policy.slices.origin })), names, `for a ${task} model`);
        const candidatePoint = evaluators.candidate.evaluate();
        const baselinePoint = evaluators.baseline?.evaluate();
        const started = Date.now();
        const samples = await logger.group(`Bootstrap: ${options.bootstrap} resamples of ${table.rows} rows`, () => (0,bootstrap_threads/* bootstrapScoredRows */.CJ)(rows, { resamples: options.bootstrap, seed: options.seed }, { ...options.threads, onWorkerError: (message) => logger.warning(`A bootstrap thread failed; ${message}`) }));
        logger.info(`Bootstrap took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        const baselineNumbers = options.baseline !== undefined && 'metrics' in options.baseline ? options.baseline.metrics : undefined;
        const compared = orderedMetrics(task, names, policy.rules).map((info) => {
            const m = names.indexOf(info.name);
            const candidate = { value: candidatePoint[m], samples: new bootstrap/* ResampledValues */.Kw(samples.candidate[m]) };
            if (baselinePoint !== undefined) {
                const baseline = { value: baselinePoint[m], samples: new bootstrap/* ResampledValues */.Kw(samples.baseline[m]) };
                return compareMetric(info, candidate, baseline, new bootstrap/* ResampledValues */.Kw(samples.delta[m]));
            }
            if (baselineNumbers !== undefined) {
                const needed = policy.rules.some((rule) => rule.metric === info.name && comparesWithBaseline(rule));
                const value = needed ? (0,metrics_file/* requireMetric */.Ks)(baselineNumbers, info.name, 'the policy compares with the baseline') : (0,metrics_file/* findMetric */.GF)(baselineNumbers, info.name);
                return value === undefined ? compareMetric(info, candidate) : compareMetric(info, candidate, { value });
            }
            return compareMetric(info, candidate);
        });
        const results = new Map(compared.map(({ result }) => [result.name, result]));
        const outcomes = judgeRules(policy.rules, results);
        const doc = documentBase(outcomes, {
            task,
            label: options.label,
            threshold: task === 'binary' ? options.threshold : undefined,
            candidate: modelSide(models.candidate, plans.candidate),
            metrics: compared,
        });
        if (encoded.inferredFrom !== undefined)
            doc.taskInferred = encoded.inferredFrom;
        if (encoded.positiveClass !== undefined)
            doc.positiveClass = encoded.positiveClass;
        if (encoded.note !== undefined)
            doc.notes.push(encoded.note);
        doc.rows = table.rows;
        doc.data = table.sources;
        doc.features = features;
        doc.bootstrap = { resamples: options.bootstrap, seed: options.seed, level: REPORT_LEVEL, paired: baselinePoint !== undefined };
        if (models.baseline !== undefined)
            doc.baseline = modelSide(models.baseline, plans.baseline);
        else if (baselineNumbers !== undefined) {
            doc.baseline = { kind: 'metrics', origin: baselineNumbers.origin };
            doc.notes.push('The baseline is given as numbers: intervals of Δ are the candidate\'s intervals shifted by the baseline value (the baseline taken as exact).');
        }
        const confusion = confusionOf(rows, encoded);
        if (confusion !== undefined)
            doc.confusion = confusion;
        if (policy.slices !== undefined) {
            const sliceMetrics = (policy.slices.metrics ?? [...new Set(policy.rules.map((rule) => rule.metric))]).filter((name) => names.includes(name));
            const section = evaluateSlices({
                policy: policy.slices,
                columns: table.categorical,
                candidate: evaluators.candidate,
                baseline: evaluators.baseline,
                metrics: (sliceMetrics.length > 0 ? sliceMetrics : [names[0]]).map((name) => ({ name, direction: metricInfo(task, name).direction })),
            });
            doc.slices = section;
            const sliceOutcomes = section.rows.flatMap((row) => row.outcomes);
            const failedSlices = sliceOutcomes.filter((outcome) => outcome.status === 'fail');
            if (failedSlices.length > 0) {
                doc.outcomes.push(...failedSlices.map((outcome) => ({ ...outcome, metric: 'slices' })));
            }
            else if (sliceOutcomes.length > 0) {
                doc.outcomes.push({ metric: 'slices', check: section.rule ?? '', status: 'pass', reason: `all ${document_plural(section.rows.filter((row) => row.outcomes.length > 0).length, 'judged slice')} within ${section.rule ?? 'the rule'}`, origin: policy.slices.origin });
            }
            Object.assign(doc, verdictOf(doc.outcomes));
        }
        return doc;
    }
    finally {
        await releaseModel(models.candidate);
        if (models.baseline !== undefined)
            await releaseModel(models.baseline);
    }
}
async function runGate(options) {
    const doc = 'model' in options.candidate ? await scoredGate(options, options.candidate.model) : numbersGate(options, options.candidate.metrics);
    if (options.baseline !== undefined && 'missing' in options.baseline)
        doc.noBaseline = options.baseline.missing;
    return doc;
}

;// CONCATENATED MODULE: ./src/core/gate/thresholds.ts
/**
 * The `thresholds` input: short inline rules such as `roc_auc>=0.8`, `log_loss<=+5%` or
 * `f1>+0@95%`, and how they combine with a policy file's rules. The grammar is documented in
 * docs/gate-policy.md (Inline thresholds):
 *
 *   rule  = metric op bound [ "@" level ]
 *   op    = ">=" | "<=" | ">" | "<" | "≥" | "≤"
 *   bound = number            a bound on the candidate's value (>= min, <= max)
 *         | sign number       a bound on Δ = candidate − baseline
 *         | sign number "%"   a bound on Δ in percent of |baseline|
 *   level = number "%" | number     the confidence of a Δ bound, 95% or 0.95
 *
 * A Δ bound on the bad side is an allowed regression and is inclusive (`>=`/`<=`); one on the good
 * side is a required improvement and is strict (`>`/`<`). The operator must agree with the metric's
 * direction; for a metric outside the catalog, a Δ bound's operator sets the direction.
 */



const FIELD_WORDS = {
    min: 'the minimum',
    max: 'the maximum',
    maxRegression: 'the allowed regression',
    maxRegressionPct: 'the allowed regression in percent',
    improvement: 'the required improvement',
};
const OPERATOR = /(>=|<=|≥|≤|>|<)/;
const thresholds_NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FORM = 'write <metric><op><bound>, e.g. roc_auc>=0.8 (a value), roc_auc>=-0.01 (a change), log_loss<=+5% (a change in percent)';
/** The fields a rule sets. */
function fieldsOf(rule) {
    const fields = [];
    if (rule.min !== undefined)
        fields.push('min');
    if (rule.max !== undefined)
        fields.push('max');
    if (rule.maxRegression !== undefined)
        fields.push('maxRegression');
    if (rule.maxRegressionPct !== undefined)
        fields.push('maxRegressionPct');
    if (rule.mustImprove === true || rule.minImprovement !== undefined)
        fields.push('improvement');
    return fields;
}
function hasBaselineRule(rule) {
    return rule.maxRegression !== undefined || rule.maxRegressionPct !== undefined || rule.mustImprove === true || rule.minImprovement !== undefined;
}
function unset(rule, field) {
    if (field === 'improvement') {
        delete rule.mustImprove;
        delete rule.minImprovement;
    }
    else {
        delete rule[field];
    }
}
/** Parses one inline rule. `fail` words the error. */
function parseOne(item, fail) {
    const text = item.trim();
    const equals = /=>|=<|==|(?<![<>])=(?!=)/.exec(text);
    if (equals !== null && !/^[<>]=/.test(text.slice(Math.max(0, equals.index - 1)))) {
        const metric = text.slice(0, equals.index).trim();
        const rest = text.slice(equals.index + equals[0].length).replace(/^[=<>]+/, '').trim();
        const suggestion = equals[0] === '=<' ? '<=' : '>=';
        const what = equals[0] === '=>' || equals[0] === '=<' ? `"${equals[0]}" is not a comparison` : 'an equality is not a gate rule';
        throw fail(what, `use >=, <=, > or <, e.g. ${metric}${suggestion}${rest}`);
    }
    const match = OPERATOR.exec(text);
    if (match === null)
        throw fail('it has no comparison', FORM);
    const metric = text.slice(0, match.index).trim();
    const written = match[0];
    const op = (written === '≥' ? '>=' : written === '≤' ? '<=' : written);
    let rest = text.slice(match.index + written.length).trim();
    if (/^[=<>≥≤]/.test(rest))
        throw fail(`"${written}${rest[0] ?? ''}" is not a comparison`, `use >=, <=, > or <, e.g. ${metric}${op}${rest.replace(/^[=<>≥≤]+/, '').trim()}`);
    if (metric === '')
        throw fail('it names no metric', FORM);
    if (/\s|[<>=≥≤@]/.test(metric))
        throw fail(`"${metric}" is not a metric name`, FORM);
    let level;
    const at = rest.indexOf('@');
    if (at >= 0) {
        const levelWritten = rest.slice(at + 1).trim();
        rest = rest.slice(0, at).trim();
        const percent = levelWritten.endsWith('%');
        const digits = (percent ? levelWritten.slice(0, -1) : levelWritten).trim();
        const value = thresholds_NUMBER.test(digits) ? Number(digits) / (percent ? 100 : 1) : NaN;
        if (!(value > 0.5 && value < 1)) {
            throw fail(`the confidence "${levelWritten}" is not a level between 50% and 100%`, `write it after @ as a percentage or a fraction, e.g. ${metric}${op}${rest}@95% or @0.95 (both ends excluded)`);
        }
        level = value;
    }
    const bound = /^([+\-−])?\s*([^%]*?)\s*(%)?$/.exec(rest);
    const digits = bound?.[2] ?? '';
    if (bound === null || bound === undefined || !thresholds_NUMBER.test(digits)) {
        throw fail(rest === '' ? 'it has no bound' : `"${rest}" is not a number`, 'write a value (0.8), a change (-0.01, +0.02) or a change in percent (+5%)');
    }
    const sign = bound[1] === undefined ? undefined : bound[1] === '+' ? 1 : -1;
    const percent = bound[3] !== undefined;
    const amount = Number(digits);
    const rule = { metric, origin: { source: 'thresholds', text } };
    if (sign === undefined) {
        if (percent) {
            const example = `${metric}${op}${op.startsWith('>') ? '-' : '+'}${digits}%`;
            throw fail('a percentage is a change relative to the baseline and needs a sign', `write a signed change, e.g. ${example}, or the value as a number, e.g. ${metric}${op}${Number((amount / 100).toPrecision(12))}`);
        }
        if (level !== undefined)
            throw fail('a confidence applies to a change (a signed bound such as -0.01), not to a value', `remove @${item.slice(item.indexOf('@') + 1).trim()}`);
        if (op === '>' || op === '<')
            throw fail('a bound on the value is inclusive', `write ${metric}${op}=${digits}`);
        rule[op === '>=' ? 'min' : 'max'] = amount;
        return rule;
    }
    // A bound on Δ: `>`/`>=` say higher is better, `<`/`<=` lower.
    const implied = op === '>=' || op === '>' ? 'higher' : 'lower';
    const known = knownDirection(metric);
    const unit = percent ? '%' : '';
    const signText = sign > 0 ? '+' : '-';
    if (known !== undefined && known !== implied) {
        const example = known === 'higher' ? `${metric}>=-${digits}${unit} (an allowed fall) or ${metric}>+0 (a required rise)` : `${metric}<=+${digits}${unit} (an allowed rise) or ${metric}<-0 (a required fall)`;
        throw fail(`${metric} is ${known}-is-better, so a bound on its change is written with ${known === 'higher' ? '>= or >' : '<= or <'}`, `e.g. ${example}`);
    }
    if (known === undefined)
        rule.direction = implied;
    // The bound on the good side of zero (a gain) or the bad side (a worsening); ±0 is either.
    const towardsGood = amount === 0 || (implied === 'higher' ? sign > 0 : sign < 0);
    const towardsBad = amount === 0 || !towardsGood;
    const inclusive = op === '>=' || op === '<=';
    if (inclusive) {
        if (!towardsBad) {
            const strict = op === '>=' ? '>' : '<';
            throw fail('a required improvement is strict', `write ${metric}${strict}${signText}${digits}${unit}${level === undefined ? '' : `@${levelText(level)}`}`);
        }
        rule[percent ? 'maxRegressionPct' : 'maxRegression'] = amount;
    }
    else {
        if (!towardsGood)
            throw fail('an allowed regression is inclusive', `write ${metric}${op}=${signText}${digits}${unit}`);
        if (percent && amount !== 0) {
            throw fail('a required improvement in percent is not supported', `write it in the metric's units, e.g. ${metric}${op}${signText}0.01, or ${metric}${op}${signText}0 for any improvement`);
        }
        rule.mustImprove = true;
        if (amount !== 0)
            rule.minImprovement = amount;
    }
    if (level !== undefined)
        rule.confidence = level;
    return rule;
}
/**
 * Parses the inline rules, one MetricRule per item, each with its text as origin. Two items may not
 * set the same bound of one metric, a minimum may not exceed a maximum, and Δ bounds of one metric
 * outside the catalog must imply the same direction. Errors name `input` and the item.
 */
function parseThresholds(items, input = 'thresholds') {
    const rules = [];
    for (const item of items) {
        const fail = (what, fix) => new errors/* InputError */.dz(`Input "${input}", rule ${JSON.stringify(item.trim())}: ${what}; ${fix}`);
        const rule = parseOne(item, fail);
        const previous = rules.filter((other) => other.metric === rule.metric);
        for (const other of previous) {
            const field = fieldsOf(rule).find((name) => fieldsOf(other).includes(name));
            if (field !== undefined)
                throw fail(`it sets ${FIELD_WORDS[field]} of ${rule.metric} again (first in "${other.origin.text ?? ''}")`, 'keep one');
            if (rule.direction !== undefined && other.direction !== undefined && rule.direction !== other.direction) {
                throw fail(`it treats ${rule.metric} as ${rule.direction}-is-better, but "${other.origin.text ?? ''}" treats it as ${other.direction}-is-better`, 'bound its change on one side only');
            }
        }
        const min = [rule, ...previous].find((other) => other.min !== undefined);
        const max = [rule, ...previous].find((other) => other.max !== undefined);
        if (min?.min !== undefined && max?.max !== undefined && min.min > max.max) {
            const first = min === rule ? max : min;
            throw fail(`the minimum ${min.min} is above the maximum ${max.max} (from "${first.origin.text ?? ''}"), so no value can pass`, 'correct one of them');
        }
        rules.push(rule);
    }
    return rules;
}
/**
 * Combines a policy file's rules with the inline rules. An inline rule for a metric the policy names
 * overrides the policy's bound of the same kind (minimum, maximum, allowed regression, allowed
 * regression in percent, required improvement) and adds the others; a Δ bound without its own
 * `@level` takes the policy rule's confidence. Each rule keeps its own origin, so every outcome points
 * at the line or item that set it: the result lists each policy rule (less what was overridden)
 * followed by the inline rules for its metric, then the inline rules for metrics the policy does not
 * name, in input order. Throws an InputError when an inline rule's implied direction contradicts the
 * policy's or the combined minimum exceeds the maximum.
 */
function mergeRules(policyRules, inlineRules) {
    const merged = [];
    const used = new Set();
    for (const policyRule of policyRules) {
        const inline = inlineRules.filter((rule) => rule.metric === policyRule.metric);
        const kept = { ...policyRule, origin: { ...policyRule.origin } };
        const additions = [];
        for (const rule of inline) {
            used.add(rule);
            const fail = (what, fix) => new errors/* InputError */.dz(`${ruleLocation(rule.origin)}: ${what}; ${fix}`);
            if (rule.direction !== undefined && policyRule.direction !== undefined && rule.direction !== policyRule.direction) {
                throw fail(`it treats ${rule.metric} as ${rule.direction}-is-better, but ${ruleLocation(policyRule.origin)} says direction: ${policyRule.direction}`, 'bound its change on the other side, or correct the policy');
            }
            for (const field of fieldsOf(rule))
                unset(kept, field);
            const addition = { ...rule, origin: { ...rule.origin } };
            const direction = rule.direction ?? policyRule.direction;
            if (direction !== undefined)
                addition.direction = direction;
            if (addition.confidence === undefined && policyRule.confidence !== undefined && hasBaselineRule(addition))
                addition.confidence = policyRule.confidence;
            additions.push(addition);
        }
        if (!hasBaselineRule(kept))
            delete kept.confidence;
        const all = [kept, ...additions];
        const min = all.find((rule) => rule.min !== undefined);
        const max = all.find((rule) => rule.max !== undefined);
        if (min?.min !== undefined && max?.max !== undefined && min.min > max.max) {
            const inlineOne = min.origin.source === 'thresholds' ? min : max;
            const other = inlineOne === min ? max : min;
            throw new errors/* InputError */.dz(`${ruleLocation(inlineOne.origin)}: the minimum ${min.min} is above the maximum ${max.max} (from ${ruleLocation(other.origin)}), so no value can pass; correct one of them`);
        }
        merged.push(...all);
    }
    for (const rule of inlineRules)
        if (!used.has(rule))
            merged.push({ ...rule, origin: { ...rule.origin } });
    return merged;
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(3116);
// EXTERNAL MODULE: ./src/core/report/markdown.ts
var markdown = __webpack_require__(4201);
// EXTERNAL MODULE: ./src/core/profile/hash.ts
var hash = __webpack_require__(7861);
;// CONCATENATED MODULE: ./src/core/schema/unique-index.ts
/**
 * Exact duplicate detection for `unique` columns and `key` column sets, in two steps so that no step
 * probes a table larger than the CPU caches (a set of millions of keys probed in row order costs a
 * cache miss per value):
 *
 * 1. While scanning, KeyLog appends each value's 64-bit key with its row number to one of 256
 *    partitions chosen by the key's hash. Numbers are keyed by their exact IEEE-754 bits; text by two
 *    independent 32-bit MurmurHash3 values, so two different texts collide with probability about
 *    n²/2⁶⁵ over n values (under 10⁻⁶ for 5 million rows). Nothing is looked up.
 * 2. At the end, findDuplicates walks the logs of every part of the dataset (byte ranges, files) in
 *    order, one partition at a time, through a hash set of that partition's keys only: a key already
 *    in the set is a duplicate. The verdicts are those of one pass in row order: a key's first
 *    occurrence passes, every later one fails, wherever the parts were scanned.
 *
 * Complexity: O(1) per value while scanning, O(n) at the end; 12 bytes per value, plus a set of
 * about 2/256 of the keys at the end.
 */
const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/** A partition's keys are kept in blocks of BLOCK_KEYS keys, allocated from pages of PAGE_BLOCKS blocks. */
const BLOCK_KEYS = 256;
const BLOCK_WORDS = 3 * BLOCK_KEYS;
const PAGE_BLOCKS = 64;
const NO_PAGE = new Uint32Array(0);
/**
 * Spreads every bit of a key (its words signed or not) over 32 bits, returned signed: the top bits
 * pick the partition, the low bits the slot.
 */
function spread(hi, lo) {
    // Integers as doubles have all-zero low words and low bits: mix every bit in.
    let h = Math.imul(hi ^ (hi >>> 16), 0x85ebca6b) ^ lo;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return h ^ (h >>> 16);
}
class unique_index_KeyLog {
    pages = [];
    blocks = 0;
    /** Per block, the partition's next block (-1: none yet). */
    nextBlock = new Int32Array(PAGE_BLOCKS);
    /** Per partition: its first and last block, and where the next key goes in the last one. */
    first = new Int32Array(PARTITIONS).fill(-1);
    last = new Int32Array(PARTITIONS).fill(-1);
    page = new Array(PARTITIONS).fill(NO_PAGE);
    at = new Int32Array(PARTITIONS);
    end = new Int32Array(PARTITIONS);
    /** Logs the key (hi, lo) of `row`; its words may be signed or not. */
    add(hi, lo, row) {
        const partition = spread(hi, lo) >>> (32 - PARTITION_BITS);
        let at = this.at[partition];
        if (at === this.end[partition])
            at = this.newBlock(partition);
        const page = this.page[partition];
        page[at] = hi;
        page[at + 1] = lo;
        page[at + 2] = row;
        this.at[partition] = at + 3;
    }
    /** Starts a new last block for the partition; returns where its first key goes. */
    newBlock(partition) {
        const block = this.blocks++;
        if (block % PAGE_BLOCKS === 0)
            this.pages.push(new Uint32Array(PAGE_BLOCKS * BLOCK_WORDS));
        if (block === this.nextBlock.length) {
            const grown = new Int32Array(block * 2);
            grown.set(this.nextBlock);
            this.nextBlock = grown;
        }
        this.nextBlock[block] = -1;
        const previous = this.last[partition];
        if (previous < 0)
            this.first[partition] = block;
        else
            this.nextBlock[previous] = block;
        this.last[partition] = block;
        const at = (block % PAGE_BLOCKS) * BLOCK_WORDS;
        this.page[partition] = this.pages[Math.floor(block / PAGE_BLOCKS)];
        this.end[partition] = at + BLOCK_WORDS;
        return at;
    }
    /** The logged keys (sharing this log's memory, which is not to be used after; each array has its own ArrayBuffer). */
    toState() {
        return { pages: this.pages, next: this.nextBlock.slice(0, this.blocks), first: this.first, last: this.last, filled: this.at };
    }
}
/** The ArrayBuffers behind a log's state, for postMessage's transfer list. */
function unique_index_keyLogBuffers(state) {
    return [...state.pages, state.next, state.first, state.last, state.filled].map((array) => array.buffer);
}
/** Finds the duplicates among the keys of `parts`, taken in order (each part's rows after the previous part's). */
function findDuplicates(parts, limit) {
    let table = new Uint32Array(0);
    let failures = 0;
    const rows = [];
    for (let partition = 0; partition < PARTITIONS; partition += 1) {
        let count = 0;
        for (const { log } of parts) {
            for (let block = log.first[partition]; block >= 0; block = log.next[block]) {
                const from = (block % PAGE_BLOCKS) * BLOCK_WORDS;
                count += ((block === log.last[partition] ? log.filled[partition] : from + BLOCK_WORDS) - from) / 3;
            }
        }
        if (count === 0)
            continue;
        let slots = 16;
        while (slots < count * 2)
            slots *= 2;
        if (table.length < slots * 2)
            table = new Uint32Array(slots * 2);
        else
            table.fill(0, 0, slots * 2);
        const mask = slots - 1;
        // The all-zero key (the number 0) is kept apart: all-zero slots are empty.
        let zero = false;
        for (const { log, base } of parts) {
            for (let block = log.first[partition]; block >= 0; block = log.next[block]) {
                const keys = log.pages[Math.floor(block / PAGE_BLOCKS)];
                const from = (block % PAGE_BLOCKS) * BLOCK_WORDS;
                const to = block === log.last[partition] ? log.filled[partition] : from + BLOCK_WORDS;
                for (let i = from; i < to; i += 3) {
                    const hi = keys[i];
                    const lo = keys[i + 1];
                    let duplicate = false;
                    if (hi === 0 && lo === 0) {
                        duplicate = zero;
                        zero = true;
                    }
                    else {
                        let slot = spread(hi, lo) & mask;
                        for (;;) {
                            const h = table[slot * 2];
                            const l = table[slot * 2 + 1];
                            if (h === 0 && l === 0) {
                                table[slot * 2] = hi;
                                table[slot * 2 + 1] = lo;
                                break;
                            }
                            if (h === hi && l === lo) {
                                duplicate = true;
                                break;
                            }
                            slot = (slot + 1) & mask;
                        }
                    }
                    if (duplicate) {
                        failures += 1;
                        keepFirst(rows, base + keys[i + 2], limit);
                    }
                }
            }
        }
    }
    return { failures, rows };
}
/** Inserts `row` into the ascending list `rows` of the smallest rows seen, which holds at most `limit`. */
function keepFirst(rows, row, limit) {
    if (rows.length === limit && (limit === 0 || row >= rows[limit - 1]))
        return;
    let at = rows.length;
    while (at > 0 && rows[at - 1] > row)
        at -= 1;
    rows.splice(at, 0, row);
    if (rows.length > limit)
        rows.pop();
}

;// CONCATENATED MODULE: ./src/core/schema/column-checks.ts
/**
 * The row-level rules of one column, applied to each classified cell as it is read: type, bounds,
 * allowed values, pattern, text length, uniqueness and nullability. Each rule counts its failures and
 * keeps the first few failing values with their row and line. Table-wide rules (null fraction,
 * `mostly`, row counts, extra or missing columns, keys) are judged at the end (evaluate.ts).
 *
 * Verdicts for `allowed` and `pattern` are cached per distinct value while the column's category
 * table tracks it, so a low-cardinality column tests each value once. `unique` only logs each value's
 * key here; the duplicates are found once every part of the dataset is scanned (unique-index.ts).
 *
 * Complexity: O(1) per cell and rule (O(length) for pattern and length rules).
 */




const column_checks_ROW_RULES = ['type', 'nullable', 'min', 'max', 'exclusive_min', 'exclusive_max', 'allowed', 'pattern', 'min_length', 'max_length', 'unique'];
const [TYPE, NULLABLE, MIN, MAX, EXCLUSIVE_MIN, EXCLUSIVE_MAX, ALLOWED, PATTERN, MIN_LENGTH, MAX_LENGTH, UNIQUE] = column_checks_ROW_RULES.map((_, i) => i);
/** The cell kinds each type accepts, one bit per kind. */
const EVERY_KIND = 0xff;
const ACCEPTS = {
    integer: 1 << data_cell/* INTEGER */.vh,
    number: (1 << data_cell/* INTEGER */.vh) | (1 << data_cell/* NUMBER */.uk),
    boolean: 1 << data_cell/* BOOLEAN */.Jx,
    date: 1 << data_cell/* DATE */.vH,
    datetime: (1 << data_cell/* DATE */.vH) | (1 << data_cell/* DATETIME */.cD),
    string: EVERY_KIND,
    category: EVERY_KIND,
};
/** A bound as compared: numbers as such, dates and datetimes as epoch milliseconds. */
function boundValue(bound) {
    if (bound === undefined)
        return undefined;
    if (typeof bound === 'number')
        return bound;
    const cell = newCell();
    const bytes = Buffer.from(bound, 'utf8');
    classifyBytes(cell, bytes, 0, bytes.length, true);
    return cell.kind === DATE || cell.kind === DATETIME ? cell.value : Number.NaN;
}
class column_checks_ColumnChecks {
    rules;
    maxExamples;
    failures = new Float64Array(column_checks_ROW_RULES.length);
    examples = column_checks_ROW_RULES.map(() => []);
    /** Kinds the type accepts, one bit per kind (every kind without a type). */
    accepts;
    min;
    max;
    exclusiveMin;
    exclusiveMax;
    hasBounds;
    allowed;
    pattern;
    allowedVerdicts = new Uint8Array(CATEGORY_CAPACITY);
    patternVerdicts = new Uint8Array(CATEGORY_CAPACITY);
    minLength;
    maxLength;
    nullable;
    unique;
    /** Whether checking a value can need its text (allowed values, a pattern). */
    needsText;
    numberView = new Float64Array(1);
    wordView = new Int32Array(this.numberView.buffer);
    constructor(rules, maxExamples) {
        this.rules = rules;
        this.maxExamples = maxExamples;
        this.accepts = rules.type === undefined ? EVERY_KIND : ACCEPTS[rules.type];
        this.min = boundValue(rules.min);
        this.max = boundValue(rules.max);
        this.exclusiveMin = boundValue(rules.exclusiveMin);
        this.exclusiveMax = boundValue(rules.exclusiveMax);
        this.hasBounds = this.min !== undefined || this.max !== undefined || this.exclusiveMin !== undefined || this.exclusiveMax !== undefined;
        this.allowed = rules.allowed === undefined ? undefined : new Set(rules.allowed);
        this.pattern = rules.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u');
        this.minLength = rules.minLength;
        this.maxLength = rules.maxLength;
        this.nullable = rules.nullable !== false;
        this.unique = rules.unique === true ? new KeyLog() : null;
        this.needsText = this.allowed !== undefined || this.pattern !== undefined;
    }
    /**
     * Checks one cell; `entry` is its category entry (or -1), `hash` its profile hash and `length` its
     * length in code points when it is text (as the profile measured it; other kinds are ASCII).
     */
    check(cell, entry, hash, length, row, line) {
        const kind = cell.kind;
        if (kind === NULL) {
            if (!this.nullable)
                this.fail(NULLABLE, cell, row, line);
            return;
        }
        if (((this.accepts >> kind) & 1) === 0) {
            this.fail(TYPE, cell, row, line);
            return;
        }
        if (this.hasBounds)
            this.checkBounds(cell, row, line);
        // A category entry stands for exact bytes only for text-like cells; numbers and booleans share one
        // entry across spellings (007 and 7, TRUE and true), which allowed and pattern tell apart.
        if (kind === INTEGER || kind === NUMBER || kind === BOOLEAN)
            entry = -1;
        if (this.allowed !== undefined) {
            let verdict = entry >= 0 ? this.allowedVerdicts[entry] : 0;
            if (verdict === 0) {
                verdict = this.allowed.has(transientText(cell)) ? 1 : 2;
                if (entry >= 0)
                    this.allowedVerdicts[entry] = verdict;
            }
            if (verdict === 2)
                this.fail(ALLOWED, cell, row, line);
        }
        if (this.pattern !== undefined) {
            let verdict = entry >= 0 ? this.patternVerdicts[entry] : 0;
            if (verdict === 0) {
                verdict = this.pattern.test(transientText(cell)) ? 1 : 2;
                if (entry >= 0)
                    this.patternVerdicts[entry] = verdict;
            }
            if (verdict === 2)
                this.fail(PATTERN, cell, row, line);
        }
        if (this.minLength !== undefined || this.maxLength !== undefined) {
            const characters = kind === TEXT ? length : cell.end - cell.start;
            if (this.minLength !== undefined && characters < this.minLength)
                this.fail(MIN_LENGTH, cell, row, line);
            if (this.maxLength !== undefined && characters > this.maxLength)
                this.fail(MAX_LENGTH, cell, row, line);
        }
        if (this.unique !== null) {
            let hi;
            let lo;
            if (kind === INTEGER || kind === NUMBER) {
                this.numberView[0] = cell.value;
                hi = this.wordView[1];
                lo = this.wordView[0];
            }
            else {
                hi = hash;
                lo = signedHashBytes(cell.buffer, cell.start, cell.end, HASH_SEED_HIGH);
            }
            this.unique.add(hi, lo, row);
        }
    }
    checkBounds(cell, row, line) {
        const kind = cell.kind;
        const comparable = kind === INTEGER || kind === NUMBER || kind === DATE || kind === DATETIME;
        const x = comparable ? cell.value : Number.NaN;
        // A value that cannot be compared (text where a number is expected) fails every bound it meets.
        if (this.min !== undefined && !(x >= this.min))
            this.fail(MIN, cell, row, line);
        if (this.max !== undefined && !(x <= this.max))
            this.fail(MAX, cell, row, line);
        if (this.exclusiveMin !== undefined && !(x > this.exclusiveMin))
            this.fail(EXCLUSIVE_MIN, cell, row, line);
        if (this.exclusiveMax !== undefined && !(x < this.exclusiveMax))
            this.fail(EXCLUSIVE_MAX, cell, row, line);
    }
    fail(rule, cell, row, line) {
        this.failures[rule] = this.failures[rule] + 1;
        const examples = this.examples[rule];
        if (examples.length < this.maxExamples)
            examples.push({ row, line, value: cell.kind === NULL ? null : cellText(cell) });
    }
    toState() {
        return { failures: Array.from(this.failures), examples: this.examples, unique: this.unique?.toState() ?? null };
    }
    /** Counts `rows` rows in which the column is absent (a file without it): nulls, without examples. */
    absorbMissing(rows) {
        if (!this.nullable)
            this.failures[NULLABLE] = this.failures[NULLABLE] + rows;
    }
    /**
     * Adds the state of the rows that follow this one's (the next byte range or file): its rows and
     * lines are shifted by `rowBase` and `lineBase`. Its unique keys are left to the caller.
     */
    absorb(state, rowBase, lineBase, source) {
        for (let rule = 0; rule < column_checks_ROW_RULES.length; rule += 1) {
            this.failures[rule] = this.failures[rule] + state.failures[rule];
            const examples = this.examples[rule];
            for (const example of state.examples[rule]) {
                if (examples.length >= this.maxExamples)
                    break;
                const shifted = { row: example.row + rowBase, line: example.line + lineBase, value: example.value };
                const from = example.source ?? source;
                if (from !== undefined)
                    shifted.source = from;
                examples.push(shifted);
            }
        }
    }
    /** Sets the verdicts of the unique rule, found over every part (ScanTotal). */
    setDuplicates(failures, examples) {
        this.failures[UNIQUE] = failures;
        this.examples[UNIQUE] = examples;
    }
}

;// CONCATENATED MODULE: ./src/core/schema/evaluate.ts

/** A fraction as a percentage with three significant digits: 0.0006 → 0.06%. */
const evaluate_percent = (fraction) => `${Number((fraction * 100).toPrecision(3))}%`;
/** A value cut to 40 characters for examples. */
const evaluate_shortValue = (value) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);
function listed(values, limit = 10) {
    const shown = values.slice(0, limit).join(', ');
    return values.length > limit ? `${shown}, … (${values.length} values)` : shown;
}
function expectation(rule, rules) {
    switch (rule) {
        case 'type':
            return rules.type ?? '';
        case 'nullable':
            return 'no nulls';
        case 'min':
            return `≥ ${rules.min}`;
        case 'max':
            return `≤ ${rules.max}`;
        case 'exclusive_min':
            return `> ${rules.exclusiveMin}`;
        case 'exclusive_max':
            return `< ${rules.exclusiveMax}`;
        case 'allowed':
            return `one of ${listed(rules.allowed ?? [])}`;
        case 'pattern':
            return `matches /${rules.pattern}/`;
        case 'min_length':
            return `at least ${rules.minLength} characters`;
        case 'max_length':
            return `at most ${rules.maxLength} characters`;
        case 'unique':
            return 'unique values';
    }
}
function declared(rule, rules) {
    switch (rule) {
        case 'type':
            return rules.type !== undefined;
        case 'nullable':
            return rules.nullable === false;
        case 'min':
            return rules.min !== undefined;
        case 'max':
            return rules.max !== undefined;
        case 'exclusive_min':
            return rules.exclusiveMin !== undefined;
        case 'exclusive_max':
            return rules.exclusiveMax !== undefined;
        case 'allowed':
            return rules.allowed !== undefined;
        case 'pattern':
            return rules.pattern !== undefined;
        case 'min_length':
            return rules.minLength !== undefined;
        case 'max_length':
            return rules.maxLength !== undefined;
        case 'unique':
            return rules.unique === true;
    }
}
function evaluate(schema, total) {
    const findings = [];
    const at = (key) => schema.positions.get(key);
    const push = (finding, ...keys) => {
        const position = keys.map(at).find((p) => p !== undefined);
        findings.push(position === undefined ? finding : { ...finding, at: position });
    };
    const rows = schema.table.rows;
    if (rows !== undefined) {
        const tooFew = rows.min !== undefined && total.rows < rows.min;
        const tooMany = rows.max !== undefined && total.rows > rows.max;
        const bounds = [rows.min === undefined ? '' : `≥ ${rows.min}`, rows.max === undefined ? '' : `≤ ${rows.max}`].filter(Boolean).join(' and ');
        push({ column: null, rule: 'rows', expected: `${bounds} rows`, severity: 'error', passed: !tooFew && !tooMany, checked: total.rows, failed: tooFew || tooMany ? 1 : 0, fraction: 0, examples: [] }, 'table.rows', 'table');
    }
    const dataColumns = new Set(total.columns);
    const missing = [...schema.columns.keys()].filter((name) => !dataColumns.has(name));
    const extra = total.columns.filter((name) => !schema.columns.has(name));
    const missingPolicy = schema.table.columns?.missing ?? 'error';
    const extraPolicy = schema.table.columns?.extra ?? 'warn';
    if (missing.length > 0) {
        push({ column: null, rule: 'columns.missing', expected: 'every schema column present', severity: missingPolicy === 'warn' ? 'warning' : 'error', passed: false, checked: schema.columns.size, failed: missing.length, fraction: missing.length / schema.columns.size, examples: [], names: missing }, ...missing.map((name) => `columns.${name}`));
    }
    if (extra.length > 0 && extraPolicy !== 'ignore') {
        push({ column: null, rule: 'columns.extra', expected: 'no columns beyond the schema', severity: extraPolicy === 'warn' ? 'warning' : 'error', passed: false, checked: total.columns.length, failed: extra.length, fraction: extra.length / total.columns.length, examples: [], names: extra }, 'table.columns', 'table');
    }
    const key = schema.table.key;
    if (key !== undefined && key.every((name) => dataColumns.has(name))) {
        push({ column: null, rule: 'key', expected: `unique (${key.join(', ')})`, severity: 'error', passed: total.keyFailures === 0, checked: total.rows, failed: total.keyFailures, fraction: total.rows === 0 ? 0 : total.keyFailures / total.rows, examples: total.keyExamples }, 'table.key');
    }
    for (const [name, rules] of schema.columns) {
        const profile = total.profiles.get(name);
        const checks = total.checks.get(name);
        if (profile === undefined || checks === undefined)
            continue;
        const severity = rules.severity ?? 'error';
        const mostly = rules.mostly ?? 1;
        ROW_RULES.forEach((rule, index) => {
            if (!declared(rule, rules))
                return;
            const failed = checks.failures[index];
            const checked = rule === 'nullable' ? total.rows : profile.count;
            const fraction = checked === 0 ? 0 : failed / checked;
            const tolerant = rule !== 'nullable' && mostly < 1;
            const passed = tolerant ? 1 - fraction >= mostly : failed === 0;
            const finding = { column: name, rule, expected: expectation(rule, rules), severity, passed, checked, failed, fraction, examples: checks.examples[index] };
            if (tolerant)
                finding.mostly = mostly;
            push(finding, `columns.${name}.${rule}`, `columns.${name}`);
        });
        if (rules.maxNullFraction !== undefined) {
            const fraction = total.rows === 0 ? 0 : profile.nulls / total.rows;
            push({ column: name, rule: 'max_null_fraction', expected: `at most ${evaluate_percent(rules.maxNullFraction)} nulls`, severity, passed: fraction <= rules.maxNullFraction, checked: total.rows, failed: profile.nulls, fraction, examples: [] }, `columns.${name}.max_null_fraction`, `columns.${name}`);
        }
    }
    return findings;
}
/** One line for a failed finding: what broke, how often, and the first examples. */
function describeFinding(finding) {
    const subject = finding.column === null ? 'table' : `column "${finding.column}"`;
    if (finding.rule === 'columns.missing')
        return `${subject}: ${finding.failed} schema column${finding.failed === 1 ? ' is' : 's are'} missing from the data: ${listed(finding.names ?? [])}.`;
    if (finding.rule === 'columns.extra')
        return `${subject}: ${finding.failed} column${finding.failed === 1 ? ' is' : 's are'} not in the schema: ${listed(finding.names ?? [])}.`;
    if (finding.rule === 'rows')
        return `${subject}: ${finding.checked} rows, expected ${finding.expected}.`;
    const share = `${finding.failed} of ${finding.checked} rows (${evaluate_percent(finding.fraction)})`;
    const tolerance = finding.mostly === undefined ? '' : `; at most ${evaluate_percent(1 - finding.mostly)} may fail (mostly: ${finding.mostly})`;
    const examples = finding.examples.length === 0 ? '' : `; e.g. ${finding.examples.map(evaluate_describeExample).join(', ')}`;
    return `${subject}: ${share} break ${finding.rule} (${finding.expected})${tolerance}${examples}.`;
}
function evaluate_describeExample(example) {
    const where = `${example.source === undefined ? '' : `${example.source} `}row ${example.row}`;
    if (example.value === undefined)
        return where;
    if (example.value === null)
        return `${where}: null`;
    return `${where}: ${JSON.stringify(evaluate_shortValue(example.value))}`;
}

;// CONCATENATED MODULE: ./src/core/report/validation-report.ts
/**
 * The validate-data report, as Markdown for the job summary and pull request, and as JSON for other
 * tools. Failed checks come first with their counts and examples; passing checks and the per-column
 * profile follow in collapsed sections.
 */


const REPORT_FORMAT = 'cd4ml-validation-report';
const validation_report_count = (value) => value.toLocaleString('en-US');
/** Inline code for a table cell: backticks doubled as needed, pipes escaped. */
function code(text) {
    const clean = text.replace(/\r?\n/g, '↵').replaceAll('|', '\\|');
    const fence = clean.includes('`') ? '``' : '`';
    const pad = fence.length > 1 ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}
function number(value) {
    if (value === undefined)
        return '';
    if (typeof value === 'string')
        return value;
    if (Number.isInteger(value))
        return validation_report_count(value);
    return String(Number(value.toPrecision(4)));
}
function checkName(finding) {
    return finding.column === null ? `table ${finding.rule}` : `${code(finding.column)} ${finding.rule}`;
}
function failedCell(finding) {
    if (finding.rule === 'rows')
        return `${validation_report_count(finding.checked)} rows`;
    if (finding.names !== undefined)
        return finding.names.map(code).join(', ');
    const share = `${validation_report_count(finding.failed)} of ${validation_report_count(finding.checked)} (${percent(finding.fraction)})`;
    return finding.mostly === undefined ? share : `${share}; mostly ${finding.mostly}`;
}
function examplesCell(finding) {
    return finding.examples
        .map((example) => {
        const text = describeExample({ ...example, value: undefined });
        if (example.value === undefined)
            return text;
        if (example.value === null)
            return `${text}: null`;
        return `${text}: ${code(shortValue(example.value))}`;
    })
        .join('<br>');
}
function checksTable(findings) {
    const icon = (finding) => (finding.passed ? '✅' : finding.severity === 'error' ? '❌' : '⚠️');
    return markdownTable([
        ['', 'Check', 'Expected', 'Failed', 'Examples'],
        ...findings.map((finding) => [icon(finding), checkName(finding), finding.expected.replaceAll('|', '\\|'), finding.passed && finding.failed === 0 ? '0' : failedCell(finding), examplesCell(finding)]),
    ]);
}
function profileRow(column, rows) {
    const s = column.summary;
    const distinct = `${column.distinct.exact ? '' : '≈'}${validation_report_count(column.distinct.value)}`;
    let shape = '';
    if (s.mean !== undefined)
        shape = `mean ${number(s.mean)}${s.std === undefined ? '' : ` ± ${number(s.std)}`}`;
    else if (s.top !== undefined)
        shape = s.top.values.slice(0, 3).map(([value, n]) => `${code(String(value))} ${percent(n / column.count)}`).join(', ');
    else if (s.length !== undefined)
        shape = `length ${s.length.min}–${s.length.max}`;
    const nulls = column.nulls === 0 ? '0' : `${validation_report_count(column.nulls)} (${percent(column.nulls / rows)})`;
    return [code(column.name), column.type, nulls, distinct, number(s.min), number(s.quantiles?.['0.5']), number(s.max), shape];
}
function profileTable(profile) {
    return markdownTable([['Column', 'Type', 'Nulls', 'Distinct', 'Min', 'Median', 'Max', 'Shape'], ...profile.columns.map((column) => profileRow(column, profile.rows))], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'] });
}
function renderValidationMarkdown(report, profile) {
    const failed = report.findings.filter((finding) => !finding.passed);
    const passed = report.findings.filter((finding) => finding.passed);
    const tally = [report.errors > 0 ? `${report.errors} error${report.errors === 1 ? '' : 's'}` : '', report.warnings > 0 ? `${report.warnings} warning${report.warnings === 1 ? '' : 's'}` : '']
        .filter(Boolean)
        .join(', ');
    const title = report.schema === null ? '📊 Data profile' : report.errors > 0 ? `❌ Data validation failed: ${tally}` : report.warnings > 0 ? `⚠️ Data validation passed with ${tally}` : '✅ Data validation passed';
    const files = report.sources.length === 1 ? code(report.sources[0].name) : `${report.sources.length} files`;
    const lines = [
        `### ${title}`,
        '',
        `${files} · ${validation_report_count(report.rows)} rows · ${profile.columns.length} columns${report.schema === null ? '' : ` · schema ${code(report.schema)}`}`,
        '',
    ];
    if (failed.length > 0)
        lines.push(checksTable(failed), '');
    if (passed.length > 0)
        lines.push(`<details><summary>${passed.length} check${passed.length === 1 ? '' : 's'} passed</summary>`, '', checksTable(passed), '', '</details>', '');
    lines.push('<details><summary>Profile</summary>', '', profileTable(profile), '', `Quantiles are within ±${percent(profile.rank_error)} in rank (KLL sketch); ≈ marks an estimated distinct count.`, '', '</details>');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/core/report/gate-report.ts
/**
 * The evaluate-gate report in Markdown: the verdict first, then one table a reviewer can read in ten
 * seconds (Metric | Baseline | Candidate | Δ | Δ% | 95% CI of Δ | Rule | Result), then collapsed
 * sections for slices, the confusion matrix, fingerprints and how to reproduce the run locally. The
 * same text is the PR comment, the job summary and the check run's summary.
 */




/** Failed checks listed under the table; the slice section has the rest. */
const MAX_LISTED = 8;
const gate_report_count = (value) => value.toLocaleString('en-US');
const RESULT = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped' };
function worst(outcomes) {
    if (outcomes.some((outcome) => outcome.status === 'fail'))
        return 'fail';
    if (outcomes.some((outcome) => outcome.status === 'pass'))
        return 'pass';
    return outcomes.length > 0 ? 'skipped' : undefined;
}
function sideName(side) {
    return side.kind === 'model' ? code(side.path) : code(side.origin);
}
function headline(doc, checkName) {
    const icon = doc.passed ? '✅' : '❌';
    return `### ${icon} Model gate ${doc.passed ? 'passed' : 'failed'} · ${code(checkName)}\n\n**${doc.verdict}**`;
}
function context(doc) {
    const parts = [];
    const against = doc.baseline === undefined ? ' (no baseline)' : ` vs baseline ${sideName(doc.baseline)}`;
    const on = doc.rows === undefined ? '' : ` on ${gate_report_count(doc.rows)} rows of ${(doc.data ?? []).map(code).join(', ')}`;
    parts.push(`Candidate ${sideName(doc.candidate)}${against}${on}.`);
    if (doc.task !== undefined) {
        const label = doc.label === undefined ? '' : `, label ${code(doc.label)}`;
        const positive = doc.positiveClass === undefined ? '' : `, positive class ${code(doc.positiveClass)}`;
        const threshold = doc.threshold === undefined ? '' : `, threshold ${doc.threshold}`;
        parts.push(`Task: ${doc.task}${doc.taskInferred === undefined ? '' : ' (inferred)'}${label}${positive}${threshold}.`);
    }
    if (doc.bootstrap !== undefined) {
        const { resamples, seed, paired } = doc.bootstrap;
        parts.push(`Intervals: ${paired ? 'paired ' : ''}bootstrap, ${gate_report_count(resamples)} resamples, seed ${seed}.`);
    }
    if (doc.noBaseline !== undefined)
        parts.push(doc.noBaseline);
    return parts.join(' ');
}
function ruleCell(outcomes) {
    return outcomes.map((outcome) => (0,markdown/* cell */.H)(outcome.check)).join('<br>');
}
function metricName(row) {
    return row.title === row.name ? code(row.name) : `${row.title} (${code(row.name)})`;
}
function metricsTable(doc) {
    const outcomesOf = (name) => doc.outcomes.filter((outcome) => outcome.metric === name);
    const withBaseline = doc.baseline !== undefined;
    if (!withBaseline) {
        const rows = doc.metrics.map((row) => {
            const outcomes = outcomesOf(row.name);
            const status = worst(outcomes);
            return [metricName(row), (0,numbers/* formatValue */.Fl)(row.candidate), row.candidateInterval === undefined ? '' : (0,numbers/* formatInterval */.vy)(row.candidateInterval), ruleCell(outcomes), status === undefined ? '' : RESULT[status]];
        });
        return (0,markdown_table/* markdownTable */.Q)([['Metric', 'Candidate', '95% CI', 'Rule', 'Result'], ...rows], { align: ['l', 'r', 'c', 'l', 'l'] });
    }
    const rows = doc.metrics.map((row) => {
        const outcomes = outcomesOf(row.name);
        const status = worst(outcomes);
        return [
            metricName(row),
            row.baseline === undefined ? 'n/a' : (0,numbers/* formatValue */.Fl)(row.baseline),
            (0,numbers/* formatValue */.Fl)(row.candidate),
            row.delta === undefined ? '' : (0,numbers/* formatDelta */.CW)(row.delta),
            row.deltaPct === undefined ? '' : (0,numbers/* formatPercent */.l9)(row.deltaPct / 100),
            row.deltaInterval === undefined ? '' : (0,numbers/* formatInterval */.vy)(row.deltaInterval, numbers/* formatDelta */.CW),
            ruleCell(outcomes),
            status === undefined ? '' : RESULT[status],
        ];
    });
    return (0,markdown_table/* markdownTable */.Q)([['Metric', 'Baseline', 'Candidate', 'Δ', 'Δ%', '95% CI of Δ', 'Rule', 'Result'], ...rows], {
        align: ['l', 'r', 'r', 'r', 'r', 'c', 'l', 'l'],
    });
}
/** Outcomes that are not about one of the table's metrics (e.g. a rule on a metric given only as a number). */
function failuresList(doc) {
    const failed = doc.outcomes.filter((outcome) => outcome.status === 'fail');
    if (failed.length <= 1)
        return '';
    const shown = failed.slice(0, MAX_LISTED).map((outcome) => `- ${outcome.reason}`);
    if (failed.length > MAX_LISTED)
        shown.push(`- … and ${failed.length - MAX_LISTED} more (see the slices below)`);
    return `Failed checks:\n${shown.join('\n')}`;
}
function sliceCell(row) {
    return row.metrics
        .map((metric) => {
        if (metric.baseline === undefined || metric.delta === undefined)
            return `${metric.name} ${(0,numbers/* formatValue */.Fl)(metric.candidate)}`;
        return `${metric.name} ${(0,numbers/* formatValue */.Fl)(metric.baseline)} → ${(0,numbers/* formatValue */.Fl)(metric.candidate)} (${(0,numbers/* formatDelta */.CW)(metric.delta)})`;
    })
        .join('<br>');
}
function slicesSection(doc) {
    const section = doc.slices;
    if (section === undefined)
        return '';
    const flagged = section.rows.filter((row) => worst(row.outcomes) === 'fail');
    const judged = section.rows.filter((row) => row.outcomes.length > 0);
    const status = (row) => {
        const state = worst(row.outcomes);
        if (state !== undefined)
            return RESULT[state];
        return row.rows < section.minRows ? `too few rows (< ${gate_report_count(section.minRows)})` : '';
    };
    const table = (0,markdown_table/* markdownTable */.Q)([['Column', 'Value', 'Rows', 'Metrics', 'Result'], ...section.rows.map((row) => [code(row.column), code(row.value), gate_report_count(row.rows), sliceCell(row), status(row)])], { align: ['l', 'l', 'r', 'l', 'l'] });
    const rule = section.rule === undefined ? 'shown, not judged' : `rule ${(0,markdown/* cell */.H)(section.rule)}`;
    const title = flagged.length > 0
        ? `❌ Slices: ${flagged.length} of ${judged.length} judged regress beyond the rule`
        : `Slices by ${section.columns.map(code).join(', ')} (${rule})`;
    const notes = flagged.map((row) => `- ${row.outcomes.filter((outcome) => outcome.status === 'fail').map((outcome) => outcome.reason).join('; ')}`);
    return (0,markdown/* details */.z)(title, [notes.join('\n'), table, `The largest ${section.top} values of each column have their own slice; the rest are \`other\`. Slices are judged on point estimates.`].filter((part) => part !== '').join('\n\n'));
}
function matrix(labels, values) {
    return (0,markdown_table/* markdownTable */.Q)([['true ↓ / predicted →', ...labels.map(code)], ...values.map((row, index) => [code(labels[index] ?? ''), ...row.map(gate_report_count)])], {
        align: ['l', ...labels.map(() => 'r')],
    });
}
function confusionSection(doc) {
    const confusion = doc.confusion;
    if (confusion === undefined)
        return '';
    const at = confusion.threshold === undefined ? '' : ` at threshold ${confusion.threshold}`;
    const parts = [`Candidate:\n\n${matrix(confusion.labels, confusion.candidate)}`];
    if (confusion.baseline !== undefined)
        parts.push(`Baseline:\n\n${matrix(confusion.labels, confusion.baseline)}`);
    return (0,markdown/* details */.z)(`Confusion matrix${at}`, parts.join('\n\n'));
}
function fingerprint(role, side) {
    if (side.kind === 'metrics')
        return `- ${role}: metrics from ${code(side.origin)}`;
    return `- ${role}: ${code(side.path)} sha256 ${code(side.sha256)} (input ${side.inputs.map(code).join(', ')}, output ${code(side.output)})`;
}
function fingerprintSection(doc) {
    const lines = [fingerprint('Candidate', doc.candidate)];
    if (doc.baseline !== undefined)
        lines.push(fingerprint('Baseline', doc.baseline));
    if (doc.data !== undefined)
        lines.push(`- Data: ${doc.data.map(code).join(', ')}${doc.rows === undefined ? '' : `, ${gate_report_count(doc.rows)} rows`}`);
    if (doc.features !== undefined && doc.features.length > 0)
        lines.push(`- Features: ${doc.features.map(code).join(', ')}`);
    if (doc.taskInferred !== undefined)
        lines.push(`- Task: ${doc.taskInferred}`);
    for (const row of doc.metrics) {
        if (row.undefinedResamples !== undefined && row.undefinedResamples > 0) {
            lines.push(`- ${code(row.name)} was undefined in ${gate_report_count(row.undefinedResamples)} resamples, left out of its intervals.`);
        }
    }
    lines.push(...doc.notes.map((note) => `- ${note}`));
    return (0,markdown/* details */.z)('Data and model fingerprints', lines.join('\n'));
}
function candidateIntervals(doc) {
    if (doc.baseline === undefined || !doc.metrics.some((row) => row.candidateInterval !== undefined))
        return '';
    const rows = doc.metrics.map((row) => [
        metricName(row),
        row.baselineInterval === undefined ? '' : (0,numbers/* formatInterval */.vy)(row.baselineInterval),
        row.candidateInterval === undefined ? '' : (0,numbers/* formatInterval */.vy)(row.candidateInterval),
    ]);
    return (0,markdown/* details */.z)('95% intervals of each model', (0,markdown_table/* markdownTable */.Q)([['Metric', 'Baseline', 'Candidate'], ...rows], { align: ['l', 'c', 'c'] }));
}
function reproduceSection(doc) {
    if (doc.reproduce === undefined)
        return '';
    return (0,markdown/* details */.z)('Reproduce locally', `From a checkout of cd4ml-actions (after \`npm ci\`), in this repository:\n\n\`\`\`sh\n${doc.reproduce}\n\`\`\``);
}
/** The report as Markdown; `checkName` is the check run that carries the verdict. */
function renderGateMarkdown(doc, checkName) {
    return [
        headline(doc, checkName),
        context(doc),
        metricsTable(doc),
        failuresList(doc),
        slicesSection(doc),
        candidateIntervals(doc),
        confusionSection(doc),
        fingerprintSection(doc),
        reproduceSection(doc),
    ]
        .filter((part) => part !== '')
        .join('\n\n');
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/core/profile/column-profile.ts + 1 modules
var column_profile = __webpack_require__(7345);
;// CONCATENATED MODULE: ./src/core/scan/table-scan.ts
/**
 * One pass over one file (or one byte range of it): every cell is classified once, then profiled and
 * checked against its column's rules. The result is a plain, mergeable object (it crosses worker
 * threads as is): column profiles, check counts with examples, and the logged keys of unique columns
 * and of the table key (their duplicates are found over all parts together, scan-total.ts).
 *
 * Complexity: O(cells) time; memory O(columns) plus 12 bytes per logged key.
 */








/** Rows between two CSV checkpoints (a power of two). */
const CHECKPOINT_ROWS = 4096;
const NULL_KEY_HASH = 0x1b873593;
function mix(accumulator, hash) {
    let h = Math.imul(accumulator ^ hash, 0xcc9e2d51);
    h = (h << 15) | (h >>> 17);
    return Math.imul(h, 0x1b873593) ^ 0xe6546b64;
}
class table_scan_TableScan {
    options;
    rows = 0;
    names = [];
    profiles = [];
    checks = [];
    cell = newCell();
    scratch = Buffer.allocUnsafe(1024);
    keyColumns = null;
    keyLog = null;
    /** The key of the current row, built column by column (beginKey, then addToKey per key column). */
    keyHi = 0;
    keyLo = 0;
    checkpoints = [];
    /** A one-row batch for csvRow; the batch being profiled (csvBatch); whether it was decoded for the checks (decodeBatch). */
    oneRow = {
        buffer: Buffer.alloc(0),
        rows: 1,
        rowStarts: new Int32Array(2),
        lines: new Float64Array(1),
        offsets: new Float64Array(1),
        starts: new Int32Array(0),
        ends: new Int32Array(0),
        quoting: new Uint8Array(0),
    };
    batch = this.oneRow;
    decoded = false;
    numberView = new Float64Array(1);
    wordView = new Int32Array(this.numberView.buffer);
    source = '';
    constructor(options) {
        this.options = options;
    }
    columns(names, source) {
        this.source = source;
        const seen = new Map();
        names.forEach((name, index) => {
            if (index < this.names.length)
                return;
            if (name.length === 0)
                throw new InputError(`${source}: column ${index + 1} has no name in the header; give every column a name.`);
            const earlier = seen.get(name) ?? this.names.indexOf(name);
            if (earlier !== undefined && earlier >= 0) {
                throw new InputError(`${source}: the header names column "${name}" twice (columns ${earlier + 1} and ${index + 1}); column names must be unique.`);
            }
            seen.set(name, index);
            const profile = new ColumnProfile();
            profile.addNulls(this.rows);
            this.profiles.push(profile);
            const rules = this.options.schema?.columns.get(name);
            const checks = rules === undefined ? null : new ColumnChecks(rules, this.options.maxExamples);
            checks?.absorbMissing(this.rows);
            this.checks.push(checks);
        });
        this.names = [...names];
        const key = this.options.schema?.table.key;
        if (key !== undefined) {
            const indexes = key.map((column) => this.names.indexOf(column));
            if (indexes.every((index) => index >= 0)) {
                this.keyColumns = indexes;
                this.keyLog ??= new KeyLog();
            }
        }
    }
    /** A CSV row (readers hand over batches, csvBatch, where they can). */
    csvRow(row) {
        const one = this.oneRow;
        one.buffer = row.buffer;
        one.rowStarts[1] = row.count;
        one.lines[0] = row.line;
        one.offsets[0] = row.offset;
        one.starts = row.starts;
        one.ends = row.ends;
        one.quoting = row.quoting;
        this.csvBatch(one);
    }
    /** CSV rows, profiled and checked one column at a time (a tight loop per column), then their table key. */
    csvBatch(batch) {
        const width = this.names.length;
        const rows = batch.rows;
        const rowStarts = batch.rowStarts;
        checkFieldCounts(batch, width, this.source);
        // Every row has `width` fields, so row r's fields start at rowStarts[0] + r·width.
        const firstRow = this.rows + 1;
        this.rows += rows;
        for (let row = (CHECKPOINT_ROWS + 1 - (firstRow % CHECKPOINT_ROWS)) % CHECKPOINT_ROWS; row < rows; row += CHECKPOINT_ROWS) {
            this.checkpoints.push(firstRow + row, batch.offsets[row], batch.lines[row]);
        }
        this.batch = batch;
        this.decoded = false;
        this.cell.decodedFrom = NOTHING_DECODED;
        for (let column = 0; column < width; column += 1)
            this.scanColumn(column, rows, width, firstRow);
        const keyColumns = this.keyColumns;
        if (keyColumns !== null) {
            const buffer = batch.buffer;
            const cell = this.cell;
            for (let row = 0, base = rowStarts[0]; row < rows; row += 1, base += width) {
                this.beginKey();
                for (const column of keyColumns) {
                    const at = base + column;
                    const quoting = batch.quoting[at];
                    if (quoting === 2)
                        this.unescape(buffer, batch.starts[at], batch.ends[at]);
                    else
                        classifyBytes(cell, buffer, batch.starts[at], batch.ends[at], quoting !== 0);
                    this.addToKey(cell);
                }
                this.keyLog.add(this.keyHi, this.keyLo, firstRow + row);
            }
        }
        this.batch = this.oneRow;
    }
    scanColumn(column, rows, width, firstRow) {
        const cell = this.cell;
        const batch = this.batch;
        const buffer = batch.buffer;
        const starts = batch.starts;
        const ends = batch.ends;
        const quotings = batch.quoting;
        const lines = batch.lines;
        const profile = this.profiles[column];
        const checks = this.checks[column];
        // Texts tested one by one (no category table caches their verdicts): decode the batch once.
        if (checks !== null && checks.needsText && profile.categories === null && !this.decoded)
            this.decodeBatch(rows, width);
        for (let row = 0, at = batch.rowStarts[0] + column; row < rows; row += 1, at += width) {
            const quoting = quotings[at];
            if (quoting === 2) {
                this.unescape(buffer, starts[at], ends[at]);
            }
            else {
                classifyBytes(cell, buffer, starts[at], ends[at], quoting !== 0);
            }
            const entry = profile.add(cell);
            if (checks !== null)
                checks.check(cell, entry, profile.lastHash, profile.lastLength, firstRow + row, lines[row]);
        }
    }
    /** Decodes the batch's bytes at once for the checks that test texts, when they are ASCII (transientText). */
    decodeBatch(rows, width) {
        this.decoded = true;
        const batch = this.batch;
        const buffer = batch.buffer;
        const from = batch.starts[batch.rowStarts[0]];
        const to = batch.ends[batch.rowStarts[0] + rows * width - 1];
        if (!isAscii(buffer.subarray(from, to)))
            return;
        this.cell.decoded = buffer.toString('latin1', from, to);
        this.cell.decodedBase = from;
        this.cell.decodedFrom = buffer;
    }
    /** Classifies a quoted field with `""` escapes, resolved into the scratch buffer. */
    unescape(buffer, start, end) {
        if (this.scratch.length < end - start)
            this.scratch = Buffer.allocUnsafe(Math.max(end - start, this.scratch.length * 2));
        let length = 0;
        for (let i = start; i < end; i += 1) {
            this.scratch[length++] = buffer[i];
            if (buffer[i] === 0x22)
                i += 1;
        }
        classifyBytes(this.cell, this.scratch, 0, length, true);
    }
    valueRow(values, line) {
        const rowNumber = ++this.rows;
        const cell = this.cell;
        const width = this.names.length;
        for (let i = 0; i < width; i += 1) {
            this.scratch = classifyValue(cell, values[i], this.scratch);
            const profile = this.profiles[i];
            const entry = profile.add(cell);
            const checks = this.checks[i];
            if (checks !== null)
                checks.check(cell, entry, profile.lastHash, profile.lastLength, rowNumber, line);
        }
        const keyColumns = this.keyColumns;
        if (keyColumns !== null) {
            this.beginKey();
            for (const column of keyColumns) {
                this.scratch = classifyValue(cell, values[column], this.scratch);
                this.addToKey(cell);
            }
            this.keyLog.add(this.keyHi, this.keyLo, rowNumber);
        }
    }
    beginKey() {
        this.keyHi = 0x2545f491;
        this.keyLo = 0x6c078965;
    }
    addToKey(cell) {
        const kind = cell.kind;
        if (kind === NULL) {
            this.keyHi = mix(this.keyHi, NULL_KEY_HASH);
            this.keyLo = mix(this.keyLo, NULL_KEY_HASH);
        }
        else if (kind === INTEGER || kind === NUMBER) {
            this.numberView[0] = cell.value;
            this.keyHi = mix(this.keyHi, this.wordView[1]);
            this.keyLo = mix(this.keyLo, this.wordView[0]);
        }
        else {
            this.keyHi = mix(this.keyHi, signedHashBytes(cell.buffer, cell.start, cell.end, 0x85ebca6b));
            this.keyLo = mix(this.keyLo, signedHashBytes(cell.buffer, cell.start, cell.end, HASH_SEED_HIGH));
        }
    }
    result() {
        return {
            source: this.source,
            rows: this.rows,
            columns: this.names,
            profiles: this.profiles.map((profile) => profile.toState()),
            checks: this.checks.map((checks) => checks?.toState() ?? null),
            key: this.keyLog === null ? null : this.keyLog.toState(),
            checkpoints: this.checkpoints,
        };
    }
}

;// CONCATENATED MODULE: ./src/core/scan/scan-worker.ts
/**
 * The threads of a parallel CSV scan: the main thread and each worker take byte ranges of a local
 * file from a shared counter and scan them; a worker posts each ScanPart back. Bundled actions start
 * workers on their own entry file, which calls runScanWorker when it is not the main thread.
 */







const SCAN_TASK = 'cd4ml-csv-range';
/** A job over `ranges` with a fresh shared counter. */
function scanJob(fields) {
    return { kind: SCAN_TASK, ...fields, next: new Int32Array(new SharedArrayBuffer(4)) };
}
/** Scans range `index` of the job; any error becomes a message (the main thread decides whether it is real). */
async function scanRange(job, index) {
    try {
        const source = await localFileSource(job.path, job.name);
        const scan = new TableScan({ schema: job.schema, maxExamples: job.maxExamples });
        scan.columns(job.columns, job.name);
        const end = await readCsvRange(source, scan, job.delimiter, job.ranges[index]);
        return { part: scan.result(), end };
    }
    catch (error) {
        return { error: describeError(error) };
    }
}
/** Takes ranges of the job and scans them, one at a time, until none is left. */
async function scanRanges(job, done) {
    for (;;) {
        const index = Atomics.add(job.next, 0, 1);
        if (index >= job.ranges.length)
            return;
        done(index, await scanRange(job, index));
    }
}
/** True when this thread was started to scan ranges. */
function isScanWorker() {
    return parentPort !== null && workerData?.kind === SCAN_TASK;
}
/**
 * Scans ranges of the job it was started with (a spare worker: of the job it is sent), posting each
 * reply (its key logs transferred, not copied), then ends.
 */
async function runScanWorker() {
    const port = parentPort;
    const start = workerData;
    const job = 'ranges' in start ? start : await new Promise((resolve) => port.once('message', resolve));
    await scanRanges(job, (index, reply) => {
        const transfer = [];
        if ('part' in reply) {
            for (const checks of reply.part.checks)
                if (checks?.unique)
                    transfer.push(...keyLogBuffers(checks.unique));
            if (reply.part.key)
                transfer.push(...keyLogBuffers(reply.part.key));
        }
        port.postMessage({ index, reply }, transfer);
    });
    port.postMessage({ index: -1 });
    port.close();
}
let entryScript;
/** Workers started ahead of any job (useWorkerScript); they do not keep the process alive while unused. */
const spares = (/* unused pure expression or super */ null && ([]));
/** Threads a scan uses unless told otherwise: CD4ML_THREADS (0 or 1: the calling thread only), else the machine's cores. */
function defaultThreads(env = process.env) {
    const configured = env['CD4ML_THREADS'];
    const parsed = Number(configured);
    return configured !== undefined && configured !== '' && Number.isInteger(parsed) && parsed >= 0 ? Math.max(1, parsed) : (0,external_node_os_.availableParallelism)();
}
/** At most this many workers are started ahead (the rest of a many-core machine's start when needed). */
const MAX_SPARES = 3;
/**
 * Names the script that runs scan workers: a bundled action's own entry file. A worker takes about
 * 0.2 s to start, so the workers a large file would get (one per core but this thread, up to
 * MAX_SPARES) start now, while the action still loads; one left unused does not keep the process alive.
 */
function useWorkerScript(path) {
    entryScript = path;
    for (let i = spares.length + 1; i < Math.min(defaultThreads(), MAX_SPARES + 1); i += 1) {
        const worker = new Worker(path, { workerData: { kind: SCAN_TASK, job: null } });
        worker.unref();
        const drop = () => {
            const at = spares.indexOf(worker);
            if (at >= 0)
                spares.splice(at, 1);
        };
        worker.once('error', drop);
        worker.once('exit', drop);
        spares.push(worker);
    }
}
/** The script set by useWorkerScript, if any (none in tests that import the sources directly). */
function workerScript() {
    return entryScript;
}
/** A worker scanning ranges of the job: a spare one when there is one, else a new one on `script`. */
function startWorker(script, job) {
    const spare = script === entryScript ? spares.shift() : undefined;
    if (spare === undefined)
        return new Worker(script, { workerData: job });
    spare.ref();
    spare.postMessage(job);
    return spare;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/platform/aws/clients.ts
var clients = __webpack_require__(5705);
// EXTERNAL MODULE: ./src/platform/aws/s3-errors.ts
var s3_errors = __webpack_require__(2447);
// EXTERNAL MODULE: ./src/platform/aws/s3-objects.ts
var s3_objects = __webpack_require__(2002);
;// CONCATENATED MODULE: ./src/platform/aws/s3-store.ts
/**
 * The ObjectStore core reads S3 through: ListObjectsV2 (every page), HeadObject for sizes, and
 * GetObject with a Range header, its body streamed as it arrives. The client comes from clients.ts,
 * so `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` point it at any S3-compatible server (path-style
 * addressing then) and the region defaults to `AWS_REGION`, `AWS_DEFAULT_REGION` or `us-east-1`.
 *
 * Complexity: one request per 1000 keys listed, one per size, one per streamed range.
 *
 * Errors are one line naming the s3:// URI and what to check (s3-errors.ts).
 */




function createS3Store(options = {}) {
    let client = options.client;
    const get = () => (client ??= (0,clients/* s3Client */.oD)(options.region === undefined ? {} : { region: options.region }));
    const objects = new s3_objects/* S3Objects */.NY(get);
    return {
        async list(bucket, prefix) {
            return objects.keys(bucket, prefix);
        },
        async size(bucket, key) {
            try {
                const head = await get().send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: bucket, Key: key }));
                return head.ContentLength ?? 0;
            }
            catch (error) {
                throw (0,s3_errors/* s3Error */.lH)(error, (0,s3_objects/* s3Uri */.tT)(bucket, key), 'read');
            }
        },
        async *stream(bucket, key, range) {
            const uri = (0,s3_objects/* s3Uri */.tT)(bucket, key);
            const start = Math.max(0, range?.start ?? 0);
            const end = range?.end;
            if (end !== undefined && end <= start)
                return;
            const header = range === undefined ? undefined : `bytes=${start}-${end === undefined ? '' : end - 1}`;
            let body;
            try {
                const object = await get().send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket, Key: key, ...(header === undefined ? {} : { Range: header }) }));
                if (object.Body === undefined)
                    return;
                body = object.Body;
            }
            catch (error) {
                throw (0,s3_errors/* s3Error */.lH)(error, uri, 'read');
            }
            let done = false;
            try {
                try {
                    for await (const piece of body)
                        yield piece;
                }
                catch (error) {
                    throw (0,s3_errors/* s3Error */.lH)(error, uri, 'read');
                }
                done = true;
            }
            finally {
                // The consumer stopped early (or failed): release the connection.
                if (!done)
                    body.destroy?.();
            }
        },
    };
}

// EXTERNAL MODULE: ./src/core/report/fit.ts
var fit = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/platform/github/limits.ts
var limits = __webpack_require__(959);
;// CONCATENATED MODULE: ./src/platform/github/checks.ts
/**
 * Check runs: the verdict a branch protection rule can require. A check run is created completed,
 * with its report as the output summary; annotations go 50 per request (GitHub's limit), the first
 * batch with the create call and the rest as updates of the same run.
 */


function toApi(annotation) {
    return {
        path: annotation.path,
        start_line: annotation.startLine,
        end_line: annotation.endLine ?? annotation.startLine,
        annotation_level: annotation.level,
        message: annotation.message,
        ...(annotation.title === undefined ? {} : { title: annotation.title }),
    };
}
function batches(items, size) {
    const out = [];
    for (let start = 0; start < items.length; start += size)
        out.push(items.slice(start, start + size));
    return out;
}
async function createCompletedCheck(client, repo, check) {
    const notice = '> [!WARNING]\n> This summary was trimmed to the 65,535-character limit of a check run; the job summary has it in full.';
    const summary = (0,fit/* fitToLimit */.Q)(check.summary, limits/* CHECK_OUTPUT_LIMIT */.tw, notice).text;
    const title = check.title;
    const [first = [], ...rest] = batches((check.annotations ?? []).map(toApi), limits/* CHECK_ANNOTATIONS_PER_REQUEST */._q);
    const { data } = await client.rest.checks.create({
        ...repo,
        name: check.name,
        head_sha: check.headSha,
        status: 'completed',
        conclusion: check.conclusion,
        ...(check.detailsUrl === undefined ? {} : { details_url: check.detailsUrl }),
        output: { title, summary, annotations: first },
    });
    for (const annotations of rest) {
        await client.rest.checks.update({ ...repo, check_run_id: data.id, output: { title, summary, annotations } });
    }
    return { id: data.id, url: data.html_url ?? data.url, annotationRequests: 1 + rest.length };
}

// EXTERNAL MODULE: ./src/platform/github/client.ts
var github_client = __webpack_require__(7560);
;// CONCATENATED MODULE: ./src/platform/github/identity.ts
/**
 * Who a token acts as, in the form REST returns in `comment.user.login`. REST `GET /user` refuses
 * installation tokens such as the workflow's GITHUB_TOKEN ("Resource not accessible by
 * integration"); GraphQL's `viewer` answers for user and installation tokens alike, so it is asked
 * first and REST only when GraphQL is unavailable. GraphQL may name a bot without the `[bot]`
 * suffix that REST uses, so the suffix is added for bots when missing. Nothing is guessed: a token
 * whose account cannot be told fails, because matching the wrong account would edit someone
 * else's comment or pile up duplicates.
 */

async function tokenLogin(client) {
    let graphqlFailure;
    try {
        const { viewer } = await client.graphql('query { viewer { login __typename } }');
        const isBot = viewer.__typename === 'Bot';
        return isBot && !viewer.login.endsWith('[bot]') ? `${viewer.login}[bot]` : viewer.login;
    }
    catch (error) {
        graphqlFailure = error;
    }
    try {
        const { data } = await client.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        throw new errors/* ServiceError */._7(`Cannot tell which account the GitHub token acts as (GraphQL: ${graphqlFailure.message}; REST: ${error.message}); check the github-token input.`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/platform/github/comments.ts



/**
 * The hidden marker; HTML comments do not render on GitHub. Characters that could end the comment
 * early (`-`, `>`) or break the line are replaced in the key.
 */
function stickyMarker(action, key) {
    return `<!-- cd4ml:${action}:${key.replace(/[^A-Za-z0-9_.:/@]/g, '_')} -->`;
}
function trimNotice(url) {
    const where = url === undefined ? 'the job summary of this run' : `the [job summary](${url})`;
    return `> [!WARNING]\n> This report was trimmed to fit GitHub's limit of ${limits/* COMMENT_BODY_LIMIT */.tx.toLocaleString('en-US')} characters for a comment. The full report is in ${where}.`;
}
/** The comment body: the marker on the first line, then the report, trimmed to GitHub's limit. */
function stickyBody(comment) {
    const marker = stickyMarker(comment.action, comment.key);
    const fitted = (0,fit/* fitToLimit */.Q)(comment.body, limits/* COMMENT_BODY_LIMIT */.tx - marker.length - 1, trimNotice(comment.fullReportUrl));
    return { body: `${marker}\n${fitted.text}`, trimmed: fitted.trimmed };
}
async function findOwnComment(client, repo, issueNumber, marker, login) {
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
        ...repo,
        issue_number: issueNumber,
        per_page: 100,
    });
    for await (const page of pages) {
        const ours = page.data.find((comment) => comment.user?.login === login && comment.body?.includes(marker) === true);
        if (ours !== undefined)
            return ours.id;
    }
    return undefined;
}
/** Creates the comment, or updates the one this account wrote before with the same marker. */
async function upsertStickyComment(client, repo, issueNumber, comment, logger) {
    const login = await tokenLogin(client);
    const { body, trimmed } = stickyBody(comment);
    if (trimmed)
        logger.warning(`The ${comment.action} comment was trimmed to GitHub's comment size limit.`);
    const existing = await findOwnComment(client, repo, issueNumber, stickyMarker(comment.action, comment.key), login);
    if (existing !== undefined) {
        const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: existing, body });
        logger.info(`Updated the ${comment.action} comment: ${data.html_url}`);
        return { id: data.id, url: data.html_url, created: false, trimmed };
    }
    const { data } = await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    logger.info(`Posted the ${comment.action} comment: ${data.html_url}`);
    return { id: data.id, url: data.html_url, created: true, trimmed };
}

;// CONCATENATED MODULE: ./src/platform/github/write-access.ts
/** An Octokit RequestError (matched by shape, so it holds across bundled copies) with status 403. */
function isWriteRefused(error) {
    if (!(error instanceof Error) || error.status !== 403)
        return false;
    return !/rate limit/i.test(error.message); // an exhausted rate limit is a failure, not a permission
}
/**
 * Runs `write`; on a 403 logs a warning that names `what` and returns undefined. Other errors
 * propagate: they are real failures.
 */
async function writeOrWarn(what, permission, write, logger) {
    try {
        return await write();
    }
    catch (error) {
        if (!isWriteRefused(error))
            throw error;
        logger.warning(`Could not ${what}: GitHub refused the write (403: ${error.message}). The report is in the job summary. ` +
            `A pull request from a fork gets a read-only token; otherwise grant the job \`${permission}: write\`.`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/platform/github/publish.ts




async function publishReport(report, options) {
    const { run, logger } = options;
    const inSummary = options.summary.append(report.markdown);
    if (!options.comment)
        return { inSummary };
    if (run.pullRequest === undefined || run.repository === undefined) {
        logger.info(`Not a pull request: the ${report.action} report is in the job summary only.`);
        return { inSummary };
    }
    if (options.token === undefined) {
        logger.warning(`No GitHub token: the ${report.action} report was not posted to the pull request. Set the github-token input.`);
        return { inSummary };
    }
    const client = options.client ?? (0,github_client/* createGitHubClient */.L)(options.token, { apiUrl: run.apiUrl, logger });
    const { repository, pullRequest } = run;
    const comment = await writeOrWarn(`post the ${report.action} comment on pull request #${pullRequest.number}`, 'pull-requests', () => upsertStickyComment(client, repository, pullRequest.number, { action: report.action, key: report.key, body: report.markdown, ...(run.runUrl === undefined ? {} : { fullReportUrl: run.runUrl }) }, logger), logger);
    return comment === undefined ? { inSummary } : { inSummary, comment };
}
/**
 * Posts a completed check run on the commit under test (the pull request's head, else the run's
 * commit), concluding `success` or `failure`. A refused write warns (the job summary has the report);
 * outside a repository or without a token there is nothing to post to.
 */
async function publishVerdictCheck(check, options) {
    const { run, logger } = options;
    const headSha = run.pullRequest?.headSha ?? run.sha;
    if (run.repository === undefined || headSha === undefined) {
        logger.info(`Not in a GitHub repository run: no ${check.name} check run is posted.`);
        return undefined;
    }
    if (options.token === undefined) {
        logger.warning(`No GitHub token: the ${check.name} check run was not posted. Set the github-token input.`);
        return undefined;
    }
    const client = options.client ?? (0,github_client/* createGitHubClient */.L)(options.token, { apiUrl: run.apiUrl, logger });
    const title = check.title.length > 200 ? `${check.title.slice(0, 199)}…` : check.title;
    return writeOrWarn(`post the ${check.name} check run`, 'checks', () => createCompletedCheck(client, run.repository, {
        name: check.name,
        headSha,
        conclusion: check.passed ? 'success' : 'failure',
        title,
        summary: check.markdown,
        ...(run.runUrl === undefined ? {} : { detailsUrl: run.runUrl }),
    }), logger);
}

// EXTERNAL MODULE: ./src/core/inputs/parsers.ts
var parsers = __webpack_require__(8945);
// EXTERNAL MODULE: ./src/core/registry/names.ts
var names = __webpack_require__(1979);
// EXTERNAL MODULE: ./src/core/registry/not-found.ts
var not_found = __webpack_require__(4127);
// EXTERNAL MODULE: ./src/actions/registry-reference.ts + 23 modules
var registry_reference = __webpack_require__(7778);
;// CONCATENATED MODULE: ./src/platform/github/contents.ts
/**
 * Reading a file of the repository at a commit through the contents API, as raw bytes (the raw media
 * type has no 1 MB limit, unlike the JSON form's base64 `content`).
 */

/** The text of `path` at `ref`, or undefined when the file does not exist there (404). */
async function readFileAtRef(client, repo, path, ref) {
    try {
        const response = await client.rest.repos.getContent({ ...repo, path, ref, mediaType: { format: 'raw' } });
        const data = response.data;
        if (typeof data === 'string')
            return data;
        if (data instanceof ArrayBuffer)
            return Buffer.from(data).toString('utf8');
        throw new errors/* ServiceError */._7(`GitHub answered the contents of ${path} at ${ref} with a ${Array.isArray(data) ? 'directory listing' : 'non-file'}: name a file.`);
    }
    catch (error) {
        if (error.status === 404)
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/actions/evaluate-gate/baseline.ts
/**
 * The baseline inputs. `baseline-metrics`: a metrics JSON file in the workspace; `base:<path>`, that
 * file as it is at the pull request's base commit (read through the contents API, so the checkout may
 * be the PR's head only); or `registry:<name>@<version|alias>`, the metrics registered with that
 * version. `baseline-model`: an ONNX file, or a registry version's ONNX model. A baseline that does
 * not exist yet (the PR that adds the metrics file, the first model before any is in production)
 * means no baseline: the gate applies its absolute rules only and says why.
 */










async function loadBaselineModel(spec, context) {
    if (!(0,names/* isRegistryReference */.lb)(spec))
        return { model: (0,parsers/* existingFile */._h)().parse(spec, 'baseline-model') };
    const resolved = await resolveOrMissing(spec, 'baseline-model', context);
    if ('missing' in resolved)
        return resolved;
    return { model: await (0,registry_reference/* fetchOnnxModel */.DR)(resolved, context.scratch), name: resolved.label };
}
async function loadBaselineMetrics(spec, context) {
    if ((0,names/* isRegistryReference */.lb)(spec)) {
        const resolved = await resolveOrMissing(spec, 'baseline-metrics', context);
        if ('missing' in resolved)
            return resolved;
        const values = new Map(Object.entries(resolved.record.metrics));
        if (values.size === 0)
            throw new errors/* InputError */.dz(`Input "baseline-metrics": ${resolved.record.uri} was registered without metrics; give baseline-model: ${spec} to score its model instead.`);
        return { file: { origin: resolved.label, values } };
    }
    const base = /^base:(.+)$/.exec(spec);
    if (base === null) {
        const path = (0,external_node_path_.resolve)(context.cwd, spec);
        const text = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
            if (error.code === 'ENOENT')
                throw new errors/* InputError */.dz(`Input "baseline-metrics": ${spec} does not exist. Give a metrics JSON file, or base:<path> to read it at the pull request's base commit.`);
            throw error;
        });
        return { file: (0,metrics_file/* parseMetricsText */.o0)(text, spec) };
    }
    const path = base[1].replace(/^\.?\//, '');
    const { run, token, logger } = context;
    if (run.pullRequest === undefined || run.repository === undefined) {
        throw new errors/* InputError */.dz(`Input "baseline-metrics": ${spec} reads ${path} at the pull request's base commit, but this run is not a pull request (event ${run.eventName ?? 'unknown'}). Give a file path instead.`);
    }
    if (token === undefined)
        throw new errors/* InputError */.dz(`Input "baseline-metrics": ${spec} needs the github-token input to read ${path} at the base commit.`);
    const sha = run.pullRequest.baseSha;
    const client = (0,github_client/* createGitHubClient */.L)(token, { apiUrl: run.apiUrl, logger });
    const text = await readFileAtRef(client, run.repository, path, sha);
    const origin = `${path} at ${sha.slice(0, 7)}`;
    if (text === undefined) {
        return { missing: `No baseline: ${path} does not exist at the base commit ${sha.slice(0, 7)}, so only absolute rules apply.` };
    }
    logger.info(`Read the baseline metrics from ${origin} (the pull request's base).`);
    return { file: (0,metrics_file/* parseMetricsText */.o0)(text, origin) };
}
/** The version a reference names, or no baseline when the registry does not have it (yet). */
async function resolveOrMissing(spec, input, context) {
    try {
        return await (0,registry_reference/* resolveReference */.sX)(spec, input, context);
    }
    catch (error) {
        if (!(error instanceof not_found/* NotInRegistryError */.e))
            throw error;
        context.logger.info(`No baseline: ${error.message}`);
        return { missing: `No baseline: ${spec.trim()} does not exist yet (${error.message.replace(/\.$/, '')}), so only absolute rules apply.` };
    }
}

// EXTERNAL MODULE: ./src/actions/evaluate-gate/inputs.ts + 1 modules
var inputs = __webpack_require__(8300);
;// CONCATENATED MODULE: ./src/actions/evaluate-gate/reproduce.ts

function quote(value) {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
/** `values` in input order; undefined values and values equal to the input's default are left out. */
function reproduceCommand(values) {
    const parts = ['node bin/cd4ml.js evaluate-gate'];
    for (const [name, value] of values) {
        const spec = inputs/* inputs */.Q[name];
        if (value !== undefined && value !== spec.default)
            parts.push(`--${name} ${quote(value)}`);
    }
    return parts.join(' \\\n  ');
}

;// CONCATENATED MODULE: ./src/actions/evaluate-gate/main.ts















async function main({ inputs, logger, run, summary, setOutput }) {
    const cwd = process.cwd();
    const token = inputs['github-token'];
    if (inputs.model !== undefined && inputs.metrics !== undefined)
        throw new errors/* InputError */.dz('Set either "model" (scored on "data") or "metrics" (numbers from your own evaluation), not both.');
    if (inputs.model === undefined && inputs.metrics === undefined)
        throw new errors/* InputError */.dz('Nothing to evaluate: set "model" (an ONNX file, with "data" and "label") or "metrics" (a metrics JSON file).');
    if (inputs['baseline-model'] !== undefined && inputs['baseline-metrics'] !== undefined)
        throw new errors/* InputError */.dz('Set either "baseline-model" or "baseline-metrics", not both.');
    const policyFile = inputs.policy === undefined ? undefined : await loadPolicy(inputs.policy, cwd);
    const inline = parseThresholds(inputs.thresholds ?? []);
    const policy = { rules: mergeRules(policyFile?.rules ?? [], inline), ...(policyFile?.slices === undefined ? {} : { slices: policyFile.slices }) };
    const scratch = (0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'cd4ml', 'evaluate-gate');
    const baselineContext = { run, token, logger, cwd, registry: inputs.registry, scratch };
    let baseline;
    if (inputs['baseline-model'] !== undefined)
        baseline = await loadBaselineModel(inputs['baseline-model'], baselineContext);
    else if (inputs['baseline-metrics'] !== undefined) {
        const loaded = await loadBaselineMetrics(inputs['baseline-metrics'], baselineContext);
        baseline = 'file' in loaded ? { metrics: loaded.file } : loaded;
    }
    const doc = await runGate({
        candidate: inputs.model !== undefined ? { model: inputs.model } : { metrics: (0,metrics_file/* readMetricsJson */.ID)(inputs.metrics.value, inputs.metrics.path) },
        baseline,
        data: inputs.data,
        format: inputs.format,
        label: inputs.label,
        task: inputs.task,
        features: inputs.features,
        policy,
        threshold: policyFile?.threshold ?? inputs.threshold,
        bootstrap: inputs.bootstrap,
        seed: inputs.seed,
        cwd,
        store: () => createS3Store(),
        threads: { threads: defaultThreads(), script: (0,bootstrap_threads/* bootstrapScript */.O$)() },
        logger,
    });
    doc.reproduce = reproduceCommand([
        ['model', inputs.model],
        ['metrics', inputs.metrics?.path],
        ['data', inputs.data?.join('\n')],
        ['label', inputs.label],
        ['task', inputs.task],
        ['features', inputs.features?.join(',')],
        ['baseline-model', inputs['baseline-model']],
        ['baseline-metrics', inputs['baseline-metrics']],
        ['registry', inputs.registry],
        ['policy', inputs.policy],
        ['thresholds', inputs.thresholds?.join(', ')],
        ...['threshold', 'bootstrap', 'seed'].map((name) => [name, String(inputs[name])]),
    ]);
    const checkName = inputs['check-name'];
    const markdown = renderGateMarkdown(doc, checkName);
    const reportPath = (0,external_node_path_.join)(scratch, 'report.md');
    await (0,write_file_atomic/* writeFileAtomic */.Z)(reportPath, `${markdown}\n`, 'report');
    await (0,write_file_atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(scratch, 'evaluation.json'), `${JSON.stringify(doc, null, 2)}\n`, 'evaluation');
    for (const { status, reason, origin } of doc.outcomes) {
        if (status !== 'fail')
            continue;
        if (origin.file !== undefined)
            logger.error(reason, { file: origin.file, ...(origin.line === undefined ? {} : { line: origin.line }) });
        else
            logger.error(reason);
    }
    const published = await publishReport({ action: 'evaluate-gate', key: checkName, markdown }, { run, summary, logger, comment: inputs.comment, token });
    const title = doc.passed ? `Passed: ${doc.verdict}` : `Failed: ${doc.verdict}`;
    const check = await publishVerdictCheck({ name: checkName, passed: doc.passed, title, markdown }, { run, token, logger });
    setOutput('passed', doc.passed);
    setOutput('metrics', doc);
    setOutput('report', reportPath);
    if (published.comment !== undefined)
        setOutput('comment-url', published.comment.url);
    if (check !== undefined)
        setOutput('check-run-id', check.id);
    if (!doc.passed && inputs['fail-on-regression'])
        throw new errors/* CheckFailedError */.CO(`the model gate failed: ${doc.verdict}`);
    if (!doc.passed)
        logger.warning(`The model gate failed (${doc.verdict}); fail-on-regression is false, so the step passes and the check run carries the failure.`);
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
