import { fileURLToPath } from 'node:url';
import { isScanWorker, runScanWorker, useWorkerScript } from '../../core/scan/scan-worker.js';

// The bundle is also the scan workers' script: a worker thread started on this file scans a range
// of a large CSV (both sides of a drift check are profiled in parallel byte ranges).
if (isScanWorker()) {
  await runScanWorker();
} else {
  useWorkerScript(fileURLToPath(import.meta.url));
  const { runAction } = await import('../../platform/github/action-runtime.js');
  const { main } = await import('./main.js');
  const { metadata } = await import('./metadata.js');
  await runAction(metadata, main);
}
