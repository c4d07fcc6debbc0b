/**
 * The `shadow` strategy on SageMaker: a shadow test (an inference experiment of type ShadowMode) on
 * the live endpoint. The live variant keeps answering every request; SageMaker mirrors
 * `mirrorPercent` of them to a shadow variant serving the candidate, whose answers are not returned.
 * After the test the endpoint goes back to serving the live variant alone; the comparison is read in
 * the SageMaker console or CloudWatch, and the candidate is deployed by a later canary.
 *
 * CreateInferenceExperiment, as the API reference describes it:
 * - Name `cd4ml-<endpoint>-shadow-v<version>-<hash>` (≤ 120 characters; the hash covers the model and
 *   the start time, so each run has its own), Type ShadowMode, RoleArn, EndpointName;
 * - Schedule {EndTime = now + the step's bake} (StartTime left out: the test starts when created);
 * - ModelVariants: the live variant (its model, instance type and count, read from the live endpoint
 *   config) and the shadow variant `shadow-v<version>` (the candidate's model on `instance-type` ×
 *   `instance-count`), each with InfrastructureConfig {RealTimeInference, RealTimeInferenceConfig};
 * - ShadowModeConfig {SourceModelVariantName: the live variant, ShadowModelVariants:
 *   [{ShadowModelVariantName, SamplingPercentage: mirrorPercent}]}.
 * Then DescribeInferenceExperiment is polled (bounded: the duration plus SHADOW_WAIT_MARGIN_MINUTES)
 * until the test is Completed ('shadowed') or Cancelled. Cancellation or the bound stops it:
 * StopInferenceExperiment with the live variant Retained, the shadow variant Removed, DesiredState
 * Cancelled, then a bounded wait (STOP_WAIT_MS) for it to end.
 */
