/**
 * The S3 side of the sagemaker:// registry: the model files, profile, metrics report, records, cards
 * and audit events live in the `artifacts=s3://bucket/prefix` of the registry URI, written and read
 * through s3-objects.ts with the S3 client of clients.ts: files stream from disk with their SHA-256
 * (multipart above 256 MiB, transient failures retried), so S3 refuses a body that does not match it.
 * Errors name the artifacts= URI where the s3:// registry's would name the registry URI.
 *
 * IAM: s3:PutObject, s3:GetObject and s3:ListBucket on the artifacts bucket and prefix
 * (s3:AbortMultipartUpload too for files over 256 MiB).
 */
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { ServiceError } from '../../core/errors.js';
import type { LocalFile, StoredFile } from '../../core/registry/types.js';
import { type S3Action, isDenied, s3Hint, transientHint } from './s3-errors.js';
import { S3Objects, keySuffix, s3Uri } from './s3-objects.js';

export class ArtifactStore {
  private readonly objects: S3Objects;

  constructor(
    client: () => S3Client,
    private readonly registry: string,
  ) {
    this.objects = new S3Objects(client, { hint: artifactsHint });
  }

  uri(bucket: string, key: string): string {
    return s3Uri(bucket, key);
  }

  /** Uploads a local file (streamed) and describes it as stored under `path`. */
  async putFile(bucket: string, key: string, path: string, file: LocalFile): Promise<StoredFile> {
    keySuffix(path, this.registry);
    await this.objects.upload(bucket, key, file);
    return { path, sha256: file.sha256, size: file.size, location: s3Uri(bucket, key) };
  }

  /** Writes a small text object (a record, card, report or audit event). */
  async putText(bucket: string, key: string, text: string): Promise<{ sha256: string; size: number; location: string }> {
    const body = Buffer.from(text, 'utf8');
    await this.objects.put(bucket, key, body);
    return { sha256: createHash('sha256').update(body).digest('hex'), size: body.length, location: s3Uri(bucket, key) };
  }

  /** The text of an object; undefined when there is no such object. */
  async getText(uri: string): Promise<string | undefined> {
    const { bucket, key } = this.parse(uri);
    const object = await this.objects.readIfPresent(bucket, key);
    return object === undefined ? undefined : Buffer.from(object.bytes).toString('utf-8');
  }

  /** The keys under a prefix, sorted. */
  async list(bucket: string, prefix: string): Promise<string[]> {
    return this.objects.keys(bucket, prefix);
  }

  /** The bytes of a stored file (unchecked: the caller checks the sha256). */
  async readFile(file: StoredFile): Promise<Uint8Array> {
    const { bucket, key } = this.parse(file.location);
    return this.objects.read(bucket, key);
  }

  /** Streams a stored file to `destination` (unchecked: the caller checks the sha256). */
  async downloadFile(file: StoredFile, destination: string): Promise<void> {
    const { bucket, key } = this.parse(file.location);
    return this.objects.download(bucket, key, destination);
  }

  private parse(uri: string): { bucket: string; key: string } {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    if (match === null) {
      throw new ServiceError(`${this.registry}: the location ${JSON.stringify(uri)} is not an s3://<bucket>/<key> URI; the model package's metadata was edited by hand.`);
    }
    return { bucket: match[1] as string, key: match[2] as string };
  }
}

/** The advice of a failed write names the artifacts= part of the registry URI; reads and listings get s3Hint's. */
function artifactsHint(code: string, status: number | undefined, action: S3Action): string {
  if (action !== 'write') return s3Hint(code, status, action);
  if (code === 'NoSuchBucket') return 'check the bucket of artifacts= in the registry URI';
  if (isDenied(code, status)) return 'check the AWS credentials, and that the IAM and bucket policies allow s3:PutObject on the artifacts bucket and prefix';
  return transientHint(code, status) ?? 'check the artifacts= URI of the registry and the AWS credentials';
}
