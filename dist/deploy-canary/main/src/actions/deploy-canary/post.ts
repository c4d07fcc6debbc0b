/**
 * The post step (runs when the job was cancelled or failed): a half-finished local rollout goes back
 * to the version that was live before — state.json is rewritten with the live version only — and a
 * SageMaker shadow test is stopped (an endpoint update cannot be stopped through the API; its
 * guardrails and alarms roll it back). The previous version keeps serving whatever happened.
 */
import type { Logger } from '../../core/logger.js';
import { readState, writeState } from '../../core/deploy/local-state.js';
import { stopSageMakerDeployment } from '../../platform/aws/sagemaker-deploy.js';

export type PostState =
  | { target: 'local'; directory: string; candidate: number }
  | { target: 'sagemaker'; endpoint: string; region?: string };

export async function post(saved: unknown, logger: Logger): Promise<void> {
  const state = saved as PostState | undefined;
  if (state === undefined) {
    logger.info('The rollout did not start: nothing to return.');
    return;
  }
  if (state.target === 'sagemaker') {
    const result = await stopSageMakerDeployment(state.endpoint, { logger, ...(state.region === undefined ? {} : { region: state.region }) });
    logger.info(result.message);
    return;
  }
  const current = await readState(state.directory);
  if (current?.candidate?.version !== state.candidate) {
    logger.info(`Nothing to return at ${state.directory}: version ${state.candidate} takes no traffic${current === undefined ? '' : `; version ${current.live.version} serves everything`}.`);
    return;
  }
  await writeState(state.directory, { live: current.live, updatedAt: new Date().toISOString() });
  logger.warning(`The rollout of version ${state.candidate} was interrupted: all traffic is back on version ${current.live.version} (${state.directory}).`);
}
