/**
 * Scores an ONNX model on the evaluation table with onnxruntime (CPU), in batches.
 *
 * Supported models:
 * - Inputs: either one tensor input taking every listed feature in order ([N, F], float32 by
 *   default), or one input per data column, named after it ([N] or [N, 1]). Element types float32,
 *   float64, int32 and int64; the table holds features as float32, so integer inputs are exact up to
 *   2^24, and a missing (NaN) or fractional value fed to an integer input is an error. A batch
 *   dimension fixed at 1 is fed one row at a time; other fixed batch sizes are unsupported.
 * - Output: chosen as model-signature.ts says; rank 1 ([N]) or 2 ([N, C]), numeric elements. The
 *   width (C) must be the same in every batch.
 * - Unsupported: string and bool inputs (encode them as numbers before exporting), several inputs not
 *   named after columns, ZipMap (sequence of maps) outputs, outputs of rank 0 or above 2, float16.
 *
 * The float32 feature matrix is handed to onnxruntime as zero-copy subarrays, one per batch, when the
 * model takes the table's features in the table's order; a per-column input gets its column copied
 * once (EvaluationTable.featureColumn) and then zero-copy batches; a subset or another order, or
 * another element type, is gathered or converted per batch into one reused buffer.
 *
 * A prediction that is NaN or infinite is an error naming how many rows, the first of them (1-based
 * rows of the evaluation set) and whether those rows miss feature values.
 *
 * Complexity: O(rows × (features + width)) besides the model itself; memory 8 bytes per prediction,
 * 4 bytes per row per per-column input, plus one batch.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { EvaluationTable } from '../evaluation/evaluation-table.js';
import { InputError } from '../errors.js';
import { loadOnnxRuntime } from './onnx-runtime.js';
import { chooseOutput, describeShape, type LoadedModel, type OutputChoice, type ValueSignature } from './model-signature.js';

export { openModel, releaseModel, describeShape, chooseOutput, type LoadedModel, type ModelSignature, type OutputChoice, type ValueSignature } from './model-signature.js';

export const DEFAULT_BATCH_SIZE = 8192;

export type InputElementType = 'float32' | 'float64' | 'int32' | 'int64';
const INPUT_TYPES: ReadonlySet<string> = new Set<InputElementType>(['float32', 'float64', 'int32', 'int64']);

export interface PlannedInput {
  /** The model's input name. */
  name: string;
  type: InputElementType;
  /** The feature columns it takes, in order (one for a per-column input). */
  features: string[];
  /** Tensor rank fed: 1 ([n]) or 2 ([n, features.length]). */
  rank: 1 | 2;
}

export interface InputPlan {
  /** One tensor of every feature ('matrix'), or one input per column ('columns'). */
  kind: 'matrix' | 'columns';
  /** The feature columns the model takes, in order: the `features` to read the table with. */
  features: string[];
  inputs: PlannedInput[];
  output: OutputChoice;
  /** Rows per run when the model fixes its batch dimension (1); null when it is free. */
  fixedBatch: number | null;
}

export interface Predictions {
  output: string;
  rows: number;
  /** Values per row: 1 for [N] or [N, 1], C for [N, C]. */
  width: number;
  /** rows × width values, row-major. */
  values: Float64Array;
}

