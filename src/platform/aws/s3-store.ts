/**
 * The ObjectStore core reads S3 through: ListObjectsV2 (every page), HeadObject for sizes, and
 * GetObject with a Range header, its body streamed as it arrives. The client comes from clients.ts,
 * so `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` point it at any S3-compatible server (path-style
 * addressing then) and the region defaults to `AWS_REGION`, `AWS_DEFAULT_REGION` or `us-east-1`.
 *
 * Complexity: one request per 1000 keys listed, one per size, one per streamed range.
 *
 * Errors are one line naming the s3:// URI: a ServiceError with S3's error code and message and what
 * to check (the key, the bucket, the credentials and bucket policy, the endpoint); an
 * EnvironmentError when no AWS credentials are configured at all.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { EnvironmentError, ServiceError, isCd4mlError } from '../../core/errors.js';
import type { ByteRange, ObjectStore } from '../../core/data/source.js';
import { s3Client } from './clients.js';

export interface S3StoreOptions {
  /** A ready client (tests, or a caller with its own configuration). */
  client?: S3Client;
  /** The region for the client built when none is given. */
  region?: string;
}

export function createS3Store(options: S3StoreOptions = {}): ObjectStore {
  let client = options.client;
  const get = (): S3Client => (client ??= s3Client(options.region === undefined ? {} : { region: options.region }));

  return {
    async list(bucket: string, prefix: string): Promise<string[]> {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        let page: ListObjectsV2CommandOutput;
        try {
          page = await get().send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token === undefined ? {} : { ContinuationToken: token }) }),
          );
        } catch (error) {
          throw s3Error(error, `s3://${bucket}/${prefix}`, 'list');
        }
        for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
      return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },

    async size(bucket: string, key: string): Promise<number> {
      try {
        const head = await get().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        throw s3Error(error, `s3://${bucket}/${key}`, 'read');
      }
    },

    async *stream(bucket: string, key: string, range?: ByteRange): AsyncGenerator<Uint8Array> {
      const uri = `s3://${bucket}/${key}`;
      const start = Math.max(0, range?.start ?? 0);
      const end = range?.end;
      if (end !== undefined && end <= start) return;
      const header = range === undefined ? undefined : `bytes=${start}-${end === undefined ? '' : end - 1}`;
      let body: AsyncIterable<Uint8Array> & { destroy?: () => void };
      try {
        const object = await get().send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(header === undefined ? {} : { Range: header }) }));
        if (object.Body === undefined) return;
        body = object.Body as unknown as AsyncIterable<Uint8Array> & { destroy?: () => void };
      } catch (error) {
        throw s3Error(error, uri, 'read');
      }
      let done = false;
      try {
        try {
          for await (const piece of body) yield piece;
        } catch (error) {
          throw s3Error(error, uri, 'read');
        }
        done = true;
      } finally {
        // The consumer stopped early (or failed): release the connection.
        if (!done) body.destroy?.();
      }
    },
  };
}

interface AwsErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** An SDK or network failure as a one-line error naming the URI. */
export function s3Error(error: unknown, uri: string, action: 'read' | 'list'): Error {
  if (isCd4mlError(error)) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as AwsErrorShape;
  const status = shape.$metadata?.httpStatusCode;
  let name = shape.Code ?? shape.code ?? shape.name ?? 'Error';
  // A HEAD response has no body, so S3's error code is missing: name it from the status.
  if ((name === 'Unknown' || name === 'UnknownError') && status !== undefined) name = STATUS_NAMES.get(status) ?? name;
  const what = action === 'list' ? 'cannot list the objects' : 'cannot read the object';

  if (shape.name === 'CredentialsProviderError' || /could not load credentials/i.test(shape.message ?? '')) {
    return new EnvironmentError(
      `${uri}: ${what}: no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again`,
    );
  }

  const text = (shape.message ?? '').replace(/\s+/g, ' ').trim();
  const message = text === '' || text === name || text === 'UnknownError' ? (status === undefined ? '' : `HTTP ${status}`) : text;
  const detail = message === '' ? name : `${name}: ${message}`;
  return new ServiceError(`${uri}: ${what} (${detail}); ${hint(name, status, action)}`, { cause: error });
}

const STATUS_NAMES = new Map([
  [400, 'BadRequest'],
  [403, 'Forbidden'],
  [404, 'NotFound'],
  [500, 'InternalError'],
  [503, 'ServiceUnavailable'],
]);
const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'AllAccessDisabled']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout']);

function hint(name: string, status: number | undefined, action: 'read' | 'list'): string {
  if (name === 'NoSuchBucket') return 'check the bucket name';
  if (DENIED.has(name) || status === 403) {
    const permission = action === 'list' ? 's3:ListBucket' : 's3:GetObject';
    return `check the AWS credentials, and that the IAM and bucket policies allow ${permission}`;
  }
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) return 'check the bucket and key';
  if (NETWORK.has(name)) return 'check the network and the S3 endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set)';
  if (status !== undefined && status >= 500) return 'S3 failed on its side; try again later';
  return 'check the URI and the AWS credentials';
}
