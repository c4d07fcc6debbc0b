/**
 * What the gate computes and judges: a point estimate per metric with its bootstrap intervals, the
 * rules of the policy, and their outcomes. Plain data: the report renders it, the action writes it.
 */
import type { Direction } from '../metrics/types.js';

/** A closed interval [low, high]. */
export type Interval = readonly [number, number];

export interface Estimate {
  value: number;
  /**
   * The two-sided percentile bootstrap interval at `level` (e.g. 0.95 → the 2.5th and 97.5th
   * percentiles of the resampled values); undefined when there are no resamples (metrics given as
   * numbers, without rows).
   */
  interval?: (level: number) => Interval;
}

/** One metric of the candidate, with its baseline and the paired difference when there is one. */
export interface MetricResult {
  name: string;
  direction: Direction;
  candidate: Estimate;
  baseline?: Estimate;
  /** candidate − baseline; with both models scored on the same rows its interval is paired. */
  delta?: Estimate;
}

/** A policy's rule for one metric. Every bound is optional; a rule with none only shows the metric. */
export interface MetricRule {
  metric: string;
  /** Which way is better; defaults to the catalog's direction for known metrics. */
  direction?: Direction;
  /** Absolute bounds on the candidate's value (judged on the point estimate). */
  min?: number;
  max?: number;
  /** The largest allowed worsening versus the baseline, in the metric's units (≥ 0). */
  maxRegression?: number;
  /** The largest allowed worsening versus the baseline, in percent of |baseline| (≥ 0). */
  maxRegressionPct?: number;
  /** The candidate must be better than the baseline (by more than `minImprovement`, default 0). */
  mustImprove?: boolean;
  minImprovement?: number;
  /**
   * Judge the baseline rules (regression, improvement) on the bootstrap interval of Δ at this level
   * (0.5 < level < 1): a regression fails only when the whole interval is beyond the allowed
   * worsening; an improvement passes only when the whole interval is beyond the required gain.
   */
  confidence?: number;
  /** Where the rule was written, for messages and annotations. */
  origin: RuleOrigin;
}

export interface RuleOrigin {
  /** `policy` (the YAML file) or `thresholds` (the inline input). */
  source: 'policy' | 'thresholds';
  /** The policy file's path, for `policy`. */
  file?: string;
  /** 1-based line in the policy file, for `policy`. */
  line?: number;
  /** The inline rule as written, for `thresholds`. */
  text?: string;
}

export interface SlicePolicy {
  columns: string[];
  /** Metrics judged per slice; default: every metric the policy names. */
  metrics?: string[];
  maxRegression?: number;
  maxRegressionPct?: number;
  /** The largest `top` values of each column get their own slice; the rest form `other`. Default 10. */
  top: number;
  /** Slices with fewer rows are shown but not judged. Default 100. */
  minRows: number;
  origin: RuleOrigin;
}

export interface GatePolicy {
  rules: MetricRule[];
  slices?: SlicePolicy;
}

export type RuleStatus = 'pass' | 'fail' | 'skipped';

/** One judged check of a rule (a rule with min and max_regression gives two). */
export interface RuleOutcome {
  metric: string;
  /** The check in short, as shown in the report's Rule column, e.g. `≥ 0.8` or `Δ ≥ −0.01 (95%)`. */
  check: string;
  status: RuleStatus;
  /** One line saying why, with the numbers, e.g. `roc_auc fell by 0.031 (95% CI −0.045 to −0.018), more than the allowed 0.01`. */
  reason: string;
  origin: RuleOrigin;
}
