/**
 * The sagemaker target of deploy-canary through the real AWS SDK: SageMaker calls go to the loopback
 * SageMaker server of test/fakes (found through AWS_ENDPOINT_URL_SAGEMAKER), signed with dummy
 * credentials. The fake plays each endpoint's (and shadow test's) script, one step per describe; the
 * tests assert what SageMaker received and how the deployment read what it answered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateInferenceExperimentCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeInferenceExperimentCommand,
  SageMakerClient,
  UpdateEndpointCommand,
  type UpdateEndpointCommandInput,
} from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { planRollout } from '../../src/core/deploy/plan.js';
import type { RolloutPlan } from '../../src/core/deploy/types.js';
import { InputError, ServiceError } from '../../src/core/errors.js';
import { type SageMakerDeployOptions, deployToSageMaker, setVariantWeights, stopSageMakerDeployment } from '../../src/platform/aws/sagemaker-deploy.js';
import { resourceName } from '../../src/platform/aws/sagemaker-deploy-request.js';
import { type FakeSageMaker, startFakeSageMaker } from '../fakes/sagemaker-server.js';
import { isolateAwsEnv, setS3rverCredentials } from '../support/aws-env.js';
import { recordingLogger } from '../support/logger.js';
import { rejection } from '../support/readers.js';
import { S3RVER_CREDENTIALS } from '../support/s3rver.js';

const ENDPOINT = 'churn-prod';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerEndpoint';
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2.1';
const ARTIFACT = 's3://cd4ml-models/churn/7/model.tar.gz';
const NOW = Date.parse('2026-11-20T10:00:00Z');
const CANARY: RolloutPlan = {
  strategy: 'canary',
  steps: [
    { percent: 10, bakeMs: 600_000 },
    { percent: 100, bakeMs: 300_000 },
  ],
};
const LIVE_CONFIG = 'churn-v6-config';
const LIVE_MODEL = 'churn-v6';

let fake: FakeSageMaker;
let dir: string;
let direct: SageMakerClient;
let restoreEnv: (() => void) | undefined;

beforeAll(async () => {
  fake = await startFakeSageMaker();
  dir = await mkdtemp(join(tmpdir(), 'cd4ml-deploy-sagemaker-'));
  restoreEnv = isolateAwsEnv(dir, { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_SAGEMAKER: fake.endpoint });
  setS3rverCredentials();
  direct = new SageMakerClient({ endpoint: fake.endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  direct?.destroy();
  await fake?.stop();
  restoreEnv?.();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.reset();
});

type Run = SageMakerDeployOptions & { logger: ReturnType<typeof recordingLogger> };

/** Options of a deployment of churn v7 whose waits take no time, on a clock standing at NOW. */
function options(overrides: Partial<SageMakerDeployOptions> = {}): Run {
  return {
    endpoint: ENDPOINT,
    modelName: 'churn',
    version: 7,
    modelDataUrl: ARTIFACT,
    image: IMAGE,
    instanceType: 'ml.m5.large',
    instanceCount: 2,
    roleArn: ROLE,
    plan: CANARY,
    alarms: ['churn-5xx', 'churn-p95-latency'],
    pollSeconds: 0.001,
    now: () => NOW,
    sleep: async () => undefined,
    ...overrides,
    logger: recordingLogger(),
  };
}

function seedLive(): void {
  fake.seedEndpoint(ENDPOINT, { config: LIVE_CONFIG, model: LIVE_MODEL, instanceType: 'ml.m5.large', instanceCount: 2 });
}

/** Starts a shadow test of the model churn-v7 beside the live variant, as a run of this target would name it. */
async function startShadowTest(name: string): Promise<string> {
  const infrastructure = { InfrastructureType: 'RealTimeInference' as const, RealTimeInferenceConfig: { InstanceType: 'ml.m5.large' as const, InstanceCount: 1 } };
  await direct.send(
    new CreateInferenceExperimentCommand({
      Name: name,
      Type: 'ShadowMode',
      Schedule: { EndTime: new Date(Date.now() + 3_600_000) },
      RoleArn: ROLE,
      EndpointName: ENDPOINT,
      ModelVariants: [
        { ModelName: LIVE_MODEL, VariantName: 'AllTraffic', InfrastructureConfig: infrastructure },
        { ModelName: 'churn-v7', VariantName: 'shadow-v7', InfrastructureConfig: infrastructure },
      ],
      ShadowModeConfig: { SourceModelVariantName: 'AllTraffic', ShadowModelVariants: [{ ShadowModelVariantName: 'shadow-v7', SamplingPercentage: 10 }] },
    }),
  );
  return name;
}

const MODEL = resourceName('churn', 7, [IMAGE, ARTIFACT, ROLE]);

