/**
 * The drift methods, their default thresholds, and the default choice per column, as Evidently's
 * default data-drift algorithm chooses them:
 *
 *   reference rows ≤ 1000:  numeric with more than 5 distinct values → Kolmogorov–Smirnov (p < 0.05);
 *                           otherwise more than 2 distinct values → chi-square (p < 0.05),
 *                           2 or fewer → two-proportion z-test (p < 0.05);
 *   reference rows > 1000:  numeric with more than 5 distinct values → Wasserstein distance normed by
 *                           the reference's standard deviation (≥ 0.1); otherwise Jensen–Shannon
 *                           distance (≥ 0.1).
 *
 * A p-value test flags drift when p < threshold; a distance, when distance ≥ threshold. A dataset has
 * drifted when the share of drifted columns is at least `drift-share` (default 0.5).
 */
export const DRIFT_METHODS = ['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon', 'z'] as const;
export type DriftMethod = (typeof DRIFT_METHODS)[number];

export interface MethodInfo {
  method: DriftMethod;
  title: string;
  /** `p_value`: drift when the score is below the threshold; `distance`: when it is at or above it. */
  score: 'p_value' | 'distance';
  defaultThreshold: number;
  /** Which columns it applies to. */
  columns: 'numeric' | 'categorical' | 'any';
}

export const METHOD_INFO: Readonly<Record<DriftMethod, MethodInfo>> = {
  ks: { method: 'ks', title: 'Kolmogorov–Smirnov', score: 'p_value', defaultThreshold: 0.05, columns: 'numeric' },
  wasserstein: { method: 'wasserstein', title: 'Wasserstein (normed)', score: 'distance', defaultThreshold: 0.1, columns: 'numeric' },
  psi: { method: 'psi', title: 'PSI', score: 'distance', defaultThreshold: 0.1, columns: 'any' },
  chisquare: { method: 'chisquare', title: 'chi-square', score: 'p_value', defaultThreshold: 0.05, columns: 'any' },
  jensenshannon: { method: 'jensenshannon', title: 'Jensen–Shannon', score: 'distance', defaultThreshold: 0.1, columns: 'any' },
  z: { method: 'z', title: 'z-test (proportions)', score: 'p_value', defaultThreshold: 0.05, columns: 'any' },
};

/** Reference sizes up to this use tests (p-values); above it, distances. */
export const SMALL_REFERENCE_ROWS = 1000;
/** Numeric columns with at most this many distinct reference values are treated as categories. */
export const FEW_VALUES = 5;
export const DEFAULT_DRIFT_SHARE = 0.5;

export interface ColumnFacts {
  /** Numeric in both reference and current (integers and numbers). */
  numeric: boolean;
  /** Non-null reference values. */
  referenceRows: number;
  /** Distinct non-null reference values. */
  distinct: number;
}

/** The default method for a column (Evidently's default algorithm; see the file header). */
export function defaultMethod(column: ColumnFacts): DriftMethod {
  const manyValues = column.numeric && column.distinct > FEW_VALUES;
  if (column.referenceRows <= SMALL_REFERENCE_ROWS) {
    if (manyValues) return 'ks';
    return column.distinct > 2 ? 'chisquare' : 'z';
  }
  return manyValues ? 'wasserstein' : 'jensenshannon';
}

/** Whether `score` (a p-value or a distance) means drift under `threshold`. */
export function isDrift(method: DriftMethod, score: number, threshold: number): boolean {
  return METHOD_INFO[method].score === 'p_value' ? score < threshold : score >= threshold;
}

/** Whether the dataset drifted: at least `share` of the compared columns drifted (and at least one did). */
export function datasetDrift(drifted: number, compared: number, share: number): boolean {
  return compared > 0 && drifted > 0 && drifted / compared >= share;
}
