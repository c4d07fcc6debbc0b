/**
 * The check-drift report in Markdown, in the evaluate-gate report's style: the verdict first (how many
 * of the compared columns drifted against `drift-share`), one table a reviewer can read in ten seconds
 * (Column | Type | Method | Score | Threshold | Effect size | Distribution | Drift), then collapsed
 * sections: reference-vs-current charts of the drifted columns and how to read the numbers.
 *
 * The charts come from the two profiles (columnChart): numeric columns in the reference-quantile bins
 * of PSI (profilePsi), categorical ones as the ten largest reference categories and `other`.
 */
import { markdownTable } from 'markdown-table';
import { cell, details } from './markdown.js';
import type { ColumnDrift } from '../drift/compare-column.js';
import type { DatasetDrift } from '../drift/compare-profiles.js';
import { METHOD_INFO } from '../drift/methods.js';
import { profileCategoryCounts } from '../drift/profile-categories.js';
import { profilePsi } from '../drift/profile-distributions.js';
import type { ColumnProfile } from '../profile/column-profile.js';
import type { ProfiledType } from '../profile/profile.js';
import { mermaidXyChart, textHistogram } from './charts.js';
import { formatDelta, formatPercent, formatValue } from './numbers.js';
import { code } from './validation-report.js';

/** One column's distribution on both sides: the share of its values in each bin or category. */
export interface ColumnChart {
  labels: string[];
  reference: number[];
  current: number[];
}

export interface DriftReportContext {
  /** Where the reference came from (a file or a stored profile), shown as code. */
  reference: string;
  current: string;
  referenceRows: number;
  currentRows: number;
  /** Charts by column name (columnChart); columns without one get no distribution or chart. */
  charts: Map<string, ColumnChart>;
}

/** Charts shown in the collapsed section, drifted columns in table order. */
export const MAX_CHARTS = 10;
/** Categories charted by name; the rest are summed as `other`. */
export const TOP_CATEGORIES = 10;

const NUMERIC: ReadonlySet<ProfiledType> = new Set(['integer', 'number']);
const count = (value: number): string => value.toLocaleString('en-US');

/** Bin labels for the interior edges e₀ < e₁ < …: `≤ e₀`, `e₀–e₁`, …, `> e_last` (one bin: `all values`). */
function binLabels(edges: readonly number[]): string[] {
  if (edges.length === 0) return ['all values'];
  const labels = [`≤ ${formatValue(edges[0]!)}`];
  for (let i = 1; i < edges.length; i += 1) labels.push(`${formatValue(edges[i - 1]!)}–${formatValue(edges[i]!)}`);
  labels.push(`> ${formatValue(edges[edges.length - 1]!)}`);
  return labels;
}

/**
 * The shares of a column's values on both sides, for the report's histogram and chart: numeric
 * columns (`integer`, `number`) in profilePsi's bins at the reference's deciles; other columns as the
 * TOP_CATEGORIES categories of either side with the largest reference share (then current share, then
 * name) and `other` for the rest. Undefined when a side has no values, or a categorical column's
 * profile keeps no counts (more than 1,000 distinct values). O(m log m) for m support points or
 * categories.
 */
