/**
 * What a `sagemaker` deployment of deploy-canary asks SageMaker for: its options checked before any
 * request (one-line InputErrors naming the input, the bad value and what is expected), the names of
 * the model and endpoint config it creates, and the requests built from them.
 *
 * The requests, as the SageMaker API reference describes them:
 * - CreateModel: `cd4ml-<name>-v<version>-<hash>` (≤ 63 characters; the hash covers image, artifact
 *   and role, so a re-run with the same inputs finds the model it made before), PrimaryContainer
 *   {Image, ModelDataUrl}, ExecutionRoleArn.
 * - CreateEndpointConfig: the same pattern (its hash covers the model, instance type, count and
 *   variant), ProductionVariants [{VariantName, ModelName, InstanceType, InitialInstanceCount}]. The
 *   variant is the live endpoint's own (SageMaker's blue/green update needs the new config to keep the
 *   variant name), `AllTraffic` for a new endpoint.
 * - UpdateEndpoint's DeploymentConfig, from the rollout plan:
 *   - BlueGreenUpdatePolicy.TrafficRoutingConfiguration (TrafficRoutingConfig):
 *     canary → Type CANARY, CanarySize {CAPACITY_PERCENT, the first step's percent} (a whole percent
 *     from 1 to 50: SageMaker wants the canary at most half the new fleet), WaitIntervalInSeconds =
 *     the first step's bake;
 *     linear → Type LINEAR, LinearStepSize {CAPACITY_PERCENT, the step} (10 to 50), equal steps up to
 *     100% each baked WaitIntervalInSeconds;
 *     all-at-once → Type ALL_AT_ONCE, WaitIntervalInSeconds = its one step's bake (the baking period).
 *     WaitIntervalInSeconds is 0 to 3600 seconds.
 *   - TerminationWaitInSeconds (0–3600): `terminationWaitSeconds`, else the bake of a canary's or a
 *     linear plan's final 100% step (the final baking period before SageMaker removes the old fleet),
 *     else 0.
 *   - MaximumExecutionTimeoutInSeconds (600–28800, larger than the waits) when given.
 *   - AutoRollbackConfiguration.Alarms [{AlarmName}] (1 to 10 alarms) when alarms are given.
 * - Shadow: one step with `mirrorPercent` (SamplingPercentage, a whole percent from 1 to 100) baked for
 *   the test's duration (at most 30 days); the experiment itself is built in sagemaker-shadow.ts.
 */
import { createHash } from 'node:crypto';
import type { CreateEndpointConfigCommandInput, CreateModelCommandInput, DeploymentConfig, ProductionVariantInstanceType } from '@aws-sdk/client-sagemaker';
import type { RolloutPlan, RolloutStep } from '../../core/deploy/types.js';
import { InputError } from '../../core/errors.js';
import { checkInstanceCount, instanceTypeInput, requiredInput, roleArnInput } from './sagemaker-inputs.js';
import { parseS3Uri } from './sagemaker-training-request.js';

/** SageMaker's names of models, endpoint configs and endpoints (and variants). */
export const RESOURCE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** The variant of an endpoint this target creates. */
export const DEFAULT_VARIANT = 'AllTraffic';
/** WaitIntervalInSeconds and TerminationWaitInSeconds: at most an hour. */
export const MAX_WAIT_SECONDS = 3600;
export const MIN_EXECUTION_TIMEOUT_SECONDS = 600;
export const MAX_EXECUTION_TIMEOUT_SECONDS = 28_800;
export const MAX_ALARMS = 10;
/** A shadow test runs at most 30 days. */
export const MAX_SHADOW_SECONDS = 30 * 24 * 3600;

/** What is deployed where: the endpoint, the model version and its archive, the container and the instances. */
interface DeployTarget {
  endpoint: string;
  /** The registry name of the model. */
  modelName: string;
  version: number;
  /** s3:// URI of the model archive. */
  modelDataUrl: string;
  image: string;
  instanceType: string;
  instanceCount: number;
  roleArn: string;
}

