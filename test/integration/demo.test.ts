/**
 * `cd4ml demo` (the README's `npm run demo`), run as a user runs it over the committed bundles: every
 * step's verdict line, the files it writes in place of what the workflows would post, and its refusal
 * to empty a folder it did not write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../support/runner.js';

const CLI = process.env['CD4ML_TEST_DIST'] ? join(process.env['CD4ML_TEST_DIST'], 'cli/index.js') : join(ROOT, 'bin/cd4ml.js');

function cd4ml(args: string[], cwd: string) {
  // A runner's or a developer's GitHub variables must not reach the demo's steps; they are set here on
  // purpose to show that the demo strips them (a token would otherwise be used to post comments).
  const env = { ...process.env, GITHUB_TOKEN: 'ghp_not-to-be-used', GITHUB_REPOSITORY: 'octo/demo', GITHUB_API_URL: 'http://127.0.0.1:9' };
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cd4ml demo', () => {
  let cwd: string;
  let run: ReturnType<typeof cd4ml>;
  const out = () => join(cwd, '.cd4ml/demo');
  const read = (name: string) => readFileSync(join(out(), name), 'utf8');

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'cd4ml-demo-test-'));
    run = cd4ml(['demo'], cwd);
  }, 120_000);
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  test('every step ends as the scenario says, with its verdict in a line', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const verdictLines = lines.filter((line) => /^  [✔✘✗] /.test(line));
    for (const line of verdictLines) expect(line).toMatch(/ \[\d+\.\d s\]$/);
    const verdicts = verdictLines.map((line) => line.trim().split(/ +/).slice(0, 2).join(' '));
    expect(verdicts).toEqual([
      '✔ validate-data',
      '✔ train-on-gpu-runner',
      '✔ evaluate-gate',
      '✔ register-model',
      '✔ deploy-canary',
      '✔ validate-data',
      '✔ train-on-gpu-runner',
      '✔ evaluate-gate',
      '✔ register-model',
      '✔ deploy-canary',
      '✔ evaluate-gate',
      '✔ register-model',
      '✘ deploy-canary',
      '✔ check-drift',
    ]);
    const text = run.stdout;
    expect(text).toContain('✔ validate-data        5,000 rows match the schema (0 errors, 0 warnings)');
    expect(text).toMatch(/✔ train-on-gpu-runner  trained on the CPU \(no GPU here; require-gpu: false\) in [0-9.]+ s: validation roc_auc 0\.775, log_loss 0\.557/);
    expect(text).toContain('✔ evaluate-gate        passed: the 2 checks passed; 2 checks skipped without a baseline (no production model yet)');
    expect(text).toContain('✔ register-model       registered registry:churn@1 as staging');
    expect(text).toContain("✔ deploy-canary        v1 is live: the endpoint's first version, with nothing to compare it with, answered all 400 replayed requests; production → v1");
    expect(text).toMatch(/✔ train-on-gpu-runner  trained on the CPU .*: validation roc_auc 0\.780, log_loss 0\.388/);
    // The paired comparison: log loss significantly better, ROC AUC unchanged within its interval.
    expect(text).toMatch(/roc_auc 0\.747 \(Δ −0\.002, 95% CI −0\.0\d\d to \+0\.0\d\d, no significant change\); log_loss 0\.395 \(Δ −0\.15\d, 95% CI −0\.1\d\d to −0\.1\d\d\)/);
    expect(text).toContain('✔ deploy-canary        canary 50% → 100%, healthy at each step: promoted; production → v2');
    expect(text).toContain('✔ register-model       registered registry:churn@3 as staging');
    expect(text).toMatch(/✘ deploy-canary        rolled back at step 1 of 2 \(50%\): error rate 100% \(\d+ of \d+\).*; v2 keeps serving/);
    expect(text).toContain('✔ check-drift          dataset drift: 2 of 7 columns drifted (age, monthly_spend); the drift issue would open and retraining start');
    expect(text).toMatch(/Done in [0-9.]+ s; every step ended as expected\./);
  });

  test('writes the comments, the drift issue and every job summary as they would be posted', () => {
    expect(readdirSync(out()).sort()).toEqual(['.cd4ml-demo', 'drift-issue.md', 'pr-1-comment.md', 'pr-2-comment.md', 'pr-3-comment.md', 'summaries']);
    expect(readdirSync(join(out(), 'summaries'))).toHaveLength(14);
    const first = read('pr-1-comment.md');
    expect(first.split('\n')[0]).toBe('<!-- cd4ml:evaluate-gate:cd4ml/evaluate_gate -->');
    expect(first).toContain('### ✅ Model gate passed');
    const second = read('pr-2-comment.md');
    expect(second).toContain('Candidate `pr-2/model/model.onnx` vs baseline `registry:churn@production (v1)` on 2,000 rows of `examples/data/customers-2024-07.csv`');
    expect(second).toMatch(/^\| Log loss \(`log_loss`\) +\| +0\.5484 \| +0\.3949 \| +−0\.1535 \|/m);
    const issue = read('drift-issue.md');
    expect(issue.split('\n')[0]).toBe('<!-- cd4ml:check-drift:registry:churn@production -->');
    expect(issue).toContain('`age`');
    expect(issue.trimEnd().endsWith('_Updated by this run. This issue closes itself when a later check finds no dataset drift._')).toBe(true);
    expect(read('summaries/13-deploy-canary.md')).toMatch(/rolled back/i);
    expect(run.stdout).toContain('.cd4ml/demo/pr-2-comment.md  the comment pull request #2 gets');
  });

  test("the README shows pull request #2's comment exactly as the demo writes it", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /<!-- demo: pr-2-comment\.md -->\n([\s\S]*?)\n<!-- end demo -->/.exec(readme)?.[1];
    const [marker, ...body] = read('pr-2-comment.md').trimEnd().split('\n');
    expect(marker).toMatch(/^<!-- cd4ml:evaluate-gate:/);
    // When the report changes, copy .cd4ml/demo/pr-2-comment.md (without its first line) into the README.
    expect(shown).toBe(body.join('\n'));
  });

  test('runs again over its own folder, keeping what it did not write, and refuses a folder it did not write', () => {
    const again = cd4ml(['demo', '--out', '.cd4ml/demo'], cwd);
    expect(again.code).toBe(0);
    const foreign = join(cwd, 'notes');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.md'), 'mine');
    const refused = cd4ml(['demo', '--out', 'notes'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: --out notes is not empty and was not written by cd4ml demo; give a new or empty folder.\n');
    expect(readFileSync(join(foreign, 'keep.md'), 'utf8')).toBe('mine');
    expect(existsSync(join(foreign, '.cd4ml-demo'))).toBe(false);
    // In its own folder the demo replaces what it wrote and leaves anything else there alone.
    writeFileSync(join(out(), 'notes.md'), 'mine too');
    expect(cd4ml(['demo'], cwd).code).toBe(0);
    expect(readFileSync(join(out(), 'notes.md'), 'utf8')).toBe('mine too');
    expect(readdirSync(join(out(), 'summaries'))).toHaveLength(14);
  }, 120_000);
});
