/**
 * The evaluation document: everything the gate found, as plain JSON (format `cd4ml-evaluation`). The
 * Markdown report is rendered from it, the action writes it as its `metrics` output, and a later run
 * can read it back as `baseline-metrics` (its candidate values are the numbers).
 */
import type { Direction, Task } from '../metrics/types.js';
import type { Interval, RuleOutcome } from './types.js';

export const EVALUATION_FORMAT = 'cd4ml-evaluation';

/** The interval level shown in the report and written for every metric. */
export const REPORT_LEVEL = 0.95;

export interface ModelSide {
  kind: 'model';
  path: string;
  sha256: string;
  /** The model input(s) fed, and the output read. */
  inputs: string[];
  output: string;
}

export interface NumbersSide {
  kind: 'metrics';
  /** A path, or `path at <commit>` for `base:` baselines. */
  origin: string;
}

export interface MetricRow {
  name: string;
  title: string;
  direction: Direction;
  candidate: number;
  /** 95% bootstrap interval of the candidate's value. */
  candidateInterval?: Interval;
  baseline?: number;
  baselineInterval?: Interval;
  delta?: number;
  /** Δ in percent of |baseline|; absent when the baseline is 0. */
  deltaPct?: number;
  /** 95% interval of Δ: paired when both models were scored; candidate interval − baseline otherwise. */
  deltaInterval?: Interval;
  /** Resamples in which the metric was undefined (left out of its intervals). */
  undefinedResamples?: number;
}

export interface SliceMetric {
  name: string;
  candidate: number;
  baseline?: number;
  delta?: number;
}

export interface SliceRow {
  column: string;
  /** The column's value, or `other` for the values beyond the largest `top`. */
  value: string;
  rows: number;
  metrics: SliceMetric[];
  /** Judged slices only (enough rows, a baseline and a slice rule). */
  outcomes: RuleOutcome[];
}

export interface SliceSection {
  columns: string[];
  top: number;
  minRows: number;
  /** The rule as the report states it, e.g. `Δ ≥ −0.05`; undefined when slices are only shown. */
  rule?: string;
  rows: SliceRow[];
}

export interface ConfusionSection {
  /** Class names in index order (rows: true class, columns: predicted class). */
  labels: string[];
  candidate: number[][];
  baseline?: number[][];
  /** Binary: the decision threshold used. */
  threshold?: number;
}

export interface EvaluationDocument {
  format: typeof EVALUATION_FORMAT;
  version: 1;
  passed: boolean;
  /** One line: why the gate passed or failed. */
  verdict: string;
  task?: Task;
  /** Why the task was inferred, when the `task` input was not given. */
  taskInferred?: string;
  label?: string;
  positiveClass?: string;
  threshold?: number;
  rows?: number;
  data?: string[];
  features?: string[];
  candidate: ModelSide | NumbersSide;
  baseline?: ModelSide | NumbersSide;
  /** Why there is no baseline, when there is none (e.g. the file does not exist at the base commit). */
  noBaseline?: string;
  bootstrap?: { resamples: number; seed: number; level: number; paired: boolean };
  metrics: MetricRow[];
  outcomes: RuleOutcome[];
  slices?: SliceSection;
  confusion?: ConfusionSection;
  /** The command that reruns this evaluation locally. */
  reproduce?: string;
  notes: string[];
}
