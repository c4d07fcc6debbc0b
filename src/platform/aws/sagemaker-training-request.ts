/**
 * The SageMaker training job a `train-on-gpu-runner` run asks for: its options checked before any
 * request (one-line InputErrors naming the action's input, the bad value and what is expected), its
 * name, and the CreateTrainingJob request built from them.
 *
 * The request, as the SageMaker API reference describes CreateTrainingJob:
 * - AlgorithmSpecification: the `image`, File input mode, one MetricDefinition per `metric-regex`
 *   line (SageMaker reads them from the job's log; at most 40, names ≤ 255 and regexes ≤ 500 characters);
 * - InputDataConfig: one channel, `training` (the container sees it at /opt/ml/input/data/training),
 *   an S3Prefix: `s3-input`, or the prefix the local `data` was uploaded to;
 * - OutputDataConfig: `s3-output`; SageMaker writes `<s3-output>/<job>/output/model.tar.gz`;
 * - ResourceConfig: `instance-type` × `instance-count`, 30 GB of volume;
 * - StoppingCondition: MaxRuntimeInSeconds = `timeout-minutes` (SageMaker's ceiling is 28 days);
 *   with spot, MaxWaitTimeInSeconds = `max-wait-minutes` (capacity wait + training), which SageMaker
 *   requires to be present and ≥ MaxRuntimeInSeconds, an hour more than MaxRuntime when not given.
 *   Without spot, SageMaker refuses MaxWaitTimeInSeconds, so `max-wait-minutes` only bounds the wait here;
 * - HyperParameters: every param as a string (strings as they are, anything else as JSON) and `seed`
 *   (SageMaker: at most 100, keys ≤ 256 and values ≤ 2500 characters);
 * - EnableManagedSpotTraining and CheckpointConfig `<s3-output>/<job>/checkpoints/` with spot, so an
 *   interrupted job resumes from its checkpoints;
 * - Tags: `cd4ml`, and the repository and run when the run has them.
 */
import type { CreateTrainingJobCommandInput, TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import { randomBytes } from 'node:crypto';
import { InputError } from '../../core/errors.js';
import type { MetricPattern } from '../../core/train/types.js';
import { checkInstanceCount, instanceTypeInput, requiredInput, roleArnInput } from './sagemaker-inputs.js';

/** What SageMaker accepts as a training job name (CreateTrainingJob's TrainingJobName). */
export const TRAINING_JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** SageMaker's ceiling on MaxRuntimeInSeconds: 28 days. */
export const MAX_RUNTIME_MINUTES = 28 * 24 * 60;
/** The wait for spot capacity SageMaker is given when `max-wait-minutes` is not: MaxRuntime plus this. */
export const DEFAULT_SPOT_EXTRA_MINUTES = 60;
export const VOLUME_SIZE_GB = 30;
export const TRAINING_CHANNEL = 'training';

const MAX_HYPERPARAMETERS = 100;
const MAX_METRIC_DEFINITIONS = 40;

/** An s3:// location: the bucket and the key prefix, without a leading or trailing `/`. */
export interface S3Location {
  bucket: string;
  prefix: string;
}

/** What the request is built from: the options of `runSageMakerTraining`, checked. */
export interface TrainingJobSpec {
  jobName: string;
  image: string;
  instanceType: string;
  instanceCount: number;
  roleArn: string;
  /** The training channel's S3 URI: `s3-input` as written, or the prefix the local data is uploaded to (ending with `/`). */
  input: string | undefined;
  output: S3Location;
  hyperParameters: Record<string, string>;
  metricPatterns: MetricPattern[];
  spot: boolean;
  maxRuntimeSeconds: number;
  /** Sent to SageMaker with spot only. */
  maxWaitSeconds: number | undefined;
  tags: Array<{ Key: string; Value: string }>;
}

/** The option fields the checks read (a subset of SageMakerTrainingOptions). */
export interface TrainingRequestOptions {
  jobName?: string;
  image?: string;
  instanceType?: string;
  instanceCount: number;
  roleArn?: string;
  s3Input?: string;
  s3Output?: string;
  params: Record<string, unknown>;
  seed: number;
  metricPatterns: MetricPattern[];
  spot: boolean;
  maxWaitMinutes?: number;
  timeoutMinutes: number;
}

/**
 * Checks the options and gives the job's spec; throws the first problem as a one-line InputError.
 * `env` gives the repository and run for the default name and the tags; `now` the default name's timestamp.
 */
export function trainingJobSpec(options: TrainingRequestOptions, env: NodeJS.ProcessEnv, now: number): TrainingJobSpec {
  const image = required(options.image, 'image', 'the training container image URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest');
  const roleArn = roleArnInput(options.roleArn, 'the ARN of the IAM role SageMaker assumes to run the job, e.g. arn:aws:iam::123456789012:role/SageMakerTraining', BACKEND);
  const instanceType = instanceTypeInput(options.instanceType, 'a SageMaker instance type, e.g. ml.g5.xlarge', 'ml.g5.xlarge', BACKEND);
  checkInstanceCount(options.instanceCount);
  const output = parseS3Uri(required(options.s3Output, 's3-output', 'the s3://<bucket>/<prefix> SageMaker writes the model artifact to'), 's3-output');
  const s3Input = options.s3Input?.trim();
  const input = s3Input === undefined || s3Input === '' ? undefined : s3Input;
  if (input !== undefined) parseS3Uri(input, 's3-input');

  const timeout = options.timeoutMinutes;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_RUNTIME_MINUTES) {
    throw new InputError(`timeout-minutes: ${timeout} is not a SageMaker training time; expected a whole number of minutes from 1 to ${MAX_RUNTIME_MINUTES} (28 days, SageMaker's limit).`);
  }
  let maxWait = options.maxWaitMinutes;
  if (maxWait !== undefined) {
    if (!Number.isInteger(maxWait) || maxWait < 1) throw new InputError(`max-wait-minutes: ${maxWait} is not a number of minutes; expected a whole number of at least 1.`);
    if (maxWait < timeout) {
      throw new InputError(
        `max-wait-minutes: ${maxWait} is less than timeout-minutes (${timeout}); it bounds the wait for capacity and the training together, so it must be at least timeout-minutes. Raise max-wait-minutes or lower timeout-minutes.`,
      );
    }
  } else if (options.spot) {
    maxWait = timeout + DEFAULT_SPOT_EXTRA_MINUTES;
  }

  const jobName = options.jobName === undefined ? defaultJobName(env, now) : options.jobName;
  if (!TRAINING_JOB_NAME.test(jobName)) {
    throw new InputError(`training job name: "${jobName}" is not a SageMaker training job name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.`);
  }

  return {
    jobName,
    image,
    instanceType,
    instanceCount: options.instanceCount,
    roleArn,
    input,
    output,
    hyperParameters: hyperParameters(options.params, options.seed),
    metricPatterns: metricDefinitionsChecked(options.metricPatterns),
    spot: options.spot,
    maxRuntimeSeconds: timeout * 60,
    maxWaitSeconds: maxWait === undefined ? undefined : maxWait * 60,
    tags: tags(env),
  };
}

