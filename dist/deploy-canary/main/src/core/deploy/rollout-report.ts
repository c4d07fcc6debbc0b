/**
 * The deploy-canary job summary in Markdown: the verdict first (✅ promoted, ↩️ rolled back, ❌ failed,
 * 👥 shadow healthy) with the one-line summary, what was deployed where, then the timeline, one row per
 * decision (Step | Traffic | Started | Decided | Requests | Error rate | p95 | Drift | Decision | Why),
 * and the health rules it was judged by. Times are UTC; a cell without a measurement reads `—`.
 */
import { markdownTable } from 'markdown-table';
import { cell } from '../report/markdown.js';
import { formatPercent, formatValue } from '../report/numbers.js';
import { code } from '../report/validation-report.js';
import { count } from './health.js';
import { describeShare, formatDuration } from './rollout.js';
import type { Decision, HealthRules, RolloutResult, StepRecord, Strategy } from './types.js';

export interface RolloutReportContext {
  /** The model reference as given, e.g. `registry:churn@7`. */
  model: string;
  /** The version that served all traffic before the rollout; undefined when nothing was deployed. */
  live: number | undefined;
  /** The target's description. */
  target: string;
  strategy: Strategy;
  rules: HealthRules;
}

const HEADING: Record<RolloutResult['status'], string> = {
  promoted: '✅ Promoted',
  'rolled-back': '↩️ Rolled back',
  failed: '❌ Failed',
  shadowed: '👥 Shadow healthy, not promoted',
};

const DECISION: Record<Decision, string> = {
  continue: '➡️ continue',
  promote: '✅ promote',
  rollback: '↩️ roll back',
  pass: '✅ pass (shadow)',
};

const NONE = '—';
const version = (v: number | undefined): string => (v === undefined ? 'nothing' : `version ${v}`);
/** `12:10:00` from an ISO time. */
const clockTime = (iso: string): string => iso.slice(11, 19);

function row(record: StepRecord): string[] {
  const started = Date.parse(record.startedAt);
  const decided = Date.parse(record.decidedAt);
  const evidence = record.evidence?.candidate;
  const drift = record.evidence?.predictionDrift;
  return [
    String(record.step),
    describeShare(record),
    clockTime(record.startedAt),
    `${clockTime(record.decidedAt)} (+${formatDuration(decided - started)})`,
    evidence === undefined ? NONE : count(evidence.requests),
    evidence === undefined ? NONE : evidence.requests === 0 ? 'n/a' : formatPercent(evidence.errors / evidence.requests, { signed: false }),
    evidence?.latencyP95Ms === undefined ? NONE : `${formatValue(evidence.latencyP95Ms)} ms`,
    drift === undefined ? NONE : formatValue(drift),
    DECISION[record.decision],
    record.reasons.map(cell).join('<br>'),
  ];
}

function timeline(result: RolloutResult): string {
  if (result.steps.length === 0) return '_No step started: no traffic moved to the candidate._';
  const header = ['Step', 'Traffic', 'Started', 'Decided', 'Requests', 'Error rate', 'p95', 'Drift', 'Decision', 'Why'];
  return markdownTable([header, ...result.steps.map(row)], { align: ['r', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'l', 'l'] });
}

function rulesList(result: RolloutResult, rules: HealthRules): string {
  const lines = [`- Error rate ≤ ${formatPercent(rules.maxErrorRate, { signed: false })}`];
  if (rules.maxLatencyP95Ms !== undefined) lines.push(`- p95 latency ≤ ${formatValue(rules.maxLatencyP95Ms)} ms`);
  if (rules.maxPredictionDrift !== undefined) lines.push(`- Prediction drift (Jensen–Shannon distance) ≤ ${formatValue(rules.maxPredictionDrift)}`);
  const least = Math.max(1, rules.minRequests);
  lines.push(`- At least ${count(least)} ${least === 1 ? 'request' : 'requests'} per step; a step short of them bakes up to twice as long, then rolls back`);
  const alarms = [...new Set(result.steps.flatMap((step) => (step.evidence?.alarms ?? []).map((alarm) => alarm.name)))];
  lines.push(`- Any alarm in ALARM rolls back at once${alarms.length === 0 ? '' : ` (watched: ${alarms.map(code).join(', ')})`}`);
  return lines.join('\n');
}

export function renderRolloutMarkdown(result: RolloutResult, context: RolloutReportContext): string {
  const first = result.steps[0];
  const day = first === undefined ? '' : ` Times are UTC, on ${first.startedAt.slice(0, 10)}.`;
  const about =
    `Strategy ${code(context.strategy)} on ${context.target}. ` +
    `Before: ${version(context.live)} served all traffic; now: ${version(result.liveVersion)}.${day}`;
  return [
    `### ${HEADING[result.status]} · ${code(context.model)}`,
    `**${result.summary}**`,
    about,
    timeline(result),
    `**Rules**\n\n${rulesList(result, context.rules)}`,
  ].join('\n\n') + '\n';
}
