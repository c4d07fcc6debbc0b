/**
 * The metrics cd4ml computes, per task, with the direction that is better. Names follow
 * scikit-learn's function names without the `_score` suffix.
 */
import type { Direction, Task } from './types.js';

export interface MetricInfo {
  name: string;
  direction: Direction;
  /** A short human title for reports. */
  title: string;
}

const higher = (name: string, title: string): MetricInfo => ({ name, direction: 'higher', title });
const lower = (name: string, title: string): MetricInfo => ({ name, direction: 'lower', title });

export const METRIC_CATALOG: Readonly<Record<Task, readonly MetricInfo[]>> = {
  binary: [
    higher('roc_auc', 'ROC AUC'),
    higher('average_precision', 'Average precision'),
    lower('log_loss', 'Log loss'),
    lower('brier', 'Brier score'),
    higher('accuracy', 'Accuracy'),
    higher('balanced_accuracy', 'Balanced accuracy'),
    higher('precision', 'Precision'),
    higher('recall', 'Recall'),
    higher('f1', 'F1'),
    higher('mcc', 'Matthews correlation'),
  ],
  multiclass: [
    higher('accuracy', 'Accuracy'),
    higher('f1_macro', 'Macro F1'),
    higher('f1_weighted', 'Weighted F1'),
    lower('log_loss', 'Log loss'),
    higher('top_2_accuracy', 'Top-2 accuracy'),
    higher('top_3_accuracy', 'Top-3 accuracy'),
    higher('top_5_accuracy', 'Top-5 accuracy'),
  ],
  regression: [lower('mae', 'MAE'), lower('rmse', 'RMSE'), higher('r2', 'R²'), lower('mape', 'MAPE')],
};

/** The catalog entry of `name` for `task`, or undefined. */
export function metricInfo(task: Task, name: string): MetricInfo | undefined {
  return METRIC_CATALOG[task].find((metric) => metric.name === name);
}

/** The direction of a metric known for any task (e.g. for metrics given as JSON, without a task). */
export function knownDirection(name: string): Direction | undefined {
  for (const metrics of Object.values(METRIC_CATALOG)) {
    const found = metrics.find((metric) => metric.name === name);
    if (found !== undefined) return found.direction;
  }
  return undefined;
}
