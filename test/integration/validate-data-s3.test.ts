/**
 * validate-data's bundle reading `s3://` data from s3rver (a real S3 protocol server), with the
 * endpoint from AWS_ENDPOINT_URL_S3 as a workflow would set it for an S3-compatible store.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBundle } from '../support/runner.js';

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: { port: number; address: string; silent: boolean; directory: string }) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;

const BUCKET = 'cd4ml-data';
let dir: string;
let server: S3rverInstance;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cd4ml-s3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
  const { port } = await server.run();
  env = { AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };
  const client = new S3Client({ endpoint: env['AWS_ENDPOINT_URL_S3']!, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const csv = readFileSync('examples/data/customers.csv', 'utf8').trimEnd().split('\n');
  // Two shards of the example data, each with the header.
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'customers/part-0.csv', Body: `${csv.slice(0, 2001).join('\n')}\n` }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'customers/part-1.csv', Body: `${[csv[0], ...csv.slice(2001)].join('\n')}\n` }));
  client.destroy();
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('validates a glob of s3:// shards as one dataset', async () => {
  const run = await runBundle('validate-data', { env, inputs: { data: `s3://${BUCKET}/customers/part-*.csv`, schema: 'examples/customers.schema.yaml' } });
  expect(run.errors).toEqual([]);
  expect(run.outputs).toMatchObject({ valid: 'true', errors: '0', rows: '5000' });
  expect(run.summary).toContain('2 files · 5,000 rows · 11 columns');
});

test('an s3:// object that cannot be read fails in one line', async () => {
  const run = await runBundle('validate-data', { env, inputs: { data: `s3://${BUCKET}/customers/missing.csv` } });
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(/^validate-data: s3:\/\/cd4ml-data\/customers\/missing\.csv: cannot read the object \(NotFound: HTTP 404\)/);
});