describe('a first deployment', () => {
  test('creates the model, the endpoint config and the endpoint, and is promoted once InService', async () => {
    const run = options();

    const result = await deployToSageMaker(run);

    expect(MODEL).toMatch(/^cd4ml-churn-v7-[0-9a-f]{8}$/);
    expect(result.endpointConfig).toMatch(/^cd4ml-churn-v7-[0-9a-f]{8}$/);
    expect(result.endpointConfig).not.toBe(MODEL);
    expect(fake.operations()).toEqual(['DescribeEndpoint', 'CreateModel', 'CreateEndpointConfig', 'CreateEndpoint', 'DescribeEndpoint', 'DescribeEndpoint', 'DescribeEndpoint']);
    expect(fake.bodies('DescribeEndpoint')[0]).toEqual({ EndpointName: ENDPOINT });
    expect(fake.bodies('CreateModel')).toEqual([
      {
        ModelName: MODEL,
        PrimaryContainer: { Image: IMAGE, ModelDataUrl: ARTIFACT },
        ExecutionRoleArn: ROLE,
        Tags: [
          { Key: 'cd4ml', Value: 'deploy-canary' },
          { Key: 'cd4ml:model', Value: 'churn@7' },
        ],
      },
    ]);
    expect(fake.bodies('CreateEndpointConfig')).toEqual([
      {
        EndpointConfigName: result.endpointConfig,
        ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: MODEL, InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }],
        Tags: [{ Key: 'cd4ml', Value: 'deploy-canary' }],
      },
    ]);
    // A first deployment has no traffic to shift: no DeploymentConfig.
    expect(fake.bodies('CreateEndpoint')).toEqual([{ EndpointName: ENDPOINT, EndpointConfigName: result.endpointConfig, Tags: [{ Key: 'cd4ml', Value: 'deploy-canary' }] }]);

    expect(result).toEqual({
      status: 'promoted',
      summary: `SageMaker endpoint ${ENDPOINT}: churn v7 promoted; ${result.endpointConfig} serves all traffic (a new endpoint).`,
      endpointConfig: result.endpointConfig,
      liveConfig: result.endpointConfig,
      events: [
        { at: '2026-11-20T10:00:00.000Z', status: 'Creating', message: `creating the endpoint with ${result.endpointConfig}` },
        { at: '2026-11-20T10:00:00.000Z', status: 'InService', message: `${result.endpointConfig} serves all traffic` },
      ],
      model: MODEL,
    });
    // Each status change is logged once, however many polls saw it.
    expect(run.logger.messages('info').filter((line) => line.startsWith(`endpoint ${ENDPOINT}: `))).toEqual([
      `endpoint ${ENDPOINT}: Creating (creating the endpoint with ${result.endpointConfig})`,
      `endpoint ${ENDPOINT}: InService (${result.endpointConfig} serves all traffic)`,
    ]);
    expect(fake.endpoints.get(ENDPOINT)).toMatchObject({ status: 'InService', config: result.endpointConfig });
  });

  test('a new endpoint that fails to start is failed, quoting FailureReason', async () => {
    fake.endpointScript(ENDPOINT, 'fail');

    const result = await deployToSageMaker(options());

    expect(result.status).toBe('failed');
    expect(result.summary).toBe(
      `SageMaker endpoint ${ENDPOINT} failed creating endpoint ${ENDPOINT} with ${result.endpointConfig}: The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint.`,
    );
    expect(result.events.map((event) => event.status)).toEqual(['Creating', 'Failed']);
  });
});

