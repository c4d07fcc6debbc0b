import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3185:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_gate_bootstrap_threads_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4237);


// The bundle is also the bootstrap workers' script: a worker thread started on this file runs resamples.
if ((0,_core_gate_bootstrap_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .isBootstrapWorker */ .$w)()) {
    (0,_core_gate_bootstrap_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .runBootstrapWorker */ .Gh)();
}
else {
    (0,_core_gate_bootstrap_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .useBootstrapScript */ .tC)((0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(import.meta.url));
    const { runAction } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(421), __nccwpck_require__.e(580)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4580));
    const { main } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(515), __nccwpck_require__.e(335), __nccwpck_require__.e(300), __nccwpck_require__.e(622)]).then(__nccwpck_require__.bind(__nccwpck_require__, 622));
    const { metadata } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(515), __nccwpck_require__.e(300), __nccwpck_require__.e(351)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4351));
    await runAction(metadata, main);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ CheckFailedError),
/* harmony export */   Do: () => (/* binding */ isCd4mlError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   eG: () => (/* binding */ EnvironmentError)
/* harmony export */ });
/* unused harmony exports Cd4mlError, NotImplementedError */
class Cd4mlError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
class InputError extends Cd4mlError {
    kind = 'input';
}
class CheckFailedError extends Cd4mlError {
    kind = 'check-failed';
}
class ServiceError extends Cd4mlError {
    kind = 'service';
}
class EnvironmentError extends Cd4mlError {
    kind = 'environment';
}
class NotImplementedError extends Cd4mlError {
    kind = 'not-implemented';
    constructor(what) {
        super(`${what} is not implemented yet in this version of cd4ml-actions; nothing was done.`);
    }
}
/** True for the errors whose message is written for the user; false for bugs. */
function isCd4mlError(error) {
    return error instanceof Cd4mlError;
}
/** One line for the log: the message of a known error, or the type and message of an unexpected one. */
function describeError(error) {
    if (isCd4mlError(error))
        return error.message;
    if (error instanceof Error)
        return `Unexpected ${error.name}: ${error.message}`;
    return `Unexpected failure: ${String(error)}`;
}


/***/ }),

/***/ 4237:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ isBootstrapWorker),
/* harmony export */   CJ: () => (/* binding */ bootstrapScoredRows),
/* harmony export */   Gh: () => (/* binding */ runBootstrapWorker),
/* harmony export */   O$: () => (/* binding */ bootstrapScript),
/* harmony export */   tC: () => (/* binding */ useBootstrapScript)
/* harmony export */ });
/* unused harmony exports BOOTSTRAP_TASK, PARALLEL_MIN_WORK */
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4296);
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7539);
/* harmony import */ var _evaluators_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5674);
/**
 * The paired bootstrap over several threads. Resamples [0, B) are cut into one contiguous part per
 * thread; each worker rebuilds the evaluators from a copy of the scored rows and returns its part's
 * values. Every resample has its own random stream, so the result is the same for any number of
 * threads. Bundled actions start the workers on their own entry file (see the action's index.ts).
 */




