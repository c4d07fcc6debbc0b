/**
 * The S3 object operations the registries share (the s3:// registry storage and the artifacts of the
 * sagemaker:// registry), and the listing of the ObjectStore:
 * - `upload` streams a local file from disk after checking it still has the size it was hashed at:
 *   one PutObject carrying the file's SHA-256 (`x-amz-checksum-sha256`, so S3 refuses a body that
 *   does not match it) up to `multipartThreshold`, a multipart upload above it (a single PutObject
 *   stops at 5 GiB), each part with its own SHA-256. The SDK never retries a request whose body is a
 *   stream, so transient failures (5xx, throttling, a dropped connection) are retried here, with a
 *   fresh stream, up to 3 tries; a failed multipart upload is aborted.
 * - `put` writes bytes in one PutObject with their SHA-256, optionally as a conditional write
 *   (`If-None-Match: *` or `If-Match: <ETag>`): S3 answers 412 PreconditionFailed when the condition
 *   does not hold, 409 ConditionalRequestConflict when two conditional writes race, and 404 NoSuchKey
 *   when an `If-Match` object has meanwhile gone; all three mean "another writer came first", and
 *   `put` returns false.
 * - `read` gives an object's bytes; `readIfPresent` its bytes and ETag, or undefined when there is no
 *   such object; `download` streams it to a temporary file beside the destination, renamed over it
 *   once complete.
 * - `keys` lists the keys under a prefix, `folders` the names of the "folders" right under it.
 *
 * Complexity: one request per object read or written (one per part above the threshold, at most 4
 * parts at once), one per 1000 keys listed.
 *
 * IAM: s3:PutObject, s3:GetObject and s3:ListBucket (s3:AbortMultipartUpload too when files exceed
 * the multipart threshold).
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
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { InputError, ServiceError, isCd4mlError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import type { LocalFile } from '../../core/registry/types.js';
import { backoffDelay, sleep } from '../../core/retry.js';
import { NETWORK_CODES, errorCode, httpStatus } from './aws-errors.js';
import { type S3Action, type S3Hint, s3Error, s3Hint } from './s3-errors.js';

export interface S3ObjectsOptions {
  /** Files larger than this many bytes go up as multipart uploads; 256 MiB unless set (at most 5 GiB). */
  multipartThreshold?: number;
  /** The size of each part of a multipart upload; 64 MiB unless set, grown so no file needs more than 10,000 parts. */
  partSize?: number;
  /** The advice that ends error messages; s3-errors.ts's `s3Hint` unless set. */
  hint?: S3Hint;
}

/** A conditional write: create only if absent, or replace only the version with this ETag. */
export type WriteCondition = { IfNoneMatch: '*' } | { IfMatch: string };

export interface S3Object {
  bytes: Uint8Array;
  etag: string | undefined;
}