describe('an update of a live endpoint', () => {
  test.each<[string, RolloutPlan, Record<string, unknown>]>([
    ['canary 10, bake 10 minutes', planRollout('canary', { canaryPercent: 10, linearStepPercent: 20, bakeMinutes: 10 }), { Type: 'CANARY', WaitIntervalInSeconds: 600, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 } }],
    ['linear 30, bake 5 minutes', planRollout('linear', { canaryPercent: 10, linearStepPercent: 30, bakeMinutes: 5 }), { Type: 'LINEAR', WaitIntervalInSeconds: 300, LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 30 } }],
    ['all-at-once, bake 2 minutes', planRollout('all-at-once', { canaryPercent: 10, linearStepPercent: 20, bakeMinutes: 2 }), { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 120 }],
  ])('the plan planRollout makes (%s) becomes SageMaker traffic routing', async (_name, plan, routing) => {
    seedLive();

    await deployToSageMaker(options({ plan }));

    const policy = (fake.bodies('UpdateEndpoint')[0]?.DeploymentConfig as { BlueGreenUpdatePolicy?: Record<string, unknown> } | undefined)?.BlueGreenUpdatePolicy;
    expect(policy?.TrafficRoutingConfiguration).toEqual(routing);
    // The final 100% step bakes too: SageMaker's termination wait (none for all-at-once, whose one step is the baking period).
    expect(policy?.TerminationWaitInSeconds).toBe(plan.strategy === 'all-at-once' ? 0 : (plan.steps.at(-1)?.bakeMs ?? 0) / 1000);
  });


  test('canary: UpdateEndpoint gets CANARY with the canary size, its bake, the final bake as termination wait and the alarms; promoted when the new config is live', async () => {
    seedLive();
    const run = options();

    const result = await deployToSageMaker(run);

    expect(fake.operations()).toEqual(['DescribeEndpoint', 'CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint', 'DescribeEndpoint', 'DescribeEndpoint', 'DescribeEndpoint']);
    expect(fake.bodies('UpdateEndpoint')).toEqual([
      {
        EndpointName: ENDPOINT,
        EndpointConfigName: result.endpointConfig,
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: 600, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 } },
            TerminationWaitInSeconds: 300,
          },
          AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'churn-5xx' }, { AlarmName: 'churn-p95-latency' }] },
        },
      },
    ]);
    expect(result).toMatchObject({
      status: 'promoted',
      summary: `SageMaker endpoint ${ENDPOINT}: churn v7 promoted; ${result.endpointConfig} serves all traffic (from ${LIVE_CONFIG}, CANARY: 10% of capacity for 600 s, then all traffic, then 300 s before the old fleet is removed).`,
      liveConfig: result.endpointConfig,
      previousConfig: LIVE_CONFIG,
      model: MODEL,
    });
    expect(result.events).toEqual([
      { at: '2026-11-20T10:00:00.000Z', status: 'Updating', message: `deploying ${result.endpointConfig}; ${LIVE_CONFIG} serves until traffic shifts` },
      { at: '2026-11-20T10:00:00.000Z', status: 'InService', message: `${result.endpointConfig} serves all traffic` },
    ]);
    expect(run.logger.messages('info')).toContain(
      `Updating SageMaker endpoint ${ENDPOINT} from ${LIVE_CONFIG} to ${result.endpointConfig} (blue/green, CANARY: 10% of capacity for 600 s, then all traffic, then 300 s before the old fleet is removed; auto-rollback alarms churn-5xx, churn-p95-latency)`,
    );
    expect(run.logger.messages('warning')).toEqual([]);
    // SageMaker keeps the deployment config it was given (DescribeEndpoint's LastDeploymentConfig).
    const described = await direct.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }));
    expect(described.LastDeploymentConfig?.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration?.Type).toBe('CANARY');
    expect(described.EndpointConfigName).toBe(result.endpointConfig);
  });

  test.each<[string, RolloutPlan, Partial<SageMakerDeployOptions>, unknown]>([
    [
      'linear: equal steps of LinearStepSize, each baked WaitIntervalInSeconds, with the given maximum execution timeout',
      {
        strategy: 'linear',
        steps: [20, 40, 60, 80, 100].map((percent) => ({ percent, bakeMs: 120_000 })),
      },
      { maximumExecutionTimeoutSeconds: 1800 },
      {
        TrafficRoutingConfiguration: { Type: 'LINEAR', WaitIntervalInSeconds: 120, LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 } },
        TerminationWaitInSeconds: 120,
        MaximumExecutionTimeoutInSeconds: 1800,
      },
    ],
    [
      'all-at-once: its one bake is the baking period; the termination wait as given',
      { strategy: 'all-at-once', steps: [{ percent: 100, bakeMs: 900_000 }] },
      { terminationWaitSeconds: 60 },
      { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 900 }, TerminationWaitInSeconds: 60 },
    ],
    [
      'canary without a final step: no termination wait',
      { strategy: 'canary', steps: [{ percent: 25, bakeMs: 3_600_000 }] },
      {},
      { TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: 3600, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 25 } }, TerminationWaitInSeconds: 0 },
    ],
  ])('%s', async (_name, plan, overrides, policy) => {
    seedLive();

    const result = await deployToSageMaker(options({ plan, ...overrides }));

    expect(result.status).toBe('promoted');
    expect(fake.bodies('UpdateEndpoint')[0]?.DeploymentConfig).toEqual({
      BlueGreenUpdatePolicy: policy,
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'churn-5xx' }, { AlarmName: 'churn-p95-latency' }] },
    });
  });

  test('an alarm-triggered rollback is detected although the endpoint reports InService: the old config is live', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'alarm-rollback');
    const run = options();

    const result = await deployToSageMaker(run);

    expect(fake.endpoints.get(ENDPOINT)?.status).toBe('InService');
    expect(result).toMatchObject({ status: 'rolled-back', liveConfig: LIVE_CONFIG, previousConfig: LIVE_CONFIG });
    expect(result.summary).toBe(
      `SageMaker endpoint ${ENDPOINT} rolled back to ${LIVE_CONFIG}: Endpoint update was rolled back because the CloudWatch alarm(s) [churn-5xx, churn-p95-latency] went into ALARM state (auto-rollback alarms: churn-5xx, churn-p95-latency). churn v7 (${result.endpointConfig}) serves no traffic.`,
    );
    expect(result.events.map((event) => event.status)).toEqual(['Updating', 'RollingBack', 'InService']);
    expect(result.events[2]?.message).toBe(
      `${LIVE_CONFIG} serves all traffic, not ${result.endpointConfig}: Endpoint update was rolled back because the CloudWatch alarm(s) [churn-5xx, churn-p95-latency] went into ALARM state.`,
    );
    expect(run.logger.messages('warning')).toEqual([`endpoint ${ENDPOINT}: RollingBack (rolling back to ${LIVE_CONFIG})`]);
  });

  test('a rollback without a FailureReason names the alarms that could have caused it', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, [{ status: 'Updating' }, { status: 'InService', live: 'old' }]);

    const result = await deployToSageMaker(options({ alarms: ['churn-5xx'] }));

    expect(result.status).toBe('rolled-back');
    expect(result.summary).toBe(
      `SageMaker endpoint ${ENDPOINT} rolled back to ${LIVE_CONFIG}: an auto-rollback alarm went into ALARM during the deployment (auto-rollback alarms: churn-5xx); SageMaker gave no FailureReason. churn v7 (${result.endpointConfig}) serves no traffic.`,
    );
  });

  test('a failed update is failed, quoting FailureReason', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'fail', { failureReason: 'Image 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2.1\ndoes not exist.' });
    const run = options();

    const result = await deployToSageMaker(run);

    expect(result).toMatchObject({ status: 'failed', previousConfig: LIVE_CONFIG });
    expect(result.summary).toBe(
      `SageMaker endpoint ${ENDPOINT} failed updating endpoint ${ENDPOINT} to ${result.endpointConfig}: Image 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2.1 does not exist.`,
    );
    expect(run.logger.messages('warning')).toContain(`endpoint ${ENDPOINT}: Failed (Image 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:2.1 does not exist.)`);
  });

  test('an endpoint that ends with a third config was changed by another deployment: failed, not rolled back', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, [{ status: 'Updating' }, { status: 'InService', config: 'hotfix-config' }]);

    const result = await deployToSageMaker(options());

    expect(result).toMatchObject({ status: 'failed', liveConfig: 'hotfix-config', previousConfig: LIVE_CONFIG });
    expect(result.summary).toBe(
      `SageMaker endpoint ${ENDPOINT} serves hotfix-config, neither ${result.endpointConfig} (churn v7) nor ${LIVE_CONFIG}: another deployment changed the endpoint while this one ran.`,
    );
  });

  test('the config already live is promoted at once, with nothing created', async () => {
    await deployToSageMaker(options());
    fake.requests.length = 0;

    const again = await deployToSageMaker(options());

    expect(again.status).toBe('promoted');
    expect(again.summary).toBe(`SageMaker endpoint ${ENDPOINT} already serves ${again.endpointConfig} (churn v7 on 2 × ml.m5.large); nothing to deploy.`);
    expect(fake.operations()).toEqual(['DescribeEndpoint']);
  });

  test('a re-run after a rollback uses the model and endpoint config it made before', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'alarm-rollback');
    const first = await deployToSageMaker(options());
    expect(first.status).toBe('rolled-back');
    fake.endpointScript(ENDPOINT, 'deploy');
    fake.requests.length = 0;
    const run = options();

    const second = await deployToSageMaker(run);

    expect(second).toMatchObject({ status: 'promoted', endpointConfig: first.endpointConfig, liveConfig: first.endpointConfig });
    expect(fake.requests.filter((request) => request.error !== undefined).map((request) => `${request.operation}: ${request.error}`)).toEqual([
      'CreateModel: ValidationException',
      'CreateEndpointConfig: ValidationException',
    ]);
    expect(run.logger.messages('info')).toContain(`SageMaker model ${MODEL} exists already (same image, artifact and role); using it`);
  });

  test('a transient DescribeEndpoint failure is logged and the wait goes on', async () => {
    seedLive();
    const run = options();
    const original = fake.handlers.get('UpdateEndpoint');
    if (original === undefined) throw new Error('the fake has no UpdateEndpoint');
    // Once the update has started, the next poll's three attempts (the SDK retries 5xx) fail.
    fake.handle('UpdateEndpoint', async (body, server) => {
      const output = await original(body, server);
      server.failNext('DescribeEndpoint', 'InternalFailure', 3);
      return output;
    });

    try {
      const result = await deployToSageMaker(run);
      expect(result.status).toBe('promoted');
    } finally {
      fake.handle('UpdateEndpoint', original);
    }
    expect(run.logger.messages('warning')).toEqual([
      `SageMaker endpoint ${ENDPOINT}: cannot read the endpoint status (DescribeEndpoint failed with InternalFailure: Injected InternalFailure for DescribeEndpoint); SageMaker failed on its side; try again later (failed poll 1 in a row of at most 5; trying again at the next poll)`,
    ]);
  });
});

