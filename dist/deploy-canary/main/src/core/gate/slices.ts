/**
 * Metrics per slice of the evaluation rows: for each slice column, its `top` most frequent values get
 * their own slice and the rest form `other`. A slice is evaluated by weighting its rows 1 and the
 * others 0, so slice values are exactly the metrics on those rows. Slices with at least `minRows`
 * rows and a baseline are judged against the slice rule on their point estimates.
 *
 * Complexity: O(n) per slice and model; memory O(n) for one indicator vector.
 */
import type { CategoricalColumn } from '../evaluation/evaluation-table.js';
import type { Direction, MetricEvaluator } from '../metrics/types.js';
import type { SliceRow, SliceSection } from './evaluation.js';
import { judgeRegression, type RegressionLimit } from './judge.js';
import type { SlicePolicy } from './types.js';

export const OTHER_SLICE = 'other';

interface SliceDefinition {
  value: string;
  /** Codes of the column's values in this slice. */
  codes: Set<number>;
}

function definitions(column: CategoricalColumn, top: number): SliceDefinition[] {
  const counts = new Array<number>(column.values.length).fill(0);
  for (const code of column.codes) counts[code]! += 1;
  const order = column.values.map((_, code) => code).sort((a, b) => counts[b]! - counts[a]! || (column.values[a]! < column.values[b]! ? -1 : 1));
  const kept = order.slice(0, top).map((code) => ({ value: column.values[code]!, codes: new Set([code]) }));
  const rest = order.slice(top);
  return rest.length === 0 ? kept : [...kept, { value: OTHER_SLICE, codes: new Set(rest) }];
}

export interface SliceInputs {
  policy: SlicePolicy;
  columns: ReadonlyMap<string, CategoricalColumn>;
  candidate: MetricEvaluator;
  baseline?: MetricEvaluator | undefined;
  /** The metrics to show and judge per slice, with the direction that is better. */
  metrics: ReadonlyArray<{ name: string; direction: Direction }>;
}

export function sliceRule(policy: SlicePolicy): string | undefined {
  const parts: string[] = [];
  if (policy.maxRegression !== undefined) parts.push(`worsening ≤ ${policy.maxRegression}`);
  if (policy.maxRegressionPct !== undefined) parts.push(`worsening ≤ ${policy.maxRegressionPct}%`);
  return parts.length === 0 ? undefined : parts.join(' and ');
}

export function evaluateSlices(inputs: SliceInputs): SliceSection {
  const { policy, candidate, baseline, metrics } = inputs;
  const limits: RegressionLimit[] = [];
  if (policy.maxRegression !== undefined) limits.push({ kind: 'absolute', value: policy.maxRegression });
  if (policy.maxRegressionPct !== undefined) limits.push({ kind: 'percent', value: policy.maxRegressionPct });
  const indexOf = (evaluator: MetricEvaluator, name: string): number => evaluator.names.indexOf(name);
  const weights = new Uint8Array(candidate.rows);
  const rows: SliceRow[] = [];
  for (const name of policy.columns) {
    const column = inputs.columns.get(name)!;
    for (const slice of definitions(column, policy.top)) {
      let size = 0;
      for (let row = 0; row < weights.length; row++) {
        const inside = slice.codes.has(column.codes[row]!) ? 1 : 0;
        weights[row] = inside;
        size += inside;
      }
      const candidateValues = candidate.evaluate(weights);
      const baselineValues = baseline?.evaluate(weights);
      const row: SliceRow = { column: name, value: slice.value, rows: size, metrics: [], outcomes: [] };
      for (const metric of metrics) {
        const value = candidateValues[indexOf(candidate, metric.name)]!;
        const entry: SliceRow['metrics'][number] = { name: metric.name, candidate: value };
        if (baselineValues !== undefined) {
          entry.baseline = baselineValues[indexOf(baseline!, metric.name)]!;
          entry.delta = value - entry.baseline;
        }
        row.metrics.push(entry);
        if (entry.baseline === undefined || size < policy.minRows) continue;
        for (const limit of limits) {
          const subject = `${metric.name} in ${name} = ${slice.value}`;
          const comparison = { direction: metric.direction, candidate: { value }, baseline: { value: entry.baseline }, delta: { value: entry.delta! } };
          row.outcomes.push({ metric: metric.name, ...judgeRegression(subject, comparison, limit), origin: policy.origin });
        }
      }
      rows.push(row);
    }
  }
  const section: SliceSection = { columns: policy.columns, top: policy.top, minRows: policy.minRows, rows };
  const rule = sliceRule(policy);
  if (rule !== undefined) section.rule = rule;
  return section;
}
