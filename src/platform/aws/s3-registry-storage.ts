/**
 * The `s3://<bucket>/<prefix>` registry backend: a `RegistryStorage` over Amazon S3 (or an
 * S3-compatible server that implements conditional writes).
 *
 * Layout under the prefix:
 *   <prefix>/<name>/index.json                the model's index; its ETag is the compare-and-swap token
 *   <prefix>/<name>/v<version>/<file path>    the version's files (`model/…`, `record.json`, …)
 *
 * Compare-and-swap is S3's conditional write: PutObject with `If-None-Match: *` creates the index only
 * if there is none, and `If-Match: <ETag>` replaces it only if nobody wrote it since it was read. S3
 * answers 412 PreconditionFailed when the condition does not hold and 409 ConditionalRequestConflict
 * when two conditional writes race; both mean "another writer came first", so `writeIndex` returns
 * false and the caller rereads and retries. An `If-Match` write whose object has meanwhile gone is
 * answered 404 NoSuchKey, which means the same.
 *
 * A server that ignores those headers (s3rver, older MinIO and Ceph releases) silently loses one of two
 * concurrent registrations: use Amazon S3, or a server that implements conditional writes.
 *
 * Uploads stream from disk: one PutObject carrying the file's SHA-256 (`x-amz-checksum-sha256`, so S3
 * refuses a body that does not match it) up to `multipartThreshold`, a multipart upload above it (a
 * single PutObject stops at 5 GiB), each part with its own SHA-256. The SDK never retries a request
 * whose body is a stream, so transient failures of an upload (5xx, throttling, a dropped connection)
 * are retried here, with a fresh stream, up to 3 tries. Downloads stream to a temporary file beside the destination,
 * renamed over it once complete.
 *
 * Complexity: readIndex and writeIndex are one request each; putFiles one request per file (or per
 * part); models() one ListObjectsV2 per 1000 models plus one HeadObject per model.
 *
 * IAM: s3:GetObject, s3:PutObject and s3:ListBucket on the bucket and prefix (s3:AbortMultipartUpload
 * too when models exceed the multipart threshold).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { EnvironmentError, InputError, ServiceError, isCd4mlError } from '../../core/errors.js';
import type { IndexSnapshot, LocalFile, PutContext, RegistryStorage, StoredFile } from '../../core/registry/types.js';
import { backoffDelay, sleep } from '../../core/retry.js';
import { s3Client } from './clients.js';
import { s3Error } from './s3-store.js';

export interface S3RegistryStorageOptions {
  bucket: string;
  /** The key prefix the registry lives under, without leading or trailing `/` ('' for the bucket's root). */
  prefix: string;
  /** A ready client (tests, or a caller with its own configuration); else one from clients.ts. */
  client?: S3Client;
  /** The region for the client built when none is given. */
  region?: string;
  /** Files larger than this many bytes go up as multipart uploads; 256 MiB unless set (at most 5 GiB). */
  multipartThreshold?: number;
  /** The size of each part of a multipart upload; 64 MiB unless set, grown so no file needs more than 10,000 parts. */
  partSize?: number;
}

const MiB = 1024 * 1024;
const SINGLE_PUT_LIMIT = 5 * 1024 * MiB;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10_000;
/** Files (or parts) uploaded at once, and models checked at once by models(). */
const CONCURRENCY = 4;