/** The option fields the checks read (a subset of SageMakerDeployOptions). */
export interface DeployRequestOptions extends DeployTarget {
  plan: RolloutPlan;
  alarms: string[];
  terminationWaitSeconds?: number;
  maximumExecutionTimeoutSeconds?: number;
}

/** How SageMaker shifts traffic (blue/green), from the plan. */
export interface TrafficPlan {
  type: 'CANARY' | 'LINEAR' | 'ALL_AT_ONCE';
  /** CanarySize or LinearStepSize, percent of capacity. */
  stepPercent?: number;
  waitSeconds: number;
  terminationWaitSeconds: number;
  maximumExecutionTimeoutSeconds?: number;
  /** How long SageMaker itself waits in all: the bakes between steps and the termination wait. */
  scheduleSeconds: number;
}

export interface DeploymentSpec extends DeployTarget {
  alarms: string[];
  strategy: RolloutPlan['strategy'];
  /** For canary, linear and all-at-once. */
  traffic?: TrafficPlan;
  /** For shadow. */
  shadow?: { samplingPercent: number; durationSeconds: number };
  /** The SageMaker model this deployment creates. */
  model: string;
}

/** Checks the options; throws the first problem as a one-line InputError. */
export function deploymentSpec(options: DeployRequestOptions): DeploymentSpec {
  const endpoint = required(options.endpoint, 'endpoint', 'the name of the SageMaker endpoint to deploy to');
  if (!RESOURCE_NAME.test(endpoint)) {
    throw new InputError(`endpoint: "${endpoint}" is not a SageMaker endpoint name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.`);
  }
  const image = required(options.image, 'image', 'the inference container image URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:latest');
  if (image.length > 255 || /\s/.test(image)) {
    throw new InputError(`image: "${image.slice(0, 80)}" is not a container image URI; expected at most 255 characters without spaces, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:latest.`);
  }
  const roleArn = roleArnInput(options.roleArn, 'the ARN of the IAM role SageMaker assumes to pull the image and the model artifact, e.g. arn:aws:iam::123456789012:role/SageMakerEndpoint', TARGET);
  const instanceType = instanceTypeInput(options.instanceType, 'an instance type for the endpoint, e.g. ml.m5.large', 'ml.m5.large', TARGET);
  checkInstanceCount(options.instanceCount);
  const modelName = options.modelName.trim();
  if (modelName === '') throw new InputError('model: the registry name of the model is empty; expected registry:<name>@<version|alias>.');
  if (!Number.isInteger(options.version) || options.version < 1) {
    throw new InputError(`model: version ${options.version} is not a registry version; expected a whole number of at least 1.`);
  }
  const modelDataUrl = options.modelDataUrl.trim();
  if (parseS3Uri(modelDataUrl, 'model artifact').prefix === '') {
    throw new InputError(`model artifact: "${modelDataUrl}" names a bucket but no object; expected s3://<bucket>/<key> of the model archive (model.tar.gz) SageMaker loads.`);
  }
  if (modelDataUrl.length > 1024) throw new InputError(`model artifact: the S3 URI is ${modelDataUrl.length} characters; SageMaker's ModelDataUrl is at most 1024.`);
  const alarms = checkAlarms(options.alarms);

  const strategy = options.plan.strategy;
  const steps = options.plan.steps;
  if (steps.length === 0) throw new InputError(`strategy ${strategy}: the rollout plan has no steps; expected at least one.`);
  const base = { endpoint, modelName, version: options.version, modelDataUrl, image, instanceType, instanceCount: options.instanceCount, roleArn, alarms, strategy };
  const model = resourceName(modelName, options.version, [image, modelDataUrl, roleArn]);
  if (strategy === 'shadow') return { ...base, model, shadow: shadowPlan(steps) };
  return { ...base, model, traffic: trafficPlan(strategy, steps, options) };
}

/** `cd4ml-<name>-v<version>-<8 hex of sha256(parts)>`: letters, digits and hyphens, at most 63 characters. */
export function resourceName(name: string, version: number, parts: unknown[]): string {
  const hash = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 8);
  const suffix = `-v${version}-${hash}`;
  const room = 63 - 'cd4ml-'.length - suffix.length;
  const safe = name.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+/, '').slice(0, room).replace(/-+$/, '') || 'model';
  return `cd4ml-${safe}${suffix}`;
}

