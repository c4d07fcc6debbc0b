/**
 * The shapes every metric family shares. A family (binary, multiclass, regression) is prepared once
 * from the labels and predictions (sorting, per-row contributions) and then evaluated under any row
 * weights: no weights for the point estimate, a 0/1 indicator for a slice, multinomial counts for a
 * bootstrap resample. Weighted values equal scikit-learn's with `sample_weight` set to the same weights.
 */
export type Task = 'binary' | 'multiclass' | 'regression';
export type Direction = 'higher' | 'lower';

/**
 * How many times each row counts, indexed by the row's position in the evaluation set; `undefined`
 * counts every row once. Non-negative integers (bootstrap counts, slice indicators): bytes in the hot
 * path (a resample's counts fit in a byte but with vanishing probability; see bootstrap.ts), 32-bit
 * integers otherwise.
 */
export type RowWeights = Uint8Array | Uint32Array | undefined;

export interface MetricEvaluator {
  /** The metric names this evaluator computes, in the order of `evaluate`'s values. */
  readonly names: readonly string[];
  /** The number of rows it was prepared with. */
  readonly rows: number;
  /**
   * The metric values under `weights`, in `names` order. A metric that is undefined for the weighted
   * rows (e.g. ROC AUC with one class present, anything over zero total weight) is NaN.
   */
  evaluate(weights?: RowWeights): Float64Array;
}
