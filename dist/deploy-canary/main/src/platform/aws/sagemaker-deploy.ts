/**
 * The `sagemaker` target of deploy-canary: deploys a registered model version to a SageMaker
 * endpoint, letting SageMaker shift the traffic under its deployment guardrails (blue/green with
 * canary, linear or all-at-once traffic routing and CloudWatch-alarm auto-rollback), or runs a shadow
 * test of it (sagemaker-shadow.ts).
 *
 * 1. Checks every option before any request (sagemaker-deploy-request.ts; one-line InputErrors).
 * 2. DescribeEndpoint: the live endpoint config and its variant, if the endpoint exists. An endpoint
 *    that is not InService (another update, maintenance, Failed) is not touched: a ServiceError says why.
 * 3. CreateModel and CreateEndpointConfig (a shadow test creates the model only, once the live
 *    endpoint config is read); each found already (same inputs, a re-run) is used as it is. An endpoint
 *    with more than one production variant is refused (a blue/green update keeps the variant's name).
 * 4. No endpoint: CreateEndpoint (a first deployment has nothing to shift traffic from), bounded by
 *    CREATE_WAIT_MINUTES; 'promoted' when InService.
 *    An endpoint: UpdateEndpoint with the DeploymentConfig of the plan, bounded by SageMaker's own
 *    schedule (the bakes and the termination wait, or MaximumExecutionTimeoutInSeconds) plus
 *    UPDATE_WAIT_MARGIN_MINUTES for provisioning the new fleet. SageMaker reports InService when the
 *    update is over, whichever way it went: InService with the new config live is 'promoted'; InService
 *    with the old config live is 'rolled-back' (an auto-rollback alarm fired, or the new fleet failed;
 *    the reason quotes FailureReason and names the alarms); Failed or UpdateRollbackFailed is 'failed'.
 *    The config already live is 'promoted' at once, with nothing created.
 *    A third config live at the end (another deployment meanwhile) is 'failed'.
 * 5. Each change of EndpointStatus is logged once and returned in `events`.
 * Cancellation (`signal`) and the wait bound stop waiting, not SageMaker: no SageMaker call stops an
 * endpoint update in progress (UpdateEndpoint is refused while the endpoint is Updating, and there is
 * no StopEndpointUpdate), so the update goes on under its guardrails, which roll it back when an
 * auto-rollback alarm goes into ALARM. The result says so ('failed', "cancelled: …"). A shadow test is
 * stopped (StopInferenceExperiment). `stopSageMakerDeployment` does the same for a post step.
 *
 * IAM for the caller: sagemaker:DescribeEndpoint, DescribeEndpointConfig, CreateModel,
 * CreateEndpointConfig, CreateEndpoint, UpdateEndpoint, AddTags, CreateInferenceExperiment,
 * DescribeInferenceExperiment, ListInferenceExperiments, StopInferenceExperiment, and iam:PassRole on
 * `role-arn`. The execution role needs cloudwatch:DescribeAlarms on the alarms for auto-rollback.
 */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  type SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import { InputError, ServiceError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { pauser } from './abortable-pause.js';
import { awsRegion } from './clients.js';
import { type SageMakerWaitOptions, isMissingResource, sagemakerClient } from './sagemaker-client.js';
import {
  DEFAULT_VARIANT,
  type DeployRequestOptions,
  type DeploymentSpec,
  RESOURCE_NAME,
  createEndpointConfigRequest,
  createModelRequest,
  deploymentConfig,
  deploymentSpec,
  describeTraffic,
  endpointConfigName,
} from './sagemaker-deploy-request.js';
import { alreadyExists, deployError } from './sagemaker-deploy-errors.js';
import { type DeployEvent, type Endpoint, type PollEnd, StatusLog, abortableTiming, aborted, oneLine, waitForEndpoint } from './sagemaker-deploy-wait.js';
import { runShadowTest, stopShadowTests } from './sagemaker-shadow.js';

export { setVariantWeights } from './sagemaker-variant-weights.js';
export type { DeployEvent } from './sagemaker-deploy-wait.js';

/**
 * The deployment's fields (DeployRequestOptions: endpoint, modelName, version, modelDataUrl, image, instanceType, instanceCount, roleArn, plan, alarms, terminationWaitSeconds, maximumExecutionTimeoutSeconds)
 * and how to run it (SageMakerWaitOptions: pollSeconds between DescribeEndpoint (DescribeInferenceExperiment) calls; `signal` cancels the run: a shadow test is stopped, an endpoint update goes on under its guardrails).
 */
export type SageMakerDeployOptions = DeployRequestOptions & SageMakerWaitOptions;

export interface SageMakerDeployResult {
  status: 'promoted' | 'rolled-back' | 'failed' | 'shadowed';
  /** One line. */
  summary: string;
  /** The endpoint config this deployment deploys (for shadow: the live one, which it leaves in place). */
  endpointConfig: string;
  /** The endpoint config serving the endpoint at the end, when known. */
  liveConfig?: string;
  /** The endpoint config that served before; absent for a new endpoint. */
  previousConfig?: string;
  /** Each status change of the endpoint (or the shadow test), in order. */
  events: DeployEvent[];
  /** The SageMaker model of the version. */
  model: string;
  /** The shadow test's name. */
  experiment?: string;
}

export const DEFAULT_POLL_SECONDS = 30;
/** Added to SageMaker's own schedule for the update's wait: provisioning the new fleet, and a rollback. */
export const UPDATE_WAIT_MARGIN_MINUTES = 30;
/** The wait for a new endpoint (SageMaker can take up to an hour to give up on one that cannot start). */
export const CREATE_WAIT_MINUTES = 60;
/** Statuses of an endpoint that is being changed. */
const BUSY = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']);

export async function deployToSageMaker(options: SageMakerDeployOptions): Promise<SageMakerDeployResult> {
  const { logger, signal } = options;
  const now = options.now ?? Date.now;
  const spec = deploymentSpec(options);
  const pollSeconds = options.pollSeconds ?? DEFAULT_POLL_SECONDS;
  if (!Number.isFinite(pollSeconds) || pollSeconds <= 0) throw new InputError(`poll interval: ${pollSeconds} seconds; expected a positive number of seconds.`);
  const region = options.region === undefined ? {} : { region: options.region };
  const client = sagemakerClient(region);
  const events: DeployEvent[] = [];
  const context: RunContext = {
    client,
    spec,
    logger,
    now,
    events,
    pollMs: pollSeconds * 1000,
    pause: pauser(signal, options.sleep),
    region: awsRegion(region),
    ...(signal === undefined ? {} : { signal }),
  };
  try {
    if (spec.traffic !== undefined && spec.alarms.length === 0 && spec.strategy !== 'all-at-once') {
      logger.warning(
        `alarms: none given; SageMaker shifts the traffic of endpoint ${spec.endpoint} ${spec.strategy === 'canary' ? 'in a canary step' : 'in linear steps'} but only CloudWatch alarms can roll it back. Name the alarms that watch the endpoint (errors, latency) in alarms.`,
      );
    }
    if (aborted(signal)) return cancelledEarly(spec, events, 'before anything was created; nothing changed in SageMaker');
    const live = await describeEndpoint(client, spec.endpoint);
    if (live !== undefined) checkDeployable(live, spec);
    const variant = live?.ProductionVariants?.[0]?.VariantName ?? DEFAULT_VARIANT;
    if (spec.shadow !== undefined) {
      if (live === undefined) {
        throw new InputError(`endpoint: ${spec.endpoint} does not exist; a shadow test mirrors the requests of a live endpoint. Deploy a first version with strategy canary or all-at-once.`);
      }
      const liveConfig = live.EndpointConfigName ?? '';
      const shadow = await runShadowTest({ ...context, spec: { ...spec, shadow: spec.shadow }, live, createModel: () => ensureModel(context) });
      return { status: shadow.status, summary: shadow.summary, endpointConfig: liveConfig, liveConfig, events, model: spec.model, experiment: shadow.experiment };
    }
    const target = endpointConfigName(spec, variant);
    const previous = live?.EndpointConfigName;
    if (previous === target) {
      const summary = `SageMaker endpoint ${spec.endpoint} already serves ${target} (${spec.modelName} v${spec.version} on ${spec.instanceCount} × ${spec.instanceType}); nothing to deploy.`;
      logger.info(summary);
      return { status: 'promoted', summary, endpointConfig: target, liveConfig: target, previousConfig: previous, events, model: spec.model };
    }
    await ensureModel(context);
    await ensureEndpointConfig(context, target, variant);
    if (aborted(signal)) {
      return cancelledEarly(spec, events, `after creating model ${spec.model} and endpoint config ${target}, before the endpoint was ${live === undefined ? 'created' : 'updated'}; traffic did not change`, target, previous);
    }
    return live === undefined ? await create(context, target) : await update(context, target, live);
  } finally {
    client.destroy();
  }
}

/** What stopping a deployment came to, for a post step. */
export interface StopDeploymentResult {
  /** The shadow tests asked to stop. */
  experiments: string[];
  /** EndpointStatus when it was read; undefined when the endpoint does not exist. */
  endpointStatus?: string;
  /** One line: what was stopped, or why an update in progress goes on. */
  message: string;
}

export interface StopDeploymentOptions {
  region?: string;
  logger: Logger;
  /** The shadow tests to stop; by default those of this target still running on the endpoint (by their name prefix). */
  experiments?: string[];
  /** The auto-rollback alarms of the update, named in the message. */
  alarms?: string[];
}

/**
 * For the post step of a cancelled run: stops the shadow tests of this target running on `endpoint`
 * (StopInferenceExperiment: the live variant retained, the shadow removed). An endpoint update in
 * progress cannot be stopped (SageMaker has no such call, and refuses UpdateEndpoint while the endpoint
 * is Updating): it goes on under its deployment guardrails, and the message (logged as a warning) says
 * so and how to follow it.
 */
export async function stopSageMakerDeployment(endpoint: string, options: StopDeploymentOptions): Promise<StopDeploymentResult> {
  if (!RESOURCE_NAME.test(endpoint)) {
    throw new InputError(`endpoint: "${endpoint}" is not a SageMaker endpoint name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.`);
  }
  const { logger } = options;
  const client = sagemakerClient(options.region === undefined ? {} : { region: options.region });
  try {
    const experiments = await stopShadowTests(client, endpoint, logger, options.experiments);
    const described = await describeEndpoint(client, endpoint);
    const status = described?.EndpointStatus;
    const stopped = experiments.length === 0 ? '' : `stopped the shadow test${experiments.length === 1 ? '' : 's'} ${experiments.join(', ')}; `;
    let message: string;
    if (described === undefined) {
      message = `${stopped}SageMaker endpoint ${endpoint} does not exist; there is no update to stop.`;
    } else if (status === 'Updating' || status === 'Creating') {
      const alarms = options.alarms ?? [];
      const guard =
        alarms.length === 0
          ? 'no auto-rollback alarms were named, so nothing rolls it back'
          : `an auto-rollback alarm (${alarms.join(', ')}) going into ALARM rolls it back to the previous endpoint config`;
      message = `${stopped}SageMaker endpoint ${endpoint} is ${status} ${described.PendingDeploymentSummary?.EndpointConfigName ?? ''}`.trimEnd();
      message += `; SageMaker has no call that stops an endpoint ${status === 'Creating' ? 'creation' : 'update'} in progress, so it goes on under its deployment guardrails: ${guard}. Follow it with: aws sagemaker describe-endpoint --endpoint-name ${endpoint}; to undo it once it is InService, deploy the previous version again.`;
      logger.warning(message);
      return { experiments, endpointStatus: status, message };
    } else {
      message = `${stopped}SageMaker endpoint ${endpoint} is ${status ?? 'in an unknown status'}; no update is in progress.`;
    }
    logger.info(message);
    return { experiments, ...(status === undefined ? {} : { endpointStatus: status }), message };
  } finally {
    client.destroy();
  }
}

interface RunContext {
  client: SageMakerClient;
  spec: DeploymentSpec;
  logger: Logger;
  now: () => number;
  events: DeployEvent[];
  pollMs: number;
  pause: (ms: number, abortable: boolean) => Promise<void>;
  region: string;
  signal?: AbortSignal;
}

/** DescribeEndpoint; undefined when there is no such endpoint. */
async function describeEndpoint(client: SageMakerClient, endpoint: string): Promise<Endpoint | undefined> {
  try {
    return await client.send(new DescribeEndpointCommand({ EndpointName: endpoint }));
  } catch (error) {
    if (isMissingResource(error)) return undefined;
    throw deployError(error, { endpoint, what: 'cannot read the endpoint', operation: 'DescribeEndpoint' });
  }
}

/** An endpoint this target can deploy to: InService, one production variant. */
function checkDeployable(live: Endpoint, spec: DeploymentSpec): void {
  const status = live.EndpointStatus ?? 'Unknown';
  const name = spec.endpoint;
  if (BUSY.has(status)) {
    const pending = live.PendingDeploymentSummary?.EndpointConfigName;
    throw new ServiceError(
      `SageMaker endpoint ${name} is ${status}${pending === undefined ? '' : ` (deploying ${pending})`}: another deployment or maintenance is in progress, and SageMaker takes no other update until it ends. Wait until it is InService and run again.`,
    );
  }
  if (status === 'Failed') {
    const reason = live.FailureReason === undefined ? 'SageMaker gave no FailureReason' : oneLine(live.FailureReason);
    throw new ServiceError(
      `SageMaker endpoint ${name} is Failed (${reason}); SageMaker allows only DeleteEndpoint on a failed endpoint. Delete it (aws sagemaker delete-endpoint --endpoint-name ${name}) and run again, which creates it.`,
    );
  }
  if (status !== 'InService') {
    throw new ServiceError(`SageMaker endpoint ${name} is ${status}, not InService; wait until it is InService (or, once it is deleted, run again to create it), or fix it in the SageMaker console.`);
  }
  const variants = live.ProductionVariants ?? [];
  if (variants.length > 1 && spec.shadow === undefined) {
    throw new InputError(
      `endpoint: ${name} serves ${variants.length} production variants (${variants.map((variant) => variant.VariantName).join(', ')}); the sagemaker target deploys one variant with a blue/green update, which keeps the variant's name. Set the variants' weights instead (setVariantWeights), or deploy to an endpoint with one variant.`,
    );
  }
}

async function ensureModel({ client, spec, logger }: RunContext): Promise<void> {
  try {
    await client.send(new CreateModelCommand(createModelRequest(spec)));
    logger.info(`Created SageMaker model ${spec.model}: image ${spec.image}, artifact ${spec.modelDataUrl}`);
  } catch (error) {
    if (!alreadyExists(error)) throw deployError(error, { endpoint: spec.endpoint, what: `cannot create the model ${spec.model}`, operation: 'CreateModel', roleArn: spec.roleArn });
    logger.info(`SageMaker model ${spec.model} exists already (same image, artifact and role); using it`);
  }
}

async function ensureEndpointConfig({ client, spec, logger }: RunContext, name: string, variant: string): Promise<void> {
  try {
    await client.send(new CreateEndpointConfigCommand(createEndpointConfigRequest(spec, name, variant)));
    logger.info(`Created SageMaker endpoint config ${name}: variant ${variant}, ${spec.instanceCount} × ${spec.instanceType}, model ${spec.model}`);
  } catch (error) {
    if (!alreadyExists(error)) throw deployError(error, { endpoint: spec.endpoint, what: `cannot create the endpoint config ${name}`, operation: 'CreateEndpointConfig' });
    logger.info(`SageMaker endpoint config ${name} exists already (same model, instances and variant); using it`);
  }
}

/** A first deployment: CreateEndpoint, then the bounded wait for InService. */
async function create(context: RunContext, target: string): Promise<SageMakerDeployResult> {
  const { client, spec, logger, now } = context;
  try {
    await client.send(new CreateEndpointCommand({ EndpointName: spec.endpoint, EndpointConfigName: target, Tags: [{ Key: 'cd4ml', Value: 'deploy-canary' }] }));
  } catch (error) {
    throw deployError(error, { endpoint: spec.endpoint, what: `cannot create the endpoint with ${target}`, operation: 'CreateEndpoint' });
  }
  logger.info(`Creating SageMaker endpoint ${spec.endpoint} with ${target} (a first deployment: all traffic goes to ${spec.modelName} v${spec.version} once it is InService)`);
  logger.info(`  console: ${consoleUrl(context)}`);
  const boundText = `${CREATE_WAIT_MINUTES} minutes for creating the endpoint`;
  const end = await wait(context, target, undefined, CREATE_WAIT_MINUTES * 60_000, now());
  return settle(context, end, target, undefined, boundText);
}

/** An update: UpdateEndpoint with the plan's blue/green DeploymentConfig, then the bounded wait. */
async function update(context: RunContext, target: string, live: Endpoint): Promise<SageMakerDeployResult> {
  const { client, spec, logger, now } = context;
  const traffic = spec.traffic;
  if (traffic === undefined) throw new Error('an update without a traffic plan');
  const previous = live.EndpointConfigName;
  try {
    await client.send(new UpdateEndpointCommand({ EndpointName: spec.endpoint, EndpointConfigName: target, DeploymentConfig: deploymentConfig(spec) }));
  } catch (error) {
    throw deployError(error, { endpoint: spec.endpoint, what: `cannot start the update to ${target}`, operation: 'UpdateEndpoint' });
  }
  const alarms = spec.alarms.length === 0 ? 'no auto-rollback alarms' : `auto-rollback alarms ${spec.alarms.join(', ')}`;
  logger.info(`Updating SageMaker endpoint ${spec.endpoint} from ${previous ?? 'no config'} to ${target} (blue/green, ${describeTraffic(traffic)}; ${alarms})`);
  logger.info(`  console: ${consoleUrl(context)}`);
  const schedule = traffic.maximumExecutionTimeoutSeconds;
  const boundSeconds = (schedule ?? traffic.scheduleSeconds) + UPDATE_WAIT_MARGIN_MINUTES * 60;
  const boundText =
    schedule === undefined
      ? `${traffic.scheduleSeconds} s of bakes and termination wait + ${UPDATE_WAIT_MARGIN_MINUTES} minutes for provisioning the new fleet`
      : `MaximumExecutionTimeoutInSeconds ${schedule} + ${UPDATE_WAIT_MARGIN_MINUTES} minutes`;
  const end = await wait(context, target, previous, boundSeconds * 1000, now());
  return settle(context, end, target, previous, boundText);
}

function wait(context: RunContext, target: string, previous: string | undefined, boundMs: number, startedAt: number): Promise<PollEnd<Endpoint>> {
  const { spec, logger, now } = context;
  return waitForEndpoint({
    client: context.client,
    endpoint: spec.endpoint,
    target,
    ...(previous === undefined ? {} : { previous }),
    log: new StatusLog(`endpoint ${spec.endpoint}`, logger, now, context.events),
    ...abortableTiming(context, boundMs, startedAt),
  });
}

/** The result of how the wait ended. */
function settle(context: RunContext, end: PollEnd<Endpoint>, target: string, previous: string | undefined, boundText: string): SageMakerDeployResult {
  const { spec, events } = context;
  const name = spec.endpoint;
  const last = end.kind === 'final' ? end.value : end.last;
  const base = {
    endpointConfig: target,
    events,
    model: spec.model,
    ...(last?.EndpointConfigName === undefined ? {} : { liveConfig: last.EndpointConfigName }),
    ...(previous === undefined ? {} : { previousConfig: previous }),
  };
  const doing = previous === undefined ? `creating endpoint ${name} with ${target}` : `updating endpoint ${name} to ${target}`;
  const goesOn = `SageMaker has no call that stops an endpoint ${previous === undefined ? 'creation' : 'update'} in progress, so it goes on under its deployment guardrails (${guardrails(spec)}); follow it with: aws sagemaker describe-endpoint --endpoint-name ${name}`;
  const state = `${last?.EndpointStatus ?? 'in an unknown status'} (deploying ${target})`;
  if (end.kind === 'cancelled') {
    return { ...base, status: 'failed', summary: `cancelled: the run was cancelled while SageMaker endpoint ${name} was ${state}. ${goesOn}.` };
  }
  if (end.kind === 'bound') {
    return { ...base, status: 'failed', summary: `SageMaker endpoint ${name} was still ${state} at the wait bound (${boundText}). ${goesOn}.` };
  }
  const endpoint = end.value;
  // Without its closing period, as the summaries close their sentences themselves.
  const reason = endpoint.FailureReason === undefined || endpoint.FailureReason === '' ? undefined : oneLine(endpoint.FailureReason).replace(/[.\s]+$/, '');
  switch (endpoint.EndpointStatus) {
    case 'InService': {
      const live = endpoint.EndpointConfigName;
      if (live === target) {
        const how = previous === undefined ? 'a new endpoint' : `from ${previous}, ${describeTraffic(spec.traffic as NonNullable<DeploymentSpec['traffic']>)}`;
        return { ...base, status: 'promoted', summary: `SageMaker endpoint ${name}: ${spec.modelName} v${spec.version} promoted; ${target} serves all traffic (${how}).` };
      }
      if (previous !== undefined && live !== previous) {
        return {
          ...base,
          status: 'failed',
          summary: `SageMaker endpoint ${name} serves ${live ?? 'no endpoint config'}, neither ${target} (${spec.modelName} v${spec.version}) nor ${previous}: another deployment changed the endpoint while this one ran.`,
        };
      }
      return {
        ...base,
        status: 'rolled-back',
        summary: `SageMaker endpoint ${name} rolled back to ${live ?? 'its previous config'}: ${rollbackReason(reason, spec.alarms)}. ${spec.modelName} v${spec.version} (${target}) serves no traffic.`,
      };
    }
    case 'UpdateRollbackFailed':
      return {
        ...base,
        status: 'failed',
        summary: `SageMaker endpoint ${name}: both the update to ${target} and SageMaker's rollback failed (${reason ?? 'SageMaker gave no FailureReason'}); the endpoint serves a mix of the old and new fleets. Fix it in the SageMaker console.`,
      };
    case 'Deleting':
      return { ...base, status: 'failed', summary: `SageMaker endpoint ${name} is being deleted (DeleteEndpoint from outside this run) while ${doing}.` };
    default:
      return { ...base, status: 'failed', summary: `SageMaker endpoint ${name} failed ${doing}: ${reason ?? 'SageMaker gave no FailureReason'}.` };
  }
}

function rollbackReason(reason: string | undefined, alarms: string[]): string {
  const named = alarms.length === 0 ? undefined : `auto-rollback alarms: ${alarms.join(', ')}`;
  if (reason !== undefined) return named === undefined ? reason : `${reason} (${named})`;
  if (named !== undefined) return `an auto-rollback alarm went into ALARM during the deployment (${named}); SageMaker gave no FailureReason`;
  return 'SageMaker gave no FailureReason, and no auto-rollback alarms were set';
}

function guardrails(spec: DeploymentSpec): string {
  return spec.alarms.length === 0 ? 'no auto-rollback alarms were set' : `an auto-rollback alarm (${spec.alarms.join(', ')}) going into ALARM rolls it back`;
}

function cancelledEarly(spec: DeploymentSpec, events: DeployEvent[], when: string, target?: string, previous?: string): SageMakerDeployResult {
  return {
    status: 'failed',
    summary: `cancelled: the run was cancelled ${when}.`,
    endpointConfig: target ?? previous ?? '',
    ...(previous === undefined ? {} : { liveConfig: previous, previousConfig: previous }),
    events,
    model: spec.model,
  };
}

function consoleUrl(context: RunContext): string {
  return `https://${context.region}.console.aws.amazon.com/sagemaker/home?region=${context.region}#/endpoints/${context.spec.endpoint}`;
}