describe('the bound and cancellation', () => {
  test('past the wait bound the result is failed, names the bound and says that the update goes on', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'stuck');
    let clock = NOW;
    // Each pause between polls takes 20 minutes: the polls at 0, 20 and 40 minutes go on, the one at 60 is past the bound (900 s + 30 minutes).
    const run = options({ now: () => clock, sleep: async () => void (clock += 20 * 60_000) });

    const result = await deployToSageMaker(run);

    expect(result.status).toBe('failed');
    expect(result.summary).toBe(
      `SageMaker endpoint ${ENDPOINT} was still Updating (deploying ${result.endpointConfig}) at the wait bound (900 s of bakes and termination wait + 30 minutes for provisioning the new fleet). SageMaker has no call that stops an endpoint update in progress, so it goes on under its deployment guardrails (an auto-rollback alarm (churn-5xx, churn-p95-latency) going into ALARM rolls it back); follow it with: aws sagemaker describe-endpoint --endpoint-name ${ENDPOINT}.`,
    );
    expect(fake.operations().filter((operation) => operation === 'DescribeEndpoint')).toHaveLength(1 + 4);
    expect(fake.operations()).not.toContain('DeleteEndpoint');
  });

  test('with a maximum execution timeout the bound is that timeout plus the margin', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'stuck');
    let clock = NOW;
    const run = options({ maximumExecutionTimeoutSeconds: 7200, now: () => clock, sleep: async () => void (clock += 20 * 60_000) });

    const result = await deployToSageMaker(run);

    expect(result.summary).toContain('at the wait bound (MaximumExecutionTimeoutInSeconds 7200 + 30 minutes)');
    // 7200 s + 30 minutes = 150 minutes: the polls at 0, 20 … 140 minutes go on, the one at 160 ends the wait.
    expect(fake.operations().filter((operation) => operation === 'DescribeEndpoint')).toHaveLength(1 + 9);
  });

  test('cancelling stops waiting; the update goes on under its guardrails and the result says so', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'stuck');
    const controller = new AbortController();
    let sleeps = 0;
    const run = options({
      signal: controller.signal,
      sleep: async () => {
        sleeps += 1;
        if (sleeps === 2) controller.abort();
      },
    });

    const result = await deployToSageMaker(run);

    expect(result.status).toBe('failed');
    expect(result.summary).toBe(
      `cancelled: the run was cancelled while SageMaker endpoint ${ENDPOINT} was Updating (deploying ${result.endpointConfig}). SageMaker has no call that stops an endpoint update in progress, so it goes on under its deployment guardrails (an auto-rollback alarm (churn-5xx, churn-p95-latency) going into ALARM rolls it back); follow it with: aws sagemaker describe-endpoint --endpoint-name ${ENDPOINT}.`,
    );
    expect(fake.operations()).toEqual(['DescribeEndpoint', 'CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint', 'DescribeEndpoint', 'DescribeEndpoint']);
  });

  test('cancelled before it starts: nothing is sent to SageMaker', async () => {
    const controller = new AbortController();
    controller.abort();

    const result = await deployToSageMaker(options({ signal: controller.signal }));

    expect(result).toMatchObject({ status: 'failed', summary: 'cancelled: the run was cancelled before anything was created; nothing changed in SageMaker.' });
    expect(fake.requests).toEqual([]);
  });
});

