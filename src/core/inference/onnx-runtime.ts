/**
 * Loading onnxruntime-node. The bundles carry its native binary for linux-x64 only (dist/bin/…,
 * shared by every action); elsewhere the import fails, and the error says so instead of a raw
 * "Cannot find module …onnxruntime_binding.node".
 */
import { EnvironmentError, InputError } from '../errors.js';
import { sha256File } from '../files/sha256.js';

type OnnxRuntime = typeof import('onnxruntime-node');

let runtime: Promise<OnnxRuntime> | undefined;

function isMissingBinary(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /onnxruntime_binding\.node|libonnxruntime/.test(message);
}

export function loadOnnxRuntime(): Promise<OnnxRuntime> {
  runtime ??= import('onnxruntime-node').catch((error: unknown) => {
    runtime = undefined;
    if (!isMissingBinary(error)) throw error;
    throw new EnvironmentError(
      `onnxruntime-node has no native binary for ${process.platform}-${process.arch} here: the bundled actions ship the linux-x64 binary only. ` +
        'Run the step on an ubuntu x64 runner, or run the cd4ml command from a clone after `npm ci` on this machine.',
      { cause: error },
    );
  });
  return runtime;
}

export interface OnnxModelDescription {
  path: string;
  sha256: string;
  inputNames: readonly string[];
  outputNames: readonly string[];
}

/** Opens a model with onnxruntime and reports its fingerprint and input/output names. */
export async function describeOnnxModel(path: string): Promise<OnnxModelDescription> {
  const ort = await loadOnnxRuntime();
  const session = await ort.InferenceSession.create(path).catch((error: unknown) => {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new InputError(`${path} is not a model onnxruntime can load: ${reason}. Export the model to ONNX (opset 7 or later) and try again.`);
  });
  try {
    const sha256 = await sha256File(path);
    return { path, sha256, inputNames: session.inputNames, outputNames: session.outputNames };
  } finally {
    await session.release();
  }
}