export interface ScoreOptions {
  /** Rows per onnxruntime run (default DEFAULT_BATCH_SIZE). */
  batchSize?: number | undefined;
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

function inputType(model: LoadedModel, input: ValueSignature): InputElementType {
  if (!input.tensor) {
    throw new InputError(`${model.name}: input "${input.name}" is a sequence or map; cd4ml feeds tensors only (float32, float64, int32 or int64).`);
  }
  if (!INPUT_TYPES.has(input.type)) {
    throw new InputError(
      `${model.name}: input "${input.name}" takes ${input.type} values, which cd4ml does not feed (unsupported); it feeds float32, float64, int32 or int64 tensors: encode such columns as numbers before exporting the model.`,
    );
  }
  return input.type as InputElementType;
}

/** The fixed batch size of an input's first dimension, or null when free; throws when it is not 1. */
function fixedBatchOf(model: LoadedModel, input: ValueSignature): number | null {
  const first = input.shape?.[0];
  if (typeof first !== 'number') return null;
  if (first === 1) return 1;
  throw new InputError(
    `${model.name}: input "${input.name}" has shape ${describeShape(input.shape)}, a batch dimension fixed at ${first} rows (unsupported); export the model with a free batch dimension (e.g. [None, F]).`,
  );
}

/**
 * How to feed the model from the table's features. `features` are the columns the model takes, in
 * order (matrix mode), or undefined to take its inputs' names as columns (per-column mode);
 * `columns` are the data's columns.
 */
export function planInputs(model: LoadedModel, features: readonly string[] | undefined, columns: readonly string[]): InputPlan {
  const inputs = model.signature.inputs;
  const output = chooseOutput(model);
  if (inputs.length === 0) throw new InputError(`${model.name} declares no inputs; cd4ml feeds it features, so it needs at least one.`);
  const names = inputs.map((input) => input.name);
  const pool = new Set(features ?? columns);
  const byColumn = inputs.every((input) => pool.has(input.name));
  const single = inputs.length === 1 ? inputs[0]! : undefined;
  const singleWidth = single?.shape?.length === 2 ? single.shape[1] : single?.shape?.length === 1 ? 1 : null;
  if (byColumn && (single === undefined || singleWidth === 1 || singleWidth === null || features === undefined)) {
    if (features !== undefined) {
      const extra = features.filter((name) => !names.includes(name));
      if (extra.length > 0) {
        throw new InputError(
          `features lists ${list(extra.map((name) => `"${name}"`))}, but ${model.name} has no input of that name (its inputs: ${list(names)}); with one input per column, list exactly the model's inputs, or leave features unset.`,
        );
      }
    }
    const planned = inputs.map((input): PlannedInput => {
      const type = inputType(model, input);
      const shape = input.shape;
      if (shape !== null && (shape.length > 2 || (shape.length === 2 && typeof shape[1] === 'number' && shape[1] !== 1))) {
        throw new InputError(
          `${model.name}'s input "${input.name}" has shape ${describeShape(shape)}; an input named after a column takes one value per row ([N] or [N, 1]).`,
        );
      }
      return { name: input.name, type, features: [input.name], rank: shape?.length === 1 ? 1 : 2 };
    });
    return { kind: 'columns', features: [...names], inputs: planned, output, fixedBatch: fixedBatch(model, inputs) };
  }
  if (features === undefined) {
    const strangers = names.filter((name) => !pool.has(name));
    throw new InputError(
      `${model.name}'s input${strangers.length === 1 ? '' : 's'} ${list(strangers.map((name) => `"${name}"`))} ${strangers.length === 1 ? 'is not a column' : 'are not columns'} of the data; set the features input to the columns the model takes, in the order it takes them.`,
    );
  }
  if (single === undefined) {
    const strangers = names.filter((name) => !pool.has(name));
    throw new InputError(
      `${model.name} has ${inputs.length} inputs (${list(names)}) and ${list(strangers.map((name) => `"${name}"`))} ${strangers.length === 1 ? 'is not a listed feature' : 'are not listed features'}; cd4ml feeds one input of every feature ([N, F]) or one input per column, named after it (unsupported otherwise).`,
    );
  }
  const type = inputType(model, single);
  const shape = single.shape;
  if (shape !== null && shape.length > 2) {
    throw new InputError(`${model.name}'s input "${single.name}" has shape ${describeShape(shape)}; cd4ml feeds a matrix of features ([N, F]), not rank ${shape.length} (unsupported).`);
  }
  const declared = shape === null ? null : shape.length === 1 ? 1 : shape[1];
  if (typeof declared === 'number' && declared !== features.length) {
    throw new InputError(
      `${model.name}'s input "${single.name}" takes ${declared} value${declared === 1 ? '' : 's'} per row (${describeShape(shape)}) but ${features.length} feature${features.length === 1 ? ' is' : 's are'} listed (${list(features)}); list the columns the model was trained on, in order.`,
    );
  }
  if (features.length === 0) throw new InputError(`features is empty; list the columns ${model.name}'s input "${single.name}" takes, in order.`);
  return {
    kind: 'matrix',
    features: [...features],
    inputs: [{ name: single.name, type, features: [...features], rank: shape?.length === 1 ? 1 : 2 }],
    output,
    fixedBatch: fixedBatch(model, inputs),
  };
}

function fixedBatch(model: LoadedModel, inputs: readonly ValueSignature[]): number | null {
  let fixed: number | null = null;
  for (const input of inputs) fixed ??= fixedBatchOf(model, input);
  return fixed;
}

/** How one input is fed: its source values (rows × width float32) and the per-batch conversion. */
interface Feed {
  input: PlannedInput;
  /** Table feature indexes it takes, in order. */
  columns: number[];
  /** The whole input as one contiguous float32 array (zero-copy batches), or null to gather per batch. */
  contiguous: Float32Array | null;
  buffer: Float32Array | Float64Array | Int32Array | BigInt64Array | null;
}

function newBuffer(type: InputElementType, length: number): Feed['buffer'] {
  switch (type) {
    case 'float32':
      return new Float32Array(length);
    case 'float64':
      return new Float64Array(length);
    case 'int32':
      return new Int32Array(length);
    case 'int64':
      return new BigInt64Array(length);
  }
}

/** Scores `table` with `model` as `plan` says; the predictions of every row, or an InputError. */
export async function scoreModel(model: LoadedModel, plan: InputPlan, table: EvaluationTable, options: ScoreOptions = {}): Promise<Predictions> {
  const ort = await loadOnnxRuntime();
  const requested = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`batchSize must be a positive integer, not ${requested}`);
  const batchSize = plan.fixedBatch ?? requested;
  const rows = table.rows;
  const tableWidth = table.featureNames.length;
  const identity = (columns: readonly number[]): boolean => columns.length === tableWidth && columns.every((column, i) => column === i);

