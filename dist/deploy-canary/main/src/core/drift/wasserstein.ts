/**
 * The first Wasserstein (earth mover's) distance between two numeric samples, exact from the raw
 * values, and Evidently's normed variant used as the drift score of numeric columns with more than
 * 1,000 reference rows (drift when ≥ 0.1):
 *
 * - wassersteinDistance(u, v)   as scipy.stats.wasserstein_distance(u, v) (unweighted): the area
 *                               between the two empirical CDFs, ∫ |F_u(t) − F_v(t)| dt, summed exactly
 *                               over the intervals between consecutive values of the merged sorted
 *                               samples (on each, both CDFs are constant);
 * - normedWasserstein(ref, cur) wassersteinDistance(ref, cur) / std(ref), with std the population
 *                               standard deviation (numpy.std, ddof = 0), as Evidently's
 *                               wasserstein_distance_norm: a distance in units of the reference's
 *                               spread, so the threshold does not depend on the column's unit.
 *
 * Checked against scipy 1.10.1 / numpy 1.24.2 in test/fixtures/reference/drift; the sums here are
 * compensated (Neumaier) where numpy sums pairwise, which moves the last bits only.
 *
 * Degenerate input: NaN when either sample is empty (scipy raises). A constant reference (every value
 * equal, detected exactly rather than through a rounded standard deviation) has std 0: the normed
 * distance is then 0 when the distance is 0 (the current sample is the same constant) and +∞
 * otherwise: any change from a constant is infinitely many standard deviations. Evidently instead
 * divides by max(std, 0.001), which makes the score of a constant reference depend on the column's
 * unit (a shift of 1 mm scores 1 in metres and 1000 in millimetres); cd4ml reports the unit-free +∞.
 * A value that is not a finite number is refused with an InputError (missing values are removed
 * before drift statistics are computed).
 *
 * Complexity: O((n + m) log(n + m)) for the sorts, then one O(n + m) merge; O(n + m) memory for the
 * sorted copies (the inputs are not modified).
 */
import { InputError } from '../errors.js';

function checkFinite(values: Float64Array, sample: string): void {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i]!;
    if (!Number.isFinite(value)) {
      throw new InputError(`The ${sample} sample has ${value} at position ${i}; drift statistics need finite numbers (remove missing values first).`);
    }
  }
}

/** Distance between the empirical CDFs of two sorted samples, both non-empty. */
function sortedDistance(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  let i = 0;
  let j = 0;
  let at = Math.min(u[0]!, v[0]!);
  let sum = 0;
  let compensation = 0;
  for (;;) {
    // i and j become the counts of values ≤ at: F_u(at) = i / n and F_v(at) = j / m.
    while (i < n && u[i]! <= at) i += 1;
    while (j < m && v[j]! <= at) j += 1;
    if (i === n && j === m) break;
    const next = Math.min(i < n ? u[i]! : Number.POSITIVE_INFINITY, j < m ? v[j]! : Number.POSITIVE_INFINITY);
    const term = Math.abs(i / n - j / m) * (next - at);
    const total = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - total + term : term - total + sum;
    sum = total;
    at = next;
  }
  return sum + compensation;
}

/**
 * The first Wasserstein distance between the samples `u` and `v`, as scipy.stats.wasserstein_distance
 * without weights. NaN when either is empty; InputError for a non-finite value.
 * O((n + m) log(n + m)).
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  checkFinite(u, 'first');
  checkFinite(v, 'second');
  if (u.length === 0 || v.length === 0) return Number.NaN;
  return sortedDistance(Float64Array.from(u).sort(), Float64Array.from(v).sort());
}

/**
 * The population standard deviation √(Σ (x − x̄)² / n), as numpy.std (ddof = 0): two compensated passes
 * around a mean refined once, exactly 0 for a constant sample, NaN for an empty one. O(n).
 */
export function populationStandardDeviation(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const first = values[0]!;
  let constant = true;
  for (let i = 1; i < n && constant; i += 1) constant = values[i] === first;
  if (constant) return 0;
  let mean = compensatedSum(values, 0) / n;
  mean += compensatedSum(values, mean) / n;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i += 1) {
    const deviation = values[i]! - mean;
    const term = deviation * deviation;
    const total = sum + term;
    compensation += sum >= term ? sum - total + term : term - total + sum;
    sum = total;
  }
  return Math.sqrt((sum + compensation) / n);
}

/** Σ (x − shift), Neumaier-compensated. */
function compensatedSum(values: Float64Array, shift: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i += 1) {
    const term = values[i]! - shift;
    const total = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - total + term : term - total + sum;
    sum = total;
  }
  return sum + compensation;
}

/**
 * Evidently's normed Wasserstein distance: wassersteinDistance(reference, current) divided by the
 * reference's population standard deviation (numpy.std, ddof = 0). NaN when either sample is empty;
 * for a constant reference 0 when the current sample is that same constant, else +∞ (see the module
 * comment); InputError for a non-finite value. O((n + m) log(n + m)).
 */
export function normedWasserstein(reference: Float64Array, current: Float64Array): number {
  const distance = wassersteinDistance(reference, current);
  if (Number.isNaN(distance)) return distance;
  const spread = populationStandardDeviation(reference);
  if (spread === 0) return distance === 0 ? 0 : Number.POSITIVE_INFINITY;
  return distance / spread;
}