describe('shadow', () => {
  const SHADOW: RolloutPlan = { strategy: 'shadow', steps: [{ percent: 0, mirrorPercent: 25, bakeMs: 3_600_000 }] };
  // SageMaker checks the schedule against its own clock: these runs stand at the present, in whole seconds.
  const present = (): number => Math.floor(Date.now() / 1000) * 1000;

  test('runs a shadow test beside the live variant until it completes', async () => {
    seedLive();
    const start = present();
    const run = options({ plan: SHADOW, instanceCount: 1, instanceType: 'ml.g5.xlarge', now: () => start });

    const result = await deployToSageMaker(run);

    const model = resourceName('churn', 7, [IMAGE, ARTIFACT, ROLE]);
    expect(fake.operations()).toEqual([
      'DescribeEndpoint',
      'DescribeEndpointConfig',
      'CreateModel',
      'CreateInferenceExperiment',
      ...Array<string>(5).fill('DescribeInferenceExperiment'),
    ]);
    const [request] = fake.bodies('CreateInferenceExperiment');
    expect(request?.Name).toMatch(/^cd4ml-churn-prod-shadow-v7-[0-9a-f]{8}$/);
    expect(request).toEqual({
      Name: request?.Name,
      Type: 'ShadowMode',
      // Timestamps travel as epoch seconds in AWS JSON 1.1.
      Schedule: { EndTime: (start + 3_600_000) / 1000 },
      Description: `cd4ml deploy-canary: churn@7 in the shadow of ${LIVE_MODEL}`,
      RoleArn: ROLE,
      EndpointName: ENDPOINT,
      ModelVariants: [
        {
          ModelName: LIVE_MODEL,
          VariantName: 'AllTraffic',
          InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.m5.large', InstanceCount: 2 } },
        },
        {
          ModelName: model,
          VariantName: 'shadow-v7',
          InfrastructureConfig: { InfrastructureType: 'RealTimeInference', RealTimeInferenceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1 } },
        },
      ],
      ShadowModeConfig: { SourceModelVariantName: 'AllTraffic', ShadowModelVariants: [{ ShadowModelVariantName: 'shadow-v7', SamplingPercentage: 25 }] },
      Tags: [{ Key: 'cd4ml', Value: 'deploy-canary' }],
    });
    expect(result).toMatchObject({ status: 'shadowed', endpointConfig: LIVE_CONFIG, liveConfig: LIVE_CONFIG, experiment: request?.Name, model });
    expect(result.summary).toBe(
      `SageMaker shadow test ${String(request?.Name)} completed: 25% of endpoint ${ENDPOINT}'s requests were mirrored to churn v7 (${model}) for 3600 s; AllTraffic (${LIVE_MODEL}) answered every request. Compare the variants in the SageMaker console (Inference → Shadow tests) or CloudWatch, then deploy v7 with strategy canary.`,
    );
    expect(result.events.map((event) => event.status)).toEqual(['Created', 'Starting', 'Running', 'Completed']);
    expect(fake.endpoints.get(ENDPOINT)?.config).toBe(LIVE_CONFIG);
  });

  test('cancelling stops the shadow test: the live variant retained, the shadow removed', async () => {
    seedLive();
    fake.experimentScript('*', 'stuck');
    const controller = new AbortController();
    let sleeps = 0;
    const now = present();
    const run = options({
      plan: SHADOW,
      now: () => now,
      signal: controller.signal,
      sleep: async () => {
        sleeps += 1;
        if (sleeps === 2) controller.abort();
      },
    });

    const result = await deployToSageMaker(run);

    const name = String(fake.bodies('CreateInferenceExperiment')[0]?.Name);
    expect(fake.bodies('StopInferenceExperiment')).toEqual([
      { Name: name, ModelVariantActions: { AllTraffic: 'Retain', 'shadow-v7': 'Remove' }, DesiredState: 'Cancelled', Reason: 'cd4ml: the run was cancelled' },
    ]);
    expect(result.status).toBe('failed');
    expect(result.summary).toBe(
      `cancelled: the run was cancelled; SageMaker shadow test ${name} on endpoint ${ENDPOINT} was stopped (StopInferenceExperiment; final status Cancelled). The live variant AllTraffic kept serving all traffic.`,
    );
    expect(fake.experiments.get(name)?.status).toBe('Cancelled');
  });

  test('a shadow test cancelled from outside is failed with its StatusReason', async () => {
    seedLive();
    fake.experimentScript('*', 'cancel-by-user');

    const now = present();
    const result = await deployToSageMaker(options({ plan: SHADOW, now: () => now }));

    expect(result.status).toBe('failed');
    expect(result.summary).toMatch(/^SageMaker shadow test cd4ml-churn-prod-shadow-v7-[0-9a-f]{8} on endpoint churn-prod was cancelled before it completed: Stopped from the console\.$/);
  });

  test('an endpoint with two production variants is refused before anything is created, for a shadow test and for an update', async () => {
    seedLive();
    fake.endpointConfigs.get(LIVE_CONFIG)?.variants.push({ VariantName: 'challenger', ModelName: LIVE_MODEL, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 });

    const shadow = await rejection(deployToSageMaker(options({ plan: SHADOW })));
    const update = await rejection(deployToSageMaker(options()));

    expect(shadow).toBeInstanceOf(InputError);
    expect(shadow.message).toBe(
      `endpoint: ${ENDPOINT} serves 2 production variants (AllTraffic, challenger); a SageMaker shadow test mirrors one production variant. Deploy one version to the endpoint first.`,
    );
    expect(update.message).toBe(
      `endpoint: ${ENDPOINT} serves 2 production variants (AllTraffic, challenger); the sagemaker target deploys one variant with a blue/green update, which keeps the variant's name. Set the variants' weights instead (setVariantWeights), or deploy to an endpoint with one variant.`,
    );
    expect(fake.operations()).toEqual(['DescribeEndpoint', 'DescribeEndpointConfig', 'DescribeEndpoint']);
  });

  test('a shadow test needs a live endpoint', async () => {
    const error = await rejection(deployToSageMaker(options({ plan: SHADOW })));

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`endpoint: ${ENDPOINT} does not exist; a shadow test mirrors the requests of a live endpoint. Deploy a first version with strategy canary or all-at-once.`);
    expect(fake.operations()).toEqual(['DescribeEndpoint']);
  });
});

