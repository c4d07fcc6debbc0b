export const id = 523;
export const ids = [523];
export const modules = {

/***/ 9523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

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
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/core/files/write-file-atomic.ts
/**
 * Writes a file whole or not at all: the text goes to a temporary file beside the target, which is
 * then renamed over it, so a reader never sees half a file and a failure leaves the old one intact.
 */




async function writeFileAtomic(path, content, what) {
    const directory = (0,external_node_path_.dirname)(path);
    const temporary = (0,external_node_path_.join)(directory, `.${(0,external_node_path_.basename)(path)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`);
    try {
        await (0,promises_.mkdir)(directory, { recursive: true });
        await (0,promises_.writeFile)(temporary, content);
        await (0,promises_.rename)(temporary, path);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true }).catch(() => undefined); // nothing to clean up when the directory itself was the problem
        const reason = error.code ?? error.message;
        throw new errors/* InputError */.dz(`${what}: cannot write ${path} (${reason}); check that the directory is writable.`);
    }
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./src/core/schema/column-checks.ts
var column_checks = __webpack_require__(6711);
;// CONCATENATED MODULE: ./src/core/schema/evaluate.ts

/** A fraction as a percentage with three significant digits: 0.0006 → 0.06%. */
const percent = (fraction) => `${Number((fraction * 100).toPrecision(3))}%`;
/** A value cut to 40 characters for examples. */
const shortValue = (value) => (value.length > 40 ? `${value.slice(0, 39)}…` : value);
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
        column_checks/* ROW_RULES */.b.forEach((rule, index) => {
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
            push({ column: name, rule: 'max_null_fraction', expected: `at most ${percent(rules.maxNullFraction)} nulls`, severity, passed: fraction <= rules.maxNullFraction, checked: total.rows, failed: profile.nulls, fraction, examples: [] }, `columns.${name}.max_null_fraction`, `columns.${name}`);
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
    const share = `${finding.failed} of ${finding.checked} rows (${percent(finding.fraction)})`;
    const tolerance = finding.mostly === undefined ? '' : `; at most ${percent(1 - finding.mostly)} may fail (mostly: ${finding.mostly})`;
    const examples = finding.examples.length === 0 ? '' : `; e.g. ${finding.examples.map(describeExample).join(', ')}`;
    return `${subject}: ${share} break ${finding.rule} (${finding.expected})${tolerance}${examples}.`;
}
function describeExample(example) {
    const where = `${example.source === undefined ? '' : `${example.source} `}row ${example.row}`;
    if (example.value === undefined)
        return where;
    if (example.value === null)
        return `${where}: null`;
    return `${where}: ${JSON.stringify(shortValue(example.value))}`;
}

;// CONCATENATED MODULE: ./src/core/report/validation-report.ts
/**
 * The validate-data report, as Markdown for the job summary and pull request, and as JSON for other
 * tools. Failed checks come first with their counts and examples; passing checks and the per-column
 * profile follow in collapsed sections.
 */


const REPORT_FORMAT = 'cd4ml-validation-report';
const count = (value) => value.toLocaleString('en-US');
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
        return count(value);
    return String(Number(value.toPrecision(4)));
}
function checkName(finding) {
    return finding.column === null ? `table ${finding.rule}` : `${code(finding.column)} ${finding.rule}`;
}
function failedCell(finding) {
    if (finding.rule === 'rows')
        return `${count(finding.checked)} rows`;
    if (finding.names !== undefined)
        return finding.names.map(code).join(', ');
    const share = `${count(finding.failed)} of ${count(finding.checked)} (${percent(finding.fraction)})`;
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
    return (0,markdown_table/* markdownTable */.Q)([
        ['', 'Check', 'Expected', 'Failed', 'Examples'],
        ...findings.map((finding) => [icon(finding), checkName(finding), finding.expected.replaceAll('|', '\\|'), finding.passed && finding.failed === 0 ? '0' : failedCell(finding), examplesCell(finding)]),
    ]);
}
function profileRow(column, rows) {
    const s = column.summary;
    const distinct = `${column.distinct.exact ? '' : '≈'}${count(column.distinct.value)}`;
    let shape = '';
    if (s.mean !== undefined)
        shape = `mean ${number(s.mean)}${s.std === undefined ? '' : ` ± ${number(s.std)}`}`;
    else if (s.top !== undefined)
        shape = s.top.values.slice(0, 3).map(([value, n]) => `${code(String(value))} ${percent(n / column.count)}`).join(', ');
    else if (s.length !== undefined)
        shape = `length ${s.length.min}–${s.length.max}`;
    const nulls = column.nulls === 0 ? '0' : `${count(column.nulls)} (${percent(column.nulls / rows)})`;
    return [code(column.name), column.type, nulls, distinct, number(s.min), number(s.quantiles?.['0.5']), number(s.max), shape];
}
function profileTable(profile) {
    return (0,markdown_table/* markdownTable */.Q)([['Column', 'Type', 'Nulls', 'Distinct', 'Min', 'Median', 'Max', 'Shape'], ...profile.columns.map((column) => profileRow(column, profile.rows))], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'] });
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
        `${files} · ${count(report.rows)} rows · ${profile.columns.length} columns${report.schema === null ? '' : ` · schema ${code(report.schema)}`}`,
        '',
    ];
    if (failed.length > 0)
        lines.push(checksTable(failed), '');
    if (passed.length > 0)
        lines.push(`<details><summary>${passed.length} check${passed.length === 1 ? '' : 's'} passed</summary>`, '', checksTable(passed), '', '</details>', '');
    lines.push('<details><summary>Profile</summary>', '', profileTable(profile), '', `Quantiles are within ±${percent(profile.rank_error)} in rank (KLL sketch); ≈ marks an estimated distinct count.`, '', '</details>');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/core/scan/scan-worker.ts
var scan_worker = __webpack_require__(7143);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/core/map-limit.ts
/**
 * Bounded concurrency for remote calls: `mapLimit` runs `work` over `items` with at most `limit` calls
 * in flight and gives the results in the items' order. The first failure stops new calls from
 * starting (those in flight finish) and is what the returned promise rejects with.
 *
 * Complexity: items.length calls of `work`, at most `limit` at once.
 */
async function mapLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const index = next;
            next += 1;
            try {
                results[index] = await work(items[index]);
            }
            catch (error) {
                failed = true;
                throw error;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/core/data/local-file.ts
var local_file = __webpack_require__(5250);
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
                add(path, await (0,local_file/* localFileSource */.T)(path, name));
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
    const literal = await (0,local_file/* localFileSource */.T)(path, spec).then(() => true, () => false);
    if (literal)
        return [[path, spec]];
    const matches = await (0,dist/* glob */.TI)(spec, { cwd, onlyFiles: true, absolute: (0,external_node_path_.isAbsolute)(spec), expandDirectories: false });
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
    const sizes = await mapLimit(keys, SIZE_CONCURRENCY, (candidate) => store.size(bucket, candidate));
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
        if (total === 0 && piece.byteLength >= local_file/* CHUNK_SIZE */.O) {
            yield asBuffer(piece);
            continue;
        }
        pending.push(asBuffer(piece));
        total += piece.byteLength;
        if (total >= local_file/* CHUNK_SIZE */.O) {
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

// EXTERNAL MODULE: ./src/core/profile/column-profile.ts + 1 modules
var column_profile = __webpack_require__(7345);
// EXTERNAL MODULE: ./src/core/profile/kll-sketch.ts
var kll_sketch = __webpack_require__(4381);
;// CONCATENATED MODULE: ./src/core/profile/profile.ts
/**
 * The profile document (docs/profile.md): per-column statistics of a dataset, readable (`summary`)
 * and mergeable (`state`). It is the drift reference stored with each model, and the profiles of
 * shards merge into the profile of the whole (mergeProfiles).
 */



const PROFILE_FORMAT = 'cd4ml-profile';
const PROFILE_VERSION = 1;
const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const HISTOGRAM_BINS = 20;
const TOP_VALUES = 10;
/** A text column with at most this many distinct values (and at least 4 rows per value) reads as a category. */
const CATEGORY_MAX_DISTINCT = 50;
function inferType(profile, distinct) {
    const state = profile.toKinds();
    const values = profile.count;
    if (values === 0)
        return 'empty';
    if (state.integer === values)
        return 'integer';
    if (state.integer + state.number === values)
        return 'number';
    if (state.boolean === values)
        return 'boolean';
    if (state.date === values)
        return 'date';
    if (state.date + state.datetime === values)
        return 'datetime';
    if (distinct.exact && distinct.value <= CATEGORY_MAX_DISTINCT && distinct.value * 4 <= values)
        return 'category';
    return 'string';
}
function histogram(profile, categories) {
    const { min, max } = profile;
    const n = profile.numericCount;
    const bins = min === max ? 1 : HISTOGRAM_BINS;
    const width = (max - min) / bins;
    const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
    const counts = new Array(bins).fill(0);
    const numeric = categories?.filter((entry) => typeof entry[0] === 'number');
    if (numeric !== undefined && numeric.reduce((sum, [, count]) => sum + count, 0) === n) {
        for (const [value, count] of numeric) {
            const bin = width === 0 ? 0 : Math.min(bins - 1, Math.floor((value - min) / width));
            counts[bin] = counts[bin] + count;
        }
        return { edges, counts, exact: true };
    }
    // From the sketch: cumulative counts at the inner edges, rounded, so the bins sum to n.
    const inner = edges.slice(1, -1);
    const cdf = profile.cdf(inner);
    let previous = 0;
    for (let i = 0; i < bins; i += 1) {
        const cumulative = i === bins - 1 ? n : Math.round(cdf[i] * n);
        counts[i] = Math.max(0, cumulative - previous);
        previous = Math.max(previous, cumulative);
    }
    return { edges, counts, exact: false };
}
function summarize(name, profile) {
    const state = profile.toState();
    const distinct = profile.distinct;
    const type = inferType(profile, distinct);
    const summary = {};
    if (profile.numericCount > 0) {
        summary.min = profile.min;
        summary.max = profile.max;
        summary.mean = profile.mean;
        const variance = profile.variance;
        if (!Number.isNaN(variance)) {
            summary.variance = variance;
            summary.std = Math.sqrt(variance);
        }
        const values = profile.quantiles(QUANTILES);
        summary.quantiles = Object.fromEntries(QUANTILES.map((q, i) => [String(q), values[i]]));
        summary.histogram = histogram(profile, state.categories);
    }
    else if (state.temporal !== null) {
        summary.min = state.temporal.min;
        summary.max = state.temporal.max;
    }
    if (state.categories !== null && (type === 'category' || type === 'boolean' || distinct.value <= CATEGORY_MAX_DISTINCT)) {
        const values = state.categories.slice(0, TOP_VALUES);
        const shown = values.reduce((sum, [, count]) => sum + count, 0);
        summary.top = { values, other: profile.count - shown };
    }
    if (state.length !== null)
        summary.length = { min: state.length.min, max: state.length.max, mean: state.length.sum / state.length.count };
    if (state.kinds.boolean > 0)
        summary.true_fraction = state.trues / state.kinds.boolean;
    return { name, type, count: profile.count, nulls: profile.nulls, empty: profile.empty, distinct, summary, state };
}
function profileDocument(rows, sources, columns) {
    return {
        format: PROFILE_FORMAT,
        version: PROFILE_VERSION,
        rows,
        sources,
        rank_error: kll_sketch/* KllSketch */.gu.rankError(200),
        columns: columns.map(([name, profile]) => summarize(name, profile)),
    };
}
/** Reads a profile document, checking the format and version; `file` names it in errors. */
function parseProfile(value, file) {
    const document = value;
    if (document === null || typeof document !== 'object' || document.format !== PROFILE_FORMAT) {
        throw new InputError(`${file}: not a cd4ml profile (expected "format": "${PROFILE_FORMAT}"); write one with validate-data's profile-output.`);
    }
    if (document.version !== PROFILE_VERSION) {
        throw new InputError(`${file}: profile version ${JSON.stringify(document.version)} is not supported; this version of cd4ml-actions reads version ${PROFILE_VERSION}.`);
    }
    if (!Array.isArray(document.columns) || typeof document.rows !== 'number') {
        throw new InputError(`${file}: the profile has no "columns" list or "rows" count; regenerate it with validate-data's profile-output.`);
    }
    return document;
}
/**
 * Merges the profiles of shards into the profile of the whole: columns by name (a column missing from a
 * shard is null in all its rows), counts and moments exactly, quantiles within the sketch's rank error.
 */
function mergeProfiles(documents) {
    const merged = new Map();
    let rows = 0;
    const sources = [];
    for (const document of documents) {
        const present = new Set();
        for (const column of document.columns) {
            present.add(column.name);
            let profile = merged.get(column.name);
            if (profile === undefined) {
                profile = new ColumnProfile();
                profile.addNulls(rows);
                merged.set(column.name, profile);
            }
            profile.merge(ColumnProfile.fromState(column.state));
        }
        for (const [name, profile] of merged)
            if (!present.has(name))
                profile.addNulls(document.rows);
        rows += document.rows;
        sources.push(...document.sources);
    }
    return profileDocument(rows, sources, [...merged]);
}

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

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(8815);
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
    lines = new yaml_dist/* LineCounter */.HN();
    doc;
    /**
     * Parses `text`, a single YAML document. `file` is the path used in messages; `keyExample` is the
     * plain name suggested when a key is a mapping or a list. Throws an InputError for a syntax error.
     */
    constructor(text, file, keyExample) {
        this.file = file;
        this.keyExample = keyExample;
        this.doc = (0,yaml_dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
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
        if ((0,yaml_dist/* isAlias */.Vj)(node)) {
            target = node.resolve(this.doc);
            if (target === undefined)
                throw this.fail(line, `the alias *${node.source} refers to no anchor`, `define &${node.source} before it`);
        }
        if (target === null || target === undefined)
            return { kind: 'null', text: '', line };
        if ((0,yaml_dist/* isMap */.jh)(target))
            return { kind: 'map', node: target, text: 'a mapping', line };
        if ((0,yaml_dist/* isSeq */.oP)(target))
            return { kind: 'list', node: target, text: 'a list', line };
        if ((0,yaml_dist/* isScalar */.jn)(target)) {
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

;// CONCATENATED MODULE: ./src/core/schema/types.ts
const COLUMN_TYPES = ['integer', 'number', 'string', 'boolean', 'date', 'datetime', 'category'];
const EXTRA_COLUMN_POLICIES = ['error', 'warn', 'ignore'];
const MISSING_COLUMN_POLICIES = ['error', 'warn'];

;// CONCATENATED MODULE: ./src/core/schema/schema-file.ts
/**
 * Reads a dataset's schema file (YAML, or JSON, which is YAML) into a DataSchema. The format is
 * documented in docs/schema.md and published for editors as schemas/data-schema.json.
 *
 * Every mistake is an InputError of one line, `<file>:<line>: <what is wrong>; <how to fix>`, with the
 * line of the offending key or value, so the user (or a GitHub annotation) can go straight to it.
 * The parser walks the YAML node tree rather than plain values (src/core/inputs/yaml-reader.ts), so
 * it knows each node's line, reports duplicate keys itself, and sees numbers and booleans as they
 * were written.
 */




/** Top-level keys; `$schema` lets a JSON file name its JSON Schema for editors. */
const TOP_LEVEL_KEYS = ['columns', 'table', 'version', '$schema'];
/** Column rule keys as written in the file (snake_case). */
const RULE_KEYS = [
    'type',
    'nullable',
    'max_null_fraction',
    'min',
    'max',
    'exclusive_min',
    'exclusive_max',
    'allowed',
    'pattern',
    'unique',
    'min_length',
    'max_length',
    'mostly',
    'severity',
];
const SEVERITIES = ['error', 'warning'];
const TABLE_KEYS = ['rows', 'columns', 'key'];
const ROWS_KEYS = ['min', 'max'];
const TABLE_COLUMNS_KEYS = ['extra', 'missing'];
const BOUNDED_TYPES = ['integer', 'number', 'date', 'datetime'];
const NUMERIC_TYPES = ['integer', 'number'];
const TEXT_TYPES = ['string', 'category'];
/**
 * The types a rule applies to; rules not listed apply to every type. `allowed` compares values as
 * text, which is exact for text, whole numbers and booleans but not for decimals or timestamps
 * (`1.50` and `1.5`), so number, date and datetime columns use bounds instead.
 */
const RULE_TYPES = {
    min: BOUNDED_TYPES,
    max: BOUNDED_TYPES,
    exclusive_min: BOUNDED_TYPES,
    exclusive_max: BOUNDED_TYPES,
    allowed: ['string', 'category', 'integer', 'boolean'],
    pattern: TEXT_TYPES,
    min_length: TEXT_TYPES,
    max_length: TEXT_TYPES,
};
const BOUND_KEYS = ['min', 'max', 'exclusive_min', 'exclusive_max'];
/** Common names for the column types, for did-you-mean hints. */
const TYPE_ALIASES = {
    int: 'integer',
    long: 'integer',
    float: 'number',
    double: 'number',
    decimal: 'number',
    numeric: 'number',
    str: 'string',
    text: 'string',
    bool: 'boolean',
    timestamp: 'datetime',
    time: 'datetime',
    categorical: 'category',
    enum: 'category',
};
/**
 * ISO 8601 calendar date, optionally with a time and a UTC offset. The same expression is in
 * schemas/data-schema.json; the parser also checks the day exists in its month.
 */
const ISO_DATE_TIME = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;
/** Milliseconds since the epoch for ISO 8601 text (a time without an offset is read as UTC), or undefined. */
function isoTime(text) {
    const match = ISO_DATE_TIME.exec(text);
    if (match === null)
        return undefined;
    const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
    const date = new Date(0);
    // setUTCFullYear, unlike Date.UTC, does not read years below 100 as 19xx.
    date.setUTCFullYear(Number(year), Number(month), 0);
    if (Number(day) > date.getUTCDate())
        return undefined;
    date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
    date.setUTCHours(Number(hour), Number(minute), Number(second), 0);
    let time = date.getTime() + (fraction === '' ? 0 : Number(`0${fraction}`) * 1000);
    if (zone !== 'Z') {
        const sign = zone.startsWith('-') ? -1 : 1;
        time -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    }
    return time;
}
class SchemaReader extends YamlReader {
    constructor(text, file) {
        super(text, file, 'age');
    }
    position(line) {
        return { file: this.file, line };
    }
}
/**
 * Parses a schema file's text. `file` is the path used in messages and positions.
 * Throws an InputError naming the file and line for any mistake.
 */
function parseSchema(text, file) {
    const reader = new SchemaReader(text, file);
    const positions = new Map();
    const { keys, main: columnsValue } = reader.topLevel({
        noun: 'schema',
        keys: TOP_LEVEL_KEYS,
        main: 'columns',
        item: 'column',
        emptyFix: 'declare the columns under a top-level "columns:" mapping, e.g. columns: { id: { type: integer } }',
        missingFix: 'add a top-level "columns:" mapping of column names to their rules',
        mainFix: 'write each column on its own line as "name: { type: string }" (or "name: {}" for no rules)',
    });
    const columns = new Map();
    const columnEntries = reader.entries(columnsValue.node, columnsValue.line, (name, firstLine) => [
        `column "${name}" is declared twice (first on line ${firstLine})`,
        'remove or rename one of them',
    ]);
    for (const entry of columnEntries) {
        if (entry.name === '')
            throw reader.fail(entry.line, 'a column has an empty name', 'write the column name as it appears in the data');
        positions.set(`columns.${entry.name}`, reader.position(entry.line));
        columns.set(entry.name, readColumn(reader, entry, positions));
    }
    const tableEntry = keys.get('table');
    const table = tableEntry === undefined ? {} : readTable(reader, tableEntry, columns, positions);
    return { file, columns, table, positions };
}
function readColumn(reader, column, positions) {
    const { name, value } = column;
    const subject = `column "${name}"`;
    if (value.kind === 'null')
        return {};
    if (value.kind !== 'map') {
        const asType = value.kind === 'string' && COLUMN_TYPES.includes(value.value) ? value.value : 'string';
        throw reader.fail(value.line, `${subject} is ${describe(value)}, but a column must be a mapping of rules`, `write it as ${name}: { type: ${asType} } (or ${name}: {} for no rules)`);
    }
    const rules = reader.knownEntries(value.node, value.line, RULE_KEYS, subject, (rule) => `${subject} has an unknown rule "${rule}"`);
    for (const [rule, entry] of rules)
        positions.set(`columns.${name}.${rule}`, reader.position(entry.line));
    const result = {};
    const typeEntry = rules.get('type');
    let type;
    if (typeEntry !== undefined) {
        const given = typeEntry.value;
        if (given.kind !== 'string' || !COLUMN_TYPES.includes(given.value)) {
            const near = given.kind === 'string' ? (TYPE_ALIASES[given.value.toLowerCase()] ?? closest(given.value, COLUMN_TYPES)) : undefined;
            throw reader.fail(typeEntry.line, `${subject} has type ${given.text}, which is not a column type`, oneOfHint(COLUMN_TYPES, near));
        }
        type = given.value;
        result.type = type;
    }
    for (const [rule, entry] of rules) {
        const applies = RULE_TYPES[rule];
        if (applies !== undefined && type !== undefined && !applies.includes(type)) {
            throw reader.fail(entry.line, `${subject} has ${rule}, which does not apply to type ${type}`, `remove it or change the type (${rule} applies to ${applies.join(', ')})`);
        }
        if (type === undefined && BOUND_KEYS.includes(rule)) {
            throw reader.fail(entry.line, `${subject} has ${rule} but no type`, `add a type (${BOUNDED_TYPES.join(', ')}) so the bound can be compared`);
        }
        readRule(reader, subject, rule, entry, type, result);
    }
    checkBoundOrder(reader, subject, rules, type, result);
    const minLength = rules.get('min_length');
    if (minLength !== undefined && result.minLength !== undefined && result.maxLength !== undefined && result.minLength > result.maxLength) {
        throw reader.fail(minLength.line, `${subject} has min_length ${result.minLength} greater than max_length ${result.maxLength}, so no value can pass`, 'swap them or correct one');
    }
    return result;
}
function readRule(reader, subject, rule, entry, type, result) {
    const { value, line } = entry;
    const bad = (expected, fix) => value.kind === 'null'
        ? reader.fail(line, `${subject} has ${rule} without a value`, fix)
        : reader.fail(line, `${subject} has ${rule} ${value.text}, which is not ${expected}`, fix);
    const percentHint = () => value.kind === 'number' && value.value > 1 && value.value <= 100 ? ` (for ${value.text}% write ${Number((value.value / 100).toPrecision(12))})` : '';
    switch (rule) {
        case 'type':
            return;
        case 'nullable':
        case 'unique': {
            if (value.kind !== 'boolean')
                throw bad('true or false', `write ${rule}: true or ${rule}: false`);
            result[rule] = value.value;
            return;
        }
        case 'max_null_fraction': {
            if (value.kind !== 'number' || !(value.value >= 0 && value.value <= 1)) {
                throw bad('a fraction from 0 to 1', `write the largest share of null rows as a fraction, e.g. max_null_fraction: 0.02 for 2%${percentHint()}`);
            }
            result.maxNullFraction = value.value;
            return;
        }
        case 'mostly': {
            if (value.kind !== 'number' || !(value.value > 0 && value.value <= 1)) {
                throw bad('a fraction above 0 and at most 1', `write the share of non-null rows that must pass, e.g. mostly: 0.99${percentHint()}`);
            }
            result.mostly = value.value;
            return;
        }
        case 'min':
        case 'max':
        case 'exclusive_min':
        case 'exclusive_max': {
            const field = { min: 'min', max: 'max', exclusive_min: 'exclusiveMin', exclusive_max: 'exclusiveMax' }[rule];
            if (type !== undefined && NUMERIC_TYPES.includes(type)) {
                if (value.kind !== 'number' || !Number.isFinite(value.value)) {
                    const unquoted = value.kind === 'string' && value.value.trim() !== '' && Number.isFinite(Number(value.value)) ? `remove the quotes: ${rule}: ${value.value}` : `write a number, e.g. ${rule}: 0`;
                    throw bad('a number', unquoted);
                }
                result[field] = value.value;
            }
            else {
                const text = value.kind === 'string' ? value.value : undefined;
                if (text === undefined || isoTime(text) === undefined) {
                    throw bad('an ISO 8601 date or datetime', `write it like ${rule}: 2024-01-31 or ${rule}: 2024-01-31T12:00:00Z`);
                }
                result[field] = text;
            }
            return;
        }
        case 'allowed': {
            result.allowed = readAllowed(reader, subject, entry, type);
            return;
        }
        case 'pattern': {
            if (value.kind !== 'string')
                throw bad('text', value.kind === 'null' ? "write the regular expression in single quotes, e.g. pattern: '^[A-Z]+$'" : `quote it: pattern: '${value.text}'`);
            try {
                new RegExp(value.value, 'u');
            }
            catch (error) {
                throw reader.fail(line, `${subject} has a pattern that is not a valid regular expression (${error.message})`, 'fix it in JavaScript regular expression syntax (compiled with the u flag); in YAML, single-quote the pattern so backslashes stay as written');
            }
            result.pattern = value.value;
            return;
        }
        case 'min_length':
        case 'max_length': {
            if (value.kind !== 'number' || !Number.isSafeInteger(value.value) || value.value < 0) {
                throw bad('a non-negative whole number', `write a number of characters, e.g. ${rule}: ${rule === 'min_length' ? 1 : 255}`);
            }
            result[rule === 'min_length' ? 'minLength' : 'maxLength'] = value.value;
            return;
        }
        case 'severity': {
            if (value.kind !== 'string' || !SEVERITIES.includes(value.value)) {
                throw bad('a severity', oneOfHint(SEVERITIES, value.kind === 'string' ? closest(value.value, SEVERITIES) : undefined));
            }
            result.severity = value.value;
            return;
        }
    }
}
function readAllowed(reader, subject, entry, type) {
    const { value, line } = entry;
    if (value.kind !== 'list') {
        const example = value.kind === 'null' || value.kind === 'map' ? 'A, B' : plain(value);
        throw reader.fail(line, `${subject} has allowed ${value.kind === 'null' ? 'without a value' : `${value.text}, which is not a list`}`, `write a list, e.g. allowed: [${example}]`);
    }
    if (value.node.items.length === 0) {
        throw reader.fail(line, `${subject} has an empty allowed list`, 'list at least one value, or remove allowed');
    }
    const seen = new Set();
    const allowed = [];
    for (const node of value.node.items) {
        const item = reader.value(node, value.line);
        const nulls = 'remove it (whether nulls are allowed is set by nullable and max_null_fraction)';
        let textValue;
        if (item.kind === 'null') {
            throw reader.fail(item.line, `${subject} lists null under allowed`, nulls);
        }
        else if (item.kind === 'map' || item.kind === 'list') {
            throw reader.fail(item.line, `${subject} lists ${describe(item)} under allowed`, 'list plain values, e.g. allowed: [A, B]');
        }
        else if (type === 'integer') {
            if (item.kind !== 'number' || !Number.isSafeInteger(item.value)) {
                throw reader.fail(item.line, `${subject} lists ${item.text} under allowed, which is not an integer`, 'list whole numbers without quotes, e.g. allowed: [1, 2, 3]');
            }
            textValue = String(item.value);
        }
        else if (type === 'boolean') {
            if (item.kind !== 'boolean') {
                throw reader.fail(item.line, `${subject} lists ${item.text} under allowed, which is not true or false`, 'list booleans, e.g. allowed: [true]');
            }
            textValue = String(item.value);
        }
        else {
            textValue = plain(item);
        }
        if (seen.has(textValue)) {
            throw reader.fail(item.line, `${subject} lists ${JSON.stringify(textValue)} twice under allowed`, 'remove the repeat');
        }
        seen.add(textValue);
        allowed.push(textValue);
    }
    return allowed;
}
function checkBoundOrder(reader, subject, rules, type, result) {
    for (const [inclusive, exclusive] of [
        ['min', 'exclusive_min'],
        ['max', 'exclusive_max'],
    ]) {
        const a = rules.get(inclusive);
        const b = rules.get(exclusive);
        if (a !== undefined && b !== undefined) {
            throw reader.fail(Math.max(a.line, b.line), `${subject} has both ${inclusive} and ${exclusive}`, 'keep only one of them');
        }
    }
    const lowKey = result.min !== undefined ? 'min' : 'exclusive_min';
    const highKey = result.max !== undefined ? 'max' : 'exclusive_max';
    const low = result.min ?? result.exclusiveMin;
    const high = result.max ?? result.exclusiveMax;
    if (low === undefined || high === undefined)
        return;
    const numeric = type !== undefined && NUMERIC_TYPES.includes(type);
    const lowValue = numeric ? low : isoTime(low);
    const highValue = numeric ? high : isoTime(high);
    const strict = lowKey === 'exclusive_min' || highKey === 'exclusive_max';
    if (lowValue < highValue || (lowValue === highValue && !strict))
        return;
    const relation = lowValue === highValue ? 'equal to' : 'greater than';
    const line = rules.get(lowKey).line;
    const fix = relation === 'equal to' ? `make ${lowKey} smaller than ${highKey}` : 'swap them or correct one';
    throw reader.fail(line, `${subject} has ${lowKey} ${String(low)} ${relation} ${highKey} ${String(high)}, so no value can pass`, fix);
}
function readTable(reader, entry, columns, positions) {
    positions.set('table', reader.position(entry.line));
    const { value } = entry;
    if (value.kind !== 'map') {
        throw reader.fail(entry.line, `"table" is ${describe(value)}, but it must be a mapping`, 'give it rows, columns or key, e.g. table: { rows: { min: 1 } }, or remove it');
    }
    const table = {};
    const keys = reader.knownEntries(value.node, value.line, TABLE_KEYS, 'table', (name) => `table has an unknown key "${name}"`);
    for (const [key, item] of keys)
        positions.set(`table.${key}`, reader.position(item.line));
    const rows = keys.get('rows');
    if (rows !== undefined)
        table.rows = readRows(reader, rows);
    const columnPolicy = keys.get('columns');
    if (columnPolicy !== undefined)
        table.columns = readColumnPolicy(reader, columnPolicy);
    const key = keys.get('key');
    if (key !== undefined)
        table.key = readKey(reader, key, columns);
    return table;
}
function readRows(reader, entry) {
    const { value } = entry;
    if (value.kind !== 'map') {
        throw reader.fail(entry.line, `table.rows is ${describe(value)}, but it must be a mapping`, 'write the bounds on the row count, e.g. rows: { min: 1000 }');
    }
    const bounds = reader.knownEntries(value.node, value.line, ROWS_KEYS, 'table.rows', (name) => `table.rows has an unknown key "${name}"`);
    const rows = {};
    for (const [key, item] of bounds) {
        if (item.value.kind !== 'number' || !Number.isSafeInteger(item.value.value) || item.value.value < 0) {
            const what = item.value.kind === 'null' ? `table.rows has ${key} without a value` : `table.rows has ${key} ${item.value.text}, which is not a non-negative whole number`;
            throw reader.fail(item.line, what, `write a row count, e.g. ${key}: 1000`);
        }
        rows[key] = item.value.value;
    }
    if (rows.min !== undefined && rows.max !== undefined && rows.min > rows.max) {
        throw reader.fail(bounds.get('min').line, `table.rows has min ${rows.min} greater than max ${rows.max}, so no table can pass`, 'swap them or correct one');
    }
    return rows;
}
function readColumnPolicy(reader, entry) {
    const { value } = entry;
    if (value.kind !== 'map') {
        throw reader.fail(entry.line, `table.columns is ${describe(value)}, but it must be a mapping`, 'write the policies, e.g. columns: { extra: warn, missing: error }');
    }
    const keys = reader.knownEntries(value.node, value.line, TABLE_COLUMNS_KEYS, 'table.columns', (name) => `table.columns has an unknown key "${name}"`);
    const policy = {};
    const read = (key, allowed) => {
        const item = keys.get(key);
        if (item === undefined)
            return undefined;
        const given = item.value;
        if (given.kind !== 'string' || !allowed.includes(given.value)) {
            const what = given.kind === 'null' ? `table.columns has ${key} without a value` : `table.columns has ${key} ${given.text}, which is not a policy for ${key} columns`;
            throw reader.fail(item.line, what, oneOfHint(allowed, given.kind === 'string' ? closest(given.value, allowed) : undefined));
        }
        return given.value;
    };
    const extra = read('extra', EXTRA_COLUMN_POLICIES);
    if (extra !== undefined)
        policy.extra = extra;
    const missing = read('missing', MISSING_COLUMN_POLICIES);
    if (missing !== undefined)
        policy.missing = missing;
    return policy;
}
function readKey(reader, entry, columns) {
    const { value } = entry;
    if (value.kind !== 'list') {
        const example = value.kind === 'string' || value.kind === 'number' ? plain(value) : 'id';
        throw reader.fail(entry.line, `table.key is ${describe(value)}, but it must be a list of column names`, `write it as a list, e.g. key: [${example}]`);
    }
    if (value.node.items.length === 0) {
        throw reader.fail(entry.line, 'table.key is an empty list', 'list the columns whose combined value must be unique, e.g. key: [id], or remove key');
    }
    const declared = [...columns.keys()];
    const key = [];
    for (const node of value.node.items) {
        const item = reader.value(node, value.line);
        if (item.kind !== 'string') {
            const fix = item.kind === 'number' || item.kind === 'boolean' ? `quote the column name: "${item.text}"` : 'list column names, e.g. key: [id]';
            throw reader.fail(item.line, `table.key lists ${describe(item)}, which is not a column name`, fix);
        }
        if (!columns.has(item.value)) {
            const near = closest(item.value, declared);
            throw reader.fail(item.line, `table.key names column ${item.text}, which is not declared under columns`, `declare it under columns or correct the name${didYouMean(near)}`);
        }
        if (key.includes(item.value))
            throw reader.fail(item.line, `table.key lists ${item.text} twice`, 'remove the repeat');
        key.push(item.value);
    }
    return key;
}
/**
 * Reads and parses the schema file at `path` (relative to `cwd`). The schema's `file` is the path
 * relative to `cwd`, with forward slashes, as GitHub annotations expect.
 */
function loadSchema(path, cwd) {
    return loadYamlFile(path, cwd, 'schema', parseSchema);
}

// EXTERNAL MODULE: ./src/core/data/cell.ts
var cell = __webpack_require__(8118);
// EXTERNAL MODULE: ./src/core/data/csv-reader.ts + 1 modules
var csv_reader = __webpack_require__(7280);
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

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
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


const LF = 0x0a;
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
        const lastLf = chunk.lastIndexOf(LF);
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
            const newline = bytes.indexOf(LF, start);
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
            values[position] = jsonl_reader_cell(record[key]);
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
function jsonl_reader_cell(value) {
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

;// CONCATENATED MODULE: ./src/core/scan/csv-ranges.ts
const csv_ranges_LF = 0x0a;
const WINDOW = 64 * 1024;
/** Nominal start offsets of `parts` equal ranges over [dataOffset, size); the first is dataOffset. */
function rangeOffsets(dataOffset, size, parts) {
    const span = Math.max(0, size - dataOffset);
    const offsets = [];
    for (let i = 0; i < Math.max(1, parts); i += 1)
        offsets.push(dataOffset + Math.floor((span * i) / Math.max(1, parts)));
    return offsets;
}
/**
 * Start offsets of the ranges whose nominal starts are `nominal` (ascending; the first is
 * dataOffset): each later one moves just past the next line break, and ranges left empty are dropped.
 */
async function splitCsv(source, nominal) {
    const starts = [nominal[0]];
    for (let i = 1; i < nominal.length; i += 1) {
        let at = Math.max(nominal[i], starts.at(-1));
        let start = -1;
        while (at < source.size && start < 0) {
            const window = await source.read(at, Math.min(source.size, at + WINDOW));
            const newline = window.indexOf(csv_ranges_LF);
            if (newline >= 0)
                start = at + newline + 1;
            at += window.length;
        }
        if (start < 0 || start >= source.size)
            break;
        if (start > starts.at(-1))
            starts.push(start);
    }
    return starts;
}

// EXTERNAL MODULE: ./src/core/schema/unique-index.ts
var unique_index = __webpack_require__(5149);
;// CONCATENATED MODULE: ./src/core/scan/scan-total.ts
/**
 * The scan of a whole dataset, put together from its parts in order: the byte ranges of one file
 * (rows and lines continue) and then further files (rows and lines restart; examples name their
 * file). Columns are matched by name; a column that a file lacks is null in all of that file's rows.
 *
 * Duplicates (unique columns, the table key) are judged once every part is in (finishDuplicates):
 * the keys each part logged are walked in dataset order, so counts and examples are those of one
 * sequential pass. Their examples then still need the text and line of their rows, which the caller
 * reads back from the files (scan-dataset.ts).
 */



class ScanTotal {
    schema;
    maxExamples;
    rows = 0;
    sources = [];
    columns = [];
    profiles = new Map();
    checks = new Map();
    keyFailures = 0;
    keyExamples = [];
    /** Rows of the current file so far (row numbers continue across its byte ranges). */
    fileRows = 0;
    places = [];
    uniqueLogs = new Map();
    keyLogs = [];
    constructor(schema, maxExamples) {
        this.schema = schema;
        this.maxExamples = maxExamples;
    }
    /** Starts a new file: rows and lines restart. */
    beginFile(name, bytes) {
        this.sources.push({ name, rows: 0, bytes });
        this.fileRows = 0;
    }
    /** Adds the next part of the current file; `lineBase` is the number of lines before the part. */
    add(part, lineBase) {
        const file = this.sources.at(-1);
        if (file === undefined)
            throw new Error('ScanTotal.add before beginFile');
        const several = this.sources.length > 1;
        const source = several ? file.name : undefined;
        if (several && this.sources.length === 2)
            this.nameFirstFile();
        const present = new Set(part.columns);
        part.columns.forEach((name, index) => {
            let profile = this.profiles.get(name);
            if (profile === undefined) {
                profile = new column_profile/* ColumnProfile */.o();
                profile.addNulls(this.rows);
                this.profiles.set(name, profile);
                this.columns.push(name);
            }
            profile.merge(column_profile/* ColumnProfile */.o.fromState(part.profiles[index]));
            const state = part.checks[index];
            if (state !== null && state !== undefined) {
                this.checksOf(name)?.absorb(state, this.fileRows, lineBase, source);
                if (state.unique !== null) {
                    let logs = this.uniqueLogs.get(name);
                    if (logs === undefined)
                        this.uniqueLogs.set(name, (logs = []));
                    logs.push({ log: state.unique, base: this.rows });
                }
            }
        });
        for (const name of this.columns) {
            if (present.has(name))
                continue;
            this.profiles.get(name).addNulls(part.rows);
            this.checksOf(name)?.absorbMissing(part.rows);
        }
        if (part.key !== null)
            this.keyLogs.push({ log: part.key, base: this.rows });
        const checkpoints = [];
        for (let i = 0; i + 2 < part.checkpoints.length; i += 3) {
            checkpoints.push(part.checkpoints[i] + this.fileRows, part.checkpoints[i + 1], part.checkpoints[i + 2] + lineBase);
        }
        this.places.push({ file: this.sources.length - 1, datasetRows: this.rows, fileRows: this.fileRows, columns: part.columns, checkpoints });
        this.rows += part.rows;
        this.fileRows += part.rows;
        file.rows += part.rows;
    }
    /**
     * Judges the unique columns and the table key over every part added, and returns their examples,
     * whose rows must still be read again for their text and line (fill them in place).
     */
    finishDuplicates() {
        const pending = [];
        for (const [name, logs] of this.uniqueLogs) {
            const { failures, rows } = (0,unique_index/* findDuplicates */.Ir)(logs, this.maxExamples);
            const examples = rows.map((row) => this.pendingExample(row, [name], 'cell', pending));
            this.checks.get(name)?.setDuplicates(failures, examples);
        }
        const key = this.schema?.table.key;
        if (key !== undefined && this.keyLogs.length > 0) {
            const { failures, rows } = (0,unique_index/* findDuplicates */.Ir)(this.keyLogs, this.maxExamples);
            this.keyFailures = failures;
            this.keyExamples.length = 0;
            for (const row of rows)
                this.keyExamples.push(this.pendingExample(row, [...key], 'key', pending));
        }
        this.uniqueLogs.clear();
        this.keyLogs.length = 0;
        return pending;
    }
    /** The columns of a file (of its first part). */
    columnsOf(file) {
        return this.places.find((place) => place.file === file)?.columns ?? [];
    }
    /** CSV checkpoints of a file: (row, byte offset, line) triples in row order; empty when its rows have none. */
    checkpointsOf(file) {
        return this.places.filter((place) => place.file === file).flatMap((place) => place.checkpoints);
    }
    /** An example for dataset row `datasetRow` (1-based, all files together), to be read again. */
    pendingExample(datasetRow, columns, kind, pending) {
        let at = this.places.length - 1;
        while (at > 0 && this.places[at].datasetRows >= datasetRow)
            at -= 1;
        const place = this.places[at];
        const row = datasetRow - place.datasetRows + place.fileRows;
        const example = { row, line: 0, value: undefined };
        if (this.sources.length > 1)
            example.source = this.sources[place.file].name;
        pending.push({ example, file: place.file, row, columns, kind });
        return example;
    }
    checksOf(name) {
        let checks = this.checks.get(name);
        const rules = this.schema?.columns.get(name);
        if (checks === undefined && rules !== undefined) {
            checks = new column_checks/* ColumnChecks */.s(rules, this.maxExamples);
            checks.absorbMissing(this.rows);
            this.checks.set(name, checks);
        }
        return checks;
    }
    /** Once a second file arrives, the first file's examples get its name too. */
    nameFirstFile() {
        const first = this.sources[0].name;
        for (const checks of this.checks.values())
            for (const examples of checks.examples)
                for (const example of examples)
                    example.source ??= first;
    }
}

// EXTERNAL MODULE: ./src/core/scan/table-scan.ts + 1 modules
var table_scan = __webpack_require__(5671);
;// CONCATENATED MODULE: ./src/core/scan/scan-dataset.ts
/**
 * Scans a dataset — one or more files or objects, any supported format — into a ScanTotal: the
 * profile of every column and the row-level checks of the schema, in one pass over the data.
 *
 * Large local CSV/TSV files are split into byte ranges, one per core: this thread scans one, worker
 * threads the others, and the parts merge in file order through the mergeable profile; everything
 * else is streamed in this thread. Duplicates (unique columns, the table key) are judged once every
 * file is in; only the rows of their examples are read again, for their text and line.
 */










/** Below this size a file is scanned in one thread: starting workers costs more than it saves. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
async function scanDataset(sources, options) {
    const total = new ScanTotal(options.schema, options.maxExamples);
    const formats = [];
    for (const source of sources) {
        const format = detectFormat(source.name, options.format);
        formats.push(format);
        total.beginFile(source.name, source.size);
        const rowsBefore = total.rows;
        if (format === 'csv' || format === 'tsv') {
            await scanCsv(source, (0,csv_reader/* delimiterOf */.Vl)(format), total, options);
        }
        else {
            const scan = new table_scan/* TableScan */.k({ schema: options.schema, maxExamples: options.maxExamples });
            if (format === 'jsonl')
                await readJsonl(source, scan);
            else
                await readParquet(source, scan);
            total.add(scan.result(), 0);
        }
        options.logger.debug(`${source.name}: ${total.rows - rowsBefore} rows (${format}).`);
    }
    const pending = total.finishDuplicates();
    if (pending.length > 0)
        await readBack(pending, sources, formats, total);
    return total;
}
async function scanCsv(source, delimiter, total, options) {
    const newScan = () => new table_scan/* TableScan */.k({ schema: options.schema, maxExamples: options.maxExamples });
    const minBytes = options.parallelMinBytes ?? PARALLEL_MIN_BYTES;
    if (!source.local || options.threads < 2 || source.size < minBytes) {
        const scan = newScan();
        await (0,csv_reader/* readCsv */.Nb)(source, scan, delimiter);
        total.add(scan.result(), 0);
        return;
    }
    const header = await (0,csv_reader/* readCsvHeader */.km)(source, delimiter);
    newScan().columns(header.columns, source.name); // header errors (duplicate or empty names) before any work
    if (header.dataOffset >= source.size)
        throw new errors/* InputError */.dz(`${source.name}: the file has a header but no data rows.`);
    const starts = await splitCsv(source, rangeOffsets(header.dataOffset, source.size, options.threads));
    const job = (0,scan_worker/* scanJob */.Xi)({
        path: source.path ?? source.name,
        name: source.name,
        delimiter,
        columns: header.columns,
        schema: options.schema,
        maxExamples: options.maxExamples,
        ranges: starts.map((start, i) => ({ start, line: 1, stop: starts[i + 1] ?? source.size })),
    });
    const merge = new RangeMerge(source, starts, header, total);
    const done = (index, reply) => {
        merge.replies[index] = reply;
        merge.advance();
    };
    if (options.workerScript === undefined) {
        await (0,scan_worker/* scanRanges */.w0)(job, done);
    }
    else {
        const workers = Array.from({ length: Math.min(options.threads - 1, starts.length - 1) }, () => inWorker(options.workerScript, job, done));
        await (0,scan_worker/* scanRanges */.w0)(job, done);
        await Promise.all(workers);
    }
    await merge.finish(options, newScan, delimiter);
}
/**
 * Puts the ranges of a file together in order, as their replies come in. A range whose guessed start
 * fell inside a quoted field, or that failed, is read again in order from where the previous one
 * ended up to the next guessed start (finish), so rows and any error message are exactly those of a
 * sequential read.
 */
class RangeMerge {
    source;
    starts;
    header;
    total;
    replies;
    /** Where the ranges put together so far end: byte offset, line, and the next range to look at. */
    expected;
    line;
    next = 0;
    constructor(source, starts, header, total) {
        this.source = source;
        this.starts = starts;
        this.header = header;
        this.total = total;
        this.replies = new Array(starts.length);
        this.expected = header.dataOffset;
        this.line = header.dataLine;
    }
    /** Adds the ranges that follow on from the last one added, as long as they are in and right. */
    advance() {
        for (;;) {
            const reply = this.replies[this.next];
            if (reply === undefined || 'error' in reply || this.starts[this.next] !== this.expected)
                return;
            this.total.add(reply.part, this.line - 1);
            this.replies[this.next] = undefined;
            this.expected = reply.end.end;
            this.line += reply.end.endLine - 1;
            this.next += 1;
        }
    }
    /** Adds the rest once every range is in, reading again in order where a range does not fit. */
    async finish(options, newScan, delimiter) {
        const { source, starts } = this;
        for (;;) {
            this.advance();
            if (this.expected >= source.size)
                return;
            // Ranges that start before where the last one ended began inside a quoted field.
            while (this.next < starts.length && starts[this.next] < this.expected)
                this.next += 1;
            const fits = starts[this.next] === this.expected;
            const reply = fits ? this.replies[this.next] : undefined;
            if (reply !== undefined && !('error' in reply))
                continue; // advance() takes it
            const reason = !fits ? 'a range started inside a quoted field' : reply === undefined ? 'its scan thread stopped' : reply.error;
            let following = this.next;
            while (following < starts.length && starts[following] <= this.expected)
                following += 1;
            const stop = starts[following] ?? source.size;
            options.logger.debug(`${source.name}: reading from byte ${this.expected} to ${stop} in order (${reason}).`);
            const scan = newScan();
            scan.columns(this.header.columns, source.name);
            const end = await (0,csv_reader/* readCsvRange */.Mj)(source, scan, delimiter, { start: this.expected, line: this.line, stop });
            this.total.add(scan.result(), 0);
            this.expected = end.end;
            this.line = end.endLine;
        }
    }
}
/** A worker scanning ranges of the job, handing each reply to `done`; settles when it has taken its last range (or failed). */
function inWorker(script, job, done) {
    return new Promise((resolve) => {
        const worker = (0,scan_worker/* startWorker */.Dh)(script, job);
        worker.on('message', (message) => {
            if (message.reply !== undefined)
                done(message.index, message.reply);
            else
                resolve();
        });
        // A range the worker had taken gets no reply: it is read again in order.
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
    });
}
/**
 * Reads the rows of duplicate examples again for their text and line (the scan logged only their
 * keys): a CSV file from the checkpoint before each row, any other file from its start.
 */
async function readBack(pending, sources, formats, total) {
    const files = new Map();
    for (const item of pending) {
        const items = files.get(item.file);
        if (items === undefined)
            files.set(item.file, [item]);
        else
            items.push(item);
    }
    for (const [file, items] of files) {
        const source = sources[file];
        const format = formats[file];
        const picker = new RowPicker(items, total.columnsOf(file));
        if (format === 'jsonl') {
            await readJsonl(source, picker);
            continue;
        }
        if (format === 'parquet') {
            await readParquet(source, picker);
            continue;
        }
        const delimiter = (0,csv_reader/* delimiterOf */.Vl)(format);
        const checkpoints = total.checkpointsOf(file);
        // The checkpoints just before the wanted rows; each read runs to the next checkpoint.
        const from = new Set();
        for (const item of items) {
            let at = 0;
            while (at + 3 < checkpoints.length && checkpoints[at + 3] <= item.row)
                at += 3;
            from.add(at);
        }
        for (const at of [...from].sort((a, b) => a - b)) {
            picker.row = checkpoints[at] - 1;
            const stop = at + 3 < checkpoints.length ? checkpoints[at + 4] : source.size;
            await (0,csv_reader/* readCsvRange */.Mj)(source, picker, delimiter, { start: checkpoints[at + 1], line: checkpoints[at + 2], stop });
        }
    }
}
/** Takes the text and line of wanted rows from a reader, as the scan read them. */
class RowPicker {
    names;
    /** Rows read so far (the next row is row + 1). */
    row = 0;
    wanted = new Map();
    cell = (0,cell/* newCell */.No)();
    scratch = Buffer.allocUnsafe(256);
    constructor(items, names) {
        this.names = names;
        for (const item of items) {
            const same = this.wanted.get(item.row);
            if (same === undefined)
                this.wanted.set(item.row, [item]);
            else
                same.push(item);
        }
    }
    columns(names) {
        this.names = [...names];
    }
    csvRow(row) {
        const items = this.wanted.get(++this.row);
        if (items === undefined)
            return;
        for (const item of items) {
            item.example.line = row.line;
            item.example.value = item.columns.map((name) => row.text(this.names.indexOf(name))).join(', ');
        }
    }
    valueRow(values, line) {
        const items = this.wanted.get(++this.row);
        if (items === undefined)
            return;
        for (const item of items) {
            item.example.line = line;
            item.example.value = item.columns
                .map((name) => {
                const value = values[this.names.indexOf(name)];
                if (item.kind === 'key')
                    return String(value ?? '');
                this.scratch = (0,cell/* classifyValue */.Ws)(this.cell, value, this.scratch);
                return (0,cell/* cellText */.Ie)(this.cell);
            })
                .join(', ');
        }
    }
}

;// CONCATENATED MODULE: ./src/core/scan/validate-dataset.ts
/**
 * validate-data's domain, free of the Actions runtime: resolve the data, scan it once (profile and
 * row checks together), judge the schema's rules, and shape the report and the profile.
 */







function positiveInteger(value) {
    const parsed = Number(value);
    return value !== undefined && value !== '' && Number.isInteger(parsed) && parsed >= 0 ? parsed : undefined;
}
async function validateDataset(options) {
    const schema = options.schema === undefined ? undefined : await loadSchema(options.schema, options.cwd);
    const needsStore = options.data.some((spec) => /^s3:\/\//i.test(spec.trim()));
    const sources = await resolveSources(options.data, { cwd: options.cwd, ...(needsStore && options.store !== undefined ? { store: options.store() } : {}) });
    const minBytes = positiveInteger(process.env['CD4ML_PARALLEL_MIN_BYTES']);
    const total = await scanDataset(sources, {
        format: options.format,
        schema,
        maxExamples: options.maxExamples,
        threads: options.threads ?? (0,scan_worker/* defaultThreads */.Z9)(),
        ...(minBytes === undefined ? {} : { parallelMinBytes: minBytes }),
        workerScript: options.workerScript,
        logger: options.logger,
    });
    const profile = profileDocument(total.rows, total.sources, total.columns.map((name) => [name, total.profiles.get(name)]));
    const findings = schema === undefined ? [] : evaluate(schema, total);
    const failed = findings.filter((finding) => !finding.passed);
    const errors = failed.filter((finding) => finding.severity === 'error').length;
    const warnings = failed.length - errors;
    return {
        report: { format: REPORT_FORMAT, version: 1, valid: errors + (options.failOn === 'warning' ? warnings : 0) === 0, errors, warnings, rows: total.rows, sources: total.sources, schema: schema?.file ?? null, findings },
        profile,
    };
}

;// CONCATENATED MODULE: ./src/core/schema/infer-schema.ts
/**
 * A starting schema from a profile, for a person to review and commit: each column's type, whether it
 * had nulls, its observed range, its values when there are few, and uniqueness when it was observed
 * exactly. It describes the data as it is; tighten or loosen the rules to say what it must be.
 */

/** Values listed as `allowed` when a category column has at most this many. */
const INFER_ALLOWED_MAX = 50;
function scalar(value) {
    return (0,yaml_dist/* stringify */.As)(value, { lineWidth: 0 }).trimEnd();
}
function columnRules(column, rows) {
    const rules = [];
    if (column.type === 'empty')
        return [['nullable', true]];
    rules.push(['type', column.type]);
    if (column.nulls === 0)
        rules.push(['nullable', false]);
    else
        rules.push(['max_null_fraction', Math.min(1, Math.ceil((column.nulls / rows) * 200) / 100)]); // twice the observed share, rounded up to 1%
    const s = column.summary;
    const temporal = column.state.temporal;
    if (column.type === 'datetime' && temporal !== null) {
        // As UTC ISO 8601 (whatever offset or separator the data used), the form schema bounds take.
        rules.push(['min', new Date(temporal.minMs).toISOString()], ['max', new Date(temporal.maxMs).toISOString()]);
    }
    else if ((column.type === 'integer' || column.type === 'number' || column.type === 'date') && s.min !== undefined && s.max !== undefined) {
        rules.push(['min', s.min], ['max', s.max]);
    }
    const categories = column.state.categories;
    // Counted numbers stand for every spelling of their value (007 and 7); allowed compares text, so
    // a category with numeric-looking values gets no allowed list rather than a wrong one.
    if (column.type === 'category' && categories !== null && categories.length <= INFER_ALLOWED_MAX && categories.every(([value]) => typeof value === 'string')) {
        rules.push(['allowed', categories.map(([value]) => value).sort((a, b) => (String(a) < String(b) ? -1 : 1))]);
    }
    if ((column.type === 'integer' || column.type === 'string') && column.nulls === 0 && column.distinct.exact && column.distinct.value === column.count && column.count > 1) {
        rules.push(['unique', true]);
    }
    return rules;
}
/** The schema as YAML text (flow mappings, one column per line). */
function inferSchema(profile, options = {}) {
    const width = Math.max(...profile.columns.map((column) => scalar(column.name).length));
    const lines = [
        ...(options.jsonSchemaPath === undefined ? [] : [`# yaml-language-server: $schema=${options.jsonSchemaPath}`]),
        `# Inferred by cd4ml from ${profile.sources.map((source) => source.name).join(', ')} (${profile.rows} rows).`,
        '# Review every rule: it states what the data was, not yet what it must be.',
        'columns:',
    ];
    for (const column of profile.columns) {
        const name = `${scalar(column.name)}:`.padEnd(width + 1);
        const rules = columnRules(column, profile.rows)
            .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.map(scalar).join(', ')}]` : scalar(value)}`)
            .join(', ');
        lines.push(`  ${name} { ${rules} }`);
    }
    lines.push('table:', `  rows: { min: ${Math.max(1, Math.floor(profile.rows / 2))} }`, '  columns: { extra: warn, missing: error }', '');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./src/platform/github/client.ts
/**
 * The one way the project builds a GitHub client: Octokit from @actions/github (honours
 * GITHUB_API_URL and the runner's proxy settings) with retries of transient failures and GitHub's
 * rate-limit rules (primary and secondary limits wait and retry, as GitHub asks integrators to).
 */



function client_createGitHubClient(token, options) {
    const { logger } = options;
    const rateLimitRetries = options.rateLimitRetries ?? 2;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const again = retryCount < rateLimitRetries;
        logger.warning(`GitHub ${kind} rate limit hit by ${request.method} ${request.url}; ${again ? `retrying in ${retryAfter} s` : 'giving up'}.`);
        return again;
    };
    return (0,github/* getOctokit */.Q)(token, {
        baseUrl: options.apiUrl,
        retry: { retries: options.retries ?? 3 },
        throttle: { enabled: options.throttle ?? true, onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}

// EXTERNAL MODULE: ./src/core/report/fit.ts
var fit = __webpack_require__(5625);
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

// EXTERNAL MODULE: ./src/platform/github/limits.ts
var limits = __webpack_require__(959);
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
async function write_access_writeOrWarn(what, permission, write, logger) {
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
    const client = options.client ?? client_createGitHubClient(options.token, { apiUrl: run.apiUrl, logger });
    const { repository, pullRequest } = run;
    const comment = await write_access_writeOrWarn(`post the ${report.action} comment on pull request #${pullRequest.number}`, 'pull-requests', () => upsertStickyComment(client, repository, pullRequest.number, { action: report.action, key: report.key, body: report.markdown, ...(run.runUrl === undefined ? {} : { fullReportUrl: run.runUrl }) }, logger), logger);
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
    const client = options.client ?? createGitHubClient(options.token, { apiUrl: run.apiUrl, logger });
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/platform/aws/clients.ts
/**
 * The one place AWS SDK clients are built, so every client agrees on region, endpoint and retries.
 *
 * Region: the `region` option, else `AWS_REGION`, else `AWS_DEFAULT_REGION`, else `us-east-1`.
 * Credentials: the SDK's default chain (environment variables as set by
 * aws-actions/configure-aws-credentials, web identity, shared files, instance roles).
 * Endpoint: the SDK itself honours `AWS_ENDPOINT_URL_<SERVICE>` (e.g. `AWS_ENDPOINT_URL_S3`) and
 * `AWS_ENDPOINT_URL`. When one of them is set for S3, the S3 client uses path-style addressing
 * (`http://host:port/bucket/key`), which local and self-hosted S3 servers (MinIO, LocalStack, s3rver)
 * need; against AWS itself, virtual-hosted addressing stays the default.
 */

const DEFAULT_REGION = 'us-east-1';
/** The region a client should use. */
function awsRegion(options = {}) {
    const env = options.env ?? process.env;
    return nonEmpty(options.region) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? DEFAULT_REGION;
}
/**
 * The endpoint URL configured for a service through the environment (`AWS_ENDPOINT_URL_S3`, then
 * `AWS_ENDPOINT_URL`), as the SDK will use it; undefined when none is, or when
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` tells the SDK to ignore them.
 */
function configuredEndpoint(service, env = process.env) {
    if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true')
        return undefined;
    const suffix = service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return nonEmpty(env[`AWS_ENDPOINT_URL_${suffix}`]) ?? nonEmpty(env.AWS_ENDPOINT_URL);
}
/** An S3 client; path-style addressing when a custom endpoint is configured. */
function s3Client(options = {}) {
    const env = options.env ?? process.env;
    const custom = configuredEndpoint('S3', env) !== undefined;
    return new dist_cjs/* S3Client */.YxF({
        region: awsRegion(options),
        maxAttempts: 3,
        ...(custom ? { forcePathStyle: true } : {}),
    });
}
function nonEmpty(value) {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

;// CONCATENATED MODULE: ./src/platform/aws/aws-errors.ts
/**
 * How an AWS SDK (or network) failure is read, the same way for every service: its code (S3's `Code`,
 * Node's `code`, else the exception's name), its HTTP status, whether no credentials were found at
 * all, and the "code: message" detail the one-line errors of s3-store.ts and sagemaker-client.ts
 * quote (the status stands in for a message the response did not carry).
 */
function shapeOf(error) {
    return (typeof error === 'object' && error !== null ? error : {});
}
/** The error's code as the service (or the network layer) named it. */
function errorCode(error) {
    const shape = shapeOf(error);
    return shape.Code ?? shape.code ?? shape.name;
}
function httpStatus(error) {
    return shapeOf(error).$metadata?.httpStatusCode;
}
/** The SDK found no credentials anywhere in its default chain. */
function lacksCredentials(error) {
    const shape = shapeOf(error);
    return shape.name === 'CredentialsProviderError' || /could not load credentials/i.test(shape.message ?? '');
}
/** What to do when `lacksCredentials`. */
const NO_CREDENTIALS = 'no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again';
/** `code: message` on one line; the HTTP status when the message is empty or only repeats the code. */
function errorDetail(error, code) {
    const status = httpStatus(error);
    const text = (shapeOf(error).message ?? '').replace(/\s+/g, ' ').trim();
    const message = text === '' || text === code || text === 'UnknownError' ? (status === undefined ? '' : `HTTP ${status}`) : text;
    return message === '' ? code : `${code}: ${message}`;
}
/** Codes of a failure to reach the endpoint at all. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout']);
/** AWS error codes of a call the credentials may not make. */
const DENIED_CODES = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'ExpiredTokenException',
    'ExpiredToken',
    'MissingAuthenticationTokenException',
    'NotAuthorized',
]);
/** AWS error codes of a throttled call. */
const THROTTLED_CODES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);

;// CONCATENATED MODULE: ./src/platform/aws/s3-errors.ts
/**
 * S3 failures as one line naming the s3:// URI: a ServiceError with S3's error code and message and
 * what to check (the key, the bucket, the credentials and the IAM permission the action needs, the
 * endpoint, a server lacking conditional writes); an EnvironmentError when no AWS credentials are
 * configured at all. Used by the ObjectStore (s3-store.ts) and the registry's S3 objects (s3-objects.ts).
 */


const WHAT = { read: 'cannot read the object', list: 'cannot list the objects', write: 'cannot write the object' };
/** An SDK or network failure as a one-line error naming the URI; `hint` words the advice for its caller. */
function s3Error(error, uri, action, hint = s3Hint) {
    if ((0,errors/* isCd4mlError */.Do)(error))
        return error;
    const what = WHAT[action];
    if (lacksCredentials(error))
        return new errors/* EnvironmentError */.eG(`${uri}: ${what}: ${NO_CREDENTIALS}`);
    const status = httpStatus(error);
    let code = errorCode(error) ?? 'Error';
    // A HEAD response has no body, so S3's error code is missing: name it from the status.
    if ((code === 'Unknown' || code === 'UnknownError') && status !== undefined)
        code = STATUS_NAMES.get(status) ?? code;
    return new errors/* ServiceError */._7(`${uri}: ${what} (${errorDetail(error, code)}); ${hint(code, status, action)}`, { cause: error });
}
const STATUS_NAMES = new Map([
    [400, 'BadRequest'],
    [403, 'Forbidden'],
    [404, 'NotFound'],
    [500, 'InternalError'],
    [503, 'ServiceUnavailable'],
]);
const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'AllAccessDisabled']);
/** S3 refused the credentials or the request (the IAM or bucket policy). */
function isDenied(code, status) {
    return DENIED.has(code) || status === 403;
}
/** The advice of the s3:// URIs the user names (data sources and the s3:// registry). */
function s3Hint(code, status, action) {
    const write = action === 'write';
    if (code === 'NoSuchBucket')
        return write ? 'check the bucket name in the registry URI' : 'check the bucket name';
    if (isDenied(code, status)) {
        const permission = write ? 's3:PutObject (and s3:GetObject, which conditional writes need)' : action === 'list' ? 's3:ListBucket' : 's3:GetObject';
        return `check the AWS credentials, and that the IAM and bucket policies allow ${permission}`;
    }
    if (write) {
        if (code === 'NotImplemented' || status === 501) {
            return 'the S3 server does not implement a request the registry needs (conditional writes with If-None-Match / If-Match, or multipart uploads); use Amazon S3 or a server that does';
        }
        if (code === 'BadDigest' || code === 'InvalidDigest' || /checksum/i.test(code)) {
            return 'the uploaded bytes did not match their SHA-256; check that nothing writes to the file while it is registered, and run again';
        }
        if (code === 'EntityTooLarge')
            return 'the file is larger than S3 accepts in one request; lower the multipart threshold';
    }
    else if (code === 'NoSuchKey' || code === 'NotFound' || status === 404) {
        return 'check the bucket and key';
    }
    return transientHint(code, status) ?? (write ? 'check the registry URI and the AWS credentials' : 'check the URI and the AWS credentials');
}
/** The advice for a network failure or an S3 failure on its side; undefined for anything else. */
function transientHint(code, status) {
    if (NETWORK_CODES.has(code))
        return 'check the network and the S3 endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set)';
    if (status !== undefined && status >= 500)
        return 'S3 failed on its side; try again later';
    return undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/core/retry.ts
/**
 * The one retry helper: exponential backoff with full jitter (a delay drawn uniformly from
 * [0, min(maxMs, baseMs · 2^attempt)]), as AWS recommends for contended writers, so that concurrent
 * losers of a compare-and-swap spread out instead of colliding again in lockstep.
 */

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The delay before retry number `attempt` (0 for the first retry). */
function backoffDelay(attempt, options) {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
    return Math.floor((options.random ?? Math.random)() * ceiling);
}
/**
 * Runs `operation` until it returns a value other than `undefined` (undefined means "lost a race,
 * try again"); errors it throws are not retried. After `attempts` tries, a ServiceError says `what`
 * kept failing.
 */
async function retryWhileUndefined(what, options, operation) {
    const wait = options.sleep ?? sleep;
    for (let attempt = 0; attempt < options.attempts; attempt += 1) {
        const result = await operation(attempt);
        if (result !== undefined)
            return result;
        if (attempt + 1 < options.attempts)
            await wait(backoffDelay(attempt, options));
    }
    throw new ServiceError(`${what}: other writers kept changing it; gave up after ${options.attempts} attempts. Run again; nothing half-written was left.`);
}

;// CONCATENATED MODULE: ./src/platform/aws/s3-objects.ts
/**
 * The S3 object operations the registries share (the s3:// registry storage and the artifacts of the
 * sagemaker:// registry), and the listing of the ObjectStore:
 * - `upload` streams a local file from disk after checking it still has the size it was hashed at:
 *   one PutObject carrying the file's SHA-256 (`x-amz-checksum-sha256`, so S3 refuses a body that
 *   does not match it) up to `multipartThreshold`, a multipart upload above it (a single PutObject
 *   stops at 5 GiB), each part with its own SHA-256. The SDK never retries a request whose body is a
 *   stream, so transient failures (5xx, throttling, a dropped connection) are retried here, with a
 *   fresh stream, up to 3 tries; a failed multipart upload is aborted.
 * - `put` writes bytes in one PutObject with their SHA-256, optionally as a conditional write
 *   (`If-None-Match: *` or `If-Match: <ETag>`): S3 answers 412 PreconditionFailed when the condition
 *   does not hold, 409 ConditionalRequestConflict when two conditional writes race, and 404 NoSuchKey
 *   when an `If-Match` object has meanwhile gone; all three mean "another writer came first", and
 *   `put` returns false.
 * - `read` gives an object's bytes; `readIfPresent` its bytes and ETag, or undefined when there is no
 *   such object; `download` streams it to a temporary file beside the destination, renamed over it
 *   once complete.
 * - `keys` lists the keys under a prefix, `folders` the names of the "folders" right under it.
 *
 * Complexity: one request per object read or written (one per part above the threshold, at most 4
 * parts at once), one per 1000 keys listed.
 *
 * IAM: s3:PutObject, s3:GetObject and s3:ListBucket (s3:AbortMultipartUpload too when files exceed
 * the multipart threshold).
 */











const MiB = 1024 * 1024;
const SINGLE_PUT_LIMIT = 5 * 1024 * MiB;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10_000;
/** Parts of one multipart upload sent at once. */
const PARTS_AT_ONCE = 4;
/** Tries of one upload (the SDK never retries a request whose body is a stream). */
const UPLOAD_ATTEMPTS = 3;
function s3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}
class S3Objects {
    client;
    threshold;
    partSize;
    hint;
    /** `client` is called for each request, so a caller can build its client lazily. */
    constructor(client, options = {}) {
        this.client = client;
        this.threshold = Math.min(options.multipartThreshold ?? 256 * MiB, SINGLE_PUT_LIMIT);
        this.partSize = Math.max(options.partSize ?? 64 * MiB, MIN_PART_SIZE);
        this.hint = options.hint ?? s3Hint;
    }
    /** Uploads a local file, streamed, refusing it when its size changed since it was hashed. */
    async upload(bucket, key, file) {
        let size;
        try {
            size = (await (0,promises_.stat)(file.file)).size;
        }
        catch (error) {
            throw new errors/* InputError */.dz(`${file.path}: cannot read ${file.file} (${error.code ?? error.message}); check that the file exists and is readable.`);
        }
        if (size !== file.size) {
            throw new errors/* InputError */.dz(`${file.path}: ${file.file} is ${size} bytes now but was ${file.size} when it was hashed; it changed during the registration. Run again once nothing writes to it.`);
        }
        if (size > this.threshold) {
            await this.uploadInParts(bucket, key, file.file, size);
            return;
        }
        try {
            await withFreshStream(() => (0,external_node_fs_.createReadStream)(file.file), (body) => this.client().send(new dist_cjs/* PutObjectCommand */.wKZ({
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: size,
                ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
                ContentType: contentType(key),
            })));
        }
        catch (error) {
            throw this.error(error, s3Uri(bucket, key), 'write');
        }
    }
    /** Writes bytes in one request; with a condition, false when it did not hold (another writer came first). */
    async put(bucket, key, body, condition) {
        try {
            await this.client().send(new dist_cjs/* PutObjectCommand */.wKZ({
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: body.length,
                ContentType: contentType(key),
                ChecksumSHA256: (0,external_node_crypto_.createHash)('sha256').update(body).digest('base64'),
                ...condition,
            }));
            return true;
        }
        catch (error) {
            if (condition !== undefined && conditionFailed(error, condition))
                return false;
            throw this.error(error, s3Uri(bucket, key), 'write');
        }
    }
    /** The bytes of an object that must exist (unchecked: the caller checks a sha256 it knows). */
    async read(bucket, key) {
        try {
            return (await this.get(bucket, key)).bytes;
        }
        catch (error) {
            throw this.error(error, s3Uri(bucket, key), 'read');
        }
    }
    /** The bytes and ETag of an object; undefined when there is no such object. */
    async readIfPresent(bucket, key) {
        try {
            return await this.get(bucket, key);
        }
        catch (error) {
            if (isMissingObject(error))
                return undefined;
            throw this.error(error, s3Uri(bucket, key), 'read');
        }
    }
    /** Streams an object to `destination` through a temporary file beside it (unchecked, as `read`). */
    async download(bucket, key, destination) {
        const uri = s3Uri(bucket, key);
        const directory = (0,external_node_path_.dirname)(destination);
        const temporary = (0,external_node_path_.join)(directory, `.${(0,external_node_path_.basename)(destination)}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.part`);
        try {
            await (0,promises_.mkdir)(directory, { recursive: true });
        }
        catch (error) {
            throw new errors/* InputError */.dz(`${destination}: cannot create ${directory} (${error.code ?? error.message}); check that it is writable.`);
        }
        let body;
        try {
            const output = await this.client().send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket, Key: key }));
            if (output.Body === undefined)
                throw noBody(uri);
            body = output.Body;
        }
        catch (error) {
            throw this.error(error, uri, 'read');
        }
        const output = (0,external_node_fs_.createWriteStream)(temporary);
        let local;
        output.on('error', (error) => (local ??= error));
        try {
            await (0,external_node_stream_promises_.pipeline)(body, output);
            await (0,promises_.rename)(temporary, destination).catch((error) => {
                local = error;
                throw error;
            });
        }
        catch (error) {
            body.destroy();
            await (0,promises_.rm)(temporary, { force: true }).catch(() => undefined);
            if (local !== undefined) {
                throw new errors/* InputError */.dz(`${destination}: cannot write the download of ${uri} (${local.code ?? local.message}); check that the directory is writable and has space.`);
            }
            throw this.error(error, uri, 'read');
        }
    }
    /** The keys under `prefix`, sorted. */
    async keys(bucket, prefix) {
        return (await this.list(bucket, prefix, undefined)).keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    /** The names of the folders right under `prefix` (which ends with `/` or is empty): `<prefix><name>/…`. */
    async folders(bucket, prefix) {
        const { prefixes } = await this.list(bucket, prefix, '/');
        return prefixes.map((folder) => folder.slice(prefix.length, -1)).filter((name) => name !== '');
    }
    async list(bucket, prefix, delimiter) {
        const keys = [];
        const prefixes = [];
        let token;
        do {
            let page;
            try {
                page = await this.client().send(new dist_cjs/* ListObjectsV2Command */.u6x({
                    Bucket: bucket,
                    Prefix: prefix,
                    ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
                    ...(token === undefined ? {} : { ContinuationToken: token }),
                }));
            }
            catch (error) {
                throw this.error(error, s3Uri(bucket, prefix), 'list');
            }
            for (const object of page.Contents ?? [])
                if (object.Key !== undefined)
                    keys.push(object.Key);
            for (const common of page.CommonPrefixes ?? [])
                if (common.Prefix !== undefined)
                    prefixes.push(common.Prefix);
            token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
        return { keys, prefixes };
    }
    async get(bucket, key) {
        const output = await this.client().send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: bucket, Key: key }));
        if (output.Body === undefined)
            throw noBody(s3Uri(bucket, key));
        return { bytes: await output.Body.transformToByteArray(), etag: output.ETag };
    }
    async uploadInParts(bucket, key, path, size) {
        const uri = s3Uri(bucket, key);
        const part = Math.max(this.partSize, Math.ceil(size / MAX_PARTS));
        let uploadId;
        try {
            uploadId = (await this.client().send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ Bucket: bucket, Key: key, ContentType: contentType(key), ChecksumAlgorithm: 'SHA256' }))).UploadId;
            if (uploadId === undefined)
                throw new errors/* ServiceError */._7(`${uri}: cannot write the object (CreateMultipartUpload returned no upload id); check the S3 endpoint.`);
            const id = uploadId;
            const count = Math.ceil(size / part);
            const parts = await mapLimit(Array.from({ length: count }, (_, index) => index), PARTS_AT_ONCE, async (index) => {
                const start = index * part;
                const end = start + Math.min(part, size - start) - 1;
                // Each part carries its own SHA-256, so S3 refuses a damaged part (and the SDK sends the body
                // plainly instead of in aws-chunked framing, which not every S3-compatible server decodes).
                const checksum = await sha256Range(path, start, end);
                const output = await withFreshStream(() => (0,external_node_fs_.createReadStream)(path, { start, end }), (body) => this.client().send(new dist_cjs/* UploadPartCommand */.iVK({ Bucket: bucket, Key: key, UploadId: id, PartNumber: index + 1, Body: body, ContentLength: end - start + 1, ChecksumSHA256: checksum })));
                return { PartNumber: index + 1, ChecksumSHA256: checksum, ...(output.ETag === undefined ? {} : { ETag: output.ETag }) };
            });
            await this.client().send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } }));
        }
        catch (error) {
            if (uploadId !== undefined) {
                // Leave no invisible, billed parts behind; a failure to abort changes nothing for the caller.
                await this.client().send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
            }
            throw this.error(error, uri, 'write');
        }
    }
    error(error, uri, action) {
        return s3Error(error, uri, action, this.hint);
    }
}
/** A file's path inside a version as a key suffix: relative, `/`-separated, with no empty, `.` or `..` parts. */
function keySuffix(path, owner) {
    const parts = path.split('/');
    if (path === '' || path.startsWith('/') || path.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
        throw new InputError(`${owner}: the file path ${JSON.stringify(path)} is not a relative path of "/"-separated names; it cannot be stored.`);
    }
    return path;
}
/** S3's "no such object" (a 404 other than a missing bucket). */
function isMissingObject(error) {
    const code = errorCode(error);
    return code === 'NoSuchKey' || (httpStatus(error) === 404 && code !== 'NoSuchBucket');
}
/** A conditional write refused because another writer came first. */
function conditionFailed(error, condition) {
    const code = errorCode(error);
    const status = httpStatus(error);
    if (code === 'PreconditionFailed' || status === 412)
        return true;
    if (code === 'ConditionalRequestConflict' || status === 409)
        return true;
    // If-Match on an object that was deleted since it was read.
    return 'IfMatch' in condition && code === 'NoSuchKey';
}
function noBody(uri) {
    return new errors/* ServiceError */._7(`${uri}: cannot read the object (the response has no body); check the S3 endpoint.`);
}
/**
 * Sends a request whose body streams from disk, opening a fresh stream for each try: the SDK does not
 * retry streaming requests itself, so a throttled, timed-out or dropped upload is retried here, with
 * jittered backoff, when S3 says the failure is transient.
 */
