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
import { InputError } from '../errors.js';
import { alignCounts, type CategoryCounts } from './categorical.js';

/** The floor of every share before the PSI sum, 0.01 % (Evidently's replacement for a share of 0). */
export const PSI_SHARE_FLOOR = 1e-4;
/** How far shares may sum from 1 (rounding of shares computed elsewhere). */
const SHARE_SUM_TOLERANCE = 1e-6;

/** Σ (a − e) ln(a / e) over floored shares; the caller has checked lengths and values. */
function psiTerms(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const e = Math.max(expected[i]!, PSI_SHARE_FLOOR);
    const a = Math.max(actual[i]!, PSI_SHARE_FLOOR);
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

function shareSum(shares: ArrayLike<number>, name: string): number {
  let sum = 0;
  for (let i = 0; i < shares.length; i += 1) {
    const share = shares[i]!;
    if (!(Number.isFinite(share) && share >= 0)) {
      throw new InputError(`PSI ${name} share ${i} is ${share}; expected a proportion between 0 and 1.`);
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
export function psiFromProportions(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (expected.length !== actual.length) {
    throw new InputError(`PSI needs the same bins on both sides: got ${expected.length} expected and ${actual.length} actual shares.`);
  }
  const expectedSum = shareSum(expected, 'expected');
  const actualSum = shareSum(actual, 'actual');
  if (expectedSum === 0 || actualSum === 0) return Number.NaN;
  for (const [name, sum] of [['expected', expectedSum], ['actual', actualSum]] as const) {
    if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
      throw new InputError(`PSI ${name} shares sum to ${sum}; expected proportions summing to 1 (divide counts by their total).`);
    }
  }
  return psiTerms(expected, actual);
}

function checkFinite(values: Float64Array, sample: string): void {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    if (!Number.isFinite(value)) {
      throw new InputError(`The ${sample} sample has ${value} at position ${i}; drift statistics need finite numbers (remove missing values first).`);
    }
  }
}

function checkBins(bins: number): void {
  if (!(Number.isSafeInteger(bins) && bins >= 1)) {
    throw new InputError(`The number of PSI bins is ${bins}; expected a whole number, 1 or more.`);
  }
}

/** The interior edges of the PSI bins of a sorted, non-empty reference (see the module comment). */
function sortedQuantileEdges(sorted: Float64Array, bins: number): Float64Array {
  const n = sorted.length;
  const maximum = sorted[n - 1]!;
  const edges: number[] = [];
  for (let k = 1; k < bins; k += 1) {
    // The smallest x with #{≤ x} ≥ k·n/bins is the ⌈k·n/bins⌉-th smallest value (integers: exact).
    const edge = sorted[Math.ceil((k * n) / bins) - 1]!;
    if (edge < maximum && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return Float64Array.from(edges);
}

/**
 * The interior edges of psiNumeric's bins for `reference`: its distinct inverted-CDF quantiles at
 * k / bins (k = 1 … bins − 1) below its maximum, ascending; the bins are (−∞, e₀], (e₀, e₁], …,
 * (e_last, +∞). Empty for an empty or constant reference. O(n log n).
 */
export function psiBinEdges(reference: Float64Array, bins = 10): Float64Array {
  checkFinite(reference, 'reference');
  checkBins(bins);
  if (reference.length === 0) return new Float64Array(0);
  return sortedQuantileEdges(Float64Array.from(reference).sort(), bins);
}

/** Index of the right-closed bin of `value`: the number of edges strictly below it. O(log B). */
function binOf(edges: Float64Array, value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (edges[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * PSI of a numeric `current` sample against `reference`, over at most `bins` (default 10)
 * right-closed bins at the reference's quantiles (see the module comment). NaN when either sample is
 * empty; an InputError for a non-finite value or a bin count that is not a positive integer.
 * O(n log n + m log B).
 */
export function psiNumeric(reference: Float64Array, current: Float64Array, bins = 10): number {
  checkFinite(reference, 'reference');
  checkFinite(current, 'current');
  checkBins(bins);
  const n = reference.length;
  const m = current.length;
  if (n === 0 || m === 0) return Number.NaN;
  const sorted = Float64Array.from(reference).sort();
  const edges = sortedQuantileEdges(sorted, bins);
  const expected = new Float64Array(edges.length + 1);
  const actual = new Float64Array(edges.length + 1);
  // The reference is sorted: walk it once alongside the edges.
  let bin = 0;
  for (let i = 0; i < n; i += 1) {
    const value = sorted[i]!;
    while (bin < edges.length && edges[bin]! < value) bin += 1;
    expected[bin] = expected[bin]! + 1;
  }
  for (let i = 0; i < m; i += 1) {
    const at = binOf(edges, current[i]!);
    actual[at] = actual[at]! + 1;
  }
  for (let i = 0; i < expected.length; i += 1) {
    expected[i] = expected[i]! / n;
    actual[i] = actual[i]! / m;
  }
  return psiTerms(expected, actual);
}

/**
 * PSI of categorical counts, one bin per category over the union of both samples' categories (a
 * category missing on one side has share 0 there, floored at PSI_SHARE_FLOOR). NaN when either sample
 * has no rows; an InputError for a negative or non-finite count. O(K log K).
 */
export function psiCategorical(referenceCounts: CategoryCounts, currentCounts: CategoryCounts): number {
  const aligned = alignCounts(referenceCounts, currentCounts);
  if (aligned.referenceTotal === 0 || aligned.currentTotal === 0) return Number.NaN;
  const expected = aligned.reference.map((count) => count / aligned.referenceTotal);
  const actual = aligned.current.map((count) => count / aligned.currentTotal);
  return psiTerms(expected, actual);
}
