/** What the gate is given: the candidate, the baseline, the rows, the policy and how to resample. */
import type { DataFormat } from '../data/format.js';
import type { ObjectStore } from '../data/source.js';
import type { Logger } from '../logger.js';
import type { Task } from '../metrics/types.js';
import type { ThreadOptions } from './bootstrap-threads.js';
import type { MetricsFile } from './metrics-file.js';
import type { GatePolicy, MetricRule } from './types.js';

/** `name` is how the report names a baseline model read from elsewhere (e.g. `registry:churn@3`). */
export type BaselineInput = { model: string; name?: string } | { metrics: MetricsFile } | { missing: string } | undefined;

export interface GateOptions {
  /** The candidate: an ONNX model scored on `data`, or its metrics as numbers. */
  candidate: { model: string } | { metrics: MetricsFile };
  baseline: BaselineInput;
  data?: readonly string[] | undefined;
  format: 'auto' | DataFormat;
  label?: string | undefined;
  task?: Task | undefined;
  features?: readonly string[] | undefined;
  policy: GatePolicy;
  /** Binary decision threshold. */
  threshold: number;
  bootstrap: number;
  seed: number;
  cwd: string;
  store: () => ObjectStore;
  threads: ThreadOptions;
  logger: Logger;
}

/** Whether a rule compares the candidate with the baseline (and so needs the baseline's value). */
export function comparesWithBaseline(rule: MetricRule): boolean {
  return rule.maxRegression !== undefined || rule.maxRegressionPct !== undefined || rule.mustImprove === true || rule.minImprovement !== undefined;
}
