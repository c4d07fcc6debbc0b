/**
 * Predicted classes from scores, and the confusion matrix, shared by the metric families and the
 * gate's report.
 *
 * - binaryPredictions: 1 where P(positive) >= threshold (a row exactly at the threshold is positive);
 * - argmaxPredictions: the class of the largest probability, the first one on ties (as numpy.argmax);
 * - confusionMatrix: counts with rows = true class, columns = predicted class (as
 *   sklearn.metrics.confusion_matrix with labels=range(classes)).
 *
 * Complexity: O(n) for the predictions, O(n + classes²) for the matrix.
 */

/** 1 where `probabilities[i] >= threshold`, else 0. */
export function binaryPredictions(probabilities: ArrayLike<number>, threshold: number): Uint8Array {
  const predicted = new Uint8Array(probabilities.length);
  for (let i = 0; i < probabilities.length; i += 1) predicted[i] = (probabilities[i] as number) >= threshold ? 1 : 0;
  return predicted;
}

/**
 * The index of each row's largest probability in a row-major rows × classes matrix; the first maximum
 * wins on ties, as numpy.argmax(axis=1).
 */
export function argmaxPredictions(probabilities: ArrayLike<number>, classes: number): Int32Array {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`classes must be a positive integer, got ${classes}`);
  if (probabilities.length % classes !== 0) {
    throw new RangeError(`${probabilities.length} probabilities do not form rows of ${classes} classes`);
  }
  const rows = probabilities.length / classes;
  const predicted = new Int32Array(rows);
  for (let row = 0, offset = 0; row < rows; row += 1, offset += classes) {
    let best = 0;
    let bestValue = probabilities[offset] as number;
    for (let c = 1; c < classes; c += 1) {
      const value = probabilities[offset + c] as number;
      if (value > bestValue) {
        best = c;
        bestValue = value;
      }
    }
    predicted[row] = best;
  }
  return predicted;
}

/**
 * The classes × classes matrix of counts: entry [t][p] is the number of rows of true class t predicted
 * as p (rows = true, columns = predicted, as sklearn.metrics.confusion_matrix). Throws a RangeError for
 * a class index outside 0..classes-1 or arrays of different lengths.
 */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError(`classes must be a positive integer, got ${classes}`);
  if (labels.length !== predicted.length) {
    throw new RangeError(`confusionMatrix needs as many predictions as labels, got ${predicted.length} and ${labels.length}`);
  }
  const counts = new Float64Array(classes * classes);
  for (let i = 0; i < labels.length; i += 1) {
    const truth = labels[i] as number;
    const guess = predicted[i] as number;
    if (!(Number.isInteger(truth) && truth >= 0 && truth < classes && Number.isInteger(guess) && guess >= 0 && guess < classes)) {
      throw new RangeError(`row ${i}: class ${truth} predicted as ${guess}, expected classes 0..${classes - 1}`);
    }
    counts[truth * classes + guess]! += 1;
  }
  return Array.from({ length: classes }, (_, t) => Array.from(counts.subarray(t * classes, (t + 1) * classes)));
}
