/**
 * The verdict: every rule of the schema judged on the whole dataset, passing or not, in schema order
 * (table rules first). Each finding says what was expected, how many rows were judged and broke it,
 * the fraction, the examples, and where the rule is written, so annotations can point at that line.
 */
import type { SourcePosition } from '../logger.js';
import type { ScanTotal } from '../scan/scan-total.js';
import { type Example, ROW_RULES, type RowRule } from './column-checks.js';
import type { ColumnRules, DataSchema } from './types.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** The column, or null for a table rule. */
  column: string | null;
  /** The rule as spelled in the schema file, e.g. `max_null_fraction`, `rows`, `columns.missing`, `key`. */
  rule: string;
  /** What the rule asks, in words: `≥ 18`, `one of US, DE, FR`, `no nulls`. */
  expected: string;
  severity: Severity;
  passed: boolean;
  /** Rows (or columns, for column-set rules) judged, and how many broke the rule. */
  checked: number;
  failed: number;
  /** failed / checked (0 when nothing was judged). */
  fraction: number;
  /** The share of judged rows that must pass (`mostly`), when below 1. */
  mostly?: number;
  examples: Example[];
  /** Values named without rows (extra or missing column names). */
  names?: string[];
  at?: SourcePosition;
}

/** A fraction as a percentage with three significant digits: 0.0006 → 0.06%. */
export const percent = (fraction: number): string => `${Number((fraction * 100).toPrecision(3))}%`;

/** A value cut to 40 characters for examples. */
export const shortValue = (value: string): string => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

function listed(values: readonly string[], limit = 10): string {
  const shown = values.slice(0, limit).join(', ');
  return values.length > limit ? `${shown}, … (${values.length} values)` : shown;
}

function expectation(rule: RowRule, rules: ColumnRules): string {
  switch (rule) {
    case 'type':
      return rules.type ?? '';
    case 'nullable':
      return 'no nulls';
    case 'min':
      return `≥ ${rules.min}`;
    case 'max':
      return `≤ ${rules.max}`;
    case 'exclusive_min':
      return `> ${rules.exclusiveMin}`;
    case 'exclusive_max':
      return `< ${rules.exclusiveMax}`;
    case 'allowed':
      return `one of ${listed(rules.allowed ?? [])}`;
    case 'pattern':
      return `matches /${rules.pattern}/`;
    case 'min_length':
      return `at least ${rules.minLength} characters`;
    case 'max_length':
      return `at most ${rules.maxLength} characters`;
    case 'unique':
      return 'unique values';
  }
}

function declared(rule: RowRule, rules: ColumnRules): boolean {
  switch (rule) {
    case 'type':
      return rules.type !== undefined;
    case 'nullable':
      return rules.nullable === false;
    case 'min':
      return rules.min !== undefined;
    case 'max':
      return rules.max !== undefined;
    case 'exclusive_min':
      return rules.exclusiveMin !== undefined;
    case 'exclusive_max':
      return rules.exclusiveMax !== undefined;
    case 'allowed':
      return rules.allowed !== undefined;
    case 'pattern':
      return rules.pattern !== undefined;
    case 'min_length':
      return rules.minLength !== undefined;
    case 'max_length':
      return rules.maxLength !== undefined;
    case 'unique':
      return rules.unique === true;
  }
}

