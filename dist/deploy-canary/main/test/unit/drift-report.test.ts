/**
 * The drift report: the verdict line, the context line, the table's rows for a test and a distance,
 * the charts of drifted columns, and columnChart's bins and categories from two small profiles.
 */
import { describe, expect, test } from 'vitest';
import { classifyValue, newCell } from '../../src/core/data/cell.js';
import type { ColumnDrift } from '../../src/core/drift/compare-column.js';
import type { DatasetDrift } from '../../src/core/drift/compare-profiles.js';
import { ColumnProfile } from '../../src/core/profile/column-profile.js';
import { type ColumnChart, columnChart, renderDriftMarkdown } from '../../src/core/report/drift-report.js';

const base = { exact: true, referenceValues: 5000, currentValues: 2000 };
const columns: ColumnDrift[] = [
  { ...base, column: 'country', referenceType: 'category', currentType: 'category', method: 'jensenshannon', score: 0.01648, threshold: 0.1, drifted: false },
  { ...base, column: 'age', referenceType: 'integer', currentType: 'integer', method: 'ks', score: 1.9418944521115723e-22, threshold: 0.05, drifted: true, effect: { name: 'D', value: 0.13291 } },
  { ...base, column: 'plan', referenceType: 'category', currentType: 'category', method: 'chisquare', score: 6.02e-17, threshold: 0.01, drifted: true, effect: { name: "Cramér's V", value: 0.10330009 } },
  { ...base, column: 'monthly_spend', referenceType: 'number', currentType: 'number', method: 'wasserstein', score: 0.3554, threshold: 0.1, drifted: true, exact: false },
  { ...base, column: 'zip', referenceType: 'integer', currentType: 'string', score: Number.NaN, threshold: Number.NaN, drifted: true, note: 'the type changed from integer to string' },
  { ...base, column: 'signup', referenceType: 'date', currentType: 'date', score: Number.NaN, threshold: Number.NaN, drifted: false, note: 'date columns are not compared' },
  { ...base, column: 'churned', referenceType: 'boolean', currentType: 'boolean', method: 'jensenshannon', score: 0.0233, threshold: 0.1, drifted: false },
  { ...base, column: 'note|x', referenceType: 'string', currentType: 'string', method: 'jensenshannon', score: 0.05, threshold: 0.1, drifted: false },
];
const drift: DatasetDrift = {
  columns,
  compared: 7,
  drifted: ['age', 'plan', 'monthly_spend', 'zip'],
  share: 4 / 7,
  driftShare: 0.5,
  datasetDrifted: true,
  onlyInReference: ['legacy_id'],
  onlyInCurrent: ['campaign'],
};
const ageChart: ColumnChart = { labels: ['≤ 32', '32–41', '41–63', '> 63'], reference: [0.25, 0.25, 0.3, 0.2], current: [0.1, 0.2, 0.4, 0.3] };
const context = { reference: 'customers.csv', current: 'customers-2024-07.csv', referenceRows: 5000, currentRows: 2000, charts: new Map([['age', ageChart]]) };