  const feeds: Feed[] = plan.inputs.map((input) => {
    const columns = input.features.map((name) => {
      const index = table.featureNames.indexOf(name);
      if (index < 0) {
        throw new InputError(`${model.name}'s input "${input.name}" takes column "${name}", which the evaluation table was not read with (it holds ${list(table.featureNames)}); read it with every feature the models take.`);
      }
      return index;
    });
    const contiguous = identity(columns) ? table.features : columns.length === 1 ? table.featureColumn(columns[0]!) : null;
    const needsBuffer = contiguous === null || input.type !== 'float32';
    return { input, columns, contiguous, buffer: needsBuffer ? newBuffer(input.type, Math.min(batchSize, rows) * columns.length) : null };
  });

  const outputName = plan.output.name;
  let width = -1;
  let values = new Float64Array(0);
  let probe = 0;
  for (let start = 0; start < rows; start += batchSize) {
    const n = Math.min(batchSize, rows - start);
    const inputs: Record<string, Tensor> = {};
    for (const feed of feeds) {
      const k = feed.columns.length;
      const dims = feed.input.rank === 1 ? [n] : [n, k];
      inputs[feed.input.name] = new ort.Tensor(feed.input.type, batchData(model, feed, table, start, n), dims);
    }
    let result: InferenceSession.OnnxValueMapType;
    try {
      result = await model.session.run(inputs, [outputName]);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new InputError(`${model.name} failed on rows ${start + 1}..${start + n}: ${reason}`, { cause: error });
    }
    const tensor = result[outputName] as Tensor | undefined;
    if (tensor === undefined || !('dims' in tensor)) throw new InputError(`${model.name}: output "${outputName}" is not a tensor; cd4ml reads tensor outputs only.`);
    const dims = tensor.dims;
    if (dims.length === 0 || dims.length > 2 || dims[0] !== n) {
      throw new InputError(
        `${model.name}: output "${outputName}" has shape [${dims.join(', ')}] for a batch of ${n} rows; cd4ml reads [N] or [N, C] outputs, one row per input row (unsupported otherwise).`,
      );
    }
    const batchWidth = dims.length === 1 ? 1 : dims[1]!;
    if (width === -1) {
      width = batchWidth;
      values = new Float64Array(rows * width);
    } else if (batchWidth !== width) {
      throw new InputError(
        `${model.name}: output "${outputName}" has ${batchWidth} values per row on rows ${start + 1}..${start + n} but ${width} before; the prediction width must not change from batch to batch (unsupported).`,
      );
    }
    const data = tensor.data;
    if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
      for (let i = 0, at = start * width; i < n * width; i += 1, at += 1) values[at] = Number(data[i]!);
    } else if (typeof data === 'object' && 'BYTES_PER_ELEMENT' in data && tensor.type !== 'bool' && tensor.type !== 'float16') {
      values.set(data as Float32Array, start * width);
    } else {
      throw new InputError(`${model.name}: output "${outputName}" holds ${tensor.type} values; cd4ml reads numeric predictions only (unsupported).`);
    }
    if (typeof tensor.dispose === 'function') tensor.dispose();
    // x·0 is 0 for a finite x and NaN otherwise: one cheap pass while the batch is in cache.
    for (let at = start * width, end = (start + n) * width; at < end; at += 1) probe += values[at]! * 0;
  }
  if (width === -1) width = plan.output.width ?? 1;
  if (Number.isNaN(probe)) checkFinite(model, outputName, values, width, table, feeds);
  return { output: outputName, rows, width, values };
}

