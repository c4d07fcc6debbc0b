/** s3rver, a real S3 protocol server, on a random loopback port, with an SDK client to seed it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: { port: number; address: string; silent: boolean; directory: string }) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

/** s3rver accepts any signature from this key pair. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  endpoint: string;
  /** A scratch directory beside the store, removed by stop(). */
  dir: string;
  /** Creates `bucket` and uploads the objects (key → body), 25 at a time. */
  seed(bucket: string, objects: Record<string, string | Uint8Array>): Promise<void>;
  stop(): Promise<void>;
}

export async function startS3rver(): Promise<LocalS3> {
  const dir = await mkdtemp(join(tmpdir(), 'cd4ml-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 'store') });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    dir,
    async seed(bucket, objects) {
      const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS, requestChecksumCalculation: 'WHEN_REQUIRED' });
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const entries = Object.entries(objects);
      for (let i = 0; i < entries.length; i += 25) {
        await Promise.all(entries.slice(i, i + 25).map(([key, body]) => client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))));
      }
      client.destroy();
    },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
