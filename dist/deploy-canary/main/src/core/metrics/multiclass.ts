/**
 * The multiclass metrics, as scikit-learn computes them with `sample_weight` and labels=range(C)
 * (checked against sklearn 1.2.1 in test/fixtures/reference/metrics):
 *
 * - accuracy        accuracy_score of the argmax predictions (the first maximum on ties, as numpy.argmax);
 * - f1_macro        f1_score(average='macro'): the unweighted mean of the C per-class F1 scores; a class
 *                   absent from both the labels and the predictions counts with F1 0 (zero_division
 *                   default), as sklearn does when labels= names it;
 * - f1_weighted     f1_score(average='weighted'): per-class F1 weighted by the class's (weighted) support;
 * - log_loss        log_loss(labels=range(C)): each probability clipped to [eps, 1 − eps] (eps = 2⁻⁵²),
 *                   the row renormalised to sum 1 (as sklearn 1.2 does), mean of −ln p(true class);
 * - top_k_accuracy  top_k_accuracy_score(k) for each k in {2, 3, 5} below C (names top_2_accuracy, …):
 *                   the true class is among the k first of the row's classes ordered as sklearn orders
 *                   them (np.argsort(kind='mergesort') reversed), so that among tied probabilities the
 *                   higher class index ranks first.
 *
 * Degenerate input: every metric is NaN when the total weight is 0 (sklearn raises for accuracy and
 * log_loss). Otherwise the values are sklearn's, including F1 0 for classes never predicted or absent.
 *
 * Preparation computes each row's argmax prediction, log-loss term and the rank of its true class,
 * O(n · C); `evaluate` accumulates per-class weighted counts in reused scratch arrays: O(n + C), no
 * allocation besides its result.
 */
import { InputError } from '../errors.js';
import { argmaxPredictions } from './confusion.js';
import type { MetricEvaluator, RowWeights } from './types.js';

/** The k of top_k_accuracy, each used when below the number of classes. */
export const TOP_K = [2, 3, 5] as const;

/** np.finfo(np.float64).eps, sklearn's log_loss clipping bound ("auto" for float64 input). */
const EPS = Number.EPSILON;

/** Ranks at or beyond this are not told apart (no k reaches it). */
const RANK_CAP = 5;

/** The metric names for `classes` classes, in evaluate's order. */
export function multiclassMetricNames(classes: number): string[] {
  return ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss', ...TOP_K.filter((k) => k < classes).map((k) => `top_${k}_accuracy`)];
}

/**
 * Prepares the multiclass metrics of `labels` (class indices 0..classes-1) against `probabilities`
 * (row-major rows × classes). Throws an InputError for fewer than 2 classes, a probability matrix of
 * the wrong size, a label outside 0..classes-1 or a probability outside [0, 1].
 */
export function multiclassEvaluator(labels: Int32Array, probabilities: Float64Array, classes: number): MetricEvaluator {
  const rows = labels.length;
  if (!Number.isInteger(classes) || classes < 2) throw new InputError(`Multiclass metrics need at least 2 classes, got ${classes}.`);
  if (probabilities.length !== rows * classes) {
    throw new InputError(
      `Multiclass metrics need ${classes} probabilities per row: got ${probabilities.length} probabilities ` +
        `for ${rows} labels (expected ${rows * classes}).`,
    );
  }
  for (let i = 0; i < rows; i += 1) {
    const label = labels[i]!;
    if (label < 0 || label >= classes) throw new InputError(`Class label at row ${i} is ${label}; expected a class index 0..${classes - 1}.`);
  }
  for (let j = 0; j < probabilities.length; j += 1) {
    const probability = probabilities[j]!;
    if (!(probability >= 0 && probability <= 1)) {
      throw new InputError(
        `Predicted probability of class ${j % classes} at row ${Math.floor(j / classes)} is ${probability}; expected a probability in [0, 1].`,
      );
    }
  }

  const names = multiclassMetricNames(classes);
  const ks = TOP_K.filter((k) => k < classes);
  const predicted = argmaxPredictions(probabilities, classes);
  const rowLogLoss = new Float64Array(rows);
  /** How many classes sklearn's top-k order puts before the true class, capped at RANK_CAP. */
  const trueRank = new Uint8Array(rows);
  for (let row = 0, offset = 0; row < rows; row += 1, offset += classes) {
    const label = labels[row]!;
    const own = probabilities[offset + label]!;
    let sum = 0;
    let ahead = 0;
    for (let c = 0; c < classes; c += 1) {
      const probability = probabilities[offset + c]!;
      sum += Math.min(Math.max(probability, EPS), 1 - EPS);
      if (probability > own || (probability === own && c > label)) ahead += 1;
    }
    rowLogLoss[row] = -Math.log(Math.min(Math.max(own, EPS), 1 - EPS) / sum);
    trueRank[row] = Math.min(ahead, RANK_CAP);
  }

  const truePositive = new Float64Array(classes);
  const predictedCount = new Float64Array(classes);
  const support = new Float64Array(classes);
  const rankWeight = new Float64Array(RANK_CAP + 1);

  return {
    names,
    rows,
    evaluate(weights?: RowWeights): Float64Array {
      if (weights !== undefined && weights.length !== rows) {
        throw new RangeError(`weights has ${weights.length} entries for ${rows} rows`);
      }
      truePositive.fill(0);
      predictedCount.fill(0);
      support.fill(0);
      rankWeight.fill(0);
      let logLoss = 0;
      for (let row = 0; row < rows; row += 1) {
        const w = weights === undefined ? 1 : weights[row]!;
        const label = labels[row]!;
        const guess = predicted[row]!;
        support[label]! += w;
        predictedCount[guess]! += w;
        if (label === guess) truePositive[label]! += w;
        logLoss += w * rowLogLoss[row]!;
        rankWeight[trueRank[row]!]! += w;
      }

      const values = new Float64Array(names.length);
      let total = 0;
      let correct = 0;
      let f1Sum = 0;
      let f1Weighted = 0;
      for (let c = 0; c < classes; c += 1) {
        const tp = truePositive[c]!;
        const precision = predictedCount[c]! > 0 ? tp / predictedCount[c]! : 0;
        const recall = support[c]! > 0 ? tp / support[c]! : 0;
        const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
        total += support[c]!;
        correct += tp;
        f1Sum += f1;
        f1Weighted += f1 * support[c]!;
      }
      if (total === 0) return values.fill(Number.NaN);
      values[0] = correct / total;
      values[1] = f1Sum / classes;
      values[2] = f1Weighted / total;
      values[3] = logLoss / total;
      let within = 0;
      let next = 0;
      for (let index = 0; index < ks.length; index += 1) {
        const k = ks[index]!;
        while (next < k) {
          within += rankWeight[next]!;
          next += 1;
        }
        values[4 + index] = within / total;
      }
      return values;
    },
  };
}
