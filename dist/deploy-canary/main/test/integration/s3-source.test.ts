/**
 * The S3 object store against s3rver, a real S3 protocol server on a random local port: objects are
 * uploaded with the AWS SDK, then found, sized, streamed and read in ranges through resolveSources
 * and createS3Store, with the endpoint taken from AWS_ENDPOINT_URL_S3 as in a workflow.
 */
import type { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EnvironmentError, ServiceError } from '../../src/core/errors.js';
import { readParquet } from '../../src/core/data/parquet-reader.js';
import { resolveSources } from '../../src/core/data/resolve-sources.js';
import type { ByteSource } from '../../src/core/data/source.js';
import type { CellValue, TableConsumer } from '../../src/core/data/table.js';
import type { RowView } from '../../src/core/data/csv-tokenizer.js';
import { awsRegion, configuredEndpoint, s3Client } from '../../src/platform/aws/clients.js';
import { createS3Store } from '../../src/platform/aws/s3-store.js';
import { isolateAwsEnv, setS3rverCredentials } from '../support/aws-env.js';
import { rejection } from '../support/readers.js';
import { type LocalS3, startS3rver } from '../support/s3rver.js';


/** Records what a reader hands over. */
class Recorder implements TableConsumer {
  readonly columnCalls: string[][] = [];
  readonly rows: Array<{ values: CellValue[]; line: number }> = [];
  columns(names: readonly string[]): void {
    this.columnCalls.push([...names]);
  }
  csvRow(_row: RowView): void {
    throw new Error('unexpected CSV row');
  }
  valueRow(values: readonly CellValue[], line: number): void {
    this.rows.push({ values: Array.from(values), line });
  }
}

const BUCKET = 'cd4ml-data';

let dir: string;
let s3: LocalS3;
let endpoint: string;
let restoreEnv: (() => void) | undefined;
const big = Buffer.alloc(3 * 1024 * 1024 + 777);
for (let i = 0; i < big.length; i += 1) big[i] = (i * 7 + (i >> 11)) % 256;
const parquet = parquetWriteBuffer({
  columnData: [
    { name: 'id', data: Array.from({ length: 25 }, (_, i) => i), type: 'INT32' },
    { name: 'label', data: Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? 'even' : 'odd')), type: 'STRING' },
  ],
  rowGroupSize: 10,
});

beforeAll(async () => {
  s3 = await startS3rver();
  dir = s3.dir;
  endpoint = s3.endpoint;

  restoreEnv = isolateAwsEnv(dir, { AWS_ENDPOINT_URL_S3: endpoint });
  setS3rverCredentials();

  const objects: Array<[string, Uint8Array]> = [
    ['train/part-2.csv', Buffer.from('id,label\n3,c\n')],
    ['train/part-1.csv', Buffer.from('id,label\n1,a\n2,b\n')],
    ['train/notes.txt', Buffer.from('not data')],
    ['train/nested/part-3.csv', Buffer.from('id,label\n4,d\n')],
    ['trainer/part-9.csv', Buffer.from('id,label\n9,z\n')],
    ['big.bin', big],
    ['table.parquet', new Uint8Array(parquet)],
  ];
  // Exactly one full page: s3rver cannot make continuation tokens under OpenSSL 3 (pagination is tested below).
  for (let i = 0; i < 1000; i += 1) objects.push([`many/shard-${String(i).padStart(4, '0')}.csv`, Buffer.from(`n\n${i}\n`)]);
  await s3.seed(BUCKET, Object.fromEntries(objects));
});

afterAll(async () => {
  await s3?.stop();
  restoreEnv?.();
});

async function bytes(source: ByteSource, range?: { start: number; end?: number }): Promise<{ data: Buffer; chunks: number[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.stream(range)) chunks.push(chunk);
  return { data: Buffer.concat(chunks), chunks: chunks.map((chunk) => chunk.length) };
}

