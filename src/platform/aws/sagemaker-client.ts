/**
 * The SageMaker client, built like every AWS client of the project (see clients.ts): the region from
 * the `region` option, `AWS_REGION`, `AWS_DEFAULT_REGION` or `us-east-1`; the SDK's default
 * credential chain; three attempts with the SDK's standard retry (throttling, 5xx and network errors
 * are retried with jittered backoff). The endpoint is the `endpoint` option when given, else whatever
 * the SDK finds in `AWS_ENDPOINT_URL_SAGEMAKER` / `AWS_ENDPOINT_URL` (tests point it at the loopback
 * server of test/fakes), else SageMaker's regional endpoint.
 *
 * `sagemakerError` turns an SDK failure into one line naming the registry, the operation and what to
 * do: an EnvironmentError when no credentials are configured at all, a ServiceError otherwise (with
 * the IAM permission to grant when SageMaker denied the call).
 */
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { Logger } from '../../core/logger.js';
import { EnvironmentError, ServiceError, isCd4mlError } from '../../core/errors.js';
import { DENIED_CODES, NETWORK_CODES, NO_CREDENTIALS, THROTTLED_CODES, errorCode, errorDetail, httpStatus, lacksCredentials, shapeOf } from './aws-errors.js';
import { awsRegion, type AwsClientOptions } from './clients.js';

export interface SageMakerClientOptions extends AwsClientOptions {
  /** An explicit endpoint URL (a test server); otherwise the environment's or SageMaker's own. */
  endpoint?: string;
}

/** How a SageMaker run (training job, deployment) waits: the client's region, the poll interval, cancellation, the log, and the injected clock and pause. */
export interface SageMakerWaitOptions {
  region?: string;
  /** Between the Describe… polls; 30 by default. */
  pollSeconds?: number;
  /** Cancels the run (what that stops depends on the run). */
  signal?: AbortSignal;
  logger: Logger;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export function sagemakerClient(options: SageMakerClientOptions = {}): SageMakerClient {
  return new SageMakerClient({
    region: awsRegion(options),
    maxAttempts: 3,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  });
}

/** SageMaker's "no such resource": a ValidationException saying so, or ResourceNotFound. */
export function isMissingResource(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'ResourceNotFound') return true;
  return code === 'ValidationException' && /does not exist|not found|cannot find|could not find/i.test(shapeOf(error).message ?? '');
}

/** SageMaker's "it exists already" (CreateModelPackageGroup answers a ValidationException saying so). */
export function isAlreadyExists(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'ResourceInUse' || code === 'ConflictException') return true;
  return code === 'ValidationException' && /already exists/i.test(shapeOf(error).message ?? '');
}


export interface SageMakerErrorContext {
  /** The registry as the user wrote it, e.g. `sagemaker://churn`. */
  registry: string;
  /** What was being done, e.g. `cannot register churn`. */
  what: string;
  /** The SageMaker operation, e.g. `CreateModelPackage`. */
  operation: string;
  /** The model package group the call was about. */
  group?: string;
}

/** An SDK or network failure of a SageMaker call as one line the user can act on. */
export function sagemakerError(error: unknown, context: SageMakerErrorContext): Error {
  if (isCd4mlError(error)) return error;
  const { registry, what, operation } = context;
  if (lacksCredentials(error)) return new EnvironmentError(`${registry}: ${what} (${operation}): ${NO_CREDENTIALS}`, { cause: error });
  const code = errorCode(error) ?? 'Error';
  return new ServiceError(`${registry}: ${what} (${operation} failed with ${errorDetail(error, code)}); ${hint(code, httpStatus(error), context)}`, { cause: error });
}

function hint(code: string, status: number | undefined, context: SageMakerErrorContext): string {
  const on = context.group === undefined ? '' : ` on the model package group ${context.group}`;
  if (DENIED_CODES.has(code) || status === 403) {
    return `check the AWS credentials, and that the IAM policy allows sagemaker:${context.operation}${on}`;
  }
  if (THROTTLED_CODES.has(code)) return 'SageMaker kept throttling the requests after 3 attempts; try again later, or ask AWS to raise the API rate limit';
  if (code === 'ResourceLimitExceeded') return 'a SageMaker quota was reached; delete unused model packages or ask AWS to raise the quota';
  if (NETWORK_CODES.has(code)) return 'check the network and the SageMaker endpoint (AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL when set)';
  if (status !== undefined && status >= 500) return 'SageMaker failed on its side; try again later';
  if (code === 'ValidationException') return 'SageMaker refused the request; check the registry URI (group name, artifacts= bucket and region)';
  return 'check the registry URI, the region and the AWS credentials';
}

/** CD4ML_SAGEMAKER_POLL_SECONDS shortens (or lengthens) the 30 s between a wait's Describe… calls. */
export function pollInterval(env: NodeJS.ProcessEnv): { pollSeconds?: number } {
  const value = Number(env['CD4ML_SAGEMAKER_POLL_SECONDS']);
  return env['CD4ML_SAGEMAKER_POLL_SECONDS'] === undefined || !(value > 0) ? {} : { pollSeconds: value };
}
