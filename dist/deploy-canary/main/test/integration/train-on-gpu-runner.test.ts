/**
 * train-on-gpu-runner's committed bundle, run as the runner runs it, on the `runner` backend: the
 * example trained on CPU, the GPU check against stand-ins for nvidia-smi (a GPU, a broken driver,
 * none at all), timeouts and cancellation that stop the whole process group, and bad input.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeSageMaker, startFakeSageMaker } from '../fakes/sagemaker-server.js';
import { type LocalS3, S3RVER_CREDENTIALS, startS3rver } from '../support/s3rver.js';
import { nodeRuntimes, ROOT, runBundle } from '../support/runner.js';

const GPU_PATH = `${join(ROOT, 'test/fixtures/nvidia-smi/gpu')}:${process.env['PATH']}`;
const BROKEN_PATH = `${join(ROOT, 'test/fixtures/nvidia-smi/broken')}:${process.env['PATH']}`;
/** A PATH with Node and bash but no nvidia-smi. */
const NO_GPU_PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;
const DATA = 'examples/data/customers.csv';

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'cd4ml-train-'));
}

/** A training command that logs a curve and writes a model and its metrics. */
const TINY = [
  'for i in 1 2 3 4; do echo "epoch=$i loss=0.$((9 - i))"; done',
  'echo "params=$CD4ML_PARAMS seed=$CD4ML_SEED"',
  'printf onnx > "$CD4ML_OUTPUT_DIR/model.onnx"',
  'echo \'{"roc_auc": 0.81, "nested": {"f1": 0.5}}\' > "$CD4ML_METRICS_FILE"',
].join('\n');

function inputs(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { run: TINY, 'model-path': join(dir, 'out/model'), 'metrics-file': join(dir, 'metrics.json'), 'metric-regex': 'loss: loss=([0-9.]+)', ...extra };
}

describe.each(nodeRuntimes())('under $name', (node) => {
  test('the example trains on CPU with require-gpu: false: model, metrics, record, curve and summary', async () => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', {
      node,
      inputs: {
        run: 'node examples/train.mjs',
        'require-gpu': 'false',
        params: '{"epochs": 200}',
        seed: '7',
        data: DATA,
        'model-path': join(dir, 'model'),
        'metrics-file': join(dir, 'metrics.json'),
        'metric-regex': 'loss: loss=([0-9.]+)\nval_auc: val_auc=([0-9.]+)',
      },
      env: { PATH: NO_GPU_PATH },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs['model-path']).toBe(join(dir, 'model'));
    expect(existsSync(join(dir, 'model/model.onnx'))).toBe(true);
    expect(run.outputs['gpu']).toBe('none');
    expect(run.outputs['gpu-hours']).toBe('0');
    const metrics = JSON.parse(run.outputs['metrics']!) as Record<string, number>;
    expect(metrics['roc_auc']).toBeGreaterThan(0.7);
    expect(run.stdout).toContain('No GPU (nvidia-smi is not installed (no NVIDIA driver on this machine)); training on CPU, as require-gpu: false allows.');
    const record = JSON.parse(readFileSync(run.outputs['record']!, 'utf8')) as Record<string, unknown>;
    expect(run.outputs['record']).toBe(join(dir, 'training-record.json'));
    expect(record).toMatchObject({
      format: 'cd4ml-training-record',
      backend: 'runner',
      command: 'node examples/train.mjs',
      params: { epochs: 200 },
      seed: 7,
      gitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      data: [{ path: DATA, sha256: createHash('sha256').update(readFileSync(join(ROOT, DATA))).digest('hex'), bytes: readFileSync(join(ROOT, DATA)).length }],
      gpu: null,
      metrics,
      environment: { node: expect.stringMatching(/^v\d+/) },
    });
    expect(run.summary).toMatch(/^### ✅ Training finished in \d/);
    expect(run.summary).toMatch(/^\| Ran on +\| this runner \(CPU\) +\|$/m);
    expect(run.summary).toContain('```mermaid\nxychart-beta\n  title "loss over training"');
    expect(run.summary).toContain('"val_auc over training"');
  });
});

