/**
 * validate-data's bundle reading `s3://` data from s3rver (a real S3 protocol server), with the
 * endpoint from AWS_ENDPOINT_URL_S3 as a workflow would set it for an S3-compatible store.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBundle } from '../support/runner.js';
import { type LocalS3, S3RVER_CREDENTIALS, startS3rver } from '../support/s3rver.js';

const BUCKET = 'cd4ml-data';
let s3: LocalS3;
let env: Record<string, string>;

beforeAll(async () => {
  s3 = await startS3rver();
  env = { AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey, AWS_REGION: 'us-east-1' };
  const csv = readFileSync('examples/data/customers.csv', 'utf8').trimEnd().split('\n');
  // Two shards of the example data, each with the header.
  await s3.seed(BUCKET, {
    'customers/part-0.csv': `${csv.slice(0, 2001).join('\n')}\n`,
    'customers/part-1.csv': `${[csv[0], ...csv.slice(2001)].join('\n')}\n`,
  });
});

afterAll(() => s3.stop());

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
