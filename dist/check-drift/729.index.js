export const id = 729;
export const ids = [729];
export const modules = {

/***/ 5729:
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
// EXTERNAL MODULE: ./src/core/files/write-file-atomic.ts
var write_file_atomic = __webpack_require__(9501);
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

;// CONCATENATED MODULE: ./src/core/drift/methods.ts
/**
 * The drift methods, their default thresholds, and the default choice per column, as Evidently's
 * default data-drift algorithm chooses them:
 *
 *   reference rows ≤ 1000:  numeric with more than 5 distinct values → Kolmogorov–Smirnov (p < 0.05);
 *                           otherwise more than 2 distinct values → chi-square (p < 0.05),
 *                           2 or fewer → two-proportion z-test (p < 0.05);
 *   reference rows > 1000:  numeric with more than 5 distinct values → Wasserstein distance normed by
 *                           the reference's standard deviation (≥ 0.1); otherwise Jensen–Shannon
 *                           distance (≥ 0.1).
 *
 * A p-value test flags drift when p < threshold; a distance, when distance ≥ threshold. A dataset has
 * drifted when the share of drifted columns is at least `drift-share` (default 0.5).
 */
const DRIFT_METHODS = ['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon', 'z'];
const METHOD_INFO = {
    ks: { method: 'ks', title: 'Kolmogorov–Smirnov', score: 'p_value', defaultThreshold: 0.05, columns: 'numeric' },
    wasserstein: { method: 'wasserstein', title: 'Wasserstein (normed)', score: 'distance', defaultThreshold: 0.1, columns: 'numeric' },
    psi: { method: 'psi', title: 'PSI', score: 'distance', defaultThreshold: 0.1, columns: 'any' },
    chisquare: { method: 'chisquare', title: 'chi-square', score: 'p_value', defaultThreshold: 0.05, columns: 'any' },
    jensenshannon: { method: 'jensenshannon', title: 'Jensen–Shannon', score: 'distance', defaultThreshold: 0.1, columns: 'any' },
    z: { method: 'z', title: 'z-test (proportions)', score: 'p_value', defaultThreshold: 0.05, columns: 'any' },
};
/** Reference sizes up to this use tests (p-values); above it, distances. */
const SMALL_REFERENCE_ROWS = 1000;
/** Numeric columns with at most this many distinct reference values are treated as categories. */
const FEW_VALUES = 5;
const DEFAULT_DRIFT_SHARE = 0.5;
/** The default method for a column (Evidently's default algorithm; see the file header). */
function defaultMethod(column) {
    const manyValues = column.numeric && column.distinct > FEW_VALUES;
    if (column.referenceRows <= SMALL_REFERENCE_ROWS) {
        if (manyValues)
            return 'ks';
        return column.distinct > 2 ? 'chisquare' : 'z';
    }
    return manyValues ? 'wasserstein' : 'jensenshannon';
}
/** Whether `score` (a p-value or a distance) means drift under `threshold`. */
function isDrift(method, score, threshold) {
    return METHOD_INFO[method].score === 'p_value' ? score < threshold : score >= threshold;
}
/** Whether the dataset drifted: at least `share` of the compared columns drifted (and at least one did). */
function datasetDrift(drifted, compared, share) {
    return compared > 0 && drifted > 0 && drifted / compared >= share;
}

;// CONCATENATED MODULE: ./src/core/drift/config-file.ts
/**
 * The check-drift config (YAML): per-column method and threshold overrides, columns to skip, and the
 * dataset's drift share. Every mistake is one `file:line:` message.
 *
 * ```yaml
 * drift_share: 0.3
 * columns:
 *   age:         { method: ks, threshold: 0.01 }
 *   country:     { method: psi, threshold: 0.2 }
 *   customer_id: { skip: true }
 * ```
 */



const TOP_KEYS = ['columns', 'drift_share', 'version', '$schema'];
const COLUMN_KEYS = ['method', 'threshold', 'skip'];
function readColumn(reader, entry) {
    const subject = `column "${entry.name}"`;
    const override = { column: entry.name, line: entry.line };
    const { value } = entry;
    if (value.kind !== 'map') {
        throw reader.fail(value.line, `${subject} is ${describe(value)}, but it must be a mapping`, `write e.g. ${entry.name}: { method: ks, threshold: 0.01 } or ${entry.name}: { skip: true }`);
    }
    const keys = reader.knownEntries(value.node, value.line, COLUMN_KEYS, subject, (key) => `${subject} has an unknown key "${key}"`);
    const method = keys.get('method');
    if (method !== undefined) {
        const given = method.value;
        if (given.kind !== 'string' || !DRIFT_METHODS.includes(given.value)) {
            const near = given.kind === 'string' ? closest(given.value, DRIFT_METHODS) : undefined;
            throw reader.fail(method.line, `${subject} has method ${given.text === '' ? 'without a value' : given.text}, which is not a drift method`, `use one of ${DRIFT_METHODS.join(', ')}${didYouMean(near)}`);
        }
        override.method = given.value;
    }
    const threshold = keys.get('threshold');
    if (threshold !== undefined) {
        const given = threshold.value;
        const score = override.method === undefined ? undefined : METHOD_INFO[override.method].score;
        const valid = given.kind === 'number' && given.value > 0 && (score !== 'p_value' || given.value < 1);
        if (!valid) {
            const range = score === 'p_value' ? 'a p-value threshold between 0 and 1 (both excluded)' : 'a positive threshold';
            throw reader.fail(threshold.line, `${subject} has threshold ${given.text === '' ? 'without a value' : given.text}, which is not ${range}`, 'write e.g. threshold: 0.05 for a test, 0.1 for a distance');
        }
        override.threshold = given.value;
    }
    const skip = keys.get('skip');
    if (skip !== undefined) {
        if (skip.value.kind !== 'boolean')
            throw reader.fail(skip.line, `${subject} has skip ${skip.value.text}, which is not true or false`, 'write skip: true to leave the column out');
        override.skip = skip.value.value;
        if (override.skip && (override.method !== undefined || override.threshold !== undefined)) {
            throw reader.fail(skip.line, `${subject} is skipped but also has a method or threshold`, 'remove one or the other');
        }
    }
    return override;
}
function parseDriftConfig(text, file) {
    const reader = new YamlReader(text, file, 'age');
    const { keys, main } = reader.topLevel({
        noun: 'drift config',
        keys: TOP_KEYS,
        main: 'columns',
        item: 'column',
        emptyFix: 'list per-column overrides under a top-level "columns:" mapping, e.g. columns: { age: { method: ks } }',
        missingFix: 'add a top-level "columns:" mapping, e.g. columns: { age: { method: ks, threshold: 0.01 } }',
        mainFix: 'write each column on its own line as "name: { method: ks }"',
    });
    const config = { file, columns: reader.entries(main.node, main.line, '"columns"').map((entry) => readColumn(reader, entry)) };
    const share = keys.get('drift_share');
    if (share !== undefined) {
        const given = share.value;
        if (given.kind !== 'number' || !(given.value > 0 && given.value <= 1)) {
            throw reader.fail(share.line, `drift_share is ${given.kind === 'null' ? 'without a value' : describe(given)}, which is not a share between 0 and 1`, 'write the share of drifted columns that means dataset drift, e.g. drift_share: 0.5');
        }
        config.driftShare = given.value;
    }
    return config;
}
function loadDriftConfig(path, cwd) {
    return loadYamlFile(path, cwd, 'config', parseDriftConfig);
}

// EXTERNAL MODULE: ./src/core/profile/column-profile.ts + 1 modules
var column_profile = __webpack_require__(7345);
;// CONCATENATED MODULE: ./src/core/stats/gamma.ts
/**
 * The gamma function family behind the chi-square test, as scipy.special computes it (checked against
 * scipy 1.10.1 in test/fixtures/reference/drift):
 *
 * - lnGamma(x)                 ln Γ(x) for x > 0, as scipy.special.gammaln;
 * - regularizedGammaP(a, x)    P(a, x) = γ(a, x) / Γ(a), as scipy.special.gammainc;
 * - regularizedGammaQ(a, x)    Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), as scipy.special.gammaincc;
 * - chi2Survival(x, dof)       Q(dof/2, x/2), the chi-square upper tail, as scipy.stats.chi2.sf.
 *
 * P and Q follow Numerical Recipes (3rd ed., §6.2, gammp/gammq): the power series of γ for x < a + 1
 * and the Legendre continued fraction of Γ(a, x), evaluated by the modified Lentz method, otherwise.
 * The smaller of P and Q is always the one summed directly, so each keeps its relative accuracy down to
 * the underflow threshold (a chi-square p-value of 1e-300 is as exact as one of 0.3); the other is 1
 * minus it. Both share the factor xᵃ e⁻ˣ / Γ(a), computed as
 *
 *     exp(a · log1pmx((x − a) / a) + ½ ln(a / 2π) − stirlerr(a)),   log1pmx(t) = ln(1 + t) − t,
 *
 * with stirlerr(a) = ln Γ(a) − (a − ½) ln a + a − ½ ln 2π (the error of Stirling's formula, DLMF
 * 5.11.1). Written this way the large terms a ln x, x and ln Γ(a) never cancel in floating point, so
 * the factor stays accurate when a and x are large and close (many degrees of freedom). ln Γ itself is
 * Stirling's series for x ≥ 10 and the recurrence ln Γ(x) = ln Γ(x + k) − ln(x (x + 1) ⋯ (x + k − 1))
 * below.
 *
 * Accuracy (test/unit/stats-gamma.test.ts, a from 0.5 to 5,000, x from 1e-3 to 1e4, values down to
 * 1e-300): relative error within 1e-13 + 4ε·(|x − a| + |ln v|) of the exact value v, the rounding of
 * the exponent of xᵃe⁻ˣ/Γ(a) (|x − a|·ε is also the problem's own condition); measured at most 2.3e-14
 * for values ≥ 1e-50 and 1.4e-13 below. scipy 1.10.1 is itself off by up to 2.2e-12 far in the tail
 * with thousands of degrees of freedom.
 * Complexity: lnGamma O(1); P and Q O(1 + √a) iterations (both expansions need about √a terms when x
 * is near a), at most MAX_ITERATIONS (enough for a up to about 1e8; beyond, they throw).
 *
 * Out-of-domain input follows Math and scipy: NaN for a NaN argument, for a ≤ 0, for x < 0 in P and Q
 * and for dof ≤ 0 in chi2Survival; lnGamma(x) is NaN for x < 0 and +∞ at 0. The ends are exact:
 * P(a, 0) = 0, Q(a, 0) = 1, P(a, ∞) = 1, Q(a, ∞) = 0, and chi2Survival is 1 for x ≤ 0 (as
 * scipy.stats.chi2.sf).
 */
const HALF_LN_TWO_PI = 0.9189385332046728; // ½ ln(2π)
/** Below this, Stirling's series is not used directly: ln Γ and stirlerr go through the recurrence. */
const STIRLING_FROM = 10;
/** Relative size of the last term (series) or step (continued fraction) at convergence. */
const EPS = Number.EPSILON;
/** Stand-in for 0 in Lentz's method, so that no denominator is exactly 0. */
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;
/**
 * stirlerr(a) = ln Γ(a) − (a − ½) ln a + a − ½ ln 2π for a ≥ STIRLING_FROM: the asymptotic series
 * Σ B₂ₖ / (2k (2k − 1) a²ᵏ⁻¹) (DLMF 5.11.1) through the a⁻¹³ term; the first omitted term is below
 * 4e-17 at a = 10.
 */
function stirlingSeries(a) {
    const inverse = 1 / a;
    const square = inverse * inverse;
    return (inverse *
        (1 / 12 +
            square *
                (-1 / 360 +
                    square * (1 / 1260 + square * (-1 / 1680 + square * (1 / 1188 + square * (-691 / 360360 + square * (1 / 156))))))));
}
/** The error of Stirling's formula, ln Γ(a) − (a − ½) ln a + a − ½ ln 2π, for a > 0. */
function stirlingError(a) {
    if (a >= STIRLING_FROM)
        return stirlingSeries(a);
    return lnGamma(a) - (a - 0.5) * Math.log(a) + a - HALF_LN_TWO_PI;
}
/**
 * ln Γ(x) for x > 0, as scipy.special.gammaln (within about 2e-15 absolute for x < 10, 1e-15 relative
 * above); +∞ at 0, NaN for x < 0 or NaN. O(1).
 */
function lnGamma(x) {
    if (Number.isNaN(x) || x < 0)
        return Number.NaN;
    if (x === 0)
        return Number.POSITIVE_INFINITY;
    if (x === Number.POSITIVE_INFINITY)
        return x;
    if (x >= STIRLING_FROM)
        return (x - 0.5) * Math.log(x) - x + HALF_LN_TWO_PI + stirlingSeries(x);
    // ln Γ(x) = ln Γ(x + k) − ln(x (x + 1) ⋯ (x + k − 1)) with x + k ≥ 10; the product has at most 10
    // factors and cannot overflow or underflow to 0 for any positive double x.
    let shifted = x;
    let product = 1;
    while (shifted < STIRLING_FROM) {
        product *= shifted;
        shifted += 1;
    }
    return (shifted - 0.5) * Math.log(shifted) - shifted + HALF_LN_TWO_PI + stirlingSeries(shifted) - Math.log(product);
}
/** ln(1 + t) − t for t > −1, accurate to a few ulps also for small |t| (where both terms cancel). */
function log1pmx(t) {
    if (Math.abs(t) > 0.5)
        return Math.log1p(t) - t;
    // ln(1 + t) = 2 atanh(u) = 2 (u + u³/3 + u⁵/5 + …) with u = t / (2 + t), |u| ≤ ⅓; and t − 2u = u·t.
    const u = t / (2 + t);
    const u2 = u * u;
    let power = u * u2;
    let sum = 0;
    for (let k = 3;; k += 2) {
        const term = power / k;
        sum += term;
        if (Math.abs(term) <= Math.abs(sum) * EPS * 0.5)
            break;
        power *= u2;
    }
    return 2 * sum - u * t;
}
/**
 * xᵃ e⁻ˣ / Γ(a) for a > 0, x > 0, without cancellation between a ln x, x and ln Γ(a). Near x = a the
 * exponent a (ln(x/a) − (x − a)/a) goes through log1pmx; away from it, where ln(x/a) is far from 0 and
 * 1 + t would lose x (x ≪ a), through ln(x/a) itself (ln x − ln a where x/a would underflow).
 */
function gammaPrefactor(a, x) {
    const difference = x - a;
    const ratio = x / a;
    const lnRatio = ratio >= 1e-300 ? Math.log(ratio) : Math.log(x) - Math.log(a);
    const exponent = Math.abs(difference) <= 0.5 * a ? a * log1pmx(difference / a) : a * lnRatio - difference;
    return Math.exp(exponent + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingError(a));
}
/** P(a, x) by its power series, for 0 < x < a + 1 (NR gser): xᵃ e⁻ˣ / Γ(a) · Σₙ xⁿ / (a (a + 1) ⋯ (a + n)). */
function lowerSeries(a, x) {
    let denominator = a;
    let term = 1 / a;
    let sum = term;
    for (let n = 0; n < MAX_ITERATIONS; n += 1) {
        denominator += 1;
        term *= x / denominator;
        sum += term;
        if (term < sum * EPS)
            return sum * gammaPrefactor(a, x);
    }
    throw new Error(`The series of P(${a}, ${x}) did not converge in ${MAX_ITERATIONS} terms.`);
}
/**
 * Q(a, x) by the continued fraction Γ(a, x) = e⁻ˣ xᵃ / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) /
 * (x + 5 − a − ⋯))), for x ≥ a + 1, evaluated by the modified Lentz method (NR gcf).
 */
function upperContinuedFraction(a, x) {
    let b = x + 1 - a;
    let c = 1 / TINY;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < MAX_ITERATIONS; i += 1) {
        const an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = b + an / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const step = d * c;
        h *= step;
        if (Math.abs(step - 1) <= EPS)
            return h * gammaPrefactor(a, x);
    }
    throw new Error(`The continued fraction of Q(${a}, ${x}) did not converge in ${MAX_ITERATIONS} steps.`);
}
/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), as
 * scipy.special.gammainc, for a > 0 and x ≥ 0 (NaN outside). O(1 + √a).
 */
function regularizedGammaP(a, x) {
    if (!(a > 0) || !(x >= 0))
        return Number.NaN;
    if (x === 0)
        return 0;
    if (x === Number.POSITIVE_INFINITY)
        return 1;
    if (a === Number.POSITIVE_INFINITY)
        return 0;
    return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
}
/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), as
 * scipy.special.gammaincc, for a > 0 and x ≥ 0 (NaN outside). O(1 + √a).
 */
function regularizedGammaQ(a, x) {
    if (!(a > 0) || !(x >= 0))
        return Number.NaN;
    if (x === 0)
        return 1;
    if (x === Number.POSITIVE_INFINITY)
        return 0;
    if (a === Number.POSITIVE_INFINITY)
        return 1;
    return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
}
/**
 * The survival function of the chi-square distribution with `dof` degrees of freedom, P(χ² > x) =
 * Q(dof / 2, x / 2), as scipy.stats.chi2.sf: 1 for x ≤ 0, 0 at x = ∞, NaN when dof ≤ 0 or an argument
 * is NaN. Relative accuracy is kept for tiny p-values (1e-50, 1e-300). O(1 + √dof).
 */
function chi2Survival(x, dof) {
    if (Number.isNaN(x) || !(dof > 0))
        return Number.NaN;
    if (x <= 0)
        return 1;
    return regularizedGammaQ(dof / 2, x / 2);
}

