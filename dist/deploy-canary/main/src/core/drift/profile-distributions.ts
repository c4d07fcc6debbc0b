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
import { InputError } from '../errors.js';
import type { ColumnProfile } from '../profile/column-profile.js';
import { KllSketch } from '../profile/kll-sketch.js';
import { psiFromProportions } from './psi.js';

export interface ProfileStatistic {
  /** The statistic computed from the two profiles; NaN when either holds no numeric values. */
  statistic: number;
  /** True when both profiles hold their values exactly (counts, or a sketch never compacted): `statistic` is the sample value. */
  exact: boolean;
  /**
   * A bound on |statistic − the sample statistic| (0 when exact); how it is derived, and how far below
   * it the measured errors stay, is documented with each function.
   */
  errorBound: number;
  /** Numeric values described by the reference and the current profile. */
  referenceCount: number;
  currentCount: number;
}

export interface ProfileWasserstein extends ProfileStatistic {
  /** W1 in the column's units; `statistic` is it divided by `referenceStd`. */
  distance: number;
  /** The reference's population standard deviation (ddof 0, as numpy.std) from the profile's moments; 0 for a constant reference. */
  referenceStd: number;
  /** The bound on |distance − the sample distance| in the column's units (`errorBound` is it over referenceStd). */
  distanceErrorBound: number;
}

export interface ProfilePsi extends ProfileStatistic {
  /** Interior bin edges: bins (−∞, e₀], (e₀, e₁], …, (e_last, +∞), as psi.ts's psiBinEdges. */
  edges: number[];
  /** Each bin's share of the reference and current values, before psi.ts floors them. */
  referenceShares: number[];
  currentShares: number[];
}

/**
 * PSI from two k = 200 sketches is within PSI_ERROR_ABSOLUTE + PSI_ERROR_RELATIVE · PSI of the sample
 * PSI over the same profiles' data: at least twice the error measured in each case of
 * docs/drift-statistics-profiles.md, scaled by (ε_ref + ε_cur) / (2 · 1.33%) for other k or a single
 * sketched side. An empirical envelope, not a theorem (see profilePsi).
 */
export const PSI_ERROR_ABSOLUTE = 0.03;
export const PSI_ERROR_RELATIVE = 0.12;

/** A profile's numeric values as sorted distinct points with integer weights (counts, or 2^level). */
interface WeightedSupport {
  points: Float64Array;
  weights: Float64Array;
  /** Σ weights: the number of numeric values. */
  n: number;
  /** True when the weights are the values' exact counts. */
  exact: boolean;
}

/**
 * The normalised rank error of a profile's CDF: 0 while it holds exact value counts, or a sketch that
 * still retains every value it was given; KllSketch.rankError(k) (1.33% at k = 200) otherwise. O(1).
 */
export function profileRankError(profile: ColumnProfile): number {
  if (profile.categories !== null) return 0;
  const sketch = profile.sketch;
  if (sketch === null || sketch.retained === sketch.n) return 0;
  return KllSketch.rankError(sketch.k);
}

/**
 * The two-sample Kolmogorov–Smirnov statistic D = sup_x |F_ref(x) − F_cur(x)| from two profiles, as
 * scipy.stats.ks_2samp's statistic (both CDFs at every support point of either side). Exact when both
 * profiles hold exact counts. Otherwise each sketched side's CDF is within its rank error of the
 * sample's, which moves the supremum by at most as much: errorBound = ε_ref + ε_cur (0.0266 for two
 * k = 200 sketches, 0.0133 when one side is exact). The p-value is the caller's, from D and the counts.
 * O(m log m).
 */
