import { boolean, integer, jsonObject, list, number, oneOf, outputPath, text } from '../../core/inputs/parsers.js';
import { defineInputs } from '../../core/inputs/spec.js';

export const BACKENDS = ['runner', 'sagemaker'] as const;

export const inputs = defineInputs({
  run: {
    description: 'The training command, run by the shell as in a `run:` step. It sees CD4ML_PARAMS, CD4ML_OUTPUT_DIR, CD4ML_METRICS_FILE and CD4ML_SEED.',
    required: true,
    parser: text('a shell command'),
  },
  'working-directory': { description: 'Directory the command runs in.', default: '.', parser: text('a directory path') },
  backend: {
    description: 'Where training runs: `runner` (this job\'s machine) or `sagemaker` (a SageMaker training job).',
    default: 'runner',
    parser: oneOf(BACKENDS),
  },
  'require-gpu': {
    description: 'Fail at once when no NVIDIA GPU is visible (`runner` backend). Set `false` to train on CPU.',
    default: 'true',
    parser: boolean(),
  },
  params: { description: 'Hyperparameters as a JSON object, passed to the command as CD4ML_PARAMS.', default: '{}', parser: jsonObject() },
  seed: { description: 'Random seed, passed as CD4ML_SEED and recorded for reproducibility.', default: '42', parser: integer({ min: 0, max: 4294967295 }) },
  data: { description: 'Training data paths to fingerprint (sha256) in the training record, one per line.', parser: list(text('a path'), 'paths', 'newlines') },
  'model-path': { description: 'Directory the trained model is written into (CD4ML_OUTPUT_DIR); training-record.json is written next to it.', default: 'model', parser: outputPath() },
  'metrics-file': { description: 'JSON file the command writes its final metrics to (CD4ML_METRICS_FILE).', default: 'metrics.json', parser: outputPath() },
  'metric-regex': {
    description: 'Metric lines to read from the log, one `name: regex` per line, each regex with one capture group (e.g. `loss: loss=([0-9.]+)`).',
    parser: list(text('a `name: regex` line'), '`name: regex` lines', 'newlines'),
  },
  'timeout-minutes': {
    description: 'Stop the whole training process tree (TERM, then KILL after 10 s) after this many minutes; fractions are allowed. SageMaker: the job\'s MaxRuntimeInSeconds.',
    default: '360',
    parser: number({ min: 0.01, max: 43200 }),
  },
  'cache-paths': { description: 'Paths to restore before and save after training (datasets, pip caches), one per line.', parser: list(text('a path'), 'paths', 'newlines') },
  'cache-key': { description: 'Cache key for `cache-paths`.', parser: text('a cache key') },
  'artifact-name': { description: 'Upload `model-path` as a workflow artifact with this name.', parser: text('an artifact name') },
  image: { description: 'SageMaker: training container image URI.', parser: text('an image URI') },
  'instance-type': { description: 'SageMaker: instance type, e.g. `ml.g5.xlarge`.', parser: text('a SageMaker instance type') },
  'instance-count': { description: 'SageMaker: number of instances.', default: '1', parser: integer({ min: 1, max: 100 }) },
  'role-arn': { description: 'SageMaker: execution role ARN.', parser: text('an IAM role ARN') },
  's3-input': { description: 'SageMaker: S3 URI of the training data (a local `data` path is uploaded when omitted).', parser: text('an s3:// URI') },
  's3-output': { description: 'SageMaker: S3 URI for the model artifact.', parser: text('an s3:// URI') },
  spot: { description: 'SageMaker: use managed spot training with checkpoints.', default: 'false', parser: boolean() },
  'max-wait-minutes': { description: 'SageMaker: bound on the wait for spot capacity and training.', parser: integer({ min: 1, max: 43200 }) },
  region: { description: 'AWS region for the SageMaker backend (defaults to the AWS SDK\'s own resolution).', parser: text('an AWS region') },
});
