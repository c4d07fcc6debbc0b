/**
 * An ONNX model opened for scoring: its onnxruntime session, its sha256, and its signature (the
 * inputs' and outputs' names, element types and shapes, from the session's metadata), plus the
 * choice of the output that holds the predictions.
 *
 * Output choice: the only tensor output; else a float tensor output whose name looks like
 * probabilities (/prob/i); else the first float tensor output. A sequence or map output (scikit-learn
 * classifiers exported with ZipMap, seq(map(int64, float))) is not read: the error says to export
 * with `options={id(model): {'zipmap': False}}`. Outputs of rank 0 or above 2, and element types
 * other than numbers (string, bool, float16, complex), are unsupported.
 *
 * Errors are one-line InputErrors naming the model as the user wrote it.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { InputError } from '../errors.js';
import { sha256File } from '../files/sha256.js';
import { loadOnnxRuntime } from './onnx-runtime.js';

/** One input or output, as the model declares it. */
export interface ValueSignature {
  name: string;
  /** False for sequences and maps (ZipMap outputs). */
  tensor: boolean;
  /** The element type of a tensor ('float32', 'int64', …); '' for a sequence or map. */
  type: string;
  /**
   * The dimensions: a number when fixed, the symbolic name (a string) or null when free; null when
   * the model does not declare the shape (or it is not a tensor).
   */
  shape: readonly (number | string | null)[] | null;
}

export interface ModelSignature {
  inputs: ValueSignature[];
  outputs: ValueSignature[];
}

export interface LoadedModel {
  path: string;
  /** How messages name the model (the path as the user wrote it). */
  name: string;
  sha256: string;
  session: InferenceSession;
  signature: ModelSignature;
}

/** The output that holds the predictions. */
export interface OutputChoice {
  name: string;
  type: string;
  /** Its values per row when declared (1 for [N] or [N, 1], C for [N, C]); null when free. */
  width: number | null;
}

/** Output element types read as numbers. */
const NUMERIC_OUTPUTS: ReadonlySet<string> = new Set(['float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64']);
const FLOAT_OUTPUTS: ReadonlySet<string> = new Set(['float32', 'float64']);

export interface OpenModelOptions {
  /**
   * Log only onnxruntime's fatal messages. A model server sets it: onnxruntime logs every failed run
   * to stderr, once per request, and each failure already reaches the caller as an error.
   */
  quiet?: boolean;
}

/** Opens the model at `path` with onnxruntime (CPU). `name` is how messages call it (default `path`). */
export async function openModel(path: string, name: string = path, options: OpenModelOptions = {}): Promise<LoadedModel> {
  const ort = await loadOnnxRuntime();
  const session = await ort.InferenceSession.create(path, options.quiet === true ? { logSeverityLevel: 4 } : {}).catch((error: unknown) => {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new InputError(`${name} is not a model onnxruntime can load: ${reason}. Export the model to ONNX (opset 7 or later) and try again.`);
  });
  try {
    const sha256 = await sha256File(path);
    return { path, name, sha256, session, signature: signatureOf(session) };
  } catch (error) {
    await session.release();
    throw error;
  }
}

/** Releases the session's native memory; the model cannot score afterwards. */
export async function releaseModel(model: LoadedModel): Promise<void> {
  await model.session.release();
}

function valueSignature(metadata: InferenceSession.ValueMetadata): ValueSignature {
  if (!metadata.isTensor) return { name: metadata.name, tensor: false, type: '', shape: null };
  // onnxruntime reports an undeclared shape as []; a free dimension as its name, or as -1 without one.
  const shape = metadata.shape.length === 0 ? null : metadata.shape.map((dim) => (typeof dim === 'number' ? (dim >= 0 ? dim : null) : dim === '' ? null : dim));
  return { name: metadata.name, tensor: true, type: metadata.type, shape };
}

export function signatureOf(session: InferenceSession): ModelSignature {
  return { inputs: session.inputMetadata.map(valueSignature), outputs: session.outputMetadata.map(valueSignature) };
}

/** `[N, 4]`; a free dimension without a name is `?`. */
export function describeShape(shape: ValueSignature['shape']): string {
  if (shape === null) return 'an undeclared shape';
  return `[${shape.map((dim) => (dim === null ? '?' : String(dim))).join(', ')}]`;
}

/** The output that holds the predictions (see the file header), or an InputError saying why none can. */
export function chooseOutput(model: LoadedModel): OutputChoice {
  const outputs = model.signature.outputs;
  const tensors = outputs.filter((output) => output.tensor);
  const maps = outputs.filter((output) => !output.tensor);
  if (tensors.length === 0 || maps.some((output) => /prob/i.test(output.name))) {
    const which = maps.map((output) => `"${output.name}"`).join(', ');
    throw new InputError(
      `${model.name}: output ${which} is a sequence of maps (ZipMap), which cd4ml does not read; export the classifier with ZipMap disabled so probabilities are a tensor [N, C]: skl2onnx's to_onnx(model, X, options={'zipmap': False}).`,
    );
  }
  const floats = tensors.filter((output) => FLOAT_OUTPUTS.has(output.type));
  const chosen = tensors.length === 1 ? tensors[0]! : (floats.find((output) => /prob/i.test(output.name)) ?? floats[0]);
  if (chosen === undefined) {
    throw new InputError(
      `${model.name}: none of its outputs (${tensors.map((output) => `"${output.name}" ${output.type}`).join(', ')}) is a float tensor; cd4ml reads predictions from a float32 or float64 output (scores or probabilities).`,
    );
  }
  if (!NUMERIC_OUTPUTS.has(chosen.type)) {
    throw new InputError(
      `${model.name}: output "${chosen.name}" holds ${chosen.type} values; cd4ml reads numeric predictions only (float32 or float64 scores or probabilities, or integers).`,
    );
  }
  const shape = chosen.shape;
  if (shape !== null && (shape.length === 0 || shape.length > 2)) {
    throw new InputError(
      `${model.name}: output "${chosen.name}" has shape ${describeShape(shape)}; cd4ml reads one value per row ([N] or [N, 1]) or one per class ([N, C]), not rank ${shape.length}.`,
    );
  }
  const second = shape === null ? null : shape.length === 1 ? 1 : shape[1]!;
  return { name: chosen.name, type: chosen.type, width: typeof second === 'number' ? second : null };
}
