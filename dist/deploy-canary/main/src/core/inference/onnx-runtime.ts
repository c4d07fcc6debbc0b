/**
 * Loading onnxruntime-node. The bundles carry its native binary for linux-x64 only (dist/bin/…,
 * shared by every action); elsewhere the import fails, and the error says so instead of a raw
 * "Cannot find module …onnxruntime_binding.node".
 */
import { EnvironmentError } from '../errors.js';

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
