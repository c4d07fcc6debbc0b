/**
 * The sagemaker backend of train-on-gpu-runner through the real AWS SDK: SageMaker calls go to the
 * loopback SageMaker server of test/fakes (found through AWS_ENDPOINT_URL_SAGEMAKER), the data and
 * the model artifact to s3rver (AWS_ENDPOINT_URL_S3), both signed with dummy credentials. The fake
 * plays each job's script, one step per DescribeTrainingJob; the model artifact is a real tar.gz
 * built with the system tar and written to s3rver where SageMaker would put it.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateTrainingJobCommand,
  type CreateTrainingJobCommandInput,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  SageMakerClient,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { InputError, ServiceError } from '../../src/core/errors.js';
import type { MetricPattern } from '../../src/core/train/types.js';
import { type SageMakerTrainingOptions, runSageMakerTraining } from '../../src/platform/aws/sagemaker-training.js';
import { defaultJobName } from '../../src/platform/aws/sagemaker-training-request.js';
import { type FakeSageMaker, startFakeSageMaker } from '../fakes/sagemaker-server.js';
import { isolateAwsEnv, setS3rverCredentials } from '../support/aws-env.js';
import { recordingLogger } from '../support/logger.js';
import { rejection } from '../support/readers.js';
import { type LocalS3, S3RVER_CREDENTIALS, startS3rver } from '../support/s3rver.js';

const BUCKET = 'cd4ml-training';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerTraining';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1.0';
const PATTERNS: MetricPattern[] = [
  { name: 'loss', regex: /loss=([0-9.]+)/, source: 'loss=([0-9.]+)' },
  { name: 'accuracy', regex: /acc=([0-9.]+)/, source: 'acc=([0-9.]+)' },
];

let s3: LocalS3;
let fake: FakeSageMaker;
let scratch: string;
let objects: S3Client;
let direct: SageMakerClient;
let modelArchive: Uint8Array;
let runs = 0;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  s3 = await startS3rver();
  scratch = await mkdtemp(join(s3.dir, 'scratch-'));
  await s3.seed(BUCKET, { 'datasets/iris/train.csv': 'a,b\n1,2\n' });
  fake = await startFakeSageMaker();
  restoreEnv = isolateAwsEnv(s3.dir, { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_S3: s3.endpoint, AWS_ENDPOINT_URL_SAGEMAKER: fake.endpoint });
  setS3rverCredentials();
  objects = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  direct = new SageMakerClient({ endpoint: fake.endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS, maxAttempts: 1 });

  // A real model.tar.gz, as a training container leaves /opt/ml/model.
  const model = join(scratch, 'model-source');
  await mkdir(join(model, 'weights'), { recursive: true });
  await writeFile(join(model, 'model.json'), '{"kind":"mlp"}\n');
  await writeFile(join(model, 'weights', 'layer0.bin'), Buffer.from([1, 2, 3, 4]));
  execFileSync('tar', ['-czf', join(scratch, 'model.tar.gz'), '-C', model, '.']);
  modelArchive = await readFile(join(scratch, 'model.tar.gz'));

  // SageMaker uploads the model when the job completes; the fake asks the test to.
  fake.onTrainingCompleted = async (job) => {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(job.modelArtifacts ?? '');
    if (match === null) throw new Error(`no model artifact location for ${job.name}`);
    await objects.send(new PutObjectCommand({ Bucket: match[1], Key: match[2], Body: modelArchive }));
  };
});

afterAll(async () => {
  objects?.destroy();
  direct?.destroy();
  await fake?.stop();
  await s3?.stop();
  restoreEnv?.();
});

beforeEach(() => {
  fake.reset();
});

/** Options of a run with its own job name and model directory; the waits take no time. */
function options(overrides: Partial<SageMakerTrainingOptions> = {}): SageMakerTrainingOptions & { logger: ReturnType<typeof recordingLogger>; jobName: string } {
  runs += 1;
  return {
    jobName: `train-test-${runs}`,
    image: IMAGE,
    instanceType: 'ml.g5.xlarge',
    instanceCount: 1,
    roleArn: ROLE,
    s3Input: `s3://${BUCKET}/datasets/iris/`,
    data: [],
    s3Output: `s3://${BUCKET}/runs`,
    params: { lr: 0.01, layers: [64, 32], optimizer: 'adam', 'early-stop': true },
    seed: 7,
    metricPatterns: PATTERNS,
    spot: false,
    timeoutMinutes: 60,
    modelPath: join(scratch, `model-${runs}`),
    pollSeconds: 0.001,
    sleep: async () => undefined,
    ...overrides,
    logger: recordingLogger(),
  } as SageMakerTrainingOptions & { logger: ReturnType<typeof recordingLogger>; jobName: string };
}