/** The CreateTrainingJob request of a spec. */
export function createTrainingJobRequest(spec: TrainingJobSpec): CreateTrainingJobCommandInput {
  const base = s3UriOf(spec.output);
  return {
    TrainingJobName: spec.jobName,
    AlgorithmSpecification: {
      TrainingImage: spec.image,
      TrainingInputMode: 'File',
      MetricDefinitions: spec.metricPatterns.map((pattern) => ({ Name: pattern.name, Regex: pattern.source })),
    },
    RoleArn: spec.roleArn,
    ...(spec.input === undefined
      ? {}
      : {
          InputDataConfig: [
            {
              ChannelName: TRAINING_CHANNEL,
              DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: spec.input, S3DataDistributionType: 'FullyReplicated' } },
            },
          ],
        }),
    OutputDataConfig: { S3OutputPath: base },
    ResourceConfig: { InstanceType: spec.instanceType as TrainingInstanceType, InstanceCount: spec.instanceCount, VolumeSizeInGB: VOLUME_SIZE_GB },
    StoppingCondition: {
      MaxRuntimeInSeconds: spec.maxRuntimeSeconds,
      ...(spec.spot && spec.maxWaitSeconds !== undefined ? { MaxWaitTimeInSeconds: spec.maxWaitSeconds } : {}),
    },
    HyperParameters: spec.hyperParameters,
    ...(spec.spot ? { EnableManagedSpotTraining: true, CheckpointConfig: { S3Uri: checkpointUri(spec) } } : {}),
    Tags: spec.tags,
  };
}

/** Where a spot job's checkpoints go: `<s3-output>/<job>/checkpoints/`. */
export function checkpointUri(spec: Pick<TrainingJobSpec, 'output' | 'jobName'>): string {
  return `${s3UriOf(spec.output)}/${spec.jobName}/checkpoints/`;
}

/** Where local data is uploaded when there is no `s3-input`: `<s3-output>/<job>/input/`. */
export function uploadLocation(spec: Pick<TrainingJobSpec, 'output' | 'jobName'>): S3Location {
  return { bucket: spec.output.bucket, prefix: joinKey(spec.output.prefix, `${spec.jobName}/input`) };
}

