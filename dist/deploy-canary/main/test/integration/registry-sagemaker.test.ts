/**
 * The sagemaker:// registry through the real AWS SDK: SageMaker calls go to the loopback SageMaker
 * server of test/fakes (found through AWS_ENDPOINT_URL_SAGEMAKER, as a workflow would configure a
 * custom endpoint), the artifacts to s3rver (AWS_ENDPOINT_URL_S3), both signed with dummy credentials.
 * The tests assert what SageMaker actually received, then run the registry contract every backend
 * passes.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackageGroupsCommand,
  ListModelPackagesCommand,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { EnvironmentError, InputError, ServiceError } from '../../src/core/errors.js';
import { NotInRegistryError } from '../../src/core/registry/not-found.js';
import { registrationKey } from '../../src/core/registry/registration.js';
import type { LocalFile, RegistrationRequest } from '../../src/core/registry/types.js';
import { parseRegistryUri } from '../../src/core/registry/uri.js';
import { sagemakerClient } from '../../src/platform/aws/sagemaker-client.js';
import { clientToken } from '../../src/platform/aws/sagemaker-registry-mapping.js';
import { createSageMakerRegistry, type SageMakerLocation, type SageMakerRegistry } from '../../src/platform/aws/sagemaker-registry.js';
import { registryContract } from '../contract/registry-contract.js';
import { type FakeSageMaker, startFakeSageMaker } from '../fakes/sagemaker-server.js';
import { isolateAwsEnv, setS3rverCredentials } from '../support/aws-env.js';
import { rejection } from '../support/readers.js';
import { type LocalS3, S3RVER_CREDENTIALS, startS3rver } from '../support/s3rver.js';

const BUCKET = 'cd4ml-models';
const NOW = new Date('2026-11-20T10:00:00Z');

let s3: LocalS3;
let fake: FakeSageMaker;
let scratch: string;
let direct: SageMakerClient;
let objects: S3Client;
let prefixes = 0;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  s3 = await startS3rver();
  scratch = await mkdtemp(join(s3.dir, 'scratch-'));
  await s3.seed(BUCKET, {});
  fake = await startFakeSageMaker();
  restoreEnv = isolateAwsEnv(s3.dir, { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_SAGEMAKER: fake.endpoint });
  setS3rverCredentials();
  direct = new SageMakerClient({ endpoint: fake.endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS, maxAttempts: 1 });
  objects = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
});

afterAll(async () => {
  direct?.destroy();
  objects?.destroy();
  await fake?.stop();
  await s3?.stop();
  restoreEnv?.();
});

/** A registry as a workflow opens it: clients from the project's factories, endpoints from the environment. */
function open(uri: string): SageMakerRegistry {
  return createSageMakerRegistry(parseRegistryUri(uri, 'registry', scratch) as SageMakerLocation, { random: () => 'r4nd' });
}

/** A fresh artifacts prefix, so tests do not see each other's objects. */
function artifacts(): string {
  prefixes += 1;
  return `s3://${BUCKET}/run-${prefixes}`;
}

async function localFile(path: string, content: string): Promise<LocalFile> {
  const file = join(scratch, 'inputs', createHash('sha256').update(`${path}\n${content}`).digest('hex').slice(0, 12), path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return { path, file, sha256: createHash('sha256').update(content).digest('hex'), size: Buffer.byteLength(content) };
}

async function request(overrides: Partial<RegistrationRequest> & { content?: string } = {}): Promise<RegistrationRequest> {
  const { content = 'weights-1', ...rest } = overrides;
  return {
    name: 'churn',
    files: [await localFile('model.onnx', content), await localFile('vocab/labels.txt', `labels for ${content}`)],
    metrics: { roc_auc: 0.83, log_loss: 0.41 },
    params: { C: 1 },
    lineage: { gitSha: 'a'.repeat(40), repository: 'o/r', runId: '100', runUrl: 'https://github.com/o/r/actions/runs/100', actor: 'octocat' },
    environment: { node: 'v24.0.0' },
    now: NOW,
    ...rest,
  };
}

async function objectText(uri: string): Promise<string> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri) as RegExpExecArray;
  const output = await objects.send(new GetObjectCommand({ Bucket: match[1], Key: match[2] }));
  return (output.Body as { transformToString(): Promise<string> }).transformToString();
}

