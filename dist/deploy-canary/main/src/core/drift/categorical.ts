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
import { InputError } from '../errors.js';

/** Category counts of one sample: category name → number of rows. */
export type CategoryCounts = ReadonlyMap<string, number>;

/** Two samples' counts over the union of their categories, position by position. */
export interface AlignedCounts {
  /** Categories with a positive count in at least one sample, in ascending code-unit order. */
  categories: string[];
  /** Reference count of each category (0 where the reference lacks it). */
  reference: Float64Array;
  /** Current count of each category (0 where the current sample lacks it). */
  current: Float64Array;
  referenceTotal: number;
  currentTotal: number;
}

function checkCount(sample: string, category: string, count: number): void {
  if (!(Number.isFinite(count) && count >= 0)) {
    throw new InputError(`The ${sample} count of category ${JSON.stringify(category)} is ${count}; expected a finite number of rows, 0 or more.`);
  }
}

/**
 * Lays out `referenceCounts` and `currentCounts` over the union of their categories (see the module
 * comment for the order and the categories dropped). O(K log K).
 */
export function alignCounts(referenceCounts: CategoryCounts, currentCounts: CategoryCounts): AlignedCounts {
  const names = new Set<string>();
  for (const [category, count] of referenceCounts) {
    checkCount('reference', category, count);
    if (count > 0) names.add(category);
  }
  for (const [category, count] of currentCounts) {
    checkCount('current', category, count);
    if (count > 0) names.add(category);
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
export function unseenShare(referenceCounts: CategoryCounts, currentCounts: CategoryCounts): number {
  let unseen = 0;
  let total = 0;
  for (const [category, count] of referenceCounts) checkCount('reference', category, count);
  for (const [category, count] of currentCounts) {
    checkCount('current', category, count);
    total += count;
    if (!((referenceCounts.get(category) ?? 0) > 0)) unseen += count;
  }
  return total > 0 ? unseen / total : Number.NaN;
}