export function createS3RegistryStorage(options: S3RegistryStorageOptions): RegistryStorage {
  const bucket = options.bucket;
  const prefix = options.prefix.replace(/^\/+|\/+$/g, '');
  const base = prefix === '' ? '' : `${prefix}/`;
  const description = `s3://${bucket}/${prefix}`;
  const threshold = Math.min(options.multipartThreshold ?? 256 * MiB, SINGLE_PUT_LIMIT);
  const partSize = Math.max(options.partSize ?? 64 * MiB, MIN_PART_SIZE);
  let client = options.client;
  const s3 = (): S3Client => (client ??= s3Client(options.region === undefined ? {} : { region: options.region }));

  const indexKey = (name: string): string => `${base}${modelSegment(name, description)}/index.json`;
  const uriOf = (key: string): string => `s3://${bucket}/${key}`;

  async function upload(key: string, file: LocalFile): Promise<void> {
    const uri = uriOf(key);
    let size: number;
    try {
      size = (await stat(file.file)).size;
    } catch (error) {
      throw new InputError(`${file.path}: cannot read ${file.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the file exists and is readable.`);
    }
    if (size !== file.size) {
      throw new InputError(`${file.path}: ${file.file} is ${size} bytes now but was ${file.size} when it was hashed; it changed during the registration. Run again once nothing writes to it.`);
    }
    if (size > threshold) {
      await uploadInParts(key, file.file, size);
      return;
    }
    try {
      await withFreshStream(() => createReadStream(file.file), (body) =>
        s3().send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentLength: size,
            ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
            ContentType: contentType(file.path),
          }),
        ),
      );
    } catch (error) {
      throw writeError(error, uri);
    }
  }

  async function uploadInParts(key: string, path: string, size: number): Promise<void> {
    const uri = uriOf(key);
    const part = Math.max(partSize, Math.ceil(size / MAX_PARTS));
    let uploadId: string | undefined;
    try {
      uploadId = (await s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType(key), ChecksumAlgorithm: 'SHA256' }))).UploadId;
      if (uploadId === undefined) throw new ServiceError(`${uri}: cannot write the object (CreateMultipartUpload returned no upload id); check the S3 endpoint.`);
      const id = uploadId;
      const count = Math.ceil(size / part);
      const parts = await mapLimit(Array.from({ length: count }, (_, index) => index), CONCURRENCY, async (index) => {
        const start = index * part;
        const end = start + Math.min(part, size - start) - 1;
        // Each part carries its own SHA-256, so S3 refuses a damaged part (and the SDK sends the body
        // plainly instead of in aws-chunked framing, which not every S3-compatible server decodes).
        const checksum = await sha256Range(path, start, end);
        const output = await withFreshStream(() => createReadStream(path, { start, end }), (body) =>
          s3().send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: index + 1, Body: body, ContentLength: end - start + 1, ChecksumSHA256: checksum })),
        );
        return { PartNumber: index + 1, ChecksumSHA256: checksum, ...(output.ETag === undefined ? {} : { ETag: output.ETag }) };
      });
      await s3().send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      if (uploadId !== undefined) {
        // Leave no invisible, billed parts behind; a failure to abort changes nothing for the caller.
        await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
      }
      throw writeError(error, uri);
    }
  }

  async function getObject(location: string): Promise<{ body: Readable & { transformToByteArray(): Promise<Uint8Array> }; uri: string }> {
    const { bucket: from, key } = parseLocation(location, description);
    try {
      const output = await s3().send(new GetObjectCommand({ Bucket: from, Key: key }));
      if (output.Body === undefined) throw new ServiceError(`${location}: cannot read the object (the response has no body); check the S3 endpoint.`);
      return { body: output.Body as unknown as Readable & { transformToByteArray(): Promise<Uint8Array> }, uri: location };
    } catch (error) {
      throw s3Error(error, location, 'read');
    }
  }

  return {
    description,

    async readIndex(name: string): Promise<IndexSnapshot> {
      const key = indexKey(name);
      try {
        const output = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        const text = output.Body === undefined ? '' : await output.Body.transformToString('utf-8');
        if (output.ETag === undefined || output.ETag === '') {
          throw new ServiceError(`${uriOf(key)}: the S3 server returned the index without an ETag, which the registry needs to detect concurrent writers; use Amazon S3 or a server that returns ETags.`);
        }
        return { text, token: output.ETag };
      } catch (error) {
        if (errorCode(error) === 'NoSuchKey') return { text: undefined, token: undefined };
        throw s3Error(error, uriOf(key), 'read');
      }
    },

    async writeIndex(name: string, text: string, token: string | undefined): Promise<boolean> {
      const key = indexKey(name);
      const body = Buffer.from(text, 'utf-8');
      try {
        await s3().send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentLength: body.length,
            ContentType: 'application/json',
            ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
            ...(token === undefined ? { IfNoneMatch: '*' } : { IfMatch: token }),
          }),
        );
        return true;
      } catch (error) {
        const code = errorCode(error);
        const status = httpStatus(error);
        if (code === 'PreconditionFailed' || status === 412) return false;
        if (code === 'ConditionalRequestConflict' || status === 409) return false;
        // If-Match on an index that was deleted since it was read.
        if (token !== undefined && code === 'NoSuchKey') return false;
        throw writeError(error, uriOf(key));
      }
    },

    async models(): Promise<string[]> {
      const candidates: string[] = [];
      let continuation: string | undefined;
      do {
        let page: ListObjectsV2CommandOutput;
        try {
          page = await s3().send(
            new ListObjectsV2Command({ Bucket: bucket, Prefix: base, Delimiter: '/', ...(continuation === undefined ? {} : { ContinuationToken: continuation }) }),
          );
        } catch (error) {
          throw s3Error(error, uriOf(base), 'list');
        }
        for (const common of page.CommonPrefixes ?? []) {
          const name = common.Prefix?.slice(base.length, -1);
          if (name !== undefined && name !== '') candidates.push(name);
        }
        continuation = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (continuation !== undefined);

      const present = await mapLimit(candidates, CONCURRENCY * 2, async (name) => {
        const key = `${base}${name}/index.json`;
        try {
          await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
          return true;
        } catch (error) {
          if (httpStatus(error) === 404) return false;
          throw s3Error(error, uriOf(key), 'read');
        }
      });
      return candidates.filter((_, index) => present[index] === true).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },

    async putFiles(name: string, version: number, files: LocalFile[], _context: PutContext): Promise<StoredFile[]> {
      if (!Number.isSafeInteger(version) || version < 1) throw new InputError(`${description}: version ${String(version)} is not a whole number from 1.`);
      const directory = `${base}${modelSegment(name, description)}/v${version}/`;
      return mapLimit(files, CONCURRENCY, async (file) => {
        const key = directory + fileSegment(file.path, description);
        await upload(key, file);
        return { path: file.path, sha256: file.sha256, size: file.size, location: uriOf(key) };
      });
    },

    async readFile(file: StoredFile): Promise<Uint8Array> {
      const { body, uri } = await getObject(file.location);
      try {
        return await body.transformToByteArray();
      } catch (error) {
        throw s3Error(error, uri, 'read');
      }
    },

    async downloadFile(file: StoredFile, destination: string): Promise<void> {
      const directory = dirname(destination);
      const temporary = join(directory, `.${basename(destination)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
      try {
        await mkdir(directory, { recursive: true });
      } catch (error) {
        throw new InputError(`${destination}: cannot create ${directory} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that it is writable.`);
      }
      const { body, uri } = await getObject(file.location);
      const output = createWriteStream(temporary);
      let local: NodeJS.ErrnoException | undefined;
      output.on('error', (error) => (local ??= error));
      try {
        await pipeline(body, output);
        await rename(temporary, destination).catch((error: unknown) => {
          local = error as NodeJS.ErrnoException;
          throw error;
        });
      } catch (error) {
        body.destroy();
        await rm(temporary, { force: true }).catch(() => undefined);
        if (local !== undefined) {
          throw new InputError(`${destination}: cannot write the download of ${uri} (${local.code ?? local.message}); check that the directory is writable and has space.`);
        }
        throw s3Error(error, uri, 'read');
      }
    },
  };
}

/** Tries of one upload (the SDK never retries a request whose body is a stream). */
const UPLOAD_ATTEMPTS = 3;

/**
 * Sends a request whose body streams from disk, opening a fresh stream for each try: the SDK does not
 * retry streaming requests itself, so a throttled, timed-out or dropped upload is retried here, with
 * jittered backoff, when S3 says the failure is transient.
 */
async function withFreshStream<T>(open: () => Readable, send: (body: Readable) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const body = open();
    try {
      return await send(body);
    } catch (error) {
      if (attempt + 1 >= UPLOAD_ATTEMPTS || !isTransient(error)) throw error;
    } finally {
      body.destroy();
    }
    await sleep(backoffDelay(attempt, { baseMs: 250, maxMs: 5000 }));
  }
}

const TRANSIENT = new Set(['SlowDown', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'ThrottlingException', 'TooManyRequestsException']);

function isTransient(error: unknown): boolean {
  if (isCd4mlError(error)) return false;
  const status = httpStatus(error);
  const code = errorCode(error) ?? '';
  return (status !== undefined && (status >= 500 || status === 429)) || TRANSIENT.has(code) || NETWORK.has(code);
}

/** The base64 SHA-256 of bytes `start`..`end` (inclusive) of a file, streamed. */
async function sha256Range(path: string, start: number, end: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start, end, highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/** `s3://bucket/key` → bucket and key; anything else means the record was not written by this backend. */
function parseLocation(location: string, description: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (match === null) {
    throw new InputError(`${description}: the file location ${JSON.stringify(location)} is not an s3://<bucket>/<key> URI; the registry index is damaged. Restore it from its S3 object versions or a backup.`);
  }
  return { bucket: match[1] as string, key: match[2] as string };
}

function modelSegment(name: string, description: string): string {
  if (name === '' || name.includes('/') || name === '.' || name === '..') {
    throw new InputError(`${description}: "${name}" is not a valid model name; use letters, digits, "-", "_" and ".".`);
  }
  return name;
}

/** A file's path inside a version as a key suffix: relative, `/`-separated, with no `.` or `..` parts. */
function fileSegment(path: string, description: string): string {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new InputError(`${description}: the file path ${JSON.stringify(path)} is not a relative path of "/"-separated names; it cannot be stored.`);
  }
  return path;
}

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.md')) return 'text/markdown; charset=utf-8';
  return 'application/octet-stream';
}

/** Runs `work` over `items` with at most `limit` at once; results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface AwsErrorShape {
  name?: string;
  message?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

function shapeOf(error: unknown): AwsErrorShape {
  return (typeof error === 'object' && error !== null ? error : {}) as AwsErrorShape;
}

function errorCode(error: unknown): string | undefined {
  const shape = shapeOf(error);
  return shape.Code ?? shape.code ?? shape.name;
}

function httpStatus(error: unknown): number | undefined {
  return shapeOf(error).$metadata?.httpStatusCode;
}

const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'AllAccessDisabled']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout']);

/**
 * A failed write as one line naming the URI, in the words of s3-store.ts's `s3Error` (which knows
 * only reads and listings): the S3 error code and message, then what to check.
 */
function writeError(error: unknown, uri: string): Error {
  if (isCd4mlError(error)) return error;
  const shape = shapeOf(error);
  const what = 'cannot write the object';
  if (shape.name === 'CredentialsProviderError' || /could not load credentials/i.test(shape.message ?? '')) {
    return new EnvironmentError(
      `${uri}: ${what}: no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again`,
    );
  }
  const status = shape.$metadata?.httpStatusCode;
  const name = errorCode(error) ?? 'Error';
  const text = (shape.message ?? '').replace(/\s+/g, ' ').trim();
  const message = text === '' || text === name || text === 'UnknownError' ? (status === undefined ? '' : `HTTP ${status}`) : text;
  const detail = message === '' ? name : `${name}: ${message}`;
  return new ServiceError(`${uri}: ${what} (${detail}); ${writeHint(name, status)}`, { cause: error });
}

function writeHint(name: string, status: number | undefined): string {
  if (name === 'NoSuchBucket') return 'check the bucket name in the registry URI';
  if (DENIED.has(name) || status === 403) {
    return 'check the AWS credentials, and that the IAM and bucket policies allow s3:PutObject (and s3:GetObject, which conditional writes need)';
  }
  if (name === 'NotImplemented' || status === 501) {
    return 'the S3 server does not implement a request the registry needs (conditional writes with If-None-Match / If-Match, or multipart uploads); use Amazon S3 or a server that does';
  }
  if (name === 'BadDigest' || name === 'InvalidDigest' || /checksum/i.test(name)) {
    return 'the uploaded bytes did not match their SHA-256; check that nothing writes to the file while it is registered, and run again';
  }
  if (name === 'EntityTooLarge') return 'the file is larger than S3 accepts in one request; lower the multipart threshold';
  if (NETWORK.has(name)) return 'check the network and the S3 endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set)';
  if (status !== undefined && status >= 500) return 'S3 failed on its side; try again later';
  return 'check the registry URI and the AWS credentials';
}