describe('stopSageMakerDeployment (the post step of a cancelled run)', () => {
  test('stops the shadow tests of this target running on the endpoint, not those that ended', async () => {
    seedLive();
    await direct.send(new CreateModelCommand({ ModelName: 'churn-v7', PrimaryContainer: { Image: IMAGE, ModelDataUrl: ARTIFACT }, ExecutionRoleArn: ROLE }));
    // What a killed run leaves: its shadow test running; and an earlier one, completed.
    fake.experimentScript('*', 'stuck');
    const running = await startShadowTest('cd4ml-churn-prod-shadow-v7-0badc0de');
    fake.experimentScript('*', [{ status: 'Completed' }]);
    const ended = await startShadowTest('cd4ml-churn-prod-shadow-v7-0ddba11e');
    await direct.send(new DescribeInferenceExperimentCommand({ Name: ended }));
    const logger = recordingLogger();

    const stopped = await stopSageMakerDeployment(ENDPOINT, { logger });

    expect(stopped).toEqual({
      experiments: [running],
      endpointStatus: 'InService',
      message: `stopped the shadow test ${running}; SageMaker endpoint ${ENDPOINT} is InService; no update is in progress.`,
    });
    expect(fake.bodies('StopInferenceExperiment')).toEqual([
      { Name: running, ModelVariantActions: { AllTraffic: 'Retain', 'shadow-v7': 'Remove' }, DesiredState: 'Cancelled', Reason: 'cd4ml: the run was cancelled' },
    ]);
    expect(fake.bodies('ListInferenceExperiments')).toEqual([{ NameContains: 'cd4ml-churn-prod-shadow-', Type: 'ShadowMode', MaxResults: 100 }]);
    expect(logger.messages('info')).toContain(
      `shadow test ${running}: asked SageMaker to stop it (StopInferenceExperiment: AllTraffic retained, shadow-v7 removed) because the run was cancelled`,
    );
  });

  test('an update in progress cannot be stopped: the message says so and names the guardrails', async () => {
    seedLive();
    fake.endpointScript(ENDPOINT, 'stuck');
    await direct.send(new UpdateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: LIVE_CONFIG }));
    const logger = recordingLogger();

    const stopped = await stopSageMakerDeployment(ENDPOINT, { logger, alarms: ['churn-5xx'] });

    const message = `SageMaker endpoint ${ENDPOINT} is Updating ${LIVE_CONFIG}; SageMaker has no call that stops an endpoint update in progress, so it goes on under its deployment guardrails: an auto-rollback alarm (churn-5xx) going into ALARM rolls it back to the previous endpoint config. Follow it with: aws sagemaker describe-endpoint --endpoint-name ${ENDPOINT}; to undo it once it is InService, deploy the previous version again.`;
    expect(stopped).toEqual({ experiments: [], endpointStatus: 'Updating', message });
    expect(logger.messages('warning')).toEqual([message]);
    expect(fake.operations()).not.toContain('StopInferenceExperiment');
  });

  test('a missing endpoint has nothing to stop', async () => {
    const stopped = await stopSageMakerDeployment(ENDPOINT, { logger: recordingLogger() });

    expect(stopped).toEqual({ experiments: [], message: `SageMaker endpoint ${ENDPOINT} does not exist; there is no update to stop.` });
  });
});

describe('competing models: variant weights', () => {
  async function twoVariantEndpoint(): Promise<void> {
    for (const model of ['churn-a', 'churn-b']) {
      await direct.send(new CreateModelCommand({ ModelName: model, PrimaryContainer: { Image: IMAGE, ModelDataUrl: ARTIFACT }, ExecutionRoleArn: ROLE }));
    }
    await direct.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'churn-ab',
        ProductionVariants: [
          { VariantName: 'a', ModelName: 'churn-a', InstanceType: 'ml.m5.large', InitialInstanceCount: 1, InitialVariantWeight: 1 },
          { VariantName: 'b', ModelName: 'churn-b', InstanceType: 'ml.m5.large', InitialInstanceCount: 1, InitialVariantWeight: 1 },
        ],
      }),
    );
    await direct.send(new CreateEndpointCommand({ EndpointName: 'churn-ab', EndpointConfigName: 'churn-ab' }));
    for (let poll = 0; poll < 3; poll += 1) await direct.send(new DescribeEndpointCommand({ EndpointName: 'churn-ab' }));
  }

  test('UpdateEndpointWeightsAndCapacities gets each variant with its weight; SageMaker applies them', async () => {
    await twoVariantEndpoint();
    const logger = recordingLogger();

    const arn = await setVariantWeights('churn-ab', { a: 9, b: 1 }, { logger });

    expect(arn).toBe('arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-ab');
    expect(fake.bodies('UpdateEndpointWeightsAndCapacities')).toEqual([
      {
        EndpointName: 'churn-ab',
        DesiredWeightsAndCapacities: [
          { VariantName: 'a', DesiredWeight: 9 },
          { VariantName: 'b', DesiredWeight: 1 },
        ],
      },
    ]);
    expect(logger.messages('info')).toEqual(['endpoint churn-ab: asked SageMaker for the variant weights a 9 (90%), b 1 (10%); the endpoint is Updating until they apply']);
    const described = await direct.send(new DescribeEndpointCommand({ EndpointName: 'churn-ab' }));
    expect(described.EndpointStatus).toBe('InService');
    expect(described.ProductionVariants?.map((variant) => [variant.VariantName, variant.CurrentWeight])).toEqual([
      ['a', 9],
      ['b', 1],
    ]);
  });

  test('a variant the endpoint does not have is SageMaker\'s refusal, as one line', async () => {
    await twoVariantEndpoint();

    const error = await rejection(setVariantWeights('churn-ab', { c: 1 }));

    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      'SageMaker endpoint churn-ab: cannot set the variant weights (UpdateEndpointWeightsAndCapacities failed with ValidationException: The variant(s) "[c]" is/are not present in the endpoint configuration "churn-ab".); SageMaker refused the request; check endpoint, image, role-arn, instance-type, the model artifact and the region',
    );
  });

  test.each<[Record<string, number>, string]>([
    [{}, 'weights: no variants given for endpoint churn-ab; expected a weight for at least one production variant.'],
    [{ a: -1 }, 'weights: a has weight -1; expected a number of at least 0.'],
    [{ a: 0, b: 0 }, "weights: every variant's weight is 0; at least one variant must have a weight above 0 to take traffic."],
    [{ 'a b': 1 }, 'weights: "a b" is not a SageMaker variant name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.'],
  ])('weights %j: %s', async (weights, message) => {
    const error = await rejection(setVariantWeights('churn-ab', weights));

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
    expect(fake.requests).toEqual([]);
  });
});

