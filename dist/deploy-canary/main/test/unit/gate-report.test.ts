import { describe, expect, test } from 'vitest';
import type { EvaluationDocument } from '../../src/core/gate/evaluation.js';
import { findMetric, parseMetricsText, readMetricsJson, requireMetric } from '../../src/core/gate/metrics-file.js';
import { renderGateMarkdown } from '../../src/core/report/gate-report.js';

const origin = { source: 'policy' as const, file: 'gate.yaml', line: 3 };

function failingDoc(): EvaluationDocument {
  return {
    format: 'cd4ml-evaluation',
    version: 1,
    passed: false,
    verdict: 'roc_auc fell by 0.031 (95% CI of Δ −0.045 to −0.018), more than the allowed 0.01.',
    task: 'binary',
    label: 'churned',
    positiveClass: '1',
    threshold: 0.5,
    rows: 2000,
    data: ['eval.csv'],
    features: ['a', 'b'],
    candidate: { kind: 'model', path: 'new.onnx', sha256: 'ab'.repeat(32), inputs: ['features'], output: 'probability' },
    baseline: { kind: 'model', path: 'old.onnx', sha256: 'cd'.repeat(32), inputs: ['features'], output: 'probability' },
    bootstrap: { resamples: 1000, seed: 42, level: 0.95, paired: true },
    metrics: [
      {
        name: 'roc_auc',
        title: 'ROC AUC',
        direction: 'higher',
        candidate: 0.812,
        candidateInterval: [0.79, 0.83],
        baseline: 0.843,
        baselineInterval: [0.82, 0.86],
        delta: -0.031,
        deltaPct: -3.677,
        deltaInterval: [-0.045, -0.018],
      },
      { name: 'accuracy', title: 'Accuracy', direction: 'higher', candidate: 0.9, baseline: 0.9, delta: 0, deltaPct: 0, deltaInterval: [-0.004, 0.004] },
    ],
    outcomes: [
      { metric: 'roc_auc', check: '≥ 0.8', status: 'pass', reason: 'roc_auc 0.812 ≥ 0.8', origin },
      { metric: 'roc_auc', check: 'Δ ≥ −0.01 (95%)', status: 'fail', reason: 'roc_auc fell by 0.031 (95% CI of Δ −0.045 to −0.018), more than the allowed 0.01', origin },
    ],
    confusion: { labels: ['0', '1'], candidate: [[1500, 100], [200, 200]], threshold: 0.5 },
    reproduce: 'node bin/cd4ml.js evaluate-gate \\\n  --model new.onnx',
    notes: [],
  };
}