describe('the GPU check', () => {
  test('with a GPU: its name, driver and CUDA version, peak memory, utilisation and GPU-hours', async () => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', { inputs: inputs(dir, { run: `${TINY}\nsleep 1.5` }), env: { PATH: GPU_PATH } });
    expect(run.errors).toEqual([]);
    expect(run.outputs['gpu']).toBe('NVIDIA H100 80GB HBM3');
    expect(Number(run.outputs['gpu-hours'])).toBeGreaterThan(0);
    expect(Number(run.outputs['gpu-hours'])).toBeCloseTo(Number(run.outputs['duration-seconds']) / 3600, 6);
    expect(run.stdout).toContain('GPU 0: NVIDIA H100 80GB HBM3, 81,559 MiB, driver 550.54.15, CUDA 12.4');
    expect(run.summary).toMatch(/^\| GPU +\| 1× NVIDIA H100 80GB HBM3, driver 550\.54\.15, CUDA 12\.4 +\|$/m);
    expect(run.summary).toMatch(/\| Peak GPU memory +\| 20,990 MiB of 81,559 MiB/);
    const record = JSON.parse(readFileSync(run.outputs['record']!, 'utf8')) as { gpu: { gpus: unknown[]; peakMemoryMiB: number } };
    expect(record.gpu).toMatchObject({ gpus: [{ index: 0, name: 'NVIDIA H100 80GB HBM3', memoryTotalMiB: 81559, driverVersion: '550.54.15', cudaVersion: '12.4' }], peakMemoryMiB: 20990 });
  });

  test.each([
    ['a driver nvidia-smi cannot reach', BROKEN_PATH, "nvidia-smi failed (exit 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.)"],
    ['no nvidia-smi at all', NO_GPU_PATH, 'nvidia-smi is not installed (no NVIDIA driver on this machine)'],
  ])('require-gpu: true with %s fails at once with guidance, before training', async (_what, path, reason) => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', { inputs: inputs(dir, { run: `touch ${join(dir, 'trained')}` }), env: { PATH: path } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      `train-on-gpu-runner: No NVIDIA GPU on this runner: ${reason}; route the job to a GPU runner (\`runs-on:\` a self-hosted runner label such as \`gpu\`, or a GitHub-hosted GPU runner size), or set require-gpu: false to train on CPU.`,
    ]);
    expect(existsSync(join(dir, 'trained'))).toBe(false);
  });
});

