/**
 * check-drift's committed bundle, run as the runner runs it against the fake GitHub API: the drifted
 * July data is flagged, the same data is left alone, the drift issue is opened, updated and closed,
 * and the retraining workflow is dispatched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pullRequestEvent } from '../support/events.js';
import { useFakeGitHub } from '../support/fake-github.js';
import { nodeRuntimes, runBundle } from '../support/runner.js';

const JUNE = 'examples/data/customers.csv';
const JULY = 'examples/data/customers-2024-07.csv';
const CONFIG = 'examples/drift-config.yaml';

const fake = useFakeGitHub();

const schedule = { env: { GITHUB_EVENT_NAME: 'schedule' } };

describe.each(nodeRuntimes())('under $name', (node) => {
  test('July drifted from June: outputs, the report, the issue opened then updated, the retraining dispatched; June against itself closes the issue', async () => {
    fake().issues.splice(0);
    fake().dispatches.splice(0);
    const inputs = { reference: JUNE, current: JULY, config: CONFIG, 'on-drift': 'issue, dispatch', 'retrain-workflow': 'retrain.yml' };
    const first = await runBundle('check-drift', { node, apiUrl: fake().url, inputs, ...schedule });
    expect(first.errors).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.outputs['drifted']).toBe('true');
    expect(JSON.parse(first.outputs['drifted-columns']!)).toEqual(['age', 'monthly_spend']);
    expect(Number(first.outputs['drift-share'])).toBeCloseTo(2 / 7, 12);
    expect(first.summary).toContain('### ⚠️ Data drift: 2 of 7 columns (29%) drifted');
    expect(first.summary).toContain('```mermaid\nxychart-beta');
    expect(readFileSync(first.outputs['report']!, 'utf8')).toContain('Data drift');
    expect(fake().issues).toHaveLength(1);
    expect(fake().issues[0]).toMatchObject({ title: `Data drift against ${JUNE}`, state: 'open', labels: ['cd4ml-drift'] });
    const defaultBranch = (pullRequestEvent() as { repository: { default_branch: string } }).repository.default_branch;
    expect(fake().dispatches).toEqual([{ workflow: 'retrain.yml', ref: defaultBranch, inputs: { summary: '2 of 7 columns drifted (29%; dataset drift from 25%)', 'drift-run': 'https://github.com/Codertocat/Hello-World/actions/runs/7/attempts/1' } }]);

    const again = await runBundle('check-drift', { node, apiUrl: fake().url, inputs, ...schedule });
    expect(again.code).toBe(0);
    expect(fake().issues).toHaveLength(1);
    expect(fake().dispatches).toHaveLength(2);

    const calm = await runBundle('check-drift', { node, apiUrl: fake().url, inputs: { ...inputs, current: JUNE }, ...schedule });
    expect(calm.code).toBe(0);
    expect(calm.outputs['drifted']).toBe('false');
    expect(calm.outputs['drifted-columns']).toBe('[]');
    expect(calm.summary).toContain('### ✅ No dataset drift: 0 of 7 columns (0%) drifted');
    expect(fake().issues[0]).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(fake().comments.filter((comment) => comment.issueNumber === fake().issues[0]!.number).at(-1)?.body).toMatch(/^No dataset drift any more in \[this run\]\(.+\): 0 of 7 columns drifted/);
    expect(fake().dispatches).toHaveLength(2);
  });
});

describe('verdicts and bad input', () => {
  const node = nodeRuntimes()[0]!;

  test('on-drift: fail fails the step with the drifted columns', async () => {
    const run = await runBundle('check-drift', { node, apiUrl: fake().url, inputs: { reference: JUNE, current: JULY, config: CONFIG, 'on-drift': 'fail' }, ...schedule });
    expect(run.code).toBe(1);
    expect(run.errors.at(-1)).toBe('check-drift: data drift: 2 of 7 columns drifted (29%; dataset drift from 25%): age, monthly_spend');
  });

  test('with a model, its predictions on both sides are compared as a column named prediction', async () => {
    const run = await runBundle('check-drift', {
      node,
      apiUrl: fake().url,
      inputs: { reference: JUNE, current: JULY, config: CONFIG, 'on-drift': 'fail', model: 'examples/models/churn-v2.onnx', features: 'age, tenure_months, monthly_spend, support_tickets' },
      ...schedule,
    });
    expect(run.errors.at(-1)).toBe('check-drift: data drift: 3 of 8 columns drifted (38%; dataset drift from 25%): age, monthly_spend, prediction');
    expect(JSON.parse(run.outputs['drifted-columns']!)).toEqual(['age', 'monthly_spend', 'prediction']);
    expect(run.summary).toMatch(/^\| `prediction` +\| number +\| Wasserstein \(normed\) +\| +≈ 0\.\d+ \| +≥ 0\.1 \|.*⚠️ drift/m);
  });

  test('a stored profile as the reference: no data read for it, the same verdict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-drift-'));
    const profile = join(dir, 'june.json');
    const profiled = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: JUNE, 'profile-output': profile } });
    expect(profiled.code).toBe(0);
    const run = await runBundle('check-drift', { node, apiUrl: fake().url, inputs: { reference: profile, current: JULY, config: CONFIG, 'on-drift': 'fail' }, ...schedule });
    expect(run.errors.at(-1)).toBe('check-drift: data drift: 2 of 7 columns drifted (29%; dataset drift from 25%): age, monthly_spend');
  });

  test.each([
    ['a profile of an unsupported version', (dir: string) => {
      writeFileSync(join(dir, 'old.json'), JSON.stringify({ format: 'cd4ml-profile', version: 7, rows: 1, columns: [] }));
      return { reference: join(dir, 'old.json'), current: JULY };
    }, /^check-drift: .+old\.json: profile version 7 is not supported; this version of cd4ml-actions reads version 1\.$/],
    ['no shared columns', (dir: string) => {
      writeFileSync(join(dir, 'other.csv'), 'a,b\n1,2\n3,4\n');
      return { reference: JUNE, current: join(dir, 'other.csv') };
    }, /^check-drift: The reference and the current data share no column \(reference: customer_id, age, /],
    ['an empty current dataset', (dir: string) => {
      writeFileSync(join(dir, 'empty.csv'), 'age,plan\n');
      return { reference: JUNE, current: join(dir, 'empty.csv') };
    }, /^check-drift: .+empty\.csv: the file has a header but no data rows\.$/],
    ['a model with a stored profile as the reference', (dir: string) => {
      writeFileSync(join(dir, 'june.json'), '{}');
      return { reference: join(dir, 'june.json'), current: JULY, model: 'examples/models/churn-v2.onnx' };
    }, /^check-drift: Input "model": prediction drift scores the reference rows, but "reference" is .+june\.json, not data; give the reference as a dataset \(the data the profile was made from\)\.$/],
    ['dispatch without a workflow', () => ({ reference: JUNE, current: JULY, 'on-drift': 'dispatch' }), 'check-drift: Input "on-drift" includes dispatch, but "retrain-workflow" is not set: name the workflow file to start, e.g. retrain.yml.'],
  ])('%s is one clear message', async (_, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-drift-'));
    const run = await runBundle('check-drift', { node, apiUrl: fake().url, inputs: make(dir), ...schedule });
    expect(run.code).toBe(1);
    if (typeof message === 'string') expect(run.errors.at(-1)).toBe(message);
    else expect(run.errors.at(-1)).toMatch(message);
  });
});
