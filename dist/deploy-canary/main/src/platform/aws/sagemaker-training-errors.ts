/**
 * A failed SageMaker call of the training backend as one line naming the job, the operation, SageMaker's
 * code and message, and what to do: an EnvironmentError when no AWS credentials are configured at all,
 * a ServiceError otherwise. (sagemaker-client.ts's `sagemakerError` words its advice for the registry.)
 */
import { EnvironmentError, ServiceError, isCd4mlError } from '../../core/errors.js';
import { DENIED_CODES, NETWORK_CODES, NO_CREDENTIALS, THROTTLED_CODES, errorCode, errorDetail, httpStatus, lacksCredentials } from './aws-errors.js';


export interface TrainingErrorContext {
  jobName: string;
  /** What was being done, e.g. `cannot start the training job`. */
  what: string;
  /** The SageMaker operation, e.g. `CreateTrainingJob`. */
  operation: string;
  /** For the advice on denied calls: the role SageMaker must be allowed to pass. */
  roleArn?: string;
}

export function trainingError(error: unknown, context: TrainingErrorContext): Error {
  if (isCd4mlError(error)) return error;
  const head = `SageMaker training job ${context.jobName}: ${context.what}`;
  if (lacksCredentials(error)) return new EnvironmentError(`${head} (${context.operation}): ${NO_CREDENTIALS}`, { cause: error });
  const code = errorCode(error) ?? 'Error';
  return new ServiceError(`${head} (${context.operation} failed with ${errorDetail(error, code)}); ${hint(code, httpStatus(error), context)}`, { cause: error });
}

/** A failure worth another poll: throttling, a network error, a 5xx. */
export function isTransient(error: unknown): boolean {
  if (isCd4mlError(error) || lacksCredentials(error)) return false;
  const code = errorCode(error) ?? '';
  const status = httpStatus(error);
  return THROTTLED_CODES.has(code) || NETWORK_CODES.has(code) || (status !== undefined && (status >= 500 || status === 429));
}

function hint(code: string, status: number | undefined, context: TrainingErrorContext): string {
  if (DENIED_CODES.has(code) || status === 403) {
    const pass = context.operation === 'CreateTrainingJob' && context.roleArn !== undefined ? `, and iam:PassRole on ${context.roleArn}` : '';
    return `check the AWS credentials, and that the IAM policy allows sagemaker:${context.operation}${pass}`;
  }
  if (THROTTLED_CODES.has(code)) return 'SageMaker kept throttling the requests after 3 attempts; try again later, or ask AWS to raise the API rate limit';
  if (code === 'ResourceLimitExceeded') {
    return 'a SageMaker quota was reached (e.g. the number of instances of this type for training jobs, or for spot training); ask AWS to raise it in Service Quotas, or choose another instance-type';
  }
  if (code === 'ResourceInUse') return 'a training job with this name exists already; training job names are unique per account and region, so run again for a new name';
  if (NETWORK_CODES.has(code)) return 'check the network and the SageMaker endpoint (AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL when set)';
  if (status !== undefined && status >= 500) return 'SageMaker failed on its side; try again later';
  if (code === 'ValidationException') return 'SageMaker refused the request; check image, role-arn, instance-type, s3-input, s3-output and the region';
  return 'check the inputs of the sagemaker backend, the region and the AWS credentials';
}
