import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckFailedError, InputError } from '../../core/errors.js';
import { writeFileAtomic } from '../../core/files/write-file-atomic.js';
import { planRollout } from '../../core/deploy/plan.js';
import { renderRolloutMarkdown } from '../../core/deploy/rollout-report.js';
import { checkAlias, parseReference } from '../../core/registry/names.js';
import { saveForPost, type ContextOf } from '../../platform/github/action-runtime.js';
import { openRegistry } from '../../platform/registry.js';
import { cancellationSignal } from '../../platform/github/cancellation.js';
import { recordDeployment } from './github-deployment.js';
import { localDeploymentDirectory, localRollout } from './local-rollout.js';
import type { metadata } from './metadata.js';
import { sagemakerRollout } from './sagemaker-rollout.js';

export async function main({ inputs, logger, run, summary, setOutput }: ContextOf<typeof metadata>): Promise<void> {
  const cwd = process.cwd();
  const reference = parseReference(inputs.model, 'Input "model"');
  if (inputs.target !== 'local' && inputs.replay !== undefined) throw new InputError('Input "replay" is for the local target; SageMaker shadow tests (strategy: shadow) mirror live traffic instead.');
  const promoteAlias = inputs['promote-alias'] === undefined ? undefined : checkAlias(inputs['promote-alias'], 'Input "promote-alias"');
  const token = inputs['github-token'];
  const registry = openRegistry(inputs.registry, { what: 'Input "registry"', cwd, run, token, logger });
  const record = await registry.resolve(reference.name, reference.selector);
  const plan = planRollout(inputs.strategy, { canaryPercent: inputs['canary-percent'], linearStepPercent: inputs['linear-step-percent'], bakeMinutes: inputs['bake-minutes'], mirrorPercent: inputs['mirror-percent'] });
  const rules = {
    maxErrorRate: inputs['max-error-rate'],
    minRequests: inputs['min-requests'],
    ...(inputs['max-latency-p95-ms'] === undefined ? {} : { maxLatencyP95Ms: inputs['max-latency-p95-ms'] }),
  };
  const endpoint = inputs.endpoint ?? record.name;
  const deployment = await recordDeployment({ run, token, logger, environment: inputs.environment, record, registry: inputs.registry, strategy: inputs.strategy, target: inputs.target });
  await deployment.status('in_progress', `Rolling out ${record.uri} (${inputs.strategy}) to ${endpoint}`);

  saveForPost(
    inputs.target === 'local'
      ? { target: 'local', directory: localDeploymentDirectory(cwd, endpoint), candidate: record.version }
      : { target: 'sagemaker', endpoint, ...(inputs.region === undefined ? {} : { region: inputs.region }) },
  );
  const { signal, dispose } = cancellationSignal(logger);
  let outcome;
  try {
    outcome =
      inputs.target === 'local'
        ? await localRollout({ registry, name: record.name, candidate: record.version, endpoint, cwd, features: inputs.features, replay: inputs.replay, plan, rules, signal, logger })
        : await sagemakerRollout({ inputs, record, endpoint, plan, signal, logger });
  } catch (error) {
    await deployment.status('error', `The rollout of ${record.uri} could not run: ${(error as Error).message}`);
    throw error;
  } finally {
    dispose();
  }
  const { result } = outcome;
  const report = [renderRolloutMarkdown(result, { model: inputs.model, live: outcome.previous, target: outcome.target, strategy: inputs.strategy, rules }), outcome.replayMarkdown ?? ''].filter((part) => part !== '').join('\n\n');
  summary.append(report);
  const reportPath = join(process.env['RUNNER_TEMP'] || tmpdir(), 'cd4ml', 'deploy-canary', 'report.md');
  await writeFileAtomic(reportPath, report, 'The rollout report');

  const succeeded = result.status === 'promoted' || result.status === 'shadowed';
  await deployment.status(succeeded ? 'success' : 'failure', result.summary);
  if (result.status === 'promoted' && promoteAlias !== undefined) {
    const actor = { ...(run.actor === undefined ? {} : { actor: run.actor }), ...(run.runUrl === undefined ? {} : { runUrl: run.runUrl }), ...(run.sha === undefined ? {} : { gitSha: run.sha }) };
    const { previous } = await registry.setAlias(record.name, promoteAlias, record.version, actor, 'deploy', new Date());
    logger.info(`${record.name}@${promoteAlias} → v${record.version}${previous === undefined ? '' : ` (was v${previous})`}.`);
  }
  setOutput('status', result.status);
  if (result.liveVersion !== undefined) setOutput('live-version', result.liveVersion);
  if (deployment.id !== undefined) setOutput('deployment-id', deployment.id);
  if (outcome.endpointConfig !== undefined) setOutput('endpoint-config', outcome.endpointConfig);
  setOutput('report', reportPath);
  if (result.status === 'failed') throw new CheckFailedError(`the rollout of ${record.uri} failed: ${result.summary}`);
  if (result.status === 'rolled-back') throw new CheckFailedError(`${record.uri} was rolled back: ${result.summary}`);
}
