/**
 * A failed SageMaker call of the deploy target as one line naming the endpoint, the operation,
 * SageMaker's code and message, and what to do: an EnvironmentError when no AWS credentials are
 * configured at all, a ServiceError otherwise. (The training backend's errors word their advice for
 * training jobs: sagemaker-training-errors.ts.)
 */
import { EnvironmentError, ServiceError, isCd4mlError } from '../../core/errors.js';
import { DENIED_CODES, NETWORK_CODES, NO_CREDENTIALS, THROTTLED_CODES, errorCode, errorDetail, httpStatus, lacksCredentials, shapeOf } from './aws-errors.js';

export interface DeployErrorContext {
  endpoint: string;
  /** What was being done, e.g. `cannot create the model cd4ml-churn-v3-…`. */
  what: string;
  /** The SageMaker operation, e.g. `CreateModel`. */
  operation: string;
  /** For the advice on denied calls: the role SageMaker must be allowed to pass. */
  roleArn?: string;
}

/** Operations that pass the execution role to SageMaker (iam:PassRole). */
const PASSES_ROLE = new Set(['CreateModel', 'CreateInferenceExperiment']);

export function deployError(error: unknown, context: DeployErrorContext): Error {
  if (isCd4mlError(error)) return error;
  const head = `SageMaker endpoint ${context.endpoint}: ${context.what}`;
  if (lacksCredentials(error)) return new EnvironmentError(`${head} (${context.operation}): ${NO_CREDENTIALS}`, { cause: error });
  const code = errorCode(error) ?? 'Error';
  return new ServiceError(`${head} (${context.operation} failed with ${errorDetail(error, code)}); ${hint(code, httpStatus(error), context)}`, { cause: error });
}

/** SageMaker's "Cannot create already existing model / endpoint configuration / endpoint". */
export function alreadyExists(error: unknown): boolean {
  const code = errorCode(error);
  if (code === 'ResourceInUse') return true;
  return code === 'ValidationException' && /already exist/i.test(shapeOf(error).message ?? '');
}

function hint(code: string, status: number | undefined, context: DeployErrorContext): string {
  if (DENIED_CODES.has(code) || status === 403) {
    const pass = PASSES_ROLE.has(context.operation) && context.roleArn !== undefined ? `, and iam:PassRole on ${context.roleArn}` : '';
    return `check the AWS credentials, and that the IAM policy allows sagemaker:${context.operation}${pass}`;
  }
  if (THROTTLED_CODES.has(code)) return 'SageMaker kept throttling the requests after 3 attempts; try again later, or ask AWS to raise the API rate limit';
  if (code === 'ResourceLimitExceeded') {
    return 'a SageMaker quota was reached (e.g. the number of instances of this type for endpoint usage; a blue/green update needs the new fleet beside the old one); ask AWS to raise it in Service Quotas, or choose another instance-type';
  }
  if (NETWORK_CODES.has(code)) return 'check the network and the SageMaker endpoint (AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL when set)';
  if (status !== undefined && status >= 500) return 'SageMaker failed on its side; try again later';
  if (code === 'ValidationException') return 'SageMaker refused the request; check endpoint, image, role-arn, instance-type, the model artifact and the region';
  return 'check the inputs of the sagemaker target, the region and the AWS credentials';
}
