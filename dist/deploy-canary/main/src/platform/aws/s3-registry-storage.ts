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
 * The objects are read and written through s3-objects.ts: uploads stream from disk with the file's
 * SHA-256 (multipart above `multipartThreshold`, transient failures retried with a fresh stream), and
 * downloads stream to a temporary file beside the destination, renamed over it once complete.
 *
 * Complexity: readIndex and writeIndex are one request each; putFiles one request per file (or per
 * part); models() one ListObjectsV2 per 1000 models plus one HeadObject per model.
 *
 * IAM: s3:GetObject, s3:PutObject and s3:ListBucket on the bucket and prefix (s3:AbortMultipartUpload
 * too when models exceed the multipart threshold).
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { InputError, ServiceError } from '../../core/errors.js';
import { mapLimit } from '../../core/map-limit.js';
import type { IndexSnapshot, LocalFile, PutContext, RegistryStorage, StoredFile } from '../../core/registry/types.js';
import { httpStatus } from './aws-errors.js';
import { s3Client } from './clients.js';
import { s3Error } from './s3-errors.js';
import { S3Objects, type S3ObjectsOptions, keySuffix, s3Uri } from './s3-objects.js';

/** Also the multipart settings of s3-objects.ts (`multipartThreshold`, `partSize`). */
export interface S3RegistryStorageOptions extends Omit<S3ObjectsOptions, 'hint'> {
  bucket: string;
  /** The key prefix the registry lives under, without leading or trailing `/` ('' for the bucket's root). */
  prefix: string;
  /** A ready client (tests, or a caller with its own configuration); else one from clients.ts. */
  client?: S3Client;
  /** The region for the client built when none is given. */
  region?: string;
}

/** Files uploaded at once, and models checked at once by models() (twice as many). */
const CONCURRENCY = 4;

export function createS3RegistryStorage(options: S3RegistryStorageOptions): RegistryStorage {
  const bucket = options.bucket;
  const prefix = options.prefix.replace(/^\/+|\/+$/g, '');
  const base = prefix === '' ? '' : `${prefix}/`;
  const description = `s3://${bucket}/${prefix}`;
  let client = options.client;
  const s3 = (): S3Client => (client ??= s3Client(options.region === undefined ? {} : { region: options.region }));
  const objects = new S3Objects(s3, options);

  const indexKey = (name: string): string => `${base}${modelSegment(name, description)}/index.json`;

  return {
    description,

    async readIndex(name: string): Promise<IndexSnapshot> {
      const key = indexKey(name);
      const object = await objects.readIfPresent(bucket, key);
      if (object === undefined) return { text: undefined, token: undefined };
      if (object.etag === undefined || object.etag === '') {
        throw new ServiceError(`${s3Uri(bucket, key)}: the S3 server returned the index without an ETag, which the registry needs to detect concurrent writers; use Amazon S3 or a server that returns ETags.`);
      }
      return { text: Buffer.from(object.bytes).toString('utf-8'), token: object.etag };
    },

    async writeIndex(name: string, text: string, token: string | undefined): Promise<boolean> {
      return objects.put(bucket, indexKey(name), Buffer.from(text, 'utf-8'), token === undefined ? { IfNoneMatch: '*' } : { IfMatch: token });
    },

    async models(): Promise<string[]> {
      const candidates = await objects.folders(bucket, base);
      const present = await mapLimit(candidates, CONCURRENCY * 2, async (name) => {
        const key = `${base}${name}/index.json`;
        try {
          await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
          return true;
        } catch (error) {
          if (httpStatus(error) === 404) return false;
          throw s3Error(error, s3Uri(bucket, key), 'read');
        }
      });
      return candidates.filter((_, index) => present[index] === true).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },

    async putFiles(name: string, version: number, files: LocalFile[], _context: PutContext): Promise<StoredFile[]> {
      if (!Number.isSafeInteger(version) || version < 1) throw new InputError(`${description}: version ${String(version)} is not a whole number from 1.`);
      const directory = `${base}${modelSegment(name, description)}/v${version}/`;
      return mapLimit(files, CONCURRENCY, async (file) => {
        const key = directory + keySuffix(file.path, description);
        await objects.upload(bucket, key, file);
        return { path: file.path, sha256: file.sha256, size: file.size, location: s3Uri(bucket, key) };
      });
    },

    async readFile(file: StoredFile): Promise<Uint8Array> {
      const { bucket: from, key } = parseLocation(file.location, description);
      return objects.read(from, key);
    },

    async downloadFile(file: StoredFile, destination: string): Promise<void> {
      const { bucket: from, key } = parseLocation(file.location, description);
      return objects.download(from, key, destination);
    },
  };
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
