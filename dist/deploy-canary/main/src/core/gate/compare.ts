/**
 * One metric of the candidate against its baseline: the point values, Δ and Δ%, and the intervals.
 * With both models scored, Δ's interval comes from the paired resamples; with a baseline given as a
 * number, the baseline is taken as fixed and Δ's interval is the candidate's shifted by it.
 */
import type { MetricInfo } from '../metrics/catalog.js';
import type { ResampledValues } from './bootstrap.js';
import { REPORT_LEVEL, type MetricRow } from './evaluation.js';
import type { Estimate, Interval, MetricResult } from './types.js';

export interface Side {
  value: number;
  samples?: ResampledValues;
}

function estimate(side: Side): Estimate {
  const { samples } = side;
  return samples === undefined ? { value: side.value } : { value: side.value, interval: (level) => samples.interval(level) };
}

function shifted(samples: ResampledValues, by: number): (level: number) => Interval {
  return (level) => {
    const [low, high] = samples.interval(level);
    return [low - by, high - by];
  };
}

export interface Compared {
  result: MetricResult;
  row: MetricRow;
}

export function compareMetric(info: MetricInfo, candidate: Side, baseline?: Side, pairedDelta?: ResampledValues): Compared {
  const result: MetricResult = { name: info.name, direction: info.direction, candidate: estimate(candidate) };
  const row: MetricRow = { name: info.name, title: info.title, direction: info.direction, candidate: candidate.value };
  if (candidate.samples !== undefined) {
    row.candidateInterval = candidate.samples.interval(REPORT_LEVEL);
    if (candidate.samples.undefinedCount > 0) row.undefinedResamples = candidate.samples.undefinedCount;
  }
  if (baseline === undefined) return { result, row };

  result.baseline = estimate(baseline);
  row.baseline = baseline.value;
  if (baseline.samples !== undefined) row.baselineInterval = baseline.samples.interval(REPORT_LEVEL);
  const delta = candidate.value - baseline.value;
  row.delta = delta;
  if (baseline.value !== 0 && Number.isFinite(baseline.value)) row.deltaPct = (delta / Math.abs(baseline.value)) * 100;
  if (pairedDelta !== undefined) {
    result.delta = { value: delta, interval: (level) => pairedDelta.interval(level) };
    if (pairedDelta.undefinedCount > (row.undefinedResamples ?? 0)) row.undefinedResamples = pairedDelta.undefinedCount;
  } else if (candidate.samples !== undefined && baseline.samples === undefined) {
    result.delta = { value: delta, interval: shifted(candidate.samples, baseline.value) };
  } else {
    result.delta = { value: delta };
  }
  if (result.delta.interval !== undefined) row.deltaInterval = result.delta.interval(REPORT_LEVEL);
  return { result, row };
}
