/**
 * The local target: the versions are fetched from the registry into `.cd4ml/deploy/<endpoint>/`, a
 * model server runs in this process on a free port (a `cd4ml serve` of the same directory follows
 * the same state.json), the `replay` requests are its traffic, and the rollout engine shifts traffic
 * step by step. With `replay`, the candidate and the live version first answer the same requests
 * side by side (agreement, latency, prediction drift); an endpoint's first version, which no canary
 * can judge, answers them alone and goes live only within max-error-rate.
 */
import { join, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { createLocalTarget, deploymentDirectory, type LocalTarget } from '../../core/deploy/local-target.js';
import { checkFirstVersion, firstVersionProblem } from '../../core/deploy/first-version-check.js';
import { startModelServer } from '../../core/deploy/local-server.js';
import { readReplayLines, startReplayTraffic } from '../../core/deploy/replay-traffic.js';
import { renderReplayMarkdown, replayRequests } from '../../core/deploy/replay.js';
import { runRollout } from '../../core/deploy/rollout.js';
import type { Clock, HealthRules, RolloutPlan, RolloutResult } from '../../core/deploy/types.js';
import type { ModelRegistry } from '../../core/registry/types.js';
import { onnxModels } from '../../core/registry/verified-files.js';

export const LOCAL_DEPLOY_DIRECTORY = '.cd4ml/deploy';

/** `<cwd>/.cd4ml/deploy/<endpoint>`: where the local target keeps an endpoint's state and versions. */
export function localDeploymentDirectory(cwd: string, endpoint: string): string {
  return deploymentDirectory(resolve(cwd, LOCAL_DEPLOY_DIRECTORY), endpoint);
}

export interface LocalRolloutOptions {
  registry: ModelRegistry;
  name: string;
  candidate: number;
  endpoint: string;
  cwd: string;
  features: readonly string[] | undefined;
  replay: string | undefined;
  plan: RolloutPlan;
  rules: HealthRules;
  signal: AbortSignal;
  logger: Logger;
}

export interface LocalRolloutOutcome {
  result: RolloutResult;
  previous: number | undefined;
  target: string;
  /** The side-by-side replay report, when `replay` was given and a version was live. */
  replayMarkdown?: string;
  endpointConfig?: string;
}

const clock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((done) => setTimeout(done, ms)) };

export async function localRollout(options: LocalRolloutOptions): Promise<LocalRolloutOutcome> {
  const { registry, name, logger } = options;
  const directory = resolve(options.cwd, LOCAL_DEPLOY_DIRECTORY);
  const fetched = new Map<number, string>();
  const fetchModel = async (version: number): Promise<string> => {
    const record = await registry.resolve(name, { version });
    const models = onnxModels(record);
    if (models.length !== 1) throw new InputError(`${record.uri} has ${models.length === 0 ? 'no ONNX model' : 'several ONNX files'}; the local target serves one ONNX model per version.`);
    const into = join(directory, options.endpoint, 'versions', `v${version}`);
    await registry.download(record, into);
    const path = join(into, models[0]!.path);
    fetched.set(version, path);
    return path;
  };
  let server: Awaited<ReturnType<typeof startModelServer>> | undefined;
  const target: LocalTarget = createLocalTarget({ directory, endpoint: options.endpoint, fetchModel, features: options.features, clock, logger, metrics: { render: () => server?.metrics.render() ?? '' } });
  const previous = await target.liveVersion();
  const description = `the local target ${options.endpoint} (${target.deploymentDirectory})`;
  if (previous === undefined) {
    await target.prepare(options.candidate);
    let checked = '';
    if (options.replay !== undefined) {
      const lines = await readReplayLines(options.replay);
      const check = await checkFirstVersion(fetched.get(options.candidate)!, `version ${options.candidate}`, lines, options.features);
      if (check.rejected > 0) logger.warning(`${check.rejected} of ${lines.length} replayed requests would be refused (HTTP 400) and were not counted: check the replay file's columns against the features input.`);
      const problem = firstVersionProblem(check, options.rules.maxErrorRate);
      if (problem !== undefined) {
        const summary = `v${options.candidate} was not put live: ${problem}. Nothing serves ${options.endpoint} yet.`;
        return { previous, target: description, result: { status: 'rolled-back', summary, steps: [], liveVersion: undefined } };
      }
      checked = ` It answered ${check.requests - check.errors} of ${check.requests} replayed requests.`;
    }
    await target.promote(options.candidate);
    const summary = `v${options.candidate} is live: the first deployment to ${options.endpoint}, with nothing to compare it with.${checked}`;
    return { previous, target: description, result: { status: 'promoted', summary, steps: [], liveVersion: options.candidate } };
  }

  const lines = options.replay === undefined ? undefined : await readReplayLines(options.replay);
  let replayMarkdown: string | undefined;
  if (options.replay !== undefined && previous !== options.candidate) {
    const replay = await replayRequests({ requestsFile: options.replay, live: await fetchModel(previous), candidate: await fetchModel(options.candidate), features: options.features, logger });
    replayMarkdown = renderReplayMarkdown(replay);
  }
  if (lines === undefined) logger.warning('No replay requests: the rollout is judged on the traffic the local server receives, which is none unless something sends it requests.');
  server = await startModelServer({ directory: target.deploymentDirectory, port: 0, features: options.features, logger });
  const traffic = lines === undefined ? undefined : startReplayTraffic(server.url, lines);
  try {
    const result = await runRollout({ plan: options.plan, rules: options.rules, target, candidate: options.candidate, clock, logger, signal: options.signal, checkEveryMs: Math.max(250, Math.min(30_000, options.plan.steps[0]!.bakeMs / 4)) });
    return { result, previous, target: description, ...(replayMarkdown === undefined ? {} : { replayMarkdown }) };
  } finally {
    const sent = await traffic?.stop();
    if (sent !== undefined) logger.info(`Sent ${sent.toLocaleString('en-US')} replayed requests to the local server.`);
    await server.close();
  }
}