export function evaluate(schema: DataSchema, total: ScanTotal): Finding[] {
  const findings: Finding[] = [];
  const at = (key: string): SourcePosition | undefined => schema.positions.get(key);
  const push = (finding: Omit<Finding, 'at'>, ...keys: string[]): void => {
    const position = keys.map(at).find((p) => p !== undefined);
    findings.push(position === undefined ? finding : { ...finding, at: position });
  };

  const rows = schema.table.rows;
  if (rows !== undefined) {
    const tooFew = rows.min !== undefined && total.rows < rows.min;
    const tooMany = rows.max !== undefined && total.rows > rows.max;
    const bounds = [rows.min === undefined ? '' : `≥ ${rows.min}`, rows.max === undefined ? '' : `≤ ${rows.max}`].filter(Boolean).join(' and ');
    push(
      { column: null, rule: 'rows', expected: `${bounds} rows`, severity: 'error', passed: !tooFew && !tooMany, checked: total.rows, failed: tooFew || tooMany ? 1 : 0, fraction: 0, examples: [] },
      'table.rows',
      'table',
    );
  }
  const dataColumns = new Set(total.columns);
  const missing = [...schema.columns.keys()].filter((name) => !dataColumns.has(name));
  const extra = total.columns.filter((name) => !schema.columns.has(name));
  const missingPolicy = schema.table.columns?.missing ?? 'error';
  const extraPolicy = schema.table.columns?.extra ?? 'warn';
  if (missing.length > 0) {
    push(
      { column: null, rule: 'columns.missing', expected: 'every schema column present', severity: missingPolicy === 'warn' ? 'warning' : 'error', passed: false, checked: schema.columns.size, failed: missing.length, fraction: missing.length / schema.columns.size, examples: [], names: missing },
      ...missing.map((name) => `columns.${name}`),
    );
  }
  if (extra.length > 0 && extraPolicy !== 'ignore') {
    push(
      { column: null, rule: 'columns.extra', expected: 'no columns beyond the schema', severity: extraPolicy === 'warn' ? 'warning' : 'error', passed: false, checked: total.columns.length, failed: extra.length, fraction: extra.length / total.columns.length, examples: [], names: extra },
      'table.columns',
      'table',
    );
  }
  const key = schema.table.key;
  if (key !== undefined && key.every((name) => dataColumns.has(name))) {
    push(
      { column: null, rule: 'key', expected: `unique (${key.join(', ')})`, severity: 'error', passed: total.keyFailures === 0, checked: total.rows, failed: total.keyFailures, fraction: total.rows === 0 ? 0 : total.keyFailures / total.rows, examples: total.keyExamples },
      'table.key',
    );
  }

  for (const [name, rules] of schema.columns) {
    const profile = total.profiles.get(name);
    const checks = total.checks.get(name);
    if (profile === undefined || checks === undefined) continue;
    const severity: Severity = rules.severity ?? 'error';
    const mostly = rules.mostly ?? 1;
    ROW_RULES.forEach((rule, index) => {
      if (!declared(rule, rules)) return;
      const failed = checks.failures[index]!;
      const checked = rule === 'nullable' ? total.rows : profile.count;
      const fraction = checked === 0 ? 0 : failed / checked;
      const tolerant = rule !== 'nullable' && mostly < 1;
      const passed = tolerant ? 1 - fraction >= mostly : failed === 0;
      const finding: Omit<Finding, 'at'> = { column: name, rule, expected: expectation(rule, rules), severity, passed, checked, failed, fraction, examples: checks.examples[index]! };
      if (tolerant) finding.mostly = mostly;
      push(finding, `columns.${name}.${rule}`, `columns.${name}`);
    });
    if (rules.maxNullFraction !== undefined) {
      const fraction = total.rows === 0 ? 0 : profile.nulls / total.rows;
      push(
        { column: name, rule: 'max_null_fraction', expected: `at most ${percent(rules.maxNullFraction)} nulls`, severity, passed: fraction <= rules.maxNullFraction, checked: total.rows, failed: profile.nulls, fraction, examples: [] },
        `columns.${name}.max_null_fraction`,
        `columns.${name}`,
      );
    }
  }
  return findings;
}

/** One line for a failed finding: what broke, how often, and the first examples. */
export function describeFinding(finding: Finding): string {
  const subject = finding.column === null ? 'table' : `column "${finding.column}"`;
  if (finding.rule === 'columns.missing') return `${subject}: ${finding.failed} schema column${finding.failed === 1 ? ' is' : 's are'} missing from the data: ${listed(finding.names ?? [])}.`;
  if (finding.rule === 'columns.extra') return `${subject}: ${finding.failed} column${finding.failed === 1 ? ' is' : 's are'} not in the schema: ${listed(finding.names ?? [])}.`;
  if (finding.rule === 'rows') return `${subject}: ${finding.checked} rows, expected ${finding.expected}.`;
  const share = `${finding.failed} of ${finding.checked} rows (${percent(finding.fraction)})`;
  const tolerance = finding.mostly === undefined ? '' : `; at most ${percent(1 - finding.mostly)} may fail (mostly: ${finding.mostly})`;
  const examples = finding.examples.length === 0 ? '' : `; e.g. ${finding.examples.map(describeExample).join(', ')}`;
  return `${subject}: ${share} break ${finding.rule} (${finding.expected})${tolerance}${examples}.`;
}

export function describeExample(example: Example): string {
  const where = `${example.source === undefined ? '' : `${example.source} `}row ${example.row}`;
  if (example.value === undefined) return where;
  if (example.value === null) return `${where}: null`;
  return `${where}: ${JSON.stringify(shortValue(example.value))}`;
}