async function keys(prefix: string): Promise<string[]> {
  const listed = await objects.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
}

async function text(key: string): Promise<string> {
  const output = await objects.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return (await output.Body?.transformToString()) ?? '';
}

describe('a training job that completes', () => {
  test('sends the job SageMaker expects, logs every transition once, reads the metrics and extracts the model', async () => {
    const run = options();
    fake.trainingScript(run.jobName, 'complete', { metrics: { loss: 0.123, accuracy: 0.95 } });

    const outcome = await runSageMakerTraining(run);

    expect(fake.bodies('CreateTrainingJob')).toEqual([
      {
        TrainingJobName: run.jobName,
        AlgorithmSpecification: {
          TrainingImage: IMAGE,
          TrainingInputMode: 'File',
          MetricDefinitions: [
            { Name: 'loss', Regex: 'loss=([0-9.]+)' },
            { Name: 'accuracy', Regex: 'acc=([0-9.]+)' },
          ],
        },
        RoleArn: ROLE,
        InputDataConfig: [
          {
            ChannelName: 'training',
            DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/datasets/iris/`, S3DataDistributionType: 'FullyReplicated' } },
          },
        ],
        OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/runs` },
        ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        HyperParameters: { lr: '0.01', layers: '[64,32]', optimizer: 'adam', 'early-stop': 'true', seed: '7' },
        Tags: [{ Key: 'cd4ml', Value: 'train-on-gpu-runner' }],
      },
    ]);

    expect(outcome).toMatchObject({
      backend: 'sagemaker',
      succeeded: true,
      trainingJobName: run.jobName,
      metrics: { loss: 0.123, accuracy: 0.95 },
      durationSeconds: 120,
      billableSeconds: 120,
      curve: [],
      modelPath: run.modelPath,
    });
    expect(outcome.failure).toBeUndefined();
    expect(outcome.transitions?.map((transition) => transition.status)).toEqual(['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']);
    expect(outcome.transitions?.[2]).toEqual({ status: 'Training', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown as string, message: 'Training image download completed. Training in progress.' });

    // Each transition is logged once, however many polls saw it; each status change once.
    const info = run.logger.messages('info');
    for (const status of ['Starting', 'Downloading', 'Training', 'Uploading', 'Completed']) {
      expect(info.filter((line) => line.startsWith(`training job ${run.jobName}: ${status} since `))).toHaveLength(1);
    }
    expect(info.filter((line) => line.startsWith(`training job ${run.jobName}: status `))).toEqual([
      `training job ${run.jobName}: status InProgress (Starting)`,
      `training job ${run.jobName}: status Completed (Completed)`,
    ]);
    expect(fake.operations()).toEqual(['CreateTrainingJob', ...Array<string>(6).fill('DescribeTrainingJob')]);

    // The model artifact, from where SageMaker put it, extracted in place of the archive.
    expect(fake.trainingJobs.get(run.jobName)?.modelArtifacts).toBe(`s3://${BUCKET}/runs/${run.jobName}/output/model.tar.gz`);
    expect(await readFile(join(run.modelPath, 'model.json'), 'utf8')).toBe('{"kind":"mlp"}\n');
    expect([...(await readFile(join(run.modelPath, 'weights', 'layer0.bin')))]).toEqual([1, 2, 3, 4]);
    expect((await readdir(run.modelPath)).sort()).toEqual(['model.json', 'weights']);
    expect(info).toContain(`Downloaded the model artifact s3://${BUCKET}/runs/${run.jobName}/output/model.tar.gz and extracted it into ${run.modelPath} with tar`);
  });

  test('with spot: checkpoints and MaxWaitTimeInSeconds are sent; an interruption is logged and the job goes on to completion', async () => {
    const run = options({ spot: true, timeoutMinutes: 90 });
    fake.trainingScript(run.jobName, 'spot-interrupted', { metrics: { loss: 0.2 } });

    const outcome = await runSageMakerTraining(run);

    const [request] = fake.bodies('CreateTrainingJob');
    expect(request).toMatchObject({
      EnableManagedSpotTraining: true,
      CheckpointConfig: { S3Uri: `s3://${BUCKET}/runs/${run.jobName}/checkpoints/` },
      StoppingCondition: { MaxRuntimeInSeconds: 5400, MaxWaitTimeInSeconds: 9000 },
    });
    expect(outcome).toMatchObject({ succeeded: true, metrics: { loss: 0.2 }, durationSeconds: 150, billableSeconds: 60, modelPath: run.modelPath });
    expect(outcome.transitions?.map((transition) => transition.status)).toEqual([
      'Starting',
      'Downloading',
      'Training',
      'Interrupted',
      'Restarting',
      'Starting',
      'Downloading',
      'Training',
      'Uploading',
      'Completed',
    ]);
    const warnings = run.logger.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^training job ${run.jobName}: Interrupted since .+: Training job interrupted because the spot instances were reclaimed \\(the spot capacity was reclaimed; SageMaker restarts the job from the checkpoints in s3://${BUCKET}/runs/${run.jobName}/checkpoints/ when capacity returns\\)$`));
    expect(run.logger.messages('info').filter((line) => line.includes(': Restarting since '))).toHaveLength(1);
    expect(run.logger.messages('info')).toContain(`training job ${run.jobName}: completed; final metrics {"loss":0.2}; 150 s of training, 60 s billable per instance, 60% saved by managed spot`);
    expect(await readFile(join(run.modelPath, 'model.json'), 'utf8')).toBe('{"kind":"mlp"}\n');
  });

  test('an explicit max-wait-minutes is sent as MaxWaitTimeInSeconds with spot', async () => {
    const run = options({ spot: true, timeoutMinutes: 30, maxWaitMinutes: 45 });
    await runSageMakerTraining(run);
    expect(fake.bodies('CreateTrainingJob')[0]?.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 1800, MaxWaitTimeInSeconds: 2700 });
  });

  test('without tar on PATH the artifact is kept as model.tar.gz, and the log says so', async () => {
    const run = options();
    const path = process.env.PATH;
    process.env.PATH = join(scratch, 'no-tools-here');
    let outcome;
    try {
      outcome = await runSageMakerTraining(run);
    } finally {
      process.env.PATH = path;
    }
    expect(outcome.succeeded).toBe(true);
    expect(await readdir(run.modelPath)).toEqual(['model.tar.gz']);
    expect(new Uint8Array(await readFile(join(run.modelPath, 'model.tar.gz')))).toEqual(new Uint8Array(modelArchive));
    expect(run.logger.messages('info')).toContain(
      `Downloaded the model artifact s3://${BUCKET}/runs/${run.jobName}/output/model.tar.gz to ${join(run.modelPath, 'model.tar.gz')}; kept it as an archive because the system tar is not on PATH (extract it with: tar -xzf ${join(run.modelPath, 'model.tar.gz')} -C ${run.modelPath})`,
    );
  });

  test('a poll that fails transiently is logged and the wait goes on', async () => {
    const run = options();
    // The SDK makes 3 attempts per call: 3 faults fail one poll.
    fake.failNext('DescribeTrainingJob', 'InternalFailure', 3);
    const outcome = await runSageMakerTraining(run);
    expect(outcome.succeeded).toBe(true);
    const warnings = run.logger.messages('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^SageMaker training job train-test-\d+: cannot read the job status \(DescribeTrainingJob failed with InternalFailure: Injected InternalFailure for DescribeTrainingJob\); SageMaker failed on its side; try again later \(failed poll 1 in a row of at most 5; trying again at the next poll\)$/);
  });
});

describe('a training job that does not complete', () => {
  test('a poll SageMaker refuses (not transiently) fails the run at once, in one line', async () => {
    const run = options();
    fake.failNext('DescribeTrainingJob', 'AccessDeniedException', 1, { message: 'User is not authorized to perform: sagemaker:DescribeTrainingJob' });
    const error = await rejection(runSageMakerTraining(run));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      `SageMaker training job ${run.jobName}: cannot read the job status (DescribeTrainingJob failed with AccessDeniedException: User is not authorized to perform: sagemaker:DescribeTrainingJob); check the AWS credentials, and that the IAM policy allows sagemaker:DescribeTrainingJob`,
    );
  });

  test('a CreateTrainingJob denied names the permissions, iam:PassRole included', async () => {
    const run = options();
    fake.failNext('CreateTrainingJob', 'AccessDeniedException', 1, { message: 'not authorized' });
    const error = await rejection(runSageMakerTraining(run));
    expect(error.message).toBe(
      `SageMaker training job ${run.jobName}: cannot start the training job (CreateTrainingJob failed with AccessDeniedException: not authorized); check the AWS credentials, and that the IAM policy allows sagemaker:CreateTrainingJob, and iam:PassRole on ${ROLE}`,
    );
    expect(fake.operations()).toEqual(['CreateTrainingJob']);
  });

  test('Failed: the outcome quotes FailureReason, and no model is downloaded', async () => {
    const run = options();
    fake.trainingScript(run.jobName, 'fail');
    const outcome = await runSageMakerTraining(run);
    expect(outcome.succeeded).toBe(false);
    expect(outcome.failure).toBe(
      `SageMaker training job ${run.jobName} failed: AlgorithmError: ExecuteUserScriptError: ExitCode 1 ErrorMessage "ValueError: could not convert string to float" (logs: CloudWatch /aws/sagemaker/TrainingJobs, streams ${run.jobName}/…)`,
    );
    expect(outcome.modelPath).toBeUndefined();
    expect(outcome.transitions?.at(-1)).toMatchObject({ status: 'Failed', message: 'Training job failed' });
    await expect(readdir(run.modelPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('Stopped by someone else: the outcome says so', async () => {
    const run = options();
    fake.trainingScript(run.jobName, 'stop-by-user');
    const outcome = await runSageMakerTraining(run);
    expect(outcome).toMatchObject({ succeeded: false, failure: `SageMaker training job ${run.jobName} was stopped from outside this run (StopTrainingJob from the console, the CLI or another tool) before it completed.` });
    expect(fake.operations()).not.toContain('StopTrainingJob');
    expect(run.logger.messages('info')).toContain(`training job ${run.jobName}: status Stopping (Stopping)`);
  });

  test('Stopped by SageMaker at MaxRuntimeInSeconds: the outcome names timeout-minutes', async () => {
    const run = options({ timeoutMinutes: 15 });
    fake.trainingScript(run.jobName, [{ secondary: 'Training' }, { status: 'Stopped', secondary: 'MaxRuntimeExceeded', message: 'Training job exceeded MaxRuntimeInSeconds' }]);
    const outcome = await runSageMakerTraining(run);
    expect(outcome.failure).toBe(`SageMaker training job ${run.jobName} was stopped by SageMaker: it ran past MaxRuntimeInSeconds 900 (timeout-minutes 15). Raise timeout-minutes if the training needs longer.`);
  });

  test('cancellation: StopTrainingJob is sent, the job is waited for until Stopped, and the outcome is cancelled', async () => {
    const controller = new AbortController();
    let pauses = 0;
    const run = options({
      signal: controller.signal,
      sleep: async () => {
        pauses += 1;
        if (pauses === 2) controller.abort();
      },
    });
    fake.trainingScript(run.jobName, 'complete');

    const outcome = await runSageMakerTraining(run);

    expect(outcome.succeeded).toBe(false);
    expect(outcome.failure).toBe(`cancelled: the run was cancelled; SageMaker training job ${run.jobName} was stopped (StopTrainingJob; final status Stopped).`);
    expect(fake.operations()).toEqual(['CreateTrainingJob', 'DescribeTrainingJob', 'DescribeTrainingJob', 'StopTrainingJob', 'DescribeTrainingJob']);
    expect(fake.bodies('StopTrainingJob')).toEqual([{ TrainingJobName: run.jobName }]);
    expect(fake.trainingJobs.get(run.jobName)?.status).toBe('Stopped');
    expect(outcome.transitions?.map((transition) => transition.status).slice(-2)).toEqual(['Stopping', 'Stopped']);
    expect(outcome.modelPath).toBeUndefined();
  });

  test('a run cancelled before the job is created creates none', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = options({ signal: controller.signal });
    const outcome = await runSageMakerTraining(run);
    expect(outcome.failure).toBe(`cancelled: the run was cancelled before SageMaker training job ${run.jobName} was created; nothing runs in SageMaker.`);
    expect(fake.operations()).toEqual([]);
  });

  test('past the wait bound the job is stopped and the outcome names the bound', async () => {
    let clock = Date.parse('2026-11-20T10:00:00Z');
    const run = options({
      timeoutMinutes: 1,
      // Every reading of the clock is 20 minutes later: the bound (1 + 30 minutes) is passed at the second poll.
      now: () => (clock += 20 * 60_000),
    });
    fake.trainingScript(run.jobName, [{ secondary: 'Starting', message: 'Preparing the instances for training' }, { secondary: 'Training' }]);

    const outcome = await runSageMakerTraining(run);

    expect(outcome.failure).toBe(
      `SageMaker training job ${run.jobName} did not finish within the wait bound (timeout-minutes 1 + 30 minutes for provisioning and upload); it was stopped (StopTrainingJob; final status Stopped). Raise timeout-minutes if the training needs longer.`,
    );
    expect(fake.operations()).toEqual(['CreateTrainingJob', 'DescribeTrainingJob', 'DescribeTrainingJob', 'StopTrainingJob', 'DescribeTrainingJob']);
    expect(run.logger.messages('warning')).toEqual([
      `training job ${run.jobName}: still InProgress at the wait bound (timeout-minutes 1 + 30 minutes for provisioning and upload); stopping it`,
    ]);
  });

  test('a name in use: CreateTrainingJob answers ResourceInUse, reported in one line', async () => {
    const first = options();
    await runSageMakerTraining(first);
    const again = options({ jobName: first.jobName });
    const error = await rejection(runSageMakerTraining(again));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      `SageMaker training job ${first.jobName}: cannot start the training job (CreateTrainingJob failed with ResourceInUse: Training job names must be unique within an AWS account and region, and a training job with this name already exists (arn:aws:sagemaker:us-east-1:123456789012:training-job/${first.jobName})); a training job with this name exists already; training job names are unique per account and region, so run again for a new name`,
    );
  });
});

describe('local data', () => {
  test('without s3-input, the data paths are uploaded under <s3-output>/<job>/input/ and become the training channel', async () => {
    const data = join(scratch, 'data-upload');
    await mkdir(join(data, 'dir', 'nested'), { recursive: true });
    await writeFile(join(data, 'dir', 'train.csv'), 'x,y\n1,2\n');
    await writeFile(join(data, 'dir', 'nested', 'valid.csv'), 'x,y\n3,4\n');
    await writeFile(join(data, 'labels.txt'), 'cat\ndog\n');
    const { jobName: _name, s3Input: _input, ...rest } = options({ data: ['dir', join(data, 'labels.txt')], cwd: data, env: { GITHUB_REPOSITORY: 'octo/Churn_Model', GITHUB_RUN_ID: '987654321' } });

    const outcome = await runSageMakerTraining(rest);

    const name = outcome.trainingJobName ?? '';
    expect(name).toMatch(/^cd4ml-Churn-Model-987654321-[0-9a-f]{6}$/);
    expect(await keys(`runs/${name}/input/`)).toEqual([`runs/${name}/input/labels.txt`, `runs/${name}/input/nested/valid.csv`, `runs/${name}/input/train.csv`]);
    expect(await text(`runs/${name}/input/nested/valid.csv`)).toBe('x,y\n3,4\n');
    expect(await text(`runs/${name}/input/labels.txt`)).toBe('cat\ndog\n');
    const [request] = fake.bodies('CreateTrainingJob');
    expect(request?.InputDataConfig).toEqual([
      { ChannelName: 'training', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: `s3://${BUCKET}/runs/${name}/input/`, S3DataDistributionType: 'FullyReplicated' } } },
    ]);
    expect(request?.Tags).toEqual([
      { Key: 'cd4ml', Value: 'train-on-gpu-runner' },
      { Key: 'cd4ml:repository', Value: 'octo/Churn_Model' },
      { Key: 'cd4ml:run-id', Value: '987654321' },
    ]);
    expect(rest.logger.messages('info')).toContain(`Uploaded 3 file(s), 24 bytes, as the training channel s3://${BUCKET}/runs/${name}/input/`);
    expect(outcome.succeeded).toBe(true);
  });

  test('the default job name fits SageMaker: at most 63 letters, digits and hyphens', () => {
    const now = Date.parse('2026-11-20T10:11:12Z');
    expect(defaultJobName({}, now, () => 'a1b2c3')).toBe('cd4ml-local-20261120101112-a1b2c3');
    const long = defaultJobName({ GITHUB_REPOSITORY: `octo/${'very-long-repository-name-'.repeat(4)}`, GITHUB_RUN_ID: '12345678901' }, now, () => 'a1b2c3');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^cd4ml-very-long-repository-name-[a-z-]*[a-z]-12345678901-a1b2c3$/);
  });
});