export function columnChart(reference: ColumnProfile, current: ColumnProfile, type: ProfiledType): ColumnChart | undefined {
  if (type === 'empty') return undefined;
  if (NUMERIC.has(type)) {
    const psi = profilePsi(reference, current);
    if (psi.referenceShares.length === 0 || psi.referenceCount === 0 || psi.currentCount === 0) return undefined;
    return { labels: binLabels(psi.edges), reference: psi.referenceShares, current: psi.currentShares };
  }
  const referenceCounts = profileCategoryCounts(reference);
  const currentCounts = profileCategoryCounts(current);
  if (!referenceCounts.exact || !currentCounts.exact) return undefined;
  const sum = (counts: ReadonlyMap<string, number>) => [...counts.values()].reduce((total, n) => total + n, 0);
  const referenceTotal = sum(referenceCounts.counts);
  const currentTotal = sum(currentCounts.counts);
  if (referenceTotal === 0 || currentTotal === 0) return undefined;
  const referenceShare = (name: string) => (referenceCounts.counts.get(name) ?? 0) / referenceTotal;
  const currentShare = (name: string) => (currentCounts.counts.get(name) ?? 0) / currentTotal;
  const names = [...new Set([...referenceCounts.counts.keys(), ...currentCounts.counts.keys()])].sort(
    (a, b) => referenceShare(b) - referenceShare(a) || currentShare(b) - currentShare(a) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const top = names.slice(0, TOP_CATEGORIES);
  const chart: ColumnChart = { labels: [...top], reference: top.map(referenceShare), current: top.map(currentShare) };
  const rest = names.slice(TOP_CATEGORIES);
  if (rest.length > 0) {
    chart.labels.push('other');
    chart.reference.push(rest.reduce((total, name) => total + referenceShare(name), 0));
    chart.current.push(rest.reduce((total, name) => total + currentShare(name), 0));
  }
  return chart;
}

function compared(column: ColumnDrift): boolean {
  return column.method !== undefined && !Number.isNaN(column.score);
}

function isTest(column: ColumnDrift): boolean {
  return column.method !== undefined && METHOD_INFO[column.method].score === 'p_value';
}

function percentOf(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function headline(drift: DatasetDrift): string {
  const counted = `${drift.drifted.length} of ${drift.compared} column${drift.compared === 1 ? '' : 's'} (${percentOf(drift.share)}) drifted`;
  return drift.datasetDrifted ? `### ⚠️ Data drift: ${counted}` : `### ✅ No dataset drift: ${counted}`;
}

function contextLine(drift: DatasetDrift, context: DriftReportContext): string {
  const rows = (n: number) => `${count(n)} row${n === 1 ? '' : 's'}`;
  return (
    `Reference ${code(context.reference)} (${rows(context.referenceRows)}) vs current ${code(context.current)} (${rows(context.currentRows)}); ` +
    `dataset drift when at least ${formatPercent(drift.driftShare, { signed: false })} of the compared columns drift.`
  );
}

function typeCell(column: ColumnDrift): string {
  return column.referenceType === column.currentType ? column.referenceType : `${column.referenceType} → ${column.currentType}`;
}

function scoreCell(column: ColumnDrift): string {
  if (!compared(column)) return '—';
  const approximate = column.exact ? '' : '≈ ';
  return isTest(column) ? `p ${column.exact ? '=' : '≈'} ${formatValue(column.score, 2)}` : `${approximate}${formatValue(column.score)}`;
}

function thresholdCell(column: ColumnDrift): string {
  if (!compared(column) || Number.isNaN(column.threshold)) return '—';
  return isTest(column) ? `p < ${formatValue(column.threshold)}` : `≥ ${formatValue(column.threshold)}`;
}

function effectCell(column: ColumnDrift): string {
  if (column.effect === undefined) return '';
  const value = column.effect.name.endsWith('change') ? formatDelta(column.effect.value) : formatValue(column.effect.value);
  return `${column.effect.name} = ${value}`;
}

function distributionCell(chart: ColumnChart | undefined): string {
  return chart === undefined ? '' : `${textHistogram(chart.reference)} → ${textHistogram(chart.current)}`;
}

function driftCell(column: ColumnDrift): string {
  if (compared(column)) {
    const verdict = column.drifted ? '⚠️ drift' : '✅ no';
    return column.note === undefined ? verdict : `${verdict} (${column.note})`;
  }
  if (column.referenceType !== column.currentType && column.note?.startsWith('the type changed') === true) {
    return `⚠️ type: ${column.referenceType} → ${column.currentType}`;
  }
  const note = column.note ?? 'not compared';
  return column.drifted ? `⚠️ ${note}` : `— ${note}`;
}

/** Drifted columns first, then the rest, each in the comparison's order. */
function ordered(drift: DatasetDrift): ColumnDrift[] {
  return [...drift.columns.filter((column) => column.drifted), ...drift.columns.filter((column) => !column.drifted)];
}

function columnsTable(drift: DatasetDrift, context: DriftReportContext): string {
  const rows = ordered(drift).map((column) => [
    code(column.column),
    cell(typeCell(column)),
    column.method === undefined ? '—' : cell(METHOD_INFO[column.method].title),
    cell(scoreCell(column)),
    cell(thresholdCell(column)),
    cell(effectCell(column)),
    distributionCell(context.charts.get(column.column)),
    cell(driftCell(column)),
  ]);
  return markdownTable([['Column', 'Type', 'Method', 'Score', 'Threshold', 'Effect size', 'Distribution', 'Drift'], ...rows], {
    align: ['l', 'l', 'l', 'r', 'r', 'r', 'c', 'l'],
  });
}

function chartsSection(drift: DatasetDrift, context: DriftReportContext): string {
  const charted = drift.columns.filter((column) => column.drifted && context.charts.has(column.column));
  if (charted.length === 0) return '';
  const shown = charted.slice(0, MAX_CHARTS);
  const blocks = shown.map((column) => {
    const chart = context.charts.get(column.column)!;
    return mermaidXyChart({
      title: column.column,
      labels: chart.labels,
      yLabel: 'share of rows',
      bars: { name: 'reference', values: chart.reference },
      line: { name: 'current', values: chart.current },
    });
  });
  if (charted.length > shown.length) blocks.push(`The first ${MAX_CHARTS} of ${charted.length} drifted columns are shown.`);
  return details(`Reference vs current: ${shown.map((column) => column.column).join(', ')}${charted.length > shown.length ? ', …' : ''}`, blocks.join('\n\n'));
}

function oneSidedLine(drift: DatasetDrift): string {
  const parts: string[] = [];
  if (drift.onlyInReference.length > 0) parts.push(`Only in the reference: ${drift.onlyInReference.map(code).join(', ')}.`);
  if (drift.onlyInCurrent.length > 0) parts.push(`Only in the current data: ${drift.onlyInCurrent.map(code).join(', ')}.`);
  return parts.join(' ');
}

function howToRead(): string {
  return details(
    'How to read this',
    [
      '- **Tests** (Kolmogorov–Smirnov, chi-square, z-test) give a p-value: the chance of a difference at least this large if both samples came from one distribution. A column drifts when p is **below** the threshold.',
      '- **Distances** (Wasserstein normed by the reference standard deviation, Jensen–Shannon, PSI) measure how far apart the distributions are. A column drifts when the distance is **at or above** the threshold.',
      '- With large samples a test flags even tiny shifts as significant, so every p-value comes with an effect size (KS D, Cramér\'s V, the change of a share): a small p with a small effect is a real but slight shift.',
      '- **Distribution** shows the reference\'s shares → the current shares, each scaled to its largest bin: numeric columns in the reference\'s decile bins, categorical ones by the largest reference categories.',
      '- `≈` marks a statistic computed from a quantile sketch (columns with more than 1,000 distinct values), within its documented error of the exact value.',
    ].join('\n'),
  );
}

/** The drift report as Markdown: the verdict, the columns table, charts of the drifted columns, notes. */
export function renderDriftMarkdown(drift: DatasetDrift, context: DriftReportContext): string {
  return [headline(drift), contextLine(drift, context), columnsTable(drift, context), chartsSection(drift, context), oneSidedLine(drift), howToRead()]
    .filter((part) => part !== '')
    .join('\n\n');
}
