/**
 * The evaluate-gate report in Markdown: the verdict first, then one table a reviewer can read in ten
 * seconds (Metric | Baseline | Candidate | Δ | Δ% | 95% CI of Δ | Rule | Result), then collapsed
 * sections for slices, the confusion matrix, fingerprints and how to reproduce the run locally. The
 * same text is the PR comment, the job summary and the check run's summary.
 */
import { markdownTable } from 'markdown-table';
import { cell, details } from './markdown.js';
import type { EvaluationDocument, MetricRow, ModelSide, NumbersSide, SliceRow } from '../gate/evaluation.js';
import type { RuleOutcome, RuleStatus } from '../gate/types.js';
import { formatDelta, formatInterval, formatPercent, formatValue } from './numbers.js';
import { code } from './validation-report.js';

/** Failed checks listed under the table; the slice section has the rest. */
const MAX_LISTED = 8;
const count = (value: number): string => value.toLocaleString('en-US');
const RESULT: Record<RuleStatus, string> = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped' };

function worst(outcomes: readonly RuleOutcome[]): RuleStatus | undefined {
  if (outcomes.some((outcome) => outcome.status === 'fail')) return 'fail';
  if (outcomes.some((outcome) => outcome.status === 'pass')) return 'pass';
  return outcomes.length > 0 ? 'skipped' : undefined;
}

function sideName(side: ModelSide | NumbersSide): string {
  return side.kind === 'model' ? code(side.path) : code(side.origin);
}

function headline(doc: EvaluationDocument, checkName: string): string {
  const icon = doc.passed ? '✅' : '❌';
  return `### ${icon} Model gate ${doc.passed ? 'passed' : 'failed'} · ${code(checkName)}\n\n**${doc.verdict}**`;
}

function context(doc: EvaluationDocument): string {
  const parts: string[] = [];
  const against = doc.baseline === undefined ? ' (no baseline)' : ` vs baseline ${sideName(doc.baseline)}`;
  const on = doc.rows === undefined ? '' : ` on ${count(doc.rows)} rows of ${(doc.data ?? []).map(code).join(', ')}`;
  parts.push(`Candidate ${sideName(doc.candidate)}${against}${on}.`);
  if (doc.task !== undefined) {
    const label = doc.label === undefined ? '' : `, label ${code(doc.label)}`;
    const positive = doc.positiveClass === undefined ? '' : `, positive class ${code(doc.positiveClass)}`;
    const threshold = doc.threshold === undefined ? '' : `, threshold ${doc.threshold}`;
    parts.push(`Task: ${doc.task}${doc.taskInferred === undefined ? '' : ' (inferred)'}${label}${positive}${threshold}.`);
  }
  if (doc.bootstrap !== undefined) {
    const { resamples, seed, paired } = doc.bootstrap;
    parts.push(`Intervals: ${paired ? 'paired ' : ''}bootstrap, ${count(resamples)} resamples, seed ${seed}.`);
  }
  if (doc.noBaseline !== undefined) parts.push(doc.noBaseline);
  return parts.join(' ');
}

function ruleCell(outcomes: readonly RuleOutcome[]): string {
  return outcomes.map((outcome) => cell(outcome.check)).join('<br>');
}

function metricName(row: MetricRow): string {
  return row.title === row.name ? code(row.name) : `${row.title} (${code(row.name)})`;
}

function metricsTable(doc: EvaluationDocument): string {
  const outcomesOf = (name: string) => doc.outcomes.filter((outcome) => outcome.metric === name);
  const withBaseline = doc.baseline !== undefined;
  if (!withBaseline) {
    const rows = doc.metrics.map((row) => {
      const outcomes = outcomesOf(row.name);
      const status = worst(outcomes);
      return [metricName(row), formatValue(row.candidate), row.candidateInterval === undefined ? '' : formatInterval(row.candidateInterval), ruleCell(outcomes), status === undefined ? '' : RESULT[status]];
    });
    return markdownTable([['Metric', 'Candidate', '95% CI', 'Rule', 'Result'], ...rows], { align: ['l', 'r', 'c', 'l', 'l'] });
  }
  const rows = doc.metrics.map((row) => {
    const outcomes = outcomesOf(row.name);
    const status = worst(outcomes);
    return [
      metricName(row),
      row.baseline === undefined ? 'n/a' : formatValue(row.baseline),
      formatValue(row.candidate),
      row.delta === undefined ? '' : formatDelta(row.delta),
      row.deltaPct === undefined ? '' : formatPercent(row.deltaPct / 100),
      row.deltaInterval === undefined ? '' : formatInterval(row.deltaInterval, formatDelta),
      ruleCell(outcomes),
      status === undefined ? '' : RESULT[status],
    ];
  });
  return markdownTable([['Metric', 'Baseline', 'Candidate', 'Δ', 'Δ%', '95% CI of Δ', 'Rule', 'Result'], ...rows], {
    align: ['l', 'r', 'r', 'r', 'r', 'c', 'l', 'l'],
  });
}

/** Outcomes that are not about one of the table's metrics (e.g. a rule on a metric given only as a number). */
function failuresList(doc: EvaluationDocument): string {
  const failed = doc.outcomes.filter((outcome) => outcome.status === 'fail');
  if (failed.length <= 1) return '';
  const shown = failed.slice(0, MAX_LISTED).map((outcome) => `- ${outcome.reason}`);
  if (failed.length > MAX_LISTED) shown.push(`- … and ${failed.length - MAX_LISTED} more (see the slices below)`);
  return `Failed checks:\n${shown.join('\n')}`;
}

