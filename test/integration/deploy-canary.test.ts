/**
 * deploy-canary's committed bundle, run as the runner runs it, on the local target with a file://
 * registry: the first version goes live, a good canary is promoted (the alias moves, the replay
 * report compares both versions), a broken version is rolled back while the previous one keeps
 * serving, and each rollout is a GitHub deployment with its statuses on the fake API.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
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
