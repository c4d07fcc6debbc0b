import { beforeAll, describe, expect, test } from 'vitest';
import { compareProfiles } from '../../src/core/drift/compare-profiles.js';
import type { ProfileDocument } from '../../src/core/profile/profile.js';
import { validate } from '../support/validate.js';

let june: ProfileDocument;
let july: ProfileDocument;
beforeAll(async () => {
  june = (await validate('examples/data/customers.csv')).profile;
  july = (await validate('examples/data/customers-2024-07.csv')).profile;
});

describe('compareProfiles', () => {
  test('June against July: the drifted columns, the share and the verdict', () => {
    const result = compareProfiles(june, july, { driftShare: 0.5, overrides: [{ column: 'customer_id', skip: true, line: 3 }, { column: 'email', skip: true, line: 4 }] });
    expect(result.columns.map((column) => column.column)).toEqual(['age', 'country', 'plan', 'signup_date', 'tenure_months', 'monthly_spend', 'support_tickets', 'last_login', 'churned']);
    expect(result.columns.find((column) => column.column === 'signup_date')?.note).toBe('date columns are not compared');
    expect(result.drifted).toEqual(['age', 'monthly_spend']);
    expect(result.compared).toBe(7);
    expect(result.share).toBeCloseTo(2 / 7, 15);
    expect(result.datasetDrifted).toBe(false);
    const lower = compareProfiles(june, july, { driftShare: 0.2, columns: ['age', 'plan', 'country', 'monthly_spend'] });
    expect(lower.compared).toBe(4);
    expect(lower.datasetDrifted).toBe(true);
  });

  test('the same data has no drift', () => {
    const result = compareProfiles(june, june, { driftShare: 0.5 });
    expect(result.drifted).toEqual([]);
    expect(result.datasetDrifted).toBe(false);
  });

  test.each([
    [{ columns: ['agee'] }, 'Input "columns" names agee, which is not in either side; shared columns: customer_id, age, country, plan, signup_date, tenure_months, monthly_spend, support_tickets, email, last_login, churned.'],
    [{ overrides: [{ column: 'agee', method: 'ks' as const, line: 2 }] }, 'The config names column agee (line 2), which is in neither the reference nor the current data.'],
  ])('bad input: %j', (options, message) => {
    expect(() => compareProfiles(june, july, { driftShare: 0.5, ...options })).toThrow(message);
  });

  test('no shared column is one clear message', () => {
    const other: ProfileDocument = { ...july, columns: july.columns.map((column) => ({ ...column, name: `${column.name}_v2` })) };
    expect(() => compareProfiles(june, other, { driftShare: 0.5 })).toThrow(/^The reference and the current data share no column \(reference: customer_id, age, /);
  });
});