describe('input errors, before any request', () => {
  const linear = (percents: number[], bakeMs = 60_000): RolloutPlan => ({ strategy: 'linear', steps: percents.map((percent) => ({ percent, bakeMs })) });

  test.each<[string, Partial<SageMakerDeployOptions>, string]>([
    ['missing image', { image: ' ' }, 'image: the sagemaker target needs the inference container image URI, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:latest; set image.'],
    [
      'missing role',
      { roleArn: '' },
      'role-arn: the sagemaker target needs the ARN of the IAM role SageMaker assumes to pull the image and the model artifact, e.g. arn:aws:iam::123456789012:role/SageMakerEndpoint; set role-arn.',
    ],
    [
      'bad role ARN',
      { roleArn: 'arn:aws:iam::123456789012:user/deployer' },
      'role-arn: "arn:aws:iam::123456789012:user/deployer" is not an IAM role ARN; expected arn:aws:iam::<12-digit account id>:role/<name>, the execution role SageMaker assumes.',
    ],
    ['missing instance type', { instanceType: '' }, 'instance-type: the sagemaker target needs an instance type for the endpoint, e.g. ml.m5.large; set instance-type.'],
    ['bad instance type', { instanceType: 'm5.large' }, 'instance-type: "m5.large" is not a SageMaker instance type; expected ml.<family>.<size>, e.g. ml.m5.large.'],
    ['no instances', { instanceCount: 0 }, 'instance-count: 0 is not a number of instances; expected a whole number of at least 1.'],
    ['missing endpoint', { endpoint: '' }, 'endpoint: the sagemaker target needs the name of the SageMaker endpoint to deploy to; set endpoint.'],
    ['bad endpoint', { endpoint: 'churn_prod' }, 'endpoint: "churn_prod" is not a SageMaker endpoint name; expected 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.'],
    [
      'artifact without a key',
      { modelDataUrl: 's3://cd4ml-models' },
      'model artifact: "s3://cd4ml-models" names a bucket but no object; expected s3://<bucket>/<key> of the model archive (model.tar.gz) SageMaker loads.',
    ],
    [
      'artifact not in S3',
      { modelDataUrl: 'file:///tmp/model.tar.gz' },
      'model artifact: "file:///tmp/model.tar.gz" is not an S3 URI; expected s3://<bucket>/<prefix>, with a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens.',
    ],
    ['version', { version: 0 }, 'model: version 0 is not a registry version; expected a whole number of at least 1.'],
    [
      'eleven alarms',
      { alarms: Array.from({ length: 11 }, (_, index) => `alarm-${index}`) },
      "alarms: 11 alarms; SageMaker's AutoRollbackConfiguration takes at most 10. Combine them into a CloudWatch composite alarm.",
    ],
    [
      'canary over half',
      { plan: { strategy: 'canary', steps: [{ percent: 60, bakeMs: 60_000 }] } },
      "canary-percent: 60 is not a SageMaker canary size; SageMaker's CanarySize is a whole percent of the new fleet's capacity from 1 to 50.",
    ],
    [
      'fractional canary',
      { plan: { strategy: 'canary', steps: [{ percent: 2.5, bakeMs: 60_000 }] } },
      "canary-percent: 2.5 is not a SageMaker canary size; SageMaker's CanarySize is a whole percent of the new fleet's capacity from 1 to 50.",
    ],
    [
      'three canary steps',
      { plan: { strategy: 'canary', steps: [10, 50, 100].map((percent) => ({ percent, bakeMs: 60_000 })) } },
      "strategy canary: the plan has 3 steps (10%, 50%, 100%); SageMaker's CANARY shifts traffic in two steps, the canary and then all of it. Use strategy linear for more steps.",
    ],
    ['small linear step', { plan: linear([5, 10]) }, "linear-step-percent: 5 is not a SageMaker linear step; SageMaker's LinearStepSize is a whole percent of the new fleet's capacity from 10 to 50."],
    ['uneven linear', { plan: linear([20, 50, 100]) }, "strategy linear: step 2 sends 50% of traffic where equal steps of 20% send 40%; SageMaker's LINEAR shifts traffic in equal steps."],
    ['linear short of 100', { plan: linear([25, 50]) }, "strategy linear: the last step sends 50% of traffic; SageMaker's LINEAR ends with all traffic on the new fleet (100%, 4 steps of 25%)."],
    [
      'uneven bakes',
      {
        plan: {
          strategy: 'linear',
          steps: [
            { percent: 25, bakeMs: 60_000 },
            { percent: 50, bakeMs: 120_000 },
            { percent: 75, bakeMs: 60_000 },
            { percent: 100, bakeMs: 60_000 },
          ],
        },
      },
      'bake-minutes: the steps bake for different times (1 min, 2 min, 1 min); SageMaker waits the same WaitIntervalInSeconds between all steps.',
    ],
    [
      'bake over an hour',
      { plan: { strategy: 'canary', steps: [{ percent: 10, bakeMs: 2 * 3_600_000 }] } },
      "bake-minutes: 120 (7200 seconds) is longer than SageMaker waits between traffic steps; WaitIntervalInSeconds is at most 3600 seconds (60 minutes).",
    ],
    [
      'fraction of a second',
      { plan: { strategy: 'canary', steps: [{ percent: 10, bakeMs: 600 }] } },
      "bake-minutes: 0.01 is 0.6 seconds; SageMaker's WaitIntervalInSeconds is a whole number of seconds.",
    ],
    ['termination wait', { terminationWaitSeconds: 4000 }, "termination wait: 4000 seconds; SageMaker's TerminationWaitInSeconds is a whole number of seconds from 0 to 3600."],
    [
      'timeout below the waits',
      { maximumExecutionTimeoutSeconds: 800 },
      "maximum execution timeout: 800 seconds is not more than the deployment's own waits (900 seconds of bakes and termination wait); SageMaker requires it to be larger. Raise it or shorten the bakes.",
    ],
    [
      'timeout out of range',
      { maximumExecutionTimeoutSeconds: 30_000 },
      "maximum execution timeout: 30000 seconds; SageMaker's MaximumExecutionTimeoutInSeconds is a whole number of seconds from 600 to 28800.",
    ],
    [
      'shadow without a mirror share',
      { plan: { strategy: 'shadow', steps: [{ percent: 0, bakeMs: 60_000 }] } },
      "mirror-percent: none given is not a SageMaker sampling percentage; SageMaker's SamplingPercentage is a whole percent from 1 to 100.",
    ],
    [
      'fractional mirror share',
      { plan: { strategy: 'shadow', steps: [{ percent: 0, mirrorPercent: 12.5, bakeMs: 60_000 }] } },
      "mirror-percent: 12.5 is not a SageMaker sampling percentage; SageMaker's SamplingPercentage is a whole percent from 1 to 100.",
    ],
    ['poll interval', { pollSeconds: 0 }, 'poll interval: 0 seconds; expected a positive number of seconds.'],
  ])('%s', async (_name, overrides, message) => {
    const error = await rejection(deployToSageMaker(options(overrides)));

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(message);
    expect(fake.requests).toEqual([]);
  });
});