/** The input's values for rows [start, start + n), as the type it takes. */
function batchData(model: LoadedModel, feed: Feed, table: EvaluationTable, start: number, n: number): Tensor.DataType {
  const k = feed.columns.length;
  const { contiguous, input } = feed;
  if (contiguous !== null && input.type === 'float32') return contiguous.subarray(start * k, (start + n) * k);
  const buffer = feed.buffer!.length === n * k ? feed.buffer! : feed.buffer!.subarray(0, n * k);
  const features = table.features;
  const tableWidth = table.featureNames.length;
  const source = (row: number, j: number): number => (contiguous !== null ? contiguous[(start + row) * k + j]! : features[(start + row) * tableWidth + feed.columns[j]!]!);
  if (buffer instanceof Float32Array || buffer instanceof Float64Array) {
    for (let row = 0, at = 0; row < n; row += 1) for (let j = 0; j < k; j += 1, at += 1) buffer[at] = source(row, j);
    return buffer;
  }
  for (let row = 0, at = 0; row < n; row += 1) {
    for (let j = 0; j < k; j += 1, at += 1) {
      const value = source(row, j);
      if (!Number.isInteger(value)) {
        const what = Number.isNaN(value) ? 'missing' : String(value);
        throw new InputError(
          `row ${start + row + 1}: feature "${input.features[j]!}" is ${what}, but ${model.name}'s input "${input.name}" takes ${input.type} values (whole numbers, none missing); fill or drop such rows, or export the model with a float input.`,
        );
      }
      if (buffer instanceof BigInt64Array) buffer[at] = BigInt(value);
      else buffer[at] = value;
    }
  }
  return buffer;
}

/** Throws when a prediction is NaN or infinite, naming the first rows and whether they miss features. */
function checkFinite(model: LoadedModel, output: string, values: Float64Array, width: number, table: EvaluationTable, feeds: readonly Feed[]): void {
  let bad = 0;
  const first: number[] = [];
  let missing = 0;
  const used = [...new Set(feeds.flatMap((feed) => feed.columns))];
  const features = table.features;
  const tableWidth = table.featureNames.length;
  for (let row = 0, at = 0; row < table.rows; row += 1, at += width) {
    let finite = true;
    for (let j = 0; j < width; j += 1) {
      if (!Number.isFinite(values[at + j]!)) {
        finite = false;
        break;
      }
    }
    if (finite) continue;
    bad += 1;
    if (first.length < 5) first.push(row + 1);
    if (used.some((column) => Number.isNaN(features[row * tableWidth + column]!))) missing += 1;
  }
  if (bad === 0) return;
  const rows = `${bad} row${bad === 1 ? '' : 's'} (row${bad === 1 ? '' : 's'} ${first.join(', ')}${bad > first.length ? ', …' : ''})`;
  const cause =
    missing > 0
      ? `${missing === bad ? (bad === 1 ? 'it has' : 'all of them have') : `${missing} of them have`} missing feature values (NaN), which the model does not handle: fill or drop those rows, or export a model that handles missing values (e.g. with an imputer).`
      : `${bad === 1 ? 'its features are' : 'their features are all'} present, so the model itself yields them (e.g. a log or division of a feature): check the model.`;
  throw new InputError(`${model.name}: output "${output}" is NaN or infinite on ${rows}; ${cause}`);
}