/** The endpoint config of the spec's model on `variant`. */
export function endpointConfigName(spec: DeploymentSpec, variant: string): string {
  return resourceName(spec.modelName, spec.version, [spec.model, spec.instanceType, spec.instanceCount, variant]);
}

export function createModelRequest(spec: DeploymentSpec): CreateModelCommandInput {
  return {
    ModelName: spec.model,
    PrimaryContainer: { Image: spec.image, ModelDataUrl: spec.modelDataUrl },
    ExecutionRoleArn: spec.roleArn,
    Tags: [
      { Key: 'cd4ml', Value: 'deploy-canary' },
      { Key: 'cd4ml:model', Value: tagSafe(`${spec.modelName}@${spec.version}`) },
    ],
  };
}

export function createEndpointConfigRequest(spec: DeploymentSpec, name: string, variant: string): CreateEndpointConfigCommandInput {
  return {
    EndpointConfigName: name,
    ProductionVariants: [
      { VariantName: variant, ModelName: spec.model, InstanceType: spec.instanceType as ProductionVariantInstanceType, InitialInstanceCount: spec.instanceCount },
    ],
    Tags: [{ Key: 'cd4ml', Value: 'deploy-canary' }],
  };
}

/** UpdateEndpoint's DeploymentConfig: blue/green with the plan's traffic routing, and the alarms. */
export function deploymentConfig(spec: DeploymentSpec): DeploymentConfig {
  const traffic = spec.traffic;
  if (traffic === undefined) throw new Error(`a ${spec.strategy} deployment has no traffic plan`);
  const size = { Type: 'CAPACITY_PERCENT' as const, Value: traffic.stepPercent ?? 100 };
  return {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: {
        Type: traffic.type,
        WaitIntervalInSeconds: traffic.waitSeconds,
        ...(traffic.type === 'CANARY' ? { CanarySize: size } : {}),
        ...(traffic.type === 'LINEAR' ? { LinearStepSize: size } : {}),
      },
      TerminationWaitInSeconds: traffic.terminationWaitSeconds,
      ...(traffic.maximumExecutionTimeoutSeconds === undefined ? {} : { MaximumExecutionTimeoutInSeconds: traffic.maximumExecutionTimeoutSeconds }),
    },
    ...(spec.alarms.length === 0 ? {} : { AutoRollbackConfiguration: { Alarms: spec.alarms.map((AlarmName) => ({ AlarmName })) } }),
  };
}

/** The traffic routing in words, for the log. */
export function describeTraffic(traffic: TrafficPlan): string {
  const termination = traffic.terminationWaitSeconds > 0 ? `, then ${traffic.terminationWaitSeconds} s before the old fleet is removed` : '';
  switch (traffic.type) {
    case 'CANARY':
      return `CANARY: ${traffic.stepPercent}% of capacity for ${traffic.waitSeconds} s, then all traffic${termination}`;
    case 'LINEAR':
      return `LINEAR: steps of ${traffic.stepPercent}% of capacity, ${traffic.waitSeconds} s each${termination}`;
    case 'ALL_AT_ONCE':
      return `ALL_AT_ONCE: all traffic at once, baked ${traffic.waitSeconds} s${termination}`;
  }
}

