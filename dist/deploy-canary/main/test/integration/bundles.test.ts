/**
 * The committed bundles, run as the runner runs them, under the machine's Node and Node 24.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useFakeGitHub } from '../support/fake-github.js';
import { nodeRuntimes, ROOT, runBundle } from '../support/runner.js';

const LOGISTIC_MODEL = 'test/fixtures/models/logistic.onnx';
const LOGISTIC_SHA256 = 'a64bf703e7bee6b3f187fb92e3900b65769ddc31b792f756d3ce65372b723e5c';
const LOGISTIC_EVALUATION = { model: LOGISTIC_MODEL, data: 'test/fixtures/gate/logistic-eval.csv', label: 'label', features: 'x1, x2, x3' };

const fake = useFakeGitHub({
  // No unimplemented action may talk to GitHub: "nothing was done" includes no comment.
  verify: (stopped) => expect(stopped.requests).toEqual([]),
});

describe.each(nodeRuntimes())('under $name', (node) => {
  test('validate-data with no inputs fails and names the missing required input', async () => {
    const run = await runBundle('validate-data', { node, runnerDefaults: false, apiUrl: fake().url });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      'validate-data: Input "data" is required but was not given: expected one or more paths, globs or s3:// URIs, one per line. ' +
        'Set it under `with:` in the workflow step, or pass --data to the cd4ml command.',
    ]);
    expect(run.stderr).toBe('');
    expect(run.outputs).toEqual({});
  });

  test('an unknown enum value names the input, the value and the allowed values', async () => {
    const run = await runBundle('validate-data', { node, inputs: { data: 'train.csv', format: 'xlsx' }, apiUrl: fake().url });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['validate-data: Input "format" has an invalid value "xlsx": expected one of auto, csv, tsv, jsonl, parquet.']);
  });

  test('every bad input is reported in one line', async () => {
    const run = await runBundle('validate-data', {
      node,
      inputs: { data: 'train.csv', 'fail-on': 'Never', 'max-examples': '-3' },
      apiUrl: fake().url,
    });
    expect(run.errors).toEqual([
      'validate-data: 2 inputs are invalid: Input "fail-on" has an invalid value "Never": expected one of error, warning, never. Did you mean "never"? ' +
        'Input "max-examples" has an invalid value "-3": expected an integer from 0 to 1000.',
    ]);
  });

  test('evaluate-gate scores a committed ONNX model with the bundled onnxruntime binary', async () => {
    // Outside a repository run: nothing to post to, so this file's no-request rule holds.
    const run = await runBundle('evaluate-gate', { node, inputs: { ...LOGISTIC_EVALUATION, thresholds: 'roc_auc>=0.5' }, apiUrl: fake().url, env: { GITHUB_REPOSITORY: '' } });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.summary).toContain(`- Candidate: \`${LOGISTIC_MODEL}\` sha256 \`${LOGISTIC_SHA256}\` (input \`features\`, output \`probability\`)`);
  });
});

describe('onnxruntime native files', () => {
  test('a file that is not a model gets a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-onnx-'));
    writeFileSync(join(dir, 'model.onnx'), 'not a model');
    const run = await runBundle('evaluate-gate', { inputs: { ...LOGISTIC_EVALUATION, model: join(dir, 'model.onnx') } });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      new RegExp(`^evaluate-gate: ${join(dir, 'model.onnx')} is not a model onnxruntime can load: .+\\. Export the model to ONNX \\(opset 7 or later\\) and try again\\.$`),
    );
  });

  test('a bundle without the native binary says which platform is missing', async () => {
    // The same bundle, copied without dist/bin: what a platform with no bundled binary sees.
    const dist = join(mkdtempSync(join(tmpdir(), 'cd4ml-nobin-')), 'dist');
    cpSync(join(ROOT, 'dist/evaluate-gate'), join(dist, 'evaluate-gate'), { recursive: true });
    const run = await runBundle('evaluate-gate', { inputs: LOGISTIC_EVALUATION, bundle: join(dist, 'evaluate-gate/index.js') });
    expect(run.errors).toEqual([
      `evaluate-gate: onnxruntime-node has no native binary for ${process.platform}-${process.arch} here: the bundled actions ship the linux-x64 binary only. ` +
        'Run the step on an ubuntu x64 runner, or run the cd4ml command from a clone after `npm ci` on this machine.',
    ]);
  });
});