export function profileKsStatistic(reference: ColumnProfile, current: ColumnProfile): ProfileStatistic {
  const r = weightedSupport(reference);
  const c = weightedSupport(current);
  const errorBound = profileRankError(reference) + profileRankError(current);
  const base = { exact: r.exact && c.exact, errorBound, referenceCount: r.n, currentCount: c.n };
  if (r.n === 0 || c.n === 0) return { statistic: Number.NaN, ...base };
  let statistic = 0;
  walk(r, 0, c, 0, (gap) => {
    if (gap > statistic) statistic = gap;
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
export function profileWasserstein(reference: ColumnProfile, current: ColumnProfile): ProfileWasserstein {
  const r = weightedSupport(reference);
  const c = weightedSupport(current);
  const distanceErrorBound = 2 * (profileRankError(reference) * spanOf(reference) + profileRankError(current) * spanOf(current));
  const constant = r.n > 0 && reference.min === reference.max;
  const referenceStd = r.n === 0 ? Number.NaN : constant ? 0 : Math.sqrt(reference.m2 / reference.numericCount);
  const result = (distance: number): ProfileWasserstein => ({
    statistic: referenceStd === 0 ? (distance === 0 ? 0 : Number.POSITIVE_INFINITY) : distance / referenceStd,
    exact: r.exact && c.exact,
    errorBound: referenceStd === 0 ? (distanceErrorBound === 0 ? 0 : Number.POSITIVE_INFINITY) : distanceErrorBound / referenceStd,
    referenceCount: r.n,
    currentCount: c.n,
    distance,
    referenceStd,
    distanceErrorBound,
  });
  if (r.n === 0 || c.n === 0) return result(Number.NaN);
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
export function profilePsi(reference: ColumnProfile, current: ColumnProfile, bins = 10): ProfilePsi {
  if (!(Number.isSafeInteger(bins) && bins >= 1)) {
    throw new InputError(`The number of PSI bins is ${bins}; expected a whole number, 1 or more.`);
  }
  const r = weightedSupport(reference);
  const c = weightedSupport(current);
  const error = profileRankError(reference) + profileRankError(current);
  const base = { exact: r.exact && c.exact, referenceCount: r.n, currentCount: c.n };
  if (r.n === 0 || c.n === 0) return { statistic: Number.NaN, errorBound: Number.NaN, edges: [], referenceShares: [], currentShares: [], ...base };
  const edges = quantileEdges(r, reference.max, bins);
  const referenceShares = sharesAt(r, edges);
  const currentShares = sharesAt(c, edges);
  const statistic = psiFromProportions(referenceShares, currentShares);
  const errorBound = error === 0 ? 0 : ((PSI_ERROR_ABSOLUTE + PSI_ERROR_RELATIVE * statistic) * error) / (2 * KllSketch.rankError(200));
  return { statistic, errorBound, edges, referenceShares, currentShares, ...base };
}

/** max − min of the numeric values (0 when there are none). */
function spanOf(profile: ColumnProfile): number {
  return profile.numericCount === 0 ? 0 : profile.max - profile.min;
}

/**
 * A profile's numeric values as sorted distinct points and integer weights: the exact counts, or the
 * sketch's retained items (weight 2^level; equal items merged). O(m log m).
 */
function weightedSupport(profile: ColumnProfile): WeightedSupport {
  const pairs: [number, number][] = [];
  if (profile.categories !== null) {
    for (const [value, count] of profile.categories.entries()) if (typeof value === 'number' && count > 0) pairs.push([value, count]);
  } else if (profile.sketch !== null) {
    profile.sketch.toJSON().levels.forEach((level, height) => {
      for (const value of level) pairs.push([value, 2 ** height]);
    });
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const points: number[] = [];
  const weights: number[] = [];
  let n = 0;
  for (const [value, weight] of pairs) {
    n += weight;
    if (points.length > 0 && points[points.length - 1] === value) weights[weights.length - 1]! += weight;
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
function locationShift(profile: ColumnProfile, support: WeightedSupport): number {
  if (support.exact || support.n === 0) return 0;
  const mean = profile.mean;
  let sum = 0;
  for (let i = 0; i < support.points.length; i += 1) sum += support.weights[i]! * (support.points[i]! - mean);
  return -sum / support.n;
}

/**
 * Walks the merged support of `a` and `b` (each point moved by its side's shift) in ascending order,
 * calling visit(|F_a(x) − F_b(x)|, width to the next point) once per distinct point x, with the CDFs
 * after every point at x is counted. Cumulative weights are integers, so F is exact. O(m).
 */
function walk(a: WeightedSupport, shiftA: number, b: WeightedSupport, shiftB: number, visit: (gap: number, width: number) => void): void {
  let i = 0;
  let j = 0;
  let countA = 0;
  let countB = 0;
  const na = a.points.length;
  const nb = b.points.length;
  while (i < na || j < nb) {
    const x = Math.min(i < na ? a.points[i]! + shiftA : Number.POSITIVE_INFINITY, j < nb ? b.points[j]! + shiftB : Number.POSITIVE_INFINITY);
    while (i < na && a.points[i]! + shiftA <= x) countA += a.weights[i++]!;
    while (j < nb && b.points[j]! + shiftB <= x) countB += b.weights[j++]!;
    const next = Math.min(i < na ? a.points[i]! + shiftA : Number.POSITIVE_INFINITY, j < nb ? b.points[j]! + shiftB : Number.POSITIVE_INFINITY);
    visit(Math.abs(countA / a.n - countB / b.n), next === Number.POSITIVE_INFINITY ? 0 : next - x);
  }
}

/**
 * The interior PSI edges from the reference's support, as psi.ts's psiBinEdges: for k = 1 … bins − 1
 * the smallest point whose cumulative weight w satisfies w · bins ≥ k · n (integers, exact), kept when
 * below the maximum and above the previous edge. O(m + bins).
 */
function quantileEdges(support: WeightedSupport, maximum: number, bins: number): number[] {
  const edges: number[] = [];
  let at = 0;
  let cumulative = support.weights[0]!;
  for (let k = 1; k < bins; k += 1) {
    while (cumulative * bins < k * support.n && at + 1 < support.points.length) cumulative += support.weights[++at]!;
    const edge = support.points[at]!;
    if (edge < maximum && (edges.length === 0 || edge !== edges[edges.length - 1])) edges.push(edge);
  }
  return edges;
}

/** Shares of the right-closed bins (−∞, e₀], (e₀, e₁], …, (e_last, +∞) from a support's CDF. O(m + edges). */
function sharesAt(support: WeightedSupport, edges: readonly number[]): number[] {
  const shares: number[] = [];
  let at = 0;
  let previous = 0;
  for (const edge of edges) {
    let cumulative = previous;
    while (at < support.points.length && support.points[at]! <= edge) cumulative += support.weights[at++]!;
    shares.push((cumulative - previous) / support.n);
    previous = cumulative;
  }
  shares.push((support.n - previous) / support.n);
  return shares;
}
