/**
 * Scoring JSON rows with an ONNX model, as the model server and the shadow replay do: the request body
 * (`{"rows": [{…}, …]}` or one row object), the feature matrix it gives a model, and the model's
 * answer per row, through the project's scorer (inference/score-model.ts, so a model is fed exactly as
 * evaluate-gate feeds it).
 *
 * Feeding: a model with one tensor input [N, F] takes `features` (the columns in the order it was
 * trained on); a model with one input per column takes its inputs' names, and `features` may be left
 * out. Each row must hold every feature, as a JSON number (a boolean counts as 1/0) or null for a
 * missing value (fed as NaN, as the data readers feed a missing cell: a model with an imputer takes
 * it). An absent key, text, or null or a fraction for an integer input is a client error
 * (RequestError: the server answers 400). Once the input is built, anything the model does wrong (a
 * runtime error, NaN predictions) is the model's failure.
 *
 * The predicted value of a row (prediction histograms, drift) follows prediction-drift.ts: the value
 * for one output per row, P(class 1) — the second value — for two, the argmax class for more.
 */
import { InputError } from '../errors.js';
import type { EvaluationTable } from '../evaluation/evaluation-table.js';
import { describeShape, openModel, planInputs, releaseModel, scoreModel, type InputPlan, type LoadedModel } from '../inference/score-model.js';

/** A request the server refuses (HTTP 400): the message says what is wrong and what is expected. */
export class RequestError extends InputError {}

/** A model opened and planned for serving. */
export interface ServingModel {
  model: LoadedModel;
  plan: InputPlan;
}

export type Row = Record<string, unknown>;

/** Opens the model and plans its inputs from `features`; InputError when it cannot serve JSON rows. */
export async function openServingModel(path: string, name: string, features: readonly string[] | undefined): Promise<ServingModel> {
  const model = await openModel(path, name, { quiet: true });
  try {
    return { model, plan: planServing(model, features) };
  } catch (error) {
    await releaseModel(model);
    throw error;
  }
}

export function planServing(model: LoadedModel, features: readonly string[] | undefined): InputPlan {
  const inputs = model.signature.inputs;
  if (features === undefined && inputs.length === 1) {
    const shape = inputs[0]!.shape;
    const width = shape !== null && shape.length === 2 ? shape[1] : 1;
    if (width !== 1) {
      throw new InputError(
        `${model.name} takes a matrix of features at its input "${inputs[0]!.name}" (${describeShape(shape)}); name the columns it takes, in the order it was trained on (the features option).`,
      );
    }
  }
  return planInputs(model, features, features ?? inputs.map((input) => input.name));
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rows of a request: `{"rows": [ … ]}` or one row object. RequestError otherwise. */
export function requestRows(document: unknown): Row[] {
  if (!isRow(document)) {
    throw new RequestError(`The request body is ${Array.isArray(document) ? 'an array' : JSON.stringify(document)}; expected {"rows": [{…}, …]} or one row object.`);
  }
  if (!('rows' in document)) return [document];
  const rows = document['rows'];
  if (!Array.isArray(rows)) throw new RequestError(`"rows" is ${JSON.stringify(rows)?.slice(0, 40)}; expected an array of row objects.`);
  if (rows.length === 0) throw new RequestError('"rows" is empty; send at least one row.');
  rows.forEach((row, i) => {
    if (!isRow(row)) throw new RequestError(`row ${i + 1} is ${JSON.stringify(row)?.slice(0, 40)}; expected an object of feature values.`);
  });
  return rows as Row[];
}

/** Parses a request body (JSON text); RequestError for text that is not JSON. */
export function parseRequest(text: string): Row[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RequestError(`The request body is not JSON (${(error as Error).message}); send {"rows": [{…}, …]}.`);
  }
  return requestRows(document);
}

/** The rows' features as the row-major float32 matrix the plan takes; RequestError for a bad value. */
export function featureMatrix(rows: readonly Row[], plan: InputPlan): Float32Array {
  const features = plan.features;
  const integer = new Set(plan.inputs.filter((input) => input.type === 'int32' || input.type === 'int64').flatMap((input) => input.features));
  const matrix = new Float32Array(rows.length * features.length);
  rows.forEach((row, r) => {
    features.forEach((name, j) => {
      const raw = row[name];
      const value = typeof raw === 'number' ? raw : typeof raw === 'boolean' ? (raw ? 1 : 0) : raw === null ? Number.NaN : undefined;
      if (value === undefined) {
        const what = raw === undefined ? 'missing' : `${JSON.stringify(raw)?.slice(0, 40)}`;
        throw new RequestError(`row ${r + 1}: feature "${name}" is ${what}; every row needs ${features.join(', ')}, as numbers (null for a missing value).`);
      }
      if (integer.has(name) && !Number.isInteger(value)) {
        throw new RequestError(`row ${r + 1}: feature "${name}" is ${raw === null ? 'null' : value}, but the model takes whole numbers there (none missing).`);
      }
      matrix[r * features.length + j] = value;
    });
  });
  return matrix;
}

/** The matrix as the evaluation table the scorer reads (features only). */
function tableOf(matrix: Float32Array, features: readonly string[]): EvaluationTable {
  const width = features.length;
  const rows = width === 0 ? 0 : matrix.length / width;
  return {
    rows,
    sources: ['request'],
    sourceRows: [rows],
    columns: [...features],
    featureNames: [...features],
    features: matrix,
    featureColumn(index: number): Float32Array {
      const column = new Float32Array(rows);
      for (let row = 0; row < rows; row += 1) column[row] = matrix[row * width + index]!;
      return column;
    },
    categorical: new Map(),
  };
}

export interface RowPredictions {
  rows: number;
  /** Values per row. */
  width: number;
  /** rows × width, row-major. */
  values: Float64Array;
}

/** Scores the matrix (featureMatrix's) with the model; any error is the model's failure. */
export async function scoreMatrix(serving: ServingModel, matrix: Float32Array): Promise<RowPredictions> {
  const predictions = await scoreModel(serving.model, serving.plan, tableOf(matrix, serving.plan.features));
  return { rows: predictions.rows, width: predictions.width, values: predictions.values };
}

/** The answer's `predictions`: one number per row for one output value, else an array per row. */
export function predictionsJson(predictions: RowPredictions): Array<number | number[]> {
  const { rows, width, values } = predictions;
  const out: Array<number | number[]> = [];
  for (let row = 0; row < rows; row += 1) {
    out.push(width === 1 ? values[row]! : Array.from(values.subarray(row * width, (row + 1) * width)));
  }
  return out;
}

/** The argmax of a row (the first of equal maxima). */
export function argmax(values: Float64Array, row: number, width: number): number {
  let best = 0;
  for (let c = 1; c < width; c += 1) if (values[row * width + c]! > values[row * width + best]!) best = c;
  return best;
}

/** The predicted value of each row (see the file header). */
export function predictionValues(predictions: RowPredictions): Float64Array {
  const { rows, width, values } = predictions;
  const out = new Float64Array(rows);
  for (let row = 0; row < rows; row += 1) {
    out[row] = width === 1 ? values[row]! : width === 2 ? values[row * 2 + 1]! : argmax(values, row, width);
  }
  return out;
}
