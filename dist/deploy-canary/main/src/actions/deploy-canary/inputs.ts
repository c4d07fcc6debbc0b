import { existingFile, integer, list, number, oneOf, text } from '../../core/inputs/parsers.js';
import { defineInputs } from '../../core/inputs/spec.js';
import { githubToken } from '../common-inputs.js';

export const TARGETS = ['local', 'sagemaker'] as const;
export const STRATEGIES = ['canary', 'linear', 'all-at-once', 'shadow'] as const;

export const inputs = defineInputs({
  target: { description: 'Where the model is served: `local` (a local deploy target) or `sagemaker` (an endpoint).', default: 'local', parser: oneOf(TARGETS) },
  model: { description: 'The version to deploy: `registry:<name>@<version|alias>`.', required: true, parser: text('registry:<name>@<version|alias>') },
  registry: { description: 'Registry URI the model is resolved in (as register-model).', default: 'github', parser: text('github, file://…, s3://… or sagemaker://…') },
  endpoint: { description: 'Endpoint (SageMaker) or local target name.', parser: text('an endpoint name') },
  strategy: { description: 'Rollout: `canary` (N% then all), `linear` (steps of N%), `all-at-once` or `shadow`.', default: 'canary', parser: oneOf(STRATEGIES) },
  'canary-percent': { description: 'Traffic share of the canary step.', default: '10', parser: number({ min: 0.1, max: 100 }) },
  'linear-step-percent': { description: 'Traffic added per linear step.', default: '20', parser: number({ min: 0.1, max: 100 }) },
  'bake-minutes': { description: 'Time each step is watched before the next.', default: '10', parser: number({ min: 0, max: 1440 }) },
  'max-error-rate': { description: 'Roll back when the new version\'s error rate exceeds this fraction.', default: '0.01', parser: number({ min: 0, max: 1 }) },
  'max-latency-p95-ms': { description: 'Roll back when the new version\'s p95 latency exceeds this many milliseconds.', parser: number({ min: 0 }) },
  alarms: { description: 'CloudWatch alarm names that roll the deployment back, one per line.', parser: list(text('an alarm name'), 'alarm names', 'newlines') },
  image: { description: 'SageMaker: inference container image URI.', parser: text('an image URI') },
  'instance-type': { description: 'SageMaker: instance type, e.g. `ml.m5.large`.', parser: text('a SageMaker instance type') },
  'instance-count': { description: 'SageMaker: instance count.', default: '1', parser: integer({ min: 1, max: 100 }) },
  'role-arn': { description: 'SageMaker: execution role ARN.', parser: text('an IAM role ARN') },
  region: { description: 'AWS region (defaults to the AWS SDK\'s own resolution).', parser: text('an AWS region') },
  replay: {
    description: 'Requests (JSON Lines: a row object or {"rows": [...]} per line). Local target: the candidate and the live version answer them side by side (agreement, latency, prediction drift), and they are the traffic the rollout is judged on.',
    parser: existingFile(),
  },
  features: { description: 'Local target: the columns a [N, F] model takes, in order (as evaluate-gate\'s `features`).', parser: list(text('a column name'), 'column names') },
  'mirror-percent': { description: 'Shadow: the share of requests the candidate also answers (its answers are not returned).', default: '100', parser: number({ min: 0.1, max: 100 }) },
  'min-requests': { description: 'Requests the candidate must answer in a step before it can be judged healthy.', default: '100', parser: integer({ min: 0, max: 100000000 }) },
  environment: { description: 'GitHub deployment environment (its protection rules gate the deploy).', default: 'production', parser: text('an environment name') },
  'promote-alias': { description: 'Registry alias moved to the new version when the rollout succeeds.', parser: text('an alias name') },
  'github-token': githubToken,
});
