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
import { ksOneSampleSurvival, ksTwoSampleExactSurvival, greatestCommonDivisor } from '../stats/kolmogorov.js';

export interface KsTwoSampleResult {
  /** D, in [0, 1]. */
  statistic: number;
  /** P(D' ≥ D) under the hypothesis that both samples come from the same continuous distribution. */
  pValue: number;
  /** Which p-value ks_2samp(method='auto') computes for these sizes. */
  method: 'exact' | 'asymptotic';
}

/** Above this size of the larger sample, scipy's method='auto' uses the asymptotic p-value. */
export const KS_MAX_EXACT_SIZE = 10_000;

/**
 * The two-sided two-sample KS test of `reference` against `current`, as scipy.stats.ks_2samp with
 * method='auto'. The inputs may be unsorted and are not modified.
 */
export function ksTwoSample(reference: Float64Array, current: Float64Array): KsTwoSampleResult {
  const sortedReference = sortedCopy(reference, 'reference');
  const sortedCurrent = sortedCopy(current, 'current');
  const statistic = ksStatisticFromSorted(sortedReference, sortedCurrent);
  return ksTwoSamplePValue(sortedReference.length, sortedCurrent.length, statistic);
}

function sortedCopy(sample: Float64Array, name: string): Float64Array {
  if (sample.length === 0) throw new RangeError(`The ${name} sample is empty; the KS test needs at least one value in each sample.`);
  const copy = sample.slice();
  for (let i = 0; i < copy.length; i += 1) {
    if (Number.isNaN(copy[i]!)) throw new RangeError(`The ${name} sample has NaN at index ${i}; drop missing values before the KS test.`);
  }
  return copy.sort();
}

/**
 * D = max |F_a − F_b| of two ascending samples (not checked), evaluated at every distinct value as
 * scipy does: max(max(F_a − F_b), max(F_b − F_a)), each difference i/n_a − j/n_b in doubles. One merge,
 * O(n_a + n_b). Either sample empty throws a RangeError.
 */
export function ksStatisticFromSorted(a: Float64Array, b: Float64Array): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) throw new RangeError(`ksStatisticFromSorted needs two non-empty samples, got sizes ${na} and ${nb}.`);
  let i = 0;
  let j = 0;
  let largest = 0;
  let smallest = 0;
  while (i < na || j < nb) {
    const value = j >= nb || (i < na && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < na && a[i]! <= value) i += 1;
    while (j < nb && b[j]! <= value) j += 1;
    const difference = i / na - j / nb;
    if (difference > largest) largest = difference;
    if (difference < smallest) smallest = difference;
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
export function ksTwoSamplePValue(n: number, m: number, statistic: number): KsTwoSampleResult {
  if (!Number.isSafeInteger(n) || n < 1 || !Number.isSafeInteger(m) || m < 1) {
    throw new RangeError(`KS sample sizes must be positive integers, got ${n} and ${m}.`);
  }
  if (!(statistic >= 0 && statistic <= 1)) throw new RangeError(`The KS statistic must lie in [0, 1], got ${statistic}.`);
  let d = statistic;
  if (Math.max(n, m) <= KS_MAX_EXACT_SIZE) {
    const lcm = (n / greatestCommonDivisor(n, m)) * m;
    const h = roundHalfToEven(d * lcm);
    d = h / lcm;
    const pValue = ksTwoSampleExactSurvival(n, m, h);
    if (pValue >= 0 && pValue <= 1) return { statistic: d, pValue, method: 'exact' };
  }
  const larger = Math.max(n, m);
  const smaller = Math.min(n, m);
  const effectiveSize = roundHalfToEven((larger * smaller) / (larger + smaller));
  return { statistic: d, pValue: ksOneSampleSurvival(effectiveSize, d), method: 'asymptotic' };
}

/** numpy.round: to the nearest integer, ties to even. */
function roundHalfToEven(x: number): number {
  const nearest = Math.round(x);
  return nearest - x === 0.5 && nearest % 2 !== 0 ? nearest - 1 : nearest;
}
