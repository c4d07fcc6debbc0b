/**
 * Every rule of the example schema judged on a deliberately broken copy of the example data, against
 * the failures recorded independently by examples/make_broken.py (and checked with pandas by
 * test/fixtures/reference/check_schema.py).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/core/schema/evaluate.js';
import { ROOT } from '../support/runner.js';
import { validate } from '../support/validate.js';

interface ExpectedCheck {
  failing_rows: number;
  first_rows: number[];
  first_values: (string | null | string[])[];
  checked_rows: number;
  passed: boolean;
}

const expected = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/reference/customers-broken.expected.json'), 'utf8')) as {
  rows: number;
  failed: { error: string[]; warning: string[] };
  columns: Record<string, Record<string, ExpectedCheck>>;
  table: { key: ExpectedCheck };
};

const SCHEMA = 'examples/customers.schema.yaml';

describe('the broken example dataset', async () => {
  const { report } = await validate('examples/data/customers-broken.csv', SCHEMA);
  const find = (column: string | null, rule: string): Finding => report.findings.find((finding) => finding.column === column && finding.rule === rule)!;

  test('fails exactly the recorded checks', () => {
    expect(report.rows).toBe(expected.rows);
    const failed = report.findings.filter((finding) => !finding.passed).map((finding) => (finding.column === null ? `table.${finding.rule}` : `${finding.column}.${finding.rule}`));
    expect(failed.sort()).toEqual([...expected.failed.error, ...expected.failed.warning].sort());
    expect(report.errors).toBe(expected.failed.error.length);
    expect(report.warnings).toBe(expected.failed.warning.length);
    expect(report.valid).toBe(false);
  });

  const rows = Object.entries(expected.columns).flatMap(([column, rules]) => Object.entries(rules).map(([rule, check]) => [column, rule, check] as const));
  test.each(rows)('%s %s: failing rows, rows judged, first examples', (column, rule, check) => {
    const finding = find(column, rule);
    expect(finding, `${column}.${rule}`).toBeDefined();
    expect(finding.failed).toBe(check.failing_rows);
    expect(finding.checked).toBe(check.checked_rows);
    expect(finding.passed).toBe(check.passed);
    if (rule !== 'max_null_fraction') {
      expect(finding.examples.map((example) => example.row)).toEqual(check.first_rows);
      expect(finding.examples.map((example) => example.value)).toEqual(check.first_values);
      expect(finding.examples.map((example) => example.line)).toEqual(check.first_rows.map((row) => row + 1));
    }
  });

  test('table key: duplicates after their first occurrence', () => {
    const finding = find(null, 'key');
    expect(finding.failed).toBe(expected.table.key.failing_rows);
    expect(finding.examples.map((example) => example.row)).toEqual(expected.table.key.first_rows);
    expect(finding.examples.map((example) => example.value)).toEqual(expected.table.key.first_values.map((values) => (values as string[]).join(', ')));
  });

  test('findings point at the schema line of their rule', () => {
    const schemaLines = readFileSync(join(ROOT, SCHEMA), 'utf8').split('\n');
    const age = find('age', 'min');
    expect(age.at?.file).toBe(SCHEMA);
    expect(schemaLines[age.at!.line! - 1]).toMatch(/^\s+age:/);
    expect(schemaLines[find(null, 'key').at!.line! - 1]).toMatch(/^\s+key:/);
  });

  test('the clean data passes every rule', async () => {
    const clean = await validate('examples/data/customers.csv', SCHEMA);
    expect(clean.report.findings.filter((finding) => !finding.passed)).toEqual([]);
    expect(clean.report.valid).toBe(true);
  });
});
