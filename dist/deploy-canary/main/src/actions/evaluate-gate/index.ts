import { fileURLToPath } from 'node:url';
import { isBootstrapWorker, runBootstrapWorker, useBootstrapScript } from '../../core/gate/bootstrap-threads.js';

// The bundle is also the bootstrap workers' script: a worker thread started on this file runs resamples.
if (isBootstrapWorker()) {
  runBootstrapWorker();
} else {
  useBootstrapScript(fileURLToPath(import.meta.url));
  const { runAction } = await import('../../platform/github/action-runtime.js');
  const { main } = await import('./main.js');
  const { metadata } = await import('./metadata.js');
  await runAction(metadata, main);
}