describe('reading objects over AWS_ENDPOINT_URL_S3 (path-style)', () => {
  test('an object URI: size, bytes, ranges', async () => {
    const [source, ...rest] = await resolveSources([`s3://${BUCKET}/train/part-1.csv`], { cwd: dir, store: createS3Store() });
    expect(rest).toEqual([]);
    expect(source).toMatchObject({ name: `s3://${BUCKET}/train/part-1.csv`, size: 17, local: false });
    const object = source as ByteSource;
    expect((await bytes(object)).data.toString()).toBe('id,label\n1,a\n2,b\n');
    expect((await bytes(object, { start: 9 })).data.toString()).toBe('1,a\n2,b\n');
    expect((await bytes(object, { start: 9, end: 12 })).data.toString()).toBe('1,a');
    expect((await object.read(13, 17)).toString()).toBe('2,b\n');
    expect((await object.read(0, 0)).length).toBe(0);
    expect((await object.read(15, 99)).toString()).toBe('b\n');
  });

  test('a large object streams in chunks of about 1 MiB', async () => {
    const [source] = await resolveSources([`s3://${BUCKET}/big.bin`], { cwd: dir, store: createS3Store() });
    const whole = await bytes(source as ByteSource);
    expect(whole.data.equals(big)).toBe(true);
    expect(whole.chunks.slice(0, -1).every((length) => length >= 1024 * 1024 && length < 1024 * 1024 + 256 * 1024)).toBe(true);
    const middle = await bytes(source as ByteSource, { start: 1_000_000, end: 2_500_000 });
    expect(middle.data.equals(big.subarray(1_000_000, 2_500_000))).toBe(true);
    expect((await (source as ByteSource).read(3 * 1024 * 1024, big.length)).equals(big.subarray(3 * 1024 * 1024))).toBe(true);
  });

  test('a glob over a prefix', async () => {
    const sources = await resolveSources([`s3://${BUCKET}/train/*.csv`], { cwd: dir, store: createS3Store() });
    expect(sources.map((source) => [source.name, source.size])).toEqual([
      [`s3://${BUCKET}/train/part-1.csv`, 17],
      [`s3://${BUCKET}/train/part-2.csv`, 13],
    ]);
    const deep = await resolveSources([`s3://${BUCKET}/train/**/part-*.csv`], { cwd: dir, store: createS3Store() });
    expect(deep.map((source) => source.name)).toEqual([
      `s3://${BUCKET}/train/nested/part-3.csv`,
      `s3://${BUCKET}/train/part-1.csv`,
      `s3://${BUCKET}/train/part-2.csv`,
    ]);
  });

  test('many objects under a prefix', async () => {
    const keys = await createS3Store().list(BUCKET, 'many/');
    expect(keys).toHaveLength(1000);
    expect(keys[0]).toBe('many/shard-0000.csv');
    expect(keys[999]).toBe('many/shard-0999.csv');
    const sources = await resolveSources([`s3://${BUCKET}/many/shard-099*.csv`], { cwd: dir, store: createS3Store() });
    expect(sources.map((source) => source.name.slice(-8))).toEqual(Array.from({ length: 10 }, (_, i) => `099${i}.csv`));
  });

  test('a Parquet object is read through ranged reads', async () => {
    const [source] = await resolveSources([`s3://${BUCKET}/table.parquet`], { cwd: dir, store: createS3Store() });
    const recorder = new Recorder();
    expect(await readParquet(source as ByteSource, recorder)).toEqual({ rows: 25 });
    expect(recorder.columnCalls).toEqual([['id', 'label']]);
    expect(recorder.rows[0]).toEqual({ values: [0, 'even'], line: 1 });
    expect(recorder.rows[24]).toEqual({ values: [24, 'even'], line: 25 });
    expect(recorder.rows.every((row, index) => row.values[0] === index)).toBe(true);
  });
});