;// CONCATENATED MODULE: ./src/core/drift/categorical.ts
/**
 * Shared groundwork of the categorical drift statistics (chi-square, Jensen–Shannon, PSI): two
 * category-count maps laid side by side over the union of their categories, and the share of current
 * rows in categories the reference never saw.
 *
 * Alignment keeps the categories with a positive count in at least one of the two samples, in
 * ascending UTF-16 code-unit order of their names (JavaScript's default string order), so the result
 * does not depend on the order in which the maps were filled (a profile merged from shards in any
 * order aligns the same way). A category counted 0 in both samples carries no information: it is
 * dropped (it contributes nothing to PSI or Jensen–Shannon, and a zero column would leave the
 * chi-square test an expected frequency of 0).
 *
 * Counts must be finite and non-negative (they need not be integers); anything else is refused with an
 * InputError naming the category. Complexity: O(K log K) for K categories.
 */

function checkCount(sample, category, count) {
    if (!(Number.isFinite(count) && count >= 0)) {
        throw new errors/* InputError */.dz(`The ${sample} count of category ${JSON.stringify(category)} is ${count}; expected a finite number of rows, 0 or more.`);
    }
}
/**
 * Lays out `referenceCounts` and `currentCounts` over the union of their categories (see the module
 * comment for the order and the categories dropped). O(K log K).
 */
function alignCounts(referenceCounts, currentCounts) {
    const names = new Set();
    for (const [category, count] of referenceCounts) {
        checkCount('reference', category, count);
        if (count > 0)
            names.add(category);
    }
    for (const [category, count] of currentCounts) {
        checkCount('current', category, count);
        if (count > 0)
            names.add(category);
    }
    const categories = [...names].sort();
    const reference = new Float64Array(categories.length);
    const current = new Float64Array(categories.length);
    let referenceTotal = 0;
    let currentTotal = 0;
    categories.forEach((category, i) => {
        const r = referenceCounts.get(category) ?? 0;
        const c = currentCounts.get(category) ?? 0;
        reference[i] = r;
        current[i] = c;
        referenceTotal += r;
        currentTotal += c;
    });
    return { categories, reference, current, referenceTotal, currentTotal };
}
/**
 * The share of current rows whose category never occurs in the reference (absent, or counted 0):
 * Σ current[k] over those categories / Σ current. NaN when the current sample has no rows; 0 when
 * every current category was seen. O(K).
 */
function unseenShare(referenceCounts, currentCounts) {
    let unseen = 0;
    let total = 0;
    for (const [category, count] of referenceCounts)
        checkCount('reference', category, count);
    for (const [category, count] of currentCounts) {
        checkCount('current', category, count);
        total += count;
        if (!((referenceCounts.get(category) ?? 0) > 0))
            unseen += count;
    }
    return total > 0 ? unseen / total : Number.NaN;
}

;// CONCATENATED MODULE: ./src/core/drift/chi-square.ts
/**
 * Pearson's chi-square test that a categorical column has the same distribution in the reference and
 * the current sample: the test of homogeneity on the 2 × K contingency table of counts (rows: the two
 * samples; columns: the K categories present in either), as
 * scipy.stats.chi2_contingency(table, correction=False):
 *
 *     E[s][k] = rowTotal[s] · columnTotal[k] / N,   χ² = Σ (O − E)² / E,   dof = K − 1,
 *     p = P(χ²_dof > χ²) = chi2Survival(χ², dof).
 *
 * Evidently's chisquare stattest (its default for categorical columns with ≤ 1,000 reference rows,
 * drift when p < 0.05) is instead a goodness-of-fit test, scipy.stats.chisquare(current counts,
 * expected = reference counts × n_current / n_reference): it takes the reference proportions as
 * exact. Two consequences make it unsound for drift: a category that occurs in the current sample but
 * never in the reference has expected count 0, so a single such row makes χ² infinite and p = 0
 * (drift, whatever the other million rows say); and ignoring the reference's own sampling noise makes
 * the test over-confident when the reference is not much larger than the current sample. The test of
 * homogeneity treats both samples as samples: every category present in either sample has a positive
 * column total, hence a positive expected count in both rows, and the p-value is calibrated for any
 * ratio of sample sizes. When the reference is much larger than the current sample the two statistics
 * converge (E for the current row tends to Evidently's expected counts), so the 0.05 threshold means
 * the same. Categories counted 0 in both samples are dropped (they would leave a column of zeros).
 *
 * Degenerate input: NaN statistic and p-value (dof = K − 1, or 0 for no categories) when either sample
 * has no rows (scipy raises: a zero row gives zero expected counts). One category overall: statistic 0,
 * p-value 1, dof 0 (as scipy, which returns exactly that for dof = 0): the samples cannot differ. A
 * negative or non-finite count is refused with an InputError (categorical.ts).
 *
 * Checked against scipy 1.10.1 in test/fixtures/reference/drift. Complexity: O(K log K) to align the
 * categories, O(K) for the statistic, O(1 + √K) for the p-value.
 */


/**
 * The chi-square test of homogeneity of two samples' category counts, as
 * scipy.stats.chi2_contingency([current, reference], correction=False) over the union of their
 * categories (see the module comment for why not Evidently's goodness-of-fit form). O(K log K).
 */
function chiSquareTest(referenceCounts, currentCounts) {
    const { reference, current, referenceTotal, currentTotal } = alignCounts(referenceCounts, currentCounts);
    const categories = reference.length;
    const dof = Math.max(categories - 1, 0);
    if (referenceTotal === 0 || currentTotal === 0)
        return { statistic: Number.NaN, pValue: Number.NaN, dof };
    if (dof === 0)
        return { statistic: 0, pValue: 1, dof };
    const total = referenceTotal + currentTotal;
    let statistic = 0;
    for (let k = 0; k < categories; k += 1) {
        const r = reference[k];
        const c = current[k];
        const column = r + c;
        const expectedReference = (referenceTotal * column) / total;
        const expectedCurrent = (currentTotal * column) / total;
        const dr = r - expectedReference;
        const dc = c - expectedCurrent;
        statistic += (dr * dr) / expectedReference + (dc * dc) / expectedCurrent;
    }
    return { statistic, pValue: chi2Survival(statistic, dof), dof };
}

;// CONCATENATED MODULE: ./src/core/drift/jensen-shannon.ts
/**
 * The Jensen–Shannon distance between two discrete distributions, Evidently's default drift score
 * for categorical columns with more than 1,000 reference rows (drift when ≥ 0.1), as
 * scipy.spatial.distance.jensenshannon:
 *
 *     p ← p / Σp,  q ← q / Σq,  m = (p + q) / 2,
 *     JS(p, q) = √((KL(p ‖ m) + KL(q ‖ m)) / 2),   KL(p ‖ m) = Σ pᵢ ln(pᵢ / mᵢ)   (0 · ln 0 = 0),
 *
 * divided by ln(base) inside the root when a base is given. The default is the natural logarithm,
 * scipy's default: Evidently calls jensenshannon without a base, so its 0.1 threshold is a distance in
 * nats and means the same here. The distance then lies in [0, √(ln 2)] ≈ [0, 0.8326] (0 for equal
 * distributions, √(ln 2) for disjoint supports); with base 2 it lies in [0, 1]. It is a metric, needs
 * no treatment of empty bins (mᵢ > 0 wherever pᵢ or qᵢ is), and is symmetric.
 *
 * jensenShannonCategorical aligns two category-count maps over the union of their categories
 * (categorical.ts), as Evidently does for categorical columns (its get_binned_data with no filling of
 * zeros): a category seen on one side only counts with share 0 on the other.
 *
 * Degenerate input: NaN when either vector sums to 0 or is empty (scipy returns nan after dividing by
 * a zero sum); rounding that would make the sum under the root slightly negative (distributions equal
 * up to the last bit) gives 0, where scipy would return nan. A negative or non-finite weight, vectors of
 * different lengths or a base that is not a finite number > 0 other than 1 are refused with an
 * InputError.
 *
 * Checked against scipy 1.10.1 in test/fixtures/reference/drift. Complexity: O(K), and O(K log K) for
 * the categorical alignment.
 */


/** x ln(x / y) with 0 · ln(0 / y) = 0, as scipy.special.rel_entr for x ≥ 0, y > 0 where x > 0. */
function relativeEntropyTerm(x, y) {
    return x > 0 ? x * Math.log(x / y) : 0;
}
function weightSum(weights, name) {
    let sum = 0;
    for (let i = 0; i < weights.length; i += 1) {
        const weight = weights[i];
        if (!(Number.isFinite(weight) && weight >= 0)) {
            throw new errors/* InputError */.dz(`Jensen–Shannon ${name} weight ${i} is ${weight}; expected a finite number, 0 or more.`);
        }
        sum += weight;
    }
    return sum;
}
/**
 * The Jensen–Shannon distance between the distributions proportional to `p` and `q` (each normalised by
 * its sum), as scipy.spatial.distance.jensenshannon(p, q, base); natural logarithm by default. NaN
 * when either sums to 0; InputError for different lengths, a negative or non-finite weight, or an
 * invalid base. O(K).
 */
function jensenShannonDistance(p, q, base) {
    if (p.length !== q.length) {
        throw new errors/* InputError */.dz(`Jensen–Shannon needs two distributions over the same categories: got ${p.length} and ${q.length} weights.`);
    }
    if (base !== undefined && !(Number.isFinite(base) && base > 0 && base !== 1)) {
        throw new errors/* InputError */.dz(`The logarithm base of the Jensen–Shannon distance is ${base}; expected a finite number > 0 other than 1.`);
    }
    const pSum = weightSum(p, 'first');
    const qSum = weightSum(q, 'second');
    if (pSum === 0 || qSum === 0)
        return Number.NaN;
    let left = 0;
    let right = 0;
    for (let i = 0; i < p.length; i += 1) {
        const pi = p[i] / pSum;
        const qi = q[i] / qSum;
        const mi = (pi + qi) / 2;
        left += relativeEntropyTerm(pi, mi);
        right += relativeEntropyTerm(qi, mi);
    }
    let divergence = left + right;
    if (base !== undefined)
        divergence /= Math.log(base);
    return divergence > 0 ? Math.sqrt(divergence / 2) : 0;
}
/**
 * The Jensen–Shannon distance (natural logarithm) between the category shares of two samples, over
 * the union of their categories. NaN when either sample has no rows; InputError for a negative or
 * non-finite count. O(K log K).
 */
function jensenShannonCategorical(referenceCounts, currentCounts) {
    const { reference, current } = alignCounts(referenceCounts, currentCounts);
    return jensenShannonDistance(reference, current);
}

;// CONCATENATED MODULE: ./src/core/stats/kolmogorov.ts
/**
 * The distributions of the Kolmogorov–Smirnov statistics, as scipy 1.10.1 computes them (checked in
 * test/fixtures/reference/drift/kolmogorov-normal.json and ks.json):
 *
 * - kolmogorovSurvival(x)          scipy.special.kolmogorov: the limit P(√n·Dₙ ≥ x) as n → ∞,
 *                                  K̄(x) = 2 Σₖ₌₁^∞ (−1)^(k−1) e^(−2k²x²), for x ≤ 0.82 through Jacobi's
 *                                  transform 1 − (√(2π)/x) Σₖ₌₁^∞ e^(−(2k−1)²π²/(8x²));
 * - smirnovSurvival(n, d)          scipy.special.smirnov: the exact one-sided P(Dₙ⁺ ≥ d), by the
 *                                  Smirnov / Birnbaum–Tingey sum
 *                                  d · Σⱼ₌₀^⌊n(1−d)⌋ C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1);
 * - ksOneSampleSurvival(n, d)      scipy.stats.kstwo.sf(d, n): the exact two-sided one-sample P(Dₙ ≥ d),
 *                                  by the selection of methods of Simard & L'Ecuyer, "Computing the
 *                                  two-sided Kolmogorov–Smirnov distribution", J. Stat. Softw. 39(11),
 *                                  2011 — the Ruben–Gambino closed forms near the ends, 2·smirnov where
 *                                  the two one-sided events cannot both happen (d ≥ ½) or their
 *                                  intersection is negligible, Durbin's matrix (Marsaglia, Tsang & Wang,
 *                                  J. Stat. Softw. 8(18), 2003) for small n·d², and the Pelz–Good
 *                                  asymptotic series (J. R. Stat. Soc. B 38, 1976) for large n;
 * - ksTwoSampleExactSurvival(n₁, n₂, h)
 *                                  the exact null P(D_{n₁,n₂} ≥ h / lcm(n₁, n₂)) of the two-sample
 *                                  statistic, as scipy.stats.ks_2samp(method='exact') — for n₁ = n₂ the
 *                                  reflection formula 2 Σₖ₌₁ (−1)^(k−1) C(2n, n − kh) / C(2n, n)
 *                                  (Gnedenko–Korolyuk), evaluated in nested (Horner) form; otherwise the
 *                                  lattice-path recursion of Hodges ("The significance probability of
 *                                  the Smirnov two-sample test", Ark. Mat. 3, 1958) in the form of
 *                                  Viehmann (arXiv:2102.08037) that carries the probability of having
 *                                  left the band |x/n₁ − y/n₂| < h/lcm directly, so that every step is
 *                                  a convex combination and nothing cancels.
 *
 * Differences from scipy, all below the tolerances of test/unit/stats-special.test.ts: for n ≤ 140
 * and 0.754693 < n·d² ≤ 4 kstwo uses Pomeranz's recursion where ksOneSampleSurvival uses Durbin's
 * matrix (both exact for 1 − P(Dₙ < d) with P near 1; they differ by up to 6e-15 absolute, 1.2e-11
 * relative, and ours is the closer to a 60-digit evaluation); the Smirnov sum forms every 64th term
 * from double-double bases and binomials and the terms between by their ratio (scipy forms every term
 * in double-double; the results differ by at most 6e-15 relative, and ours is about 8 times faster).
 * Measured against scipy otherwise: kstwo within 2e-14 relative, the exact two-sample survival bit
 * for bit; kolmogorov within 2e-16 of the exact value (scipy's own is off by 1e-14 just above its
 * series cutover 0.82).
 *
 * Degenerate input, one policy: a NaN statistic gives NaN; a statistic at or below the support gives
 * 1 and one at or above it gives 0 (scipy.special.smirnov gives NaN outside [0, 1]); a sample size that
 * is not a positive integer throws a RangeError.
 *
 * Complexity: kolmogorovSurvival O(1) (at most six terms); smirnovSurvival O(n) terms at worst,
 * each O(1) (terms beyond double precision are skipped), O(1) for n > 10⁶ where scipy's approximation
 * e^(−(6nd+1)²/(18n)) takes over; ksOneSampleSurvival O(1) for the closed forms and Pelz–Good, O(n) for
 * the Smirnov sum, O(k³ log n) with k = ⌈nd⌉ for Durbin's matrix (k ≤ 24 for n ≤ 140 and
 * k ≤ 1.3·n^⅓ otherwise); ksTwoSampleExactSurvival O(n) for equal sizes and
 * O(max(n₁, n₂) · min(n₁, n₂, 2h·g/max(n₁, n₂) + 1)) otherwise (g = gcd), O(n₁·n₂) at worst.
 */
/** Dekker's splitting constant, 2²⁷ + 1. */
const SPLITTER = 134217729;
function twoSum(a, b) {
    const sum = a + b;
    const b1 = sum - a;
    return [sum, a - (sum - b1) + (b - b1)];
}
/** hi + lo renormalised, for |a| ≥ |b|. */
function quickTwoSum(a, b) {
    const sum = a + b;
    return [sum, b - (sum - a)];
}
/** a·b exactly, as hi + lo (Dekker's product, |a|, |b| < 2⁹⁹⁶). */
function twoProduct(a, b) {
    const product = a * b;
    let t = SPLITTER * a;
    const aHigh = t - (t - a);
    const aLow = a - aHigh;
    t = SPLITTER * b;
    const bHigh = t - (t - b);
    const bLow = b - bHigh;
    return [product, aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow];
}
function multiply(x, y) {
    const [product, error] = twoProduct(x[0], y[0]);
    return quickTwoSum(product, error + (x[0] * y[1] + x[1] * y[0]));
}
/** a / b to double-double precision. */
function divide(a, b) {
    const quotient = a[0] / b;
    const [product, error] = twoProduct(quotient, b);
    return quickTwoSum(quotient, (a[0] - product - error + a[1]) / b);
}
/** integer − (hi + lo), to double-double precision. */
function subtractFrom(integer, x) {
    const [sum, error] = twoSum(integer, -x[0]);
    return quickTwoSum(sum, error - x[1]);
}
function addTo(integer, x) {
    const [sum, error] = twoSum(integer, x[0]);
    return quickTwoSum(sum, error + x[1]);
}
// ------------------------------------------------------------------------------------------------
// Scaled doubles: mantissa · 2^exponent, for products that leave the double range in between.
/** x · 2^e, without overflowing the power of two. */
function scaleByPowerOfTwo(x, e) {
    let value = x;
    let rest = e;
    while (rest > 1000) {
        value *= 2 ** 1000;
        rest -= 1000;
    }
    while (rest < -1000) {
        value *= 2 ** -1000;
        rest += 1000;
    }
    return value * 2 ** rest;
}
/** [m, e] with x = m · 2^e and ½ ≤ |m| < 1; [x, 0] for 0 and non-finite x. */
function splitExponent(x) {
    if (x === 0 || !Number.isFinite(x))
        return [x, 0];
    let exponent = Math.floor(Math.log2(Math.abs(x))) + 1;
    let mantissa = scaleByPowerOfTwo(x, -exponent);
    while (Math.abs(mantissa) >= 1) {
        mantissa /= 2;
        exponent += 1;
    }
    while (Math.abs(mantissa) < 0.5) {
        mantissa *= 2;
        exponent -= 1;
    }
    return [mantissa, exponent];
}
/** Below this binary exponent a power is taken in pieces. */
const POWER_FLOOR = -1000;
/**
 * base^power for ½ ≤ base < 1 and an integer power ≥ 0, as [m, e] (½ ≤ m < 1), without underflow:
 * in pieces of at most 2^−1000 each. Relative error about (1 + power/1000) ulp.
 */
