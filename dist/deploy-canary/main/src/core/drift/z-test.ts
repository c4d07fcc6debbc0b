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
import { standardNormalSurvival } from '../stats/normal.js';

export interface ProportionZTestResult {
  /** z, positive when the reference proportion is the larger. */
  statistic: number;
  /** Two-sided p-value, 2·(1 − Φ(|z|)). */
  pValue: number;
}

export function proportionZTest(
  referencePositives: number,
  referenceTotal: number,
  currentPositives: number,
  currentTotal: number,
): ProportionZTestResult {
  checkCounts(referencePositives, referenceTotal, 'reference');
  checkCounts(currentPositives, currentTotal, 'current');
  const pooled = (referencePositives + currentPositives) / (referenceTotal + currentTotal);
  if (pooled <= 0 || pooled >= 1) return { statistic: 0, pValue: 1 };
  const difference = referencePositives / referenceTotal - currentPositives / currentTotal;
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / referenceTotal + 1 / currentTotal));
  const statistic = difference / standardError;
  return { statistic, pValue: Math.min(1, 2 * standardNormalSurvival(Math.abs(statistic))) };
}

function checkCounts(positives: number, total: number, name: string): void {
  if (!(Number.isFinite(total) && total > 0)) {
    throw new RangeError(`${name}Total must be a positive count for the proportion z-test, got ${total}.`);
  }
  if (!(Number.isFinite(positives) && positives >= 0 && positives <= total)) {
    throw new RangeError(`${name}Positives must be a count in [0, ${name}Total = ${total}], got ${positives}.`);
  }
}