describe('renderDriftMarkdown', () => {
  const markdown = renderDriftMarkdown(drift, context);
  const lines = markdown.split('\n');

  test('the verdict and the context come first', () => {
    expect(lines[0]).toBe('### ⚠️ Data drift: 4 of 7 columns (57%) drifted');
    expect(lines[2]).toBe(
      'Reference `customers.csv` (5,000 rows) vs current `customers-2024-07.csv` (2,000 rows); dataset drift when at least 50% of the compared columns drift.',
    );
    const calm = renderDriftMarkdown({ ...drift, drifted: ['age'], share: 1 / 7, datasetDrifted: false }, context);
    expect(calm.split('\n')[0]).toBe('### ✅ No dataset drift: 1 of 7 columns (14%) drifted');
  });

  test('the table: a test with its effect size, a distance, a type change; drifted columns first', () => {
    const rows = lines.filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1])).toEqual(['age', 'plan', 'monthly_spend', 'zip', 'country', 'signup', 'churned', 'note\\|x']);
    expect(rows[0]).toMatch(/^\| `age`\s+\| integer\s+\| Kolmogorov–Smirnov\s+\| p = 1\.9e-22 \|\s+p < 0\.05 \|\s+D = 0\.1329 \|\s+▇▇█▆ → ▃▅█▆ \| ⚠️ drift\s+\|$/);
    expect(rows[1]).toMatch(/\| chi-square\s+\|\s+p = 6e-17 \|\s+p < 0\.01 \|\s+Cramér's V = 0\.1033 \|/);
    expect(rows[2]).toMatch(/^\| `monthly_spend` \| number\s+\| Wasserstein \(normed\)\s+\|\s+≈ 0\.3554 \|\s+≥ 0\.1 \|\s+\|\s+\| ⚠️ drift\s+\|$/);
    expect(rows[3]).toMatch(/^\| `zip`\s+\| integer → string \| —\s+\|\s+— \|\s+— \|.*\| ⚠️ type: integer → string\s+\|$/);
    expect(rows[4]).toMatch(/^\| `country`\s+\| category\s+\| Jensen–Shannon\s+\|\s+0\.01648 \|\s+≥ 0\.1 \|.*\| ✅ no\s+\|$/);
    expect(rows[5]).toMatch(/\| — date columns are not compared\s+\|$/);
  });

  test('charts of the drifted columns, one-sided columns and the explanation', () => {
    const start = lines.indexOf('<details><summary>Reference vs current: age</summary>');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 2, start + 10).join('\n')).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "age (bars: reference, line: current)"',
        '  x-axis ["≤ 32", "32–41", "41–63", "> 63"]',
        '  y-axis "share of rows" 0 --> 0.42',
        '  bar [0.25, 0.25, 0.3, 0.2]',
        '  line [0.1, 0.2, 0.4, 0.3]',
        '```',
      ].join('\n'),
    );
    expect(lines).toContain('Only in the reference: `legacy_id`. Only in the current data: `campaign`.');
    expect(lines).toContain('<details><summary>How to read this</summary>');
  });

  test('at most ten charts; no chart section without charts of drifted columns', () => {
    const many: ColumnDrift[] = Array.from({ length: 12 }, (_, i) => ({ ...columns[1]!, column: `c${i}` }));
    const charts = new Map(many.map((column) => [column.column, ageChart]));
    const text = renderDriftMarkdown({ ...drift, columns: many, drifted: many.map((column) => column.column) }, { ...context, charts });
    expect(text.match(/```mermaid/g)).toHaveLength(10);
    expect(text).toContain('<details><summary>Reference vs current: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, …</summary>');
    expect(renderDriftMarkdown(drift, { ...context, charts: new Map() })).not.toContain('Reference vs current');
  });
});

function profileOf(values: (number | string)[]): ColumnProfile {
  const profile = new ColumnProfile();
  const cell = newCell();
  let scratch: Buffer = Buffer.alloc(64);
  for (const value of values) {
    scratch = classifyValue(cell, value, scratch);
    profile.add(cell);
  }
  return profile;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('columnChart', () => {
  test('numeric columns in the reference-quantile bins of PSI', () => {
    const reference = profileOf(Array.from({ length: 100 }, (_, i) => i + 1));
    const current = profileOf(Array.from({ length: 50 }, (_, i) => 2 * i + 40));
    const chart = columnChart(reference, current, 'integer')!;
    expect(chart.labels).toEqual(['≤ 10', '10–20', '20–30', '30–40', '40–50', '50–60', '60–70', '70–80', '80–90', '> 90']);
    expect(chart.reference).toEqual(Array.from({ length: 10 }, () => 0.1));
    expect(chart.current.slice(0, 4)).toEqual([0, 0, 0, 0.02]);
    expect(sum(chart.reference)).toBeCloseTo(1, 12);
    expect(sum(chart.current)).toBeCloseTo(1, 12);
  });

  test('categorical columns: the ten largest reference categories, then other', () => {
    const letters = 'abcdefghijkl'.split('');
    const reference = profileOf(letters.flatMap((letter, i) => Array.from({ length: 12 - i }, () => letter)));
    const current = profileOf(['a', 'a', 'b', 'z', 'z', 'l']);
    const chart = columnChart(reference, current, 'category')!;
    expect(chart.labels).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'other']);
    expect(chart.reference[0]).toBeCloseTo(12 / 78, 12);
    expect(chart.current[0]).toBeCloseTo(2 / 6, 12);
    expect(chart.current[10]).toBeCloseTo(3 / 6, 12);
    expect(sum(chart.reference)).toBeCloseTo(1, 12);
    expect(sum(chart.current)).toBeCloseTo(1, 12);
  });

  test('no chart for an empty side', () => {
    expect(columnChart(profileOf([1, 2, 3]), new ColumnProfile(), 'integer')).toBeUndefined();
    expect(columnChart(profileOf(['a']), new ColumnProfile(), 'category')).toBeUndefined();
  });
});
