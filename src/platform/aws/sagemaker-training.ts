/**
 * The `sagemaker` backend of train-on-gpu-runner: runs the training as a SageMaker training job and
 * reports it as a TrainingOutcome.
 *
 * 1. Checks every option before any request (sagemaker-training-request.ts; one-line InputErrors), and
 *    that the local `data` paths exist when they are to be uploaded.
 * 2. Without `s3-input`, uploads `data` to `<s3-output>/<job>/input/` (sagemaker-training-data.ts).
 * 3. CreateTrainingJob (the request is described in sagemaker-training-request.ts).
 * 4. Waits, bounded, polling DescribeTrainingJob (sagemaker-training-wait.ts). The bound is
 *    MaxWaitTimeInSeconds with spot (or `max-wait-minutes` without), else MaxRuntimeInSeconds, plus
 *    WAIT_MARGIN_MINUTES for provisioning the instances and uploading the model, which SageMaker does
 *    not count as run time. Past it, the job is stopped and the outcome fails, naming the bound.
 * 5. Completed: FinalMetricDataList gives the metrics, TrainingTimeInSeconds the duration,
 *    BillableTimeInSeconds the billable seconds, and ModelArtifacts.S3ModelArtifacts is downloaded into
 *    `model-path` (extracted with tar when there is one). Failed: the outcome quotes FailureReason.
 *    Stopped: the outcome says by what (MaxRuntimeExceeded, MaxWaitTimeExceeded, someone else).
 * Cancellation (`signal`): StopTrainingJob, a bounded wait for Stopped, and the outcome "cancelled".
 *
 * Service failures (a refused CreateTrainingJob, an upload or download that fails) throw one-line
 * errors; what the job itself came to is the outcome. SageMaker's CloudWatch logs are not read, so
 * the outcome has no curve and no tail; the log names where they are.
 *
 * IAM for the caller: sagemaker:CreateTrainingJob, DescribeTrainingJob, StopTrainingJob, AddTags,
 * iam:PassRole on `role-arn`; s3:PutObject (data upload) and s3:GetObject (the model) on the buckets.
 */
import { CreateTrainingJobCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { S3Client } from '@aws-sdk/client-s3';
import { InputError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { MetricPattern, TrainingOutcome } from '../../core/train/types.js';
import { pauser } from './abortable-pause.js';
import { awsRegion, s3Client } from './clients.js';
import { S3Objects } from './s3-objects.js';
import { type SageMakerWaitOptions, sagemakerClient } from './sagemaker-client.js';
import { type DataFile, downloadModel, localDataFiles, uploadDataFiles } from './sagemaker-training-data.js';
import { trainingError } from './sagemaker-training-errors.js';
import { type TrainingJobSpec, type TrainingRequestOptions, checkpointUri, createTrainingJobRequest, s3UriOf, trainingJobSpec, uploadLocation } from './sagemaker-training-request.js';
import { type TrainingJob, type WaitEnd, waitForTrainingJob } from './sagemaker-training-wait.js';

/**
 * The job's fields (TrainingRequestOptions: jobName — by default cd4ml-<repository or `local`>-<run
 * id or UTC timestamp>-<random>, at most 63 characters —, image, instanceType, instanceCount, roleArn,
 * s3Input, s3Output, params, seed, metricPatterns, spot, maxWaitMinutes, timeoutMinutes; image, role,
 * instance type and output are optional there so that a missing input is reported as an InputError)
 * and how to run it (SageMakerWaitOptions: pollSeconds between DescribeTrainingJob calls; `signal`
 * cancels the run: the job is stopped and the outcome is "cancelled").
 */
export interface SageMakerTrainingOptions extends TrainingRequestOptions, SageMakerWaitOptions {
  /** Local files or directories (relative to `cwd`), uploaded to `<s3Output>/<jobName>/input/` when s3Input is absent. */
  data: string[];
  /** Where the model artifact is downloaded (and extracted). */
  modelPath: string;
  /** Resolves relative `data` paths; the working directory by default. */
  cwd?: string;
  /** Gives GITHUB_REPOSITORY and GITHUB_RUN_ID for the default name and the tags; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

export type SageMakerTrainingResult = TrainingOutcome & { modelPath?: string };

/** Added to the job's own time limit for the wait: provisioning before the clock starts, uploading after. */
export const WAIT_MARGIN_MINUTES = 30;
export const DEFAULT_POLL_SECONDS = 30;

export async function runSageMakerTraining(options: SageMakerTrainingOptions): Promise<SageMakerTrainingResult> {
  const { logger, signal } = options;
  const now = options.now ?? Date.now;
  const spec = trainingJobSpec(options, options.env ?? process.env, now());
  const modelPath = options.modelPath.trim();
  if (modelPath === '') throw new InputError('model-path: empty; set model-path to the directory the trained model is downloaded to.');
  const pollSeconds = options.pollSeconds ?? DEFAULT_POLL_SECONDS;
  if (!Number.isFinite(pollSeconds) || pollSeconds <= 0) throw new InputError(`poll interval: ${pollSeconds} seconds; expected a positive number of seconds.`);
  const upload: DataFile[] | undefined = spec.input === undefined && options.data.length > 0 ? await localDataFiles(options.data, options.cwd ?? process.cwd()) : undefined;

  const region = options.region === undefined ? {} : { region: options.region };
  let s3: S3Client | undefined;
  const objects = new S3Objects(() => (s3 ??= s3Client(region)));
  const client = sagemakerClient(region);
  try {
    if (upload !== undefined) {
      const location = uploadLocation(spec);
      const bytes = await uploadDataFiles(objects, location, upload, logger);
      logger.info(`Uploaded ${upload.length} file(s), ${bytes} bytes, as the training channel ${s3UriOf(location)}/`);
      spec.input = `${s3UriOf(location)}/`;
    } else if (spec.input !== undefined && options.data.length > 0) {
      logger.debug(`s3-input is set, so the data paths (${options.data.join(', ')}) are not uploaded`);
    } else if (spec.input === undefined) {
      logger.info('No s3-input and no data: the training job gets no input channel (the container fetches its own data).');
    }
    if (signal?.aborted === true) {
      return { ...baseOutcome(spec.jobName), failure: `cancelled: the run was cancelled before SageMaker training job ${spec.jobName} was created; nothing runs in SageMaker.` };
    }
    const end = await createAndWait(client, spec, options, now, pollSeconds * 1000);
    return await outcome(end, spec, objects, modelPath, now, logger);
  } finally {
    client.destroy();
    s3?.destroy();
  }
}

/** How the wait ended, when it started, and its bound in words. */
interface Waited {
  end: WaitEnd;
  startedAt: number;
  boundText: string;
}

async function createAndWait(client: SageMakerClient, spec: TrainingJobSpec, options: SageMakerTrainingOptions, now: () => number, pollMs: number): Promise<Waited> {
  const { logger, signal } = options;
  let arn: string | undefined;
  try {
    arn = (await client.send(new CreateTrainingJobCommand(createTrainingJobRequest(spec)))).TrainingJobArn;
  } catch (error) {
    throw trainingError(error, { jobName: spec.jobName, what: 'cannot start the training job', operation: 'CreateTrainingJob', roleArn: spec.roleArn });
  }
  const startedAt = now();
  const region = awsRegion(options.region === undefined ? {} : { region: options.region });
  logger.info(
    `Created SageMaker training job ${spec.jobName}${arn === undefined ? '' : ` (${arn})`}: ${spec.instanceCount} × ${spec.instanceType}${spec.spot ? ', managed spot' : ''}, image ${spec.image}`,
  );
  logger.info(`  console: https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/jobs/${spec.jobName}`);
  logger.info(`  logs: CloudWatch log group /aws/sagemaker/TrainingJobs, streams ${spec.jobName}/…`);

  const waitMinutes = spec.spot ? (spec.maxWaitSeconds as number) / 60 : (options.maxWaitMinutes ?? spec.maxRuntimeSeconds / 60);
  const limit = spec.spot || options.maxWaitMinutes !== undefined ? `max-wait-minutes ${waitMinutes}` : `timeout-minutes ${waitMinutes}`;
  const boundText = `${limit} + ${WAIT_MARGIN_MINUTES} minutes for provisioning and upload`;
  const end = await waitForTrainingJob({
    client,
    jobName: spec.jobName,
    logger,
    now,
    pause: pauser(signal, options.sleep),
    pollMs,
    boundMs: (waitMinutes + WAIT_MARGIN_MINUTES) * 60_000,
    boundText,
    startedAt,
    ...(signal === undefined ? {} : { signal }),
    ...(spec.spot ? { checkpoints: checkpointUri(spec) } : {}),
  });
  return { end, startedAt, boundText };
}

/** The TrainingOutcome of how the wait ended; downloads the model of a completed job. */
async function outcome(
  { end, startedAt, boundText }: Waited,
  spec: TrainingJobSpec,
  objects: S3Objects,
  modelPath: string,
  now: () => number,
  logger: Logger,
): Promise<SageMakerTrainingResult> {
  const job = end.job;
  const name = spec.jobName;
  const result: SageMakerTrainingResult = {
    ...baseOutcome(name),
    durationSeconds: job?.TrainingTimeInSeconds ?? Math.round((now() - startedAt) / 1000),
    transitions: transitionsOf(job),
    ...(job?.BillableTimeInSeconds === undefined ? {} : { billableSeconds: job.BillableTimeInSeconds }),
  };
  if (end.kind === 'cancelled') {
    return { ...result, failure: `cancelled: the run was cancelled; SageMaker training job ${name} ${stopped(end.stop)}.` };
  }
  if (end.kind === 'bound') {
    return {
      ...result,
      failure: `SageMaker training job ${name} did not finish within the wait bound (${boundText}); it ${stopped(end.stop)}. Raise timeout-minutes${spec.spot ? ' or max-wait-minutes' : ''} if the training needs longer.`,
    };
  }
  const status = job?.TrainingJobStatus;
  if (status === 'Failed') {
    const reason = job?.FailureReason === undefined ? 'SageMaker gave no FailureReason' : oneLine(job.FailureReason);
    return { ...result, failure: `SageMaker training job ${name} failed: ${reason} (logs: CloudWatch /aws/sagemaker/TrainingJobs, streams ${name}/…)` };
  }
  if (status === 'Stopped') return { ...result, failure: stoppedBy(name, job as TrainingJob, spec) };
  if (status !== 'Completed') return { ...result, failure: `SageMaker training job ${name} ended as ${status ?? 'an unknown status'} (${job?.SecondaryStatus ?? 'no secondary status'}).` };

  const completed = job as TrainingJob;
  const metrics = metricsOf(completed);
  logger.info(`training job ${name}: completed; final metrics ${JSON.stringify(metrics)}${savings(completed)}`);
  const artifact = completed.ModelArtifacts?.S3ModelArtifacts;
  if (artifact === undefined || artifact === '') {
    logger.warning(`training job ${name}: completed without ModelArtifacts.S3ModelArtifacts; there is no model to download.`);
    return { ...result, succeeded: true, metrics };
  }
  await downloadModel(objects, artifact, modelPath, logger);
  return { ...result, succeeded: true, metrics, modelPath };
}

function baseOutcome(jobName: string): SageMakerTrainingResult {
  return { backend: 'sagemaker', succeeded: false, durationSeconds: 0, metrics: {}, curve: [], tail: [], trainingJobName: jobName };
}

function transitionsOf(job: TrainingJob | undefined): Array<{ status: string; at: string; message?: string }> {
  return (job?.SecondaryStatusTransitions ?? []).map((transition) => ({
    status: transition.Status ?? 'Unknown',
    at: transition.StartTime?.toISOString() ?? '',
    ...(transition.StatusMessage === undefined || transition.StatusMessage === '' ? {} : { message: oneLine(transition.StatusMessage) }),
  }));
}

/** FinalMetricDataList as name → value (entries without a name or a finite value are left out). */
function metricsOf(job: TrainingJob): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const entry of job.FinalMetricDataList ?? []) {
    if (entry.MetricName !== undefined && entry.Value !== undefined && Number.isFinite(entry.Value)) metrics[entry.MetricName] = entry.Value;
  }
  return metrics;
}

function savings(job: TrainingJob): string {
  const billable = job.BillableTimeInSeconds;
  const training = job.TrainingTimeInSeconds;
  if (billable === undefined || training === undefined || training <= 0) return '';
  const saved = job.EnableManagedSpotTraining === true ? `, ${Math.round((1 - billable / training) * 100)}% saved by managed spot` : '';
  return `; ${training} s of training, ${billable} s billable per instance${saved}`;
}

function stoppedBy(name: string, job: TrainingJob, spec: TrainingJobSpec): string {
  switch (job.SecondaryStatus) {
    case 'MaxRuntimeExceeded':
      return `SageMaker training job ${name} was stopped by SageMaker: it ran past MaxRuntimeInSeconds ${spec.maxRuntimeSeconds} (timeout-minutes ${spec.maxRuntimeSeconds / 60}). Raise timeout-minutes if the training needs longer.`;
    case 'MaxWaitTimeExceeded':
      return `SageMaker training job ${name} was stopped by SageMaker: waiting for spot capacity and training took longer than MaxWaitTimeInSeconds ${spec.maxWaitSeconds ?? '?'} (max-wait-minutes ${(spec.maxWaitSeconds ?? 0) / 60}). Raise max-wait-minutes, or train without spot.`;
    default:
      return `SageMaker training job ${name} was stopped from outside this run (StopTrainingJob from the console, the CLI or another tool) before it completed.`;
  }
}

function stopped(stop: { status: string | undefined; reachedFinal: boolean; error?: string }): string {
  if (stop.error !== undefined) return `could not be stopped (${stop.error}); stop it in the SageMaker console`;
  if (stop.reachedFinal) return `was stopped (StopTrainingJob; final status ${stop.status})`;
  return `was asked to stop (StopTrainingJob) but was still ${stop.status ?? 'in an unknown status'} when this run stopped waiting`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
