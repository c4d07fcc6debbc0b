/**
 * register-model's committed bundle, run as the runner runs it, on a file:// registry: registering,
 * moving aliases, the idempotent re-run, concurrent registrations from separate processes, bad
 * inputs; then evaluate-gate and check-drift resolving `registry:churn@production`.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { useFakeGitHub } from '../support/fake-github.js';
import { nodeRuntimes, runBundle } from '../support/runner.js';

const V1 = 'examples/models/churn-v1.onnx';
const V2 = 'examples/models/churn-v2.onnx';
const PROFILE = 'test/fixtures/registry/customers.profile.json';
const DATA = 'examples/data/customers.csv';

let work: string;
let metrics: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cd4ml-register-'));
  metrics = join(work, 'metrics.json');
  writeFileSync(metrics, JSON.stringify({ test: { roc_auc: 0.84, log_loss: 0.39 } }));
});

function registry(): string {
  return `file://${mkdtempSync(join(work, 'registry-'))}`;
}

const push = (runId: string) => ({ env: { GITHUB_EVENT_NAME: 'push', GITHUB_RUN_ID: runId, GITHUB_ACTOR: 'octocat' } });

describe.each(nodeRuntimes())('under $name', (node) => {
  test('registers v1 and v2, moves production with an audit trail, and a re-run makes nothing new', async () => {
    const uri = registry();
    const first = await runBundle('register-model', { node, inputs: { name: 'churn', model: V1, metrics, profile: PROFILE, registry: uri, alias: 'production' }, ...push('11') });
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ version: '1', uri: 'registry:churn@1' });
    expect(first.outputs['previous-version']).toBeUndefined();
    const record = JSON.parse(readFileSync(first.outputs['record']!, 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({
      name: 'churn',
      version: 1,
      metrics: { 'test.roc_auc': 0.84, 'test.log_loss': 0.39 },
      profile: { rows: 5000, columns: 11 },
      aliases: ['production'],
      lineage: { gitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', repository: 'Codertocat/Hello-World', runId: '11', actor: 'octocat' },
    });
    expect(first.summary).toContain('# churn v1');
    expect(first.summary).toMatch(/## Data\n\n5,000 rows, 11 columns \(profile sha256 `[0-9a-f]{12}`, the drift reference of this version\)\./);
    expect(first.summary).toMatch(/\| `test\.roc_auc` +\| +0\.84 \|/);
    expect(readFileSync(first.outputs['model-card']!, 'utf8')).toBe(first.summary.trimEnd() + '\n');

    const second = await runBundle('register-model', { node, inputs: { name: 'churn', model: V2, metrics, profile: PROFILE, registry: uri, alias: 'production' }, ...push('12') });
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ version: '2', 'previous-version': '1' });

    const rerun = await runBundle('register-model', { node, inputs: { name: 'churn', model: V2, metrics, profile: PROFILE, registry: uri, alias: 'production' }, ...push('12') });
    expect(rerun.code).toBe(0);
    expect(rerun.outputs).toMatchObject({ version: '2' });
    expect(rerun.stdout).toContain('registry:churn@2 already holds this run\'s registration; nothing new was made.');

    const back = await runBundle('register-model', { node, inputs: { name: 'churn', promote: '1', alias: 'production', registry: uri }, ...push('13') });
    expect(back.code).toBe(0);
    expect(back.outputs).toMatchObject({ version: '1', uri: 'registry:churn@1', 'previous-version': '2' });
    const index = JSON.parse(readFileSync(join(uri.slice('file://'.length), 'churn', 'index.json'), 'utf8')) as { history: unknown[]; nextVersion: number };
    expect(index.nextVersion).toBe(3);
    expect(index.history).toEqual([
      { alias: 'production', version: 1, at: expect.any(String), actor: 'octocat', runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/11/attempts/1', gitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', reason: 'register' },
      { alias: 'production', version: 2, previous: 1, at: expect.any(String), actor: 'octocat', runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/12/attempts/1', gitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', reason: 'register' },
      { alias: 'production', version: 1, previous: 2, at: expect.any(String), actor: 'octocat', runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/13/attempts/1', gitSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', reason: 'promote' },
    ]);
  });
});

test('20 registrations from 20 processes at once get versions 1 to 20 and the index keeps them all', async () => {
  const uri = registry();
  const runs = await Promise.all(
    Array.from({ length: 20 }, (_, i) => runBundle('register-model', { inputs: { name: 'churn', model: i % 2 === 0 ? V1 : V2, registry: uri }, ...push(String(500 + i)) })),
  );
  expect(runs.map((run) => run.errors)).toEqual(runs.map(() => []));
  expect(runs.map((run) => Number(run.outputs['version'])).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  const index = JSON.parse(readFileSync(join(uri.slice('file://'.length), 'churn', 'index.json'), 'utf8')) as { versions: Array<{ version: number }>; reservations: unknown[] };
  expect(index.versions.map((entry) => entry.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  expect(index.reservations).toEqual([]);
});

describe('bad input fails in one line and writes nothing', () => {
  test.each([
    [{ registry: 'ftp://models.example.com/churn' }, 'register-model: Input "registry": "ftp://models.example.com/churn" has the unknown scheme ftp:; use github, github://<owner>/<repo>, file://<directory>, s3://<bucket>/<prefix> or sagemaker://<model-package-group>.'],
    [{ model: 'models/missing.onnx' }, 'register-model: Input "model": models/missing.onnx does not exist; give the model file, its directory or a glob, and check that training wrote it.'],
    [{ model: 'models/*.pt' }, /^register-model: Input "model": models\/\*\.pt matches no file; check the pattern \(relative to .*\) and that training wrote the model\.$/],
    [{ name: 'churn model' }, 'register-model: Input "name": "churn model" is not a valid model name; use letters, digits, "-", "_" and "." (starting with a letter or digit, at most 63 characters), e.g. churn-model.'],
    [{ model: undefined, promote: '3', alias: 'production' }, /^register-model: file:\/\/.* has no model named churn; it has no models yet; register one with register-model\.$/],
    [{ promote: '1' }, 'register-model: Input "promote" moves an alias: set "alias" to the alias to move (e.g. production).'],
  ])('%o', async (given, message) => {
    const uri = registry();
    const inputs = Object.fromEntries(Object.entries({ name: 'churn', model: V1, registry: uri, ...given }).filter(([, value]) => value !== undefined)) as Record<string, string>;
    const run = await runBundle('register-model', { inputs, ...push('40') });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    if (typeof message === 'string') expect(run.errors[0]).toBe(message);
    else expect(run.errors[0]).toMatch(message);
    expect(run.outputs).toEqual({});
  });

  test('a card template with an unknown placeholder stops the step before anything is reserved or stored', async () => {
    const uri = registry();
    const template = join(work, 'card.md');
    writeFileSync(template, '# Intended use\nScores churn for {{team}}.\n');
    const run = await runBundle('register-model', { inputs: { name: 'churn', model: V1, registry: uri, metrics, 'model-card-template': template }, ...push('43') });
    expect(run.errors).toEqual([`register-model: ${template}:2: unknown placeholder {{team}}; use {{name}}, {{version}}, {{uri}}, {{created}}, {{git_sha}} or {{metric:<name>}} with a registered metric.`]);
    expect(readdirSync(uri.slice('file://'.length))).toEqual([]);
  });

  test('an alias cannot be promoted to a version that does not exist', async () => {
    const uri = registry();
    await runBundle('register-model', { inputs: { name: 'churn', model: V1, registry: uri, alias: 'production' }, ...push('41') });
    const run = await runBundle('register-model', { inputs: { name: 'churn', promote: '7', alias: 'production', registry: uri }, ...push('42') });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([`register-model: ${uri}: churn has no version 7; it has versions 1; aliases production → 1.`]);
  });
});

describe('other actions resolve registry:churn@production', () => {
  const fake = useFakeGitHub();

  test('evaluate-gate scores the production model as the paired baseline, and has no baseline before there is one', async () => {
    const uri = registry();
    const gateInputs = { model: V2, data: DATA, label: 'churned', features: 'age, tenure_months, monthly_spend, support_tickets', 'baseline-model': 'registry:churn@production', registry: uri, comment: 'false', thresholds: 'roc_auc>=0.5' };
    const before = await runBundle('evaluate-gate', { apiUrl: fake().url, inputs: gateInputs, env: { GITHUB_EVENT_NAME: 'push' } });
    expect(before.errors).toEqual([]);
    expect(before.code).toBe(0);
    expect(before.summary).toContain('No baseline: registry:churn@production does not exist yet');

    await runBundle('register-model', { inputs: { name: 'churn', model: V1, registry: uri, alias: 'production', metrics, profile: PROFILE }, ...push('60') });
    const after = await runBundle('evaluate-gate', { apiUrl: fake().url, inputs: gateInputs, env: { GITHUB_EVENT_NAME: 'push' } });
    expect(after.errors).toEqual([]);
    const evaluation = JSON.parse(after.outputs['metrics']!) as { baseline: { kind: string; path: string }; bootstrap: { paired: boolean } };
    expect(evaluation.baseline).toMatchObject({ kind: 'model', path: 'registry:churn@production (v1)' });
    expect(evaluation.bootstrap.paired).toBe(true);

    const numbers = await runBundle('evaluate-gate', { apiUrl: fake().url, inputs: { metrics, 'baseline-metrics': 'registry:churn@1', registry: uri, comment: 'false' }, env: { GITHUB_EVENT_NAME: 'push' } });
    expect(numbers.errors).toEqual([]);
    expect(numbers.code).toBe(0);
    expect(JSON.parse(numbers.outputs['metrics']!)).toMatchObject({ baseline: { kind: 'metrics', origin: 'registry:churn@1' } });
  });

  test('check-drift compares recent data with the profile registered with production', async () => {
    const uri = registry();
    await runBundle('register-model', { inputs: { name: 'churn', model: V1, registry: uri, alias: 'production', profile: PROFILE }, ...push('70') });
    const run = await runBundle('check-drift', {
      apiUrl: fake().url,
      inputs: { reference: 'registry:churn@production', current: 'examples/data/customers-2024-07.csv', config: 'examples/drift-config.yaml', 'on-drift': 'fail', registry: uri },
      env: { GITHUB_EVENT_NAME: 'schedule' },
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs['drifted-columns']!)).toEqual(['age', 'monthly_spend']);
    expect(run.summary).toContain('registry:churn@production (v1)');

    const noProfile = registry();
    await runBundle('register-model', { inputs: { name: 'churn', model: V1, registry: noProfile, alias: 'production' }, ...push('71') });
    const refused = await runBundle('check-drift', { apiUrl: fake().url, inputs: { reference: 'registry:churn@production', current: DATA, registry: noProfile }, env: { GITHUB_EVENT_NAME: 'schedule' } });
    expect(refused.errors).toEqual([
      "check-drift: registry:churn@1 was registered without a data profile, so it cannot be a drift reference; register versions with register-model's profile input (validate-data's profile-output).",
    ]);
  });
});

describe('the github registry, from the bundles', () => {
  const fake = useFakeGitHub();

  test('register-model makes a published release and an index on the registry branch; evaluate-gate reads production from it', async () => {
    const registered = await runBundle('register-model', {
      apiUrl: fake().url,
      inputs: { name: 'churn', model: V1, metrics, profile: PROFILE, alias: 'production' },
      ...push('90'),
    });
    expect(registered.errors).toEqual([]);
    expect(registered.outputs).toMatchObject({ version: '1', uri: 'registry:churn@1' });
    expect(fake().releases).toHaveLength(1);
    expect(fake().releases[0]).toMatchObject({ tagName: 'model/churn/v1', targetCommitish: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', name: 'churn v1', draft: false });
    expect(fake().releases[0]?.body).toContain('# churn v1');
    expect(fake().releases[0]?.assets.map((asset) => asset.name).sort()).toEqual(['model-card.md', 'model__churn-v1.onnx', 'profile.json', 'record.json']);
    const index = JSON.parse(fake().files.get('cd4ml-registry:churn/index.json') ?? '{}') as { aliases: Record<string, number> };
    expect(index.aliases).toEqual({ production: 1 });

    const gate = await runBundle('evaluate-gate', {
      apiUrl: fake().url,
      inputs: { model: V2, data: DATA, label: 'churned', features: 'age, tenure_months, monthly_spend, support_tickets', 'baseline-model': 'registry:churn@production', comment: 'false' },
      env: { GITHUB_EVENT_NAME: 'push' },
    });
    expect(gate.errors).toEqual([]);
    expect(JSON.parse(gate.outputs['metrics']!)).toMatchObject({ baseline: { kind: 'model', path: 'registry:churn@production (v1)' }, bootstrap: { paired: true } });
    expect(fake().violations).toEqual([]);
  });
});
