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
import { chi2Survival } from '../stats/gamma.js';
import { alignCounts, type CategoryCounts } from './categorical.js';

export interface ChiSquareResult {
  /** Pearson's χ² of the 2 × K table, without continuity correction. */
  statistic: number;
  /** P(χ²_dof ≥ statistic); drift is usually declared when it is below 0.05. */
  pValue: number;
  /** Degrees of freedom, K − 1 for K categories present in either sample. */
  dof: number;
}

/**
 * The chi-square test of homogeneity of two samples' category counts, as
 * scipy.stats.chi2_contingency([current, reference], correction=False) over the union of their
 * categories (see the module comment for why not Evidently's goodness-of-fit form). O(K log K).
 */
export function chiSquareTest(referenceCounts: CategoryCounts, currentCounts: CategoryCounts): ChiSquareResult {
  const { reference, current, referenceTotal, currentTotal } = alignCounts(referenceCounts, currentCounts);
  const categories = reference.length;
  const dof = Math.max(categories - 1, 0);
  if (referenceTotal === 0 || currentTotal === 0) return { statistic: Number.NaN, pValue: Number.NaN, dof };
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  const total = referenceTotal + currentTotal;
  let statistic = 0;
  for (let k = 0; k < categories; k += 1) {
    const r = reference[k]!;
    const c = current[k]!;
    const column = r + c;
    const expectedReference = (referenceTotal * column) / total;
    const expectedCurrent = (currentTotal * column) / total;
    const dr = r - expectedReference;
    const dc = c - expectedCurrent;
    statistic += (dr * dr) / expectedReference + (dc * dc) / expectedCurrent;
  }
  return { statistic, pValue: chi2Survival(statistic, dof), dof };
}
