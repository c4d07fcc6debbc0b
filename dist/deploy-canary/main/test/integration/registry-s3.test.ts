/**
 * The s3:// registry storage through the real AWS SDK against s3rver (a real S3 protocol server on a
 * random loopback port), with the conditional-write proxy of test/fakes in front of it wherever
 * compare-and-swap matters.
 *
 * Why the proxy: s3rver ignores `If-None-Match` and `If-Match` on PutObject (the test "plain s3rver
 * ignores conditional writes" shows it), so against it alone a lost race would look like a win and
 * the concurrency tests would pass for the wrong reason. The proxy answers conditional PUTs as Amazon
 * S3 does (412 PreconditionFailed, 404 NoSuchKey, and 409 ConditionalRequestConflict on demand) and
 * records the conditional headers it saw, so the tests also prove that the SDK really sent them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type ListObjectsV2Command,
  type PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EnvironmentError, InputError, ServiceError } from '../../src/core/errors.js';
import { sha256File } from '../../src/core/files/sha256.js';
import { IndexedRegistry } from '../../src/core/registry/indexed-registry.js';
import type { LocalFile, RegistryStorage } from '../../src/core/registry/types.js';
import { createS3RegistryStorage, type S3RegistryStorageOptions } from '../../src/platform/aws/s3-registry-storage.js';
import { registryContract, request } from '../contract/registry-contract.js';
import { type ConditionalS3Proxy, startConditionalS3Proxy } from '../fakes/conditional-s3-proxy.js';
import { isolateAwsEnv } from '../support/aws-env.js';
import { rejection } from '../support/readers.js';
import { type LocalS3, S3RVER_CREDENTIALS, startS3rver } from '../support/s3rver.js';

const BUCKET = 'cd4ml-registry';
const ROOT_BUCKET = 'cd4ml-root';
const CONTEXT = { card: '' };

let s3: LocalS3;
let proxy: ConditionalS3Proxy;
let scratch: string;
const clients: S3Client[] = [];

/**
 * An SDK client as a workflow would have one (the SDK's default checksum settings), pointed at
 * `endpoint`, path-style, with s3rver's key pair.
 */
function client(endpoint: string, credentials = S3RVER_CREDENTIALS): S3Client {
  const made = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  clients.push(made);
  return made;
}

/** A storage through the proxy (conditional writes honoured), under its own prefix. */
function viaProxy(prefix: string, extra: Partial<S3RegistryStorageOptions> = {}): RegistryStorage {
  return createS3RegistryStorage({ bucket: BUCKET, prefix, client: client(proxy.endpoint), ...extra });
}