function scaledPower(base, power) {
    if (power === 0)
        return [0.5, 1];
    const log2Base = Math.log2(base);
    if (power * log2Base > POWER_FLOOR)
        return splitExponent(base ** power);
    const piece = Math.floor(POWER_FLOOR / log2Base);
    const pieces = Math.floor(power / piece);
    const [pieceMantissa, pieceExponent] = splitExponent(base ** piece);
    const [repeated, repeatedExponent] = scaledPower(pieceMantissa, pieces);
    const [rest, restExponent] = splitExponent(base ** (power - pieces * piece));
    const [mantissa, exponent] = splitExponent(repeated * rest);
    return [mantissa, exponent + repeatedExponent + pieceExponent * pieces + restExponent];
}
/** (hi + lo)^power for hi > 0 and an integer power ≥ 0, as [m, e]: the power of hi corrected by (1 + lo/hi)^power. */
function scaledPowerOf(x, power) {
    const [baseMantissa, baseExponent] = splitExponent(x[0]);
    const [mantissa, exponent] = scaledPower(baseMantissa, power);
    const correction = Math.exp(power * Math.log1p(x[1] / x[0]));
    return [mantissa * correction, exponent + baseExponent * power];
}
function clipProbability(p) {
    return p < 0 ? 0 : p > 1 ? 1 : p;
}
function checkSampleSize(n, name) {
    if (!Number.isSafeInteger(n) || n < 1)
        throw new RangeError(`${name} must be a positive integer sample size, got ${n}`);
}
// ------------------------------------------------------------------------------------------------
// Kolmogorov's limiting distribution.
/** Below this, K̄(x) = 1 in double precision (the first term of the small-x series is e^(−746)). */
const KOLMOGOROV_SMALLEST = Math.PI / Math.sqrt(8 * 746);
/** Where the two series for K̄ switch (scipy's KOLMOG_CUTOVER). */
const KOLMOGOROV_CUTOVER = 0.82;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
/**
 * K̄(x) = P(√n·Dₙ ≥ x) in the limit n → ∞, as scipy.special.kolmogorov. O(1): three terms of the
 * small-x series, at most six of the large-x one, reach double precision.
 */
function kolmogorovSurvival(x) {
    if (Number.isNaN(x))
        return NaN;
    if (x <= KOLMOGOROV_SMALLEST)
        return 1;
    if (x <= KOLMOGOROV_CUTOVER) {
        // 1 − (√(2π)/x) Σ e^(−(2k−1)²π²/(8x²)), each term formed as one exponential so none underflows early.
        const logScale = Math.log(SQRT_2PI / x);
        const rate = (Math.PI * Math.PI) / (8 * x * x);
        let cdf = 0;
        for (let odd = 1;; odd += 2) {
            const term = Math.exp(logScale - rate * odd * odd);
            cdf += term;
            if (term <= Number.EPSILON * cdf * 0.25)
                break;
        }
        return clipProbability(1 - cdf);
    }
    // 2 Σ (−1)^(k−1) e^(−2k²x²), summed from the smallest term up.
    const rate = -2 * x * x;
    let last = 1;
    while (Math.exp(rate * last * last) > Number.EPSILON * 1e-3 * Math.exp(rate))
        last += 1;
    let sum = 0;
    for (let k = last; k >= 1; k -= 1)
        sum += (k % 2 === 1 ? 1 : -1) * Math.exp(rate * k * k);
    return clipProbability(2 * sum);
}
// ------------------------------------------------------------------------------------------------
// Smirnov's one-sided distribution.
/** cephes' MINLOG with subnormals, ln(2^−1075): below e^MINLOG scipy's smirnov returns 0. */
const MIN_LOG = -745.1332191019412;
/** The Smirnov sum is accumulated times 2^SUM_SHIFT (each term is at most 1). */
const SUM_SHIFT = 600;
/** Above this n scipy's smirnov uses the approximation e^(−(6nd+1)²/(18n)). */
const SMIRNOV_MAX_EXACT_N = 1_000_000;
/**
 * P(Dₙ⁺ ≥ d), Smirnov's exact one-sided survival function, as scipy.special.smirnov(n, d): the
 * closed forms 1 − d(1 + d)^(n−1) for d ≤ 1/n and (1 − d)^n for d ≥ 1 − 1/n, 0 where
 * −2nd² < ln(2^−1075), scipy's approximation above n = 10⁶, and elsewhere the Smirnov sum over
 * j = 0, …, ⌈n(1 − d)⌉ − 1, whose positive terms are formed from double-double bases and binomial
 * coefficients and summed until the rest cannot reach the last bit (scipy's stopping rule). O(n).
 */
function smirnovSurvival(n, d) {
    checkSampleSize(n, 'n');
    if (Number.isNaN(d))
        return NaN;
    if (d <= 0)
        return 1;
    if (d >= 1)
        return 0;
    if (n === 1)
        return 1 - d;
    // n·d = nd[0] + nd[1] exactly; its integer part and fraction.
    const nd = twoProduct(n, d);
    let whole = Math.floor(nd[0]);
    let fraction = nd[0] - whole + nd[1];
    if (fraction < 0) {
        whole -= 1;
        fraction += 1;
    }
    else if (fraction >= 1) {
        whole += 1;
        fraction -= 1;
    }
    if (whole === 0 || (whole === 1 && fraction === 0)) {
        const [mantissa, exponent] = scaledPowerOf(addTo(1, [d, 0]), n - 1);
        return clipProbability(1 - d * scaleByPowerOfTwo(mantissa, exponent));
    }
    if (-2 * n * d * d < MIN_LOG)
        return 0;
    if (whole >= n - 1) {
        const [mantissa, exponent] = scaledPowerOf(subtractFrom(1, [d, 0]), n);
        return clipProbability(scaleByPowerOfTwo(mantissa, exponent));
    }
    if (n > SMIRNOV_MAX_EXACT_N) {
        const logP = -((6 * n * d + 1) ** 2) / 18 / n;
        return logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP);
    }
    // The terms T_j = d·C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1), each ≤ 1, summed for j = 0, …, last.
    // T_0 = (1 − d)^n. Every SMIRNOV_RESYNC-th term is formed exactly (double-double bases and binomial,
    // see smirnovTerm); the terms between follow from the ratio T_(j+1)/T_j in doubles, whose few-ulp
    // errors therefore accumulate over at most SMIRNOV_RESYNC steps. A term is mantissa · 2^exponent.
    const last = n - whole - 1;
    const [firstMantissa, firstExponent] = scaledPowerOf(subtractFrom(1, [d, 0]), n);
    let sum = scaleByPowerOfTwo(firstMantissa, firstExponent + SUM_SHIFT);
    let compensation = 0;
    const binomial = { hi: 1, lo: 0, exponent: 0 };
    let mantissa = 0;
    let exponent = 0;
    for (let j = 1; j <= last; j += 1) {
        updateBinomial(binomial, n - j + 1, j);
        if ((j - 1) % SMIRNOV_RESYNC === 0) {
            [mantissa, exponent] = smirnovTerm(n, d, nd, j, binomial);
        }
        else {
            // T_j / T_(j−1) with w = n − (j−1) − nd and s = nd + (j−1):
            // (n−j+1)/j · (s+1)/w · (1 − 1/w)^(n−j) · (1 + 1/s)^(j−2).
            const w = n - (j - 1) - nd[0] - nd[1];
            const s = nd[0] + (j - 1) + nd[1];
            mantissa *= (((n - j + 1) / j) * (s + 1)) / w;
            mantissa *= Math.exp((n - j) * Math.log1p(-1 / w) + (j - 2) * Math.log1p(1 / s));
            if (mantissa < 2 ** -500) {
                mantissa *= 2 ** 500;
                exponent -= 500;
            }
            else if (mantissa > 2 ** 500) {
                mantissa *= 2 ** -500;
                exponent += 500;
            }
        }
        // Summed scaled by 2^SUM_SHIFT, so that subnormal results keep the precision scipy's have. The
        // mantissa lies in [2^−500, 2^500]: below 2^−(1600 + SUM_SHIFT) the term is 0 in doubles.
        const term = exponent < -1600 - SUM_SHIFT ? 0 : scaleByPowerOfTwo(mantissa, exponent + SUM_SHIFT);
        // Neumaier's compensated sum.
        const next = sum + term;
        compensation += sum >= term ? sum - next + term : term - next + sum;
        sum = next;
        // scipy's stopping rule: the rest, if no term were larger than this one, cannot reach the last bit.
        if (term !== 0) {
            if (j !== last && 4 * (last + 1 - j) * term < Number.EPSILON * (sum + compensation))
                break;
        }
        else if (j > n / 2)
            break;
    }
    return clipProbability(scaleByPowerOfTwo(sum + compensation, -SUM_SHIFT));
}
/** Terms of the Smirnov sum formed exactly between stretches of ratios. */
const SMIRNOV_RESYNC = 64;
/** C(n, j) from C(n, j − 1): times numerator/denominator, in double-double, in place. */
function updateBinomial(binomial, numerator, denominator) {
    const ratio = divide([numerator, 0], denominator);
    const [hi, lo] = multiply([binomial.hi, binomial.lo], ratio);
    binomial.hi = hi;
    binomial.lo = lo;
    if (hi > 2 ** 500) {
        binomial.hi *= 2 ** -500;
        binomial.lo *= 2 ** -500;
        binomial.exponent += 500;
    }
    else if (hi < 2 ** -500) {
        binomial.hi *= 2 ** 500;
        binomial.lo *= 2 ** 500;
        binomial.exponent -= 500;
    }
}
/**
 * T_j = d·C(n, j) (1 − d − j/n)^(n−j) (d + j/n)^(j−1) for j ≥ 1 as [mantissa, exponent], the bases as
 * double-doubles from n·d = nd[0] + nd[1] exactly, the powers by scaledPowerOf: a few ulp.
 */
function smirnovTerm(n, d, nd, j, binomial) {
    const below = divide(subtractFrom(n - j, nd), n); // 1 − d − j/n
    const above = divide(addTo(j, nd), n); // d + j/n
    const [belowMantissa, belowExponent] = scaledPowerOf(below, n - j);
    const [aboveMantissa, aboveExponent] = scaledPowerOf(above, j - 1);
    const [mantissa, exponent] = splitExponent((binomial.hi + binomial.lo) * belowMantissa * aboveMantissa * d);
    return [mantissa, exponent + binomial.exponent + belowExponent + aboveExponent];
}
// ------------------------------------------------------------------------------------------------
// The two-sided one-sample distribution (Simard & L'Ecuyer's selection of methods).
/** ln(n!/nⁿ) by Stirling's series, for n > 140 (the omitted terms are below 1e-18). */
function logFactorialOverPower(n) {
    const r = 1 / n;
    const r2 = r * r;
    return 0.5 * Math.log(2 * Math.PI * n) - n + r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}
/**
 * P(Dₙ < d) by Durbin's matrix in the form of Marsaglia, Tsang & Wang: with nd = k − h (k an integer,
 * 0 ≤ h < 1) and m = 2k − 1, n!/nⁿ times the (k, k) entry of Hⁿ, H the m×m matrix of 1/(i − j + 1)!
 * with its first column and last row corrected by h. Hⁿ by repeated squaring, each product rescaled
 * by a power of two (exactly). O(m³ log n).
 */
function durbinCdf(n, d) {
    const nd = n * d;
    const k = Math.ceil(nd);
    const h = k - nd;
    const m = 2 * k - 1;
    const inverseFactorial = new Float64Array(m + 1);
    inverseFactorial[0] = 1;
    for (let i = 1; i <= m; i += 1)
        inverseFactorial[i] = inverseFactorial[i - 1] / i;
    let base = new Float64Array(m * m);
    for (let i = 0; i < m; i += 1) {
        for (let j = 0; j <= Math.min(i + 1, m - 1); j += 1)
            base[i * m + j] = inverseFactorial[i - j + 1];
    }
    for (let i = 0; i < m; i += 1) {
        const corrected = (1 - h ** (i + 1)) * inverseFactorial[i + 1];
        base[i * m] = corrected; // first column: (1 − h^(i+1)) / (i+1)!
        base[(m - 1) * m + (m - 1 - i)] = corrected; // last row, read from the right
    }
    base[(m - 1) * m] = (1 - 2 * h ** m + Math.max(0, 2 * h - 1) ** m) * inverseFactorial[m];
    let result;
    let resultExponent = 0;
    let baseExponent = 0;
    let scratch = new Float64Array(m * m);
    for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
        if (remaining % 2 === 1) {
            if (result === undefined) {
                result = base.slice();
            }
            else {
                matrixProduct(result, base, scratch, m);
                [result, scratch] = [scratch, result];
            }
            resultExponent += baseExponent + normalise(result);
        }
        if (remaining > 1) {
            matrixProduct(base, base, scratch, m);
            [base, scratch] = [scratch, base];
            baseExponent = 2 * baseExponent + normalise(base);
        }
    }
    // times n!/nⁿ, kept in range by powers of two.
    let value = result[(k - 1) * m + (k - 1)];
    let exponent = resultExponent;
    for (let i = 1; i <= n; i += 1) {
        value = (value * i) / n;
        if (value < 2 ** -500) {
            value *= 2 ** 500;
            exponent -= 500;
        }
    }
    return scaleByPowerOfTwo(value, exponent);
}
/** out = a · b for m×m row-major matrices. */
function matrixProduct(a, b, out, m) {
    out.fill(0);
    for (let i = 0; i < m; i += 1) {
        for (let l = 0; l < m; l += 1) {
            const factor = a[i * m + l];
            if (factor === 0)
                continue;
            for (let j = 0; j < m; j += 1)
                out[i * m + j] += factor * b[l * m + j];
        }
    }
}
/** Scales `matrix` by a power of two so that its largest entry lies in [½, 1); returns that power's exponent. */
function normalise(matrix) {
    let largest = 0;
    for (const value of matrix)
        largest = Math.max(largest, Math.abs(value));
    if (largest === 0)
        return 0;
    const [, exponent] = splitExponent(largest);
    const factor = scaleByPowerOfTwo(1, -exponent);
    for (let i = 0; i < matrix.length; i += 1)
        matrix[i] *= factor;
    return exponent;
}
const PI2 = Math.PI * Math.PI;
const PI4 = PI2 * PI2;
const PI6 = PI4 * PI2;
/**
 * The Pelz–Good approximation of P(Dₙ ≤ d): with z = d√n, K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2),
 * the terms of Li-Chien and Korolyuk's expansion transformed by Jacobi's theta identity into sums of
 * e^(−(2k−1)²π²/(8z²)) (and e^(−k²π²/(2z²))) over k = 1, …, ⌈16z/π⌉, as Simard & L'Ecuyer give them.
 * O(z) terms.
 */
function pelzGoodCdf(n, d) {
    const z = Math.sqrt(n) * d;
    const z2 = z * z;
    const z4 = z2 * z2;
    const z6 = z4 * z2;
    const z8 = z4 * z4;
    if (-PI2 / 8 / z2 < -708)
        return 0;
    const terms = Math.ceil((16 * z) / Math.PI);
    let k0 = 0;
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    let k2Extra = 0;
    let k3Extra = 0;
    for (let k = terms; k >= 1; k -= 1) {
        const odd2 = (2 * k - 1) ** 2;
        const odd4 = odd2 * odd2;
        const odd6 = odd4 * odd2;
        const weight = Math.exp((-PI2 * odd2) / (8 * z2));
        k0 += weight;
        k1 += ((PI2 * odd2) / 4 - z2) * weight;
        k2 += (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * PI2 * odd2) / 4 + (PI4 * (1 - 2 * z2) * odd4) / 16) * weight;
        k3 +=
            (-30 * z6 - 90 * z8 + (PI2 * (135 * z4 - 96 * z6) * odd2) / 4 + (PI4 * (212 * z4 - 60 * z2) * odd4) / 16 + (PI6 * (5 - 30 * z2) * odd6) / 64) *
                weight;
        const square = k * k;
        const evenWeight = Math.exp((-PI2 * square) / (2 * z2));
        k2Extra += square * evenWeight;
        k3Extra += (3 * z2 - PI2 * square) * square * evenWeight;
    }
    const total0 = (SQRT_2PI * k0) / z;
    const total1 = (SQRT_2PI * k1) / (6 * z4);
    const total2 = (SQRT_2PI * k2) / (72 * z6 * z) - ((PI2 * SQRT_2PI) / (36 * z2 * z)) * k2Extra;
    const total3 = (SQRT_2PI * k3) / (6480 * z8 * z2) + ((PI2 * SQRT_2PI) / (216 * z6)) * k3Extra;
    const rootN = Math.sqrt(n);
    return total0 + total1 / rootN + total2 / n + total3 / (n * rootN);
}
/**
 * P(Dₙ ≥ d) for the two-sided one-sample statistic Dₙ = sup |Fₙ − F|, as scipy.stats.kstwo.sf(d, n),
 * choosing the method as Simard & L'Ecuyer (and scipy) do:
 *
 * | where                                    | method                                  |
 * |------------------------------------------|-----------------------------------------|
 * | nd ≤ ½; d ≥ 1                            | 1; 0                                    |
 * | nd ≤ 1                                   | 1 − n!/nⁿ (2nd − 1)ⁿ (Ruben–Gambino)   |
 * | nd ≥ n − 1                               | 2(1 − d)ⁿ (Ruben–Gambino)               |
 * | d ≥ ½                                    | 2·smirnov(n, d) (exact)                 |
 * | n ≤ 140, nd² ≤ 4                         | 1 − Durbin                              |
 * | n ≤ 140, nd² > 4                         | 2·smirnov(n, d)                         |
 * | n > 140, nd² ≥ 370                       | 0                                       |
 * | n > 140, 2.2 ≤ nd² < 370                 | 2·smirnov(n, d)                         |
 * | n > 140, nd² < 2.2, n ≤ 10⁵, nd^1.5 ≤ 1.4 | 1 − Durbin                              |
 * | otherwise                                | 1 − Pelz–Good                           |
 *
 * Complexity in the module comment.
 */
