/**
 * The validate-data report, as Markdown for the job summary and pull request, and as JSON for other
 * tools. Failed checks come first with their counts and examples; passing checks and the per-column
 * profile follow in collapsed sections.
 */
import { markdownTable } from 'markdown-table';
import type { ColumnProfileDocument, ProfileDocument } from '../profile/profile.js';
import { describeExample, type Finding, percent, shortValue } from '../schema/evaluate.js';

export const REPORT_FORMAT = 'cd4ml-validation-report';

export interface ValidationReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  valid: boolean;
  errors: number;
  warnings: number;
  rows: number;
  sources: ProfileDocument['sources'];
  schema: string | null;
  findings: Finding[];
}

const count = (value: number): string => value.toLocaleString('en-US');

/** Inline code for a table cell: backticks doubled as needed, pipes escaped. */
export function code(text: string): string {
  const clean = text.replace(/\r?\n/g, '↵').replaceAll('|', '\\|');
  const fence = clean.includes('`') ? '``' : '`';
  const pad = fence.length > 1 ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

function number(value: number | string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return count(value);
  return String(Number(value.toPrecision(4)));
}

function checkName(finding: Finding): string {
  return finding.column === null ? `table ${finding.rule}` : `${code(finding.column)} ${finding.rule}`;
}

function failedCell(finding: Finding): string {
  if (finding.rule === 'rows') return `${count(finding.checked)} rows`;
  if (finding.names !== undefined) return finding.names.map(code).join(', ');
  const share = `${count(finding.failed)} of ${count(finding.checked)} (${percent(finding.fraction)})`;
  return finding.mostly === undefined ? share : `${share}; mostly ${finding.mostly}`;
}

function examplesCell(finding: Finding): string {
  return finding.examples
    .map((example) => {
      const text = describeExample({ ...example, value: undefined });
      if (example.value === undefined) return text;
      if (example.value === null) return `${text}: null`;
      return `${text}: ${code(shortValue(example.value))}`;
    })
    .join('<br>');
}

function checksTable(findings: readonly Finding[]): string {
  const icon = (finding: Finding): string => (finding.passed ? '✅' : finding.severity === 'error' ? '❌' : '⚠️');
  return markdownTable([
    ['', 'Check', 'Expected', 'Failed', 'Examples'],
    ...findings.map((finding) => [icon(finding), checkName(finding), finding.expected.replaceAll('|', '\\|'), finding.passed && finding.failed === 0 ? '0' : failedCell(finding), examplesCell(finding)]),
  ]);
}

function profileRow(column: ColumnProfileDocument, rows: number): string[] {
  const s = column.summary;
  const distinct = `${column.distinct.exact ? '' : '≈'}${count(column.distinct.value)}`;
  let shape = '';
  if (s.mean !== undefined) shape = `mean ${number(s.mean)}${s.std === undefined ? '' : ` ± ${number(s.std)}`}`;
  else if (s.top !== undefined) shape = s.top.values.slice(0, 3).map(([value, n]) => `${code(String(value))} ${percent(n / column.count)}`).join(', ');
  else if (s.length !== undefined) shape = `length ${s.length.min}–${s.length.max}`;
  const nulls = column.nulls === 0 ? '0' : `${count(column.nulls)} (${percent(column.nulls / rows)})`;
  return [code(column.name), column.type, nulls, distinct, number(s.min), number(s.quantiles?.['0.5']), number(s.max), shape];
}

export function profileTable(profile: ProfileDocument): string {
  return markdownTable(
    [['Column', 'Type', 'Nulls', 'Distinct', 'Min', 'Median', 'Max', 'Shape'], ...profile.columns.map((column) => profileRow(column, profile.rows))],
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l'] },
  );
}

export function renderValidationMarkdown(report: ValidationReport, profile: ProfileDocument): string {
  const failed = report.findings.filter((finding) => !finding.passed);
  const passed = report.findings.filter((finding) => finding.passed);
  const tally = [report.errors > 0 ? `${report.errors} error${report.errors === 1 ? '' : 's'}` : '', report.warnings > 0 ? `${report.warnings} warning${report.warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(', ');
  const title = report.schema === null ? '📊 Data profile' : report.errors > 0 ? `❌ Data validation failed: ${tally}` : report.warnings > 0 ? `⚠️ Data validation passed with ${tally}` : '✅ Data validation passed';
  const files = report.sources.length === 1 ? code(report.sources[0]!.name) : `${report.sources.length} files`;
  const lines = [
    `### ${title}`,
    '',
    `${files} · ${count(report.rows)} rows · ${profile.columns.length} columns${report.schema === null ? '' : ` · schema ${code(report.schema)}`}`,
    '',
  ];
  if (failed.length > 0) lines.push(checksTable(failed), '');
  if (passed.length > 0) lines.push(`<details><summary>${passed.length} check${passed.length === 1 ? '' : 's'} passed</summary>`, '', checksTable(passed), '', '</details>', '');
  lines.push('<details><summary>Profile</summary>', '', profileTable(profile), '', `Quantiles are within ±${percent(profile.rank_error)} in rank (KLL sketch); ≈ marks an estimated distinct count.`, '', '</details>');
  return lines.join('\n');
}
