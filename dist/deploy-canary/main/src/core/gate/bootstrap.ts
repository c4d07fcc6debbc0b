/**
 * The paired bootstrap of the gate. Resample b draws n rows with replacement from the n evaluation
 * rows (multinomial counts, seeded by (seed, b)) and evaluates every metric of the candidate and of
 * the baseline under those counts: both models see the same resampled rows, so the spread of
 * candidate − baseline is the spread of a paired difference, much narrower than two independent
 * intervals when the models agree on most rows.
 *
 * Intervals are percentile intervals (Efron & Tibshirani 1993, §13.3): the two-sided level-c interval
 * is the (1 − c)/2 and (1 + c)/2 quantiles of the resampled values, with numpy's default linear
 * interpolation between order statistics. A resample where a metric is undefined (e.g. ROC AUC
 * drawing one class only) is left out of that metric's quantiles and counted.
 *
 * Complexity: O(B · (n + evaluate)) time, where each evaluator is linear in n (its sort is done once,
 * when it is prepared); memory O(n) for the counts plus O(B) per metric.
 */
import type { MetricEvaluator } from '../metrics/types.js';
import { Random } from '../stats/random.js';
import type { Interval } from './types.js';

export interface BootstrapOptions {
  resamples: number;
  seed: number;
  /** Called after each resample, e.g. for progress; cheap. */
  onResample?: (done: number) => void;
}

export interface BootstrapSamples {
  names: readonly string[];
  resamples: number;
  /** Per metric (in `names` order), the value on each resample. */
  candidate: Float64Array[];
  baseline?: Float64Array[];
  delta?: Float64Array[];
}

/**
 * Fills `counts` with the multinomial counts of resample `stream`: n draws of n rows with
 * replacement. Returns false when a count does not fit its element (a row drawn 256 times into
 * bytes: for n = 10⁶ the chance is below 10⁻⁵⁰⁰, but then the resample is drawn again into 32 bits).
 */
export function drawCounts(counts: Uint8Array | Uint32Array, seed: number, stream: number): boolean {
  counts.fill(0);
  return new Random(seed, stream).addUniformCounts(counts, counts.length);
}

/**
 * Resamples `first ≤ b < last` of the paired bootstrap. The whole run is `[0, resamples)`; parts of it
 * (threads) give the same values as the whole, as each resample has its own stream.
 */
export function pairedBootstrap(
  candidate: MetricEvaluator,
  baseline: MetricEvaluator | undefined,
  options: BootstrapOptions,
  first = 0,
  last = options.resamples,
): BootstrapSamples {
  const rows = candidate.rows;
  if (baseline !== undefined && (baseline.rows !== rows || baseline.names.join() !== candidate.names.join())) {
    throw new Error('pairedBootstrap: the candidate and baseline evaluators must cover the same rows and metrics');
  }
  const names = candidate.names;
  const size = last - first;
  const samples = () => names.map(() => new Float64Array(size));
  const result: BootstrapSamples = { names, resamples: size, candidate: samples() };
  if (baseline !== undefined) {
    result.baseline = samples();
    result.delta = samples();
  }
  // Bytes: a quarter of the memory traffic of 32-bit counts, in the two random-access loops per resample.
  const counts = new Uint8Array(rows);
  let wide: Uint32Array | undefined;
  for (let b = first; b < last; b++) {
    let weights: Uint8Array | Uint32Array = counts;
    if (!drawCounts(counts, options.seed, b)) {
      wide ??= new Uint32Array(rows);
      drawCounts(wide, options.seed, b);
      weights = wide;
    }
    const at = b - first;
    const c = candidate.evaluate(weights);
    for (let m = 0; m < names.length; m++) result.candidate[m]![at] = c[m]!;
    if (baseline !== undefined) {
      const base = baseline.evaluate(weights);
      for (let m = 0; m < names.length; m++) {
        result.baseline![m]![at] = base[m]!;
        result.delta![m]![at] = c[m]! - base[m]!;
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
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  const position = q * (m - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, m - 1);
  const fraction = position - below;
  const low = sorted[below]!;
  return fraction === 0 ? low : low + (sorted[above]! - low) * fraction;
}

/** Resampled values of one metric, sorted once, answering intervals at any level. */
export class ResampledValues {
  /** Ascending, without the undefined (NaN) resamples. */
  readonly sorted: Float64Array;
  /** How many resamples left the metric undefined. */
  readonly undefinedCount: number;

  constructor(values: Float64Array) {
    const finite = values.filter((value) => !Number.isNaN(value));
    this.sorted = finite.sort();
    this.undefinedCount = values.length - finite.length;
  }

  /** The two-sided percentile interval at `level` (0 < level < 1). */
  interval(level: number): Interval {
    const tail = (1 - level) / 2;
    return [quantileOfSorted(this.sorted, tail), quantileOfSorted(this.sorted, 1 - tail)];
  }
}