function ksOneSampleSurvival(n, d) {
    checkSampleSize(n, 'n');
    if (Number.isNaN(d))
        return NaN;
    if (d >= 1)
        return 0;
    if (d <= 0)
        return 1;
    const t = n * d;
    if (t <= 1) {
        if (t <= 0.5)
            return 1;
        let cdf;
        if (n <= 140) {
            cdf = 1;
            for (let i = 1; i <= n; i += 1)
                cdf *= i * (1 / n) * (2 * t - 1);
        }
        else {
            cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
        }
        return clipProbability(1 - cdf);
    }
    if (t >= n - 1)
        return clipProbability(2 * (1 - d) ** n);
    if (d >= 0.5)
        return clipProbability(2 * smirnovSurvival(n, d));
    const nd2 = t * d;
    if (n <= 140) {
        if (nd2 <= 4)
            return clipProbability(1 - durbinCdf(n, d));
        return clipProbability(2 * smirnovSurvival(n, d));
    }
    if (nd2 >= 370)
        return 0;
    if (nd2 >= 2.2)
        return clipProbability(2 * smirnovSurvival(n, d));
    const cdf = n <= 100_000 && n * d ** 1.5 <= 1.4 ? durbinCdf(n, d) : pelzGoodCdf(n, d);
    return clipProbability(1 - cdf);
}
// ------------------------------------------------------------------------------------------------
// The exact two-sample distribution.
function greatestCommonDivisor(a, b) {
    let x = a;
    let y = b;
    while (y !== 0)
        [x, y] = [y, x % y];
    return x;
}
/**
 * P(D_{n,n} ≥ h/n) for two samples of the same size n: 2 Σₖ₌₁ (−1)^(k−1) C(2n, n − kh)/C(2n, n), in
 * nested form 2·r₁(1 − r₂(1 − r₃(1 − …))) with rₖ = C(2n, n − kh)/C(2n, n − (k−1)h), a product of h
 * ratios. O(n + h).
 */
function equalSizesSurvival(n, h) {
    let p = 0;
    for (let k = Math.floor(n / h); k >= 0; k -= 1) {
        let ratio = 1;
        for (let j = 0; j < h; j += 1)
            ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
        p = ratio * (1 - p);
    }
    return 2 * p;
}
/**
 * P(D_{m,n} ≥ h/lcm(m, n)) for m ≥ n: the probability that a uniformly random lattice path from (0, 0)
 * to (m, n) touches |(n/g)·x − (m/g)·y| ≥ h. With Q(x, y) that probability for paths to (x, y),
 * Q = 1 on and beyond the boundary, and inside Q(x, y) = (x·Q(x−1, y) + y·Q(x, y−1)) / (x + y),
 * since a uniform path to (x, y) arrives from the left with probability x/(x + y). Column by column,
 * only the band inside the boundary is computed, in place. O(m · band).
 */
function unequalSizesSurvival(m, n, g, h) {
    const mg = m / g;
    const ng = n / g;
    const column = new Float64Array(n + 1).fill(1);
    let top = Math.min(Math.ceil(h / mg), n + 1);
    column.fill(0, 0, top);
    for (let x = 1; x <= m; x += 1) {
        const bottom = Math.min(Math.max(Math.floor((ng * x - h) / mg) + 1, 0), n);
        top = Math.min(Math.ceil((ng * x + h) / mg), n + 1);
        if (top <= bottom)
            return 1;
        let below = bottom === 0 ? 0 : 1;
        for (let y = bottom; y < top; y += 1) {
            below = (column[y] * x + below * y) / (x + y);
            column[y] = below;
        }
    }
    return column[n];
}
/**
 * P(D ≥ h / lcm(n₁, n₂)) under the null hypothesis for the two-sample statistic D of samples of sizes
 * n₁ and n₂ (every attainable value of D is such a multiple), as scipy.stats.ks_2samp computes it for
 * method='exact', alternative='two-sided'. h = 0 gives 1. The result is the computed double, which
 * rounding may push just outside [0, 1] (for h = 1 with n₁ = n₂, where the exact value is 1):
 * ks_2samp then falls back to its asymptotic p-value, and so does ksTwoSample. Complexity in the
 * module comment.
 */
function ksTwoSampleExactSurvival(n1, n2, h) {
    checkSampleSize(n1, 'n1');
    checkSampleSize(n2, 'n2');
    const g = greatestCommonDivisor(n1, n2);
    const lcm = (n1 / g) * n2;
    if (!Number.isSafeInteger(h) || h < 0 || h > lcm) {
        throw new RangeError(`h must be an integer in [0, lcm(n1, n2) = ${lcm}], got ${h}`);
    }
    if (h === 0)
        return 1;
    if (n1 === n2)
        return equalSizesSurvival(n1, h);
    return n1 > n2 ? unequalSizesSurvival(n1, n2, g, h) : unequalSizesSurvival(n2, n1, g, h);
}

;// CONCATENATED MODULE: ./src/core/drift/ks.ts
/**
 * The two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp(reference, current,
 * alternative='two-sided', method='auto') in scipy 1.10.1 (checked against it in
 * test/fixtures/reference/drift/ks.json):
 *
 * - statistic  D = max over x of |F_ref(x) − F_cur(x)|, the empirical CDFs (the fraction of the sample
 *              ≤ x) evaluated at every distinct value of either sample, so ties within and across
 *              samples count exactly as scipy counts them (its searchsorted(side='right'));
 * - p-value    exact when max(n_ref, n_cur) ≤ 10,000 (scipy's rule for 'auto'): D is rounded to the
 *              lattice h / lcm(n_ref, n_cur) it lives on, reported so (scipy returns that rounded D
 *              too), and P(D' ≥ D) computed exactly (ksTwoSampleExactSurvival); otherwise asymptotic:
 *              kstwo.sf(D, round(en)) with en = n_ref·n_cur/(n_ref + n_cur) (ksOneSampleSurvival, the
 *              one-sample distribution at the effective size — scipy 1.10's formula, which is more
 *              accurate for moderate en than Kolmogorov's limit K̄(√en · D)). Like scipy, an exact
 *              computation that rounding leaves outside [0, 1] (equal sizes with D = 1/n, where the
 *              exact p is 1) falls back to the asymptotic p-value, and `method` says which was used.
 *
 * Agreement with scipy (test/unit/drift-ks.test.ts tests 1e-12 relative): the statistic bit for bit
 * (the same divisions and subtractions); the exact p-value bit for bit (the same operations in the
 * same order); the asymptotic p-value bit for bit or within 3e-16 relative in the cases tested, and
 * within the tolerances of ksOneSampleSurvival in general.
 *
 * Complexity: sorting copies of both samples, O((n + m) log(n + m)); the statistic, one merge, O(n + m);
 * the exact p-value O(n) for equal sizes and at most O(n·m) otherwise — about 0.5 s for
 * 10,000 × 9,999 samples with D near ½, the worst case `auto` admits; the asymptotic p-value
 * O(min(n, m)) at most (a Smirnov sum, about 0.1 s at an effective size of 10⁶) and usually O(1).
 *
 * Degenerate input: an empty sample or a NaN value throws a RangeError that names the sample (the
 * caller drops missing values and checks that both samples have values first). Infinite values are
 * ordinary values. Identical samples give D = 0 and p = 1.
 */

/** Above this size of the larger sample, scipy's method='auto' uses the asymptotic p-value. */
const KS_MAX_EXACT_SIZE = 10_000;
/**
 * The two-sided two-sample KS test of `reference` against `current`, as scipy.stats.ks_2samp with
 * method='auto'. The inputs may be unsorted and are not modified.
 */
function ksTwoSample(reference, current) {
    const sortedReference = sortedCopy(reference, 'reference');
    const sortedCurrent = sortedCopy(current, 'current');
    const statistic = ksStatisticFromSorted(sortedReference, sortedCurrent);
    return ksTwoSamplePValue(sortedReference.length, sortedCurrent.length, statistic);
}
function sortedCopy(sample, name) {
    if (sample.length === 0)
        throw new RangeError(`The ${name} sample is empty; the KS test needs at least one value in each sample.`);
    const copy = sample.slice();
    for (let i = 0; i < copy.length; i += 1) {
        if (Number.isNaN(copy[i]))
            throw new RangeError(`The ${name} sample has NaN at index ${i}; drop missing values before the KS test.`);
    }
    return copy.sort();
}
/**
 * D = max |F_a − F_b| of two ascending samples (not checked), evaluated at every distinct value as
 * scipy does: max(max(F_a − F_b), max(F_b − F_a)), each difference i/n_a − j/n_b in doubles. One merge,
 * O(n_a + n_b). Either sample empty throws a RangeError.
 */
function ksStatisticFromSorted(a, b) {
    const na = a.length;
    const nb = b.length;
    if (na === 0 || nb === 0)
        throw new RangeError(`ksStatisticFromSorted needs two non-empty samples, got sizes ${na} and ${nb}.`);
    let i = 0;
    let j = 0;
    let largest = 0;
    let smallest = 0;
    while (i < na || j < nb) {
        const value = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
        while (i < na && a[i] <= value)
            i += 1;
        while (j < nb && b[j] <= value)
            j += 1;
        const difference = i / na - j / nb;
        if (difference > largest)
            largest = difference;
        if (difference < smallest)
            smallest = difference;
    }
    const below = Math.min(-smallest, 1);
    return below > largest ? below : largest;
}
/**
 * The p-value of ks_2samp(method='auto', alternative='two-sided') for statistic D of samples of
 * sizes n and m, and the statistic as ks_2samp reports it (rounded to h/lcm(n, m) on the exact path).
 * Usable with a D computed elsewhere, e.g. from profiles. Throws a RangeError for sizes that are not
 * positive integers or D outside [0, 1].
 */
function ksTwoSamplePValue(n, m, statistic) {
    if (!Number.isSafeInteger(n) || n < 1 || !Number.isSafeInteger(m) || m < 1) {
        throw new RangeError(`KS sample sizes must be positive integers, got ${n} and ${m}.`);
    }
    if (!(statistic >= 0 && statistic <= 1))
        throw new RangeError(`The KS statistic must lie in [0, 1], got ${statistic}.`);
    let d = statistic;
    if (Math.max(n, m) <= KS_MAX_EXACT_SIZE) {
        const lcm = (n / greatestCommonDivisor(n, m)) * m;
        const h = roundHalfToEven(d * lcm);
        d = h / lcm;
        const pValue = ksTwoSampleExactSurvival(n, m, h);
        if (pValue >= 0 && pValue <= 1)
            return { statistic: d, pValue, method: 'exact' };
    }
    const larger = Math.max(n, m);
    const smaller = Math.min(n, m);
    const effectiveSize = roundHalfToEven((larger * smaller) / (larger + smaller));
    return { statistic: d, pValue: ksOneSampleSurvival(effectiveSize, d), method: 'asymptotic' };
}
/** numpy.round: to the nearest integer, ties to even. */
function roundHalfToEven(x) {
    const nearest = Math.round(x);
    return nearest - x === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}

;// CONCATENATED MODULE: ./src/core/drift/profile-categories.ts
/**
 * The category counts of a column from its profile (see the module comment): exact with at most
 * 1,000 distinct values, else none (`exact` false, `other` = total). O(K).
 */
function profileCategoryCounts(profile) {
    const counts = new Map();
    const distinct = profile.distinct.value;
    if (profile.categories === null)
        return { counts, total: profile.count, other: profile.count, exact: false, distinct };
    for (const [value, count] of profile.categories.entries()) {
        if (count <= 0)
            continue;
        const name = typeof value === 'number' ? String(value) : value;
        counts.set(name, (counts.get(name) ?? 0) + count);
    }
    return { counts, total: profile.count, other: 0, exact: true, distinct };
}
/**
 * A lower bound on the share of current values unseen in the reference when the reference's counts
 * are exact but the current profile's are not: the current data has about `current.distinct` values
 * (HyperLogLog, ±1.6%, taken 5% low here to be safe) and the reference only `reference.distinct`, so
 * at least the difference are new, each occurring at least once. NaN when the current column has no
 * values or the reference is not exact; 0 when the difference is not positive. O(1).
 */
function unseenShareLowerBound(reference, current) {
    if (!reference.exact || current.total === 0)
        return Number.NaN;
    const currentDistinct = current.exact ? current.distinct : Math.floor(current.distinct * 0.95);
    return Math.max(0, currentDistinct - reference.distinct) / current.total;
}

// EXTERNAL MODULE: ./src/core/profile/kll-sketch.ts
var kll_sketch = __webpack_require__(4381);
;// CONCATENATED MODULE: ./src/core/drift/psi.ts
/**
 * The Population Stability Index of a current sample against a reference, over bins (numeric columns)
 * or categories:
 *
 *     PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ)
 *
 * with eᵢ the reference ("expected") and aᵢ the current ("actual") share of rows in bin i. Every term
 * is ≥ 0 and the sum is symmetric in the two samples (it is the symmetrised Kullback–Leibler
 * divergence of the binned distributions). Usual reading: < 0.1 stable, 0.1–0.25 some shift, > 0.25 a
 * major shift; Evidently's drift threshold is 0.1.
 *
 * Empty bins. A share of 0 makes ln(a/e) infinite, so every share is floored at PSI_SHARE_FLOOR =
 * 1e-4 (0.01 % of the rows) before the sum, without renormalising: a bin empty on one side then
 * contributes (s − 1e-4) · ln(s / 1e-4) ≤ 9.3 · s for a share s on the other, and a bin empty on both
 * sides contributes 0. For shares ≥ 1e-4 this is exactly Evidently's get_binned_data, which replaces a
 * share of 0 by 0.0001. Evidently switches to (smallest non-zero share) / 10⁶ when some non-zero share
 * is ≤ 0.0001, so there an empty bin's term depends on the other bins and grows with the sample size;
 * cd4ml keeps the one floor, and also floors small non-zero shares so that a bin with 1 row never
 * scores more than an empty one.
 *
 * Numeric bins (psiNumeric). The edges are the reference's quantiles at levels k / bins, k = 1 …
 * bins − 1, by the inverted empirical CDF (Hyndman & Fan type 1, numpy.quantile(method =
 * 'inverted_cdf'), with the level k·n/bins taken exactly rather than in floating point): the smallest
 * reference value x with #{reference ≤ x} ≥ k·n / bins. The bins are right-closed, (−∞, q₁], (q₁, q₂],
 * …, (q_last, +∞): a value equal to an edge falls into the bin below it, and values outside the
 * reference's range fall into the end bins. Ties collapse duplicate edges, and an edge equal to the
 * reference's maximum is dropped, so there are at most `bins` bins and each holds at least one reference
 * row (every edge is a reference value); a column with few distinct values gets one bin per value at
 * most. Evidently bins its numeric PSI instead by numpy's 'sturges' equal-width edges over both samples
 * pooled; the reference's quantiles are the textbook PSI (deciles of the expected population), do not
 * move with the current sample and do not let an outlier stretch every bin.
 *
 * Categorical (psiCategorical): one bin per category over the union of both samples' categories (see
 * categorical.ts); a category unseen in the reference has e = 0, floored as above.
 *
 * Degenerate input: NaN when either sample is empty (no rows, or all-zero shares). One bin (bins = 1,
 * or one category overall) gives 0. Wrong input is refused with an InputError: a non-finite value,
 * a negative or non-finite count or share, shares that do not sum to 1 (within 1e-6), vectors of
 * different lengths, a bin count that is not a positive integer.
 *
 * Complexity: psiFromProportions O(B); psiNumeric O(n log n + m log B) (a sort of the reference, a
 * binary search per current value); psiCategorical O(K log K) for K categories.
 */