async function keysUnder(prefix: string): Promise<string[]> {
  const output = await objects.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (output.Contents ?? []).map((object) => object.Key as string).sort();
}

async function metadataOf(version: number, group = 'churn'): Promise<Record<string, string>> {
  const arn = `arn:aws:sagemaker:us-east-1:123456789012:model-package/${group}/${version}`;
  return (await direct.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).CustomerMetadataProperties ?? {};
}

async function approvalOf(version: number): Promise<{ status?: string; description?: string }> {
  const arn = `arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/${version}`;
  const described = await direct.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
  return { ...(described.ModelApprovalStatus === undefined ? {} : { status: described.ModelApprovalStatus }), ...(described.ApprovalDescription === undefined ? {} : { description: described.ApprovalDescription }) };
}

beforeEach(() => {
  fake.reset();
});

describe('registering a version', () => {
  test('creates the group, stages the files in S3, creates the package, then writes the record under its version', async () => {
    const base = artifacts();
    const registry = open(`sagemaker://churn?artifacts=${base}`);
    const registration = await request({ alias: 'staging' });
    const key = registrationKey(registration);
    const result = await registry.register(registration);

    expect(result.created).toBe(true);
    expect(result.record).toMatchObject({ name: 'churn', version: 1, uri: 'registry:churn@1', registrationKey: key, aliases: ['staging'] });
    expect(result.card).toContain('# churn v1');

    expect(fake.operations()).toEqual([
      'DescribeModelPackageGroup', // missing: ValidationException
      'CreateModelPackageGroup',
      'ListModelPackages', // no earlier package with this registration key
      'CreateModelPackage',
      'DescribeModelPackage', // the version SageMaker assigned
      'UpdateModelPackage', // cd4ml.record and cd4ml.card: the version is complete
      'ListModelPackages', // the alias move
      'DescribeModelPackage',
      'UpdateModelPackage', // cd4ml.alias.staging=true
    ]);
    expect(fake.requests[0]?.error).toBe('ValidationException');
    expect(fake.bodies('CreateModelPackageGroup')).toEqual([{ ModelPackageGroupName: 'churn', ModelPackageGroupDescription: 'Versions of the model churn, registered by cd4ml-actions.' }]);
    expect(fake.bodies('ListModelPackages')[0]).toEqual({ ModelPackageGroupName: 'churn', ModelPackageType: 'Versioned', SortBy: 'CreationTime', SortOrder: 'Ascending', MaxResults: 100 });

    const staged = `run-${prefixes}/churn/${key}`;
    const [create] = fake.bodies('CreateModelPackage');
    expect(create).toEqual({
      ModelPackageGroupName: 'churn',
      ModelPackageDescription: `churn from commit aaaaaaaaaaaa, registered by cd4ml-actions (cd4ml registration ${key}).`,
      ModelApprovalStatus: 'PendingManualApproval',
      ClientToken: clientToken('churn', key),
      CustomerMetadataProperties: {
        'cd4ml.name': 'churn',
        'cd4ml.registration-key': key,
        'cd4ml.git-sha': 'a'.repeat(40),
        'cd4ml.run-url': 'https://github.com/o/r/actions/runs/100',
        'cd4ml.created-at': '2026-11-20T10:00:00.000Z',
        'cd4ml.staged': `s3://${BUCKET}/${staged}/registration.json`,
        'cd4ml.metric.log_loss': '0.41',
        'cd4ml.metric.roc_auc': '0.83',
      },
      ModelMetrics: { ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: `s3://${BUCKET}/${staged}/metrics.json` } } },
    });
    expect(fake.bodies('UpdateModelPackage')).toEqual([
      {
        ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1',
        CustomerMetadataProperties: {
          'cd4ml.record': `s3://${BUCKET}/run-${prefixes}/churn/versions/1/record.json`,
          'cd4ml.card': `s3://${BUCKET}/run-${prefixes}/churn/versions/1/model-card.md`,
        },
      },
      { ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1', CustomerMetadataProperties: { 'cd4ml.alias.staging': 'true' } },
    ]);

    expect(await keysUnder(`run-${prefixes}/`)).toEqual([
      `run-${prefixes}/churn/audit/20261120T100000.000Z-00000001-r4nd.json`,
      `${staged}/metrics.json`,
      `${staged}/model/model.onnx`,
      `${staged}/model/vocab/labels.txt`,
      `${staged}/registration.json`,
      `run-${prefixes}/churn/versions/1/model-card.md`,
      `run-${prefixes}/churn/versions/1/record.json`,
    ]);
    const stored = JSON.parse(await objectText(`s3://${BUCKET}/run-${prefixes}/churn/versions/1/record.json`)) as Record<string, unknown>;
    expect(stored).toMatchObject({ format: 'cd4ml-model-record', version: 1, uri: 'registry:churn@1', registrationKey: key });
    expect(stored.aliases).toBeUndefined();
    expect(result.record.files.map((file) => [file.path, file.location])).toEqual([
      ['model/model.onnx', `s3://${BUCKET}/${staged}/model/model.onnx`],
      ['model/vocab/labels.txt', `s3://${BUCKET}/${staged}/model/vocab/labels.txt`],
    ]);
    expect(JSON.parse(await objectText(`s3://${BUCKET}/${staged}/metrics.json`))).toEqual({
      version: 0,
      cd4ml_metrics: { log_loss: { value: 0.41 }, roc_auc: { value: 0.83 } },
    });
    expect(await objectText(`s3://${BUCKET}/run-${prefixes}/churn/versions/1/model-card.md`)).toBe(result.card);
    expect(await metadataOf(1)).toMatchObject({ 'cd4ml.alias.staging': 'true', 'cd4ml.record': `s3://${BUCKET}/run-${prefixes}/churn/versions/1/record.json` });
  });

  test('a re-run finds its package through the listing and makes nothing new', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    const first = await registry.register(await request());
    fake.requests.length = 0;

    const again = await registry.register(await request());
    expect(again).toEqual({ ...first, created: false });
    expect(fake.operations()).toEqual(['DescribeModelPackageGroup', 'ListModelPackages', 'DescribeModelPackage', 'ListModelPackages', 'DescribeModelPackage']);
  });

  test('with image= the package names the image and the uncompressed model files; a single .tar.gz is ModelDataUrl', async () => {
    const base = artifacts();
    const registry = open(`sagemaker://churn?artifacts=${base}&image=123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1`);
    const first = await registry.register(await request());
    const archive = await registry.register({ ...(await request({ lineage: { runId: '7' } })), files: [await localFile('model.tar.gz', 'tarball')] });

    const [withPrefix, withArchive] = fake.bodies('CreateModelPackage');
    expect(withPrefix?.InferenceSpecification).toEqual({
      Containers: [
        {
          Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1',
          ModelDataSource: { S3DataSource: { S3Uri: `s3://${BUCKET}/run-${prefixes}/churn/${first.record.registrationKey}/model/`, S3DataType: 'S3Prefix', CompressionType: 'None' } },
        },
      ],
      SupportedContentTypes: ['application/json'],
      SupportedResponseMIMETypes: ['application/json'],
    });
    expect(withArchive?.InferenceSpecification).toMatchObject({
      Containers: [{ Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1', ModelDataUrl: archive.record.files[0]?.location }],
    });
    const described = await direct.send(new DescribeModelPackageCommand({ ModelPackageName: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/2' }));
    expect(described.InferenceSpecification?.Containers?.[0]?.ModelDataUrl).toBe(`s3://${BUCKET}/run-${prefixes}/churn/${archive.record.registrationKey}/model/model.tar.gz`);
  });

  test('plain sagemaker:// keeps each model in the group of its name', async () => {
    const registry = open(`sagemaker://?artifacts=${artifacts()}`);
    expect(registry.description).toBe('sagemaker://');
    await registry.register(await request());
    await registry.register(await request({ name: 'fraud-model' }));

    expect(await registry.models()).toEqual(['churn', 'fraud-model']);
    expect((await registry.resolve('fraud-model', { version: 1 })).name).toBe('fraud-model');
    // The same files from the same run, registered as two models: two packages, two ClientTokens.
    const creates = fake.bodies('CreateModelPackage');
    expect(creates.map((body) => body.ModelPackageGroupName)).toEqual(['churn', 'fraud-model']);
    expect(creates[0]?.ClientToken).toMatch(/^[0-9a-f]{36}$/);
    expect(creates[1]?.ClientToken).not.toBe(creates[0]?.ClientToken);
    await expect(registry.resolve('fraud', { version: 1 })).rejects.toThrow('sagemaker:// has no model named fraud; it has churn, fraud-model.');
  });
});

describe('aliases', () => {
  test('production is SageMaker approval: moving it approves the version and rejects higher Approved ones, saying why', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    for (const run of ['1', '2', '3']) await registry.register(await request({ content: `weights-${run}`, lineage: { runId: run } }));
    const actor = { actor: 'release-bot', runUrl: 'https://github.com/o/r/actions/runs/300' };

    expect(await registry.setAlias('churn', 'production', 3, actor, 'promote', NOW)).toEqual({});
    expect(await approvalOf(3)).toEqual({ status: 'Approved', description: 'cd4ml: production moved to version 3 by release-bot in https://github.com/o/r/actions/runs/300 (promote).' });
    expect(await registry.setAlias('churn', 'production', 1, actor, 'rollback', NOW)).toEqual({ previous: 3 });
    expect(await approvalOf(1)).toMatchObject({ status: 'Approved' });
    expect(await approvalOf(2)).toEqual({ status: 'PendingManualApproval' });
    expect(await approvalOf(3)).toEqual({
      status: 'Rejected',
      description:
        'cd4ml: rejected because production moved to the lower version 1 by release-bot in https://github.com/o/r/actions/runs/300 (rollback); the highest Approved version is production.',
    });
    expect((await registry.resolve('churn', { alias: 'production' })).version).toBe(1);
    // Nothing of production is kept in the metadata.
    expect(Object.keys(await metadataOf(1)).filter((key) => key.startsWith('cd4ml.alias.'))).toEqual([]);

    // An approval made in SageMaker itself (Studio, another pipeline) moves production too.
    await direct.send(new UpdateModelPackageCommand({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/2', ModelApprovalStatus: 'Approved' }));
    expect((await registry.resolve('churn', { alias: 'production' })).version).toBe(2);
    expect((await registry.list('churn')).map((entry) => [entry.version, entry.aliases])).toEqual([
      [1, []],
      [2, ['production']],
      [3, []],
    ]);
    expect((await registry.history('churn')).map((event) => [event.alias, event.version, event.previous, event.reason])).toEqual([
      ['production', 3, undefined, 'promote'],
      ['production', 1, 3, 'rollback'],
    ]);
  });

  test('other aliases are metadata moved from the old holder to the new one', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    await registry.register(await request({ alias: 'staging' }));
    await registry.register(await request({ content: 'weights-2', lineage: { runId: '101' } }));
    fake.requests.length = 0;

    expect(await registry.setAlias('churn', 'staging', 2, { actor: 'octocat' }, 'promote', NOW)).toEqual({ previous: 1 });
    expect(fake.bodies('UpdateModelPackage')).toEqual([
      { ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/2', CustomerMetadataProperties: { 'cd4ml.alias.staging': 'true' } },
      { ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1', CustomerMetadataPropertiesToRemove: ['cd4ml.alias.staging'] },
    ]);
    expect((await metadataOf(1))['cd4ml.alias.staging']).toBeUndefined();
    expect((await metadataOf(2))['cd4ml.alias.staging']).toBe('true');
    // Moving it where it is changes nothing and records nothing.
    expect(await registry.setAlias('churn', 'staging', 2, {}, 'promote', NOW)).toEqual({ previous: 2 });
    expect((await registry.history('churn')).map((event) => [event.version, event.previous])).toEqual([
      [1, undefined],
      [2, 1],
    ]);
  });

  test('a move interrupted between adding and removing: the alias resolves to the version of the latest audit event until the next move clears it', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    await registry.register(await request({ alias: 'staging' }));
    await registry.register(await request({ content: 'weights-2', lineage: { runId: '101' } }));
    // The add of a move to v2 happened; its audit event and the removal from v1 did not.
    await direct.send(new UpdateModelPackageCommand({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/2', CustomerMetadataProperties: { 'cd4ml.alias.staging': 'true' } }));

    expect((await registry.resolve('churn', { alias: 'staging' })).version).toBe(1);
    expect((await registry.list('churn')).map((entry) => entry.aliases)).toEqual([['staging'], []]);
    expect(await registry.setAlias('churn', 'staging', 2, {}, 'promote', NOW)).toEqual({ previous: 1 });
    expect((await metadataOf(1))['cd4ml.alias.staging']).toBeUndefined();
    expect((await registry.resolve('churn', { alias: 'staging' })).version).toBe(2);
  });

  test('an alias cannot be added to a version at SageMaker\'s 50-property limit', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    await registry.register(await request());
    const filler = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`team.note${i}`, 'x']));
    await direct.send(new UpdateModelPackageCommand({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1', CustomerMetadataProperties: filler }));

    const error = await rejection(registry.setAlias('churn', 'canary', 1, {}, 'promote', NOW));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      "sagemaker://churn: churn v1 already has 50 metadata properties, SageMaker's limit, so the alias canary cannot be added to it; move some of its other aliases away first.",
    );
  });
});

describe('interrupted registrations', () => {
  test('stopped before the record: the version still resolves, and the re-run writes its record and moves its alias', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    fake.failNext('UpdateModelPackage', 'AccessDeniedException', 1, { message: 'User is not authorized to perform: sagemaker:UpdateModelPackage' });
    const failed = await rejection(registry.register(await request({ alias: 'staging' })));
    expect(failed).toBeInstanceOf(ServiceError);
    expect(failed.message).toBe(
      'sagemaker://churn: cannot register churn (UpdateModelPackage failed with AccessDeniedException: User is not authorized to perform: sagemaker:UpdateModelPackage); check the AWS credentials, and that the IAM policy allows sagemaker:UpdateModelPackage on the model package group churn',
    );
    expect((await metadataOf(1))['cd4ml.record']).toBeUndefined();

    // Readable meanwhile: the staged registration with SageMaker's number.
    const meanwhile = await registry.resolve('churn', { version: 1 });
    expect(meanwhile).toMatchObject({ version: 1, uri: 'registry:churn@1', aliases: [] });
    expect(Buffer.from(await registry.readFile(meanwhile, 'model/model.onnx')).toString()).toBe('weights-1');
    expect((await registry.list('churn')).map((entry) => entry.version)).toEqual([1]);

    fake.requests.length = 0;
    const rerun = await registry.register(await request({ alias: 'staging' }));
    expect(rerun.created).toBe(true);
    expect(rerun.record).toMatchObject({ version: 1, aliases: ['staging'] });
    expect(fake.operations()).not.toContain('CreateModelPackage');
    expect((await metadataOf(1))['cd4ml.record']).toMatch(/versions\/1\/record\.json$/);
    expect(await registry.resolve('churn', { alias: 'staging' })).toEqual(rerun.record);
    expect((await registry.register(await request({ alias: 'staging' }))).created).toBe(false);
  });

  test('stopped after CreateModelPackage (SageMaker kept failing): the re-run finds the package by its key', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    fake.failNext('DescribeModelPackage', 'InternalFailure', 3);
    const failed = await rejection(registry.register(await request()));
    expect(failed).toBeInstanceOf(ServiceError);
    expect(failed.message).toMatch(/^sagemaker:\/\/churn: cannot register churn \(DescribeModelPackage failed with InternalFailure: .*\); SageMaker failed on its side; try again later$/);
    // The SDK tried three times (maxAttempts 3).
    expect(fake.requests.filter((entry) => entry.operation === 'DescribeModelPackage').map((entry) => entry.error)).toEqual(['InternalFailure', 'InternalFailure', 'InternalFailure']);

    const rerun = await registry.register(await request());
    expect(rerun).toMatchObject({ created: true, record: { version: 1 } });
    expect(fake.bodies('CreateModelPackage')).toHaveLength(1);
  });

  test('stopped between the record and the alias move: the re-run makes the move', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    await registry.register(await request({ alias: 'staging' }));
    const original = fake.handlers.get('UpdateModelPackage');
    fake.handle('UpdateModelPackage', (body, self) => {
      if (JSON.stringify(body).includes('cd4ml.alias.staging')) throw new Error('runner lost');
      return (original as NonNullable<typeof original>)(body, self);
    });
    try {
      await expect(registry.register(await request({ content: 'weights-2', alias: 'staging', lineage: { runId: '101' } }))).rejects.toThrow(ServiceError);
    } finally {
      fake.handle('UpdateModelPackage', original as NonNullable<typeof original>);
    }
    expect((await registry.resolve('churn', { alias: 'staging' })).version).toBe(1);

    const rerun = await registry.register(await request({ content: 'weights-2', alias: 'staging', lineage: { runId: '101' } }));
    expect(rerun).toMatchObject({ created: false, previousVersion: 1, record: { version: 2, aliases: ['staging'] } });
    expect((await registry.resolve('churn', { alias: 'staging' })).version).toBe(2);
  });

  test('a throttled call is retried by the SDK', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    fake.failNext('ListModelPackages', 'ThrottlingException', 2);
    expect((await registry.register(await request())).record.version).toBe(1);
    expect(fake.requests.filter((entry) => entry.operation === 'ListModelPackages').map((entry) => entry.error)).toEqual(['ThrottlingException', 'ThrottlingException', undefined]);
  });
});

describe('messages a user can act on', () => {
  /** What registering the request (with `overrides`) in the registry at `uri` fails with. */
  async function registerError(uri: string, overrides: Parameters<typeof request>[0] = {}): Promise<Error> {
    return rejection(open(uri).register(await request(overrides)));
  }

  test('a group holds one model', async () => {
    const error = await registerError(`sagemaker://churn?artifacts=${artifacts()}`, { name: 'fraud' });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'sagemaker://churn holds one model, churn (a SageMaker model package group holds the versions of one model), so fraud cannot be registered in it; use sagemaker://fraud, or plain sagemaker:// to keep each model in the group of its name.',
    );
    expect(fake.requests).toEqual([]);
  });

  test('a model name SageMaker cannot use as a group name', async () => {
    const error = await registerError(`sagemaker://?artifacts=${artifacts()}`, { name: 'churn_model.v2' });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'sagemaker://: "churn_model.v2" cannot be a SageMaker model package group name: SageMaker allows letters, digits and hyphens (no "_" or "."), starting with a letter or digit, at most 63 characters. Rename the model (e.g. churn-model-v2).',
    );
  });

  test('registering needs artifacts=', async () => {
    const error = await registerError('sagemaker://churn');
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'sagemaker://churn: registering churn needs artifacts=s3://<bucket>/<prefix> in the registry URI, the S3 place for the model files, records, cards and alias audit trail; e.g. sagemaker://churn?artifacts=s3://my-bucket/models.',
    );
  });

  test('unknown versions, aliases and models name what exists (NotInRegistryError, which evaluate-gate treats as "no baseline yet")', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    await expect(registry.resolve('churn', { version: 1 })).rejects.toThrow('sagemaker://churn has no model named churn; it has no models yet; register one with register-model.');
    await expect(registry.resolve('churn', { alias: 'production' })).rejects.toThrow(NotInRegistryError);
    await registry.register(await request({ alias: 'staging' }));
    await registry.setAlias('churn', 'production', 1, {}, 'promote', NOW);
    await expect(registry.resolve('churn', { alias: 'canary' })).rejects.toThrow(NotInRegistryError);
    await expect(registry.resolve('churn', { version: 4 })).rejects.toThrow('sagemaker://churn: churn has no version 4; it has versions 1; aliases production → 1, staging → 1.');
    await expect(registry.setAlias('churn', 'canary', 4, {}, 'promote', NOW)).rejects.toThrow(InputError);
    await expect(registry.resolve('fraud', { version: 1 })).rejects.toThrow(NotInRegistryError);
    await expect(registry.resolve('fraud', { version: 1 })).rejects.toThrow(
      'sagemaker://churn has no model named fraud; it has churn (a SageMaker model package group holds one model; sagemaker://fraud names the group of fraud).',
    );
  });

  test('a version SageMaker has but cd4ml did not register', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    await direct.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'churn' }));
    await direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'churn', InferenceSpecification: { Containers: [{ Image: 'img' }] } }));
    const error = await rejection(registry.resolve('churn', { version: 1 }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^sagemaker:\/\/churn: churn v1 \(arn:aws:sagemaker:us-east-1:123456789012:model-package\/churn\/1\) was not registered by cd4ml-actions/);
    expect((await registry.list('churn')).map((entry) => [entry.version, entry.metrics])).toEqual([[1, {}]]);
  });

  test('SageMaker denies the call', async () => {
    fake.failNext('CreateModelPackage', 'AccessDeniedException', 1, { message: 'not authorized' });
    const error = await registerError(`sagemaker://churn?artifacts=${artifacts()}`);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      'sagemaker://churn: cannot register churn (CreateModelPackage failed with AccessDeniedException: not authorized); check the AWS credentials, and that the IAM policy allows sagemaker:CreateModelPackage on the model package group churn',
    );
  });

  test('no credentials at all', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const error = await rejection(registry.models());
      expect(error).toBeInstanceOf(EnvironmentError);
      expect(error.message).toBe(
        'sagemaker://churn: cannot list the models (DescribeModelPackageGroup): no AWS credentials are configured; configure them for the job (e.g. with aws-actions/configure-aws-credentials) and try again',
      );
    } finally {
      setS3rverCredentials();
    }
  });

  test('nothing listening at the SageMaker endpoint', async () => {
    const registry = createSageMakerRegistry(parseRegistryUri('sagemaker://churn', 'registry', scratch) as SageMakerLocation, { endpoint: 'http://127.0.0.1:9' });
    const error = await rejection(registry.list('churn'));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toMatch(
      /^sagemaker:\/\/churn: cannot list the versions of churn \(ListModelPackages failed with ECONNREFUSED: .*\); check the network and the SageMaker endpoint \(AWS_ENDPOINT_URL_SAGEMAKER \/ AWS_ENDPOINT_URL when set\)$/,
    );
  });

  test('a stored file that changed is refused', async () => {
    const registry = open(`sagemaker://churn?artifacts=${artifacts()}`);
    const { record } = await registry.register(await request());
    const file = record.files[0] as { location: string };
    const key = file.location.replace(`s3://${BUCKET}/`, '');
    await objects.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'tampered' }));
    await expect(registry.readFile(record, 'model/model.onnx')).rejects.toThrow(/has sha256 [0-9a-f]{64}, but the registry recorded/);
    const target = await mkdtemp(join(scratch, 'download-'));
    await expect(registry.download(record, target)).rejects.toThrow(ServiceError);
  });
});

