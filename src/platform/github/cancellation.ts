/**
 * A cancelled workflow run: the runner sends SIGINT (then SIGTERM) to the action's process. Both
 * abort the signal the backends watch, so the training's process group, or the SageMaker job, is
 * stopped before the action exits.
 */
import type { Logger } from '../../core/logger.js';

export function cancellationSignal(logger: Logger): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) logger.warning(`Received ${name}: the run was cancelled; stopping the training.`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