describe('renderGateMarkdown', () => {
  test('leads with the verdict, then the table with Δ, Δ%, the interval of Δ, the rules and the result', () => {
    const markdown = renderGateMarkdown(failingDoc(), 'cd4ml/evaluate-gate');
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('### ❌ Model gate failed · `cd4ml/evaluate-gate`');
    expect(lines[2]).toBe('**roc_auc fell by 0.031 (95% CI of Δ −0.045 to −0.018), more than the allowed 0.01.**');
    expect(lines[4]).toBe(
      'Candidate `new.onnx` vs baseline `old.onnx` on 2,000 rows of `eval.csv`. Task: binary, label `churned`, positive class `1`, threshold 0.5. Intervals: paired bootstrap, 1,000 resamples, seed 42.',
    );
    expect(markdown).toMatch(/^\| Metric +\| Baseline \| Candidate \| +Δ \| +Δ% \| +95% CI of Δ +\| Rule +\| Result +\|$/m);
    expect(markdown).toMatch(/^\| ROC AUC \(`roc_auc`\) +\| +0\.843 \| +0\.812 \| −0\.031 \| −3\.68% \| \[−0\.045, −0\.018\] \| ≥ 0\.8<br>Δ ≥ −0\.01 \(95%\) \| ❌ fail \|$/m);
    expect(markdown).toMatch(/^\| Accuracy \(`accuracy`\) +\| +0\.9 \| +0\.9 \| +±0 \| +±0% \| \[−0\.004, \+0\.004\] +\| +\| +\|$/m);
  });

  test('collapses the confusion matrix, the fingerprints and the command to reproduce', () => {
    const markdown = renderGateMarkdown(failingDoc(), 'cd4ml/evaluate-gate');
    expect(markdown).toContain('<details><summary>Confusion matrix at threshold 0.5</summary>');
    expect(markdown).toMatch(/^\| `1` +\| +200 \| 200 \|$/m);
    expect(markdown).toContain(`- Candidate: \`new.onnx\` sha256 \`${'ab'.repeat(32)}\` (input \`features\`, output \`probability\`)`);
    expect(markdown).toContain('```sh\nnode bin/cd4ml.js evaluate-gate \\\n  --model new.onnx\n```');
  });

  test('without a baseline: Candidate, its interval, the rule and the result; skipped checks say so', () => {
    const doc = failingDoc();
    delete doc.baseline;
    doc.passed = true;
    doc.verdict = 'The 1 check passed; 1 check skipped without a baseline.';
    doc.outcomes[1] = { ...doc.outcomes[1]!, status: 'skipped', reason: 'no baseline' };
    doc.noBaseline = 'No baseline: metrics.json does not exist at the base commit abc1234, so only absolute rules apply.';
    const markdown = renderGateMarkdown(doc, 'gate');
    expect(markdown.split('\n')[0]).toBe('### ✅ Model gate passed · `gate`');
    expect(markdown).toContain('(no baseline) on 2,000 rows');
    expect(markdown).toContain('No baseline: metrics.json does not exist at the base commit abc1234, so only absolute rules apply.');
    expect(markdown).toMatch(/^\| Metric +\| Candidate \| +95% CI +\| Rule +\| Result +\|$/m);
    expect(markdown).toMatch(/^\| ROC AUC \(`roc_auc`\) +\| +0\.812 \| \[0\.79, 0\.83\] \| ≥ 0\.8<br>Δ ≥ −0\.01 \(95%\) \| ✅ pass \|$/m);
  });

  test('several failures are listed under the table, at most eight, the rest counted', () => {
    const doc = failingDoc();
    doc.outcomes = Array.from({ length: 11 }, (_, i) => ({ metric: 'slices', check: 'Δ ≥ −0.05', status: 'fail' as const, reason: `slice ${i} fell`, origin }));
    const markdown = renderGateMarkdown(doc, 'gate');
    expect(markdown).toContain('Failed checks:\n- slice 0 fell\n');
    expect(markdown).toContain('- slice 7 fell\n- … and 3 more (see the slices below)');
    expect(markdown).not.toContain('- slice 8 fell');
  });
});

describe('metrics files', () => {
  test('flat and nested (DVC) numbers; a metric is found by full key or a unique last segment', () => {
    const file = readMetricsJson({ train: { loss: 0.2 }, test: { roc_auc: 0.83, loss: 0.3 }, epochs: 10, name: 'x' }, 'metrics.json');
    expect([...file.values]).toEqual([
      ['train.loss', 0.2],
      ['test.roc_auc', 0.83],
      ['test.loss', 0.3],
      ['epochs', 10],
    ]);
    expect(findMetric(file, 'roc_auc')).toBe(0.83);
    expect(findMetric(file, 'test.loss')).toBe(0.3);
    expect(findMetric(file, 'f1')).toBeUndefined();
    expect(() => findMetric(file, 'loss')).toThrow('metrics.json has several metrics named loss (train.loss, test.loss): name one of them in full in the policy.');
    expect(() => requireMetric(file, 'f1', 'the policy judges')).toThrow('metrics.json has no metric f1, which the policy judges; it has: train.loss, test.roc_auc, test.loss, epochs.');
  });

  test("the gate's own evaluation JSON reads back as its candidate's numbers", () => {
    const file = readMetricsJson({ format: 'cd4ml-evaluation', metrics: [{ name: 'roc_auc', candidate: 0.8, baseline: 0.7 }, { name: 'f1', candidate: null }] }, 'evaluation.json');
    expect([...file.values]).toEqual([['roc_auc', 0.8]]);
  });

  test.each([
    ['[1, 2]', 'm.json is not a metrics file: expected a JSON object of numbers such as {"roc_auc": 0.83}.'],
    ['{"a": "x"}', 'm.json has no numbers: expected a JSON object of metrics such as {"roc_auc": 0.83} (nested objects are fine).'],
    ['{"a": ', /^m\.json is not valid JSON: .+\.$/],
  ])('%s is refused with one clear line', (text, message) => {
    expect(() => parseMetricsText(text, 'm.json')).toThrow(message);
  });
});