describe('input errors, before any request', () => {
  test.each<[string, Partial<SageMakerTrainingOptions>, string]>([
    ['no image', { image: ' ' }, 'image: the sagemaker backend needs the training container image URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest; set image.'],
    ['no role', { roleArn: '' }, 'role-arn: the sagemaker backend needs the ARN of the IAM role SageMaker assumes to run the job, e.g. arn:aws:iam::123456789012:role/SageMakerTraining; set role-arn.'],
    [
      'a user ARN for the role',
      { roleArn: 'arn:aws:iam::123456789012:user/alice' },
      'role-arn: "arn:aws:iam::123456789012:user/alice" is not an IAM role ARN; expected arn:aws:iam::<12-digit account id>:role/<name>, the execution role SageMaker assumes.',
    ],
    ['a short account id', { roleArn: 'arn:aws:iam::1234:role/x' }, 'role-arn: "arn:aws:iam::1234:role/x" is not an IAM role ARN; expected arn:aws:iam::<12-digit account id>:role/<name>, the execution role SageMaker assumes.'],
    ['no instance type', { instanceType: '' }, 'instance-type: the sagemaker backend needs a SageMaker instance type, e.g. ml.g5.xlarge; set instance-type.'],
    ['an EC2 instance type', { instanceType: 'g5.xlarge' }, 'instance-type: "g5.xlarge" is not a SageMaker instance type; expected ml.<family>.<size>, e.g. ml.g5.xlarge.'],
    ['no instances', { instanceCount: 0 }, 'instance-count: 0 is not a number of instances; expected a whole number of at least 1.'],
    ['no s3-output', { s3Output: '' }, 's3-output: the sagemaker backend needs the s3://<bucket>/<prefix> SageMaker writes the model artifact to; set s3-output.'],
    [
      'an https s3-output',
      { s3Output: 'https://cd4ml-training.s3.amazonaws.com/runs' },
      's3-output: "https://cd4ml-training.s3.amazonaws.com/runs" is not an S3 URI; expected s3://<bucket>/<prefix>, with a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens.',
    ],
    [
      'an s3-input with an upper-case bucket',
      { s3Input: 's3://My_Bucket/data' },
      's3-input: "s3://My_Bucket/data" is not an S3 URI; expected s3://<bucket>/<prefix>, with a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens.',
    ],
    ['an s3-input with //', { s3Input: 's3://cd4ml-training/data//x' }, 's3-input: "s3://cd4ml-training/data//x" has an empty path segment ("//"); expected s3://<bucket>/<prefix>.'],
    [
      'a max-wait below the timeout',
      { spot: true, timeoutMinutes: 60, maxWaitMinutes: 30 },
      'max-wait-minutes: 30 is less than timeout-minutes (60); it bounds the wait for capacity and the training together, so it must be at least timeout-minutes. Raise max-wait-minutes or lower timeout-minutes.',
    ],
    ['a timeout past 28 days', { timeoutMinutes: 43200 }, 'timeout-minutes: 43200 is not a SageMaker training time; expected a whole number of minutes from 1 to 40320 (28 days, SageMaker\'s limit).'],
    [
      'a job name with an underscore',
      { jobName: 'my_job' },
      'training job name: "my_job" is not a SageMaker training job name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.',
    ],
    [
      'a seed in params that is not the seed',
      { params: { seed: 3 }, seed: 7 },
      'params: "seed" is 3 but the seed input is 7; set the seed with the seed input only (it is passed to SageMaker as the seed hyperparameter).',
    ],
    [
      'a hyperparameter too long for SageMaker',
      { params: { notes: 'x'.repeat(2501) } },
      'params: "notes" is 2501 characters as a SageMaker hyperparameter; SageMaker accepts values of at most 2500. Pass large settings in a file of the training data instead.',
    ],
    [
      'too many metrics',
      { metricPatterns: Array.from({ length: 41 }, (_, index) => ({ name: `m${index}`, regex: /m=(\d)/, source: 'm=(\\d)' })) },
      'metric-regex: 41 metrics; SageMaker accepts at most 40 metric definitions per training job.',
    ],
    ['an empty model path', { modelPath: ' ' }, 'model-path: empty; set model-path to the directory the trained model is downloaded to.'],
  ])('%s', async (_name, overrides, message) => {
    const error = await rejection(runSageMakerTraining(options(overrides)));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
    expect(fake.requests).toEqual([]);
  });

  test('a local data path that does not exist, when it is to be uploaded', async () => {
    const { s3Input: _input, ...run } = options({ data: ['missing.csv'], cwd: scratch });
    const error = await rejection(runSageMakerTraining(run));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data: "missing.csv" cannot be read (ENOENT); check the path, or set s3-input to data already in S3.');
    expect(fake.requests).toEqual([]);
  });

  test('two data paths that would land on the same key', async () => {
    await mkdir(join(scratch, 'twins', 'a'), { recursive: true });
    await mkdir(join(scratch, 'twins', 'b'), { recursive: true });
    await writeFile(join(scratch, 'twins', 'a', 'train.csv'), '1\n');
    await writeFile(join(scratch, 'twins', 'b', 'train.csv'), '2\n');
    const { s3Input: _input, ...run } = options({ data: ['twins/a', 'twins/b'], cwd: scratch });
    const error = await rejection(runSageMakerTraining(run));
    expect(error.message).toBe(
      `data: ${join(scratch, 'twins', 'a', 'train.csv')} and ${join(scratch, 'twins', 'b', 'train.csv')} would both be uploaded as train.csv of the training channel; rename one, or put them in one directory.`,
    );
    expect(fake.requests).toEqual([]);
  });
});

