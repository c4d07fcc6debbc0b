/**
 * GitHub Deployments (deploy-canary's record of a rollout) against the fake REST API, over real HTTP
 * with the real Octokit client. Every request is checked against GitHub's OpenAPI description; the
 * fake's hooks fail a test that broke it.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { ServiceError } from '../../src/core/errors.js';
import { createGitHubClient, type GitHubClient } from '../../src/platform/github/client.js';
import {
  createDeployment,
  DEPLOYMENT_STATUS_DESCRIPTION_LIMIT,
  setDeploymentStatus,
  type DeploymentRequest,
} from '../../src/platform/github/deployments.js';
import { ACTIONS_BOT, useFakeGitHub } from '../support/fake-github.js';
import { recordingLogger } from '../support/logger.js';

const repo = { owner: 'Codertocat', repo: 'Hello-World' };
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/42/attempts/1';

const fake = useFakeGitHub({ perTest: true, token: 'bot-token', tokens: { 'fork-token': { ...ACTIONS_BOT, readOnly: true } } });
let logger: ReturnType<typeof recordingLogger>;

function client(token = 'bot-token'): GitHubClient {
  return createGitHubClient(token, { apiUrl: fake().url, logger, retries: 0, throttle: false });
}

beforeEach(() => {
  logger = recordingLogger();
});

function request(overrides: Partial<DeploymentRequest> = {}): DeploymentRequest {
  return {
    ref: SHA,
    environment: 'production',
    description: 'churn v7 canary to local',
    payload: { model: 'churn', version: 7, registry: 'file://registry', strategy: 'canary', target: 'local' },
    ...overrides,
  };
}

const bodies = () => fake().requests.map((r) => ({ operationId: r.operationId, status: r.status, body: r.body }));

describe('a rollout recorded as a deployment', () => {
  test('create, in_progress, success: the exact requests GitHub receives', async () => {
    const created = await createDeployment(client(), repo, request({ productionEnvironment: true }), logger);
    await setDeploymentStatus(client(), repo, created.id, { state: 'in_progress', description: 'canary at 10%', logUrl: RUN_URL }, logger);
    await setDeploymentStatus(
      client(),
      repo,
      created.id,
      { state: 'success', description: 'churn v7 serves all traffic', logUrl: RUN_URL, environmentUrl: 'http://127.0.0.1:8080' },
      logger,
    );

    expect(created).toEqual({ id: fake().deployments[0]?.id, url: `${fake().url}/repos/Codertocat/Hello-World/deployments/${created.id}` });
    expect(bodies()).toEqual([
      {
        operationId: 'repos/create-deployment',
        status: 201,
        body: {
          ref: SHA,
          environment: 'production',
          description: 'churn v7 canary to local',
          payload: { model: 'churn', version: 7, registry: 'file://registry', strategy: 'canary', target: 'local' },
          auto_merge: false,
          required_contexts: [],
          transient_environment: false,
          production_environment: true,
        },
      },
      { operationId: 'repos/create-deployment-status', status: 201, body: { state: 'in_progress', description: 'canary at 10%', log_url: RUN_URL } },
      {
        operationId: 'repos/create-deployment-status',
        status: 201,
        body: { state: 'success', description: 'churn v7 serves all traffic', log_url: RUN_URL, environment_url: 'http://127.0.0.1:8080', auto_inactive: true },
      },
    ]);
    expect(fake().deployments).toHaveLength(1);
    expect(fake().deployments[0]).toMatchObject({ sha: SHA, environment: 'production', production: true, creator: 'github-actions[bot]' });
    expect(fake().deployments[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(logger.messages('warning')).toEqual([]);
  });

  test('production_environment is sent only when given', async () => {
    await createDeployment(client(), repo, request({ environment: 'staging' }), logger);

    expect(fake().requests[0]?.body).not.toHaveProperty('production_environment');
    expect(fake().deployments[0]).toMatchObject({ environment: 'staging', production: false });
  });

  test('a failure status keeps its description within 140 characters, ending in …', async () => {
    const reason = `rolled back: ${'p99 latency 412 ms over the 250 ms bound; '.repeat(6)}`;
    expect(reason.length).toBeGreaterThan(DEPLOYMENT_STATUS_DESCRIPTION_LIMIT);
    const { id } = await createDeployment(client(), repo, request(), logger);

    await setDeploymentStatus(client(), repo, id, { state: 'failure', description: reason, logUrl: RUN_URL }, logger);

    const sent = fake().requests.at(-1);
    expect(sent?.status).toBe(201);
    const description = (sent?.body as { description: string }).description;
    expect(description).toHaveLength(140);
    expect(description).toBe(`${reason.slice(0, 139)}…`);
    expect(sent?.body).not.toHaveProperty('auto_inactive');
    expect(fake().deployments[0]?.statuses).toMatchObject([{ state: 'failure', description, logUrl: RUN_URL }]);
  });

  test('a pending or failed status context on the commit does not block the deployment', async () => {
    fake().statuses.push({ id: 1, sha: SHA, context: 'ci/slow-e2e', state: 'pending' }, { id: 2, sha: SHA, context: 'lint', state: 'failure' });

    const created = await createDeployment(client(), repo, request(), logger);

    expect(fake().deployments.map((d) => d.id)).toEqual([created.id]);
  });

  test('success marks the earlier successful deployment to the same environment inactive', async () => {
    const first = await createDeployment(client(), repo, request({ environment: 'staging' }), logger);
    await setDeploymentStatus(client(), repo, first.id, { state: 'success', description: 'v7 live' }, logger);
    const second = await createDeployment(client(), repo, request({ environment: 'staging', payload: { ...request().payload, version: 8 } }), logger);
    await setDeploymentStatus(client(), repo, second.id, { state: 'success', description: 'v8 live' }, logger);

    const statuses = await client().rest.repos.listDeploymentStatuses({ ...repo, deployment_id: first.id });
    expect(statuses.data.map((s) => s.state)).toEqual(['inactive', 'success']);
    const listed = await client().rest.repos.listDeployments({ ...repo, environment: 'staging' });
    expect(listed.data.map((d) => [d.id, (d.payload as { version?: number }).version])).toEqual([
      [second.id, 8],
      [first.id, 7],
    ]);
  });
});

describe('refusals fail the step with one line', () => {
  test('a read-only token (403) names the permission to grant, and nothing is created', async () => {
    const error = await createDeployment(client('fork-token'), repo, request(), logger).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServiceError);
    const message = (error as Error).message;
    expect(message).toContain('GitHub answered 403: Resource not accessible by integration');
    expect(message).toContain('`permissions: deployments: write`');
    expect(message).not.toContain('\n');
    expect(fake().deployments).toEqual([]);
    expect(logger.messages('warning')).toEqual([]);
  });

  test('a status write refused with 403 fails the same way', async () => {
    const { id } = await createDeployment(client(), repo, request(), logger);

    await expect(setDeploymentStatus(client('fork-token'), repo, id, { state: 'success', description: 'v7 live' }, logger)).rejects.toThrow(
      /^Could not set the status of the GitHub deployment \d+ to success: GitHub answered 403: .*`permissions: deployments: write`/,
    );
  });

  test.each([
    { answer: '409 (failed status checks)', status: 409, ref: SHA, expected: /GitHub answered 409: injected 409\. A merge conflict or failed commit status checks/ },
    { answer: '422 (an unknown ref)', status: undefined, ref: 'no-such-branch', expected: /GitHub answered 422: No ref found for: no-such-branch\. Check that the commit is pushed/ },
    { answer: '202 (merged instead of deployed)', status: 202, ref: SHA, expected: /GitHub answered 202 "injected 202" and created no deployment/ },
    { answer: '502 (a proxy)', status: 502, ref: SHA, expected: /GitHub answered 502: .*Run again/ },
  ])('GitHub answering $answer is a ServiceError', async ({ status, ref, expected }) => {
    if (status !== undefined) fake().failNext('repos/create-deployment', status);

    const error = await createDeployment(client(), repo, request({ ref }), logger).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).message).toMatch(expected);
    expect((error as Error).message).toMatch(/^Could not create the GitHub deployment of \S+ to the environment production: /);
    expect(fake().deployments).toEqual([]);
  });

  test('a status for a deployment that does not exist is a ServiceError naming it', async () => {
    await expect(setDeploymentStatus(client(), repo, 999_999, { state: 'in_progress', description: 'starting' }, logger)).rejects.toThrow(
      'Could not set the status of the GitHub deployment 999999 to in_progress: GitHub answered 404: Not Found.',
    );
  });
});