/** `cd4ml-<repository>-<run id, or a UTC timestamp>-<6 random hex>`, at most 63 characters. */
export function defaultJobName(env: NodeJS.ProcessEnv, now: number, random: () => string = () => randomBytes(3).toString('hex')): string {
  const repository = nameSafe(env.GITHUB_REPOSITORY?.split('/').pop() ?? '') || 'local';
  const runId = nameSafe(env.GITHUB_RUN_ID ?? '');
  const run = runId === '' ? new Date(now).toISOString().replace(/\D/g, '').slice(0, 14) : runId;
  const suffix = `-${run.slice(0, 20)}-${random()}`;
  const room = 63 - 'cd4ml-'.length - suffix.length;
  const repo = repository.slice(0, room).replace(/-+$/, '') || 'local';
  return `cd4ml-${repo}${suffix}`;
}

/**
 * `s3://bucket/prefix` as a location; a one-line InputError naming `input` when it is not one. The
 * bucket must be a valid S3 bucket name (3–63 lowercase letters, digits, dots and hyphens).
 */
export function parseS3Uri(uri: string, input: string): S3Location {
  const match = /^s3:\/\/([^/]*)\/?(.*)$/.exec(uri);
  const bucket = match?.[1] ?? '';
  if (match === null || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new InputError(`${input}: "${uri}" is not an S3 URI; expected s3://<bucket>/<prefix>, with a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens.`);
  }
  const prefix = (match[2] ?? '').replace(/\/+$/, '');
  if (prefix.split('/').some((part, index, parts) => part === '' && parts.length > 1)) {
    throw new InputError(`${input}: "${uri}" has an empty path segment ("//"); expected s3://<bucket>/<prefix>.`);
  }
  return { bucket, prefix };
}

export function s3UriOf(location: S3Location): string {
  return location.prefix === '' ? `s3://${location.bucket}` : `s3://${location.bucket}/${location.prefix}`;
}

export function joinKey(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}/${key}`;
}

const BACKEND = 'the sagemaker backend';

function required(value: string | undefined, input: string, expected: string): string {
  return requiredInput(value, input, expected, BACKEND);
}

/** Every param as a string (strings as they are, anything else as JSON), and the seed. */
function hyperParameters(params: Record<string, unknown>, seed: number): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    result[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const given = result.seed;
  if (given !== undefined && given !== String(seed)) {
    throw new InputError(`params: "seed" is ${given} but the seed input is ${seed}; set the seed with the seed input only (it is passed to SageMaker as the seed hyperparameter).`);
  }
  result.seed = String(seed);
  const entries = Object.entries(result);
  if (entries.length > MAX_HYPERPARAMETERS) {
    throw new InputError(`params: ${entries.length} hyperparameters with the seed; SageMaker accepts at most ${MAX_HYPERPARAMETERS}. Pass fewer, or group them into one JSON-valued param.`);
  }
  for (const [key, value] of entries) {
    if (key.length > 256) throw new InputError(`params: the name "${key.slice(0, 40)}…" is ${key.length} characters; SageMaker accepts hyperparameter names of at most 256.`);
    if (value.length > 2500) {
      throw new InputError(`params: "${key}" is ${value.length} characters as a SageMaker hyperparameter; SageMaker accepts values of at most 2500. Pass large settings in a file of the training data instead.`);
    }
  }
  return result;
}

function metricDefinitionsChecked(patterns: MetricPattern[]): MetricPattern[] {
  if (patterns.length > MAX_METRIC_DEFINITIONS) {
    throw new InputError(`metric-regex: ${patterns.length} metrics; SageMaker accepts at most ${MAX_METRIC_DEFINITIONS} metric definitions per training job.`);
  }
  for (const pattern of patterns) {
    if (pattern.name.length < 1 || pattern.name.length > 255) {
      throw new InputError(`metric-regex: the metric name "${pattern.name.slice(0, 40)}" must be 1 to 255 characters for SageMaker.`);
    }
    if (pattern.source.length < 1 || pattern.source.length > 500) {
      throw new InputError(`metric-regex: the regex of ${pattern.name} is ${pattern.source.length} characters; SageMaker accepts 1 to 500.`);
    }
  }
  return patterns;
}

/** SageMaker tags: `cd4ml`, and the repository and run id when the run has them. */
function tags(env: NodeJS.ProcessEnv): Array<{ Key: string; Value: string }> {
  const result = [{ Key: 'cd4ml', Value: 'train-on-gpu-runner' }];
  const tagSafe = (value: string) => value.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, '_').slice(0, 256);
  if (env.GITHUB_REPOSITORY !== undefined && env.GITHUB_REPOSITORY !== '') result.push({ Key: 'cd4ml:repository', Value: tagSafe(env.GITHUB_REPOSITORY) });
  if (env.GITHUB_RUN_ID !== undefined && env.GITHUB_RUN_ID !== '') result.push({ Key: 'cd4ml:run-id', Value: tagSafe(env.GITHUB_RUN_ID) });
  return result;
}

function nameSafe(text: string): string {
  return text.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