function trafficPlan(strategy: 'canary' | 'linear' | 'all-at-once', steps: RolloutStep[], options: DeployRequestOptions): TrafficPlan {
  const percents = steps.map((step) => step.percent);
  const last = steps[steps.length - 1] as RolloutStep;
  let type: TrafficPlan['type'];
  let stepPercent: number | undefined;
  let shifts: number;
  let finalBake: number | undefined;
  if (strategy === 'all-at-once') {
    if (steps.length !== 1 || last.percent !== 100) {
      throw new InputError(`strategy all-at-once: the plan sends ${percents.join('%, ')}% of traffic; all-at-once is one step of 100%.`);
    }
    type = 'ALL_AT_ONCE';
    shifts = 1;
  } else if (strategy === 'canary') {
    const canary = steps[0] as RolloutStep;
    if (steps.length > 2) {
      throw new InputError(
        `strategy canary: the plan has ${steps.length} steps (${percents.join('%, ')}%); SageMaker's CANARY shifts traffic in two steps, the canary and then all of it. Use strategy linear for more steps.`,
      );
    }
    if (steps.length === 2 && last.percent !== 100) {
      throw new InputError(`strategy canary: the last step sends ${last.percent}% of traffic; SageMaker's CANARY ends with all traffic on the new fleet (100%).`);
    }
    if (!Number.isInteger(canary.percent) || canary.percent < 1 || canary.percent > 50) {
      throw new InputError(`canary-percent: ${canary.percent} is not a SageMaker canary size; SageMaker's CanarySize is a whole percent of the new fleet's capacity from 1 to 50.`);
    }
    type = 'CANARY';
    stepPercent = canary.percent;
    shifts = 1;
    if (steps.length === 2) finalBake = last.bakeMs;
  } else {
    const size = (steps[0] as RolloutStep).percent;
    if (!Number.isInteger(size) || size < 10 || size > 50) {
      throw new InputError(`linear-step-percent: ${size} is not a SageMaker linear step; SageMaker's LinearStepSize is a whole percent of the new fleet's capacity from 10 to 50.`);
    }
    const count = Math.ceil(100 / size);
    for (const [index, step] of steps.entries()) {
      const expected = Math.min(100, (index + 1) * size);
      if (step.percent !== expected) {
        throw new InputError(
          `strategy linear: step ${index + 1} sends ${step.percent}% of traffic where equal steps of ${size}% send ${expected}%; SageMaker's LINEAR shifts traffic in equal steps.`,
        );
      }
    }
    if (steps.length !== count) {
      throw new InputError(`strategy linear: the last step sends ${last.percent}% of traffic; SageMaker's LINEAR ends with all traffic on the new fleet (100%, ${count} steps of ${size}%).`);
    }
    type = 'LINEAR';
    stepPercent = size;
    shifts = count;
    finalBake = last.bakeMs;
  }
  // The bakes between shifts are one WaitIntervalInSeconds; a final 100% step's bake is the termination wait.
  const between = finalBake === undefined ? steps : steps.slice(0, -1);
  const waitMs = (between[0] ?? last).bakeMs;
  const uneven = between.find((step) => step.bakeMs !== waitMs);
  if (uneven !== undefined) {
    throw new InputError(
      `bake-minutes: the steps bake for different times (${between.map((step) => `${minutes(step.bakeMs)} min`).join(', ')}); SageMaker waits the same WaitIntervalInSeconds between all steps.`,
    );
  }
  const waitSeconds = seconds(waitMs, 'bake-minutes', 'WaitIntervalInSeconds');
  if (waitSeconds > MAX_WAIT_SECONDS) {
    throw new InputError(`bake-minutes: ${minutes(waitMs)} (${waitSeconds} seconds) is longer than SageMaker waits between traffic steps; WaitIntervalInSeconds is at most 3600 seconds (60 minutes).`);
  }
  let terminationWaitSeconds: number;
  if (options.terminationWaitSeconds !== undefined) {
    const given = options.terminationWaitSeconds;
    if (!Number.isInteger(given) || given < 0 || given > MAX_WAIT_SECONDS) {
      throw new InputError(`termination wait: ${given} seconds; SageMaker's TerminationWaitInSeconds is a whole number of seconds from 0 to 3600.`);
    }
    terminationWaitSeconds = given;
  } else if (finalBake !== undefined) {
    terminationWaitSeconds = seconds(finalBake, 'bake-minutes', 'TerminationWaitInSeconds');
    if (terminationWaitSeconds > MAX_WAIT_SECONDS) {
      throw new InputError(
        `bake-minutes: the final step's bake, ${minutes(finalBake)} minutes, becomes SageMaker's TerminationWaitInSeconds (the final baking period), which is at most 3600 seconds (60 minutes).`,
      );
    }
  } else {
    terminationWaitSeconds = 0;
  }
  const scheduleSeconds = shifts * waitSeconds + terminationWaitSeconds;
  const timeout = options.maximumExecutionTimeoutSeconds;
  if (timeout !== undefined) {
    if (!Number.isInteger(timeout) || timeout < MIN_EXECUTION_TIMEOUT_SECONDS || timeout > MAX_EXECUTION_TIMEOUT_SECONDS) {
      throw new InputError(`maximum execution timeout: ${timeout} seconds; SageMaker's MaximumExecutionTimeoutInSeconds is a whole number of seconds from 600 to 28800.`);
    }
    if (timeout <= scheduleSeconds) {
      throw new InputError(
        `maximum execution timeout: ${timeout} seconds is not more than the deployment's own waits (${scheduleSeconds} seconds of bakes and termination wait); SageMaker requires it to be larger. Raise it or shorten the bakes.`,
      );
    }
  }
  return {
    type,
    ...(stepPercent === undefined ? {} : { stepPercent }),
    waitSeconds,
    terminationWaitSeconds,
    ...(timeout === undefined ? {} : { maximumExecutionTimeoutSeconds: timeout }),
    scheduleSeconds,
  };
}