describe('stopping and failing', () => {
  /** A command that starts a grandchild and writes both pids, then waits. */
  const sleepers = (dir: string) => `echo $$ > ${dir}/pids; sleep 300 & echo $! >> ${dir}/pids; wait`;
  /** Running, not a zombie: a killed orphan stays a zombie until init reaps it, which a container's init may never do. */
  const alive = (pid: number) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };

  test('timeout-minutes stops the whole process group and fails with the reason', async () => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', { inputs: inputs(dir, { run: sleepers(dir), 'timeout-minutes': '0.02', 'require-gpu': 'false' }), env: { PATH: NO_GPU_PATH } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['train-on-gpu-runner: training failed: the training ran past timeout-minutes (0.02 min) and was stopped with its whole process group (TERM, then KILL)']);
    const pids = readFileSync(join(dir, 'pids'), 'utf8').trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    expect(pids.filter(alive)).toEqual([]);
    expect(run.summary).toContain('### ❌ Training failed: the training ran past timeout-minutes');
  });

  test('a cancelled run (SIGINT to the action) stops the training and its children', async () => {
    const dir = workDir();
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: NO_GPU_PATH, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md'), RUNNER_TEMP: dir };
    writeFileSync(join(dir, 'output'), '');
    writeFileSync(join(dir, 'summary.md'), '');
    for (const [name, value] of Object.entries({ ...inputs(dir, { run: sleepers(dir), 'require-gpu': 'false' }), 'working-directory': '.', backend: 'runner', params: '{}', seed: '42', 'timeout-minutes': '10', 'instance-count': '1', spot: 'false' })) {
      env[`INPUT_${name.toUpperCase()}`] = value;
    }
    const child = spawn(process.execPath, [join(ROOT, 'dist/train-on-gpu-runner/index.js')], { cwd: ROOT, env });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, 'pids')) && readFileSync(join(dir, 'pids'), 'utf8').trim().split('\n').length === 2) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toContain('::error::train-on-gpu-runner: training failed: the workflow run was cancelled; the training was stopped with its whole process group');
    const pids = readFileSync(join(dir, 'pids'), 'utf8').trim().split('\n').map(Number);
    expect(pids.filter(alive)).toEqual([]);
  });

  test('a command that exits non-zero fails with its exit code and its last lines in the summary', async () => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', { inputs: inputs(dir, { run: 'echo "loading data"\necho "CUDA out of memory" >&2\nexit 3', 'require-gpu': 'false' }), env: { PATH: NO_GPU_PATH } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['train-on-gpu-runner: training failed: the training command exited with code 3']);
    expect(run.summary).toContain('#### Last lines of output\n\n```\nloading data\nCUDA out of memory\n```');
    expect(run.outputs).toEqual({});
  });

  test.each([
    ['writes no metrics file', 'true', /^train-on-gpu-runner: The training finished but wrote no metrics to .*metrics\.json \(CD4ML_METRICS_FILE\); have it write its final metrics there as JSON, e\.g\. \{"roc_auc": 0\.83\}\.$/],
    ['writes metrics that are not JSON', 'echo "roc_auc=0.8" > "$CD4ML_METRICS_FILE"', /^train-on-gpu-runner: .*metrics\.json \(CD4ML_METRICS_FILE\) is not valid JSON: .*; write the final metrics as a JSON object, e\.g\. \{"roc_auc": 0\.83\}\.$/],
  ])('a training that %s fails with a clear message', async (_what, command, message) => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', { inputs: inputs(dir, { run: command, 'require-gpu': 'false' }), env: { PATH: NO_GPU_PATH } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(message);
  });

  test.each([
    [{ 'metric-regex': 'loss: loss=[0-9.]+' }, 'train-on-gpu-runner: Input "metric-regex": the regex for loss has 0 capture groups; it needs exactly one, around the value (use (?:…) for other groups), e.g. `loss: loss=([0-9.eE+-]+)`.'],
    [{ 'metric-regex': 'loss=([0-9.]+)' }, 'train-on-gpu-runner: Input "metric-regex": "loss=([0-9.]+)" is not a `name: regex` line; write e.g. `loss: loss=([0-9.]+)`.'],
    [{ 'cache-paths': '~/.cache/pip' }, 'train-on-gpu-runner: Input "cache-paths" needs "cache-key", the key the paths are cached under (e.g. data-${{ hashFiles(\'data/**\') }}).'],
    [{ data: 'data/missing.csv' }, 'train-on-gpu-runner: Input "data": data/missing.csv does not exist; list the training data files or directories (relative to the working directory).'],
  ])('bad input %o is one line, before anything runs', async (extra, message) => {
    const dir = workDir();
    const run = await runBundle('train-on-gpu-runner', { inputs: inputs(dir, { ...extra, run: `touch ${join(dir, 'trained')}`, 'require-gpu': 'false' }), env: { PATH: NO_GPU_PATH } });
    expect(run.errors).toEqual([message]);
    expect(existsSync(join(dir, 'trained'))).toBe(false);
  });
});

