/**
 * From a model's raw predictions to what the task's metrics take: P(positive) for binary models
 * (an [N] or [N, 1] output, or column 1 of [N, 2]), class probabilities [N, C] for multiclass, values
 * for regression; probabilities are checked to lie in [0, 1]. Also the confusion matrices.
 */
import { InputError } from '../errors.js';
import type { EncodedLabels } from '../evaluation/labels.js';
import type { Predictions } from '../inference/score-model.js';
import { argmaxPredictions, binaryPredictions, confusionMatrix } from '../metrics/confusion.js';
import type { Task } from '../metrics/types.js';
import type { ConfusionSection } from './evaluation.js';
import type { ScoredRows } from './evaluators.js';

export function scoredLabels(encoded: EncodedLabels): ScoredRows['labels'] {
  return (encoded.binary ?? encoded.multiclass ?? encoded.regression)!;
}

/** Binary models give P(positive) as [N] or [N, 1], or both classes as [N, 2] (column 1 positive). */
export function taskPredictions(task: Task, predictions: Predictions, model: string, classes: number): Float64Array {
  const { width, values, rows } = predictions;
  if (task === 'regression') {
    if (width !== 1) throw new InputError(`${model} gives ${width} values per row (output "${predictions.output}"), but a regression model gives one; check the task and the model's output.`);
    return values;
  }
  if (task === 'multiclass') {
    if (width < 3) throw new InputError(`${model} gives ${width} value${width === 1 ? '' : 's'} per row (output "${predictions.output}"), but a multiclass model gives one probability per class ([N, C], C ≥ 3).`);
    if (width < classes) throw new InputError(`${model} gives ${width} class probabilities per row, but the label has ${classes} classes.`);
    checkProbabilities(values, model, predictions.output);
    return values;
  }
  if (width > 2) throw new InputError(`${model} gives ${width} values per row (output "${predictions.output}"), but the task is binary: set task to multiclass, or export the positive class's probability.`);
  const positive = width === 1 ? values : Float64Array.from({ length: rows }, (_, row) => values[row * 2 + 1]!);
  checkProbabilities(positive, model, predictions.output);
  return positive;
}

function checkProbabilities(values: Float64Array, model: string, output: string): void {
  let bad = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < 0 || value > 1) {
      bad = i;
      break;
    }
  }
  if (bad >= 0) {
    throw new InputError(
      `${model}'s output "${output}" has ${values[bad]} (value ${bad + 1}), outside [0, 1]: evaluate-gate needs probabilities; end the exported graph with a Sigmoid or Softmax.`,
    );
  }
}

export function confusionOf(rows: ScoredRows, encoded: EncodedLabels): ConfusionSection | undefined {
  if (rows.task === 'regression' || encoded.classes.length > 20) return undefined;
  const classes = rows.task === 'binary' ? 2 : rows.classes;
  const predict = (values: Float64Array) => (rows.task === 'binary' ? binaryPredictions(values, rows.threshold) : argmaxPredictions(values, classes));
  const labels = rows.task === 'binary' ? encoded.classes : Array.from({ length: classes }, (_, i) => encoded.classes[i] ?? String(i));
  const section: ConfusionSection = { labels, candidate: confusionMatrix(rows.labels, predict(rows.candidate), classes) };
  if (rows.baseline !== undefined) section.baseline = confusionMatrix(rows.labels, predict(rows.baseline), classes);
  if (rows.task === 'binary') section.threshold = rows.threshold;
  return section;
}
