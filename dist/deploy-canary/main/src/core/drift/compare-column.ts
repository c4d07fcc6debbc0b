/**
 * One column of the current data against the same column of the reference, both as profiles: the
 * method (Evidently's default for the column, or the config's), its score (a p-value or a distance),
 * the verdict against the threshold, and an effect size beside every p-value, since large samples make
 * tests flag trivial shifts. Profiles hold small columns exactly (value counts up to 1,000 distinct
 * values; a sketch that never compacted), so small data gets the exact statistics and large data the
 * sketch-based ones with their stated error (docs/drift-statistics-profiles.md).
 *
 * Columns that cannot be compared say why instead of failing: a type that changed between numeric
 * and non-numeric is reported as drift of type; a column all null on one side as drift (or, null on
 * both sides, as not compared); dates are not compared.
 */
import type { ColumnProfile } from '../profile/column-profile.js';
import type { ProfiledType } from '../profile/profile.js';
import type { CategoryCounts } from './categorical.js';
import { chiSquareTest } from './chi-square.js';
import { jensenShannonCategorical } from './jensen-shannon.js';
import { ksTwoSamplePValue } from './ks.js';
import { defaultMethod, type DriftMethod, isDrift, METHOD_INFO } from './methods.js';
import { profileCategoryCounts } from './profile-categories.js';
import { profileKsStatistic, profilePsi, profileWasserstein } from './profile-distributions.js';
import { psiCategorical } from './psi.js';
import { proportionZTest } from './z-test.js';

export interface ColumnSide {
  type: ProfiledType;
  profile: ColumnProfile;
}

export interface ColumnOverrides {
  method?: DriftMethod;
  threshold?: number;
}

export interface ColumnDrift {
  column: string;
  referenceType: ProfiledType;
  currentType: ProfiledType;
  /** The method used; undefined when the column was not compared (see `note`). */
  method?: DriftMethod;
  /** The p-value (tests) or the distance (distances); NaN when not computed. */
  score: number;
  threshold: number;
  drifted: boolean;
  /** Shown beside a p-value: the size of the difference (KS D, Cramér's V, difference of proportions). */
  effect?: { name: string; value: number };
  /** True when the profiles held both columns exactly (the statistic is the sample value). */
  exact: boolean;
  /** Why the column was not compared, or what else a reviewer should know. */
  note?: string;
  referenceValues: number;
  currentValues: number;
}

const NUMERIC: ReadonlySet<ProfiledType> = new Set(['integer', 'number']);
const DATES: ReadonlySet<ProfiledType> = new Set(['date', 'datetime']);

function counts(side: ColumnSide): CategoryCounts | undefined {
  const found = profileCategoryCounts(side.profile);
  return found.exact ? found.counts : undefined;
}

/** A categorical method on the two sides' exact counts. */
function categorical(method: DriftMethod, reference: CategoryCounts, current: CategoryCounts): { score: number; effect?: ColumnDrift['effect'] } {
  switch (method) {
    case 'chisquare': {
      const result = chiSquareTest(reference, current);
      const total = [...reference.values(), ...current.values()].reduce((sum, n) => sum + n, 0);
      return { score: result.pValue, effect: { name: "Cramér's V", value: total > 0 ? Math.sqrt(result.statistic / total) : Number.NaN } };
    }
    case 'z': {
      // The first category (in sorted order) as "positive"; the test is symmetric.
      const names = [...new Set([...reference.keys(), ...current.keys()])].sort();
      const positive = names[0] ?? '';
      const total = (map: CategoryCounts) => [...map.values()].reduce((sum, n) => sum + n, 0);
      const referenceTotal = total(reference);
      const currentTotal = total(current);
      const result = proportionZTest(reference.get(positive) ?? 0, referenceTotal, current.get(positive) ?? 0, currentTotal);
      const share = (map: CategoryCounts, n: number) => (map.get(positive) ?? 0) / n;
      return { score: result.pValue, effect: { name: `share of ${positive}, change`, value: share(current, currentTotal) - share(reference, referenceTotal) } };
    }
    case 'jensenshannon':
      return { score: jensenShannonCategorical(reference, current) };
    case 'psi':
      return { score: psiCategorical(reference, current) };
    default:
      throw new RangeError(`${method} is not a categorical method`);
  }
}

function numeric(method: DriftMethod, reference: ColumnProfile, current: ColumnProfile): { score: number; exact: boolean; effect?: ColumnDrift['effect'] } {
  switch (method) {
    case 'ks': {
      const d = profileKsStatistic(reference, current);
      const p = ksTwoSamplePValue(d.referenceCount, d.currentCount, d.statistic);
      return { score: p.pValue, exact: d.exact, effect: { name: 'D', value: d.statistic } };
    }
    case 'wasserstein': {
      const w = profileWasserstein(reference, current);
      return { score: w.statistic, exact: w.exact };
    }
    case 'psi': {
      const psi = profilePsi(reference, current);
      return { score: psi.statistic, exact: psi.exact };
    }
    default:
      throw new RangeError(`${method} is not a numeric method`);
  }
}

export function compareColumn(column: string, reference: ColumnSide, current: ColumnSide, overrides: ColumnOverrides = {}): ColumnDrift {
  const base = {
    column,
    referenceType: reference.type,
    currentType: current.type,
    referenceValues: reference.profile.count,
    currentValues: current.profile.count,
    exact: true,
  };
  const notCompared = (note: string, drifted: boolean): ColumnDrift => ({ ...base, score: Number.NaN, threshold: Number.NaN, drifted, note });
  if (reference.profile.count === 0 && current.profile.count === 0) return notCompared('every value is null on both sides', false);
  if (current.profile.count === 0) return notCompared(`every current value is null (the reference has ${reference.profile.count.toLocaleString('en-US')} values)`, true);
  if (reference.profile.count === 0) return notCompared('every reference value is null', true);
  const bothNumeric = NUMERIC.has(reference.type) && NUMERIC.has(current.type);
  if (NUMERIC.has(reference.type) !== NUMERIC.has(current.type)) return notCompared(`the type changed from ${reference.type} to ${current.type}`, true);
  if (DATES.has(reference.type) || DATES.has(current.type)) return notCompared('date columns are not compared', false);

  const referenceCounts = counts(reference);
  const currentCounts = counts(current);
  const distinct = referenceCounts?.size ?? reference.profile.distinct.value;
  const method = overrides.method ?? defaultMethod({ numeric: bothNumeric, referenceRows: reference.profile.count, distinct });
  const info = METHOD_INFO[method];
  const threshold = overrides.threshold ?? info.defaultThreshold;
  if (bothNumeric && (info.columns === 'numeric' || method === 'psi')) {
    const result = numeric(method, reference.profile, current.profile);
    const drift: ColumnDrift = { ...base, method, score: result.score, threshold, drifted: isDrift(method, result.score, threshold), exact: result.exact };
    if (result.effect !== undefined) drift.effect = result.effect;
    return drift;
  }
  if (info.columns === 'numeric') return { ...notCompared(`${info.title} needs a numeric column, and ${column} is ${reference.type}`, false), method };
  if (referenceCounts === undefined || currentCounts === undefined) {
    return { ...notCompared(`more than 1,000 distinct values: the profiles keep no counts to compare with ${info.title}`, false), method };
  }
  const result = categorical(method, referenceCounts, currentCounts);
  const drift: ColumnDrift = { ...base, method, score: result.score, threshold, drifted: isDrift(method, result.score, threshold) };
  if (result.effect !== undefined) drift.effect = result.effect;
  return drift;
}
