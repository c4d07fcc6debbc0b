import { boolean, existingFile, integer, jsonFile, list, number, oneOf, text } from '../../core/inputs/parsers.js';
import { defineInputs } from '../../core/inputs/spec.js';
import { commentInput, DATA_FORMATS, githubToken } from '../common-inputs.js';
import { registryInput } from '../registry-reference.js';

export const TASKS = ['binary', 'multiclass', 'regression'] as const;

export const inputs = defineInputs({
  model: { description: 'Candidate model (ONNX) to score on `data`.', parser: existingFile() },
  data: {
    description: 'Evaluation dataset: a file path, a glob of shards or an `s3://bucket/key` URI (CSV, TSV, JSON Lines or Parquet). Several may be listed, one per line.',
    parser: list(text('a path, glob or s3:// URI'), 'paths, globs or s3:// URIs', 'newlines'),
  },
  format: { description: 'Format of `data`; `auto` picks it from the file extension.', default: 'auto', parser: oneOf(DATA_FORMATS) },
  label: { description: 'Label column in `data`.', parser: text('a column name') },
  task: { description: 'Task type: `binary`, `multiclass` or `regression`; inferred from the labels when omitted.', parser: oneOf(TASKS) },
  features: { description: 'Feature columns, in the order the model expects them; one per line or comma-separated.', parser: list(text('a column name'), 'column names') },
  metrics: { description: 'Candidate metrics JSON, for teams that evaluate in their own script (instead of `model`).', parser: jsonFile() },
  'baseline-model': {
    description:
      'Baseline model (ONNX), scored on the same rows so deltas are paired: a file, or `registry:<name>@<version|alias>` (e.g. `registry:churn@production`; while the alias does not exist yet there is no baseline).',
    parser: text('an ONNX file path or registry:<name>@<version|alias>'),
  },
  'baseline-metrics': {
    description:
      'Baseline metrics: a JSON file, `base:<path>` to read that file at the pull request\'s base commit, or `registry:<name>@<version|alias>` for the metrics registered with that version.',
    parser: text('a JSON file path, base:<path> or registry:<name>@<version|alias>'),
  },
  registry: registryInput('in baseline-model or baseline-metrics'),
  policy: {
    description: 'Gate policy (YAML): per-metric direction, bounds, allowed regression and confidence, and slices (see docs/gate-policy.md).',
    parser: existingFile(),
  },
  thresholds: { description: 'Short inline rules, e.g. `roc_auc>=0.8, log_loss<=+5%`.', parser: list(text('a rule such as roc_auc>=0.8'), 'rules such as roc_auc>=0.8') },
  threshold: {
    description: 'Binary tasks: a row is predicted positive when its probability is at least this. A `threshold` in the policy file overrides it.',
    default: '0.5',
    parser: number({ min: 0, max: 1 }),
  },
  bootstrap: { description: 'Bootstrap resamples for the confidence intervals.', default: '1000', parser: integer({ min: 100, max: 100000 }) },
  seed: { description: 'Seed of the bootstrap, so reruns agree.', default: '42', parser: integer({ min: 0, max: 4294967295 }) },
  comment: commentInput('true', 'the metric comparison'),
  'check-name': { description: 'Name of the check run that branch protection can require.', default: 'cd4ml/evaluate-gate', parser: text('a check name') },
  'fail-on-regression': { description: 'Fail the step when the gate fails (the check run fails either way).', default: 'true', parser: boolean() },
  'github-token': githubToken,
});
