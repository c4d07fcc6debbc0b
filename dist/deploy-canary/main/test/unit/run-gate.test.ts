/**
 * The gate end to end in-process (runGate, on the committed test models): each bad input is one clear
 * message, and the modes (paired models, numbers, no baseline, multiclass, regression) give the
 * documents a report needs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readMetricsJson } from '../../src/core/gate/metrics-file.js';
import { parsePolicy } from '../../src/core/gate/policy-file.js';
import { type GateOptions, runGate } from '../../src/core/gate/run-gate.js';
import { parseThresholds } from '../../src/core/gate/thresholds.js';
import type { GatePolicy } from '../../src/core/gate/types.js';
import { recordingLogger } from '../support/logger.js';
import { ROOT } from '../support/runner.js';

const LOGISTIC = join(ROOT, 'test/fixtures/models/logistic.onnx');
const SOFTMAX3 = join(ROOT, 'test/fixtures/models/softmax3.onnx');
const REGRESSION = join(ROOT, 'test/fixtures/models/linear_regression.onnx');
const NAN = join(ROOT, 'test/fixtures/models/nan.onnx');
const EVAL = join(ROOT, 'test/fixtures/gate/logistic-eval.csv');

function csv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cd4ml-gate-'));
  const path = join(dir, 'eval.csv');
  writeFileSync(path, text);
  return path;
}

function options(overrides: Partial<GateOptions>): GateOptions {
  return {
    candidate: { model: LOGISTIC },
    baseline: undefined,
    data: [EVAL],
    format: 'auto',
    label: 'label',
    features: ['x1', 'x2', 'x3'],
    policy: { rules: [] },
    threshold: 0.5,
    bootstrap: 200,
    seed: 42,
    cwd: ROOT,
    store: () => {
      throw new Error('no store in these tests');
    },
    threads: { threads: 1, script: undefined },
    logger: recordingLogger(),
    ...overrides,
  };
}

const rules = (...items: string[]): GatePolicy => ({ rules: parseThresholds(items) });

describe('bad input: one clear message each', () => {
  test.each<[string, Partial<GateOptions>, string | RegExp]>([
    [
      'a model whose input width does not match the features',
      { features: ['x1', 'x2'] },
      `${LOGISTIC}'s input "features" takes 3 values per row ([N, 3]) but 2 features are listed (x1, x2); list the columns the model was trained on, in order.`,
    ],
    [
      'a label with 3 classes for a binary task',
      { data: [csv('x1,x2,x3,label\n0,0,0,0\n1,1,1,1\n2,2,2,2\n')], task: 'binary' },
      /^label "label" has 3 distinct values \(0, 1, 2\) but the task is binary/,
    ],
    [
      'NaN predictions',
      { candidate: { model: NAN }, data: [csv('a,b,label\n1,2,1.5\n-3,2,0.5\n3,4,2\n')], features: ['a', 'b'] },
      `${NAN}: output "value" is NaN or infinite on 1 row (row 2); its features are present, so the model itself yields them (e.g. a log or division of a feature): check the model.`,
    ],
    ['an empty evaluation set', { data: [csv('x1,x2,x3,label\n')] }, /^\/.+\/eval\.csv: the file has a header but no data rows\.$/],
    [
      'a policy naming an unknown metric',
      { policy: rules('roc_aux>=0.8') },
      'Input "thresholds", rule "roc_aux>=0.8": unknown metric "roc_aux" for a binary model; did you mean roc_auc? Known: roc_auc, average_precision, log_loss, brier, accuracy, balanced_accuracy, precision, recall, f1, mcc',
    ],
    [
      'a baseline metrics file without a metric the policy needs',
      { baseline: { metrics: readMetricsJson({ accuracy: 0.8 }, 'metrics/base.json') }, policy: rules('roc_auc>=-0.01') },
      'metrics/base.json has no metric roc_auc, which the policy compares with the baseline; it has: accuracy.',
    ],
    [
      'a binary model with scores outside [0, 1]',
      { candidate: { model: REGRESSION }, data: [csv('a,b,label\n10,20,1\n1,2,0\n')], features: ['a', 'b'], task: 'binary' },
      `${REGRESSION}'s output "value" has -39.5 (value 1), outside [0, 1]: evaluate-gate needs probabilities; end the exported graph with a Sigmoid or Softmax.`,
    ],
    ['no data with a model', { data: undefined }, 'Input "data" is required with "model": name the evaluation dataset the model is scored on.'],
    ['no label with a model', { label: undefined }, 'Input "label" is required with "model": name the column that holds the true values.'],
  ])('%s', async (_, overrides, message) => {
    const run = runGate(options(overrides));
    if (typeof message === 'string') await expect(run).rejects.toThrow(message);
    else await expect(run).rejects.toThrow(message);
  });
});

describe('paired models', () => {
  test('the same model as candidate and baseline: Δ is exactly 0 with a [0, 0] interval, and the rules pass', async () => {
    const doc = await runGate(options({ baseline: { model: LOGISTIC }, policy: rules('roc_auc>=-0.01@95%', 'log_loss<=+1%') }));
    expect(doc.passed).toBe(true);
    expect(doc.bootstrap).toEqual({ resamples: 200, seed: 42, level: 0.95, paired: true });
    for (const row of doc.metrics) {
      expect(row.delta).toBe(0);
      expect(row.deltaInterval).toEqual([0, 0]);
    }
    expect(doc.outcomes.map((outcome) => outcome.status)).toEqual(['pass', 'pass']);
  });

  test('reruns with the same seed agree exactly; another seed moves the intervals, not the values', async () => {
    const first = await runGate(options({}));
    const again = await runGate(options({}));
    const other = await runGate(options({ seed: 7 }));
    expect(again.metrics).toEqual(first.metrics);
    expect(other.metrics.map((row) => row.candidate)).toEqual(first.metrics.map((row) => row.candidate));
    expect(other.metrics[0]?.candidateInterval).not.toEqual(first.metrics[0]?.candidateInterval);
  });
});

describe('no baseline', () => {
  test('absolute rules apply, baseline rules are skipped, and the verdict says so', async () => {
    const doc = await runGate(options({ policy: rules('roc_auc>=0.8', 'roc_auc>=-0.01') }));
    expect(doc.baseline).toBeUndefined();
    expect(doc.outcomes.map((outcome) => [outcome.check, outcome.status])).toEqual([
      ['≥ 0.8', 'pass'],
      ['Δ ≥ −0.01', 'skipped'],
    ]);
    expect(doc.verdict).toBe('The 1 check passed; 1 check skipped without a baseline.');
  });
});

describe('metrics given as numbers', () => {
  test('candidate and baseline JSON (nested, DVC style): deltas without intervals; the verdict names the regression', async () => {
    const candidate = readMetricsJson({ test: { roc_auc: 0.8, log_loss: 0.42 } }, 'metrics.json');
    const baseline = readMetricsJson({ test: { roc_auc: 0.83, log_loss: 0.4 } }, 'base.json');
    const doc = await runGate(options({ candidate: { metrics: candidate }, baseline: { metrics: baseline }, policy: rules('roc_auc>=-0.01', 'log_loss<=+10%') }));
    expect(doc.passed).toBe(false);
    expect(doc.metrics.map((row) => [row.name, row.baseline, row.candidate, row.deltaInterval])).toEqual([
      ['roc_auc', 0.83, 0.8, undefined],
      ['log_loss', 0.4, 0.42, undefined],
    ]);
    expect(doc.verdict).toBe('roc_auc fell by 0.03 (0.83 → 0.8), more than the allowed 0.01.');
    expect(doc.bootstrap).toBeUndefined();
  });

  test('a policy metric missing from the candidate metrics is an error naming what the file has', async () => {
    const candidate = readMetricsJson({ accuracy: 0.9 }, 'metrics.json');
    await expect(runGate(options({ candidate: { metrics: candidate }, policy: rules('f1>=0.5') }))).rejects.toThrow(
      'metrics.json has no metric f1, which the policy judges; it has: accuracy.',
    );
  });
});

describe('other tasks', () => {
  test('multiclass from a [N, 3] softmax output, with top-2 accuracy and a 3×3 confusion matrix', async () => {
    const data = csv('a,b,c,y\n1,0,0,0\n0,1,0,1\n0,0,1,2\n1,0.5,0,0\n0,1,0.5,1\n0.5,0,1,2\n1,1,0,1\n');
    const doc = await runGate(options({ candidate: { model: SOFTMAX3 }, data: [data], label: 'y', features: ['a', 'b', 'c'] }));
    expect(doc.task).toBe('multiclass');
    expect(doc.taskInferred).toMatch(/3 values per row/);
    expect(doc.metrics.map((row) => row.name)).toEqual(['accuracy', 'f1_macro', 'f1_weighted', 'log_loss', 'top_2_accuracy']);
    expect(doc.confusion?.labels).toEqual(['0', '1', '2']);
    expect(doc.confusion?.candidate.flat().reduce((a, b) => a + b, 0)).toBe(7);
  });

  test('regression: MAE, RMSE, R² and MAPE of a linear model', async () => {
    const data = csv('a,b,target\n1,2,3\n2,1,3.5\n0,0,0.5\n3,3,6\n');
    const doc = await runGate(options({ candidate: { model: REGRESSION }, data: [data], label: 'target', features: ['a', 'b'], task: 'regression' }));
    expect(doc.task).toBe('regression');
    expect(doc.metrics.map((row) => row.name)).toEqual(['mae', 'rmse', 'r2', 'mape']);
    expect(doc.confusion).toBeUndefined();
  });
});

describe('slices', () => {
  test('per segment values equal the metric on those rows; small slices are shown but not judged', async () => {
    const policy = parsePolicy('metrics:\n  roc_auc: { max_regression: 0.01 }\nslices:\n  columns: [segment]\n  max_regression: 0.05\n  min_rows: 100\n', 'policy.yaml');
    const doc = await runGate(options({ baseline: { model: LOGISTIC }, policy }));
    const rows = doc.slices!.rows;
    expect(rows.map((row) => [row.value, row.rows])).toEqual([
      ['a', expect.any(Number)],
      ['b', expect.any(Number)],
      ['c', expect.any(Number)],
    ]);
    expect(rows.reduce((sum, row) => sum + row.rows, 0)).toBe(400);
    const small = rows.filter((row) => row.rows < 100);
    for (const row of small) expect(row.outcomes).toEqual([]);
    for (const row of rows.filter((r) => r.rows >= 100)) expect(row.outcomes.map((outcome) => outcome.status)).toEqual(['pass']);
    expect(doc.outcomes.at(-1)).toMatchObject({ metric: 'slices', status: 'pass' });
  });
});