const BOOTSTRAP_TASK = 'cd4ml-bootstrap';
/** Below this many row-resamples (rows × B) the calling thread does it all: a worker's start costs more. */
const PARALLEL_MIN_WORK = 20_000_000;
let entryScript;
/** Names the script bootstrap workers start on: a bundled action's own entry file. */
function useBootstrapScript(path) {
    entryScript = path;
}
/** The script set by useBootstrapScript, if any (none in tests that import the sources directly). */
function bootstrapScript() {
    return entryScript;
}
/** True when this thread was started to run part of a bootstrap. */
function isBootstrapWorker() {
    return node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort !== null && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.kind === BOOTSTRAP_TASK;
}
function runBootstrapWorker() {
    const job = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData;
    let reply;
    try {
        const { candidate, baseline } = (0,_evaluators_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluatorsFor */ .q)(job.rows);
        reply = { samples: (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .pairedBootstrap */ .Wx)(candidate, baseline, { resamples: job.resamples, seed: job.seed }, job.first, job.last) };
    }
    catch (error) {
        reply = { error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error) };
    }
    const transfer = 'samples' in reply ? [...reply.samples.candidate, ...(reply.samples.baseline ?? []), ...(reply.samples.delta ?? [])].map((array) => array.buffer) : [];
    node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort.postMessage(reply, transfer);
}
function concat(parts, metrics) {
    if (parts[0] === undefined)
        return undefined;
    return Array.from({ length: metrics }, (_, m) => {
        const arrays = parts.map((part) => part[m]);
        const out = new Float64Array(arrays.reduce((sum, array) => sum + array.length, 0));
        let at = 0;
        for (const array of arrays) {
            out.set(array, at);
            at += array.length;
        }
        return out;
    });
}
function runPart(script, job) {
    return new Promise((resolve, reject) => {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(script, { workerData: job });
        worker.once('message', (reply) => {
            if ('error' in reply)
                reject(new Error(`a bootstrap thread failed: ${reply.error}`));
            else
                resolve(reply.samples);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
            if (code !== 0)
                reject(new Error(`a bootstrap thread exited with code ${code}`));
        });
    });
}
/** The paired bootstrap of `rows`, split over threads when it is large enough to gain from it. */
async function bootstrapScoredRows(rows, options, threads) {
    const { candidate, baseline } = (0,_evaluators_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluatorsFor */ .q)(rows);
    const parts = Math.min(threads.threads, options.resamples);
    if (threads.script === undefined || parts < 2 || candidate.rows * options.resamples < (threads.minWork ?? PARALLEL_MIN_WORK)) {
        return (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .pairedBootstrap */ .Wx)(candidate, baseline, options);
    }
    const bounds = Array.from({ length: parts + 1 }, (_, part) => Math.round((part * options.resamples) / parts));
    // A part whose worker fails (it could not start, or ran out of memory) is done here instead: same streams, same values.
    const workers = bounds.slice(1, -1).map((first, part) => {
        const last = bounds[part + 2];
        return runPart(threads.script, { kind: BOOTSTRAP_TASK, rows, resamples: options.resamples, seed: options.seed, first, last }).catch((error) => {
            threads.onWorkerError?.(`resamples ${first}–${last - 1} ran on the main thread: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
            return (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .pairedBootstrap */ .Wx)(candidate, baseline, options, first, last);
        });
    });
    const own = (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_3__/* .pairedBootstrap */ .Wx)(candidate, baseline, options, 0, bounds[1]);
    const all = [own, ...(await Promise.all(workers))];
    const metrics = candidate.names.length;
    const merged = { names: candidate.names, resamples: options.resamples, candidate: concat(all.map((part) => part.candidate), metrics) };
    const baselineSamples = concat(all.map((part) => part.baseline), metrics);
    const deltaSamples = concat(all.map((part) => part.delta), metrics);
    if (baselineSamples !== undefined)
        merged.baseline = baselineSamples;
    if (deltaSamples !== undefined)
        merged.delta = deltaSamples;
    return merged;
}


/***/ }),

/***/ 7539:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Kw: () => (/* binding */ ResampledValues),
  Wx: () => (/* binding */ pairedBootstrap)
});

// UNUSED EXPORTS: drawCounts, quantileOfSorted

;// CONCATENATED MODULE: ./src/core/stats/random.ts
/**
 * A seeded pseudo-random generator for resampling: xoshiro128** (Blackman & Vigna, 2018), 128 bits
 * of state, period 2^128 − 1, seeded through SplitMix32 so that nearby seeds give unrelated streams.
 * Every stream is named by (seed, stream): the bootstrap gives resample b its own stream, so results
 * do not depend on how resamples are split across threads.
 *
 * Not for cryptography. Complexity: O(1) per draw.
 */
function splitMix32(state) {
    state.value = (state.value + 0x9e3779b9) | 0;
    let z = state.value;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
}
const TWO_32 = 4294967296;
/** Below this many values an index takes one 32-bit draw exactly (Lemire's method); above it, 53 bits. */
const ONE_DRAW_LIMIT = 2 ** 21;
class Random {
    a;
    b;
    c;
    d;
    constructor(seed, stream = 0) {
        const state = { value: (seed ^ Math.imul(stream + 1, 0x632be5ab)) | 0 };
        splitMix32(state);
        state.value = (state.value + Math.floor(seed / TWO_32)) | 0;
        this.a = splitMix32(state);
        this.b = splitMix32(state);
        this.c = splitMix32(state);
        this.d = splitMix32(state);
        if ((this.a | this.b | this.c | this.d) === 0)
            this.d = 1;
    }
    /** A generator at a given xoshiro128** state (four 32-bit words, not all zero). */
    static fromState(a, b, c, d) {
        const random = new Random(0);
        random.a = a | 0;
        random.b = b | 0;
        random.c = c | 0;
        random.d = d | 0;
        return random;
    }
    /** The next 32 random bits, as an unsigned integer. */
    nextUint32() {
        const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
        const t = this.b << 9;
        this.c ^= this.a;
        this.d ^= this.b;
        this.b ^= this.c;
        this.a ^= this.d;
        this.c ^= t;
        this.d = rotl(this.d, 11);
        return result;
    }
    /** A uniform double in [0, 1) with 53 random bits. */
    nextDouble() {
        return ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) / 9007199254740992;
    }
    /**
     * A uniform integer in [0, n). Exactly uniform for n ≤ 2^21 (Lemire's multiply-and-reject, one draw
     * almost always); above that from 53 random bits, whose bias is below n / 2^53.
     */
    nextIndex(n) {
        if (n > ONE_DRAW_LIMIT)
            return Math.floor(this.nextDouble() * n);
        let bits = this.nextUint32();
        // The high word of bits·n is the index; its low word below the threshold means a biased draw.
        if (Math.imul(bits, n) >>> 0 < n) {
            const threshold = (TWO_32 - n) % n;
            while (Math.imul(bits, n) >>> 0 < threshold)
                bits = this.nextUint32();
        }
        return Math.floor((bits * n) / TWO_32);
    }
    /**
     * Adds one to `counts[i]` for `draws` indices i drawn uniformly from [0, counts.length): the
     * multinomial counts of a resample. The same draws as `draws` calls of nextIndex, inlined (the
     * bootstrap's hot loop). Returns false when a count wrapped around (a byte counted past 255).
     */
    addUniformCounts(counts, draws) {
        const n = counts.length;
        let wrapped = false;
        if (n > ONE_DRAW_LIMIT) {
            for (let i = 0; i < draws; i++) {
                const index = this.nextIndex(n);
                counts[index] += 1;
                if (counts[index] === 0)
                    wrapped = true;
            }
            return !wrapped;
        }
        const threshold = (TWO_32 - n) % n;
        let a = this.a;
        let b = this.b;
        let c = this.c;
        let d = this.d;
        for (let i = 0; i < draws; i++) {
            let bits;
            do {
                const x = Math.imul(b, 5);
                bits = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
                const t = b << 9;
                c ^= a;
                d ^= b;
                b ^= c;
                a ^= d;
                c ^= t;
                d = (d << 11) | (d >>> 21);
            } while (Math.imul(bits, n) >>> 0 < threshold);
            const index = (bits * n) / TWO_32 >>> 0;
            // A typed array stores the sum modulo its range: reading back 0 means it wrapped.
            counts[index] += 1;
            if (counts[index] === 0)
                wrapped = true;
        }
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
        return !wrapped;
    }
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}

;// CONCATENATED MODULE: ./src/core/gate/bootstrap.ts

/**
 * Fills `counts` with the multinomial counts of resample `stream`: n draws of n rows with
 * replacement. Returns false when a count does not fit its element (a row drawn 256 times into
 * bytes: for n = 10⁶ the chance is below 10⁻⁵⁰⁰, but then the resample is drawn again into 32 bits).
 */
function drawCounts(counts, seed, stream) {
    counts.fill(0);
    return new Random(seed, stream).addUniformCounts(counts, counts.length);
}
/**
 * Resamples `first ≤ b < last` of the paired bootstrap. The whole run is `[0, resamples)`; parts of it
 * (threads) give the same values as the whole, as each resample has its own stream.
 */
function pairedBootstrap(candidate, baseline, options, first = 0, last = options.resamples) {
    const rows = candidate.rows;
    if (baseline !== undefined && (baseline.rows !== rows || baseline.names.join() !== candidate.names.join())) {
        throw new Error('pairedBootstrap: the candidate and baseline evaluators must cover the same rows and metrics');
    }
    const names = candidate.names;
    const size = last - first;
    const samples = () => names.map(() => new Float64Array(size));
    const result = { names, resamples: size, candidate: samples() };
    if (baseline !== undefined) {
        result.baseline = samples();
        result.delta = samples();
    }
    // Bytes: a quarter of the memory traffic of 32-bit counts, in the two random-access loops per resample.
    const counts = new Uint8Array(rows);
    let wide;
    for (let b = first; b < last; b++) {
        let weights = counts;
        if (!drawCounts(counts, options.seed, b)) {
            wide ??= new Uint32Array(rows);
            drawCounts(wide, options.seed, b);
            weights = wide;
        }
        const at = b - first;
        const c = candidate.evaluate(weights);
        for (let m = 0; m < names.length; m++)
            result.candidate[m][at] = c[m];
        if (baseline !== undefined) {
            const base = baseline.evaluate(weights);
            for (let m = 0; m < names.length; m++) {
                result.baseline[m][at] = base[m];
                result.delta[m][at] = c[m] - base[m];
            }
        }
        options.onResample?.(b - first + 1);
    }
    return result;
}
/**
 * The q-quantile (0 ≤ q ≤ 1) of the finite values in `sorted` (ascending, NaN removed), with linear
 * interpolation between order statistics as numpy.quantile's default: position q·(m − 1).
 */
function quantileOfSorted(sorted, q) {
    const m = sorted.length;
    if (m === 0)
        return Number.NaN;
    const position = q * (m - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, m - 1);
    const fraction = position - below;
    const low = sorted[below];
    return fraction === 0 ? low : low + (sorted[above] - low) * fraction;
}
/** Resampled values of one metric, sorted once, answering intervals at any level. */
class ResampledValues {
    /** Ascending, without the undefined (NaN) resamples. */
    sorted;
    /** How many resamples left the metric undefined. */
    undefinedCount;
    constructor(values) {
        const finite = values.filter((value) => !Number.isNaN(value));
        this.sorted = finite.sort();
        this.undefinedCount = values.length - finite.length;
    }
    /** The two-sided percentile interval at `level` (0 < level < 1). */
    interval(level) {
        const tail = (1 - level) / 2;
        return [quantileOfSorted(this.sorted, tail), quantileOfSorted(this.sorted, 1 - tail)];
    }
}


/***/ }),

/***/ 5674:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  q: () => (/* binding */ evaluatorsFor)
});

// UNUSED EXPORTS: evaluatorFor

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/metrics/binary.ts
/**
 * The binary classification metrics, as scikit-learn computes them with `sample_weight` (checked
 * against sklearn 1.2.1 in test/fixtures/reference/metrics):
 *
 * - roc_auc            roc_auc_score: the trapezoid under the ROC curve over distinct thresholds, which
 *                      equals the Mann–Whitney statistic with a tied positive/negative pair counted ½;
 * - average_precision  average_precision_score: Σ (R_n − R_{n−1}) · P_n over distinct thresholds;
 * - log_loss           log_loss(labels=[0, 1]): p clipped to [eps, 1 − eps] (eps = 2⁻⁵², float64's
 *                      machine epsilon), the row [1 − p, p] renormalised, mean of −ln p(true class);
 * - brier              brier_score_loss: mean of (y − p)²;
 * - accuracy, balanced_accuracy, precision, recall, f1, mcc: accuracy_score, balanced_accuracy_score,
 *                      precision_score, recall_score, f1_score (pos_label=1, zero_division default:
 *                      0) and matthews_corrcoef (0 when its denominator is 0) of the predictions
 *                      `probability >= threshold` (a row exactly at the threshold is predicted positive).
 *
 * Degenerate input: every metric is NaN when the total weight is 0 (sklearn raises for most, returns
 * 0 for some); roc_auc is NaN unless both classes have positive weight (sklearn raises or returns nan);
 * average_precision is NaN when no positive has weight (sklearn 1.2.1 returns 0 with a warning, which
 * would read as "worst model" in a comparison). Otherwise they follow sklearn: log_loss is defined
 * with one class present (labels=[0, 1]), balanced_accuracy averages the recalls of the classes
 * present, precision, recall and f1 are 0 where they divide by 0.
 *
 * Preparation sorts the rows by probability once (an LSD radix sort on the doubles' bits, O(n)) and
 * lays out, in that order, each row's label and its log-loss and Brier contributions, with a flag on
 * the last row of each group of tied probabilities. `evaluate` gathers the weights through the sorted
 * permutation once into a reused buffer, then accumulates every metric in one branch-free sequential
 * pass over the rows: O(n) time, no allocation besides its result (about 5 ms for 1,000,000 rows
 * of distinct scores on the benchmark machine).
 */

const BINARY_METRICS = [
    'roc_auc',
    'average_precision',
    'log_loss',
    'brier',
    'accuracy',
    'balanced_accuracy',
    'precision',
    'recall',
    'f1',
    'mcc',
];
/** np.finfo(np.float64).eps, sklearn's log_loss clipping bound ("auto" for float64 input). */
const EPS = Number.EPSILON;
/** −ln of the probability of `label` after sklearn's clipping and renormalisation of [1 − p, p]. */
function binaryLogLoss(label, probability) {
    const positive = Math.min(Math.max(probability, EPS), 1 - EPS);
    const negative = 1 - positive;
    return -Math.log((label === 1 ? positive : negative) / (negative + positive));
}
/**
 * Prepares the binary metrics of `labels` (0 or 1) against `probabilities` (of class 1). Throws an
 * InputError for arrays of different lengths, a label other than 0/1, a probability outside [0, 1]
 * or a non-finite threshold.
 */
function binaryEvaluator(labels, probabilities, options) {
    const rows = labels.length;
    const { threshold } = options;
    if (probabilities.length !== rows) {
        throw new errors/* InputError */.dz(`Binary metrics need one probability per label: got ${probabilities.length} probabilities for ${rows} labels.`);
    }
    if (!Number.isFinite(threshold))
        throw new errors/* InputError */.dz(`The classification threshold must be a finite number, got ${threshold}.`);
    for (let i = 0; i < rows; i += 1) {
        const label = labels[i];
        if (label > 1)
            throw new errors/* InputError */.dz(`Binary label at row ${i} is ${label}; expected 0 or 1.`);
        const probability = probabilities[i];
        if (!(probability >= 0 && probability <= 1)) {
            throw new errors/* InputError */.dz(`Predicted probability at row ${i} is ${probability}; expected a probability of the positive class in [0, 1].`);
        }
    }
    const order = descendingOrder(probabilities);
    // Doubles throughout the hot loop: mixing typed-array integers with double sums costs V8 a
    // conversion per operation (about 6× slower on 1,000,000 rows).
    const sortedLabel = new Float64Array(rows);
    const sortedLogLoss = new Float64Array(rows);
    const sortedBrier = new Float64Array(rows);
    const groupEnd = new Float64Array(rows);
    let positiveRows = 0;
    for (let i = 0; i < rows; i += 1) {
        const row = order[i];
        const label = labels[row];
        const probability = probabilities[row];
        sortedLabel[i] = label;
        sortedLogLoss[i] = binaryLogLoss(label, probability);
        const residual = label - probability;
        sortedBrier[i] = residual * residual;
        if (i + 1 === rows || probabilities[order[i + 1]] !== probability) {
            groupEnd[i] = 1;
            if (probability >= threshold)
                positiveRows = i + 1;
        }
    }
    const layout = {
        order,
        label: sortedLabel,
        logLoss: sortedLogLoss,
        brier: sortedBrier,
        groupEnd,
        positiveRows,
        weight: new Float64Array(rows),
    };
    const sums = new Float64Array(SUMS);
    const state = new Float64Array(STATE);
    const names = options.metrics === undefined ? BINARY_METRICS : BINARY_METRICS.filter((name) => options.metrics.includes(name));
    const picks = names.map((name) => BINARY_METRICS.indexOf(name));
    const losses = names.includes('log_loss') || names.includes('brier');
    return {
        names,
        rows,
        evaluate(weights) {
            if (weights === undefined)
                layout.weight.fill(1);
            else {
                if (weights.length !== rows)
                    throw new RangeError(`weights has ${weights.length} entries for ${rows} rows`);
                gatherWeights(weights, order, layout.weight);
            }
            accumulate(layout, sums, state, losses);
            const values = binaryMetrics(sums);
            return picks.length === BINARY_METRICS.length ? values : Float64Array.from(picks, (at) => values[at]);
        },
    };
}
// Indices into the sums that `accumulate` fills and `binaryMetrics` reads.
const POSITIVES = 0;
const NEGATIVES = 1;
/** Twice the Mann–Whitney sum: Σ over groups of negatives · (2 · positives above + positives tied). */
const AUC_TWICE = 2;
/** Σ over groups of the group's positive weight times the precision at its threshold. */
const PRECISION_SUM = 3;
const LOG_LOSS = 4;
const BRIER = 5;
const TRUE_POSITIVES = 6;
const FALSE_POSITIVES = 7;
const SUMS = 8;
/**
 * weights[order[i]] into `into[i]`: one gather through the permutation, apart from the accumulation
 * so that its loads are independent. Unrolled by 8, which keeps more loads in flight (about 1.6 times
 * faster than the plain loop on 1,000,000 rows).
 */
function gatherWeights(weights, order, into) {
    const n = Math.min(into.length, order.length);
    let i = 0;
    for (; i + 8 <= n; i += 8) {
        into[i] = weights[order[i]];
        into[i + 1] = weights[order[i + 1]];
        into[i + 2] = weights[order[i + 2]];
        into[i + 3] = weights[order[i + 3]];
        into[i + 4] = weights[order[i + 4]];
        into[i + 5] = weights[order[i + 5]];
        into[i + 6] = weights[order[i + 6]];
        into[i + 7] = weights[order[i + 7]];
    }
    for (; i < n; i += 1)
        into[i] = weights[order[i]];
}
/** The running state of a sweep (see `sweep`), kept between its two ranges. */
const P = 0; // positive weight of the groups before the current one
const N = 1; // negative weight of the groups before the current one
const GROUP_POSITIVE = 2;
const GROUP_NEGATIVE = 3;
const STATE = 4;
/**
 * The weighted sums of one evaluation, in one sequential pass over the sorted rows: the predicted
 * positives first (rows [0, positiveRows)), whose totals are the true and false positives, then the
 * rest. The log-loss and Brier sums only when `losses`.
 */
function accumulate(rows, sums, state, losses) {
    sums.fill(0);
    state.fill(0);
    sweep(rows, 0, rows.positiveRows, sums, state, losses);
    sums[TRUE_POSITIVES] = state[P];
    sums[FALSE_POSITIVES] = state[N];
    sweep(rows, rows.positiveRows, rows.weight.length, sums, state, losses);
    sums[POSITIVES] = state[P];
    sums[NEGATIVES] = state[N];
}
/**
 * Rows [from, to), row by row without branches: a row's negative weight pairs with every positive of
 * the groups above it (2·P in the doubled Mann–Whitney sum); at a group's last row (groupEnd 1) the
 * tied pairs within the group count ½ each (gp·gn doubled), the group's positive weight adds
 * gp · precision to the average-precision sum, and the group joins P and N. Rows of weight 0 add 0.
 */
function sweep(rows, from, to, sums, state, losses) {
    const { label, logLoss: rowLogLoss, brier: rowBrier, groupEnd, weight } = rows;
    let positives = state[P];
    let negatives = state[N];
    let groupPositive = state[GROUP_POSITIVE];
    let groupNegative = state[GROUP_NEGATIVE];
    let aucTwice = sums[AUC_TWICE];
    let precisionSum = sums[PRECISION_SUM];
    let logLoss = sums[LOG_LOSS];
    let brier = sums[BRIER];
    let twicePositives = 2 * positives;
    for (let i = from; i < to; i += 1) {
        const w = weight[i];
        const positive = w * label[i];
        const negative = w - positive;
        aucTwice += negative * twicePositives;
        groupPositive += positive;
        groupNegative += negative;
        const end = groupEnd[i];
        aucTwice += end * groupPositive * groupNegative;
        positives += end * groupPositive;
        negatives += end * groupNegative;
        // Weights are whole numbers, so a non-zero total is at least 1 (and with a zero total, groupPositive is 0).
        precisionSum += (end * groupPositive * positives) / Math.max(positives + negatives, 1);
        twicePositives = 2 * positives;
        const keep = 1 - end;
        groupPositive *= keep;
        groupNegative *= keep;
        if (losses) {
            logLoss += w * rowLogLoss[i];
            brier += w * rowBrier[i];
        }
    }
    state[P] = positives;
    state[N] = negatives;
    state[GROUP_POSITIVE] = groupPositive;
    state[GROUP_NEGATIVE] = groupNegative;
    sums[AUC_TWICE] = aucTwice;
    sums[PRECISION_SUM] = precisionSum;
    sums[LOG_LOSS] = logLoss;
    sums[BRIER] = brier;
}
/** The metric values, in BINARY_METRICS order, from the weighted sums. */
function binaryMetrics(sums) {
    const positives = sums[POSITIVES];
    const negatives = sums[NEGATIVES];
    const truePositives = sums[TRUE_POSITIVES];
    const falsePositives = sums[FALSE_POSITIVES];
    const values = new Float64Array(BINARY_METRICS.length);
    const total = positives + negatives;
    if (total === 0)
        return values.fill(Number.NaN);
    const trueNegatives = negatives - falsePositives;
    const falseNegatives = positives - truePositives;
    const predictedPositive = truePositives + falsePositives;
    const predictedNegative = trueNegatives + falseNegatives;
    const precision = predictedPositive > 0 ? truePositives / predictedPositive : 0;
    const recall = positives > 0 ? truePositives / positives : 0;
    const specificity = negatives > 0 ? trueNegatives / negatives : 0;
    values[0] = positives > 0 && negatives > 0 ? sums[AUC_TWICE] / (2 * positives * negatives) : Number.NaN;
    values[1] = positives > 0 ? sums[PRECISION_SUM] / positives : Number.NaN;
    values[2] = sums[LOG_LOSS] / total;
    values[3] = sums[BRIER] / total;
    values[4] = (truePositives + trueNegatives) / total;
    values[5] = positives > 0 && negatives > 0 ? (recall + specificity) / 2 : positives > 0 ? recall : specificity;
    values[6] = precision;
    values[7] = recall;
    values[8] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    // matthews_corrcoef's formula term by term (exact in doubles while the total weight is below 2^26).
    const covTruePredicted = (truePositives + trueNegatives) * total - (negatives * predictedNegative + positives * predictedPositive);
    const covPredicted = total * total - (predictedNegative * predictedNegative + predictedPositive * predictedPositive);
    const covTrue = total * total - (negatives * negatives + positives * positives);
    values[9] = covPredicted * covTrue === 0 ? 0 : covTruePredicted / Math.sqrt(covTrue * covPredicted);
    return values;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
/**
 * Row indices ordered by decreasing value, for values in [0, 1]. For non-negative doubles the bit
 * pattern, read as an unsigned 64-bit integer, orders as the value does, so an LSD radix sort over its
 * four 16-bit digits sorts in O(n) (passes where every row shares the digit are skipped).
 */
function descendingOrder(values) {
    const n = values.length;
    const order = new Uint32Array(n);
    if (!LITTLE_ENDIAN) {
        for (let i = 0; i < n; i += 1)
            order[i] = i;
        return order.sort((a, b) => values[b] - values[a]);
    }
    const keys = new Float64Array(n);
    // −0 has the sign bit set: map it to +0 so that it groups with 0.
    for (let i = 0; i < n; i += 1)
        keys[i] = values[i] === 0 ? 0 : values[i];
    const bits = new Uint32Array(keys.buffer);
    let low = new Uint32Array(n);
    let high = new Uint32Array(n);
    let index = new Uint32Array(n);
    let nextLow = new Uint32Array(n);
    let nextHigh = new Uint32Array(n);
    let nextIndex = new Uint32Array(n);
    const counts = new Uint32Array(4 * BUCKETS);
    for (let i = 0; i < n; i += 1) {
        const lo = bits[2 * i];
        const hi = bits[2 * i + 1];
        low[i] = lo;
        high[i] = hi;
        index[i] = i;
        counts[lo & 0xffff] += 1;
        counts[BUCKETS + (lo >>> 16)] += 1;
        counts[2 * BUCKETS + (hi & 0xffff)] += 1;
        counts[3 * BUCKETS + (hi >>> 16)] += 1;
    }
    for (let digit = 0; digit < 4; digit += 1) {
        const offsets = counts.subarray(digit * BUCKETS, (digit + 1) * BUCKETS);
        let running = 0;
        let trivial = false;
        for (let b = 0; b < BUCKETS; b += 1) {
            const count = offsets[b];
            if (count === n)
                trivial = true;
            offsets[b] = running;
            running += count;
        }
        if (trivial)
            continue;
        const source = digit < 2 ? low : high;
        const shift = digit % 2 === 0 ? 0 : 16;
        for (let i = 0; i < n; i += 1) {
            const bucket = (source[i] >>> shift) & 0xffff;
            const position = offsets[bucket];
            offsets[bucket] = position + 1;
            nextLow[position] = low[i];
            nextHigh[position] = high[i];
            nextIndex[position] = index[i];
        }
        [low, nextLow] = [nextLow, low];
        [high, nextHigh] = [nextHigh, high];
        [index, nextIndex] = [nextIndex, index];
    }
    for (let i = 0; i < n; i += 1)
        order[i] = index[n - 1 - i];
    return order;
}

// EXTERNAL MODULE: ./src/core/metrics/confusion.ts
var confusion = __nccwpck_require__(4805);
;// CONCATENATED MODULE: ./src/core/metrics/multiclass.ts
/**
 * The multiclass metrics, as scikit-learn computes them with `sample_weight` and labels=range(C)
 * (checked against sklearn 1.2.1 in test/fixtures/reference/metrics):
 *
 * - accuracy        accuracy_score of the argmax predictions (the first maximum on ties, as numpy.argmax);
 * - f1_macro        f1_score(average='macro'): the unweighted mean of the C per-class F1 scores; a class
 *                   absent from both the labels and the predictions counts with F1 0 (zero_division
 *                   default), as sklearn does when labels= names it;
 * - f1_weighted     f1_score(average='weighted'): per-class F1 weighted by the class's (weighted) support;
 * - log_loss        log_loss(labels=range(C)): each probability clipped to [eps, 1 − eps] (eps = 2⁻⁵²),
 *                   the row renormalised to sum 1 (as sklearn 1.2 does), mean of −ln p(true class);
 * - top_k_accuracy  top_k_accuracy_score(k) for each k in {2, 3, 5} below C (names top_2_accuracy, …):
 *                   the true class is among the k first of the row's classes ordered as sklearn orders
 *                   them (np.argsort(kind='mergesort') reversed), so that among tied probabilities the
 *                   higher class index ranks first.
 *
 * Degenerate input: every metric is NaN when the total weight is 0 (sklearn raises for accuracy and
 * log_loss). Otherwise the values are sklearn's, including F1 0 for classes never predicted or absent.
 *
 * Preparation computes each row's argmax prediction, log-loss term and the rank of its true class,
 * O(n · C); `evaluate` accumulates per-class weighted counts in reused scratch arrays: O(n + C), no
 * allocation besides its result.
 */


/** The k of top_k_accuracy, each used when below the number of classes. */
const TOP_K = [2, 3, 5];
/** np.finfo(np.float64).eps, sklearn's log_loss clipping bound ("auto" for float64 input). */
const multiclass_EPS = Number.EPSILON;
/** Ranks at or beyond this are not told apart (no k reaches it). */
const RANK_CAP = 5;
/** The metric names for `classes` classes, in evaluate's order. */
function multiclassMetricNames(classes) {
    return ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss', ...TOP_K.filter((k) => k < classes).map((k) => `top_${k}_accuracy`)];
}
/**
 * Prepares the multiclass metrics of `labels` (class indices 0..classes-1) against `probabilities`
 * (row-major rows × classes). Throws an InputError for fewer than 2 classes, a probability matrix of
 * the wrong size, a label outside 0..classes-1 or a probability outside [0, 1].
 */
function multiclassEvaluator(labels, probabilities, classes) {
    const rows = labels.length;
    if (!Number.isInteger(classes) || classes < 2)
        throw new errors/* InputError */.dz(`Multiclass metrics need at least 2 classes, got ${classes}.`);
    if (probabilities.length !== rows * classes) {
        throw new errors/* InputError */.dz(`Multiclass metrics need ${classes} probabilities per row: got ${probabilities.length} probabilities ` +
            `for ${rows} labels (expected ${rows * classes}).`);
    }
    for (let i = 0; i < rows; i += 1) {
        const label = labels[i];
        if (label < 0 || label >= classes)
            throw new errors/* InputError */.dz(`Class label at row ${i} is ${label}; expected a class index 0..${classes - 1}.`);
    }
    for (let j = 0; j < probabilities.length; j += 1) {
        const probability = probabilities[j];
        if (!(probability >= 0 && probability <= 1)) {
            throw new errors/* InputError */.dz(`Predicted probability of class ${j % classes} at row ${Math.floor(j / classes)} is ${probability}; expected a probability in [0, 1].`);
        }
    }
    const names = multiclassMetricNames(classes);
    const ks = TOP_K.filter((k) => k < classes);
    const predicted = (0,confusion/* argmaxPredictions */.l$)(probabilities, classes);
    const rowLogLoss = new Float64Array(rows);
    /** How many classes sklearn's top-k order puts before the true class, capped at RANK_CAP. */
    const trueRank = new Uint8Array(rows);
    for (let row = 0, offset = 0; row < rows; row += 1, offset += classes) {
        const label = labels[row];
        const own = probabilities[offset + label];
        let sum = 0;
        let ahead = 0;
        for (let c = 0; c < classes; c += 1) {
            const probability = probabilities[offset + c];
            sum += Math.min(Math.max(probability, multiclass_EPS), 1 - multiclass_EPS);
            if (probability > own || (probability === own && c > label))
                ahead += 1;
        }
        rowLogLoss[row] = -Math.log(Math.min(Math.max(own, multiclass_EPS), 1 - multiclass_EPS) / sum);
        trueRank[row] = Math.min(ahead, RANK_CAP);
    }
    const truePositive = new Float64Array(classes);
    const predictedCount = new Float64Array(classes);
    const support = new Float64Array(classes);
    const rankWeight = new Float64Array(RANK_CAP + 1);
    return {
        names,
        rows,
        evaluate(weights) {
            if (weights !== undefined && weights.length !== rows) {
                throw new RangeError(`weights has ${weights.length} entries for ${rows} rows`);
            }
            truePositive.fill(0);
            predictedCount.fill(0);
            support.fill(0);
            rankWeight.fill(0);
            let logLoss = 0;
            for (let row = 0; row < rows; row += 1) {
                const w = weights === undefined ? 1 : weights[row];
                const label = labels[row];
                const guess = predicted[row];
                support[label] += w;
                predictedCount[guess] += w;
                if (label === guess)
                    truePositive[label] += w;
                logLoss += w * rowLogLoss[row];
                rankWeight[trueRank[row]] += w;
            }
            const values = new Float64Array(names.length);
            let total = 0;
            let correct = 0;
            let f1Sum = 0;
            let f1Weighted = 0;
            for (let c = 0; c < classes; c += 1) {
                const tp = truePositive[c];
                const precision = predictedCount[c] > 0 ? tp / predictedCount[c] : 0;
                const recall = support[c] > 0 ? tp / support[c] : 0;
                const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
                total += support[c];
                correct += tp;
                f1Sum += f1;
                f1Weighted += f1 * support[c];
            }
            if (total === 0)
                return values.fill(Number.NaN);
            values[0] = correct / total;
            values[1] = f1Sum / classes;
            values[2] = f1Weighted / total;
            values[3] = logLoss / total;
            let within = 0;
            let next = 0;
            for (let index = 0; index < ks.length; index += 1) {
                const k = ks[index];
                while (next < k) {
                    within += rankWeight[next];
                    next += 1;
                }
                values[4 + index] = within / total;
            }
            return values;
        },
    };
}

;// CONCATENATED MODULE: ./src/core/metrics/regression.ts
/**
 * The regression metrics, as scikit-learn computes them with `sample_weight` (checked against sklearn
 * 1.2.1 in test/fixtures/reference/metrics), with w the row weights and W their sum:
 *
 * - mae   mean_absolute_error: Σ w·|ŷ − y| / W;
 * - rmse  √ mean_squared_error: √(Σ w·(y − ŷ)² / W);
 * - r2    r2_score: 1 − Σ w·(y − ŷ)² / Σ w·(y − ȳ_w)², ȳ_w the weighted mean of the targets; as sklearn
 *         (force_finite), 1 when the numerator is 0, and 0 when only the denominator is 0 (a target
 *         constant over the weighted rows);
 * - mape  mean_absolute_percentage_error: Σ w·|ŷ − y| / max(|y|, eps) / W with eps = 2⁻⁵², so a zero
 *         target with a nonzero error contributes about 4.5e15 times the error, as in sklearn.
 *
 * Degenerate input: every metric is NaN when the total weight is 0 (sklearn raises), and r2 is NaN
 * for fewer than 2 rows (sklearn returns nan; like sklearn with sample_weight, the count is of rows,
 * not of weight). A target constant over the weighted rows is detected exactly, so the R² denominator
 * is then exactly 0 and R² follows sklearn's constant-target rule. (sklearn's mean of such targets
 * may round and leave a denominator of rounding noise: r2_score([0.1] * 3, [0.2, 0.1, 0.1]) is
 * −1.7e31 in sklearn 1.2.1, 0 here; for targets whose sums are exact, e.g. integers, both agree.)
 *
 * The R² denominator is summed in two passes around the weighted mean of the targets, themselves
 * centred on their unweighted mean at preparation, so targets far from 0 (1e6 ± 1) lose no precision.
 * Preparation O(n); `evaluate` two passes, O(n), no allocation besides its result.
 */

const REGRESSION_METRICS = ['mae', 'rmse', 'r2', 'mape'];
/** np.finfo(np.float64).eps, the floor of |y| in sklearn's MAPE. */
const regression_EPS = Number.EPSILON;
/**
 * Prepares the regression metrics of `predictions` against `targets`. Throws an InputError for arrays
 * of different lengths or a value that is not a finite number.
 */
function regressionEvaluator(targets, predictions) {
    const rows = targets.length;
    if (predictions.length !== rows) {
        throw new errors/* InputError */.dz(`Regression metrics need one prediction per target: got ${predictions.length} predictions for ${rows} targets.`);
    }
    let sum = 0;
    for (let i = 0; i < rows; i += 1) {
        if (!Number.isFinite(targets[i]))
            throw new errors/* InputError */.dz(`Target at row ${i} is ${targets[i]}; expected a finite number.`);
        if (!Number.isFinite(predictions[i]))
            throw new errors/* InputError */.dz(`Prediction at row ${i} is ${predictions[i]}; expected a finite number.`);
        sum += targets[i];
    }
    const centre = rows > 0 ? sum / rows : 0;
    const centred = new Float64Array(rows);
    const absoluteError = new Float64Array(rows);
    const squaredError = new Float64Array(rows);
    const percentageError = new Float64Array(rows);
    for (let i = 0; i < rows; i += 1) {
        const target = targets[i];
        const error = predictions[i] - target;
        centred[i] = target - centre;
        absoluteError[i] = Math.abs(error);
        squaredError[i] = error * error;
        percentageError[i] = Math.abs(error) / Math.max(Math.abs(target), regression_EPS);
    }
    return {
        names: REGRESSION_METRICS,
        rows,
        evaluate(weights) {
            if (weights !== undefined && weights.length !== rows) {
                throw new RangeError(`weights has ${weights.length} entries for ${rows} rows`);
            }
            const values = new Float64Array(REGRESSION_METRICS.length);
            // A weighted row's centred target: the reference against which constancy is tested.
            let first = 0;
            while (first < rows && weights !== undefined && weights[first] === 0)
                first += 1;
            if (first === rows)
                return values.fill(Number.NaN);
            const reference = centred[first];
            let total = 0;
            let absolute = 0;
            let squared = 0;
            let percentage = 0;
            let targetSum = 0;
            /** Σ w·|y − reference|: exactly 0 iff every weighted target equals the reference. */
            let spread = 0;
            for (let i = 0; i < rows; i += 1) {
                const w = weights === undefined ? 1 : weights[i];
                const target = centred[i];
                total += w;
                absolute += w * absoluteError[i];
                squared += w * squaredError[i];
                percentage += w * percentageError[i];
                targetSum += w * target;
                spread += w * Math.abs(target - reference);
            }
            let deviation = 0;
            if (spread !== 0) {
                const mean = targetSum / total;
                for (let i = 0; i < rows; i += 1) {
                    const w = weights === undefined ? 1 : weights[i];
                    const d = centred[i] - mean;
                    deviation += w * d * d;
                }
            }
            values[0] = absolute / total;
            values[1] = Math.sqrt(squared / total);
            values[2] = rows < 2 ? Number.NaN : squared === 0 ? 1 : deviation === 0 ? 0 : 1 - squared / deviation;
            values[3] = percentage / total;
            return values;
        },
    };
}

;// CONCATENATED MODULE: ./src/core/gate/evaluators.ts
/**
 * The metric evaluators of a scored evaluation, built from plain data (labels and each model's
 * predictions), so a bootstrap worker thread can rebuild the same evaluators from a copy of it.
 */



function evaluatorFor(rows, predictions) {
    switch (rows.task) {
        case 'binary':
            return binaryEvaluator(rows.labels, predictions, {
                threshold: rows.threshold,
                ...(rows.binaryMetrics === undefined ? {} : { metrics: rows.binaryMetrics }),
            });
        case 'multiclass':
            return multiclassEvaluator(rows.labels, predictions, rows.classes);
        case 'regression':
            return regressionEvaluator(rows.labels, predictions);
    }
}
function evaluatorsFor(rows) {
    const candidate = evaluatorFor(rows, rows.candidate);
    return rows.baseline === undefined ? { candidate } : { candidate, baseline: evaluatorFor(rows, rows.baseline) };
}


/***/ }),

/***/ 4805:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ binaryPredictions),
/* harmony export */   gM: () => (/* binding */ confusionMatrix),
/* harmony export */   l$: () => (/* binding */ argmaxPredictions)
/* harmony export */ });
/**
 * Predicted classes from scores, and the confusion matrix, shared by the metric families and the
 * gate's report.
 *
 * - binaryPredictions: 1 where P(positive) >= threshold (a row exactly at the threshold is positive);
 * - argmaxPredictions: the class of the largest probability, the first one on ties (as numpy.argmax);
 * - confusionMatrix: counts with rows = true class, columns = predicted class (as
 *   sklearn.metrics.confusion_matrix with labels=range(classes)).
 *
 * Complexity: O(n) for the predictions, O(n + classes²) for the matrix.
 */
/** 1 where `probabilities[i] >= threshold`, else 0. */
function binaryPredictions(probabilities, threshold) {
    const predicted = new Uint8Array(probabilities.length);
    for (let i = 0; i < probabilities.length; i += 1)
        predicted[i] = probabilities[i] >= threshold ? 1 : 0;
    return predicted;
}
/**
 * The index of each row's largest probability in a row-major rows × classes matrix; the first maximum
 * wins on ties, as numpy.argmax(axis=1).
 */
function argmaxPredictions(probabilities, classes) {
    if (!Number.isInteger(classes) || classes < 1)
        throw new RangeError(`classes must be a positive integer, got ${classes}`);
    if (probabilities.length % classes !== 0) {
        throw new RangeError(`${probabilities.length} probabilities do not form rows of ${classes} classes`);
    }
    const rows = probabilities.length / classes;
    const predicted = new Int32Array(rows);
    for (let row = 0, offset = 0; row < rows; row += 1, offset += classes) {
        let best = 0;
        let bestValue = probabilities[offset];
        for (let c = 1; c < classes; c += 1) {
            const value = probabilities[offset + c];
            if (value > bestValue) {
                best = c;
                bestValue = value;
            }
        }
        predicted[row] = best;
    }
    return predicted;
}
/**
 * The classes × classes matrix of counts: entry [t][p] is the number of rows of true class t predicted
 * as p (rows = true, columns = predicted, as sklearn.metrics.confusion_matrix). Throws a RangeError for
 * a class index outside 0..classes-1 or arrays of different lengths.
 */
function confusionMatrix(labels, predicted, classes) {
    if (!Number.isInteger(classes) || classes < 1)
        throw new RangeError(`classes must be a positive integer, got ${classes}`);
    if (labels.length !== predicted.length) {
        throw new RangeError(`confusionMatrix needs as many predictions as labels, got ${predicted.length} and ${labels.length}`);
    }
    const counts = new Float64Array(classes * classes);
    for (let i = 0; i < labels.length; i += 1) {
        const truth = labels[i];
        const guess = predicted[i];
        if (!(Number.isInteger(truth) && truth >= 0 && truth < classes && Number.isInteger(guess) && guess >= 0 && guess < classes)) {
            throw new RangeError(`row ${i}: class ${truth} predicted as ${guess}, expected classes 0..${classes - 1}`);
        }
        counts[truth * classes + guess] += 1;
    }
    return Array.from({ length: classes }, (_, t) => Array.from(counts.subarray(t * classes, (t + 1) * classes)));
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8167:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("worker_threads");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(3185);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
