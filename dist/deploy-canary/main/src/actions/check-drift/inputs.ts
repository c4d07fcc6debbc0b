import { existingFile, list, number, oneOf, text } from '../../core/inputs/parsers.js';
import { defineInputs } from '../../core/inputs/spec.js';
import { githubToken } from '../common-inputs.js';
import { registryInput } from '../registry-reference.js';

export const ON_DRIFT = ['fail', 'issue', 'dispatch'] as const;

export const inputs = defineInputs({
  reference: {
    description: 'Reference: a profile JSON, a dataset, or `registry:<name>@<alias>` (the profile stored with that model).',
    required: true,
    parser: text('a profile, dataset or registry:<name>@<alias>'),
  },
  current: { description: 'Recent data (dataset or profile) to compare with the reference.', required: true, parser: text('a dataset or profile path') },
  columns: { description: 'Columns to compare; default: all columns both sides share.', parser: list(text('a column name'), 'column names') },
  config: { description: 'Per-column methods, thresholds and skips, and the drift share (YAML; see docs/check-drift.md).', parser: existingFile() },
  'drift-share': { description: 'Dataset drift when at least this share of the compared columns drifted. A `drift_share` in the config wins.', default: '0.5', parser: number({ min: 0, max: 1 }) },
  model: {
    description: 'ONNX model whose predictions on the reference and current rows are compared too, as a column named `prediction` (both sides must then be data, not profiles).',
    parser: existingFile(),
  },
  features: {
    description: 'With `model`: the columns its input takes, in order (as evaluate-gate\'s `features`); omit it when the model has one input per column.',
    parser: list(text('a column name'), 'column names'),
  },
  'on-drift': { description: 'What drift does: any of `fail`, `issue`, `dispatch`, comma-separated.', default: 'issue', parser: list(oneOf(ON_DRIFT), 'of the words fail, issue and dispatch') },
  'retrain-workflow': { description: 'Workflow file started by `dispatch`, e.g. `ml-scheduled-retrain.yml`.', parser: text('a workflow file name') },
  'retrain-ref': { description: 'Git ref the retraining workflow runs on (default: the repository\'s default branch).', parser: text('a git ref') },
  registry: registryInput('in reference'),
  'github-token': githubToken,
});
