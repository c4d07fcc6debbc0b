/**
 * What `cd4ml demo` runs: the workflow templates' steps, in the order a team would see them run, on
 * the example churn data. Three pull requests and their merges, then a scheduled drift check:
 *
 * 1. a first model (3 epochs) — the gate finds no production model, judges absolute rules only, and
 *    the release makes it production;
 * 2. the same model trained to convergence — compared with production, paired, with confidence
 *    intervals; released through a canary that is promoted;
 * 3. churn-fixed-batch.onnx, an export that scores batches of five rows exactly as before but fails
 *    every single-row request — the offline gate passes it, the canary rolls it back;
 * 4. July's data against the production model's stored profile — drift, and the issue it would open.
 */
import { join } from 'node:path';
import type { DemoStage } from './types.js';

/**
 * Where the scenario's files are. Steps run in the workspace, so paths relative to it read as they
 * would in a repository: `examples/data/customers.csv`, `pr-1/model/model.onnx`.
 */
export interface DemoPaths {
  /** The package's examples/ folder, as the workspace reaches it. */
  examples: string;
  /** The registry URI. */
  registry: string;
}

export const DEMO_MODEL = 'churn';
export const DEMO_FEATURES = 'age, tenure_months, monthly_spend, support_tickets';

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function demoScenario(paths: DemoPaths): DemoStage[] {
  const { examples, registry } = paths;
  const training = join(examples, 'data', 'customers.csv');
  const july = join(examples, 'data', 'customers-2024-07.csv');
  const registryInput = { registry };

  const pullRequest = (n: number, params: string) => {
    const dir = `pr-${n}`;
    return {
      dir,
      validate: {
        action: 'validate-data',
        inputs: { data: training, schema: join(examples, 'customers.schema.yaml'), 'profile-output': join(dir, 'profile.json') },
      },
      train: {
        action: 'train-on-gpu-runner',
        inputs: {
          run: `node ${shellQuote(join(examples, 'train.mjs'))}`,
          params,
          data: training,
          'model-path': join(dir, 'model'),
          'metrics-file': join(dir, 'metrics.json'),
          'require-gpu': 'false',
          'metric-regex': 'loss: loss=([0-9.]+)\nval_auc: val_auc=([0-9.]+)',
        },
      },
    } as const;
  };
  const gate = (model: string, pr: number) =>
    ({
      action: 'evaluate-gate',
      inputs: {
        model,
        data: july,
        label: 'churned',
        features: DEMO_FEATURES,
        'baseline-model': `registry:${DEMO_MODEL}@production`,
        policy: join(examples, 'gate-policy.yaml'),
        ...registryInput,
      },
      comment: { pullRequest: pr, file: `pr-${pr}-comment.md` },
    }) as const;
  const register = (model: string, extra: Record<string, string> = {}) =>
    ({ action: 'register-model', inputs: { name: DEMO_MODEL, model, alias: 'staging', ...registryInput, ...extra } }) as const;
  const deploy = {
    action: 'deploy-canary',
    inputs: {
      model: `registry:${DEMO_MODEL}@staging`,
      endpoint: DEMO_MODEL,
      features: DEMO_FEATURES,
      replay: join(examples, 'data', 'requests.jsonl'),
      strategy: 'canary',
      'canary-percent': '50',
      'bake-minutes': '0.02',
      'min-requests': '50',
      'max-error-rate': '0.05',
      'promote-alias': 'production',
      ...registryInput,
    },
  } as const;

  const first = pullRequest(1, '{"epochs": 3}');
  const second = pullRequest(2, '{"epochs": 300}');
  // The merge: the model the pull request trained, with its metrics, profile and training record.
  const release = (dir: string): DemoStage => ({
    title: 'Merged: release',
    workflow: 'ml-release.yml',
    steps: [register(join(dir, 'model'), { metrics: join(dir, 'metrics.json'), profile: join(dir, 'profile.json'), params: join(dir, 'training-record.json') }), deploy],
  });
  const fixedBatch = join(examples, 'models', 'churn-fixed-batch.onnx');

  return [
    {
      title: 'Pull request #1: a first churn model, 3 epochs',
      workflow: 'ml-pull-request.yml',
      steps: [first.validate, first.train, gate(join(first.dir, 'model', 'model.onnx'), 1)],
    },
    release(first.dir),
    {
      title: 'Pull request #2: train to convergence, 300 epochs',
      workflow: 'ml-pull-request.yml',
      steps: [second.validate, second.train, gate(join(second.dir, 'model', 'model.onnx'), 2)],
    },
    release(second.dir),
    {
      title: 'Pull request #3: a re-export with a fixed batch shape (examples/models/churn-fixed-batch.onnx)',
      workflow: 'ml-pull-request.yml, ml-release.yml',
      steps: [gate(fixedBatch, 3), register(fixedBatch), { ...deploy, expectFailure: true }],
    },
    {
      title: "Scheduled: July's data against production's training profile",
      workflow: 'ml-scheduled-retrain.yml',
      steps: [
        {
          action: 'check-drift',
          inputs: { reference: `registry:${DEMO_MODEL}@production`, current: july, config: join(examples, 'drift-config.yaml'), ...registryInput },
          issue: 'drift-issue.md',
        },
      ],
    },
  ];
}