function sliceCell(row: SliceRow): string {
  return row.metrics
    .map((metric) => {
      if (metric.baseline === undefined || metric.delta === undefined) return `${metric.name} ${formatValue(metric.candidate)}`;
      return `${metric.name} ${formatValue(metric.baseline)} → ${formatValue(metric.candidate)} (${formatDelta(metric.delta)})`;
    })
    .join('<br>');
}

function slicesSection(doc: EvaluationDocument): string {
  const section = doc.slices;
  if (section === undefined) return '';
  const flagged = section.rows.filter((row) => worst(row.outcomes) === 'fail');
  const judged = section.rows.filter((row) => row.outcomes.length > 0);
  const status = (row: SliceRow): string => {
    const state = worst(row.outcomes);
    if (state !== undefined) return RESULT[state];
    return row.rows < section.minRows ? `too few rows (< ${count(section.minRows)})` : '';
  };
  const table = markdownTable(
    [['Column', 'Value', 'Rows', 'Metrics', 'Result'], ...section.rows.map((row) => [code(row.column), code(row.value), count(row.rows), sliceCell(row), status(row)])],
    { align: ['l', 'l', 'r', 'l', 'l'] },
  );
  const rule = section.rule === undefined ? 'shown, not judged' : `rule ${cell(section.rule)}`;
  const title =
    flagged.length > 0
      ? `❌ Slices: ${flagged.length} of ${judged.length} judged regress beyond the rule`
      : `Slices by ${section.columns.map(code).join(', ')} (${rule})`;
  const notes = flagged.map((row) => `- ${row.outcomes.filter((outcome) => outcome.status === 'fail').map((outcome) => outcome.reason).join('; ')}`);
  return details(title, [notes.join('\n'), table, `The largest ${section.top} values of each column have their own slice; the rest are \`other\`. Slices are judged on point estimates.`].filter((part) => part !== '').join('\n\n'));
}

function matrix(labels: readonly string[], values: readonly number[][]): string {
  return markdownTable([['true ↓ / predicted →', ...labels.map(code)], ...values.map((row, index) => [code(labels[index] ?? ''), ...row.map(count)])], {
    align: ['l', ...labels.map(() => 'r' as const)],
  });
}

function confusionSection(doc: EvaluationDocument): string {
  const confusion = doc.confusion;
  if (confusion === undefined) return '';
  const at = confusion.threshold === undefined ? '' : ` at threshold ${confusion.threshold}`;
  const parts = [`Candidate:\n\n${matrix(confusion.labels, confusion.candidate)}`];
  if (confusion.baseline !== undefined) parts.push(`Baseline:\n\n${matrix(confusion.labels, confusion.baseline)}`);
  return details(`Confusion matrix${at}`, parts.join('\n\n'));
}

function fingerprint(role: string, side: ModelSide | NumbersSide): string {
  if (side.kind === 'metrics') return `- ${role}: metrics from ${code(side.origin)}`;
  return `- ${role}: ${code(side.path)} sha256 ${code(side.sha256)} (input ${side.inputs.map(code).join(', ')}, output ${code(side.output)})`;
}

function fingerprintSection(doc: EvaluationDocument): string {
  const lines = [fingerprint('Candidate', doc.candidate)];
  if (doc.baseline !== undefined) lines.push(fingerprint('Baseline', doc.baseline));
  if (doc.data !== undefined) lines.push(`- Data: ${doc.data.map(code).join(', ')}${doc.rows === undefined ? '' : `, ${count(doc.rows)} rows`}`);
  if (doc.features !== undefined && doc.features.length > 0) lines.push(`- Features: ${doc.features.map(code).join(', ')}`);
  if (doc.taskInferred !== undefined) lines.push(`- Task: ${doc.taskInferred}`);
  for (const row of doc.metrics) {
    if (row.undefinedResamples !== undefined && row.undefinedResamples > 0) {
      lines.push(`- ${code(row.name)} was undefined in ${count(row.undefinedResamples)} resamples, left out of its intervals.`);
    }
  }
  lines.push(...doc.notes.map((note) => `- ${note}`));
  return details('Data and model fingerprints', lines.join('\n'));
}

function candidateIntervals(doc: EvaluationDocument): string {
  if (doc.baseline === undefined || !doc.metrics.some((row) => row.candidateInterval !== undefined)) return '';
  const rows = doc.metrics.map((row) => [
    metricName(row),
    row.baselineInterval === undefined ? '' : formatInterval(row.baselineInterval),
    row.candidateInterval === undefined ? '' : formatInterval(row.candidateInterval),
  ]);
  return details('95% intervals of each model', markdownTable([['Metric', 'Baseline', 'Candidate'], ...rows], { align: ['l', 'c', 'c'] }));
}

function reproduceSection(doc: EvaluationDocument): string {
  if (doc.reproduce === undefined) return '';
  return details('Reproduce locally', `From a checkout of cd4ml-actions (after \`npm ci\`), in this repository:\n\n\`\`\`sh\n${doc.reproduce}\n\`\`\``);
}

/** The report as Markdown; `checkName` is the check run that carries the verdict. */
export function renderGateMarkdown(doc: EvaluationDocument, checkName: string): string {
  return [
    headline(doc, checkName),
    context(doc),
    metricsTable(doc),
    failuresList(doc),
    slicesSection(doc),
    candidateIntervals(doc),
    confusionSection(doc),
    fingerprintSection(doc),
    reproduceSection(doc),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
