/**
 * compareColumn on the example data: June's customers (the reference) against July's (older, more
 * premium, higher spend) and against themselves, with Evidently's default methods, and the columns
 * that cannot be compared.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { classifyValue, newCell } from '../../src/core/data/cell.js';
import { type ColumnSide, compareColumn } from '../../src/core/drift/compare-column.js';
import { ColumnProfile } from '../../src/core/profile/column-profile.js';
import type { ProfileDocument } from '../../src/core/profile/profile.js';
import { validate } from '../support/validate.js';

let june: ProfileDocument;
let july: ProfileDocument;
beforeAll(async () => {
  june = (await validate('examples/data/customers.csv')).profile;
  july = (await validate('examples/data/customers-2024-07.csv')).profile;
});

function side(document: ProfileDocument, name: string): ColumnSide {
  const column = document.columns.find((entry) => entry.name === name)!;
  return { type: column.type, profile: ColumnProfile.fromState(column.state) };
}

// Reference values: scipy 1.10.1 on the CSV files (wasserstein_distance / np.std, jensenshannon with
// its natural log, ks_2samp, chi2_contingency without correction), nulls dropped.
describe('June against July (5,000 vs 2,000 rows: distances)', () => {
  test.each([
    // column, method, scipy's value, tolerance, drifted
    ['age', 'wasserstein', 0.3173094228589094, 1e-12, true],
    ['plan', 'jensenshannon', 0.08003834986558284, 1e-12, false],
    ['country', 'jensenshannon', 0.01647972095436813, 1e-12, false],
    ['churned', 'jensenshannon', 0.023297079601885616, 1e-12, false],
    // 2,959 distinct values: from the sketch, within its documented error (25% relative above 0.1).
    ['monthly_spend', 'wasserstein', 0.3553992835227033, 0.25 * 0.3553992835227033, true],
  ] as const)('%s: %s %f (± %f), drifted %s', (name, method, expected, tolerance, drifted) => {
    const result = compareColumn(name, side(june, name), side(july, name));
    expect(result.method).toBe(method);
    expect(result.threshold).toBe(0.1);
    expect(Math.abs(result.score - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, expected));
    expect(result.drifted).toBe(drifted);
    expect(result.exact).toBe(name !== 'monthly_spend');
  });

  test('a column against itself has distance 0 and no drift', () => {
    for (const name of ['age', 'plan', 'monthly_spend']) {
      const result = compareColumn(name, side(june, name), side(june, name));
      expect([name, result.score, result.drifted]).toEqual([name, 0, false]);
    }
  });
});

describe('overrides and small references (tests with an effect size)', () => {
  test('KS on age gives a p-value with D beside it', () => {
    const result = compareColumn('age', side(june, 'age'), side(july, 'age'), { method: 'ks' });
    expect(result.method).toBe('ks');
    expect(result.threshold).toBe(0.05);
    // ks_2samp: D 0.1329, p 1.9418944521115723e-22 (its exact method at these sizes); the profiles hold
    // age exactly, so D and the p-value of D are the sample's.
    expect(result.effect).toEqual({ name: 'D', value: expect.closeTo(0.1329, 12) });
    expect(Math.abs(result.score / 1.9418944521115723e-22 - 1)).toBeLessThan(1e-9);
    expect(result.exact).toBe(true);
    expect(result.drifted).toBe(true);
  });

  test("chi-square on plan gives a p-value with Cramér's V; z-test on churned the change of a share", () => {
    const plan = compareColumn('plan', side(june, 'plan'), side(july, 'plan'), { method: 'chisquare', threshold: 0.01 });
    expect(plan.score).toBeCloseTo(6.024081292591407e-17, 28);
    expect(plan.effect).toEqual({ name: "Cramér's V", value: expect.closeTo(0.10330009209746434, 12) });
    expect(plan.drifted).toBe(true);
    const churned = compareColumn('churned', side(june, 'churned'), side(july, 'churned'), { method: 'z' });
    expect(churned.effect?.name).toBe('share of 0, change');
    expect(churned.effect?.value).toBeGreaterThan(0);
  });

  test('a numeric method on a text column is not compared, and says why', () => {
    const result = compareColumn('plan', side(june, 'plan'), side(july, 'plan'), { method: 'wasserstein' });
    expect(result).toMatchObject({ drifted: false, note: 'Wasserstein (normed) needs a numeric column, and plan is category' });
  });
});

describe('columns that cannot be compared', () => {
  const numbers = (values: number[]) => {
    const profile = new ColumnProfile();
    const cell = newCell();
    let scratch: Buffer = Buffer.alloc(64);
    for (const value of values) {
      scratch = classifyValue(cell, value, scratch);
      profile.add(cell);
    }
    return profile;
  };
  test('a type that changed is drift of type, not a crash', () => {
    const result = compareColumn('plan', { type: 'integer', profile: numbers([1, 2, 3]) }, side(july, 'plan'));
    expect(result).toMatchObject({ drifted: true, note: 'the type changed from integer to category' });
    expect(result.method).toBeUndefined();
  });

  test('all null in the current data is drift; all null on both sides is not compared', () => {
    const empty = new ColumnProfile();
    empty.addNulls(10);
    expect(compareColumn('x', { type: 'integer', profile: numbers([1, 2]) }, { type: 'empty', profile: empty })).toMatchObject({
      drifted: true,
      note: 'every current value is null (the reference has 2 values)',
    });
    expect(compareColumn('x', { type: 'empty', profile: empty }, { type: 'empty', profile: empty })).toMatchObject({ drifted: false, note: 'every value is null on both sides' });
  });
});
