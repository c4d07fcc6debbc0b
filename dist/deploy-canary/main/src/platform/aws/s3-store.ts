/**
 * The ObjectStore core reads S3 through: ListObjectsV2 (every page), HeadObject for sizes, and
 * GetObject with a Range header, its body streamed as it arrives. The client comes from clients.ts,
 * so `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` point it at any S3-compatible server (path-style
 * addressing then) and the region defaults to `AWS_REGION`, `AWS_DEFAULT_REGION` or `us-east-1`.
 *
 * Complexity: one request per 1000 keys listed, one per size, one per streamed range.
 *
 * Errors are one line naming the s3:// URI and what to check (s3-errors.ts).
 */
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ByteRange, ObjectStore } from '../../core/data/source.js';
import { s3Client } from './clients.js';
import { s3Error } from './s3-errors.js';
import { S3Objects, s3Uri } from './s3-objects.js';

export interface S3StoreOptions {
  /** A ready client (tests, or a caller with its own configuration). */
  client?: S3Client;
  /** The region for the client built when none is given. */
  region?: string;
}

export function createS3Store(options: S3StoreOptions = {}): ObjectStore {
  let client = options.client;
  const get = (): S3Client => (client ??= s3Client(options.region === undefined ? {} : { region: options.region }));
  const objects = new S3Objects(get);

  return {
    async list(bucket: string, prefix: string): Promise<string[]> {
      return objects.keys(bucket, prefix);
    },

    async size(bucket: string, key: string): Promise<number> {
      try {
        const head = await get().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        throw s3Error(error, s3Uri(bucket, key), 'read');
      }
    },

    async *stream(bucket: string, key: string, range?: ByteRange): AsyncGenerator<Uint8Array> {
      const uri = s3Uri(bucket, key);
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