async function withFreshStream(open, send) {
    for (let attempt = 0;; attempt += 1) {
        const body = open();
        try {
            return await send(body);
        }
        catch (error) {
            if (attempt + 1 >= UPLOAD_ATTEMPTS || !isTransient(error))
                throw error;
        }
        finally {
            body.destroy();
        }
        await sleep(backoffDelay(attempt, { baseMs: 250, maxMs: 5000 }));
    }
}
const TRANSIENT = new Set(['SlowDown', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'ThrottlingException', 'TooManyRequestsException']);
function isTransient(error) {
    if ((0,errors/* isCd4mlError */.Do)(error))
        return false;
    const status = httpStatus(error);
    const code = errorCode(error) ?? '';
    return (status !== undefined && (status >= 500 || status === 429)) || TRANSIENT.has(code) || NETWORK_CODES.has(code);
}
/** The base64 SHA-256 of bytes `start`..`end` (inclusive) of a file, streamed. */
async function sha256Range(path, start, end) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path, { start, end, highWaterMark: MiB }))
        hash.update(chunk);
    return hash.digest('base64');
}
function contentType(key) {
    if (key.endsWith('.json'))
        return 'application/json';
    if (key.endsWith('.md'))
        return 'text/markdown; charset=utf-8';
    return 'application/octet-stream';
}

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
    const get = () => (client ??= s3Client(options.region === undefined ? {} : { region: options.region }));
    const objects = new S3Objects(get);
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
                throw s3Error(error, s3Uri(bucket, key), 'read');
            }
        },
        async *stream(bucket, key, range) {
            const uri = s3Uri(bucket, key);
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
                throw s3Error(error, uri, 'read');
            }
            let done = false;
            try {
                try {
                    for await (const piece of body)
                        yield piece;
                }
                catch (error) {
                    throw s3Error(error, uri, 'read');
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

;// CONCATENATED MODULE: ./src/actions/validate-data/main.ts











async function main({ inputs, logger, run, summary, setOutput }) {
    const cwd = process.cwd();
    const { report, profile } = await logger.group('Reading the data', () => validateDataset({
        data: inputs.data,
        format: inputs.format,
        schema: inputs.schema,
        cwd,
        store: () => createS3Store(),
        maxExamples: inputs['max-examples'],
        failOn: inputs['fail-on'],
        workerScript: (0,scan_worker/* workerScript */.wF)(),
        logger,
    }));
    logger.info(`Read ${report.rows} rows from ${report.sources.length} file${report.sources.length === 1 ? '' : 's'}.`);
    const scratch = (0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'cd4ml', 'validate-data');
    const profilePath = (0,external_node_path_.resolve)(cwd, inputs['profile-output'] ?? (0,external_node_path_.join)(scratch, 'profile.json'));
    const reportPath = (0,external_node_path_.join)(scratch, 'report.json');
    await writeFileAtomic(profilePath, `${JSON.stringify(profile, null, 2)}\n`, 'profile-output');
    await writeFileAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`, 'report');
    if (inputs['write-schema'] !== undefined) {
        await writeFileAtomic((0,external_node_path_.resolve)(cwd, inputs['write-schema']), inferSchema(profile), 'write-schema');
        logger.info(`Wrote an inferred schema to ${inputs['write-schema']}; review it before committing.`);
    }
    for (const finding of report.findings) {
        if (finding.passed)
            continue;
        if (finding.severity === 'error')
            logger.error(describeFinding(finding), finding.at);
        else
            logger.warning(describeFinding(finding), finding.at);
    }
    await publishReport({ action: 'validate-data', key: inputs.data.join(','), markdown: renderValidationMarkdown(report, profile) }, { run, summary, logger, comment: inputs.comment, token: inputs['github-token'] });
    const failOn = inputs['fail-on'];
    const failing = report.errors + (failOn === 'warning' ? report.warnings : 0);
    setOutput('valid', report.valid);
    setOutput('errors', report.errors);
    setOutput('warnings', report.warnings);
    setOutput('rows', report.rows);
    setOutput('profile', profilePath);
    setOutput('report', reportPath);
    if (failOn !== 'never' && failing > 0) {
        const first = report.findings.find((finding) => !finding.passed && (finding.severity === 'error' || failOn === 'warning'));
        const more = failing > 1 ? ` (and ${failing - 1} more failed check${failing === 2 ? '' : 's'}; see the job summary)` : '';
        throw new errors/* CheckFailedError */.CO(`the data breaks its schema: ${describeFinding(first)}${more}`);
    }
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

/***/ 959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ji: () => (/* binding */ ANNOTATIONS_PER_STEP_PER_LEVEL),
/* harmony export */   Wm: () => (/* binding */ STEP_SUMMARY_LIMIT_BYTES),
/* harmony export */   tx: () => (/* binding */ COMMENT_BODY_LIMIT)
/* harmony export */ });
/* unused harmony exports CHECK_OUTPUT_LIMIT, CHECK_ANNOTATIONS_PER_REQUEST, STATUS_DESCRIPTION_LIMIT */
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