describe('the fake speaks SageMaker as the SDK expects', () => {
  test('versions per group, ClientToken idempotency, pagination, filters and SageMaker\'s validation', async () => {
    await direct.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'a' }));
    await direct.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'b' }));
    const arns: string[] = [];
    for (let i = 0; i < 5; i += 1) arns.push((await direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'a', ClientToken: `token-${i}` }))).ModelPackageArn as string);
    const again = await direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'a', ClientToken: 'token-2' }));
    expect(again.ModelPackageArn).toBe(arns[2]);
    expect((await direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'b' }))).ModelPackageArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model-package/b/1');
    await direct.send(new UpdateModelPackageCommand({ ModelPackageArn: arns[3], ModelApprovalStatus: 'Approved' }));

    const first = await direct.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'a', MaxResults: 2, SortOrder: 'Descending' }));
    expect(first.ModelPackageSummaryList?.map((summary) => summary.ModelPackageVersion)).toEqual([5, 4]);
    expect(first.ModelPackageSummaryList?.[0]).not.toHaveProperty('ModelPackageName');
    expect(first.ModelPackageSummaryList?.[0]?.CreationTime).toBeInstanceOf(Date);
    const second = await direct.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'a', MaxResults: 2, SortOrder: 'Descending', NextToken: first.NextToken }));
    expect(second.ModelPackageSummaryList?.map((summary) => summary.ModelPackageVersion)).toEqual([3, 2]);
    const approved = await direct.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'a', ModelApprovalStatus: 'Approved' }));
    expect(approved.ModelPackageSummaryList?.map((summary) => summary.ModelPackageVersion)).toEqual([4]);
    expect((await direct.send(new ListModelPackageGroupsCommand({}))).ModelPackageGroupSummaryList?.map((group) => group.ModelPackageGroupName)).toEqual(['a', 'b']);

    const refusals = [
      direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'missing' })),
      direct.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'missing' })),
      direct.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'a' })),
      direct.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'has_underscore' })),
      direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'a', CustomerMetadataProperties: { 'bad?key': 'x' } })),
      direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'a', CustomerMetadataProperties: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) })),
      direct.send(new CreateModelPackageCommand({ ModelPackageGroupName: 'a', ClientToken: 'x'.repeat(37) })),
      direct.send(new ListModelPackagesCommand({ ModelPackageGroupName: 'a', NextToken: 'forged' })),
      direct.send(new DescribeModelPackageCommand({ ModelPackageName: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/a/99' })),
    ];
    const errors = await Promise.all(refusals.map((refusal) => rejection(refusal)));
    expect(errors.map((error) => error.name)).toEqual(Array(errors.length).fill('ValidationException'));
    expect(errors.map((error) => error.message).slice(0, 4)).toEqual([
      'Model Package Group arn:aws:sagemaker:us-east-1:123456789012:model-package-group/missing does not exist.',
      'ModelPackageGroup arn:aws:sagemaker:us-east-1:123456789012:model-package-group/missing does not exist.',
      'Model Package Group already exists: arn:aws:sagemaker:us-east-1:123456789012:model-package-group/a',
      "1 validation error detected: Value 'has_underscore' at 'modelPackageGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$",
    ]);
  });

  test('failNext answers the next calls with the error, recorded in the request log', async () => {
    fake.failNext('ListModelPackageGroups', 'AccessDeniedException', 2);
    expect((await rejection(direct.send(new ListModelPackageGroupsCommand({}))))?.name).toBe('AccessDeniedException');
    expect((await rejection(direct.send(new ListModelPackageGroupsCommand({}))))?.name).toBe('AccessDeniedException');
    expect((await direct.send(new ListModelPackageGroupsCommand({}))).ModelPackageGroupSummaryList).toEqual([]);
    expect(fake.requests.map((entry) => [entry.operation, entry.error])).toEqual([
      ['ListModelPackageGroups', 'AccessDeniedException'],
      ['ListModelPackageGroups', 'AccessDeniedException'],
      ['ListModelPackageGroups', undefined],
    ]);
  });

  test('the project\'s client factory honours AWS_ENDPOINT_URL_SAGEMAKER and the region', async () => {
    const client = sagemakerClient({ region: 'eu-west-1' });
    try {
      expect(await client.config.region()).toBe('eu-west-1');
      expect(await client.config.maxAttempts()).toBe(3);
      await client.send(new ListModelPackageGroupsCommand({}));
      expect(fake.operations()).toEqual(['ListModelPackageGroups']);
    } finally {
      client.destroy();
    }
  });
});

let contractRuns = 0;
registryContract('sagemaker://', async () => {
  fake.reset();
  contractRuns += 1;
  return { registry: open(`sagemaker://churn?artifacts=s3://${BUCKET}/contract-${contractRuns}`) };
}, { indexed: false });