describe('SageMaker refusals and endpoint states', () => {
  test('a denied CreateModel names the permission and iam:PassRole', async () => {
    fake.failNext('CreateModel', 'AccessDeniedException', 1, { message: 'User is not authorized to perform: iam:PassRole' });

    const error = await rejection(deployToSageMaker(options()));

    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      `SageMaker endpoint ${ENDPOINT}: cannot create the model ${MODEL} (CreateModel failed with AccessDeniedException: User is not authorized to perform: iam:PassRole); check the AWS credentials, and that the IAM policy allows sagemaker:CreateModel, and iam:PassRole on ${ROLE}`,
    );
  });

  test('an endpoint in the middle of another update is not touched', async () => {
    seedLive();
    const endpoint = fake.endpoints.get(ENDPOINT);
    if (endpoint !== undefined) endpoint.status = 'Updating';

    const error = await rejection(deployToSageMaker(options()));

    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe(
      `SageMaker endpoint ${ENDPOINT} is Updating: another deployment or maintenance is in progress, and SageMaker takes no other update until it ends. Wait until it is InService and run again.`,
    );
    expect(fake.operations()).toEqual(['DescribeEndpoint']);
  });

  test('a Failed endpoint must be deleted first', async () => {
    seedLive();
    const endpoint = fake.endpoints.get(ENDPOINT);
    if (endpoint !== undefined) {
      endpoint.status = 'Failed';
      endpoint.failureReason = 'Request to service failed.';
    }

    const error = await rejection(deployToSageMaker(options()));

    expect(error.message).toBe(
      `SageMaker endpoint ${ENDPOINT} is Failed (Request to service failed.); SageMaker allows only DeleteEndpoint on a failed endpoint. Delete it (aws sagemaker delete-endpoint --endpoint-name ${ENDPOINT}) and run again, which creates it.`,
    );
  });

  test('names stay within 63 characters for long registry names', () => {
    const name = resourceName('customer_churn.gradient-boosting.with-a-very-long-description', 123, ['x']);

    expect(name).toMatch(/^cd4ml-customer-churn-gradient-boosting-with-a-ver-v123-[0-9a-f]{8}$/);
    expect(name).toHaveLength(63);
  });
});

describe('the fake checks requests as SageMaker does', () => {
  test.each<[string, (input: UpdateEndpointCommandInput) => UpdateEndpointCommandInput, string]>([
    [
      'a canary without a size',
      (input) => ({ ...input, DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: 60 } } } }),
      'CanarySize must be specified for CANARY traffic routing.',
    ],
    [
      'a wait over an hour',
      (input) => ({ ...input, DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3601 } } } }),
      "1 validation error detected: Value '3601' at 'deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.waitIntervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600",
    ],
    [
      'a missing config',
      (input) => ({ ...input, EndpointConfigName: 'nothing-here' }),
      'Could not find endpoint configuration "nothing-here".',
    ],
  ])('UpdateEndpoint with %s is refused', async (_name, change, message) => {
    seedLive();

    const error = await rejection(direct.send(new UpdateEndpointCommand(change({ EndpointName: ENDPOINT, EndpointConfigName: LIVE_CONFIG }))));

    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(message);
  });

  test('DescribeEndpoint of a missing endpoint, and a model created twice', async () => {
    const missing = await rejection(direct.send(new DescribeEndpointCommand({ EndpointName: 'nobody' })));
    expect(missing.message).toBe('Could not find endpoint "nobody".');

    await direct.send(new CreateModelCommand({ ModelName: 'twice', PrimaryContainer: { Image: IMAGE }, ExecutionRoleArn: ROLE }));
    const twice = await rejection(direct.send(new CreateModelCommand({ ModelName: 'twice', PrimaryContainer: { Image: IMAGE }, ExecutionRoleArn: ROLE })));
    expect(twice.message).toBe('Cannot create already existing model "arn:aws:sagemaker:us-east-1:123456789012:model/twice".');
  });
});
