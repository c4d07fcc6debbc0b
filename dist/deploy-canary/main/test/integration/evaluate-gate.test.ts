/**
 * evaluate-gate's committed bundle on the example churn models, run as the runner runs it against the
 * fake GitHub API: the check run that branch protection requires, the sticky comment with the
 * regression and its interval, the exit code, and the fallbacks (a fork's read-only token, a
 * baseline read at the PR's base commit).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { unescapeData } from '../../src/cli/workflow-commands.js';
import { forkPullRequestEvent, pullRequestEvent } from '../support/events.js';
import { ACTIONS_BOT, useFakeGitHub } from '../support/fake-github.js';
import { nodeRuntimes, runBundle } from '../support/runner.js';

const V1 = 'examples/models/churn-v1.onnx';
const V2 = 'examples/models/churn-v2.onnx';
const POLICY = 'examples/gate-policy.yaml';
const common = {
  data: 'examples/data/customers-2024-07.csv',
  label: 'churned',
  features: 'age, tenure_months, monthly_spend, support_tickets',
  policy: POLICY,
};
const policyLine = (pattern: RegExp): number => readFileSync(POLICY, 'utf8').split('\n').findIndex((line) => pattern.test(line)) + 1;

type Event = { pull_request: { head: { sha: string }; base: { sha: string }; number: number } };
const withHead = (sha: string): Event => {
  const event = pullRequestEvent() as unknown as Event;
  event.pull_request.head.sha = sha;
  return event;
};

const fake = useFakeGitHub({ tokens: { ghs_fork_token: { ...ACTIONS_BOT, readOnly: true } } });

describe.each(nodeRuntimes())('under $name', (node) => {
  test('a regressing candidate fails its check run, shows the regression with its interval, and exits 1; a better one on the next push passes and edits the same comment', async () => {
    const pr = (pullRequestEvent() as unknown as Event).pull_request.number;
    fake().comments.splice(0); // each runtime starts with a PR without the gate's comment
    const before = { comments: fake().comments.length, checks: fake().checkRuns.length };
    const sha1 = `a${node.name.length}`.padEnd(40, '1');
    const failing = await runBundle('evaluate-gate', { node, apiUrl: fake().url, event: withHead(sha1), inputs: { ...common, model: V1, 'baseline-model': V2 } });

    expect(failing.code).toBe(1);
    expect(failing.outputs['passed']).toBe('false');
    expect(failing.errors.at(-1)).toMatch(/^evaluate-gate: the model gate failed: roc_auc 0\.6938 is below the minimum 0\.7 \(and \d+ more failed checks\)\.$/);
    const annotations = failing.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error file='))
      .map((line) => unescapeData(line));
    expect(annotations).toContain(
      `::error file=${POLICY},line=${policyLine(/^\s+roc_auc:/)}::roc_auc fell by 0.05294 (95% CI of Δ −0.07373 to −0.03132), more than the allowed 0.01`,
    );
    const check = fake().checkRuns.at(-1)!;
    expect(fake().checkRuns).toHaveLength(before.checks + 1);
    expect(check).toMatchObject({ name: 'cd4ml/evaluate-gate', headSha: sha1, conclusion: 'failure' });
    expect(failing.outputs['check-run-id']).toBe(String(check.id));
    const comment = fake().comments.at(-1)!;
    expect(fake().comments).toHaveLength(before.comments + 1);
    expect(comment.issueNumber).toBe(pr);
    expect(failing.outputs['comment-url']).toBe(`https://github.com/o/r/pull/${pr}#issuecomment-${comment.id}`);
    for (const text of [comment.body, check.summary, failing.summary]) {
      expect(text).toContain('### ❌ Model gate failed · `cd4ml/evaluate-gate`');
      expect(text).toMatch(/\| ROC AUC \(`roc_auc`\) +\| +0\.7467 \| +0\.6938 \| +−0\.05294 \| +−7\.09% \| +\[−0\.07373, −0\.03132\] +\| ≥ 0\.7<br>Δ ≥ −0\.01 \(95%\) +\| ❌ fail \|/);
    }
    const evaluation = JSON.parse(failing.outputs['metrics']!) as { format: string; passed: boolean; threshold: number; metrics: Array<{ name: string; deltaInterval: number[] }> };
    expect(evaluation).toMatchObject({ format: 'cd4ml-evaluation', passed: false, threshold: 0.3 });
    expect(evaluation.metrics[0]?.name).toBe('roc_auc');
    expect(readFileSync(failing.outputs['report']!, 'utf8')).toContain('### ❌ Model gate failed');

    const sha2 = `b${node.name.length}`.padEnd(40, '2');
    const passing = await runBundle('evaluate-gate', { node, apiUrl: fake().url, event: withHead(sha2), inputs: { ...common, model: V2, 'baseline-model': V1 } });
    expect(passing.errors).toEqual([]);
    expect(passing.code).toBe(0);
    expect(passing.outputs['passed']).toBe('true');
    expect(fake().comments).toHaveLength(before.comments + 1);
    expect(comment.body).toContain('### ✅ Model gate passed');
    expect(comment.body).toMatch(/\| ROC AUC \(`roc_auc`\) +\| +0\.6938 \| +0\.7467 \| +\+0\.05294 \| +\+7\.63% \| +\[\+0\.03132, \+0\.07373\] +\|/);
    expect(fake().checkRuns.at(-1)).toMatchObject({ headSha: sha2, conclusion: 'success' });
    expect(fake().checkRuns).toHaveLength(before.checks + 2);
  });

  test("a fork's read-only token: no comment and no check run, the report in the job summary, the verdict still fails the step", async () => {
    const before = { comments: fake().comments.length, checks: fake().checkRuns.length };
    const run = await runBundle('evaluate-gate', {
      node,
      apiUrl: fake().url,
      event: forkPullRequestEvent(),
      inputs: { ...common, model: V1, 'baseline-model': V2, 'github-token': 'ghs_fork_token' },
    });
    expect(run.code).toBe(1);
    expect([fake().comments.length, fake().checkRuns.length]).toEqual([before.comments, before.checks]);
    expect(run.summary).toContain('### ❌ Model gate failed');
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
    expect(warnings.some((line) => line.includes('Could not post the evaluate-gate comment on pull request #2: GitHub refused the write (403'))).toBe(true);
    expect(warnings.some((line) => line.includes('Could not post the cd4ml/evaluate-gate check run: GitHub refused the write (403'))).toBe(true);
    expect(run.outputs['comment-url']).toBeUndefined();
    expect(run.outputs['check-run-id']).toBeUndefined();
  });
});

describe('baselines given as numbers', () => {
  const node = nodeRuntimes()[0]!;

  test('base:<path> reads the metrics file at the base commit; the interval of Δ is the candidate\'s, shifted', async () => {
    const event = pullRequestEvent() as unknown as Event;
    fake().seedFile(event.pull_request.base.sha, 'metrics/churn.json', JSON.stringify({ test: { roc_auc: 0.74, log_loss: 0.40, recall: 0.5 } }));
    const run = await runBundle('evaluate-gate', {
      node,
      apiUrl: fake().url,
      event,
      inputs: { ...common, model: V2, 'baseline-metrics': 'base:metrics/churn.json', comment: 'false' },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const read = fake().requests.filter((request) => request.operationId === 'repos/get-content').at(-1);
    expect(read).toMatchObject({ path: '/repos/Codertocat/Hello-World/contents/metrics%2Fchurn.json', query: { ref: event.pull_request.base.sha } });
    expect(run.summary).toContain(`vs baseline \`metrics/churn.json at ${event.pull_request.base.sha.slice(0, 7)}\``);
    // The candidate's own 95% interval is [0.71755, 0.77563] (the paired test above): shifted by 0.74.
    expect(run.summary).toMatch(/\| ROC AUC \(`roc_auc`\) +\| +0\.74 \| +0\.7467 \| +\+0\.00673 \| +\+0\.909% \| +\[−0\.02245, \+0\.03563\] +\|/);
  });

  test('a metrics file that does not exist at the base yet means no baseline: absolute rules only, and the report says why', async () => {
    const event = pullRequestEvent() as unknown as Event;
    const run = await runBundle('evaluate-gate', {
      node,
      apiUrl: fake().url,
      event,
      inputs: { ...common, model: V2, 'baseline-metrics': 'base:metrics/new.json', comment: 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain(`No baseline: metrics/new.json does not exist at the base commit ${event.pull_request.base.sha.slice(0, 7)}, so only absolute rules apply.`);
    expect(run.summary).toContain('| Metric ');
    expect(run.summary).toContain('⏭️ skipped');
  });
});
