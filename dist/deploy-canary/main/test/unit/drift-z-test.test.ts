/**
 * proportionZTest against the pooled two-proportion z-test as Evidently defines it, evaluated with
 * numpy and scipy 1.10.1 (test/fixtures/reference/drift/z-test.json, written by make_ks_reference.py).
 * Tolerance: 1e-12 relative for the statistic and the p-value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { proportionZTest } from '../../src/core/drift/z-test.js';

interface ZCase {
  reference_positives: number;
  reference_total: number;
  current_positives: number;
  current_total: number;
  statistic: number;
  p_value: number;
}

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/reference/drift/z-test.json'), 'utf8')) as {
  scipy: string;
  cases: ZCase[];
};

function expectClose(actual: number, expected: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('proportionZTest against the reference formula', () => {
  test.each(fixture.cases.map((c) => [`${c.reference_positives}/${c.reference_total} vs ${c.current_positives}/${c.current_total}`, c] as const))(
    '%s',
    (_name, c) => {
      const result = proportionZTest(c.reference_positives, c.reference_total, c.current_positives, c.current_total);
      expectClose(result.statistic, c.statistic, 'statistic');
      expectClose(result.pValue, c.p_value, 'p-value');
    },
  );
});

describe('proportionZTest behaviour', () => {
  test('a worked example: 30/100 against 45/120', () => {
    // p1 = 0.3, p2 = 0.375, pooled 75/220; z = −0.075 / √(75/220 · 145/220 · (1/100 + 1/120)).
    const pooled = 75 / 220;
    const z = -0.075 / Math.sqrt(pooled * (1 - pooled) * (1 / 100 + 1 / 120));
    const result = proportionZTest(30, 100, 45, 120);
    expectClose(result.statistic, z, 'statistic');
    expect(result.statistic).toBeLessThan(0);
    expect(result.pValue).toBeGreaterThan(0.24);
    expect(result.pValue).toBeLessThan(0.26);
  });

  test('which value counts as positive changes only the sign', () => {
    const positives = proportionZTest(30, 100, 45, 120);
    const negatives = proportionZTest(70, 100, 75, 120);
    expectClose(negatives.statistic, -positives.statistic, 'statistic');
    expectClose(negatives.pValue, positives.pValue, 'p-value');
  });

  test('keeps relative precision for tiny p-values (Evidently’s 1 − cdf would give 0)', () => {
    const result = proportionZTest(0, 100, 100, 100);
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-40);
  });

  test('degenerate: every row of both samples the same value gives statistic 0, p-value 1', () => {
    expect(proportionZTest(0, 10, 0, 20)).toEqual({ statistic: 0, pValue: 1 });
    expect(proportionZTest(10, 10, 20, 20)).toEqual({ statistic: 0, pValue: 1 });
  });

  test('refuses counts that cannot be, naming the argument', () => {
    expect(() => proportionZTest(0, 0, 1, 2)).toThrow(/referenceTotal must be a positive count/);
    expect(() => proportionZTest(1, 2, 3, 2)).toThrow(/currentPositives must be a count in \[0, currentTotal = 2\]/);
    expect(() => proportionZTest(-1, 2, 1, 2)).toThrow(RangeError);
    expect(() => proportionZTest(1, Number.NaN, 1, 2)).toThrow(RangeError);
    expect(() => proportionZTest(1, 2, 1, Infinity)).toThrow(RangeError);
  });
});
