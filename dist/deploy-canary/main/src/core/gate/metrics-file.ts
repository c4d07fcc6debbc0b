/**
 * Metrics given as numbers: a JSON file as DVC and most training scripts write it, flat
 * (`{"roc_auc": 0.83}`) or nested (`{"test": {"roc_auc": 0.83}}`), or the evaluation JSON this action
 * writes itself (format `cd4ml-evaluation`, whose candidate values are used). Nested keys are joined
 * with dots, as `dvc metrics show` does; a metric is found by its full key or, when unique, by its
 * last segment (`roc_auc` finds `test.roc_auc`).
 */
import { InputError } from '../errors.js';

export interface MetricsFile {
  /** Where the numbers came from, for messages: a path, or `path at <sha>`. */
  origin: string;
  values: ReadonlyMap<string, number>;
}

function flatten(value: unknown, prefix: string, into: Map<string, number>): void {
  if (typeof value === 'number') {
    if (prefix !== '') into.set(prefix, value);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
}

interface EvaluationJson {
  format: 'cd4ml-evaluation';
  metrics: Array<{ name: string; candidate: number | null }>;
}

function isEvaluationJson(value: unknown): value is EvaluationJson {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'cd4ml-evaluation';
}

/** The metrics of a parsed JSON document; `origin` names it in messages. */
export function readMetricsJson(value: unknown, origin: string): MetricsFile {
  const values = new Map<string, number>();
  if (isEvaluationJson(value)) {
    for (const metric of value.metrics) if (typeof metric.candidate === 'number') values.set(metric.name, metric.candidate);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    flatten(value, '', values);
  } else {
    throw new InputError(`${origin} is not a metrics file: expected a JSON object of numbers such as {"roc_auc": 0.83}.`);
  }
  if (values.size === 0) {
    throw new InputError(`${origin} has no numbers: expected a JSON object of metrics such as {"roc_auc": 0.83} (nested objects are fine).`);
  }
  return { origin, values };
}

/** Parses JSON text from `origin` (a file or a file at a commit) into metrics. */
export function parseMetricsText(text: string, origin: string): MetricsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${origin} is not valid JSON: ${(error as Error).message}.`);
  }
  return readMetricsJson(value, origin);
}

/** The value of metric `name`: by full key, else by a unique last segment; undefined when absent. */
export function findMetric(file: MetricsFile, name: string): number | undefined {
  const exact = file.values.get(name);
  if (exact !== undefined) return exact;
  const matches = [...file.values.keys()].filter((key) => key.endsWith(`.${name}`));
  if (matches.length > 1) {
    throw new InputError(`${file.origin} has several metrics named ${name} (${matches.join(', ')}): name one of them in full in the policy.`);
  }
  return matches.length === 1 ? file.values.get(matches[0]!) : undefined;
}

/** The value of `name`, or an error saying the file lacks it and what it has. */
export function requireMetric(file: MetricsFile, name: string, why: string): number {
  const value = findMetric(file, name);
  if (value !== undefined) return value;
  const known = [...file.values.keys()];
  const shown = known.slice(0, 12).join(', ') + (known.length > 12 ? `, … (${known.length} in all)` : '');
  throw new InputError(`${file.origin} has no metric ${name}, which ${why}; it has: ${shown}.`);
}
