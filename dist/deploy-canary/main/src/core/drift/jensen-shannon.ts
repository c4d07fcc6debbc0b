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
import { InputError } from '../errors.js';
import { alignCounts, type CategoryCounts } from './categorical.js';

/** x ln(x / y) with 0 · ln(0 / y) = 0, as scipy.special.rel_entr for x ≥ 0, y > 0 where x > 0. */
function relativeEntropyTerm(x: number, y: number): number {
  return x > 0 ? x * Math.log(x / y) : 0;
}

function weightSum(weights: ArrayLike<number>, name: string): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const weight = weights[i]!;
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new InputError(`Jensen–Shannon ${name} weight ${i} is ${weight}; expected a finite number, 0 or more.`);
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
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  if (p.length !== q.length) {
    throw new InputError(`Jensen–Shannon needs two distributions over the same categories: got ${p.length} and ${q.length} weights.`);
  }
  if (base !== undefined && !(Number.isFinite(base) && base > 0 && base !== 1)) {
    throw new InputError(`The logarithm base of the Jensen–Shannon distance is ${base}; expected a finite number > 0 other than 1.`);
  }
  const pSum = weightSum(p, 'first');
  const qSum = weightSum(q, 'second');
  if (pSum === 0 || qSum === 0) return Number.NaN;
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i += 1) {
    const pi = p[i]! / pSum;
    const qi = q[i]! / qSum;
    const mi = (pi + qi) / 2;
    left += relativeEntropyTerm(pi, mi);
    right += relativeEntropyTerm(qi, mi);
  }
  let divergence = left + right;
  if (base !== undefined) divergence /= Math.log(base);
  return divergence > 0 ? Math.sqrt(divergence / 2) : 0;
}

/**
 * The Jensen–Shannon distance (natural logarithm) between the category shares of two samples, over
 * the union of their categories. NaN when either sample has no rows; InputError for a negative or
 * non-finite count. O(K log K).
 */
export function jensenShannonCategorical(referenceCounts: CategoryCounts, currentCounts: CategoryCounts): number {
  const { reference, current } = alignCounts(referenceCounts, currentCounts);
  return jensenShannonDistance(reference, current);
}
