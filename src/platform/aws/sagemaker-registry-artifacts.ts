/**
 * The S3 side of the sagemaker:// registry: the model files, profile, metrics report, records, cards
 * and audit events live in the `artifacts=s3://bucket/prefix` of the registry URI, written and read
 * with the S3 client of clients.ts. Reads and downloads go through the s3:// registry storage (any
 * s3:// location); writes are single PutObject requests streamed from disk with the file's SHA-256,
 * so S3 refuses a body that does not match it.
 *
 * IAM: s3:PutObject, s3:GetObject and s3:ListBucket on the artifacts bucket and prefix.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { GetObjectCommand, ListObjectsV2Command, type ListObjectsV2CommandOutput, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { EnvironmentError, InputError, ServiceError, isCd4mlError } from '../../core/errors.js';
import type { LocalFile, RegistryStorage, StoredFile } from '../../core/registry/types.js';
import { createS3RegistryStorage } from './s3-registry-storage.js';
import { s3Error } from './s3-store.js';

/** A single PutObject carries at most 5 GiB. */
const SINGLE_PUT_LIMIT = 5 * 1024 * 1024 * 1024;

export class ArtifactStore {
  private readonly readers = new Map<string, RegistryStorage>();

  constructor(
    private readonly client: () => S3Client,
    private readonly registry: string,
  ) {}

  uri(bucket: string, key: string): string {
    return `s3://${bucket}/${key}`;
  }

  /** Uploads a local file (streamed) and describes it as stored under `path`. */
  async putFile(bucket: string, key: string, path: string, file: LocalFile): Promise<StoredFile> {
    checkSegments(path, this.registry);
    let size: number;
    try {
      size = (await stat(file.file)).size;
    } catch (error) {
      throw new InputError(`${file.path}: cannot read ${file.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the file exists and is readable.`);
    }
    if (size !== file.size) {
      throw new InputError(`${file.path}: ${file.file} is ${size} bytes now but was ${file.size} when it was hashed; it changed during the registration. Run again once nothing writes to it.`);
    }
    if (size > SINGLE_PUT_LIMIT) {
      throw new InputError(`${file.path}: ${file.file} is ${size} bytes; the sagemaker:// registry uploads files of at most 5 GiB. Split the model, or register it in an s3:// registry.`);
    }
    const body = createReadStream(file.file);
    try {
      await this.client().send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: size,
          ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
          ContentType: contentType(key),
        }),
      );
    } catch (error) {
      throw writeError(error, this.uri(bucket, key));
    } finally {
      body.destroy();
    }
    return { path, sha256: file.sha256, size, location: this.uri(bucket, key) };
  }

  /** Writes a small text object (a record, card, report or audit event). */
  async putText(bucket: string, key: string, text: string): Promise<{ sha256: string; size: number; location: string }> {
    const body = Buffer.from(text, 'utf8');
    const sha256 = createHash('sha256').update(body).digest();
    try {
      await this.client().send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.length, ChecksumSHA256: sha256.toString('base64'), ContentType: contentType(key) }),
      );
    } catch (error) {
      throw writeError(error, this.uri(bucket, key));
    }
    return { sha256: sha256.toString('hex'), size: body.length, location: this.uri(bucket, key) };
  }

  /** The text of an object; undefined when there is no such object. */
  async getText(uri: string): Promise<string | undefined> {
    const { bucket, key } = this.parse(uri);
    try {
      const output = await this.client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return output.Body === undefined ? '' : await output.Body.transformToString('utf-8');
    } catch (error) {
      const code = (error as { Code?: string; name?: string }).Code ?? (error as { name?: string }).name;
      if (code === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw s3Error(error, uri, 'read');
    }
  }

  /** The keys under a prefix, sorted. */
  async list(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token === undefined ? {} : { ContinuationToken: token }) }));
      } catch (error) {
        throw s3Error(error, this.uri(bucket, prefix), 'list');
      }
      for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The bytes of a stored file (unchecked: the caller checks the sha256). */
  readFile(file: StoredFile): Promise<Uint8Array> {
    return this.reader(file).readFile(file);
  }

  /** Streams a stored file to `destination` (unchecked: the caller checks the sha256). */
  downloadFile(file: StoredFile, destination: string): Promise<void> {
    return this.reader(file).downloadFile(file, destination);
  }

  private reader(file: StoredFile): RegistryStorage {
    const { bucket } = this.parse(file.location);
    let reader = this.readers.get(bucket);
    if (reader === undefined) {
      reader = createS3RegistryStorage({ bucket, prefix: '', client: this.client() });
      this.readers.set(bucket, reader);
    }
    return reader;
  }

  private parse(uri: string): { bucket: string; key: string } {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (match === null) {
      throw new ServiceError(`${this.registry}: the location ${JSON.stringify(uri)} is not an s3://<bucket>/<key> URI; the model package's metadata was edited by hand.`);
    }
    return { bucket: match[1] as string, key: match[2] as string };
  }
}

/** A file's path inside a version: relative, `/`-separated, with no empty, `.` or `..` parts. */
function checkSegments(path: string, registry: string): void {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || path.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new InputError(`${registry}: the file path ${JSON.stringify(path)} is not a relative path of "/"-separated names; it cannot be stored.`);
  }
}

function contentType(key: string): string {
  if (key.endsWith('.json')) return 'application/json';
  if (key.endsWith('.md')) return 'text/markdown; charset=utf-8';
  return 'application/octet-stream';
}

const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'AllAccessDisabled']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'TimeoutError', 'RequestTimeout']);

/** A failed write as one line naming the URI, in the words of the s3:// backend. */
function writeError(error: unknown, uri: string): Error {
  if (isCd4mlError(error)) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as { name?: string; message?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  if (shape.name === 'CredentialsProviderError' || /could not load credentials/i.test(shape.message ?? '')) {
    return new EnvironmentError(`${uri}: cannot write the object: no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again`);
  }
  const status = shape.$metadata?.httpStatusCode;
  const name = shape.Code ?? shape.name ?? 'Error';
  const text = (shape.message ?? '').replace(/\s+/g, ' ').trim();
  const message = text === '' || text === name || text === 'UnknownError' ? (status === undefined ? '' : `HTTP ${status}`) : text;
  const detail = message === '' ? name : `${name}: ${message}`;
  let hint = 'check the artifacts= URI of the registry and the AWS credentials';
  if (name === 'NoSuchBucket') hint = 'check the bucket of artifacts= in the registry URI';
  else if (DENIED.has(name) || status === 403) hint = 'check the AWS credentials, and that the IAM and bucket policies allow s3:PutObject on the artifacts bucket and prefix';
  else if (NETWORK.has(name)) hint = 'check the network and the S3 endpoint (AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set)';
  else if (status !== undefined && status >= 500) hint = 'S3 failed on its side; try again later';
  return new ServiceError(`${uri}: cannot write the object (${detail}); ${hint}`, { cause: error });
}
