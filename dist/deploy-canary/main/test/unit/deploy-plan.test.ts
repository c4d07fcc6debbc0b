import { describe, expect, test } from 'vitest';
import { planRollout, type PlanOptions } from '../../src/core/deploy/plan.js';
import type { Strategy } from '../../src/core/deploy/types.js';
import { inputErrorMessage } from '../support/input-error.js';

const defaults: PlanOptions = { canaryPercent: 10, linearStepPercent: 20, bakeMinutes: 10 };

describe('planRollout', () => {
  test.each<[string, Strategy, Partial<PlanOptions>, number[]]>([
    ['canary 10%, then all', 'canary', {}, [10, 100]],
    ['a canary of 100% is one step', 'canary', { canaryPercent: 100 }, [100]],
    ['linear 30% ends exactly at 100', 'linear', { linearStepPercent: 30 }, [30, 60, 90, 100]],
    ['linear 25% does not repeat 100', 'linear', { linearStepPercent: 25 }, [25, 50, 75, 100]],
    ['linear 20%', 'linear', {}, [20, 40, 60, 80, 100]],
    ['linear 100% is one step', 'linear', { linearStepPercent: 100 }, [100]],
    ['linear 60% is 60 then 100', 'linear', { linearStepPercent: 60 }, [60, 100]],
    ['all at once', 'all-at-once', {}, [100]],
    ['shadow takes no live traffic', 'shadow', {}, [0]],
  ])('%s', (_name, strategy, options, percents) => {
    const plan = planRollout(strategy, { ...defaults, ...options });
    expect(plan.strategy).toBe(strategy);
    expect(plan.steps.map((step) => step.percent)).toEqual(percents);
    expect(plan.steps.every((step) => step.bakeMs === 600_000)).toBe(true);
  });

  test('every step bakes, the last 100% step too; fractional minutes become whole milliseconds', () => {
    expect(planRollout('canary', { ...defaults, bakeMinutes: 2.5 }).steps).toEqual([
      { percent: 10, bakeMs: 150_000 },
      { percent: 100, bakeMs: 150_000 },
    ]);
    expect(planRollout('all-at-once', { ...defaults, bakeMinutes: 0 }).steps).toEqual([{ percent: 100, bakeMs: 0 }]);
  });

  test('small linear steps read as the decimals they are', () => {
    const steps = planRollout('linear', { ...defaults, linearStepPercent: 0.1 }).steps;
    expect(steps).toHaveLength(1000);
    expect(steps[2]?.percent).toBe(0.3);
    expect(steps.at(-2)?.percent).toBe(99.9);
    expect(steps.at(-1)?.percent).toBe(100);
  });

  test('a shadow mirrors 100% of requests by default, or the share asked for', () => {
    expect(planRollout('shadow', defaults).steps).toEqual([{ percent: 0, mirrorPercent: 100, bakeMs: 600_000 }]);
    expect(planRollout('shadow', { ...defaults, mirrorPercent: 25 }).steps).toEqual([{ percent: 0, mirrorPercent: 25, bakeMs: 600_000 }]);
  });

  test.each<[Strategy, Partial<PlanOptions>, string]>([
    ['canary', { canaryPercent: 0 }, 'Input "canary-percent" has an invalid value "0": expected a percentage greater than 0 and at most 100.'],
    ['canary', { canaryPercent: -5 }, 'Input "canary-percent" has an invalid value "-5": expected a percentage greater than 0 and at most 100.'],
    ['canary', { canaryPercent: 100.5 }, 'Input "canary-percent" has an invalid value "100.5": expected a percentage greater than 0 and at most 100.'],
    ['canary', { canaryPercent: Number.NaN }, 'Input "canary-percent" has an invalid value "NaN": expected a percentage greater than 0 and at most 100.'],
    ['linear', { linearStepPercent: 0 }, 'Input "linear-step-percent" has an invalid value "0": expected a percentage greater than 0 and at most 100.'],
    ['linear', { linearStepPercent: 150 }, 'Input "linear-step-percent" has an invalid value "150": expected a percentage greater than 0 and at most 100.'],
    ['linear', { linearStepPercent: Number.NaN }, 'Input "linear-step-percent" has an invalid value "NaN": expected a percentage greater than 0 and at most 100.'],
    ['shadow', { mirrorPercent: 0 }, 'Input "mirror-percent" has an invalid value "0": expected a percentage greater than 0 and at most 100.'],
    ['canary', { bakeMinutes: -1 }, 'Input "bake-minutes" has an invalid value "-1": expected a number of minutes of at least 0.'],
    ['linear', { bakeMinutes: Number.NaN }, 'Input "bake-minutes" has an invalid value "NaN": expected a number of minutes of at least 0.'],
    ['all-at-once', { bakeMinutes: Number.POSITIVE_INFINITY }, 'Input "bake-minutes" has an invalid value "Infinity": expected a number of minutes of at least 0.'],
  ])('%s with %o throws an InputError naming the input', (strategy, options, message) => {
    expect(inputErrorMessage(() => planRollout(strategy, { ...defaults, ...options }))).toBe(message);
  });

  test('only the options the strategy uses are checked', () => {
    expect(planRollout('all-at-once', { ...defaults, canaryPercent: 0, linearStepPercent: Number.NaN }).steps).toHaveLength(1);
    expect(planRollout('canary', { ...defaults, linearStepPercent: 0 }).steps).toHaveLength(2);
  });
});
