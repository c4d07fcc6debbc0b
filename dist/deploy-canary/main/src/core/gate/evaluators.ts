/**
 * The metric evaluators of a scored evaluation, built from plain data (labels and each model's
 * predictions), so a bootstrap worker thread can rebuild the same evaluators from a copy of it.
 */
import { type BinaryMetric, binaryEvaluator } from '../metrics/binary.js';
import { multiclassEvaluator } from '../metrics/multiclass.js';
import { regressionEvaluator } from '../metrics/regression.js';
import type { MetricEvaluator, Task } from '../metrics/types.js';

export interface ScoredRows {
  task: Task;
  /** binary: 0/1 (Uint8Array); multiclass: class index (Int32Array); regression: targets (Float64Array). */
  labels: Uint8Array | Int32Array | Float64Array;
  /** binary: P(positive) per row; multiclass: row-major rows × classes; regression: predicted values. */
  candidate: Float64Array;
  baseline?: Float64Array;
  /** Multiclass: the number of classes (the model's output width). */
  classes: number;
  /** Binary: predicted positive when P(positive) ≥ threshold. */
  threshold: number;
  /** Binary: compute only these metrics (default all), e.g. ROC AUC alone. */
  binaryMetrics?: readonly BinaryMetric[];
}

export function evaluatorFor(rows: ScoredRows, predictions: Float64Array): MetricEvaluator {
  switch (rows.task) {
    case 'binary':
      return binaryEvaluator(rows.labels as Uint8Array, predictions, {
        threshold: rows.threshold,
        ...(rows.binaryMetrics === undefined ? {} : { metrics: rows.binaryMetrics }),
      });
    case 'multiclass':
      return multiclassEvaluator(rows.labels as Int32Array, predictions, rows.classes);
    case 'regression':
      return regressionEvaluator(rows.labels as Float64Array, predictions);
  }
}

export interface Evaluators {
  candidate: MetricEvaluator;
  baseline?: MetricEvaluator;
}

export function evaluatorsFor(rows: ScoredRows): Evaluators {
  const candidate = evaluatorFor(rows, rows.candidate);
  return rows.baseline === undefined ? { candidate } : { candidate, baseline: evaluatorFor(rows, rows.baseline) };
}