/** The floor of every share before the PSI sum, 0.01 % (Evidently's replacement for a share of 0). */
const PSI_SHARE_FLOOR = 1e-4;
/** How far shares may sum from 1 (rounding of shares computed elsewhere). */
const SHARE_SUM_TOLERANCE = 1e-6;
/** Σ (a − e) ln(a / e) over floored shares; the caller has checked lengths and values. */
function psiTerms(expected, actual) {
    let sum = 0;
    for (let i = 0; i < expected.length; i += 1) {
        const e = Math.max(expected[i], PSI_SHARE_FLOOR);
        const a = Math.max(actual[i], PSI_SHARE_FLOOR);
        sum += (a - e) * Math.log(a / e);
    }
    return sum;
}
function shareSum(shares, name) {
    let sum = 0;
    for (let i = 0; i < shares.length; i += 1) {
        const share = shares[i];
        if (!(Number.isFinite(share) && share >= 0)) {
            throw new errors/* InputError */.dz(`PSI ${name} share ${i} is ${share}; expected a proportion between 0 and 1.`);
        }
        sum += share;
    }
    return sum;
}
/**
 * PSI of `actual` against `expected`, two vectors of shares over the same bins (each summing to 1),
 * with every share floored at PSI_SHARE_FLOOR. NaN when either vector is empty or all zeros; an
 * InputError for different lengths, a negative or non-finite share or a sum other than 1. O(B).
 */
function psiFromProportions(expected, actual) {
    if (expected.length !== actual.length) {
        throw new errors/* InputError */.dz(`PSI needs the same bins on both sides: got ${expected.length} expected and ${actual.length} actual shares.`);
    }
    const expectedSum = shareSum(expected, 'expected');
    const actualSum = shareSum(actual, 'actual');
    if (expectedSum === 0 || actualSum === 0)
        return Number.NaN;
    for (const [name, sum] of [['expected', expectedSum], ['actual', actualSum]]) {
        if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
            throw new errors/* InputError */.dz(`PSI ${name} shares sum to ${sum}; expected proportions summing to 1 (divide counts by their total).`);
        }
    }
    return psiTerms(expected, actual);
}
function checkFinite(values, sample) {
    for (let i = 0; i < values.length; i += 1) {
        const value = values[i];
        if (!Number.isFinite(value)) {
            throw new InputError(`The ${sample} sample has ${value} at position ${i}; drift statistics need finite numbers (remove missing values first).`);
        }
    }
}
function checkBins(bins) {
    if (!(Number.isSafeInteger(bins) && bins >= 1)) {
        throw new InputError(`The number of PSI bins is ${bins}; expected a whole number, 1 or more.`);
    }
}
/** The interior edges of the PSI bins of a sorted, non-empty reference (see the module comment). */
function sortedQuantileEdges(sorted, bins) {
    const n = sorted.length;
    const maximum = sorted[n - 1];
    const edges = [];
    for (let k = 1; k < bins; k += 1) {
        // The smallest x with #{≤ x} ≥ k·n/bins is the ⌈k·n/bins⌉-th smallest value (integers: exact).
        const edge = sorted[Math.ceil((k * n) / bins) - 1];
        if (edge < maximum && edge !== edges[edges.length - 1])
            edges.push(edge);
    }
    return Float64Array.from(edges);
}
/**
 * The interior edges of psiNumeric's bins for `reference`: its distinct inverted-CDF quantiles at
 * k / bins (k = 1 … bins − 1) below its maximum, ascending; the bins are (−∞, e₀], (e₀, e₁], …,
 * (e_last, +∞). Empty for an empty or constant reference. O(n log n).
 */
