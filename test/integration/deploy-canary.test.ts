/**
 * deploy-canary's committed bundle, run as the runner runs it, on the local target with a file://
 * registry: the first version goes live, a good canary is promoted (the alias moves, the replay
 * report compares both versions), a broken version is rolled back while the previous one keeps
 * serving, and each rollout is a GitHub deployment with its statuses on the fake API.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeSageMaker, startFakeSageMaker } from '../fakes/sagemaker-server.js';
import { type LocalS3, S3RVER_CREDENTIALS, startS3rver } from '../support/s3rver.js';
import { useFakeGitHub } from '../support/fake-github.js';
import { ROOT, runBundle } from '../support/runner.js';

const FEATURES = 'age, tenure_months, monthly_spend, support_tickets';
const MODELS = { v1: join(ROOT, 'examples/models/churn-v1.onnx'), v2: join(ROOT, 'examples/models/churn-v2.onnx'), broken: join(ROOT, 'test/fixtures/models/churn-broken.onnx') };

const fake = useFakeGitHub();
let work: string;
let registry: string;
let replay: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cd4ml-deploy-'));
  registry = `file://${join(work, 'registry')}`;
  const [header, ...rows] = readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8').trim().split('\n');
  const names = (header as string).split(',');
  const lines = rows.slice(0, 300).map((row) => {
    const cells = row.split(',');
    const pick = (name: string) => {
      const cell = cells[names.indexOf(name)] ?? '';
      return cell === '' ? null : Number(cell);
    };
    return JSON.stringify({ age: pick('age'), tenure_months: pick('tenure_months'), monthly_spend: pick('monthly_spend'), support_tickets: pick('support_tickets') });
  });
  replay = join(work, 'requests.jsonl');
  writeFileSync(replay, `${lines.join('\n')}\n`);
});

const push = (runId: string) => ({ cwd: work, env: { GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: runId } });

async function register(model: string, runId: string): Promise<string> {
  const run = await runBundle('register-model', { inputs: { name: 'churn', model, registry }, ...push(runId) });
  expect(run.errors).toEqual([]);
  return run.outputs['version'] as string;
}

function deploy(version: string, runId: string) {
  return runBundle('deploy-canary', {
    apiUrl: fake().url,
    inputs: {
      model: `registry:churn@${version}`,
      registry,
      features: FEATURES,
      replay,
      strategy: 'canary',
      'canary-percent': '50',
      'bake-minutes': '0.02',
      'min-requests': '20',
      'max-error-rate': '0.05',
      'promote-alias': 'production',
    },
    ...push(runId),
  });
}

describe('a local rollout', () => {
  test('v1 goes live first; v2 is promoted after a healthy canary; a broken v3 is rolled back and v2 keeps serving', async () => {
    expect(await register(MODELS.v1, '1')).toBe('1');
    const first = await deploy('1', '11');
    expect(first.errors).toEqual([]);
    expect(first.outputs).toMatchObject({ status: 'promoted', 'live-version': '1' });
    expect(first.summary).toContain('v1 is live: the first deployment to churn, with nothing to compare it with.');

    expect(await register(MODELS.v2, '2')).toBe('2');
    const second = await deploy('2', '12');
    expect(second.errors).toEqual([]);
    expect(second.outputs).toMatchObject({ status: 'promoted', 'live-version': '2' });
    expect(second.summary).toMatch(/^\| +1 \| +50% \|.*➡️ continue/m);
    expect(second.summary).toMatch(/^\| +2 \| +100% \|.*✅ promote/m);
    expect(second.summary).toMatch(/agreement/i);
    const state = JSON.parse(readFileSync(join(work, '.cd4ml/deploy/churn/state.json'), 'utf8')) as { live: { version: number }; candidate?: unknown };
    expect(state.live.version).toBe(2);
    expect(state.candidate).toBeUndefined();
    const index = JSON.parse(readFileSync(join(work, 'registry/churn/index.json'), 'utf8')) as { aliases: Record<string, number> };
    expect(index.aliases).toEqual({ production: 2 });

    expect(await register(MODELS.broken, '3')).toBe('3');
    const third = await deploy('3', '13');
    expect(third.code).toBe(1);
    expect(third.outputs).toMatchObject({ status: 'rolled-back', 'live-version': '2' });
    expect(third.errors).toHaveLength(1);
    expect(third.errors[0]).toMatch(/^deploy-canary: registry:churn@3 was rolled back: .*error rate/);
    const after = JSON.parse(readFileSync(join(work, '.cd4ml/deploy/churn/state.json'), 'utf8')) as { live: { version: number }; candidate?: unknown };
    expect(after).toMatchObject({ live: { version: 2 } });
    expect(after.candidate).toBeUndefined();
    expect((JSON.parse(readFileSync(join(work, 'registry/churn/index.json'), 'utf8')) as { aliases: Record<string, number> }).aliases).toEqual({ production: 2 });

    const deployments = fake().deployments;
    expect(deployments.map((deployment) => [deployment.environment, deployment.payload, deployment.statuses.map((status) => status.state)])).toEqual([
      ['production', { model: 'churn', version: 1, registry, strategy: 'canary', target: 'local' }, ['in_progress', 'success']],
      ['production', { model: 'churn', version: 2, registry, strategy: 'canary', target: 'local' }, ['in_progress', 'success']],
      ['production', { model: 'churn', version: 3, registry, strategy: 'canary', target: 'local' }, ['in_progress', 'failure']],
    ]);
  });
});

describe("an endpoint's first version", () => {
  test('answers the replayed requests alone and does not go live when it fails them', async () => {
    const registered = await runBundle('register-model', { inputs: { name: 'fresh', model: join(ROOT, 'examples/models/churn-fixed-batch.onnx'), registry }, ...push('21') });
    expect(registered.errors).toEqual([]);
    const run = await runBundle('deploy-canary', {
      apiUrl: fake().url,
      inputs: { model: 'registry:fresh@1', registry, features: FEATURES, replay, 'max-error-rate': '0.05', 'promote-alias': 'production' },
      ...push('22'),
    });
    expect(run.code).toBe(1);
    expect(run.outputs['status']).toBe('rolled-back');
    expect(run.outputs['live-version']).toBeUndefined();
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^deploy-canary: registry:fresh@1 was rolled back: v1 was not put live: it failed 300 of 300 replayed requests \(error rate 100% > 5%\); first: .*Reshape.*\. Nothing serves fresh yet\.$/);
    const state = join(work, '.cd4ml/deploy/fresh/state.json');
    expect(existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { live?: unknown }).live : undefined).toBeUndefined();
    const index = JSON.parse(readFileSync(join(work, 'registry/fresh/index.json'), 'utf8')) as { aliases: Record<string, number> };
    expect(index.aliases).toEqual({});
    expect(fake().deployments.at(-1)?.statuses.map((status) => status.state)).toEqual(['in_progress', 'failure']);
  });

  test('goes live when it answers them, and says how many it answered', async () => {
    await runBundle('register-model', { inputs: { name: 'fresh', model: MODELS.v2, registry }, ...push('23') });
    const run = await runBundle('deploy-canary', {
      apiUrl: fake().url,
      inputs: { model: 'registry:fresh@2', registry, features: FEATURES, replay, 'promote-alias': 'production' },
      ...push('24'),
    });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'promoted', 'live-version': '2' });
    expect(run.summary).toContain('v2 is live: the first deployment to fresh, with nothing to compare it with. It answered 300 of 300 replayed requests.');
  });
});

describe('the sagemaker target, from the bundle', () => {
  let s3: LocalS3;
  let sagemaker: FakeSageMaker;
  let env: Record<string, string>;
  const bucket = 'cd4ml-models';
  const s3Registry = `s3://${bucket}/registry`;

  beforeAll(async () => {
    s3 = await startS3rver();
    await s3.seed(bucket, {});
    sagemaker = await startFakeSageMaker();
    env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SAGEMAKER: sagemaker.endpoint,
      AWS_CONFIG_FILE: join(s3.dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(s3.dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      CD4ML_SAGEMAKER_POLL_SECONDS: '0.05',
    };
    const archive = join(s3.dir, 'model.tar.gz');
    writeFileSync(archive, 'a model archive');
    const registered = await runBundle('register-model', { inputs: { name: 'churn', model: archive, registry: s3Registry }, cwd: work, env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: '90' } });
    expect(registered.errors).toEqual([]);
  });
  afterAll(async () => {
    await sagemaker?.stop();
    await s3?.stop();
  });

  const deploySageMaker = (runId: string) =>
    runBundle('deploy-canary', {
      apiUrl: fake().url,
      cwd: work,
      inputs: {
        target: 'sagemaker',
        model: 'registry:churn@1',
        registry: s3Registry,
        endpoint: 'churn-prod',
        strategy: 'canary',
        'canary-percent': '10',
        'bake-minutes': '5',
        alarms: 'churn-prod-5xx',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1',
        'instance-type': 'ml.m5.large',
        'role-arn': 'arn:aws:iam::123456789012:role/SageMakerServing',
        'promote-alias': 'production',
      },
      env: { ...env, GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: runId },
    });

  test('an update that SageMaker completes is promoted, with the guardrails the plan asks for', async () => {
    sagemaker.reset();
    sagemaker.seedEndpoint('churn-prod', { config: 'churn-prod-live' });
    sagemaker.endpointScript('churn-prod', 'deploy');
    const run = await deploySageMaker('91');
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'promoted', 'live-version': '1' });
    expect(run.outputs['endpoint-config']).toMatch(/^cd4ml-churn-v1-[0-9a-f]{8}$/);
    const update = sagemaker.requests.find((request) => request.operation === 'UpdateEndpoint')?.body as { DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: unknown }; AutoRollbackConfiguration: unknown } };
    expect(update.DeploymentConfig.BlueGreenUpdatePolicy.TrafficRoutingConfiguration).toEqual({ Type: 'CANARY', CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 }, WaitIntervalInSeconds: 300 });
    expect(update.DeploymentConfig.AutoRollbackConfiguration).toEqual({ Alarms: [{ AlarmName: 'churn-prod-5xx' }] });
  });

  test('an alarm rolls the update back: InService again, but on the old config, is a rollback', async () => {
    sagemaker.reset();
    sagemaker.seedEndpoint('churn-prod', { config: 'churn-prod-live' });
    sagemaker.endpointScript('churn-prod', 'alarm-rollback');
    const run = await deploySageMaker('92');
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'rolled-back', 'endpoint-config': 'churn-prod-live' });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^deploy-canary: registry:churn@1 was rolled back: .*churn-prod-5xx/);
  });
});

describe('the post step', () => {
  test('after a cancelled or failed run, a half-finished local rollout goes back to the live version', async () => {
    const directory = join(work, '.cd4ml/deploy/interrupted');
    const live = join(directory, 'live.onnx');
    const candidate = join(directory, 'candidate.onnx');
    mkdirSync(directory, { recursive: true });
    writeFileSync(live, readFileSync(MODELS.v1));
    writeFileSync(candidate, readFileSync(MODELS.v2));
    writeFileSync(join(directory, 'state.json'), JSON.stringify({ live: { version: 1, modelPath: live }, candidate: { version: 2, modelPath: candidate, percent: 50 }, updatedAt: '2026-11-22T10:00:00.000Z' }));
    const run = await runBundle('deploy-canary', {
      apiUrl: fake().url,
      inputs: { model: 'registry:churn@2' },
      env: { STATE_isPost: 'true', 'STATE_cd4ml-post': JSON.stringify({ target: 'local', directory, candidate: 2 }) },
    });
    expect(run.errors).toEqual([]);
    expect(run.stdout).toContain(`The rollout of version 2 was interrupted: all traffic is back on version 1 (${directory}).`);
    const state = JSON.parse(readFileSync(join(directory, 'state.json'), 'utf8')) as { live: { version: number }; candidate?: unknown };
    expect(state.live.version).toBe(1);
    expect(state.candidate).toBeUndefined();
  });
});