describe('the fake refuses what SageMaker refuses', () => {
  const valid = (name: string): CreateTrainingJobCommandInput => ({
    TrainingJobName: name,
    AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
    RoleArn: ROLE,
    OutputDataConfig: { S3OutputPath: `s3://${BUCKET}/runs` },
    ResourceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30 },
    StoppingCondition: { MaxRuntimeInSeconds: 600 },
  });

  test.each<[string, (input: CreateTrainingJobCommandInput) => CreateTrainingJobCommandInput, string]>([
    ['spot without MaxWaitTimeInSeconds', (input) => ({ ...input, EnableManagedSpotTraining: true }), 'Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds'],
    [
      'MaxWaitTimeInSeconds below MaxRuntimeInSeconds',
      (input) => ({ ...input, EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 600, MaxWaitTimeInSeconds: 300 } }),
      'Invalid MaxWaitTimeInSeconds. It must be present and be greater than or equal to MaxRuntimeInSeconds',
    ],
    ['MaxWaitTimeInSeconds without spot', (input) => ({ ...input, StoppingCondition: { MaxRuntimeInSeconds: 600, MaxWaitTimeInSeconds: 900 } }), 'Invalid MaxWaitTimeInSeconds. It is only supported when EnableManagedSpotTraining is set to true'],
    [
      'a user ARN as the role',
      (input) => ({ ...input, RoleArn: 'arn:aws:iam::123456789012:user/alice' }),
      "1 validation error detected: Value 'arn:aws:iam::123456789012:user/alice' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
    ],
    ['no StoppingCondition', ({ StoppingCondition: _s, ...input }) => input, "1 validation error detected: Value 'null' at 'stoppingCondition' failed to satisfy constraint: Member must not be null"],
    [
      'a name with an underscore',
      (input) => ({ ...input, TrainingJobName: 'bad_name' }),
      "1 validation error detected: Value 'bad_name' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}",
    ],
  ])('%s', async (_name, change, message) => {
    const error = await rejection(direct.send(new CreateTrainingJobCommand(change(valid('fake-check')))));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(message);
    expect(fake.trainingJobs.size).toBe(0);
  });

  test('an unknown job, Stop of an ended job, and the job list', async () => {
    const unknown = await rejection(direct.send(new DescribeTrainingJobCommand({ TrainingJobName: 'nobody' })));
    expect([unknown.name, unknown.message]).toEqual(['ValidationException', 'Requested resource not found.']);

    fake.trainingScript('quick', [{ status: 'Completed', secondary: 'Completed', metrics: { loss: 1 } }]);
    await direct.send(new CreateTrainingJobCommand(valid('quick')));
    await direct.send(new CreateTrainingJobCommand(valid('slow')));
    const done = await direct.send(new DescribeTrainingJobCommand({ TrainingJobName: 'quick' }));
    expect(done).toMatchObject({ TrainingJobStatus: 'Completed', FinalMetricDataList: [{ MetricName: 'loss', Value: 1 }], ModelArtifacts: { S3ModelArtifacts: `s3://${BUCKET}/runs/quick/output/model.tar.gz` } });
    expect(done.CreationTime).toBeInstanceOf(Date);
    const refused = await rejection(direct.send(new StopTrainingJobCommand({ TrainingJobName: 'quick' })));
    expect(refused.name).toBe('ValidationException');

    const listed = await direct.send(new ListTrainingJobsCommand({ StatusEquals: 'InProgress' }));
    expect(listed.TrainingJobSummaries?.map((job) => job.TrainingJobName)).toEqual(['slow']);
    await direct.send(new StopTrainingJobCommand({ TrainingJobName: 'slow' }));
    expect((await direct.send(new DescribeTrainingJobCommand({ TrainingJobName: 'slow' }))).TrainingJobStatus).toBe('Stopped');
  });
});
