/**
 * Judges a candidate's health snapshot against the rollout's rules: one reason line per rule, with its
 * numbers, e.g. `error rate 0.35% (7 of 2,000) ≤ 1%`, `p95 latency 812 ms > 250 ms`,
 * `prediction drift (Jensen–Shannon) 0.04 ≤ 0.1`, `alarm HighLatency is ALARM`,
 * `only 12 requests reached the candidate (at least 100 are needed)`. O(rules + alarms).
 *
 * Evidence and degenerate input, one policy:
 * - Evidence is enough when at least `minRequests` requests, and at least one, reached the candidate.
 *   With 0 requests the error rate is undefined (0 of 0), so 0 requests is never enough evidence, even
 *   with `minRequests: 0`.
 * - Below that, only what can no longer recover makes the candidate unhealthy: an alarm in ALARM, and
 *   errors that already exceed the error budget of `minRequests` requests (errors > maxErrorRate ×
 *   minRequests: even if every further request succeeds, the error rate at `minRequests` requests is
 *   above the limit). One early error among the first few requests does not roll back; p95 latency and
 *   prediction drift are not judged on so few requests (a p95 of 12 requests is their maximum).
 * - A rule the target did not measure (no p95, no drift: drift exists only where both versions answered
 *   the same requests, as in a shadow) is listed as not measured and does not decide.
 * - An alarm in INSUFFICIENT_DATA is listed and does not decide; any alarm in ALARM is unhealthy.
 * - Limits are inclusive: a value equal to its limit passes.
 */
import { formatApart, formatPercent, formatValue } from '../report/numbers.js';
import type { HealthRules, HealthSnapshot } from './types.js';

export interface HealthVerdict {
  /** No rule is broken (a candidate without enough evidence may still be healthy so far). */
  healthy: boolean;
  /** Enough requests reached the candidate to decide on it. */
  enoughEvidence: boolean;
  /** One line per rule, in a fixed order: error rate, p95 latency, drift, alarms, requests. */
  reasons: string[];
  /** The lines that make it unhealthy (a subset of `reasons`), alarms first; empty when healthy. */
  problems: string[];
  /** The requests line (the last of `reasons`): how many requests reached the candidate, and how many are needed. */
  evidence: string;
}

export const count = (value: number): string => value.toLocaleString('en-US');
const percent = (fraction: number, digits?: number): string => formatPercent(fraction, { signed: false, ...(digits === undefined ? {} : { digits }) });
const ms = (value: number, digits?: number): string => `${formatValue(value, digits)} ms`;

interface Comparison {
  broken: boolean;
  value: string;
  /** `> 250 ms` or `≤ 250 ms`. */
  against: string;
}

/** A value against its limit, with enough digits that two different numbers never read the same. */
function compare(value: number, limit: number, format: (x: number, digits?: number) => string): Comparison {
  const broken = value > limit;
  const [a, b] = formatApart(value, limit, format, 3);
  return { broken, value: a, against: `${broken ? '>' : '≤'} ${b}` };
}

export function judgeHealth(snapshot: HealthSnapshot, rules: HealthRules): HealthVerdict {
  const { requests, errors, latencyP95Ms } = snapshot.candidate;
  const enoughEvidence = requests > 0 && requests >= rules.minRequests;
  const reasons: string[] = [];
  const broken: string[] = [];
  const note = (line: string, isBroken: boolean): void => {
    reasons.push(line);
    if (isBroken) broken.push(line);
  };

  const limit = percent(rules.maxErrorRate);
  if (requests === 0) {
    note(`error rate undefined (no requests), limit ${limit}`, false);
  } else if (enoughEvidence) {
    const rate = compare(errors / requests, rules.maxErrorRate, percent);
    note(`error rate ${rate.value} (${count(errors)} of ${count(requests)}) ${rate.against}`, rate.broken);
  } else {
    const budget = rules.maxErrorRate * rules.minRequests;
    const rate = `error rate ${percent(errors / requests)} (${count(errors)} of ${count(requests)})`;
    if (errors > budget) {
      note(`${rate}: ${count(errors)} errors already exceed ${limit} of the ${count(rules.minRequests)} requests needed to judge`, true);
    } else {
      note(`${rate} not judged yet against ${limit}`, false);
    }
  }

  if (rules.maxLatencyP95Ms !== undefined) {
    if (latencyP95Ms === undefined) {
      note(`p95 latency not measured by the target (limit ${ms(rules.maxLatencyP95Ms)})`, false);
    } else if (!enoughEvidence) {
      note(`p95 latency ${ms(latencyP95Ms)} not judged yet against ${ms(rules.maxLatencyP95Ms)}`, false);
    } else {
      const latency = compare(latencyP95Ms, rules.maxLatencyP95Ms, ms);
      note(`p95 latency ${latency.value} ${latency.against}`, latency.broken);
    }
  }

  if (rules.maxPredictionDrift !== undefined) {
    const drift = snapshot.predictionDrift;
    const limitText = formatValue(rules.maxPredictionDrift);
    if (drift === undefined) {
      note(`prediction drift (Jensen–Shannon) not measured by the target (limit ${limitText})`, false);
    } else if (!enoughEvidence) {
      note(`prediction drift (Jensen–Shannon) ${formatValue(drift)} not judged yet against ${limitText}`, false);
    } else {
      const divergence = compare(drift, rules.maxPredictionDrift, formatValue);
      note(`prediction drift (Jensen–Shannon) ${divergence.value} ${divergence.against}`, divergence.broken);
    }
  }

  const alarming: string[] = [];
  for (const alarm of snapshot.alarms) {
    const line = `alarm ${alarm.name} is ${alarm.state}`;
    reasons.push(line);
    if (alarm.state === 'ALARM') alarming.push(line);
  }

  const least = Math.max(1, rules.minRequests);
  const needed = `(at least ${count(least)} ${least === 1 ? 'is' : 'are'} needed)`;
  const evidenceLine =
    requests === 0
      ? `no requests reached the candidate ${needed}`
      : enoughEvidence
        ? `${count(requests)} ${requests === 1 ? 'request' : 'requests'} reached the candidate ${needed}`
        : `only ${count(requests)} ${requests === 1 ? 'request' : 'requests'} reached the candidate ${needed}`;
  reasons.push(evidenceLine);

  const problems = [...alarming, ...broken];
  return { healthy: problems.length === 0, enoughEvidence, reasons, problems, evidence: evidenceLine };
}