async function localFile(path: string, content: string | Uint8Array): Promise<LocalFile> {
  const file = join(scratch, 'inputs', randomBytes(4).toString('hex'), path.replace(/\//g, '_'));
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, content);
  return { path, file, sha256: await sha256File(file), size: Buffer.byteLength(content) };
}

/** The item at `index`; fails the test when there is none. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at ${index} of ${items.length}`);
  return item;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function objectBytes(key: string, bucket = BUCKET): Promise<Buffer> {
  const output = await client(s3.endpoint).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await (output.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
}

beforeAll(async () => {
  s3 = await startS3rver();
  scratch = await mkdtemp(join(s3.dir, 'scratch-'));
  await s3.seed(BUCKET, {});
  await s3.seed(ROOT_BUCKET, {});
  proxy = await startConditionalS3Proxy({ upstream: s3.endpoint, credentials: S3RVER_CREDENTIALS });
});

afterAll(async () => {
  for (const made of clients) made.destroy();
  await proxy?.stop();
  await s3?.stop();
});

describe('the index: compare-and-swap with S3 conditional writes', () => {
  test('create only if absent, replace only if unchanged; the SDK sends If-None-Match * then If-Match <ETag>', async () => {
    const storage = viaProxy('cas');
    const seenBefore = proxy.writes.length;
    expect(storage.description).toBe(`s3://${BUCKET}/cas`);
    expect(await storage.readIndex('churn')).toEqual({ text: undefined, token: undefined });

    expect(await storage.writeIndex('churn', 'first\n', undefined)).toBe(true);
    // A second creator lost the race: the index exists now.
    expect(await storage.writeIndex('churn', 'rival\n', undefined)).toBe(false);

    const first = await storage.readIndex('churn');
    expect(first.text).toBe('first\n');
    expect(first.token).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await objectBytes('cas/churn/index.json')).toString()).toBe('first\n');

    expect(await storage.writeIndex('churn', 'second\n', first.token)).toBe(true);
    // A writer still holding the first ETag lost: somebody wrote since it read.
    expect(await storage.writeIndex('churn', 'stale\n', first.token)).toBe(false);
    const second = await storage.readIndex('churn');
    expect(second.text).toBe('second\n');
    expect(second.token).not.toBe(first.token);

    expect(proxy.writes.slice(seenBefore)).toEqual([
      { bucket: BUCKET, key: 'cas/churn/index.json', ifNoneMatch: '*', status: 200 },
      { bucket: BUCKET, key: 'cas/churn/index.json', ifNoneMatch: '*', status: 412 },
      { bucket: BUCKET, key: 'cas/churn/index.json', ifMatch: first.token, status: 200 },
      { bucket: BUCKET, key: 'cas/churn/index.json', ifMatch: first.token, status: 412 },
    ]);
  });

  test('409 ConditionalRequestConflict and an index deleted since it was read are lost races too', async () => {
    const storage = viaProxy('conflict');
    const seenBefore = proxy.writes.length;
    proxy.conflictNext();
    expect(await storage.writeIndex('m', 'one\n', undefined)).toBe(false);
    expect(await storage.writeIndex('m', 'one\n', undefined)).toBe(true);
    const { token } = await storage.readIndex('m');
    proxy.conflictNext();
    expect(await storage.writeIndex('m', 'two\n', token)).toBe(false);

    await client(s3.endpoint).send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'conflict/m/index.json' }));
    expect(await storage.writeIndex('m', 'two\n', token)).toBe(false);
    expect(await storage.readIndex('m')).toEqual({ text: undefined, token: undefined });
    expect(proxy.writes.slice(seenBefore).map((write) => write.status)).toEqual([409, 200, 409, 404]);
  });

  test('concurrent creators and updaters: exactly one wins each round', async () => {
    const storage = viaProxy('race');
    const creators = await Promise.all(Array.from({ length: 10 }, (_, i) => storage.writeIndex('m', `creator ${i}\n`, undefined)));
    expect(creators.filter(Boolean)).toHaveLength(1);
    const { text, token } = await storage.readIndex('m');
    expect(text).toBe(`creator ${creators.indexOf(true)}\n`);
    const updaters = await Promise.all(Array.from({ length: 10 }, (_, i) => storage.writeIndex('m', `updater ${i}\n`, token)));
    expect(updaters.filter(Boolean)).toHaveLength(1);
    expect((await storage.readIndex('m')).text).toBe(`updater ${updaters.indexOf(true)}\n`);
  });

  // s3rver accepts the conditional headers and overwrites anyway: this is why the proxy exists, and
  // why a registry on an S3-compatible server without conditional writes is unsafe with concurrent
  // writers. Should a later s3rver honour them, this test fails and the proxy can go.
  test('plain s3rver ignores conditional writes', async () => {
    const storage = createS3RegistryStorage({ bucket: BUCKET, prefix: 'plain', client: client(s3.endpoint) });
    expect(await storage.writeIndex('m', 'one\n', undefined)).toBe(true);
    expect(await storage.writeIndex('m', 'two\n', undefined)).toBe(true);
    expect(await storage.writeIndex('m', 'three\n', '"0123456789abcdef0123456789abcdef"')).toBe(true);
    expect((await storage.readIndex('m')).text).toBe('three\n');
  });
});

describe("a version's files", () => {
  test('putFiles stores under <prefix>/<name>/v<version>/; readFile and downloadFile return the bytes', async () => {
    const storage = viaProxy('files/nested');
    const weights = randomBytes(3 * 1024 * 1024 + 17);
    const files = [
      await localFile('model/model.onnx', weights),
      await localFile('model/tokenizer/vocab.txt', 'a\nb\nc\n'),
      await localFile('record.json', '{"format":"cd4ml-model-record"}\n'),
      await localFile('model/empty.bin', ''),
    ];
    const stored = await storage.putFiles('churn', 3, files, CONTEXT);
    expect(stored).toEqual(
      files.map((file) => ({ path: file.path, sha256: file.sha256, size: file.size, location: `s3://${BUCKET}/files/nested/churn/v3/${file.path}` })),
    );
    expect((await objectBytes('files/nested/churn/v3/model/model.onnx')).equals(weights)).toBe(true);
    const head = await client(s3.endpoint).send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'files/nested/churn/v3/record.json' }));
    expect(head.ContentType).toBe('application/json');

    const [onnx, vocab, record, empty] = [at(stored, 0), at(stored, 1), at(stored, 2), at(stored, 3)];
    expect(Buffer.from(await storage.readFile(record)).toString()).toBe('{"format":"cd4ml-model-record"}\n');
    expect(Buffer.from(await storage.readFile(vocab)).toString()).toBe('a\nb\nc\n');
    expect((await storage.readFile(empty)).length).toBe(0);

    const target = join(scratch, 'download', 'deep', 'model.onnx');
    await storage.downloadFile(onnx, target);
    expect((await readFile(target)).equals(weights)).toBe(true);
    // Only the file: the temporary file it streamed into was renamed over it.
    expect(await readdir(join(scratch, 'download', 'deep'))).toEqual(['model.onnx']);
  });

  test('storing a version again replaces what an interrupted attempt left', async () => {
    const storage = viaProxy('rerun');
    await storage.putFiles('m', 1, [await localFile('model/a.bin', 'partial attempt')], CONTEXT);
    const again = await storage.putFiles('m', 1, [await localFile('model/a.bin', 'the real bytes')], CONTEXT);
    expect(Buffer.from(await storage.readFile(at(again, 0))).toString()).toBe('the real bytes');
  });

  test('a file above the multipart threshold goes up in parts', async () => {
    const commands: string[] = [];
    const recording = client(proxy.endpoint);
    recording.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize' },
    );
    const storage = createS3RegistryStorage({ bucket: BUCKET, prefix: 'multipart', client: recording, multipartThreshold: 6 * 1024 * 1024, partSize: 5 * 1024 * 1024 });
    const big = randomBytes(12 * 1024 * 1024 + 5);
    const small = randomBytes(6 * 1024 * 1024);
    const stored = await storage.putFiles('big', 1, [await localFile('model/big.bin', big), await localFile('model/small.bin', small)], CONTEXT);
    // 12 MiB in 5 MiB parts: three parts; the file at the threshold goes up whole.
    expect(commands.sort()).toEqual([
      'CompleteMultipartUploadCommand',
      'CreateMultipartUploadCommand',
      'PutObjectCommand',
      'UploadPartCommand',
      'UploadPartCommand',
      'UploadPartCommand',
    ]);
    expect((await objectBytes('multipart/big/v1/model/small.bin')).equals(small)).toBe(true);
    const target = join(scratch, 'multipart-download.bin');
    await storage.downloadFile(at(stored, 0), target);
    expect((await readFile(target)).equals(big)).toBe(true);
  });

  test("each upload carries the file's SHA-256 for S3 to check, and is sent plainly (not aws-chunked)", async () => {
    const sent: Array<{ command: string; checksum: unknown; encoding: unknown; length: unknown }> = [];
    const recording = client(proxy.endpoint);
    recording.middlewareStack.add(
      (next, context) => (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        sent.push({ command: context.commandName ?? '?', checksum: headers['x-amz-checksum-sha256'], encoding: headers['content-encoding'], length: headers['content-length'] });
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    const storage = createS3RegistryStorage({ bucket: BUCKET, prefix: 'checksums', client: recording });
    const file = await localFile('model/a.bin', 'checked bytes');
    await storage.putFiles('m', 1, [file], CONTEXT);
    await storage.writeIndex('m', 'index\n', undefined);
    expect(sent).toEqual([
      { command: 'PutObjectCommand', checksum: Buffer.from(file.sha256, 'hex').toString('base64'), encoding: undefined, length: '13' },
      { command: 'PutObjectCommand', checksum: createHash('sha256').update('index\n').digest('base64'), encoding: undefined, length: '6' },
    ]);
  });

  test.each([
    ['NotImplemented', 501, 'A header you provided implies functionality that is not implemented', 'the S3 server does not implement a request the registry needs (conditional writes with If-None-Match / If-Match, or multipart uploads); use Amazon S3 or a server that does'],
    ['BadDigest', 400, 'The SHA256 you specified did not match the calculated checksum.', 'the uploaded bytes did not match their SHA-256; check that nothing writes to the file while it is registered, and run again'],
    ['SlowDown', 503, 'Please reduce your request rate.', 'S3 failed on its side; try again later'],
  ])('a write answered %s says what to do', async (code, status, message, hint) => {
    const fake = {
      send: async () => {
        throw Object.assign(new Error(message), { name: code, $metadata: { httpStatusCode: status } });
      },
    } as unknown as S3Client;
    const error = await rejection(createS3RegistryStorage({ bucket: 'b', prefix: 'r', client: fake }).writeIndex('m', 'x', undefined));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(`s3://b/r/m/index.json: cannot write the object (${code}: ${message}); ${hint}`);
  });

  test('an upload S3 throttles is sent again from a fresh stream; one it refuses is not', async () => {
    const file = await localFile('model/a.bin', 'streamed twice');
    const bodies: string[] = [];
    const answers = [
      Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } }),
      undefined,
      Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }),
    ];
    const fake = {
      send: async (command: PutObjectCommand) => {
        const chunks: Buffer[] = [];
        for await (const chunk of command.input.Body as AsyncIterable<Buffer>) chunks.push(chunk);
        bodies.push(Buffer.concat(chunks).toString());
        const answer = answers.shift();
        if (answer !== undefined) throw answer;
        return {};
      },
    } as unknown as S3Client;
    const storage = createS3RegistryStorage({ bucket: 'b', prefix: 'r', client: fake });
    await storage.putFiles('m', 1, [file], CONTEXT);
    expect(bodies).toEqual(['streamed twice', 'streamed twice']);
    const denied = await rejection(storage.putFiles('m', 2, [file], CONTEXT));
    expect(denied.message).toBe(
      's3://b/r/m/v2/model/a.bin: cannot write the object (AccessDenied: Access Denied); check the AWS credentials, and that the IAM and bucket policies allow s3:PutObject (and s3:GetObject, which conditional writes need)',
    );
    expect(bodies).toHaveLength(3);
  });

  test('a file that changed size since it was hashed is refused before anything is sent', async () => {
    const storage = viaProxy('changed');
    const file = await localFile('model/a.bin', 'twelve bytes');
    const error = await rejection(storage.putFiles('m', 1, [{ ...file, size: 5 }], CONTEXT));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`model/a.bin: ${file.file} is 12 bytes now but was 5 when it was hashed; it changed during the registration. Run again once nothing writes to it.`);
  });

  test.each([
    ['an absolute path', '/etc/passwd'],
    ['a parent directory', 'model/../../escape'],
    ['an empty segment', 'model//a'],
  ])('a file path with %s is refused', async (_, path) => {
    const file = await localFile('model/a.bin', 'x');
    const error = await rejection(viaProxy('paths').putFiles('m', 1, [{ ...file, path }], CONTEXT));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`s3://${BUCKET}/paths: the file path ${JSON.stringify(path)} is not a relative path of "/"-separated names; it cannot be stored.`);
  });

  test('a destination that cannot be written is an input error naming it', async () => {
    const storage = viaProxy('dest');
    const stored = at(await storage.putFiles('m', 1, [await localFile('model/a.bin', 'a')], CONTEXT), 0);
    const blocker = join(scratch, 'a-file');
    await writeFile(blocker, 'not a directory');
    const under = await rejection(storage.downloadFile(stored, join(blocker, 'a.bin')));
    expect(under).toBeInstanceOf(InputError);
    expect(under.message).toMatch(new RegExp(`^${escape(join(blocker, 'a.bin'))}: cannot create ${escape(blocker)} \\((EEXIST|ENOTDIR)\\); check that it is writable\\.$`));
    const directory = join(scratch, 'a-directory');
    await mkdir(join(directory, 'inside'), { recursive: true });
    const over = await rejection(storage.downloadFile(stored, directory));
    expect(over).toBeInstanceOf(InputError);
    expect(over.message).toMatch(
      new RegExp(`^${escape(directory)}: cannot write the download of s3://${BUCKET}/dest/m/v1/model/a\\.bin \\((EISDIR|ENOTEMPTY|EEXIST)\\); check that the directory is writable and has space\\.$`),
    );
    // The temporary file the download streamed into is gone.
    expect((await readdir(scratch)).filter((entry) => entry.endsWith('.part'))).toEqual([]);
  });

  test('a location that is not an s3:// URI is reported as a damaged index', async () => {
    const error = await rejection(viaProxy('x').readFile({ path: 'record.json', sha256: '0', size: 1, location: 'churn/v1/record.json' }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `s3://${BUCKET}/x: the file location "churn/v1/record.json" is not an s3://<bucket>/<key> URI; the registry index is damaged. Restore it from its S3 object versions or a backup.`,
    );
  });

  test('a missing object names its URI', async () => {
    const error = await rejection(viaProxy('x').readFile({ path: 'record.json', sha256: '0', size: 1, location: `s3://${BUCKET}/x/gone/v1/record.json` }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(`s3://${BUCKET}/x/gone/v1/record.json: cannot read the object (NoSuchKey: The specified key does not exist.); check the bucket and key`);
  });
});

describe('models()', () => {
  test('the models under the prefix that have an index, sorted; staged files alone do not make a model', async () => {
    const storage = viaProxy('listing/team-a');
    expect(await storage.models()).toEqual([]);
    for (const name of ['zeta', 'alpha', 'churn.v2']) expect(await storage.writeIndex(name, `${name}\n`, undefined)).toBe(true);
    await storage.putFiles('staged-only', 1, [await localFile('model/a.bin', 'a')], CONTEXT);
    await storage.putFiles('alpha', 1, [await localFile('model/a.bin', 'a')], CONTEXT);
    // A sibling prefix that merely starts the same way is another registry.
    expect(await viaProxy('listing/team-ab').writeIndex('other', 'x\n', undefined)).toBe(true);
    expect(await storage.models()).toEqual(['alpha', 'churn.v2', 'zeta']);
  });

  test("a registry at the bucket's root", async () => {
    const storage = createS3RegistryStorage({ bucket: ROOT_BUCKET, prefix: '', client: client(proxy.endpoint) });
    expect(storage.description).toBe(`s3://${ROOT_BUCKET}/`);
    expect(await storage.writeIndex('m', 'x\n', undefined)).toBe(true);
    const [stored] = await storage.putFiles('m', 2, [await localFile('model/a.bin', 'a')], CONTEXT);
    expect(stored?.location).toBe(`s3://${ROOT_BUCKET}/m/v2/model/a.bin`);
    expect((await objectBytes('m/index.json', ROOT_BUCKET)).toString()).toBe('x\n');
    expect(await storage.models()).toEqual(['m']);
  });

  test('every listing page is requested with the previous continuation token', async () => {
    const requests: Array<Record<string, unknown>> = [];
    const pages = [
      { CommonPrefixes: [{ Prefix: 'r/b/' }, { Prefix: 'r/a/' }], IsTruncated: true, NextContinuationToken: 'token-1' },
      { CommonPrefixes: [{ Prefix: 'r/c/' }], IsTruncated: false },
    ];
    const fake = {
      send: async (command: ListObjectsV2Command | HeadObjectCommand) => {
        requests.push({ command: command.constructor.name, ...command.input });
        if (command.constructor.name === 'HeadObjectCommand') {
          if ((command.input as { Key: string }).Key === 'r/c/index.json') throw Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
          return {};
        }
        return pages[requests.filter((request) => request.command === 'ListObjectsV2Command').length - 1];
      },
    } as unknown as S3Client;
    expect(await createS3RegistryStorage({ bucket: 'b', prefix: '/r/', client: fake }).models()).toEqual(['a', 'b']);
    expect(requests.filter((request) => request.command === 'ListObjectsV2Command')).toEqual([
      { command: 'ListObjectsV2Command', Bucket: 'b', Prefix: 'r/', Delimiter: '/' },
      { command: 'ListObjectsV2Command', Bucket: 'b', Prefix: 'r/', Delimiter: '/', ContinuationToken: 'token-1' },
    ]);
    expect(requests.filter((request) => request.command === 'HeadObjectCommand').map((request) => request.Key).sort()).toEqual([
      'r/a/index.json',
      'r/b/index.json',
      'r/c/index.json',
    ]);
  });
});

describe('failures are one line naming the s3:// URI and what to do', () => {
  test('a bucket that does not exist', async () => {
    const storage = createS3RegistryStorage({ bucket: 'no-such-bucket', prefix: 'reg', client: client(proxy.endpoint) });
    const read = await rejection(storage.readIndex('m'));
    expect(read).toBeInstanceOf(ServiceError);
    expect(read.message).toBe('s3://no-such-bucket/reg/m/index.json: cannot read the object (NoSuchBucket: The specified bucket does not exist); check the bucket name');
    const write = await rejection(storage.writeIndex('m', 'x\n', '"abc"'));
    expect(write).toBeInstanceOf(ServiceError);
    expect(write.message).toBe('s3://no-such-bucket/reg/m/index.json: cannot write the object (NoSuchBucket: The specified bucket does not exist); check the bucket name in the registry URI');
    const put = await rejection(storage.putFiles('m', 1, [await localFile('model/a.bin', 'a')], CONTEXT));
    expect(put.message).toBe('s3://no-such-bucket/reg/m/v1/model/a.bin: cannot write the object (NoSuchBucket: The specified bucket does not exist); check the bucket name in the registry URI');
    const list = await rejection(storage.models());
    expect(list.message).toBe('s3://no-such-bucket/reg/: cannot list the objects (NoSuchBucket: The specified bucket does not exist); check the bucket name');
  });

  test('credentials S3 does not know name the IAM permission each step needs', async () => {
    const storage = createS3RegistryStorage({ bucket: BUCKET, prefix: 'denied', client: client(s3.endpoint, { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }) });
    const unknownKey = 'InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.';
    expect((await rejection(storage.readIndex('m'))).message).toBe(
      `s3://${BUCKET}/denied/m/index.json: cannot read the object (${unknownKey}); check the AWS credentials, and that the IAM and bucket policies allow s3:GetObject`,
    );
    const write = await rejection(storage.writeIndex('m', 'x\n', undefined));
    expect(write).toBeInstanceOf(ServiceError);
    expect(write.message).toBe(
      `s3://${BUCKET}/denied/m/index.json: cannot write the object (${unknownKey}); check the AWS credentials, and that the IAM and bucket policies allow s3:PutObject (and s3:GetObject, which conditional writes need)`,
    );
    expect((await rejection(storage.models())).message).toBe(
      `s3://${BUCKET}/denied/: cannot list the objects (${unknownKey}); check the AWS credentials, and that the IAM and bucket policies allow s3:ListBucket`,
    );
  });

  test('no credentials at all (the client from clients.ts, configured by the environment)', async () => {
    const restoreEnv = isolateAwsEnv(scratch, { AWS_ENDPOINT_URL_S3: proxy.endpoint });
    try {
      const storage = createS3RegistryStorage({ bucket: BUCKET, prefix: 'nocreds' });
      const advice = 'no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again';
      const read = await rejection(storage.readIndex('m'));
      expect(read).toBeInstanceOf(EnvironmentError);
      expect(read.message).toBe(`s3://${BUCKET}/nocreds/m/index.json: cannot read the object: ${advice}`);
      const write = await rejection(storage.writeIndex('m', 'x\n', undefined));
      expect(write).toBeInstanceOf(EnvironmentError);
      expect(write.message).toBe(`s3://${BUCKET}/nocreds/m/index.json: cannot write the object: ${advice}`);
    } finally {
      restoreEnv();
    }
  });

  test('nothing listening at the endpoint', async () => {
    const storage = createS3RegistryStorage({ bucket: BUCKET, prefix: 'down', client: client('http://127.0.0.1:9') });
    const error = await rejection(storage.writeIndex('m', 'x\n', undefined));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(
      new RegExp(`^s3://${BUCKET}/down/m/index.json: cannot write the object \\(ECONNREFUSED: .*\\); check the network and the S3 endpoint \\(AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL when set\\)$`),
    );
  });
});

let registries = 0;

/** A fresh s3:// registry (its own prefix) through the conditional-write proxy. */
async function s3Registry(): Promise<{ registry: IndexedRegistry; storage: RegistryStorage; prefix: string }> {
  registries += 1;
  const prefix = `contract/run-${registries}`;
  const storage = viaProxy(prefix);
  return { registry: new IndexedRegistry(storage), storage, prefix };
}

registryContract('s3:// (through the conditional-write proxy)', s3Registry);

describe('the registry over S3', () => {
  test('concurrent registrations really race: losers are refused by the conditional write and retry', async () => {
    const { registry, prefix } = await s3Registry();
    const requests = await Promise.all(Array.from({ length: 20 }, (_, i) => request({ content: `race-${i}`, lineage: { runId: String(5000 + i) } })));
    const results = await Promise.all(requests.map((item) => registry.register(item)));
    expect(results.map((result) => result.record.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const writes = proxy.writes.filter((write) => write.key === `${prefix}/churn/index.json`);
    // One reservation and one commit per registration succeeded, the first creating the index.
    expect(writes.filter((write) => write.status === 200)).toHaveLength(40);
    expect(writes.filter((write) => write.ifNoneMatch === '*' && write.status === 200)).toHaveLength(1);
    expect(writes.filter((write) => write.status === 412).length).toBeGreaterThan(0);
    expect(writes.every((write) => write.status === 200 || write.status === 412)).toBe(true);
    const stored = await registry.resolve('churn', { version: 20 });
    expect(stored.files.every((file) => file.location.startsWith(`s3://${BUCKET}/${prefix}/churn/v20/`))).toBe(true);
  });
});