describe('failures', () => {
  test('a missing object', async () => {
    const error = await rejection(resolveSources([`s3://${BUCKET}/train/missing.csv`], { cwd: dir, store: createS3Store() }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(`s3://${BUCKET}/train/missing.csv: cannot read the object (NotFound: HTTP 404); check the bucket and key`);
  });

  test('a missing object, streamed', async () => {
    const store = createS3Store();
    const error = await rejection((async () => {
      for await (const _ of store.stream(BUCKET, 'train/missing.csv')) void _;
    })());
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(`s3://${BUCKET}/train/missing.csv: cannot read the object (NoSuchKey: The specified key does not exist.); check the bucket and key`);
  });

  test('a missing bucket', async () => {
    const error = await rejection(resolveSources(['s3://no-such-bucket/*.csv'], { cwd: dir, store: createS3Store() }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe('s3://no-such-bucket/: cannot list the objects (NoSuchBucket: The specified bucket does not exist); check the bucket name');
  });

  test('unknown credentials', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAUNKNOWN';
    try {
      const error = await rejection(resolveSources([`s3://${BUCKET}/train/part-1.csv`], { cwd: dir, store: createS3Store() }));
      expect(error).toBeInstanceOf(ServiceError);
      expect(error.message).toBe(
        `s3://${BUCKET}/train/part-1.csv: cannot read the object (Forbidden: HTTP 403); check the AWS credentials, and that the IAM and bucket policies allow s3:GetObject`,
      );
      const listing = await rejection(createS3Store().list(BUCKET, 'train/'));
      expect(listing).toBeInstanceOf(ServiceError);
      expect(listing.message).toBe(
        `s3://${BUCKET}/train/: cannot list the objects (InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.); check the AWS credentials, and that the IAM and bucket policies allow s3:ListBucket`,
      );
    } finally {
      setS3rverCredentials();
    }
  });

  test('no credentials at all', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const error = await rejection(createS3Store().size(BUCKET, 'train/part-1.csv'));
      expect(error).toBeInstanceOf(EnvironmentError);
      expect(error.message).toBe(
        `s3://${BUCKET}/train/part-1.csv: cannot read the object: no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again`,
      );
    } finally {
      setS3rverCredentials();
    }
  });

  test('nothing listening at the endpoint', async () => {
    const saved = process.env.AWS_ENDPOINT_URL_S3;
    process.env.AWS_ENDPOINT_URL_S3 = 'http://127.0.0.1:9';
    try {
      const error = await rejection(createS3Store().size(BUCKET, 'train/part-1.csv'));
      expect(error).toBeInstanceOf(ServiceError);
      expect(error.message).toMatch(
        new RegExp(`^s3://${BUCKET}/train/part-1.csv: cannot read the object \\(ECONNREFUSED: .*\\); check the network and the S3 endpoint \\(AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set\\)$`),
      );
    } finally {
      process.env.AWS_ENDPOINT_URL_S3 = saved;
    }
  });
});

describe('client configuration', () => {
  test('the region comes from the option, AWS_REGION, AWS_DEFAULT_REGION, then us-east-1', () => {
    expect(awsRegion({ env: {} })).toBe('us-east-1');
    expect(awsRegion({ env: { AWS_DEFAULT_REGION: 'eu-west-1' } })).toBe('eu-west-1');
    expect(awsRegion({ env: { AWS_DEFAULT_REGION: 'eu-west-1', AWS_REGION: 'ap-south-1' } })).toBe('ap-south-1');
    expect(awsRegion({ region: 'us-west-2', env: { AWS_REGION: 'ap-south-1' } })).toBe('us-west-2');
    expect(awsRegion({ env: { AWS_REGION: ' ' } })).toBe('us-east-1');
  });

  test('a configured endpoint turns on path-style addressing', async () => {
    expect(configuredEndpoint('S3', { AWS_ENDPOINT_URL_S3: 'http://a', AWS_ENDPOINT_URL: 'http://b' })).toBe('http://a');
    expect(configuredEndpoint('S3', { AWS_ENDPOINT_URL: 'http://b' })).toBe('http://b');
    expect(configuredEndpoint('S3', { AWS_ENDPOINT_URL: 'http://b', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBeUndefined();
    expect(configuredEndpoint('S3', {})).toBeUndefined();

    const custom = s3Client({ env: { AWS_ENDPOINT_URL_S3: endpoint } });
    const plain = s3Client({ env: {} });
    try {
      expect(custom.config.forcePathStyle).toBe(true);
      expect(plain.config.forcePathStyle).toBeFalsy();
      expect(await plain.config.region()).toBe(process.env.AWS_REGION ?? 'us-east-1');
    } finally {
      custom.destroy();
      plain.destroy();
    }
  });
});

describe('listing pages', () => {
  test('every page is requested with the previous continuation token', async () => {
    const requests: Array<Record<string, unknown>> = [];
    const pages = [
      { Contents: [{ Key: 'p/b.csv' }, { Key: 'p/a.csv' }], IsTruncated: true, NextContinuationToken: 'token-1' },
      { Contents: [{ Key: 'p/d.csv' }], IsTruncated: true, NextContinuationToken: 'token-2' },
      { Contents: [{ Key: 'p/c.csv' }], IsTruncated: false },
    ];
    const client = {
      send: async (command: ListObjectsV2Command) => {
        requests.push({ ...command.input });
        return pages[requests.length - 1];
      },
    } as unknown as S3Client;
    expect(await createS3Store({ client }).list('bucket', 'p/')).toEqual(['p/a.csv', 'p/b.csv', 'p/c.csv', 'p/d.csv']);
    expect(requests).toEqual([
      { Bucket: 'bucket', Prefix: 'p/' },
      { Bucket: 'bucket', Prefix: 'p/', ContinuationToken: 'token-1' },
      { Bucket: 'bucket', Prefix: 'p/', ContinuationToken: 'token-2' },
    ]);
  });
});