import {
  CreateInferenceExperimentCommand,
  type CreateInferenceExperimentCommandInput,
  DescribeEndpointConfigCommand,
  DescribeInferenceExperimentCommand,
  type DescribeInferenceExperimentCommandOutput,
  ListInferenceExperimentsCommand,
  type ProductionVariantInstanceType,
  type SageMakerClient,
  StopInferenceExperimentCommand,
} from '@aws-sdk/client-sagemaker';
import { createHash } from 'node:crypto';
import { InputError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { errorCode } from './aws-errors.js';
import type { DeploymentSpec } from './sagemaker-deploy-request.js';
import { deployError } from './sagemaker-deploy-errors.js';
import { type DeployEvent, type Endpoint, type PollEnd, StatusLog, abortableTiming, oneLine, pollUntil } from './sagemaker-deploy-wait.js';

/** Added to the test's duration for the wait: SageMaker provisions the shadow variant before, and removes it after. */
export const SHADOW_WAIT_MARGIN_MINUTES = 30;
/** How long a stopped experiment is waited for to end. */
export const STOP_WAIT_MS = 5 * 60_000;
const STOP_POLL_MS = 5000;
const FINAL = new Set(['Completed', 'Cancelled']);
/** Statuses of an experiment that has not ended. */
const ACTIVE = new Set(['Creating', 'Created', 'Updating', 'Starting', 'Running']);

export type Experiment = DescribeInferenceExperimentCommandOutput;

export interface ShadowOutcome {
  status: 'shadowed' | 'failed';
  summary: string;
  experiment: string;
}

export interface ShadowContext {
  client: SageMakerClient;
  spec: DeploymentSpec & { shadow: { samplingPercent: number; durationSeconds: number } };
  /** The live endpoint (InService). */
  live: Endpoint;
  logger: Logger;
  now: () => number;
  /** Pauses between polls; `abortable` ones resolve early on cancellation. */
  pause: (ms: number, abortable: boolean) => Promise<void>;
  pollMs: number;
  events: DeployEvent[];
  signal?: AbortSignal;
  /** Creates the candidate's SageMaker model (once the live endpoint is known to suit a shadow test). */
  createModel: () => Promise<void>;
}

/** The live variant of an endpoint config: its name, model and instances. */
interface LiveVariant {
  name: string;
  model: string;
  instanceType: string;
  instanceCount: number;
}

export function experimentName(spec: DeploymentSpec, now: number): string {
  const hash = createHash('sha256').update(JSON.stringify([spec.model, new Date(now).toISOString()])).digest('hex').slice(0, 8);
  return `${experimentPrefix(spec.endpoint)}v${spec.version}-${hash}`;
}

/** What every experiment of this target on `endpoint` is named with. */
export function experimentPrefix(endpoint: string): string {
  return `cd4ml-${endpoint}-shadow-`;
}

export function shadowVariantName(version: number): string {
  return `shadow-v${version}`;
}

/** Runs the shadow test to its end (or the bound, or cancellation). */
export async function runShadowTest(context: ShadowContext): Promise<ShadowOutcome> {
  const { client, spec, logger, now } = context;
  const endpoint = spec.endpoint;
  const liveConfig = context.live.EndpointConfigName ?? '';
  const source = await liveVariant(client, endpoint, liveConfig);
  await context.createModel();
  const name = experimentName(spec, now());
  const shadow = shadowVariantName(spec.version);
  const { samplingPercent, durationSeconds } = spec.shadow;
  const request: CreateInferenceExperimentCommandInput = {
    Name: name,
    Type: 'ShadowMode',
    Schedule: { EndTime: new Date(now() + durationSeconds * 1000) },
    Description: `cd4ml deploy-canary: ${spec.modelName}@${spec.version} in the shadow of ${source.model}`.slice(0, 1024),
    RoleArn: spec.roleArn,
    EndpointName: endpoint,
    ModelVariants: [
      {
        ModelName: source.model,
        VariantName: source.name,
        InfrastructureConfig: {
          InfrastructureType: 'RealTimeInference',
          RealTimeInferenceConfig: { InstanceType: source.instanceType as ProductionVariantInstanceType, InstanceCount: source.instanceCount },
        },
      },
      {
        ModelName: spec.model,
        VariantName: shadow,
        InfrastructureConfig: {
          InfrastructureType: 'RealTimeInference',
          RealTimeInferenceConfig: { InstanceType: spec.instanceType as ProductionVariantInstanceType, InstanceCount: spec.instanceCount },
        },
      },
    ],
    ShadowModeConfig: { SourceModelVariantName: source.name, ShadowModelVariants: [{ ShadowModelVariantName: shadow, SamplingPercentage: samplingPercent }] },
    Tags: [{ Key: 'cd4ml', Value: 'deploy-canary' }],
  };
  try {
    await client.send(new CreateInferenceExperimentCommand(request));
  } catch (error) {
    throw deployError(error, { endpoint, what: `cannot start the shadow test ${name}`, operation: 'CreateInferenceExperiment', roleArn: spec.roleArn });
  }
  logger.info(
    `Started the SageMaker shadow test ${name} on endpoint ${endpoint}: ${samplingPercent}% of the requests to ${source.name} (${source.model}) are mirrored to ${shadow} (${spec.model}, ${spec.instanceCount} × ${spec.instanceType}) for ${durationSeconds} s`,
  );

  const log = new StatusLog(`shadow test ${name}`, logger, now, context.events);
  const startedAt = now();
  const boundMs = (durationSeconds + SHADOW_WAIT_MARGIN_MINUTES * 60) * 1000;
  const end = await pollUntil<Experiment>({
    read: () => client.send(new DescribeInferenceExperimentCommand({ Name: name })),
    error: (cause) => deployError(cause, { endpoint, what: `cannot read the status of the shadow test ${name}`, operation: 'DescribeInferenceExperiment' }),
    isFinal: (value) => FINAL.has(value.Status ?? ''),
    report: (value) => reportExperiment(log, value),
    ...abortableTiming(context, boundMs, startedAt),
  });
  return outcome(end, context, name, source, shadow, log);
}

async function outcome(end: PollEnd<Experiment>, context: ShadowContext, name: string, source: LiveVariant, shadow: string, log: StatusLog): Promise<ShadowOutcome> {
  const { spec } = context;
  const endpoint = spec.endpoint;
  if (end.kind === 'cancelled' || end.kind === 'bound') {
    const why = end.kind === 'cancelled' ? 'the run was cancelled' : 'the wait bound was reached';
    if (end.kind === 'bound') {
      context.logger.warning(`shadow test ${name}: still ${end.last?.Status ?? 'unknown'} at the wait bound (its duration + ${SHADOW_WAIT_MARGIN_MINUTES} minutes); stopping it`);
    }
    const stopped = await stopAndWait(context, name, source.name, shadow, why, log);
    const head =
      end.kind === 'cancelled'
        ? `cancelled: the run was cancelled; SageMaker shadow test ${name} on endpoint ${endpoint}`
        : `SageMaker shadow test ${name} on endpoint ${endpoint} did not end within the wait bound (its duration of ${spec.shadow.durationSeconds} s + ${SHADOW_WAIT_MARGIN_MINUTES} minutes); it`;
    return { status: 'failed', experiment: name, summary: `${head} ${stopped}. The live variant ${source.name} kept serving all traffic.` };
  }
  const experiment = end.value;
  if (experiment.Status === 'Completed') {
    return {
      status: 'shadowed',
      experiment: name,
      summary: `SageMaker shadow test ${name} completed: ${spec.shadow.samplingPercent}% of endpoint ${endpoint}'s requests were mirrored to ${spec.modelName} v${spec.version} (${spec.model}) for ${spec.shadow.durationSeconds} s; ${source.name} (${source.model}) answered every request. Compare the variants in the SageMaker console (Inference → Shadow tests) or CloudWatch, then deploy v${spec.version} with strategy canary.`,
    };
  }
  const reason = experiment.StatusReason === undefined || experiment.StatusReason === '' ? 'SageMaker gave no StatusReason' : oneLine(experiment.StatusReason);
  return { status: 'failed', experiment: name, summary: `SageMaker shadow test ${name} on endpoint ${endpoint} was cancelled before it completed: ${reason}.` };
}

/** StopInferenceExperiment (the live variant retained, the shadow removed), then a bounded wait for the end; says what came of it. */
async function stopAndWait(context: ShadowContext, name: string, source: string, shadow: string, why: string, log: StatusLog): Promise<string> {
  const { client, logger, now, spec } = context;
  const error = await stopExperiment(client, spec.endpoint, name, source, shadow, `cd4ml: ${why}`, logger);
  if (error !== undefined) return `could not be stopped (${error}); stop it in the SageMaker console`;
  const end = await pollUntil<Experiment>({
    read: () => client.send(new DescribeInferenceExperimentCommand({ Name: name })),
    error: (cause) => deployError(cause, { endpoint: spec.endpoint, what: `cannot read the status of the shadow test ${name}`, operation: 'DescribeInferenceExperiment' }),
    isFinal: (value) => FINAL.has(value.Status ?? ''),
    report: (value) => reportExperiment(log, value),
    logger,
    now,
    pause: (ms) => context.pause(ms, false),
    pollMs: Math.min(context.pollMs, STOP_POLL_MS),
    boundMs: STOP_WAIT_MS,
    startedAt: now(),
  }).catch((cause: unknown) => {
    logger.warning((cause as Error).message);
    return { kind: 'bound', last: undefined } as const;
  });
  if (end.kind === 'final') return `was stopped (StopInferenceExperiment; final status ${end.value.Status})`;
  return `was asked to stop (StopInferenceExperiment) but was still ${end.last?.Status ?? 'in an unknown status'} when this run stopped waiting`;
}

/** StopInferenceExperiment; the one-line error when it failed (an experiment that already ended is not an error). */
async function stopExperiment(client: SageMakerClient, endpoint: string, name: string, source: string, shadow: string, reason: string, logger: Logger): Promise<string | undefined> {
  try {
    await client.send(
      new StopInferenceExperimentCommand({
        Name: name,
        ModelVariantActions: { [source]: 'Retain', [shadow]: 'Remove' },
        DesiredState: 'Cancelled',
        Reason: reason.slice(0, 1024),
      }),
    );
    logger.info(`shadow test ${name}: asked SageMaker to stop it (StopInferenceExperiment: ${source} retained, ${shadow} removed) because ${reason.replace(/^cd4ml: /, '')}`);
    return undefined;
  } catch (cause) {
    if (errorCode(cause) === 'ValidationException' || errorCode(cause) === 'ConflictException') return undefined;
    const error = deployError(cause, { endpoint, what: `cannot stop the shadow test ${name}`, operation: 'StopInferenceExperiment' }).message;
    logger.error(`${error}; stop it in the SageMaker console or with: aws sagemaker stop-inference-experiment --name ${name} …`);
    return error;
  }
}

/**
 * Stops the shadow tests of this target still running on `endpoint` (those named with
 * experimentPrefix, or `names`); returns the names of those asked to stop.
 */
export async function stopShadowTests(client: SageMakerClient, endpoint: string, logger: Logger, names?: string[]): Promise<string[]> {
  const candidates = names ?? (await activeExperiments(client, endpoint));
  const stopped: string[] = [];
  for (const name of candidates) {
    let experiment: Experiment;
    try {
      experiment = await client.send(new DescribeInferenceExperimentCommand({ Name: name }));
    } catch (cause) {
      throw deployError(cause, { endpoint, what: `cannot read the shadow test ${name}`, operation: 'DescribeInferenceExperiment' });
    }
    if (experiment.EndpointMetadata?.EndpointName !== endpoint || !ACTIVE.has(experiment.Status ?? '')) continue;
    const source = experiment.ShadowModeConfig?.SourceModelVariantName;
    const shadows = (experiment.ShadowModeConfig?.ShadowModelVariants ?? []).map((variant) => variant.ShadowModelVariantName ?? '');
    if (source === undefined || shadows[0] === undefined) continue;
    const error = await stopExperiment(client, endpoint, name, source, shadows[0], 'cd4ml: the run was cancelled', logger);
    if (error === undefined) stopped.push(name);
  }
  return stopped;
}

async function activeExperiments(client: SageMakerClient, endpoint: string): Promise<string[]> {
  const prefix = experimentPrefix(endpoint);
  const names: string[] = [];
  let token: string | undefined;
  do {
    let page;
    try {
      page = await client.send(new ListInferenceExperimentsCommand({ NameContains: prefix, Type: 'ShadowMode', MaxResults: 100, ...(token === undefined ? {} : { NextToken: token }) }));
    } catch (cause) {
      throw deployError(cause, { endpoint, what: 'cannot list the shadow tests', operation: 'ListInferenceExperiments' });
    }
    for (const summary of page.InferenceExperiments ?? []) {
      if (summary.Name?.startsWith(prefix) === true && ACTIVE.has(summary.Status ?? '')) names.push(summary.Name);
    }
    token = page.NextToken;
  } while (token !== undefined);
  return names;
}

/** The live endpoint config's one production variant, which the shadow test keeps answering. */
async function liveVariant(client: SageMakerClient, endpoint: string, configName: string): Promise<LiveVariant> {
  let config;
  try {
    config = await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }));
  } catch (cause) {
    throw deployError(cause, { endpoint, what: `cannot read the live endpoint config ${configName}`, operation: 'DescribeEndpointConfig' });
  }
  const variants = config.ProductionVariants ?? [];
  const variant = variants[0];
  if (variants.length !== 1 || variant === undefined) {
    throw new InputError(
      `endpoint: ${endpoint} serves ${variants.length} production variants (${variants.map((v) => v.VariantName).join(', ')}); a SageMaker shadow test mirrors one production variant. Deploy one version to the endpoint first.`,
    );
  }
  if (variant.InstanceType === undefined || variant.InitialInstanceCount === undefined) {
    throw new InputError(`endpoint: ${endpoint}'s variant ${variant.VariantName ?? ''} is serverless; SageMaker shadow tests run on instance-based (real-time) variants.`);
  }
  return { name: variant.VariantName ?? '', model: variant.ModelName ?? '', instanceType: variant.InstanceType, instanceCount: variant.InitialInstanceCount };
}

function reportExperiment(log: StatusLog, experiment: Experiment): void {
  const status = experiment.Status ?? 'Unknown';
  const reason = experiment.StatusReason === undefined || experiment.StatusReason === '' ? undefined : oneLine(experiment.StatusReason);
  const messages: Record<string, string> = {
    Creating: 'SageMaker is creating the experiment',
    Created: 'created; it starts at its scheduled time',
    Starting: 'deploying the shadow variant',
    Running: 'mirroring requests to the shadow variant',
    Updating: 'updating the experiment',
    Stopping: 'stopping; the shadow variant is being removed',
    Completed: 'completed; the endpoint serves the live variant alone',
    Cancelled: 'cancelled',
  };
  const message = messages[status] ?? status;
  log.change(status, reason === undefined ? message : `${message}: ${reason}`, status === 'Cancelled');
}
