/**
 * An endpoint's first version answers the replayed requests alone before it goes live: model
 * failures count against max-error-rate, requests the server would refuse do not.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFirstVersion, firstVersionProblem } from '../../src/core/deploy/first-version-check.js';
import { ROOT } from '../support/runner.js';

const FEATURES = ['age', 'tenure_months', 'monthly_spend', 'support_tickets'];
const GOOD = join(ROOT, 'examples/models/churn-v2.onnx');
// Scores batches of a multiple of 5 rows; fails every other request.
const FIXED_BATCH = join(ROOT, 'examples/models/churn-fixed-batch.onnx');

const row = (age: number | null) => JSON.stringify({ age, tenure_months: 12, monthly_spend: 30.5, support_tickets: 1 });
const five = JSON.stringify({ rows: [row(30), row(40), row(50), row(60), row(70)].map((text) => JSON.parse(text) as unknown) });
const LINES = [row(30), row(null), five, 'not json', JSON.stringify({ age: 30 })];

describe('checkFirstVersion', () => {
  test('a sound model answers every accepted request; refused lines are counted apart', async () => {
    const check = await checkFirstVersion(GOOD, 'v1', LINES, FEATURES);
    expect(check).toEqual({ requests: 3, errors: 0, rejected: 2 });
    expect(firstVersionProblem(check, 0.05)).toBeUndefined();
  });

  test('a model that fails single-row requests is held to max-error-rate', async () => {
    const check = await checkFirstVersion(FIXED_BATCH, 'v1', LINES, FEATURES);
    expect(check.requests).toBe(3);
    expect(check.errors).toBe(2); // the two single rows; the batch of five scores
    expect(check.rejected).toBe(2);
    expect(check.firstError).toMatch(/Reshape/);
    expect(firstVersionProblem(check, 0.05)).toMatch(/^it failed 2 of 3 replayed requests \(error rate 66\.7% > 5%\); first: .*Reshape/);
    expect(firstVersionProblem(check, 0.7)).toBeUndefined();
  });

  test('with no accepted request there is nothing to hold against the version', () => {
    expect(firstVersionProblem({ requests: 0, errors: 0, rejected: 4 }, 0)).toBeUndefined();
  });
});
