/**
 * S3 failures as one line naming the s3:// URI: a ServiceError with S3's error code and message and
 * what to check (the key, the bucket, the credentials and the IAM permission the action needs, the
 * endpoint, a server lacking conditional writes); an EnvironmentError when no AWS credentials are
 * configured at all. Used by the ObjectStore (s3-store.ts) and the registry's S3 objects (s3-objects.ts).
 */
import { EnvironmentError, ServiceError, isCd4mlError } from '../../core/errors.js';
import { NETWORK_CODES, NO_CREDENTIALS, errorCode, errorDetail, httpStatus, lacksCredentials } from './aws-errors.js';

export type S3Action = 'read' | 'list' | 'write';

/** The advice that ends the message, from S3's error code and the HTTP status. */
export type S3Hint = (code: string, status: number | undefined, action: S3Action) => string;

const WHAT: Record<S3Action, string> = { read: 'cannot read the object', list: 'cannot list the objects', write: 'cannot write the object' };

/** An SDK or network failure as a one-line error naming the URI; `hint` words the advice for its caller. */
export function s3Error(error: unknown, uri: string, action: S3Action, hint: S3Hint = s3Hint): Error {
  if (isCd4mlError(error)) return error;
  const what = WHAT[action];
  if (lacksCredentials(error)) return new EnvironmentError(`${uri}: ${what}: ${NO_CREDENTIALS}`);
  const status = httpStatus(error);
  let code = errorCode(error) ?? 'Error';
  // A HEAD response has no body, so S3's error code is missing: name it from the status.
  if ((code === 'Unknown' || code === 'UnknownError') && status !== undefined) code = STATUS_NAMES.get(status) ?? code;
  return new ServiceError(`${uri}: ${what} (${errorDetail(error, code)}); ${hint(code, status, action)}`, { cause: error });
}

const STATUS_NAMES = new Map([
  [400, 'BadRequest'],
  [403, 'Forbidden'],
  [404, 'NotFound'],
  [500, 'InternalError'],
  [503, 'ServiceUnavailable'],
]);
const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'AllAccessDisabled']);

/** S3 refused the credentials or the request (the IAM or bucket policy). */
export function isDenied(code: string, status: number | undefined): boolean {
  return DENIED.has(code) || status === 403;
}

/** The advice of the s3:// URIs the user names (data sources and the s3:// registry). */
export function s3Hint(code: string, status: number | undefined, action: S3Action): string {
  const write = action === 'write';
  if (code === 'NoSuchBucket') return write ? 'check the bucket name in the registry URI' : 'check the bucket name';
  if (isDenied(code, status)) {
    const permission = write ? 's3:PutObject (and s3:GetObject, which conditional writes need)' : action === 'list' ? 's3:ListBucket' : 's3:GetObject';
    return `check the AWS credentials, and that the IAM and bucket policies allow ${permission}`;
  }
  if (write) {
    if (code === 'NotImplemented' || status === 501) {
      return 'the S3 server does not implement a request the registry needs (conditional writes with If-None-Match / If-Match, or multipart uploads); use Amazon S3 or a server that does';
    }
    if (code === 'BadDigest' || code === 'InvalidDigest' || /checksum/i.test(code)) {
      return 'the uploaded bytes did not match their SHA-256; check that nothing writes to the file while it is registered, and run again';
    }
    if (code === 'EntityTooLarge') return 'the file is larger than S3 accepts in one request; lower the multipart threshold';
  } else if (code === 'NoSuchKey' || code === 'NotFound' || status === 404) {
    return 'check the bucket and key';
  }
  return transientHint(code, status) ?? (write ? 'check the registry URI and the AWS credentials' : 'check the URI and the AWS credentials');
}

/** The advice for a network failure or an S3 failure on its side; undefined for anything else. */
export function transientHint(code: string, status: number | undefined): string | undefined {
  if (NETWORK_CODES.has(code)) return 'check the network and the S3 endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set)';
  if (status !== undefined && status >= 500) return 'S3 failed on its side; try again later';
  return undefined;
}