const MiB = 1024 * 1024;
const SINGLE_PUT_LIMIT = 5 * 1024 * MiB;
const MIN_PART_SIZE = 5 * MiB;
const MAX_PARTS = 10_000;
/** Parts of one multipart upload sent at once. */
const PARTS_AT_ONCE = 4;
/** Tries of one upload (the SDK never retries a request whose body is a stream). */
const UPLOAD_ATTEMPTS = 3;

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export class S3Objects {
  private readonly threshold: number;
  private readonly partSize: number;
  private readonly hint: S3Hint;

  /** `client` is called for each request, so a caller can build its client lazily. */
  constructor(
    private readonly client: () => S3Client,
    options: S3ObjectsOptions = {},
  ) {
    this.threshold = Math.min(options.multipartThreshold ?? 256 * MiB, SINGLE_PUT_LIMIT);
    this.partSize = Math.max(options.partSize ?? 64 * MiB, MIN_PART_SIZE);
    this.hint = options.hint ?? s3Hint;
  }

  /** Uploads a local file, streamed, refusing it when its size changed since it was hashed. */
  async upload(bucket: string, key: string, file: LocalFile): Promise<void> {
    let size: number;
    try {
      size = (await stat(file.file)).size;
    } catch (error) {
      throw new InputError(`${file.path}: cannot read ${file.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the file exists and is readable.`);
    }
    if (size !== file.size) {
      throw new InputError(`${file.path}: ${file.file} is ${size} bytes now but was ${file.size} when it was hashed; it changed during the registration. Run again once nothing writes to it.`);
    }
    if (size > this.threshold) {
      await this.uploadInParts(bucket, key, file.file, size);
      return;
    }
    try {
      await withFreshStream(() => createReadStream(file.file), (body) =>
        this.client().send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentLength: size,
            ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
            ContentType: contentType(key),
          }),
        ),
      );
    } catch (error) {
      throw this.error(error, s3Uri(bucket, key), 'write');
    }
  }

  /** Writes bytes in one request; with a condition, false when it did not hold (another writer came first). */
  async put(bucket: string, key: string, body: Uint8Array, condition?: WriteCondition): Promise<boolean> {
    try {
      await this.client().send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: contentType(key),
          ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
          ...condition,
        }),
      );
      return true;
    } catch (error) {
      if (condition !== undefined && conditionFailed(error, condition)) return false;
      throw this.error(error, s3Uri(bucket, key), 'write');
    }
  }

  /** The bytes of an object that must exist (unchecked: the caller checks a sha256 it knows). */
  async read(bucket: string, key: string): Promise<Uint8Array> {
    try {
      return (await this.get(bucket, key)).bytes;
    } catch (error) {
      throw this.error(error, s3Uri(bucket, key), 'read');
    }
  }

  /** The bytes and ETag of an object; undefined when there is no such object. */
  async readIfPresent(bucket: string, key: string): Promise<S3Object | undefined> {
    try {
      return await this.get(bucket, key);
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw this.error(error, s3Uri(bucket, key), 'read');
    }
  }

  /** Streams an object to `destination` through a temporary file beside it (unchecked, as `read`). */
  async download(bucket: string, key: string, destination: string): Promise<void> {
    const uri = s3Uri(bucket, key);
    const directory = dirname(destination);
    const temporary = join(directory, `.${basename(destination)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
    try {
      await mkdir(directory, { recursive: true });
    } catch (error) {
      throw new InputError(`${destination}: cannot create ${directory} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that it is writable.`);
    }
    let body: Readable;
    try {
      const output = await this.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (output.Body === undefined) throw noBody(uri);
      body = output.Body as unknown as Readable;
    } catch (error) {
      throw this.error(error, uri, 'read');
    }
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
      throw this.error(error, uri, 'read');
    }
  }

  /** The keys under `prefix`, sorted. */
  async keys(bucket: string, prefix: string): Promise<string[]> {
    return (await this.list(bucket, prefix, undefined)).keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The names of the folders right under `prefix` (which ends with `/` or is empty): `<prefix><name>/…`. */
  async folders(bucket: string, prefix: string): Promise<string[]> {
    const { prefixes } = await this.list(bucket, prefix, '/');
    return prefixes.map((folder) => folder.slice(prefix.length, -1)).filter((name) => name !== '');
  }

  private async list(bucket: string, prefix: string, delimiter: string | undefined): Promise<{ keys: string[]; prefixes: string[] }> {
    const keys: string[] = [];
    const prefixes: string[] = [];
    let token: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client().send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
      } catch (error) {
        throw this.error(error, s3Uri(bucket, prefix), 'list');
      }
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      for (const common of page.CommonPrefixes ?? []) if (common.Prefix !== undefined) prefixes.push(common.Prefix);
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return { keys, prefixes };
  }

  private async get(bucket: string, key: string): Promise<S3Object> {
    const output = await this.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (output.Body === undefined) throw noBody(s3Uri(bucket, key));
    return { bytes: await output.Body.transformToByteArray(), etag: output.ETag };
  }

  private async uploadInParts(bucket: string, key: string, path: string, size: number): Promise<void> {
    const uri = s3Uri(bucket, key);
    const part = Math.max(this.partSize, Math.ceil(size / MAX_PARTS));
    let uploadId: string | undefined;
    try {
      uploadId = (await this.client().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType(key), ChecksumAlgorithm: 'SHA256' }))).UploadId;
      if (uploadId === undefined) throw new ServiceError(`${uri}: cannot write the object (CreateMultipartUpload returned no upload id); check the S3 endpoint.`);
      const id = uploadId;
      const count = Math.ceil(size / part);
      const parts = await mapLimit(Array.from({ length: count }, (_, index) => index), PARTS_AT_ONCE, async (index) => {
        const start = index * part;
        const end = start + Math.min(part, size - start) - 1;
        // Each part carries its own SHA-256, so S3 refuses a damaged part (and the SDK sends the body
        // plainly instead of in aws-chunked framing, which not every S3-compatible server decodes).
        const checksum = await sha256Range(path, start, end);
        const output = await withFreshStream(() => createReadStream(path, { start, end }), (body) =>
          this.client().send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: id, PartNumber: index + 1, Body: body, ContentLength: end - start + 1, ChecksumSHA256: checksum })),
        );
        return { PartNumber: index + 1, ChecksumSHA256: checksum, ...(output.ETag === undefined ? {} : { ETag: output.ETag }) };
      });
      await this.client().send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: id, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      if (uploadId !== undefined) {
        // Leave no invisible, billed parts behind; a failure to abort changes nothing for the caller.
        await this.client().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
      }
      throw this.error(error, uri, 'write');
    }
  }

  private error(error: unknown, uri: string, action: S3Action): Error {
    return s3Error(error, uri, action, this.hint);
  }
}

/** A file's path inside a version as a key suffix: relative, `/`-separated, with no empty, `.` or `..` parts. */
export function keySuffix(path: string, owner: string): string {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new InputError(`${owner}: the file path ${JSON.stringify(path)} is not a relative path of "/"-separated names; it cannot be stored.`);
  }
  return path;
}

/** S3's "no such object" (a 404 other than a missing bucket). */
function isMissingObject(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'NoSuchKey' || (httpStatus(error) === 404 && code !== 'NoSuchBucket');
}

/** A conditional write refused because another writer came first. */
function conditionFailed(error: unknown, condition: WriteCondition): boolean {
  const code = errorCode(error);
  const status = httpStatus(error);
  if (code === 'PreconditionFailed' || status === 412) return true;
  if (code === 'ConditionalRequestConflict' || status === 409) return true;
  // If-Match on an object that was deleted since it was read.
  return 'IfMatch' in condition && code === 'NoSuchKey';
}

function noBody(uri: string): ServiceError {
  return new ServiceError(`${uri}: cannot read the object (the response has no body); check the S3 endpoint.`);
}

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
  return (status !== undefined && (status >= 500 || status === 429)) || TRANSIENT.has(code) || NETWORK_CODES.has(code);
}

/** The base64 SHA-256 of bytes `start`..`end` (inclusive) of a file, streamed. */
async function sha256Range(path: string, start: number, end: number): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { start, end, highWaterMark: MiB })) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

function contentType(key: string): string {
  if (key.endsWith('.json')) return 'application/json';
  if (key.endsWith('.md')) return 'text/markdown; charset=utf-8';
  return 'application/octet-stream';
}
