/**
 * The regression metrics, as scikit-learn computes them with `sample_weight` (checked against sklearn
 * 1.2.1 in test/fixtures/reference/metrics), with w the row weights and W their sum:
 *
 * - mae   mean_absolute_error: Σ w·|ŷ − y| / W;
 * - rmse  √ mean_squared_error: √(Σ w·(y − ŷ)² / W);
 * - r2    r2_score: 1 − Σ w·(y − ŷ)² / Σ w·(y − ȳ_w)², ȳ_w the weighted mean of the targets; as sklearn
 *         (force_finite), 1 when the numerator is 0, and 0 when only the denominator is 0 (a target
 *         constant over the weighted rows);
 * - mape  mean_absolute_percentage_error: Σ w·|ŷ − y| / max(|y|, eps) / W with eps = 2⁻⁵², so a zero
 *         target with a nonzero error contributes about 4.5e15 times the error, as in sklearn.
 *
 * Degenerate input: every metric is NaN when the total weight is 0 (sklearn raises), and r2 is NaN
 * for fewer than 2 rows (sklearn returns nan; like sklearn with sample_weight, the count is of rows,
 * not of weight). A target constant over the weighted rows is detected exactly, so the R² denominator
 * is then exactly 0 and R² follows sklearn's constant-target rule. (sklearn's mean of such targets
 * may round and leave a denominator of rounding noise: r2_score([0.1] * 3, [0.2, 0.1, 0.1]) is
 * −1.7e31 in sklearn 1.2.1, 0 here; for targets whose sums are exact, e.g. integers, both agree.)
 *
 * The R² denominator is summed in two passes around the weighted mean of the targets, themselves
 * centred on their unweighted mean at preparation, so targets far from 0 (1e6 ± 1) lose no precision.
 * Preparation O(n); `evaluate` two passes, O(n), no allocation besides its result.
 */
import { InputError } from '../errors.js';
import type { MetricEvaluator, RowWeights } from './types.js';

export const REGRESSION_METRICS = ['mae', 'rmse', 'r2', 'mape'] as const;

/** np.finfo(np.float64).eps, the floor of |y| in sklearn's MAPE. */
const EPS = Number.EPSILON;

/**
 * Prepares the regression metrics of `predictions` against `targets`. Throws an InputError for arrays
 * of different lengths or a value that is not a finite number.
 */
export function regressionEvaluator(targets: Float64Array, predictions: Float64Array): MetricEvaluator {
  const rows = targets.length;
  if (predictions.length !== rows) {
    throw new InputError(`Regression metrics need one prediction per target: got ${predictions.length} predictions for ${rows} targets.`);
  }
  let sum = 0;
  for (let i = 0; i < rows; i += 1) {
    if (!Number.isFinite(targets[i]!)) throw new InputError(`Target at row ${i} is ${targets[i]}; expected a finite number.`);
    if (!Number.isFinite(predictions[i]!)) throw new InputError(`Prediction at row ${i} is ${predictions[i]}; expected a finite number.`);
    sum += targets[i]!;
  }
  const centre = rows > 0 ? sum / rows : 0;
  const centred = new Float64Array(rows);
  const absoluteError = new Float64Array(rows);
  const squaredError = new Float64Array(rows);
  const percentageError = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const target = targets[i]!;
    const error = predictions[i]! - target;
    centred[i] = target - centre;
    absoluteError[i] = Math.abs(error);
    squaredError[i] = error * error;
    percentageError[i] = Math.abs(error) / Math.max(Math.abs(target), EPS);
  }

  return {
    names: REGRESSION_METRICS,
    rows,
    evaluate(weights?: RowWeights): Float64Array {
      if (weights !== undefined && weights.length !== rows) {
        throw new RangeError(`weights has ${weights.length} entries for ${rows} rows`);
      }
      const values = new Float64Array(REGRESSION_METRICS.length);
      // A weighted row's centred target: the reference against which constancy is tested.
      let first = 0;
      while (first < rows && weights !== undefined && weights[first] === 0) first += 1;
      if (first === rows) return values.fill(Number.NaN);
      const reference = centred[first]!;

      let total = 0;
      let absolute = 0;
      let squared = 0;
      let percentage = 0;
      let targetSum = 0;
      /** Σ w·|y − reference|: exactly 0 iff every weighted target equals the reference. */
      let spread = 0;
      for (let i = 0; i < rows; i += 1) {
        const w = weights === undefined ? 1 : weights[i]!;
        const target = centred[i]!;
        total += w;
        absolute += w * absoluteError[i]!;
        squared += w * squaredError[i]!;
        percentage += w * percentageError[i]!;
        targetSum += w * target;
        spread += w * Math.abs(target - reference);
      }
      let deviation = 0;
      if (spread !== 0) {
        const mean = targetSum / total;
        for (let i = 0; i < rows; i += 1) {
          const w = weights === undefined ? 1 : weights[i]!;
          const d = centred[i]! - mean;
          deviation += w * d * d;
        }
      }

      values[0] = absolute / total;
      values[1] = Math.sqrt(squared / total);
      values[2] = rows < 2 ? Number.NaN : squared === 0 ? 1 : deviation === 0 ? 0 : 1 - squared / deviation;
      values[3] = percentage / total;
      return values;
    },
  };
}