function psiBinEdges(reference, bins = 10) {
    checkFinite(reference, 'reference');
    checkBins(bins);
    if (reference.length === 0)
        return new Float64Array(0);
    return sortedQuantileEdges(Float64Array.from(reference).sort(), bins);
}
/** Index of the right-closed bin of `value`: the number of edges strictly below it. O(log B). */
function binOf(edges, value) {
    let low = 0;
    let high = edges.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (edges[middle] < value)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
/**
 * PSI of a numeric `current` sample against `reference`, over at most `bins` (default 10)
 * right-closed bins at the reference's quantiles (see the module comment). NaN when either sample is
 * empty; an InputError for a non-finite value or a bin count that is not a positive integer.
 * O(n log n + m log B).
 */
function psiNumeric(reference, current, bins = 10) {
    checkFinite(reference, 'reference');
    checkFinite(current, 'current');
    checkBins(bins);
    const n = reference.length;
    const m = current.length;
    if (n === 0 || m === 0)
        return Number.NaN;
    const sorted = Float64Array.from(reference).sort();
    const edges = sortedQuantileEdges(sorted, bins);
    const expected = new Float64Array(edges.length + 1);
    const actual = new Float64Array(edges.length + 1);
    // The reference is sorted: walk it once alongside the edges.
    let bin = 0;
    for (let i = 0; i < n; i += 1) {
        const value = sorted[i];
        while (bin < edges.length && edges[bin] < value)
            bin += 1;
        expected[bin] = expected[bin] + 1;
    }
    for (let i = 0; i < m; i += 1) {
        const at = binOf(edges, current[i]);
        actual[at] = actual[at] + 1;
    }
    for (let i = 0; i < expected.length; i += 1) {
        expected[i] = expected[i] / n;
        actual[i] = actual[i] / m;
    }
    return psiTerms(expected, actual);
}
/**
 * PSI of categorical counts, one bin per category over the union of both samples' categories (a
 * category missing on one side has share 0 there, floored at PSI_SHARE_FLOOR). NaN when either sample
 * has no rows; an InputError for a negative or non-finite count. O(K log K).
 */
function psiCategorical(referenceCounts, currentCounts) {
    const aligned = alignCounts(referenceCounts, currentCounts);
    if (aligned.referenceTotal === 0 || aligned.currentTotal === 0)
        return Number.NaN;
    const expected = aligned.reference.map((count) => count / aligned.referenceTotal);
    const actual = aligned.current.map((count) => count / aligned.currentTotal);
    return psiTerms(expected, actual);
}

;// CONCATENATED MODULE: ./src/core/drift/profile-distributions.ts
/**
 * Drift statistics of a numeric column computed from two profiles (reference and current, see
 * docs/profile.md) instead of the raw values, so that check-drift can compare data of any size with
 * the reference profile stored with a model. How and how accurate: docs/drift-statistics-profiles.md.
 *
 * A profile holds a column's numeric values as weighted support points, and so as a right-continuous
 * step CDF F(x) = (weight of points ≤ x) / n:
 * - while at most 1,000 distinct values were seen, the exact value counts: F is the empirical CDF of
 *   the sample, and every statistic here equals its sample version (wasserstein.ts, psi.ts,
 *   scipy.stats.ks_2samp's statistic) up to rounding;
 * - beyond that, a KLL sketch's retained items, each standing for 2^level values: F is within the
 *   sketch's rank error ε = KllSketch.rankError(k) (1.33% at k = 200, about 99% confidence per point)
 *   of the sample's CDF.
 *
 * Both step functions only jump at support points, so walking the merged, sorted support of both
 * profiles gives the supremum and the integral of |F_ref − F_cur| exactly for the two step functions,
 * as scipy does for two samples; cumulative weights are integers, so exact counts give the sample's
 * CDF values bit for bit.
 *
 * Degenerate input, as the sample versions: a statistic is NaN when either profile holds no numeric
 * values (scipy raises); a constant reference (min = max, known exactly from the profile) gives the
 * normed Wasserstein distance 0 when the current values are that constant and +∞ otherwise; PSI
 * bins are those of psi.ts (at most `bins`, fewer when edges tie).
 *
 * Complexity: O(m log m) for m support points (m ≤ 2,000 with exact counts; about 600 per k = 200
 * sketch), O(m) memory; independent of the number of rows profiled.
 */



/**
 * PSI from two k = 200 sketches is within PSI_ERROR_ABSOLUTE + PSI_ERROR_RELATIVE · PSI of the sample
 * PSI over the same profiles' data: at least twice the error measured in each case of
 * docs/drift-statistics-profiles.md, scaled by (ε_ref + ε_cur) / (2 · 1.33%) for other k or a single
 * sketched side. An empirical envelope, not a theorem (see profilePsi).
 */
const PSI_ERROR_ABSOLUTE = 0.03;
const PSI_ERROR_RELATIVE = 0.12;
/**
 * The normalised rank error of a profile's CDF: 0 while it holds exact value counts, or a sketch that
 * still retains every value it was given; KllSketch.rankError(k) (1.33% at k = 200) otherwise. O(1).
 */
function profileRankError(profile) {
    if (profile.categories !== null)
        return 0;
    const sketch = profile.sketch;
    if (sketch === null || sketch.retained === sketch.n)
        return 0;
    return kll_sketch/* KllSketch */.gu.rankError(sketch.k);
}
/**
 * The two-sample Kolmogorov–Smirnov statistic D = sup_x |F_ref(x) − F_cur(x)| from two profiles, as
 * scipy.stats.ks_2samp's statistic (both CDFs at every support point of either side). Exact when both
 * profiles hold exact counts. Otherwise each sketched side's CDF is within its rank error of the
 * sample's, which moves the supremum by at most as much: errorBound = ε_ref + ε_cur (0.0266 for two
 * k = 200 sketches, 0.0133 when one side is exact). The p-value is the caller's, from D and the counts.
 * O(m log m).
 */
function profileKsStatistic(reference, current) {
    const r = weightedSupport(reference);
    const c = weightedSupport(current);
    const errorBound = profileRankError(reference) + profileRankError(current);
    const base = { exact: r.exact && c.exact, errorBound, referenceCount: r.n, currentCount: c.n };
    if (r.n === 0 || c.n === 0)
        return { statistic: Number.NaN, ...base };
    let statistic = 0;
    walk(r, 0, c, 0, (gap) => {
        if (gap > statistic)
            statistic = gap;
    });
    return { statistic, ...base };
}
/**
 * The first Wasserstein distance W1 = ∫ |F_ref(x) − F_cur(x)| dx between two profiles, summed between
 * consecutive merged support points as scipy.stats.wasserstein_distance does for two samples, and
 * normed as wasserstein.ts's normedWasserstein (Evidently's score): divided by the reference's
 * population standard deviation √(m2 / n) from the profile's moments (exact up to rounding); for a
 * constant reference (min = max) 0 when W1 = 0 and +∞ otherwise.
 *
 * A sketch's items carry a random location error (their weighted mean is off from the exact mean by
 * up to about 1% of a standard deviation at k = 200), which alone adds that much to W1 however far the
 * distributions are apart. So each sketched side's points are first moved by the exact mean (from the
 * moments) less the items' mean. Over the 20-seed cases of the docs this took the largest error where
 * the distributions differ (shifted or rescaled) from 0.004–0.051 to 0.000–0.033 normed (normal
 * shifts: from 0.017 to 0.003 or less; rescaled normals about unchanged), and raised it where they are
 * the same and skewed (lognormal: 0.047 to 0.078; exponential: 0.025 to 0.038), where the two
 * sketches' tails differ and no shift undoes it.
 *
 * Exact when both profiles hold exact counts. Otherwise: a sketch's CDF minus the sample's vanishes
 * outside [min, max] and is at most ε inside, so W1(sketch, sample) ≤ ε · (max − min), and moving the
 * items to the exact mean at most doubles that: distanceErrorBound = 2 · Σ_sketched ε · (max − min).
 * This bound holds whenever each sketch is within ε everywhere, but it is loose (about 0.5 normed for
 * normal samples of 10^5 values, whose measured errors stay below 0.019; see the docs). O(m log m).
 */
function profileWasserstein(reference, current) {
    const r = weightedSupport(reference);
    const c = weightedSupport(current);
    const distanceErrorBound = 2 * (profileRankError(reference) * spanOf(reference) + profileRankError(current) * spanOf(current));
    const constant = r.n > 0 && reference.min === reference.max;
    const referenceStd = r.n === 0 ? Number.NaN : constant ? 0 : Math.sqrt(reference.m2 / reference.numericCount);
    const result = (distance) => ({
        statistic: referenceStd === 0 ? (distance === 0 ? 0 : Number.POSITIVE_INFINITY) : distance / referenceStd,
        exact: r.exact && c.exact,
        errorBound: referenceStd === 0 ? (distanceErrorBound === 0 ? 0 : Number.POSITIVE_INFINITY) : distanceErrorBound / referenceStd,
        referenceCount: r.n,
        currentCount: c.n,
        distance,
        referenceStd,
        distanceErrorBound,
    });
    if (r.n === 0 || c.n === 0)
        return result(Number.NaN);
    let sum = 0;
    let compensation = 0;
    walk(r, locationShift(reference, r), c, locationShift(current, c), (gap, width) => {
        // Neumaier-compensated, as wasserstein.ts.
        const term = gap * width;
        const total = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? sum - total + term : term - total + sum;
        sum = total;
    });
    return result(sum + compensation);
}
/**
 * The Population Stability Index between two profiles, as psi.ts's psiNumeric on the samples: bins at
 * the reference's inverted-CDF quantiles k / bins (the smallest value with cumulative count · bins ≥
 * k · n, in integers), right-closed, equal edges collapsed and an edge equal to the reference's maximum
 * dropped, so there are at most `bins` bins and fewer where values tie (a constant reference leaves
 * one bin, PSI 0); both sides' shares are differences of their CDFs at the edges (for the current side
 * the same values as `current.cdf(edges)`), and psi.ts's psiFromProportions floors every share at
 * PSI_SHARE_FLOOR (1e-4) before Σ (c − r) · ln(c / r), so an empty bin counts as 0.01% and a bin empty
 * on both sides adds nothing.
 *
 * Exact when both profiles hold exact counts. With sketches the edges are within ε of their ranks
 * and each share within 2ε; since PSI weighs share errors by ln(c / r), its error grows with PSI
 * itself, and no useful worst-case bound follows from ε (the second-order term alone allows ~0.07 at
 * k = 200). errorBound is therefore the measured envelope PSI_ERROR_ABSOLUTE + PSI_ERROR_RELATIVE ·
 * PSI, scaled by (ε_ref + ε_cur) / 0.0266 (see the docs for the measurements behind it). NaN when
 * either profile holds no numeric values; an InputError when `bins` is not a whole number ≥ 1.
 * O(m log m + bins).
 */
function profilePsi(reference, current, bins = 10) {
    if (!(Number.isSafeInteger(bins) && bins >= 1)) {
        throw new errors/* InputError */.dz(`The number of PSI bins is ${bins}; expected a whole number, 1 or more.`);
    }
    const r = weightedSupport(reference);
    const c = weightedSupport(current);
    const error = profileRankError(reference) + profileRankError(current);
    const base = { exact: r.exact && c.exact, referenceCount: r.n, currentCount: c.n };
    if (r.n === 0 || c.n === 0)
        return { statistic: Number.NaN, errorBound: Number.NaN, edges: [], referenceShares: [], currentShares: [], ...base };
    const edges = quantileEdges(r, reference.max, bins);
    const referenceShares = sharesAt(r, edges);
    const currentShares = sharesAt(c, edges);
    const statistic = psiFromProportions(referenceShares, currentShares);
    const errorBound = error === 0 ? 0 : ((PSI_ERROR_ABSOLUTE + PSI_ERROR_RELATIVE * statistic) * error) / (2 * kll_sketch/* KllSketch */.gu.rankError(200));
    return { statistic, errorBound, edges, referenceShares, currentShares, ...base };
}
/** max − min of the numeric values (0 when there are none). */
function spanOf(profile) {
    return profile.numericCount === 0 ? 0 : profile.max - profile.min;
}
/**
 * A profile's numeric values as sorted distinct points and integer weights: the exact counts, or the
 * sketch's retained items (weight 2^level; equal items merged). O(m log m).
 */
function weightedSupport(profile) {
    const pairs = [];
    if (profile.categories !== null) {
        for (const [value, count] of profile.categories.entries())
            if (typeof value === 'number' && count > 0)
                pairs.push([value, count]);
    }
    else if (profile.sketch !== null) {
        profile.sketch.toJSON().levels.forEach((level, height) => {
            for (const value of level)
                pairs.push([value, 2 ** height]);
        });
    }
    pairs.sort((a, b) => a[0] - b[0]);
    const points = [];
    const weights = [];
    let n = 0;
    for (const [value, weight] of pairs) {
        n += weight;
        if (points.length > 0 && points[points.length - 1] === value)
            weights[weights.length - 1] += weight;
        else {
            points.push(value);
            weights.push(weight);
        }
    }
    return { points: Float64Array.from(points), weights: Float64Array.from(weights), n, exact: profileRankError(profile) === 0 };
}
/**
 * How far a sketched profile's points move so that their weighted mean is the exact mean from the
 * profile's moments (0 for exact counts). O(m).
 */
function locationShift(profile, support) {
    if (support.exact || support.n === 0)
        return 0;
    const mean = profile.mean;
    let sum = 0;
    for (let i = 0; i < support.points.length; i += 1)
        sum += support.weights[i] * (support.points[i] - mean);
    return -sum / support.n;
}
/**
 * Walks the merged support of `a` and `b` (each point moved by its side's shift) in ascending order,
 * calling visit(|F_a(x) − F_b(x)|, width to the next point) once per distinct point x, with the CDFs
 * after every point at x is counted. Cumulative weights are integers, so F is exact. O(m).
 */
function walk(a, shiftA, b, shiftB, visit) {
    let i = 0;
    let j = 0;
    let countA = 0;
    let countB = 0;
    const na = a.points.length;
    const nb = b.points.length;
    while (i < na || j < nb) {
        const x = Math.min(i < na ? a.points[i] + shiftA : Number.POSITIVE_INFINITY, j < nb ? b.points[j] + shiftB : Number.POSITIVE_INFINITY);
        while (i < na && a.points[i] + shiftA <= x)
            countA += a.weights[i++];
        while (j < nb && b.points[j] + shiftB <= x)
            countB += b.weights[j++];
        const next = Math.min(i < na ? a.points[i] + shiftA : Number.POSITIVE_INFINITY, j < nb ? b.points[j] + shiftB : Number.POSITIVE_INFINITY);
        visit(Math.abs(countA / a.n - countB / b.n), next === Number.POSITIVE_INFINITY ? 0 : next - x);
    }
}
/**
 * The interior PSI edges from the reference's support, as psi.ts's psiBinEdges: for k = 1 … bins − 1
 * the smallest point whose cumulative weight w satisfies w · bins ≥ k · n (integers, exact), kept when
 * below the maximum and above the previous edge. O(m + bins).
 */
function quantileEdges(support, maximum, bins) {
    const edges = [];
    let at = 0;
    let cumulative = support.weights[0];
    for (let k = 1; k < bins; k += 1) {
        while (cumulative * bins < k * support.n && at + 1 < support.points.length)
            cumulative += support.weights[++at];
        const edge = support.points[at];
        if (edge < maximum && (edges.length === 0 || edge !== edges[edges.length - 1]))
            edges.push(edge);
    }
    return edges;
}
/** Shares of the right-closed bins (−∞, e₀], (e₀, e₁], …, (e_last, +∞) from a support's CDF. O(m + edges). */
function sharesAt(support, edges) {
    const shares = [];
    let at = 0;
    let previous = 0;
    for (const edge of edges) {
        let cumulative = previous;
        while (at < support.points.length && support.points[at] <= edge)
            cumulative += support.weights[at++];
        shares.push((cumulative - previous) / support.n);
        previous = cumulative;
    }
    shares.push((support.n - previous) / support.n);
    return shares;
}

;// CONCATENATED MODULE: ./src/core/stats/normal.ts
/**
 * The standard normal distribution's CDF and survival function, as scipy.special.ndtr and
 * scipy.stats.norm.sf (checked against scipy 1.10.1 and against exact values from mpmath in
 * test/fixtures/reference/drift/kolmogorov-normal.json), and the error functions they rest on.
 *
 * - `erf(x)`                     (2/√π) ∫₀ˣ e^(−t²) dt;
 * - `erfc(x)`                    1 − erf(x) = (2/√π) ∫ₓ^∞ e^(−t²) dt (scipy.special.erfc);
 * - `standardNormalCdf(x)`       Φ(x) = ½ · erfc(−x/√2)  (scipy.special.ndtr, norm.cdf);
 * - `standardNormalSurvival(x)`  1 − Φ(x) = Φ(−x)        (scipy.stats.norm.sf).
 *
 * erf and erfc are W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations
 * for the error function", Math. Comp. 23 (1969), 631–637; the coefficients of his CALERF): erf on
 * |x| ≤ 0.46875, erfc on 0.46875 < |x| ≤ 4 and on |x| > 4 (a rational function of 1/x²), each with a
 * theoretical accuracy of at least 18 significant digits. e^(−x²) is formed as e^(−s²) · e^(−(x−s)(x+s))
 * with s = x rounded down to a multiple of 1/16, so that the rounding of x² does not cost relative
 * accuracy in the tail.
 *
 * Φ is computed from erf near 0 (|x/√2| ≤ 0.46875: ½ + ½·erf) and from erfc of |x|/√2 elsewhere, the
 * small tail directly and the large side as 1 − tail, the same split as scipy's ndtr. x/√2 is carried
 * to twice double precision and its low part enters erfc to first order, so the rounding of x/√2
 * (2·(x²/2)·2⁻⁵³ relative, 1.1e-13 at x = ±37, which scipy's ndtr has) is not paid either. The tail
 * keeps full relative precision: standardNormalSurvival(37) = 5.7e-300 where 1 − standardNormalCdf(37)
 * would be 0.
 *
 * Accuracy, measured: within 4.5e-16 relative of the exact value while the result is a normal double
 * (the survival function up to x ≈ 37.5, where it is 4.6e-308); subnormal results lose precision
 * gradually, and the result is 0 beyond |x| ≈ 38.5. erfc within 4e-16 of the exact value. Against scipy
 * the difference is scipy's own error from the rounding of x/√2 (up to 1.1e-13 at ±37).
 *
 * Complexity: O(1) per call. Degenerate input: NaN gives NaN; ±∞ give the limits (0 or 1).
 */
/** 1/√π. */
const ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;
/** The boundary between Cody's erf interval and his first erfc interval. */
const ERF_LIMIT = 0.46875;
// erf on |x| ≤ 0.46875: x · P(x²)/Q(x²), P of degree 4 (ERF_P[4] the leading coefficient).
const ERF_P = [3.16112374387056560e0, 1.13864154151050156e2, 3.77485237685302021e2, 3.20937758913846947e3, 1.85777706184603153e-1];
const ERF_Q = [2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3, 2.84423683343917062e3];
// erfc on 0.46875 < x ≤ 4: e^(−x²) · P(x)/Q(x), P and Q of degree 8.
const ERFC_P = [
    5.64188496988670089e-1, 8.88314979438837594e0, 6.61191906371416295e1, 2.98635138197400131e2, 8.8195222124176909e2,
    1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8,
];
const ERFC_Q = [
    1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3, 3.29079923573345963e3,
    4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3,
];
// erfc on x > 4: e^(−x²)/x · (1/√π − z·P(z)/Q(z)) with z = 1/x², P of degree 5.
const ERFC_TAIL_P = [
    3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4,
    1.63153871373020978e-2,
];
const ERFC_TAIL_Q = [2.56852019228982242e0, 1.87295284992346047e0, 5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3];
/** e^(−x²) for x ≥ 0, with x² split so that its rounding error does not reach the result. */
function expMinusSquare(x) {
    const s = Math.trunc(x * 16) / 16;
    const rest = (x - s) * (x + s);
    return Math.exp(-s * s) * Math.exp(-rest);
}
/** erf(x) for |x| ≤ 0.46875 (Cody's first interval). */
function erfNearZero(x) {
    const z = x * x;
    let numerator = ERF_P[4] * z;
    let denominator = z;
    for (let i = 0; i < 3; i += 1) {
        numerator = (numerator + ERF_P[i]) * z;
        denominator = (denominator + ERF_Q[i]) * z;
    }
    return (x * (numerator + ERF_P[3])) / (denominator + ERF_Q[3]);
}
/**
 * erfc(y + yLow) for y > 0.46875 (Cody's second and third intervals), where yLow is a correction to
 * y far below its last bit: erfc(y) = e^(−y²)·R(y) and, to first order,
 * erfc(y + yLow) = e^(−y²)·(R(y) − 2·yLow/√π).
 */
function erfcPositive(y, yLow = 0) {
    let ratio;
    if (y <= 4) {
        let numerator = ERFC_P[8] * y;
        let denominator = y;
        for (let i = 0; i < 7; i += 1) {
            numerator = (numerator + ERFC_P[i]) * y;
            denominator = (denominator + ERFC_Q[i]) * y;
        }
        ratio = (numerator + ERFC_P[7]) / (denominator + ERFC_Q[7]);
    }
    else {
        if (y === Infinity)
            return 0;
        const z = 1 / (y * y);
        let numerator = ERFC_TAIL_P[5] * z;
        let denominator = z;
        for (let i = 0; i < 4; i += 1) {
            numerator = (numerator + ERFC_TAIL_P[i]) * z;
            denominator = (denominator + ERFC_TAIL_Q[i]) * z;
        }
        ratio = (ONE_OVER_SQRT_PI - (z * (numerator + ERFC_TAIL_P[4])) / (denominator + ERFC_TAIL_Q[4])) / y;
    }
    return expMinusSquare(y) * (ratio - 2 * ONE_OVER_SQRT_PI * yLow);
}
/** The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt (Cody). O(1). NaN gives NaN. */
function erf(x) {
    const y = Math.abs(x);
    if (y <= ERF_LIMIT)
        return erfNearZero(x);
    const value = 0.5 - erfcPositive(y) + 0.5;
    return x < 0 ? -value : value;
}
/** The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x (Cody). O(1). */
function erfc(x) {
    const y = Math.abs(x);
    if (y <= ERF_LIMIT)
        return 1 - erfNearZero(x);
    const tail = erfcPositive(y);
    return x < 0 ? 2 - tail : tail;
}
/** √½ = SQRT1_2 + SQRT1_2_LOW, the low part below the double's last bit. */
const SQRT1_2_LOW = -4.833646656726457e-17;
/** Dekker's splitting constant, 2²⁷ + 1. */
const normal_SPLITTER = 134217729;
/**
 * Φ(x), the standard normal CDF, as scipy.special.ndtr: ½ + ½·erf(x/√2) near 0, ½·erfc(|x|/√2) in
 * the lower tail and 1 − ½·erfc(x/√2) in the upper. x/√2 is carried to twice double precision (its
 * rounding would otherwise cost 2·(x²/2)·2⁻⁵³ relative in the tail, 1e-13 at x = −37, as it does in
 * scipy). Full relative accuracy for x → −∞. O(1).
 */
function standardNormalCdf(x) {
    if (Number.isNaN(x))
        return NaN;
    const z = x * Math.SQRT1_2;
    const y = Math.abs(z);
    if (y <= ERF_LIMIT)
        return 0.5 + 0.5 * erf(z);
    if (y > 27.5)
        return z > 0 ? 1 : 0; // erfc(27.5) < 2⁻¹⁰⁷⁴
    // x·SQRT1_2 − z exactly (Dekker's product), plus x·SQRT1_2_LOW.
    let t = normal_SPLITTER * x;
    const xHigh = t - (t - x);
    const xLow = x - xHigh;
    t = normal_SPLITTER * Math.SQRT1_2;
    const rootHigh = t - (t - Math.SQRT1_2);
    const rootLow = Math.SQRT1_2 - rootHigh;
    const zLow = xHigh * rootHigh - z + xHigh * rootLow + xLow * rootHigh + xLow * rootLow + x * SQRT1_2_LOW;
    const tail = 0.5 * erfcPositive(y, z < 0 ? -zLow : zLow);
    return z > 0 ? 1 - tail : tail;
}
/**
 * 1 − Φ(x), the standard normal survival function, as scipy.stats.norm.sf (= ndtr(−x)). Full relative
 * accuracy for x → +∞: standardNormalSurvival(8) = 6.2e-16, standardNormalSurvival(37) = 5.7e-300. O(1).
 */
function standardNormalSurvival(x) {
    return standardNormalCdf(-x);
}

;// CONCATENATED MODULE: ./src/core/drift/z-test.ts
/**
 * The two-sided two-proportion z-test with the pooled proportion: the test Evidently uses for binary
 * columns (its `z` stattest, evidently/calculations/stattests/z_stattest.py). With x₁ positives out of
 * n₁ reference rows and x₂ out of n₂ current rows:
 *
 *     p₁ = x₁/n₁,  p₂ = x₂/n₂,  p = (x₁ + x₂)/(n₁ + n₂)            (pooled under H₀: p₁ = p₂)
 *     z  = (p₁ − p₂) / √( p(1 − p) · (1/n₁ + 1/n₂) )
 *     p-value = 2 · (1 − Φ(|z|)) = 2 · norm.sf(|z|)
 *
 * Which value counts as "positive" changes only the sign of z (p ↦ 1 − p leaves the denominator and
 * negates the numerator), never the p-value. z > 0 means the reference has the larger proportion.
 *
 * Differences from Evidently: the p-value is 2·sf(|z|), computed in the tail directly, where
 * Evidently's 2·(1 − norm.cdf(|z|)) loses relative accuracy and is 0 for |z| > 8.3; the pooled
 * proportion is (x₁ + x₂)/(n₁ + n₂) where Evidently forms (p₁n₁ + p₂n₂)/(n₁ + n₂), equal up to
 * rounding. Checked against the formula in numpy/scipy 1.10.1 (test/fixtures/reference/drift/z-test.json)
 * within 1e-12 relative.
 *
 * Complexity: O(1). Degenerate input: a pooled proportion of 0 or 1 (every row of both samples has
 * the same value; Evidently returns p = 1 there) gives statistic 0 and p-value 1. Counts that are
 * negative, non-finite, a total of 0, or more positives than rows throw a RangeError naming the
 * argument (the caller checks for empty samples first). Counts need not be integers (weighted counts
 * are accepted).
 */

function proportionZTest(referencePositives, referenceTotal, currentPositives, currentTotal) {
    checkCounts(referencePositives, referenceTotal, 'reference');
    checkCounts(currentPositives, currentTotal, 'current');
    const pooled = (referencePositives + currentPositives) / (referenceTotal + currentTotal);
    if (pooled <= 0 || pooled >= 1)
        return { statistic: 0, pValue: 1 };
    const difference = referencePositives / referenceTotal - currentPositives / currentTotal;
    const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
    const statistic = difference / standardError;
    return { statistic, pValue: Math.min(1, 2 * standardNormalSurvival(Math.abs(statistic))) };
}
function checkCounts(positives, total, name) {
    if (!(Number.isFinite(total) && total > 0)) {
        throw new RangeError(`${name}Total must be a positive count for the proportion z-test, got ${total}.`);
    }
    if (!(Number.isFinite(positives) && positives >= 0 && positives <= total)) {
        throw new RangeError(`${name}Positives must be a count in [0, ${name}Total = ${total}], got ${positives}.`);
    }
}

;// CONCATENATED MODULE: ./src/core/drift/compare-column.ts








const NUMERIC = new Set(['integer', 'number']);
const DATES = new Set(['date', 'datetime']);
function counts(side) {
    const found = profileCategoryCounts(side.profile);
    return found.exact ? found.counts : undefined;
}
/** A categorical method on the two sides' exact counts. */
function categorical(method, reference, current) {
    switch (method) {
        case 'chisquare': {
            const result = chiSquareTest(reference, current);
            const total = [...reference.values(), ...current.values()].reduce((sum, n) => sum + n, 0);
            return { score: result.pValue, effect: { name: "Cramér's V", value: total > 0 ? Math.sqrt(result.statistic / total) : Number.NaN } };
        }
        case 'z': {
            // The first category (in sorted order) as "positive"; the test is symmetric.
            const names = [...new Set([...reference.keys(), ...current.keys()])].sort();
            const positive = names[0] ?? '';
            const total = (map) => [...map.values()].reduce((sum, n) => sum + n, 0);
            const referenceTotal = total(reference);
            const currentTotal = total(current);
            const result = proportionZTest(reference.get(positive) ?? 0, referenceTotal, current.get(positive) ?? 0, currentTotal);
            const share = (map, n) => (map.get(positive) ?? 0) / n;
            return { score: result.pValue, effect: { name: `share of ${positive}, change`, value: share(current, currentTotal) - share(reference, referenceTotal) } };
        }
        case 'jensenshannon':
            return { score: jensenShannonCategorical(reference, current) };
        case 'psi':
            return { score: psiCategorical(reference, current) };
        default:
            throw new RangeError(`${method} is not a categorical method`);
    }
}
function numeric(method, reference, current) {
    switch (method) {
        case 'ks': {
            const d = profileKsStatistic(reference, current);
            const p = ksTwoSamplePValue(d.referenceCount, d.currentCount, d.statistic);
            return { score: p.pValue, exact: d.exact, effect: { name: 'D', value: d.statistic } };
        }
        case 'wasserstein': {
            const w = profileWasserstein(reference, current);
            return { score: w.statistic, exact: w.exact };
        }
        case 'psi': {
            const psi = profilePsi(reference, current);
            return { score: psi.statistic, exact: psi.exact };
        }
        default:
            throw new RangeError(`${method} is not a numeric method`);
    }
}
function compareColumn(column, reference, current, overrides = {}) {
    const base = {
        column,
        referenceType: reference.type,
        currentType: current.type,
        referenceValues: reference.profile.count,
        currentValues: current.profile.count,
        exact: true,
    };
    const notCompared = (note, drifted) => ({ ...base, score: Number.NaN, threshold: Number.NaN, drifted, note });
    if (reference.profile.count === 0 && current.profile.count === 0)
        return notCompared('every value is null on both sides', false);
    if (current.profile.count === 0)
        return notCompared(`every current value is null (the reference has ${reference.profile.count.toLocaleString('en-US')} values)`, true);
    if (reference.profile.count === 0)
        return notCompared('every reference value is null', true);
    const bothNumeric = NUMERIC.has(reference.type) && NUMERIC.has(current.type);
    if (NUMERIC.has(reference.type) !== NUMERIC.has(current.type))
        return notCompared(`the type changed from ${reference.type} to ${current.type}`, true);
    if (DATES.has(reference.type) || DATES.has(current.type))
        return notCompared('date columns are not compared', false);
    const referenceCounts = counts(reference);
    const currentCounts = counts(current);
    const distinct = referenceCounts?.size ?? reference.profile.distinct.value;
    const method = overrides.method ?? defaultMethod({ numeric: bothNumeric, referenceRows: reference.profile.count, distinct });
    const info = METHOD_INFO[method];
    const threshold = overrides.threshold ?? info.defaultThreshold;
    if (bothNumeric && (info.columns === 'numeric' || method === 'psi')) {
        const result = numeric(method, reference.profile, current.profile);
        const drift = { ...base, method, score: result.score, threshold, drifted: isDrift(method, result.score, threshold), exact: result.exact };
        if (result.effect !== undefined)
            drift.effect = result.effect;
        return drift;
    }
    if (info.columns === 'numeric')
        return { ...notCompared(`${info.title} needs a numeric column, and ${column} is ${reference.type}`, false), method };
    if (referenceCounts === undefined || currentCounts === undefined) {
        return { ...notCompared(`more than 1,000 distinct values: the profiles keep no counts to compare with ${info.title}`, false), method };
    }
    const result = categorical(method, referenceCounts, currentCounts);
    const drift = { ...base, method, score: result.score, threshold, drifted: isDrift(method, result.score, threshold) };
    if (result.effect !== undefined)
        drift.effect = result.effect;
    return drift;
}

;// CONCATENATED MODULE: ./src/core/drift/compare-profiles.ts
/**
 * A whole dataset's drift from two profiles: every shared column (or the listed ones) compared with
 * compareColumn, the config's per-column overrides and skips applied, and the dataset's verdict — the
 * share of compared columns that drifted against `drift-share`. Reading no data, it is what makes
 * comparing two stored profiles take milliseconds.
 */




function sides(document) {
    return new Map(document.columns.map((column) => [column.name, column]));
}
function compareProfiles(reference, current, options) {
    const referenceColumns = sides(reference);
    const currentColumns = sides(current);
    const shared = reference.columns.map((column) => column.name).filter((name) => currentColumns.has(name));
    if (shared.length === 0) {
        const list = (names) => names.slice(0, 8).join(', ') + (names.length > 8 ? ', …' : '');
        throw new errors/* InputError */.dz(`The reference and the current data share no column (reference: ${list([...referenceColumns.keys()])}; current: ${list([...currentColumns.keys()])}): compare data with the same columns.`);
    }
    for (const name of options.columns ?? []) {
        if (!referenceColumns.has(name) || !currentColumns.has(name)) {
            const where = referenceColumns.has(name) ? 'the current data' : currentColumns.has(name) ? 'the reference' : 'either side';
            throw new errors/* InputError */.dz(`Input "columns" names ${name}, which is not in ${where}; shared columns: ${shared.join(', ')}.`);
        }
    }
    for (const override of options.overrides ?? []) {
        if (!referenceColumns.has(override.column) && !currentColumns.has(override.column)) {
            throw new errors/* InputError */.dz(`The config names column ${override.column} (line ${override.line}), which is in neither the reference nor the current data.`);
        }
    }
    const chosen = options.columns ?? shared;
    const overrideOf = (name) => options.overrides?.find((override) => override.column === name);
    const columns = [];
    for (const name of chosen) {
        const override = overrideOf(name);
        if (override?.skip === true)
            continue;
        const referenceColumn = referenceColumns.get(name);
        const currentColumn = currentColumns.get(name);
        columns.push(compareColumn(name, { type: referenceColumn.type, profile: column_profile/* ColumnProfile */.o.fromState(referenceColumn.state) }, { type: currentColumn.type, profile: column_profile/* ColumnProfile */.o.fromState(currentColumn.state) }, { ...(override?.method === undefined ? {} : { method: override.method }), ...(override?.threshold === undefined ? {} : { threshold: override.threshold }) }));
    }
    return {
        ...datasetVerdict(columns, options.driftShare),
        onlyInReference: [...referenceColumns.keys()].filter((name) => !currentColumns.has(name)),
        onlyInCurrent: [...currentColumns.keys()].filter((name) => !referenceColumns.has(name)),
    };
}
/** The dataset's verdict from its compared columns: which drifted, their share, and drift by `driftShare`. */
function datasetVerdict(columns, driftShare) {
    const judged = columns.filter((column) => (column.method !== undefined && !Number.isNaN(column.score)) || column.drifted);
    const drifted = columns.filter((column) => column.drifted).map((column) => column.column);
    const share = judged.length === 0 ? 0 : drifted.length / judged.length;
    return { columns, compared: judged.length, drifted, share, driftShare, datasetDrifted: datasetDrift(drifted.length, judged.length, driftShare) };
}

// EXTERNAL MODULE: ./src/core/profile/profile.ts
var profile_profile = __webpack_require__(7416);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./src/core/map-limit.ts
var map_limit = __webpack_require__(3075);
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

// EXTERNAL MODULE: ./src/core/schema/column-checks.ts
var column_checks = __webpack_require__(6711);
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
    return markdownTable([
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
        columns.set(entry.name, schema_file_readColumn(reader, entry, positions));
    }
    const tableEntry = keys.get('table');
    const table = tableEntry === undefined ? {} : readTable(reader, tableEntry, columns, positions);
    return { file, columns, table, positions };
}
function schema_file_readColumn(reader, column, positions) {
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
var data_cell = __webpack_require__(8118);
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

// EXTERNAL MODULE: ./src/core/scan/scan-worker.ts
var scan_worker = __webpack_require__(7143);
// EXTERNAL MODULE: ./src/core/scan/table-scan.ts
var table_scan = __webpack_require__(1559);
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
    cell = (0,data_cell/* newCell */.No)();
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
                this.scratch = (0,data_cell/* classifyValue */.Ws)(this.cell, value, this.scratch);
                return (0,data_cell/* cellText */.Ie)(this.cell);
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
    const profile = (0,profile_profile/* profileDocument */.PO)(total.rows, total.sources, total.columns.map((name) => [name, total.profiles.get(name)]));
    const findings = schema === undefined ? [] : evaluate(schema, total);
    const failed = findings.filter((finding) => !finding.passed);
    const errors = failed.filter((finding) => finding.severity === 'error').length;
    const warnings = failed.length - errors;
    return {
        report: { format: REPORT_FORMAT, version: 1, valid: errors + (options.failOn === 'warning' ? warnings : 0) === 0, errors, warnings, rows: total.rows, sources: total.sources, schema: schema?.file ?? null, findings },
        profile,
    };
}

;// CONCATENATED MODULE: ./src/core/drift/load-side.ts
/**
 * One side of a drift check as a profile: a stored `cd4ml-profile` JSON (read, no data scanned), the
 * profile registered with a model version (`registry:<name>@<version|alias>`), or a dataset (paths,
 * globs, s3:// URIs), profiled in one pass as validate-data profiles it.
 */





async function loadDriftSide(spec, options) {
    if (spec.startsWith('registry:')) {
        if (options.registryProfile === undefined)
            throw new errors/* InputError */.dz(`Input "${options.input}": ${spec} needs a model registry, which is not available here; give a profile JSON or a dataset.`);
        const { document, name } = await options.registryProfile(spec);
        return { document, name, stored: true };
    }
    if (/\.json$/i.test(spec) && !spec.startsWith('s3://')) {
        const path = (0,external_node_path_.resolve)(options.cwd, spec);
        const text = await (0,promises_.readFile)(path, 'utf8').catch((error) => {
            if (error.code === 'ENOENT')
                throw new errors/* InputError */.dz(`Input "${options.input}": ${spec} does not exist; give a profile JSON (validate-data's profile-output) or a dataset.`);
            throw error;
        });
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (error) {
            throw new errors/* InputError */.dz(`Input "${options.input}": ${spec} is not valid JSON: ${error.message}.`);
        }
        return { document: (0,profile_profile/* parseProfile */.jZ)(value, spec), name: spec, stored: true };
    }
    const { profile } = await validateDataset({
        data: [spec],
        format: 'auto',
        cwd: options.cwd,
        store: options.store,
        maxExamples: 0,
        failOn: 'never',
        workerScript: options.workerScript,
        logger: options.logger,
    });
    if (profile.rows === 0)
        throw new errors/* InputError */.dz(`Input "${options.input}": ${spec} has no rows; drift needs data to compare.`);
    return { document: profile, name: spec, stored: false };
}

// EXTERNAL MODULE: ./src/core/data/table.ts
var table = __webpack_require__(524);
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
            await (0,csv_reader/* readCsv */.Nb)(source, builder, (0,csv_reader/* delimiterOf */.Vl)(format));
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
            await (0,csv_reader/* readCsv */.Nb)(source, peek, (0,csv_reader/* delimiterOf */.Vl)(detected));
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
        (0,table/* checkFieldCounts */.p)(batch, width, this.source);
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
        score_model_checkFinite(model, outputName, values, width, table, feeds);
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
function score_model_checkFinite(model, output, values, width, table, feeds) {
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

;// CONCATENATED MODULE: ./src/core/drift/prediction-drift.ts
/**
 * Prediction drift: the model scores the reference rows and the current rows (onnxruntime-node, in
 * batches), and the two prediction distributions are compared like a column — P(class 1) for a model
 * with one or two outputs per row, the predicted class for one with more. The reference must be data
 * (a stored profile has no rows to score).
 */







const PREDICTION_COLUMN = 'prediction';
async function predictionsOf(spec, model, plan, options) {
    const sources = await resolveSources([spec], { cwd: options.cwd, ...(spec.startsWith('s3://') ? { store: options.store() } : {}) });
    const table = await readEvaluationTable(sources, { format: 'auto', features: plan.features, categorical: [] });
    const predictions = await scoreModel(model, plan, table);
    const { width, values, rows } = predictions;
    const profile = new column_profile/* ColumnProfile */.o();
    const cell = (0,data_cell/* newCell */.No)();
    let scratch = Buffer.alloc(64);
    let type = 'number';
    for (let row = 0; row < rows; row += 1) {
        let value;
        if (width <= 2)
            value = values[row * width + width - 1];
        else {
            let best = 0;
            for (let c = 1; c < width; c += 1)
                if (values[row * width + c] > values[row * width + best])
                    best = c;
            value = best;
            type = 'category';
        }
        scratch = (0,data_cell/* classifyValue */.Ws)(cell, value, scratch);
        profile.add(cell);
    }
    return { type, profile };
}
/** Throws unless both sides are data (a profile has no rows to score); call it before any work. */
function checkPredictionInputs(reference, current) {
    for (const [input, spec] of [['reference', reference], ['current', current]]) {
        if (/\.json$/i.test(spec) || spec.startsWith('registry:')) {
            throw new errors/* InputError */.dz(`Input "model": prediction drift scores the ${input} rows, but "${input}" is ${spec}, not data; give the ${input} as a dataset (the data the profile was made from).`);
        }
    }
}
async function predictionDrift(options) {
    checkPredictionInputs(options.reference, options.current);
    const model = await openModel(options.model);
    try {
        const [first] = await resolveSources([options.reference], { cwd: options.cwd, ...(options.reference.startsWith('s3://') ? { store: options.store() } : {}) });
        const plan = planInputs(model, options.features, await readDataColumns(first, 'auto'));
        const reference = await predictionsOf(options.reference, model, plan, options);
        const current = await predictionsOf(options.current, model, plan, options);
        return compareColumn(PREDICTION_COLUMN, reference, current, options.overrides ?? {});
    }
    finally {
        await releaseModel(model);
    }
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./src/core/report/markdown.ts
var markdown = __webpack_require__(4201);
;// CONCATENATED MODULE: ./src/core/report/charts.ts
/**
 * Small charts that GitHub renders without an image host: a Mermaid `xychart-beta` (rendered in
 * issues, comments and job summaries) and a one-line text histogram for tables.
 */
/** Text inside a Mermaid string: double quotes are not allowed, so they become single ones. */
function quoted(text) {
    return `"${text.replace(/"/g, "'").replace(/[\r\n]+/g, ' ')}"`;
}
function numbers(values) {
    return `[${values.map((value) => (Number.isFinite(value) ? Number(value.toPrecision(4)) : 0)).join(', ')}]`;
}
/**
 * A Mermaid xychart-beta block with the bars and the line on one y axis (0 to the largest value).
 * Mermaid has no legend for xychart, so the title names both series.
 */
function mermaidXyChart(chart) {
    const top = Math.max(0, ...chart.bars.values, ...chart.line.values);
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${quoted(`${chart.title} (bars: ${chart.bars.name}, line: ${chart.line.name})`)}`,
        `  x-axis [${chart.labels.map(quoted).join(', ')}]`,
        `  y-axis ${quoted(chart.yLabel)} 0 --> ${Number((top * 1.05 || 1).toPrecision(3))}`,
        `  bar ${numbers(chart.bars.values)}`,
        `  line ${numbers(chart.line.values)}`,
        '```',
    ].join('\n');
}
const BLOCKS = '▁▂▃▄▅▆▇█';
/** Values as a row of block characters scaled to the largest one (all equal zero: the lowest block). */
function textHistogram(values) {
    const top = Math.max(0, ...values);
    return values
        .map((value) => {
        if (!(top > 0) || !(value > 0))
            return BLOCKS[0];
        return BLOCKS[Math.min(BLOCKS.length - 1, Math.round((value / top) * (BLOCKS.length - 1)))];
    })
        .join('');
}
/** At most this many points per line chart: Mermaid draws them evenly spaced along the x axis. */
const MAX_LINE_POINTS = 60;
/**
 * One metric's curve as a Mermaid xychart-beta line over its steps (1 … last), thinned to at most
 * 60 evenly spaced points, the last one always kept; the y axis spans the values with a margin.
 */
function mermaidLineChart(chart) {
    const values = chart.values;
    const picked = values.length <= MAX_LINE_POINTS ? values : Array.from({ length: MAX_LINE_POINTS }, (_, i) => values[Math.round((i * (values.length - 1)) / (MAX_LINE_POINTS - 1))]);
    const finite = picked.filter(Number.isFinite);
    const low = Math.min(...finite);
    const high = Math.max(...finite);
    const margin = (high - low) * 0.05 || Math.abs(high) * 0.05 || 1;
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${quoted(chart.title)}`,
        `  x-axis ${quoted(chart.xLabel)} 1 --> ${Math.max(1, values.length)}`,
        `  y-axis ${quoted(chart.yLabel)} ${Number((low - margin).toPrecision(3))} --> ${Number((high + margin).toPrecision(3))}`,
        `  line ${numbers(picked)}`,
        '```',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/core/report/numbers.ts
var report_numbers = __webpack_require__(3596);
;// CONCATENATED MODULE: ./src/core/report/drift-report.ts
/**
 * The check-drift report in Markdown, in the evaluate-gate report's style: the verdict first (how many
 * of the compared columns drifted against `drift-share`), one table a reviewer can read in ten seconds
 * (Column | Type | Method | Score | Threshold | Effect size | Distribution | Drift), then collapsed
 * sections: reference-vs-current charts of the drifted columns and how to read the numbers.
 *
 * The charts come from the two profiles (columnChart): numeric columns in the reference-quantile bins
 * of PSI (profilePsi), categorical ones as the ten largest reference categories and `other`.
 */








/** Charts shown in the collapsed section, drifted columns in table order. */
const MAX_CHARTS = 10;
/** Categories charted by name; the rest are summed as `other`. */
const TOP_CATEGORIES = 10;
const drift_report_NUMERIC = new Set(['integer', 'number']);
const drift_report_count = (value) => value.toLocaleString('en-US');
/** Bin labels for the interior edges e₀ < e₁ < …: `≤ e₀`, `e₀–e₁`, …, `> e_last` (one bin: `all values`). */
function binLabels(edges) {
    if (edges.length === 0)
        return ['all values'];
    const labels = [`≤ ${(0,report_numbers/* formatValue */.Fl)(edges[0])}`];
    for (let i = 1; i < edges.length; i += 1)
        labels.push(`${(0,report_numbers/* formatValue */.Fl)(edges[i - 1])}–${(0,report_numbers/* formatValue */.Fl)(edges[i])}`);
    labels.push(`> ${(0,report_numbers/* formatValue */.Fl)(edges[edges.length - 1])}`);
    return labels;
}
/**
 * The shares of a column's values on both sides, for the report's histogram and chart: numeric
 * columns (`integer`, `number`) in profilePsi's bins at the reference's deciles; other columns as the
 * TOP_CATEGORIES categories of either side with the largest reference share (then current share, then
 * name) and `other` for the rest. Undefined when a side has no values, or a categorical column's
 * profile keeps no counts (more than 1,000 distinct values). O(m log m) for m support points or
 * categories.
 */
function columnChart(reference, current, type) {
    if (type === 'empty')
        return undefined;
    if (drift_report_NUMERIC.has(type)) {
        const psi = profilePsi(reference, current);
        if (psi.referenceShares.length === 0 || psi.referenceCount === 0 || psi.currentCount === 0)
            return undefined;
        return { labels: binLabels(psi.edges), reference: psi.referenceShares, current: psi.currentShares };
    }
    const referenceCounts = profileCategoryCounts(reference);
    const currentCounts = profileCategoryCounts(current);
    if (!referenceCounts.exact || !currentCounts.exact)
        return undefined;
    const sum = (counts) => [...counts.values()].reduce((total, n) => total + n, 0);
    const referenceTotal = sum(referenceCounts.counts);
    const currentTotal = sum(currentCounts.counts);
    if (referenceTotal === 0 || currentTotal === 0)
        return undefined;
    const referenceShare = (name) => (referenceCounts.counts.get(name) ?? 0) / referenceTotal;
    const currentShare = (name) => (currentCounts.counts.get(name) ?? 0) / currentTotal;
    const names = [...new Set([...referenceCounts.counts.keys(), ...currentCounts.counts.keys()])].sort((a, b) => referenceShare(b) - referenceShare(a) || currentShare(b) - currentShare(a) || (a < b ? -1 : a > b ? 1 : 0));
    const top = names.slice(0, TOP_CATEGORIES);
    const chart = { labels: [...top], reference: top.map(referenceShare), current: top.map(currentShare) };
    const rest = names.slice(TOP_CATEGORIES);
    if (rest.length > 0) {
        chart.labels.push('other');
        chart.reference.push(rest.reduce((total, name) => total + referenceShare(name), 0));
        chart.current.push(rest.reduce((total, name) => total + currentShare(name), 0));
    }
    return chart;
}
function compared(column) {
    return column.method !== undefined && !Number.isNaN(column.score);
}
function isTest(column) {
    return column.method !== undefined && METHOD_INFO[column.method].score === 'p_value';
}
function percentOf(share) {
    return `${Math.round(share * 100)}%`;
}
function headline(drift) {
    const counted = `${drift.drifted.length} of ${drift.compared} column${drift.compared === 1 ? '' : 's'} (${percentOf(drift.share)}) drifted`;
    return drift.datasetDrifted ? `### ⚠️ Data drift: ${counted}` : `### ✅ No dataset drift: ${counted}`;
}
function contextLine(drift, context) {
    const rows = (n) => `${drift_report_count(n)} row${n === 1 ? '' : 's'}`;
    return (`Reference ${code(context.reference)} (${rows(context.referenceRows)}) vs current ${code(context.current)} (${rows(context.currentRows)}); ` +
        `dataset drift when at least ${(0,report_numbers/* formatPercent */.l9)(drift.driftShare, { signed: false })} of the compared columns drift.`);
}
function typeCell(column) {
    return column.referenceType === column.currentType ? column.referenceType : `${column.referenceType} → ${column.currentType}`;
}
function scoreCell(column) {
    if (!compared(column))
        return '—';
    const approximate = column.exact ? '' : '≈ ';
    return isTest(column) ? `p ${column.exact ? '=' : '≈'} ${(0,report_numbers/* formatValue */.Fl)(column.score, 2)}` : `${approximate}${(0,report_numbers/* formatValue */.Fl)(column.score)}`;
}
function thresholdCell(column) {
    if (!compared(column) || Number.isNaN(column.threshold))
        return '—';
    return isTest(column) ? `p < ${(0,report_numbers/* formatValue */.Fl)(column.threshold)}` : `≥ ${(0,report_numbers/* formatValue */.Fl)(column.threshold)}`;
}
function effectCell(column) {
    if (column.effect === undefined)
        return '';
    const value = column.effect.name.endsWith('change') ? (0,report_numbers/* formatDelta */.CW)(column.effect.value) : (0,report_numbers/* formatValue */.Fl)(column.effect.value);
    return `${column.effect.name} = ${value}`;
}
function distributionCell(chart) {
    return chart === undefined ? '' : `${textHistogram(chart.reference)} → ${textHistogram(chart.current)}`;
}
function driftCell(column) {
    if (compared(column)) {
        const verdict = column.drifted ? '⚠️ drift' : '✅ no';
        return column.note === undefined ? verdict : `${verdict} (${column.note})`;
    }
    if (column.referenceType !== column.currentType && column.note?.startsWith('the type changed') === true) {
        return `⚠️ type: ${column.referenceType} → ${column.currentType}`;
    }
    const note = column.note ?? 'not compared';
    return column.drifted ? `⚠️ ${note}` : `— ${note}`;
}
/** Drifted columns first, then the rest, each in the comparison's order. */
function ordered(drift) {
    return [...drift.columns.filter((column) => column.drifted), ...drift.columns.filter((column) => !column.drifted)];
}
function columnsTable(drift, context) {
    const rows = ordered(drift).map((column) => [
        code(column.column),
        (0,markdown/* cell */.H)(typeCell(column)),
        column.method === undefined ? '—' : (0,markdown/* cell */.H)(METHOD_INFO[column.method].title),
        (0,markdown/* cell */.H)(scoreCell(column)),
        (0,markdown/* cell */.H)(thresholdCell(column)),
        (0,markdown/* cell */.H)(effectCell(column)),
        distributionCell(context.charts.get(column.column)),
        (0,markdown/* cell */.H)(driftCell(column)),
    ]);
    return (0,markdown_table/* markdownTable */.Q)([['Column', 'Type', 'Method', 'Score', 'Threshold', 'Effect size', 'Distribution', 'Drift'], ...rows], {
        align: ['l', 'l', 'l', 'r', 'r', 'r', 'c', 'l'],
    });
}
function chartsSection(drift, context) {
    const charted = drift.columns.filter((column) => column.drifted && context.charts.has(column.column));
    if (charted.length === 0)
        return '';
    const shown = charted.slice(0, MAX_CHARTS);
    const blocks = shown.map((column) => {
        const chart = context.charts.get(column.column);
        return mermaidXyChart({
            title: column.column,
            labels: chart.labels,
            yLabel: 'share of rows',
            bars: { name: 'reference', values: chart.reference },
            line: { name: 'current', values: chart.current },
        });
    });
    if (charted.length > shown.length)
        blocks.push(`The first ${MAX_CHARTS} of ${charted.length} drifted columns are shown.`);
    return (0,markdown/* details */.z)(`Reference vs current: ${shown.map((column) => column.column).join(', ')}${charted.length > shown.length ? ', …' : ''}`, blocks.join('\n\n'));
}
function oneSidedLine(drift) {
    const parts = [];
    if (drift.onlyInReference.length > 0)
        parts.push(`Only in the reference: ${drift.onlyInReference.map(code).join(', ')}.`);
    if (drift.onlyInCurrent.length > 0)
        parts.push(`Only in the current data: ${drift.onlyInCurrent.map(code).join(', ')}.`);
    return parts.join(' ');
}
function howToRead() {
    return (0,markdown/* details */.z)('How to read this', [
        '- **Tests** (Kolmogorov–Smirnov, chi-square, z-test) give a p-value: the chance of a difference at least this large if both samples came from one distribution. A column drifts when p is **below** the threshold.',
        '- **Distances** (Wasserstein normed by the reference standard deviation, Jensen–Shannon, PSI) measure how far apart the distributions are. A column drifts when the distance is **at or above** the threshold.',
        '- With large samples a test flags even tiny shifts as significant, so every p-value comes with an effect size (KS D, Cramér\'s V, the change of a share): a small p with a small effect is a real but slight shift.',
        '- **Distribution** shows the reference\'s shares → the current shares, each scaled to its largest bin: numeric columns in the reference\'s decile bins, categorical ones by the largest reference categories.',
        '- `≈` marks a statistic computed from a quantile sketch (columns with more than 1,000 distinct values), within its documented error of the exact value.',
    ].join('\n'));
}
/** The drift report as Markdown: the verdict, the columns table, charts of the drifted columns, notes. */
function renderDriftMarkdown(drift, context) {
    return [headline(drift), contextLine(drift, context), columnsTable(drift, context), chartsSection(drift, context), oneSidedLine(drift), howToRead()]
        .filter((part) => part !== '')
        .join('\n\n');
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

// EXTERNAL MODULE: ./src/actions/registry-reference.ts + 25 modules
var registry_reference = __webpack_require__(6250);
// EXTERNAL MODULE: ./src/platform/github/client.ts
var github_client = __webpack_require__(7560);
;// CONCATENATED MODULE: ./src/platform/github/dispatch.ts
async function dispatchWorkflow(client, repo, dispatch) {
    await client.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: dispatch.workflow, ref: dispatch.ref, inputs: dispatch.inputs });
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

async function identity_tokenLogin(client) {
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
    return `> [!WARNING]\n> This report was trimmed to fit GitHub's limit of ${COMMENT_BODY_LIMIT.toLocaleString('en-US')} characters for a comment. The full report is in ${where}.`;
}
/** The comment body: the marker on the first line, then the report, trimmed to GitHub's limit. */
function stickyBody(comment) {
    const marker = stickyMarker(comment.action, comment.key);
    const fitted = fitToLimit(comment.body, COMMENT_BODY_LIMIT - marker.length - 1, trimNotice(comment.fullReportUrl));
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

// EXTERNAL MODULE: ./src/platform/github/limits.ts
var limits = __webpack_require__(959);
;// CONCATENATED MODULE: ./src/platform/github/issues.ts




async function findOwnIssue(client, repo, issue) {
    const login = await identity_tokenLogin(client);
    const marker = stickyMarker(issue.action, issue.key);
    const label = issue.labels[0];
    const pages = client.paginate.iterator(client.rest.issues.listForRepo, {
        ...repo,
        state: 'open',
        per_page: 100,
        ...(label === undefined ? {} : { labels: label }),
    });
    for await (const page of pages) {
        const ours = page.data.find((item) => item.pull_request === undefined && item.user?.login === login && item.body?.includes(marker) === true);
        if (ours !== undefined)
            return { number: ours.number, url: ours.html_url };
    }
    return undefined;
}
/** The issue body: the marker on the first line, then the report, trimmed to GitHub's limit. */
function stickyIssueBody(issue, logger) {
    const marker = stickyMarker(issue.action, issue.key);
    const fitted = (0,fit/* fitToLimit */.Q)(issue.body, limits/* COMMENT_BODY_LIMIT */.tx - marker.length - 1, '> [!WARNING]\n> This report was trimmed to fit GitHub\'s size limit; the job summary of the run has it in full.');
    if (fitted.trimmed)
        logger.warning(`The ${issue.action} issue was trimmed to GitHub's size limit.`);
    return `${marker}\n${fitted.text}`;
}
/** Opens the issue, or updates the open one this account opened before with the same marker. */
async function upsertStickyIssue(client, repo, issue, logger) {
    const body = stickyIssueBody(issue, logger);
    const existing = await findOwnIssue(client, repo, issue);
    if (existing !== undefined) {
        await client.rest.issues.update({ ...repo, issue_number: existing.number, title: issue.title, body });
        logger.info(`Updated issue #${existing.number}: ${existing.url}`);
        return { ...existing, created: false };
    }
    const { data } = await client.rest.issues.create({ ...repo, title: issue.title, body, labels: issue.labels });
    logger.info(`Opened issue #${data.number}: ${data.html_url}`);
    return { number: data.number, url: data.html_url, created: true };
}
/** Closes the open sticky issue, if there is one, after commenting `note`; returns its number. */
async function closeStickyIssue(client, repo, issue, note, logger) {
    const existing = await findOwnIssue(client, repo, issue);
    if (existing === undefined)
        return undefined;
    await client.rest.issues.createComment({ ...repo, issue_number: existing.number, body: note });
    await client.rest.issues.update({ ...repo, issue_number: existing.number, state: 'closed', state_reason: 'completed' });
    logger.info(`Closed issue #${existing.number}: ${existing.url}`);
    return { ...existing, created: false };
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

;// CONCATENATED MODULE: ./src/actions/check-drift/on-drift.ts




const DRIFT_LABEL = 'cd4ml-drift';
/** The drift issue's title and body (before its marker) for a report on `key` (the reference). */
function driftIssueText(markdown, key, runUrl) {
    const where = runUrl === undefined ? 'this run' : `[this run](${runUrl})`;
    return {
        title: `Data drift against ${key}`,
        body: `${markdown}\n\n_Updated by ${where}. This issue closes itself when a later check finds no dataset drift._`,
    };
}
/**
 * The inputs the retraining workflow is started with; it must declare them (GitHub refuses others):
 * `summary`, the drift verdict, and `drift-run`, the URL of the run whose job summary has the report.
 */
function retrainInputs(outcome, runUrl) {
    return { summary: outcome.verdict, ...(runUrl === undefined ? {} : { 'drift-run': runUrl }) };
}
async function actOnDrift(outcome, options) {
    const { run, logger } = options;
    const wantsIssue = outcome.onDrift.has('issue');
    const wantsDispatch = outcome.drifted && outcome.onDrift.has('dispatch');
    if (!wantsIssue && !wantsDispatch)
        return;
    if (run.repository === undefined || options.token === undefined) {
        logger.warning('No repository or GitHub token: the drift issue and the retraining dispatch were skipped. Set the github-token input.');
        return;
    }
    const repo = run.repository;
    const client = (0,github_client/* createGitHubClient */.L)(options.token, { apiUrl: run.apiUrl, logger });
    const issue = { action: 'check-drift', key: outcome.key, labels: [DRIFT_LABEL] };
    const where = run.runUrl === undefined ? 'this run' : `[this run](${run.runUrl})`;
    if (wantsIssue && outcome.drifted) {
        const text = driftIssueText(outcome.markdown, outcome.key, run.runUrl);
        await writeOrWarn('open or update the drift issue', 'issues', () => upsertStickyIssue(client, repo, { ...issue, ...text }, logger), logger);
    }
    else if (wantsIssue) {
        await writeOrWarn('close the drift issue', 'issues', () => closeStickyIssue(client, repo, issue, `No dataset drift any more in ${where}: ${outcome.verdict}. Closing.`, logger), logger);
    }
    if (wantsDispatch) {
        const ref = outcome.ref ?? run.defaultBranch ?? run.refName;
        if (ref === undefined) {
            logger.warning('No ref to run the retraining workflow on: set the retrain-ref input.');
            return;
        }
        const started = await writeOrWarn(`start ${outcome.workflow}`, 'actions', async () => {
            await dispatchWorkflow(client, repo, { workflow: outcome.workflow, ref, inputs: retrainInputs(outcome, run.runUrl) });
            return true;
        }, logger);
        if (started === true)
            logger.info(`Started ${outcome.workflow} on ${ref}.`);
    }
}

;// CONCATENATED MODULE: ./src/actions/check-drift/main.ts














async function main({ inputs, logger, run, summary, setOutput }) {
    const cwd = process.cwd();
    const onDrift = new Set(inputs['on-drift']);
    if (onDrift.has('dispatch') && inputs['retrain-workflow'] === undefined) {
        throw new errors/* InputError */.dz('Input "on-drift" includes dispatch, but "retrain-workflow" is not set: name the workflow file to start, e.g. retrain.yml.');
    }
    if (inputs.model !== undefined)
        checkPredictionInputs(inputs.reference, inputs.current);
    const config = inputs.config === undefined ? undefined : await loadDriftConfig(inputs.config, cwd);
    const registryProfile = async (spec) => {
        const resolved = await (0,registry_reference/* resolveReference */.sX)(spec, 'reference', { registry: inputs.registry, cwd, run, token: inputs['github-token'], logger });
        return { document: await (0,registry_reference/* fetchProfile */.eO)(resolved), name: resolved.label };
    };
    const sideOptions = { cwd, store: () => createS3Store(), workerScript: (0,scan_worker/* workerScript */.wF)(), logger, registryProfile };
    const reference = await logger.group('Reading the reference', () => loadDriftSide(inputs.reference, { ...sideOptions, input: 'reference' }));
    const current = await logger.group('Reading the current data', () => loadDriftSide(inputs.current, { ...sideOptions, input: 'current' }));
    const driftShare = config?.driftShare ?? inputs['drift-share'];
    let drift = compareProfiles(reference.document, current.document, {
        ...(inputs.columns === undefined ? {} : { columns: inputs.columns }),
        ...(config === undefined ? {} : { overrides: config.columns.filter((override) => override.column !== PREDICTION_COLUMN) }),
        driftShare,
    });
    if (inputs.model !== undefined) {
        const override = config?.columns.find((entry) => entry.column === PREDICTION_COLUMN);
        const prediction = await logger.group(`Scoring both sides with ${inputs.model}`, () => predictionDrift({
            model: inputs.model,
            reference: inputs.reference,
            current: inputs.current,
            features: inputs.features,
            cwd,
            store: () => createS3Store(),
            overrides: { ...(override?.method === undefined ? {} : { method: override.method }), ...(override?.threshold === undefined ? {} : { threshold: override.threshold }) },
        }));
        drift = { ...drift, ...datasetVerdict([...drift.columns, prediction], driftShare) };
    }
    const charts = new Map();
    for (const column of drift.columns.filter((entry) => entry.drifted)) {
        const referenceColumn = reference.document.columns.find((entry) => entry.name === column.column);
        const currentColumn = current.document.columns.find((entry) => entry.name === column.column);
        if (referenceColumn === undefined || currentColumn === undefined)
            continue; // the prediction column
        const chart = columnChart(column_profile/* ColumnProfile */.o.fromState(referenceColumn.state), column_profile/* ColumnProfile */.o.fromState(currentColumn.state), referenceColumn.type);
        if (chart !== undefined)
            charts.set(column.column, chart);
    }
    const markdown = renderDriftMarkdown(drift, { reference: reference.name, current: current.name, referenceRows: reference.document.rows, currentRows: current.document.rows, charts });
    const scratch = (0,external_node_path_.join)(process.env['RUNNER_TEMP'] || (0,external_node_os_.tmpdir)(), 'cd4ml', 'check-drift');
    const reportPath = (0,external_node_path_.join)(scratch, 'report.md');
    await (0,write_file_atomic/* writeFileAtomic */.Z)(reportPath, `${markdown}\n`, 'report');
    await (0,write_file_atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(scratch, 'drift.json'), `${JSON.stringify(drift, null, 2)}\n`, 'drift');
    summary.append(markdown);
    const verdict = `${drift.drifted.length} of ${drift.compared} columns drifted (${(drift.share * 100).toFixed(0)}%; dataset drift from ${(drift.driftShare * 100).toFixed(0)}%)`;
    logger.info(drift.datasetDrifted ? `Dataset drift: ${verdict}: ${drift.drifted.join(', ')}.` : `No dataset drift: ${verdict}.`);
    setOutput('drifted', drift.datasetDrifted);
    setOutput('drift-share', drift.share);
    setOutput('drifted-columns', drift.drifted);
    setOutput('report', reportPath);
    await actOnDrift({ drifted: drift.datasetDrifted, verdict, markdown, reportPath, key: inputs.reference, onDrift, workflow: inputs['retrain-workflow'], ref: inputs['retrain-ref'] }, { run, token: inputs['github-token'], logger });
    if (drift.datasetDrifted && onDrift.has('fail'))
        throw new errors/* CheckFailedError */.CO(`data drift: ${verdict}: ${drift.drifted.join(', ')}`);
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
