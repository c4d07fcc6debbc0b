/**
 * The entry of an action that scans data: its bundle is also the script of the scan worker threads
 * (a worker started on it scans a byte range of a large CSV); on the main thread the action runs,
 * with spare workers started while it loads.
 */
import { fileURLToPath } from 'node:url';
import type { InputSpecs } from '../core/inputs/spec.js';
import { isScanWorker, runScanWorker, useWorkerScript } from '../core/scan/scan-worker.js';
import type { ActionMetadata } from '../platform/github/action-metadata.js';
import type { ActionMain } from '../platform/github/action-runtime.js';

export async function runScanningAction<S extends InputSpecs, O extends string>(
  entryUrl: string,
  load: () => Promise<{ metadata: ActionMetadata<S, O>; main: ActionMain<S, O> }>,
): Promise<void> {
  if (isScanWorker()) {
    await runScanWorker();
    return;
  }
  useWorkerScript(fileURLToPath(entryUrl));
  const { runAction } = await import('../platform/github/action-runtime.js');
  const { metadata, main } = await load();
  await runAction(metadata, main);
}
