/**
 * How an AWS SDK (or network) failure is read, the same way for every service: its code (S3's `Code`,
 * Node's `code`, else the exception's name), its HTTP status, whether no credentials were found at
 * all, and the "code: message" detail the one-line errors of s3-store.ts and sagemaker-client.ts
 * quote (the status stands in for a message the response did not carry).
 */

export interface AwsErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

export function shapeOf(error: unknown): AwsErrorShape {
  return (typeof error === 'object' && error !== null ? error : {}) as AwsErrorShape;
}

/** The error's code as the service (or the network layer) named it. */
export function errorCode(error: unknown): string | undefined {
  const shape = shapeOf(error);
  return shape.Code ?? shape.code ?? shape.name;
}

export function httpStatus(error: unknown): number | undefined {
  return shapeOf(error).$metadata?.httpStatusCode;
}

/** The SDK found no credentials anywhere in its default chain. */
export function lacksCredentials(error: unknown): boolean {
  const shape = shapeOf(error);
  return shape.name === 'CredentialsProviderError' || /could not load credentials/i.test(shape.message ?? '');
}

/** What to do when `lacksCredentials`. */
export const NO_CREDENTIALS = 'no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again';

/** `code: message` on one line; the HTTP status when the message is empty or only repeats the code. */
export function errorDetail(error: unknown, code: string): string {
  const status = httpStatus(error);
  const text = (shapeOf(error).message ?? '').replace(/\s+/g, ' ').trim();
  const message = text === '' || text === code || text === 'UnknownError' ? (status === undefined ? '' : `HTTP ${status}`) : text;
  return message === '' ? code : `${code}: ${message}`;
}

/** Codes of a failure to reach the endpoint at all. */
export const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout']);

/** AWS error codes of a call the credentials may not make. */
export const DENIED_CODES = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredTokenException',
  'ExpiredToken',
  'MissingAuthenticationTokenException',
  'NotAuthorized',
]);
/** AWS error codes of a throttled call. */
export const THROTTLED_CODES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);
