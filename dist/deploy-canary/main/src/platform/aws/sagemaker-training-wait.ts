/**
 * The bounded wait for a SageMaker training job: DescribeTrainingJob every `pollMs` until the job is
 * Completed, Failed or Stopped, the bound runs out, or the run is cancelled.
 *
 * - Each new SecondaryStatusTransitions entry is logged once (status, start time, message), and each
 *   change of TrainingJobStatus. A spot interruption shows as an `Interrupted` (then `Restarting`)
 *   transition: it is logged as a warning and the wait goes on, since SageMaker resumes the job from
 *   its checkpoints.
 * - A poll that fails transiently (throttling, network, 5xx, after the SDK's own 3 attempts) is
 *   logged and retried at the next poll; after 5 in a row, or at once for any other failure, the wait
 *   throws the one-line error.
 * - When the bound runs out, or `signal` aborts, the job is stopped (StopTrainingJob) and then waited
 *   for until it reaches a final status (Stopped, or Completed / Failed if it ended first), for at
 *   most STOP_WAIT_MS.
 *
 * The clock (`now`) and the pause (`sleep`) are injected, so tests run the wait in milliseconds.
 */
import { DescribeTrainingJobCommand, type DescribeTrainingJobCommandOutput, type SageMakerClient, StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import type { Logger } from '../../core/logger.js';
import { errorCode } from './aws-errors.js';
import { isTransient, trainingError } from './sagemaker-training-errors.js';

/** How long a stopped job is waited for to reach Stopped. */
export const STOP_WAIT_MS = 5 * 60_000;
/** Failed polls in a row before the wait gives up. */
export const MAX_POLL_FAILURES = 5;
/** Polls while stopping are at most this far apart. */
const STOP_POLL_MS = 5000;
/** The statuses a job does not leave (Deleting: someone deletes it). */
const FINAL = new Set(['Completed', 'Failed', 'Stopped', 'Deleting']);

export type TrainingJob = DescribeTrainingJobCommandOutput;

export interface WaitOptions {
  client: SageMakerClient;
  jobName: string;
  logger: Logger;
  now: () => number;
  /** Pauses between polls; resolves early when `signal` aborts. */
  pause: (ms: number, abortable: boolean) => Promise<void>;
  pollMs: number;
  /** The wait's bound in milliseconds from `startedAt`, and how messages describe it. */
  boundMs: number;
  boundText: string;
  startedAt: number;
  signal?: AbortSignal;
  /** A spot job's checkpoint location, named when an interruption is logged. */
  checkpoints?: string;
}

/** How the wait ended: the job reached a final status, or it was stopped (bound or cancellation). */
export type WaitEnd =
  | { kind: 'finished'; job: TrainingJob }
  | { kind: 'bound'; job: TrainingJob | undefined; stop: StopResult }
  | { kind: 'cancelled'; job: TrainingJob | undefined; stop: StopResult };

/** What stopping the job came to: the status it reached (or the last one seen), and whether the stop request failed. */
export interface StopResult {
  status: string | undefined;
  reachedFinal: boolean;
  /** The last description read while stopping. */
  job?: TrainingJob;
  /** The one-line error of a StopTrainingJob that failed. */
  error?: string;
}

/** Logs a job's progress: every new transition once, every status change once. */
export class ProgressLog {
  private status: string | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly jobName: string,
    private readonly logger: Logger,
    private readonly checkpoints: string | undefined,
  ) {}

  report(job: TrainingJob): void {
    for (const [index, transition] of (job.SecondaryStatusTransitions ?? []).entries()) {
      const status = transition.Status ?? 'Unknown';
      const key = `${index}:${status}:${transition.StartTime?.getTime() ?? ''}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const at = transition.StartTime === undefined ? '' : ` since ${transition.StartTime.toISOString()}`;
      const message = transition.StatusMessage === undefined || transition.StatusMessage === '' ? '' : `: ${oneLine(transition.StatusMessage)}`;
      const line = `training job ${this.jobName}: ${status}${at}${message}`;
      if (status === 'Interrupted') {
        const resume = this.checkpoints === undefined ? '' : ` from the checkpoints in ${this.checkpoints}`;
        this.logger.warning(`${line} (the spot capacity was reclaimed; SageMaker restarts the job${resume} when capacity returns)`);
      } else {
        this.logger.info(line);
      }
    }
    const status = job.TrainingJobStatus;
    if (status !== undefined && status !== this.status) {
      this.status = status;
      this.logger.info(`training job ${this.jobName}: status ${status}${job.SecondaryStatus === undefined ? '' : ` (${job.SecondaryStatus})`}`);
    }
  }
}

/** Polls until the job ends, the bound runs out, or the run is cancelled. */
export async function waitForTrainingJob(options: WaitOptions): Promise<WaitEnd> {
  return new TrainingJobWait(options).run();
}

class TrainingJobWait {
  private readonly progress: ProgressLog;
  /** Failed polls in a row. */
  private failures = 0;

  constructor(private readonly options: WaitOptions) {
    this.progress = new ProgressLog(options.jobName, options.logger, options.checkpoints);
  }

  async run(): Promise<WaitEnd> {
    const { options } = this;
    let last: TrainingJob | undefined;
    for (;;) {
      if (aborted(options.signal)) {
        const stop = await this.stopAndWait('the run was cancelled');
        return { kind: 'cancelled', job: stop.job ?? last, stop };
      }
      const job = await this.describe();
      if (job !== undefined) {
        last = job;
        this.progress.report(job);
        if (FINAL.has(job.TrainingJobStatus ?? '')) return { kind: 'finished', job };
      }
      if (aborted(options.signal)) continue;
      if (options.now() - options.startedAt >= options.boundMs) {
        options.logger.warning(`training job ${options.jobName}: still ${last?.TrainingJobStatus ?? 'unknown'} at the wait bound (${options.boundText}); stopping it`);
        const stop = await this.stopAndWait('the wait bound was reached');
        return { kind: 'bound', job: stop.job ?? last, stop };
      }
      await options.pause(options.pollMs, true);
    }
  }

  /** One DescribeTrainingJob; undefined for a transient failure while fewer than MAX_POLL_FAILURES in a row. */
  private async describe(): Promise<TrainingJob | undefined> {
    const { client, jobName, logger } = this.options;
    try {
      const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }));
      this.failures = 0;
      return job;
    } catch (cause) {
      const error = trainingError(cause, { jobName, what: 'cannot read the job status', operation: 'DescribeTrainingJob' });
      this.failures += 1;
      if (!isTransient(cause) || this.failures >= MAX_POLL_FAILURES) throw error;
      logger.warning(`${error.message} (failed poll ${this.failures} in a row of at most ${MAX_POLL_FAILURES}; trying again at the next poll)`);
      return undefined;
    }
  }

  /** StopTrainingJob, then polls (not abortable) until the job reaches a final status, for at most STOP_WAIT_MS. */
  private async stopAndWait(why: string): Promise<StopResult> {
    const { client, jobName, logger, now, pause, pollMs } = this.options;
    let error: string | undefined;
    try {
      await client.send(new StopTrainingJobCommand({ TrainingJobName: jobName }));
      logger.info(`training job ${jobName}: asked SageMaker to stop it (StopTrainingJob) because ${why}`);
    } catch (cause) {
      // A job that already ended cannot be stopped: SageMaker answers a ValidationException, and the
      // status read next tells what it ended as.
      if (errorCode(cause) !== 'ValidationException') {
        error = trainingError(cause, { jobName, what: 'cannot stop the job', operation: 'StopTrainingJob' }).message;
        logger.error(`${error}; stop it in the SageMaker console or with: aws sagemaker stop-training-job --training-job-name ${jobName}`);
      }
    }
    const start = now();
    let last: TrainingJob | undefined;
    const result = (reachedFinal: boolean): StopResult => ({
      status: last?.TrainingJobStatus,
      reachedFinal,
      ...(last === undefined ? {} : { job: last }),
      ...(error === undefined ? {} : { error }),
    });
    for (;;) {
      let job: TrainingJob | undefined;
      try {
        job = await this.describe();
      } catch (cause) {
        logger.warning((cause as Error).message);
        return result(false);
      }
      if (job !== undefined) {
        last = job;
        this.progress.report(job);
        if (FINAL.has(job.TrainingJobStatus ?? '')) return result(true);
      }
      if (now() - start >= STOP_WAIT_MS) {
        logger.warning(`training job ${jobName}: still ${last?.TrainingJobStatus ?? 'unknown'} ${STOP_WAIT_MS / 60_000} minutes after StopTrainingJob; no longer waiting for it`);
        return result(false);
      }
      await pause(Math.min(pollMs, STOP_POLL_MS), false);
    }
  }
}

function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
