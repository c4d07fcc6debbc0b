/**
 * A column's category counts read from its profile (docs/profile.md), for the categorical drift
 * statistics (chi-square, Jensen–Shannon, PSI over categories, the unseen share: categorical.ts and
 * the files that use it), so they can compare a stored reference profile with current data.
 *
 * What a profile keeps. While a column has at most 1,000 distinct non-null values, its state lists
 * every value with its exact count (`state.categories`), for text, boolean, date and numeric columns
 * alike; then the counts here are exact and every categorical statistic computed from them equals
 * the one computed from the raw column. Past 1,000 distinct values the profile drops the counts
 * altogether (it keeps a HyperLogLog estimate of the distinct count and, for numbers, a quantile
 * sketch). The summary's `top` (ten values and an `other` count) is written only while the counts
 * are complete, so no profile ever holds top values without all the others: there is no partial
 * `other` bucket to reconcile. A column past the capacity therefore comes back with no counts, its
 * `other` equal to all its values and `exact` false, and the caller must not run a categorical
 * statistic on it:
 * - folding the unknown values into one `other` category would compare two different sets of values
 *   as if they were one, which can hide drift (chi-square, Jensen–Shannon and PSI would all score
 *   less than the truth) or invent it; cd4ml does not do it;
 * - such a column is not categorical by Evidently's rules anyway: a numeric one with more than 5
 *   distinct values gets Kolmogorov–Smirnov or Wasserstein (profile-distributions.ts), and a text one
 *   is a `string`, not a `category` (at most 50 distinct values);
 * - when the reference is exact and only the current profile overflowed, the current data holds more
 *   than 1,000 − (reference distinct) values the reference never had: at least that many current rows
 *   are unseen, a drift a caller can report without the per-value counts.
 *
 * Keys. Category names are text, as categorical.ts expects: text, date and datetime values as
 * written (`""` for the empty string), booleans as `true` and `false` whatever their case, numbers as
 * JavaScript writes them (String(x): `1.50`, `1.5` and `01.5` are one number, counted once, named
 * `1.5`; -0 is 0). The reader turns every numeral into a number, quoted or not, so a text value
 * cannot normally share a number's name; should one do so, the two counts add under that name. Nulls
 * are not categories (the profile counts them apart).
 *
 * Complexity: O(K) for K distinct values (K ≤ 1,000).
 */
import type { ColumnProfile } from '../profile/column-profile.js';
import type { CategoryCounts } from './categorical.js';

export interface ProfileCategoryCounts {
  /** Non-null values by category name (empty when the profile keeps no counts). */
  counts: CategoryCounts;
  /** Non-null values in the column: Σ counts + other. */
  total: number;
  /** Values not in `counts`: 0 while exact; every value when the profile keeps no counts. */
  other: number;
  /** True when `counts` holds every non-null value exactly (at most 1,000 distinct values). */
  exact: boolean;
  /** Distinct non-null values: exact with the counts, else the profile's HyperLogLog estimate (±1.6%). */
  distinct: number;
}

/**
 * The category counts of a column from its profile (see the module comment): exact with at most
 * 1,000 distinct values, else none (`exact` false, `other` = total). O(K).
 */
export function profileCategoryCounts(profile: ColumnProfile): ProfileCategoryCounts {
  const counts = new Map<string, number>();
  const distinct = profile.distinct.value;
  if (profile.categories === null) return { counts, total: profile.count, other: profile.count, exact: false, distinct };
  for (const [value, count] of profile.categories.entries()) {
    if (count <= 0) continue;
    const name = typeof value === 'number' ? String(value) : value;
    counts.set(name, (counts.get(name) ?? 0) + count);
  }
  return { counts, total: profile.count, other: 0, exact: true, distinct };
}

/**
 * A lower bound on the share of current values unseen in the reference when the reference's counts
 * are exact but the current profile's are not: the current data has about `current.distinct` values
 * (HyperLogLog, ±1.6%, taken 5% low here to be safe) and the reference only `reference.distinct`, so
 * at least the difference are new, each occurring at least once. NaN when the current column has no
 * values or the reference is not exact; 0 when the difference is not positive. O(1).
 */
export function unseenShareLowerBound(reference: ProfileCategoryCounts, current: ProfileCategoryCounts): number {
  if (!reference.exact || current.total === 0) return Number.NaN;
  const currentDistinct = current.exact ? current.distinct : Math.floor(current.distinct * 0.95);
  return Math.max(0, currentDistinct - reference.distinct) / current.total;
}
