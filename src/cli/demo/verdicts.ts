/**
 * A demo step's verdict in one line, from what the step left behind (exit code, outputs, error
 * lines), and whether it is the outcome the scenario expects.
 */
import type { EvaluationDocument, MetricRow } from '../../core/gate/evaluation.js';
import type { StepResult } from '../run-step.js';
import type { DemoStep } from './types.js';

export interface Verdict {
  /** The step ended as the scenario expects. */
  expected: boolean;
  text: string;
  /** A second line with the figures behind the verdict. */
  detail?: string;
}

/** Metrics shown in the gate's line, in this order, when the evaluation has them. */
const GATE_METRICS = ['roc_auc', 'log_loss'];

function fixed(value: number, digits = 3): string {
  return value.toFixed(digits).replace(/^-/, '−');
}

/** With its sign, except for a value that rounds to zero. */
function signed(value: number, digits = 3): string {
  const text = fixed(Math.abs(value), digits);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

function json<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function metricText(row: MetricRow): string {
  if (row.delta !== undefined && row.deltaInterval !== undefined) {
    const [low, high] = row.deltaInterval;
    const significant = low > 0 || high < 0;
    return `${row.name} ${fixed(row.candidate)} (Δ ${signed(row.delta)}, 95% CI ${signed(low)} to ${signed(high)}${significant ? '' : ', no significant change'})`;
  }
  const interval = row.candidateInterval === undefined ? '' : ` (95% CI ${fixed(row.candidateInterval[0])} to ${fixed(row.candidateInterval[1])})`;
  return `${row.name} ${fixed(row.candidate)}${interval}`;
}

function gateVerdict(result: StepResult): Verdict {
  const doc = json<EvaluationDocument>(result.outputs['metrics']);
  if (doc === undefined) return { expected: false, text: 'no evaluation document in the outputs' };
  const rows = GATE_METRICS.map((name) => doc.metrics.find((row) => row.name === name)).filter((row): row is MetricRow => row !== undefined);
  const verdict = `${doc.verdict.charAt(0).toLowerCase()}${doc.verdict.slice(1)}`.replace(/\.$/, '');
  const against = doc.baseline === undefined ? 'no production model yet' : 'paired with production';
  return { expected: doc.passed, text: `${doc.passed ? 'passed' : 'failed'}: ${verdict} (${against})`, detail: rows.map(metricText).join('; ') };
}

function trainVerdict(result: StepResult): Verdict {
  const metrics = json<Record<string, number>>(result.outputs['metrics']) ?? {};
  const where = result.outputs['gpu'] === 'none' ? 'on the CPU (no GPU here; require-gpu: false)' : `on ${result.outputs['gpu']}`;
  const shown = ['roc_auc', 'log_loss'].filter((name) => typeof metrics[name] === 'number').map((name) => `${name} ${fixed(metrics[name] as number)}`);
  return { expected: shown.length > 0, text: `trained ${where} in ${result.outputs['duration-seconds']} s: validation ${shown.length > 0 ? shown.join(', ') : 'metrics missing'}` };
}

function deployVerdict(step: DemoStep, result: StepResult, errors: readonly string[]): Verdict {
  const { status, 'live-version': live } = result.outputs;
  if (status === 'rolled-back') {
    const reason = errors.map((line) => / was rolled back: (.*)$/.exec(line)?.[1]).find((found) => found !== undefined);
    const trimmed = reason?.replace(/\.$/, '');
    const why = trimmed === undefined ? '' : trimmed.startsWith('Rolled back ') ? ` ${trimmed.slice('Rolled back '.length)}` : `: ${trimmed}`;
    return { expected: true, text: `rolled back${why}; v${live} keeps serving` };
  }
  if (status !== 'promoted') return { expected: false, text: `status ${status ?? 'missing'}` };
  const first = result.summary.includes('the first deployment');
  const answered = /It answered (\d+) of (\d+) replayed requests/.exec(result.summary);
  const checked = answered === null ? '' : answered[1] === answered[2] ? `, answered all ${answered[2]} replayed requests` : `, answered ${answered[1]} of ${answered[2]} replayed requests`;
  return {
    expected: true,
    text: first
      ? `v${live} is live: the endpoint's first version, with nothing to compare it with${checked}; production → v${live}`
      : `${step.inputs['strategy'] ?? 'canary'} ${step.inputs['canary-percent'] ?? '10'}% → 100%, healthy at each step: promoted; production → v${live}`,
  };
}

function driftVerdict(result: StepResult): Verdict {
  const columns = json<string[]>(result.outputs['drifted-columns']) ?? [];
  if (result.outputs['drifted'] !== 'true') return { expected: false, text: 'no dataset drift found' };
  const share = Number(result.outputs['drift-share']);
  const compared = share > 0 ? ` of ${Math.round(columns.length / share)}` : '';
  return { expected: true, text: `dataset drift: ${columns.length}${compared} columns drifted (${columns.join(', ')}); the drift issue would open and retraining start` };
}

/** The step's verdict. An exit code other than the expected one is never the expected outcome. */
export function verdictOf(step: DemoStep, result: StepResult, errors: readonly string[]): Verdict {
  const expectedCode = step.expectFailure === true ? 1 : 0;
  if (result.code !== expectedCode) {
    const why = errors[0] ?? `exit code ${result.code}`;
    return { expected: false, text: `${result.code === 0 ? 'succeeded' : 'failed'}, which the demo did not expect: ${why}` };
  }
  const { outputs } = result;
  switch (step.action) {
    case 'validate-data':
      return { expected: outputs['valid'] === 'true', text: `${Number(outputs['rows']).toLocaleString('en-US')} rows match the schema (${outputs['errors']} errors, ${outputs['warnings']} warnings)` };
    case 'train-on-gpu-runner':
      return trainVerdict(result);
    case 'evaluate-gate':
      return gateVerdict(result);
    case 'register-model':
      return { expected: outputs['version'] !== undefined, text: `registered ${outputs['uri']}${step.inputs['alias'] === undefined ? '' : ` as ${step.inputs['alias']}`}` };
    case 'deploy-canary':
      return deployVerdict(step, result, errors);
    case 'check-drift':
      return driftVerdict(result);
    default:
      return { expected: true, text: 'done' };
  }
}
