/**
 * The bounded waits of the deploy target: a status polled every `pollMs` until it is final, the
 * bound runs out, or the run is cancelled (`signal`).
 *
 * - `pollUntil` is the loop: a poll that fails transiently (throttling, network, 5xx, after the SDK's
 *   own 3 attempts) is logged and retried at the next poll; after MAX_POLL_FAILURES in a row, or at once
 *   for any other failure, it throws the one-line error.
 * - `waitForEndpoint` polls DescribeEndpoint until EndpointStatus is InService, Failed,
 *   UpdateRollbackFailed or Deleting, logging and recording every status change once (with what the
 *   status means for this deployment: the config being deployed, FailureReason …). It stops nothing:
 *   SageMaker has no call that stops an endpoint update in progress.
 *
 * The clock (`now`) and the pause (`sleep`) are injected, so tests run the waits in milliseconds.
 */
import { DescribeEndpointCommand, type DescribeEndpointCommandOutput, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { Logger } from '../../core/logger.js';
import { deployError } from './sagemaker-deploy-errors.js';
import { isTransient } from './sagemaker-training-errors.js';

/** Failed polls in a row before a wait gives up. */
export const MAX_POLL_FAILURES = 5;
/** The endpoint statuses a deployment does not leave by itself. */
export const FINAL_ENDPOINT_STATUSES = new Set(['InService', 'Failed', 'UpdateRollbackFailed', 'Deleting']);

export type Endpoint = DescribeEndpointCommandOutput;

/** One status change, as the result reports it. */
export interface DeployEvent {
  /** ISO time (the injected clock). */
  at: string;
  status: string;
  message: string;
}

/** How often and how long a wait polls, and what it logs to. */
export interface PollTiming {
  logger: Logger;
  now: () => number;
  /** Pauses between polls; resolves early when `signal` aborts. */
  pause: (ms: number) => Promise<void>;
  pollMs: number;
  /** The bound in milliseconds from `startedAt`. */
  boundMs: number;
  startedAt: number;
  signal?: AbortSignal;
}

export interface PollOptions<T> extends PollTiming {
  /** One reading; its failure is turned into a one-line error by `error`. */
  read: () => Promise<T>;
  error: (cause: unknown) => Error;
  isFinal: (value: T) => boolean;
  report: (value: T) => void;
}

/** The timing of an abortable wait of a run (`context`): its log, clock, poll interval and signal, with `boundMs` from `startedAt`. */
export function abortableTiming(
  context: { logger: Logger; now: () => number; pause: (ms: number, abortable: boolean) => Promise<void>; pollMs: number; signal?: AbortSignal },
  boundMs: number,
  startedAt: number,
): PollTiming {
  return {
    logger: context.logger,
    now: context.now,
    pause: (ms) => context.pause(ms, true),
    pollMs: context.pollMs,
    boundMs,
    startedAt,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  };
}

export type PollEnd<T> = { kind: 'final'; value: T } | { kind: 'bound'; last: T | undefined } | { kind: 'cancelled'; last: T | undefined };

/** Polls until the value is final, the bound runs out, or `signal` aborts. */
export async function pollUntil<T>(options: PollOptions<T>): Promise<PollEnd<T>> {
  let last: T | undefined;
  let failures = 0;
  for (;;) {
    if (aborted(options.signal)) return { kind: 'cancelled', last };
    let value: T | undefined;
    try {
      value = await options.read();
      failures = 0;
    } catch (cause) {
      const error = options.error(cause);
      failures += 1;
      if (!isTransient(cause) || failures >= MAX_POLL_FAILURES) throw error;
      options.logger.warning(`${error.message} (failed poll ${failures} in a row of at most ${MAX_POLL_FAILURES}; trying again at the next poll)`);
    }
    if (value !== undefined) {
      last = value;
      options.report(value);
      if (options.isFinal(value)) return { kind: 'final', value };
    }
    if (aborted(options.signal)) return { kind: 'cancelled', last };
    if (options.now() - options.startedAt >= options.boundMs) return { kind: 'bound', last };
    await options.pause(options.pollMs);
  }
}

/** Records and logs each change of a status once. */
export class StatusLog {
  private status: string | undefined;

  constructor(
    private readonly subject: string,
    private readonly logger: Logger,
    private readonly now: () => number,
    readonly events: DeployEvent[],
  ) {}

  /** Logs `status` with its message when it differs from the last one; `warn` logs it as a warning. */
  change(status: string, message: string, warn = false): void {
    if (status === this.status) return;
    this.status = status;
    this.events.push({ at: new Date(this.now()).toISOString(), status, message });
    const line = `${this.subject}: ${status} (${message})`;
    if (warn) this.logger.warning(line);
    else this.logger.info(line);
  }
}

export interface EndpointWaitOptions extends PollTiming {
  client: SageMakerClient;
  endpoint: string;
  /** The endpoint config being deployed, and the one live before (absent for a new endpoint). */
  target: string;
  previous?: string;
  log: StatusLog;
}

/** Polls DescribeEndpoint until the endpoint settles (FINAL_ENDPOINT_STATUSES), the bound runs out, or the run is cancelled. */
export async function waitForEndpoint(options: EndpointWaitOptions): Promise<PollEnd<Endpoint>> {
  const { client, endpoint, target, previous, log, ...timing } = options;
  return pollUntil<Endpoint>({
    read: () => client.send(new DescribeEndpointCommand({ EndpointName: endpoint })),
    error: (cause) => deployError(cause, { endpoint, what: 'cannot read the endpoint status', operation: 'DescribeEndpoint' }),
    isFinal: (value) => FINAL_ENDPOINT_STATUSES.has(value.EndpointStatus ?? ''),
    report: (value) => {
      const status = value.EndpointStatus ?? 'Unknown';
      log.change(status, endpointMessage(value, target, previous), status === 'RollingBack' || status === 'Failed' || status === 'UpdateRollbackFailed');
    },
    ...timing,
  });
}

/** What an endpoint status means for the deployment of `target`. */
export function endpointMessage(endpoint: Endpoint, target: string, previous: string | undefined): string {
  const live = endpoint.EndpointConfigName ?? 'no endpoint config';
  const reason = endpoint.FailureReason === undefined || endpoint.FailureReason === '' ? undefined : oneLine(endpoint.FailureReason);
  switch (endpoint.EndpointStatus) {
    case 'Creating':
      return `creating the endpoint with ${target}`;
    case 'Updating':
      return `deploying ${endpoint.PendingDeploymentSummary?.EndpointConfigName ?? target}; ${live} serves until traffic shifts`;
    case 'RollingBack':
      return `rolling back to ${previous ?? live}${reason === undefined ? '' : `: ${reason}`}`;
    case 'InService':
      return live === target ? `${target} serves all traffic` : `${live} serves all traffic, not ${target}${reason === undefined ? '' : `: ${reason}`}`;
    case 'Failed':
    case 'UpdateRollbackFailed':
      return reason ?? 'SageMaker gave no FailureReason';
    default:
      return `${live} is the endpoint config`;
  }
}

/** Whether `signal` aborted (a function, so that TypeScript does not keep an earlier check's narrowing). */
export function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