describe('backend: sagemaker, from the bundle', () => {
  const BUCKET = 'cd4ml-training';
  let s3: LocalS3;
  let fake: FakeSageMaker;
  let archive: Buffer;
  let env: Record<string, string>;

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.seed(BUCKET, { 'datasets/churn/train.csv': 'a,b\n1,2\n' });
    fake = await startFakeSageMaker();
    const source = mkdtempSync(join(s3.dir, 'model-'));
    writeFileSync(join(source, 'model.onnx'), 'onnx bytes');
    execFileSync('tar', ['-czf', join(s3.dir, 'model.tar.gz'), '-C', source, '.']);
    archive = readFileSync(join(s3.dir, 'model.tar.gz'));
    fake.onTrainingCompleted = async (job) => {
      const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(job.modelArtifacts ?? '');
      const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
      await client.send(new PutObjectCommand({ Bucket: match![1]!, Key: match![2]!, Body: archive }));
      client.destroy();
    };
    env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SAGEMAKER: fake.endpoint,
      AWS_CONFIG_FILE: join(s3.dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(s3.dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      CD4ML_SAGEMAKER_POLL_SECONDS: '0.05',
    };
  });
  afterAll(async () => {
    await fake?.stop();
    await s3?.stop();
  });

  const sagemakerInputs = (dir: string, jobName: string) => ({
    run: 'python train.py',
    backend: 'sagemaker',
    image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:1.0',
    'instance-type': 'ml.g5.xlarge',
    'role-arn': 'arn:aws:iam::123456789012:role/SageMakerTraining',
    's3-input': `s3://${BUCKET}/datasets/churn/`,
    's3-output': `s3://${BUCKET}/runs`,
    'model-path': join(dir, 'model'),
    params: '{"lr": 0.05}',
    'metric-regex': 'loss: loss=([0-9.]+)',
    // The job name comes from the run: this test's run id keeps it apart from the others.
    _job: jobName,
  });

  test('a job that completes: model downloaded and extracted, metrics, job name and record', async () => {
    const dir = workDir();
    fake.trainingScript('*', 'complete', { metrics: { loss: 0.21 } });
    const { _job, ...given } = sagemakerInputs(dir, 'ok');
    const run = await runBundle('train-on-gpu-runner', { inputs: given, env: { ...env, GITHUB_RUN_ID: '801' } });
    expect(run.errors).toEqual([]);
    expect(run.outputs['training-job-name']).toMatch(/^cd4ml-Hello-World-801-[0-9a-f]{6}$/);
    expect(JSON.parse(run.outputs['metrics']!)).toEqual({ loss: 0.21 });
    expect(readFileSync(join(dir, 'model/model.onnx'), 'utf8')).toBe('onnx bytes');
    const created = fake.requests.find((request) => request.operation === 'CreateTrainingJob')?.body as Record<string, any>;
    expect(created['HyperParameters']).toEqual({ lr: '0.05', seed: '42' });
    expect(created['AlgorithmSpecification']['MetricDefinitions']).toEqual([{ Name: 'loss', Regex: 'loss=([0-9.]+)' }]);
    expect(run.summary).toContain('#### SageMaker status');
    expect(JSON.parse(readFileSync(run.outputs['record']!, 'utf8'))).toMatchObject({ backend: 'sagemaker', trainingJobName: run.outputs['training-job-name'] });
  });

  test('a job that fails: the step fails quoting SageMaker\'s FailureReason', async () => {
    const dir = workDir();
    fake.trainingScript('*', 'fail', { failureReason: 'AlgorithmError: ExecuteUserScriptError: CUDA out of memory' });
    const { _job, ...given } = sagemakerInputs(dir, 'fail');
    const run = await runBundle('train-on-gpu-runner', { inputs: given, env: { ...env, GITHUB_RUN_ID: '802' } });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^train-on-gpu-runner: training failed: .*AlgorithmError: ExecuteUserScriptError: CUDA out of memory/);
  });
});
