import { InputError } from '../errors.js';
import { knownDirection, type MetricInfo } from '../metrics/catalog.js';
import { compareMetric } from './compare.js';
import { documentBase } from './document.js';
import type { EvaluationDocument } from './evaluation.js';
import { judgeRules, resolveDirection } from './judge.js';
import { findMetric, requireMetric, type MetricsFile } from './metrics-file.js';
import { comparesWithBaseline, type GateOptions } from './options.js';
import type { MetricResult } from './types.js';

/** The gate on metrics given as numbers: no rows, so no intervals; rules judge point values. */
export function numbersGate(options: GateOptions, candidate: MetricsFile): EvaluationDocument {
  const { policy } = options;
  if (options.baseline !== undefined && 'model' in options.baseline) {
    throw new InputError('Input "baseline-model" needs "model" (the candidate model, scored on the same rows); with candidate "metrics", give the baseline as "baseline-metrics".');
  }
  const baseline = options.baseline !== undefined && 'metrics' in options.baseline ? options.baseline.metrics : undefined;
  const ruled = [...new Set(policy.rules.map((rule) => rule.metric))];
  for (const name of ruled) requireMetric(candidate, name, 'the policy judges');
  const names = ruled.length > 0 ? ruled : [...candidate.values.keys()];
  const compared = names.map((name) => {
    const rule = policy.rules.find((r) => r.metric === name);
    const direction = rule === undefined ? knownDirection(name) : resolveDirection(rule);
    const info: MetricInfo = { name, title: name, direction: direction ?? 'higher' };
    const value = findMetric(candidate, name)!;
    const needsBaseline = policy.rules.some((r) => r.metric === name && comparesWithBaseline(r));
    const base = baseline === undefined ? undefined : needsBaseline ? requireMetric(baseline, name, 'the policy compares with the baseline') : findMetric(baseline, name);
    return compareMetric(info, { value }, base === undefined ? undefined : { value: base });
  });
  const results = new Map<string, MetricResult>(compared.map(({ result }) => [result.name, result]));
  const doc = documentBase(judgeRules(policy.rules, results), { candidate: { kind: 'metrics', origin: candidate.origin }, metrics: compared });
  if (baseline !== undefined) doc.baseline = { kind: 'metrics', origin: baseline.origin };
  doc.notes.push('Metrics given as numbers: there are no rows to resample, so no intervals; rules with a confidence judge the point values.');
  if (policy.slices !== undefined) doc.notes.push('Slices need the model and the data; with metrics given as numbers they are not evaluated.');
  return doc;
}
