/** The runner backend's pieces: metric patterns and curves, nvidia-smi's output, pip freeze, and the record register-model reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { trainingInput } from '../../src/core/registry/training-input.js';
import { parsePipFreeze } from '../../src/core/train/environment.js';
import { parseCudaVersion, parseGpuList, parseSampleLine, summarizeUsage } from '../../src/core/train/gpu.js';
import { CurveCollector, parseMetricPatterns } from '../../src/core/train/metric-patterns.js';
import { trainingRecord } from '../../src/core/train/record.js';
import { ROOT } from '../support/runner.js';

const FIXTURES = join(ROOT, 'test/fixtures/nvidia-smi');

describe('metric-regex', () => {
  test('each metric collects its own curve, steps counted per metric; non-numbers are skipped', () => {
    const curve = new CurveCollector(parseMetricPatterns(['loss: loss=([0-9.eE+-]+)', 'val_auc: val_auc=([0-9.]+)']));
    for (const line of ['epoch=1 loss=0.69 val_auc=0.61', 'saving checkpoint', 'epoch=2 loss=4.5e-1', 'epoch=3 loss=nan val_auc=0.7']) curve.line(line);
    expect(curve.points).toEqual([
      { metric: 'loss', step: 1, value: 0.69 },
      { metric: 'val_auc', step: 1, value: 0.61 },
      { metric: 'loss', step: 2, value: 0.45 },
      { metric: 'val_auc', step: 2, value: 0.7 },
    ]);
  });

  test.each([
    ['acc: (a)(b)', 'Input "metric-regex": the regex for acc has 2 capture groups; it needs exactly one, around the value (use (?:…) for other groups), e.g. `acc: acc=([0-9.eE+-]+)`.'],
    ['acc: acc=([0-9', /^Input "metric-regex": the regex for acc is not valid: Invalid regular expression/],
    ['my acc: x=(\\d+)', 'Input "metric-regex": "my acc" is not a metric name; use letters, digits and _ . : / - (as SageMaker\'s MetricDefinitions).'],
  ])('%s is refused', (line, message) => {
    expect(() => parseMetricPatterns([line])).toThrow(message);
  });

  test('a non-capturing group beside the capture group is fine, and a duplicate name is not', () => {
    expect(parseMetricPatterns(['loss: (?:train|val)_loss=([0-9.]+)'])[0]?.source).toBe('(?:train|val)_loss=([0-9.]+)');
    expect(() => parseMetricPatterns(['loss: a=(\\d)', 'loss: b=(\\d)'])).toThrow('Input "metric-regex": loss is listed twice; give each metric one regex.');
  });
});

describe("nvidia-smi's output", () => {
  test('the GPU list, the CUDA version of the header, and sample lines', () => {
    expect(parseGpuList(readFileSync(join(FIXTURES, 'query-gpu.csv'), 'utf8'))).toEqual([{ index: 0, name: 'NVIDIA H100 80GB HBM3', memoryTotalMiB: 81559, driverVersion: '550.54.15' }]);
    expect(parseGpuList('0, Tesla T4, 15360, 535.104.05\n1, Tesla T4, 15360, 535.104.05\n')).toHaveLength(2);
    expect(parseCudaVersion(readFileSync(join(FIXTURES, 'header.txt'), 'utf8'))).toBe('12.4');
    expect(parseSampleLine('1, 87, 10240', 500)).toEqual({ atMs: 500, index: 1, utilization: 87, memoryUsedMiB: 10240 });
    expect(parseSampleLine('0, [N/A], 100', 0)).toBeUndefined();
  });

  test('usage: peak memory of any GPU, mean utilisation over all samples, GPUs × wall hours', () => {
    const gpus = parseGpuList('0, A, 100, 1\n1, A, 100, 1\n');
    const samples = ['0, 50, 10', '1, 100, 30', '0, 90, 20', '1, 0, 5'].map((line, i) => parseSampleLine(line, i * 1000)!);
    expect(summarizeUsage(gpus, samples, 1800)).toEqual({ gpus, samples: 4, peakMemoryMiB: 30, meanUtilization: 60, gpuHours: 1 });
    expect(summarizeUsage(gpus, [], 36)).toMatchObject({ samples: 0, peakMemoryMiB: 0, meanUtilization: 0, gpuHours: 0.02 });
  });
});

test('pip freeze: pinned packages by lower-case name; editable and URL installs are left out', () => {
  expect(parsePipFreeze('numpy==1.26.4\nTorch==2.3.0+cu121\n-e git+https://x/y.git@abc#egg=mine\npkg @ file:///tmp/pkg\n')).toEqual({ numpy: '1.26.4', torch: '2.3.0+cu121' });
});

test("the training record carries what register-model reads: params with the seed, packages, the data's fingerprint", () => {
  const outcome = { backend: 'runner' as const, succeeded: true, durationSeconds: 12.5, metrics: { roc_auc: 0.8 }, curve: [], tail: [] };
  const record = trainingRecord(outcome, {
    command: 'python train.py',
    params: { lr: 0.1 },
    seed: 7,
    startedAt: new Date('2026-11-22T10:00:00Z'),
    gitSha: 'a'.repeat(40),
    data: [
      { path: 'data/a.csv', sha256: '1'.repeat(64), bytes: 10 },
      { path: 'data/b.csv', sha256: '2'.repeat(64), bytes: 20 },
    ],
    environment: { node: 'v24.1.0', packages: { torch: '2.3.0' }, lockFiles: [{ path: 'requirements.txt', sha256: '3'.repeat(64) }] },
  });
  expect(record).toMatchObject({ format: 'cd4ml-training-record', formatVersion: 1, startedAt: '2026-11-22T10:00:00.000Z', gpu: null });
  const read = trainingInput(JSON.parse(JSON.stringify(record)), 'training-record.json');
  expect(read.params).toEqual({ lr: 0.1, seed: 7 });
  expect(read.environment).toEqual({ torch: '2.3.0', node: 'v24.1.0' });
  // Two files: one sha256 over "<sha256>  <path>" lines, sorted, as sha256sum prints them.
  // (reference: printf '%s  %s\n%s  %s' <sha1> data/a.csv <sha2> data/b.csv | sha256sum)
  expect(read.dataFingerprint).toBe('bd103cb46c55a968a1180af7c616f38443f834e500ca596b5ffac3b8fa21f6dc');
});

test('a long log keeps at most 4096 points per metric, evenly thinned, first step kept', () => {
  const curve = new CurveCollector(parseMetricPatterns(['loss: loss=([0-9.]+)']));
  for (let i = 1; i <= 100_000; i += 1) curve.line(`loss=${(1 / i).toFixed(6)}`);
  const steps = curve.points.map((point) => point.step);
  expect(steps.length).toBeLessThanOrEqual(4096);
  expect(steps.length).toBeGreaterThan(2048);
  expect(steps[0]).toBe(1);
  expect(new Set(steps.slice(1).map((step, i) => step - (steps[i] as number)))).toEqual(new Set([32]));
});