function shadowPlan(steps: RolloutStep[]): { samplingPercent: number; durationSeconds: number } {
  if (steps.length !== 1) {
    throw new InputError(`strategy shadow: the plan has ${steps.length} steps; a SageMaker shadow test mirrors one share of the requests for its whole duration (one step).`);
  }
  const step = steps[0] as RolloutStep;
  const mirror = step.mirrorPercent;
  if (mirror === undefined || !Number.isInteger(mirror) || mirror < 1 || mirror > 100) {
    throw new InputError(`mirror-percent: ${mirror ?? 'none given'} is not a SageMaker sampling percentage; SageMaker's SamplingPercentage is a whole percent from 1 to 100.`);
  }
  const durationSeconds = seconds(step.bakeMs, 'bake-minutes', 'the shadow test schedule');
  if (durationSeconds < 1) throw new InputError('bake-minutes: 0; a shadow test needs a duration: SageMaker mirrors requests from now until now + bake-minutes.');
  if (durationSeconds > MAX_SHADOW_SECONDS) {
    throw new InputError(`bake-minutes: ${minutes(step.bakeMs)} is longer than a SageMaker shadow test runs; the most is 30 days (43200 minutes).`);
  }
  return { samplingPercent: mirror, durationSeconds };
}

function checkAlarms(alarms: string[]): string[] {
  const names = alarms.map((alarm) => alarm.trim()).filter((alarm) => alarm !== '');
  if (names.length > MAX_ALARMS) {
    throw new InputError(`alarms: ${names.length} alarms; SageMaker's AutoRollbackConfiguration takes at most ${MAX_ALARMS}. Combine them into a CloudWatch composite alarm.`);
  }
  for (const name of names) {
    if (name.length > 255) throw new InputError(`alarms: "${name.slice(0, 40)}…" is ${name.length} characters; CloudWatch alarm names are 1 to 255 characters.`);
  }
  return [...new Set(names)];
}

/** Whole seconds of a bake; an InputError naming `input` when it has a fraction of a second. */
function seconds(ms: number, input: string, field: string): number {
  const value = ms / 1000;
  if (!Number.isFinite(value) || value < 0 || !Number.isInteger(value)) {
    throw new InputError(`${input}: ${minutes(ms)} is ${value} seconds; SageMaker's ${field} is a whole number of seconds.`);
  }
  return value;
}

/** A SageMaker tag value: at most 256 of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, others as `_`. */
function tagSafe(value: string): string {
  return value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, 256);
}

function minutes(ms: number): string {
  return String(Math.round((ms / 60_000) * 1000) / 1000);
}

const TARGET = 'the sagemaker target';

function required(value: string | undefined, input: string, expected: string): string {
  return requiredInput(value, input, expected, TARGET);
}
