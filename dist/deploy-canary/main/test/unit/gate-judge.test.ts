import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import {
  allowedWorsening,
  checkRuleMetrics,
  type Comparison,
  judgeBound,
  judgeImprovement,
  judgeRegression,
  judgeRules,
  levelText,
  resolveDirection,
  ruleLocation,
  worsening,
} from '../../src/core/gate/judge.js';
import { parsePolicy } from '../../src/core/gate/policy-file.js';
import type { Estimate, Interval, MetricResult, MetricRule } from '../../src/core/gate/types.js';
import type { Direction } from '../../src/core/metrics/types.js';

const M = '\u2212';

/** An interval function that answers only for `level`, so a test fails if the judge asks for another. */
function fixed(low: number, high: number, level = 0.95): (asked: number) => Interval {
  return (asked) => {
    if (asked !== level) throw new Error(`asked for the ${asked} interval, expected ${level}`);
    return [low, high];
  };
}

/** A comparison of baseline and candidate; `interval` is Δ's interval at `level`. */
function compare(direction: Direction, baseline: number | undefined, candidate: number, interval?: Interval, level = 0.95): Comparison {
  const comparison: Comparison = { direction, candidate: { value: candidate } };
  if (baseline !== undefined) {
    comparison.baseline = { value: baseline };
    const delta: Estimate = { value: candidate - baseline };
    if (interval !== undefined) delta.interval = fixed(interval[0], interval[1], level);
    comparison.delta = delta;
  }
  return comparison;
}

describe('worsening and allowedWorsening', () => {
  test.each([
    ['higher', 0.873, 0.842, 0.031],
    ['higher', 0.8, 0.85, -0.05],
    ['lower', 0.31, 0.33, 0.02],
    ['lower', 0.31, 0.3, -0.01],
  ] as const)('%s: %s → %s worsens by %s', (direction, baseline, candidate, expected) => {
    expect(worsening(direction, baseline, candidate)).toBeCloseTo(expected, 12);
  });

  test.each([
    [{ kind: 'absolute', value: 0.01 }, 0.8, 0.01],
    [{ kind: 'percent', value: 5 }, 0.31, 0.0155],
    [{ kind: 'percent', value: 5 }, -2, 0.1],
    [{ kind: 'percent', value: 5 }, 0, 0],
  ] as const)('%j of a baseline of %s allows %s', (limit, baseline, expected) => {
    expect(allowedWorsening(limit, baseline)).toBeCloseTo(expected, 12);
  });

  test.each([
    [0.95, '95%'],
    [0.9, '90%'],
    [0.975, '97.5%'],
    [0.99, '99%'],
  ])('levelText(%s) = %s', (level, expected) => {
    expect(levelText(level)).toBe(expected);
  });
});

describe('judgeBound', () => {
  test.each([
    ['min', 0.842, 0.8, 'pass', 'roc_auc 0.842 ≥ 0.8', '≥ 0.8'],
    ['min', 0.8, 0.8, 'pass', 'roc_auc 0.8 ≥ 0.8', '≥ 0.8'],
    // 0.1 × 8 is 0.8000000000000002 in floating point, and 0.7 + 0.1 is 0.7999999999999999: both are 0.8.
    ['min', 0.7 + 0.1, 0.8, 'pass', 'roc_auc 0.8 ≥ 0.8', '≥ 0.8'],
    ['min', 0.781, 0.8, 'fail', 'roc_auc 0.781 is below the minimum 0.8', '≥ 0.8'],
    ['min', 0.79996, 0.8, 'fail', 'roc_auc 0.79996 is below the minimum 0.8', '≥ 0.8'],
    ['max', 0.31, 0.4, 'pass', 'roc_auc 0.31 ≤ 0.4', '≤ 0.4'],
    ['max', 0.45, 0.4, 'fail', 'roc_auc 0.45 is above the maximum 0.4', '≤ 0.4'],
    ['min', -0.12, -0.1, 'fail', `roc_auc ${M}0.12 is below the minimum ${M}0.1`, `≥ ${M}0.1`],
    ['min', Number.NaN, 0.8, 'fail', 'roc_auc is n/a (it could not be computed), so ≥ 0.8 cannot pass', '≥ 0.8'],
  ] as const)('%s: %s against %s → %s', (kind, value, limit, status, reason, check) => {
    expect(judgeBound('roc_auc', value, kind, limit)).toEqual({ check, status, reason });
  });
});

describe('judgeRegression', () => {
  test.each([
    // Point estimates (no confidence asked).
    ['higher', 0.873, 0.842, undefined, 0.01, undefined, 'fail', 'roc_auc fell by 0.031 (0.873 → 0.842), more than the allowed 0.01', `Δ ≥ ${M}0.01`],
    ['higher', 0.846, 0.842, undefined, 0.01, undefined, 'pass', 'roc_auc fell by 0.004 (0.846 → 0.842), within the allowed 0.01', `Δ ≥ ${M}0.01`],
    ['higher', 0.83, 0.842, undefined, 0.01, undefined, 'pass', 'roc_auc rose by 0.012 (0.83 → 0.842)', `Δ ≥ ${M}0.01`],
    ['higher', 0.842, 0.842, undefined, 0.01, undefined, 'pass', 'roc_auc did not change (0.842)', `Δ ≥ ${M}0.01`],
    // Exactly the allowed fall passes, although 0.84 − 0.85 is −0.010000000000000009 in floating point.
    ['higher', 0.85, 0.84, undefined, 0.01, undefined, 'pass', 'roc_auc fell by 0.01 (0.85 → 0.84), within the allowed 0.01', `Δ ≥ ${M}0.01`],
    ['higher', 0.85, 0.83999, undefined, 0.01, undefined, 'fail', 'roc_auc fell by 0.01001 (0.85 → 0.83999), more than the allowed 0.01', `Δ ≥ ${M}0.01`],
    ['higher', 0.85, 0.849, undefined, 0, undefined, 'fail', 'roc_auc fell by 0.001 (0.85 → 0.849), more than the allowed 0', 'Δ ≥ 0'],
    ['lower', 0.31, 0.33, undefined, 0.01, undefined, 'fail', 'roc_auc rose by 0.02 (0.31 → 0.33), more than the allowed 0.01', 'Δ ≤ +0.01'],
    ['lower', 0.31, 0.3, undefined, 0.01, undefined, 'pass', 'roc_auc fell by 0.01 (0.31 → 0.3)', 'Δ ≤ +0.01'],
    // With a confidence: fail only when the whole interval is beyond the allowed worsening.
    ['higher', 0.873, 0.842, [-0.045, -0.018], 0.01, 0.95, 'fail', `roc_auc fell by 0.031 (95% CI of Δ ${M}0.045 to ${M}0.018), more than the allowed 0.01`, `Δ ≥ ${M}0.01 (95%)`],
    [
      'higher',
      0.857,
      0.842,
      [-0.04, 0.01],
      0.01,
      0.95,
      'pass',
      `roc_auc fell by 0.015 (95% CI of Δ ${M}0.04 to +0.01); more than the allowed 0.01, but the interval does not exclude a fall within it`,
      `Δ ≥ ${M}0.01 (95%)`,
    ],
    // The interval's high end exactly at −0.01 does not lie beyond it.
    ['higher', 0.873, 0.842, [-0.045, -0.01], 0.01, 0.95, 'pass', `roc_auc fell by 0.031 (95% CI of Δ ${M}0.045 to ${M}0.01); more than the allowed 0.01, but the interval does not exclude a fall within it`, `Δ ≥ ${M}0.01 (95%)`],
    ['higher', 0.846, 0.842, [-0.02, 0.012], 0.01, 0.95, 'pass', `roc_auc fell by 0.004 (95% CI of Δ ${M}0.02 to +0.012), within the allowed 0.01`, `Δ ≥ ${M}0.01 (95%)`],
    ['higher', 0.83, 0.842, [-0.003, 0.027], 0.01, 0.95, 'pass', `roc_auc rose by 0.012 (95% CI of Δ ${M}0.003 to +0.027)`, `Δ ≥ ${M}0.01 (95%)`],
    ['lower', 0.31, 0.35, [0.015, 0.06], 0.01, 0.9, 'fail', 'roc_auc rose by 0.04 (90% CI of Δ +0.015 to +0.06), more than the allowed 0.01', 'Δ ≤ +0.01 (90%)'],
    ['lower', 0.31, 0.35, [0.005, 0.06], 0.01, 0.9, 'pass', 'roc_auc rose by 0.04 (90% CI of Δ +0.005 to +0.06); more than the allowed 0.01, but the interval does not exclude a rise within it', 'Δ ≤ +0.01 (90%)'],
  ] as const)('%s %s → %s, Δ interval %j, allowed %s at %s: %s', (direction, baseline, candidate, interval, allowed, confidence, status, reason, check) => {
    const level = confidence ?? 0.95;
    const judged = judgeRegression('roc_auc', compare(direction, baseline, candidate, interval, level), { kind: 'absolute', value: allowed }, confidence);
    expect(judged).toEqual({ check, status, reason });
  });

  test.each([
    ['lower', 0.31, 0.3292, undefined, 5, undefined, 'fail', 'log_loss rose by 6.19% (0.31 → 0.3292), more than the allowed 5%', 'Δ ≤ +5%'],
    ['lower', 0.31, 0.32, undefined, 5, undefined, 'pass', 'log_loss rose by 3.23% (0.31 → 0.32), within the allowed 5%', 'Δ ≤ +5%'],
    ['lower', 0.31, 0.3292, [0.016, 0.026], 5, 0.95, 'fail', 'log_loss rose by 6.19% (95% CI of Δ +5.16% to +8.39%), more than the allowed 5%', 'Δ ≤ +5% (95%)'],
    [
      'lower',
      0.31,
      0.3292,
      [0.001, 0.026],
      5,
      0.95,
      'pass',
      'log_loss rose by 6.19% (95% CI of Δ +0.323% to +8.39%); more than the allowed 5%, but the interval does not exclude a rise within it',
      'Δ ≤ +5% (95%)',
    ],
    ['higher', 0.9, 0.89, undefined, 1, undefined, 'fail', 'log_loss fell by 1.11% (0.9 → 0.89), more than the allowed 1%', `Δ ≥ ${M}1%`],
    ['higher', 0.9, 0.895, undefined, 1, undefined, 'pass', 'log_loss fell by 0.556% (0.9 → 0.895), within the allowed 1%', `Δ ≥ ${M}1%`],
    // A negative baseline (e.g. R²): the allowance is a share of |baseline|.
    ['higher', -0.5, -0.52, undefined, 5, undefined, 'pass', `log_loss fell by 4% (${M}0.5 → ${M}0.52), within the allowed 5%`, `Δ ≥ ${M}5%`],
    // Exactly 5% of 0.3 is allowed.
    ['lower', 0.3, 0.315, undefined, 5, undefined, 'pass', 'log_loss rose by 5% (0.3 → 0.315), within the allowed 5%', 'Δ ≤ +5%'],
    ['lower', 0.3, 0.31501, undefined, 5, undefined, 'fail', 'log_loss rose by 5.003% (0.3 → 0.31501), more than the allowed 5%', 'Δ ≤ +5%'],
    // With a baseline of 0, a share of it allows nothing.
    ['lower', 0, 0.01, undefined, 5, undefined, 'fail', 'log_loss rose by 0.01 (0 → 0.01), more than the allowed 5% of a baseline of 0', 'Δ ≤ +5%'],
    ['lower', 0, 0, undefined, 5, undefined, 'pass', 'log_loss did not change (0)', 'Δ ≤ +5%'],
    ['lower', 0.31, 0.3, undefined, 0, undefined, 'pass', 'log_loss fell by 3.23% (0.31 → 0.3)', 'Δ ≤ 0%'],
  ] as const)('percent: %s %s → %s, Δ interval %j, allowed %s%% at %s: %s', (direction, baseline, candidate, interval, pct, confidence, status, reason, check) => {
    const judged = judgeRegression('log_loss', compare(direction, baseline, candidate, interval), { kind: 'percent', value: pct }, confidence);
    expect(judged).toEqual({ check, status, reason });
  });

  test.each([
    ['no baseline', compare('higher', undefined, 0.842), 'skipped', 'roc_auc: no baseline to compare with, so the allowed fall of 0.01 was not checked'],
    ['a baseline of n/a', compare('higher', Number.NaN, 0.842), 'skipped', 'roc_auc: the baseline is n/a, so the allowed fall of 0.01 was not checked'],
    ['a candidate of n/a', compare('higher', 0.85, Number.NaN), 'fail', `roc_auc is n/a (it could not be computed), so Δ ≥ ${M}0.01 (95%) cannot pass`],
    ['no interval', compare('higher', 0.873, 0.842), 'fail', 'no interval: roc_auc fell by 0.031 (0.873 → 0.842), more than the allowed 0.01, judged on the point estimate'],
    ['no interval, within', compare('higher', 0.846, 0.842), 'pass', 'no interval: roc_auc fell by 0.004 (0.846 → 0.842), within the allowed 0.01, judged on the point estimate'],
    [
      'an interval with an undefined end',
      compare('higher', 0.873, 0.842, [Number.NaN, -0.018]),
      'fail',
      'no interval: roc_auc fell by 0.031 (0.873 → 0.842), more than the allowed 0.01, judged on the point estimate',
    ],
  ] as const)('%s', (_, comparison, status, reason) => {
    expect(judgeRegression('roc_auc', comparison, { kind: 'absolute', value: 0.01 }, 0.95)).toEqual({ check: `Δ ≥ ${M}0.01 (95%)`, status, reason });
  });

  test('Δ comes from the delta estimate when there is one', () => {
    const comparison: Comparison = { direction: 'higher', candidate: { value: 0.842 }, baseline: { value: 0.873 }, delta: { value: -0.0305 } };
    expect(judgeRegression('roc_auc', comparison, { kind: 'absolute', value: 0.01 }).reason).toBe('roc_auc fell by 0.0305 (0.873 → 0.842), more than the allowed 0.01');
  });

  test('a slice names itself in the reason', () => {
    expect(judgeRegression('roc_auc in country = DE', compare('higher', 0.9, 0.8), { kind: 'absolute', value: 0.05 }).reason).toBe(
      'roc_auc in country = DE fell by 0.1 (0.9 → 0.8), more than the allowed 0.05',
    );
  });
});

describe('judgeImprovement', () => {
  test.each([
    ['higher', 0.71, 0.731, undefined, 0, undefined, 'pass', 'f1 rose by 0.021 (0.71 → 0.731)', 'Δ > 0'],
    ['higher', 0.714, 0.71, undefined, 0, undefined, 'fail', 'f1 fell by 0.004 (0.714 → 0.71); it must rise', 'Δ > 0'],
    ['higher', 0.71, 0.71, undefined, 0, undefined, 'fail', 'f1 did not change (0.71); it must rise', 'Δ > 0'],
    ['higher', 0.71, 0.731, undefined, 0.01, undefined, 'pass', 'f1 rose by 0.021 (0.71 → 0.731), more than the required 0.01', 'Δ > +0.01'],
    ['higher', 0.71, 0.716, undefined, 0.01, undefined, 'fail', 'f1 rose by 0.006 (0.71 → 0.716), not more than the required 0.01', 'Δ > +0.01'],
    // Strict: a gain of exactly the required amount is not more than it.
    ['higher', 0.71, 0.72, undefined, 0.01, undefined, 'fail', 'f1 rose by 0.01 (0.71 → 0.72), not more than the required 0.01', 'Δ > +0.01'],
    ['higher', 0.714, 0.71, undefined, 0.01, undefined, 'fail', 'f1 fell by 0.004 (0.714 → 0.71); it must rise by more than 0.01', 'Δ > +0.01'],
    ['lower', 3.1, 3.3, undefined, 0, undefined, 'fail', 'f1 rose by 0.2 (3.1 → 3.3); it must fall', 'Δ < 0'],
    ['lower', 3.3, 3.1, undefined, 0.1, undefined, 'pass', 'f1 fell by 0.2 (3.3 → 3.1), more than the required 0.1', `Δ < ${M}0.1`],
    // With a confidence: the whole interval must be beyond the required gain.
    ['higher', 0.71, 0.731, [0.008, 0.034], 0, 0.95, 'pass', 'f1 rose by 0.021 (95% CI of Δ +0.008 to +0.034)', 'Δ > 0 (95%)'],
    ['higher', 0.71, 0.731, [-0.004, 0.046], 0, 0.95, 'fail', `f1 rose by 0.021 (95% CI of Δ ${M}0.004 to +0.046); the rise is not significant at 95%`, 'Δ > 0 (95%)'],
    ['higher', 0.71, 0.731, [0.008, 0.034], 0.01, 0.95, 'fail', 'f1 rose by 0.021 (95% CI of Δ +0.008 to +0.034); a rise of more than 0.01 is not significant at 95%', 'Δ > +0.01 (95%)'],
    ['higher', 0.71, 0.731, [0.012, 0.034], 0.01, 0.95, 'pass', 'f1 rose by 0.021 (95% CI of Δ +0.012 to +0.034), more than the required 0.01', 'Δ > +0.01 (95%)'],
    ['higher', 0.714, 0.71, [-0.01, 0.002], 0, 0.95, 'fail', `f1 fell by 0.004 (95% CI of Δ ${M}0.01 to +0.002); it must rise`, 'Δ > 0 (95%)'],
    ['lower', 0.35, 0.31, [-0.06, -0.02], 0, 0.95, 'pass', `f1 fell by 0.04 (95% CI of Δ ${M}0.06 to ${M}0.02)`, 'Δ < 0 (95%)'],
    ['lower', 0.35, 0.31, [-0.06, 0.001], 0, 0.95, 'fail', `f1 fell by 0.04 (95% CI of Δ ${M}0.06 to +0.001); the fall is not significant at 95%`, 'Δ < 0 (95%)'],
  ] as const)('%s %s → %s, Δ interval %j, required %s at %s: %s', (direction, baseline, candidate, interval, required, confidence, status, reason, check) => {
    const judged = judgeImprovement('f1', compare(direction, baseline, candidate, interval), required, confidence);
    expect(judged).toEqual({ check, status, reason });
  });

  test.each([
    ['no baseline', compare('higher', undefined, 0.73), 'skipped', 'f1: no baseline to compare with, so the required rise was not checked'],
    ['no interval', compare('higher', 0.71, 0.731), 'pass', 'no interval: f1 rose by 0.021 (0.71 → 0.731), judged on the point estimate'],
    ['no interval, no gain', compare('higher', 0.71, 0.71), 'fail', 'no interval: f1 did not change (0.71); it must rise, judged on the point estimate'],
  ] as const)('%s', (_, comparison, status, reason) => {
    expect(judgeImprovement('f1', comparison, 0, 0.95)).toEqual({ check: 'Δ > 0 (95%)', status, reason });
  });
});

describe('judgeRules', () => {
  const POLICY = `metrics:
  roc_auc:  { min: 0.80, max_regression: 0.01, confidence: 0.95 }
  log_loss: { max_regression_pct: 5 }
  recall:   { min: 0.6, max: 0.99 }
  f1:       { must_improve: true, confidence: 0.95 }
  brier:
`;
  const rules = parsePolicy(POLICY, 'policy.yaml').rules;
  const at = (line: number) => ({ source: 'policy' as const, file: 'policy.yaml', line });

  function result(name: string, direction: Direction, candidate: number, baseline?: number, interval?: Interval): MetricResult {
    const metric: MetricResult = { name, direction, candidate: { value: candidate } };
    if (baseline !== undefined) {
      metric.baseline = { value: baseline };
      metric.delta = interval === undefined ? { value: candidate - baseline } : { value: candidate - baseline, interval: fixed(interval[0], interval[1]) };
    }
    return metric;
  }

  test('one outcome per check, in rule order, with the rule’s origin; a rule with no bounds gives none', () => {
    const results = new Map([
      ['roc_auc', result('roc_auc', 'higher', 0.842, 0.873, [-0.045, -0.018])],
      ['log_loss', result('log_loss', 'lower', 0.3292, 0.31, [0.012, 0.026])],
      ['recall', result('recall', 'higher', 0.7, 0.69)],
      ['f1', result('f1', 'higher', 0.731, 0.71, [-0.004, 0.046])],
      ['brier', result('brier', 'lower', 0.1, 0.11)],
    ]);
    expect(judgeRules(rules, results)).toEqual([
      { metric: 'roc_auc', check: '≥ 0.8', status: 'pass', reason: 'roc_auc 0.842 ≥ 0.8', origin: at(2) },
      {
        metric: 'roc_auc',
        check: `Δ ≥ ${M}0.01 (95%)`,
        status: 'fail',
        reason: `roc_auc fell by 0.031 (95% CI of Δ ${M}0.045 to ${M}0.018), more than the allowed 0.01`,
        origin: at(2),
      },
      { metric: 'log_loss', check: 'Δ ≤ +5%', status: 'fail', reason: 'log_loss rose by 6.19% (0.31 → 0.3292), more than the allowed 5%', origin: at(3) },
      { metric: 'recall', check: '≥ 0.6', status: 'pass', reason: 'recall 0.7 ≥ 0.6', origin: at(4) },
      { metric: 'recall', check: '≤ 0.99', status: 'pass', reason: 'recall 0.7 ≤ 0.99', origin: at(4) },
      { metric: 'f1', check: 'Δ > 0 (95%)', status: 'fail', reason: `f1 rose by 0.021 (95% CI of Δ ${M}0.004 to +0.046); the rise is not significant at 95%`, origin: at(5) },
    ]);
  });

  test('without a baseline, baseline checks are skipped and bounds still apply', () => {
    const results = new Map([
      ['roc_auc', result('roc_auc', 'higher', 0.78)],
      ['log_loss', result('log_loss', 'lower', 0.33)],
      ['recall', result('recall', 'higher', 0.7)],
      ['f1', result('f1', 'higher', 0.73)],
    ]);
    expect(judgeRules(rules, results).map(({ metric, status, reason }) => [metric, status, reason])).toEqual([
      ['roc_auc', 'fail', 'roc_auc 0.78 is below the minimum 0.8'],
      ['roc_auc', 'skipped', 'roc_auc: no baseline to compare with, so the allowed fall of 0.01 was not checked'],
      ['log_loss', 'skipped', 'log_loss: no baseline to compare with, so the allowed rise of 5% was not checked'],
      ['recall', 'pass', 'recall 0.7 ≥ 0.6'],
      ['recall', 'pass', 'recall 0.7 ≤ 0.99'],
      ['f1', 'skipped', 'f1: no baseline to compare with, so the required rise was not checked'],
    ]);
  });

  test('a metric missing from the results fails each of its checks', () => {
    const outcomes = judgeRules([{ metric: 'mae', max: 3, maxRegressionPct: 10, origin: { source: 'thresholds', text: 'mae<=3' } }], new Map());
    expect(outcomes).toEqual([
      { metric: 'mae', check: '≤ 3', status: 'fail', reason: 'mae was not computed, so ≤ 3 cannot pass', origin: { source: 'thresholds', text: 'mae<=3' } },
      { metric: 'mae', check: 'Δ ≤ +10%', status: 'fail', reason: 'mae was not computed, so Δ ≤ +10% cannot pass', origin: { source: 'thresholds', text: 'mae<=3' } },
    ]);
  });

  test('max_regression and max_regression_pct together give two checks; the rule’s direction wins', () => {
    const rule: MetricRule = { metric: 'score', direction: 'lower', maxRegression: 0.5, maxRegressionPct: 10, origin: { source: 'policy', file: 'p.yaml', line: 3 } };
    const results = new Map([['score', result('score', 'higher', 4.2, 4)]]);
    expect(judgeRules([rule], results).map(({ check, status, reason }) => [check, status, reason])).toEqual([
      ['Δ ≤ +0.5', 'pass', 'score rose by 0.2 (4 → 4.2), within the allowed 0.5'],
      ['Δ ≤ +10%', 'pass', 'score rose by 5% (4 → 4.2), within the allowed 10%'],
    ]);
  });
});

describe('checkRuleMetrics, resolveDirection and ruleLocation', () => {
  const binary = ['roc_auc', 'average_precision', 'log_loss', 'brier', 'accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'mcc'];
  const fromPolicy = (metric: string, line: number): MetricRule => ({ metric, origin: { source: 'policy', file: 'policy.yaml', line } });
  const inline = (metric: string, text: string): MetricRule => ({ metric, origin: { source: 'thresholds', text } });

  test('known metrics pass; the first unknown one is reported', () => {
    expect(() => checkRuleMetrics([fromPolicy('roc_auc', 2), inline('f1', 'f1>+0')], binary, 'for a binary model')).not.toThrow();
    expect(() => checkRuleMetrics([fromPolicy('roc_auc', 2), fromPolicy('rocauc', 3), fromPolicy('f2', 4)], binary, 'for a binary model')).toThrow(/^policy\.yaml:3: unknown metric "rocauc"/);
  });

  test.each([
    [fromPolicy('roc_aux', 4), binary, 'for a binary model', `policy.yaml:4: unknown metric "roc_aux" for a binary model; did you mean roc_auc? Known: ${binary.join(', ')}`],
    [fromPolicy('mae', 2), binary, 'for a binary model', `policy.yaml:2: unknown metric "mae" for a binary model; Known: ${binary.join(', ')}`],
    [inline('F1', 'F1>+0'), binary, 'for a binary model', `Input "thresholds", rule "F1>+0": unknown metric "F1" for a binary model; did you mean f1? Known: ${binary.join(', ')}`],
    [inline('auc', 'auc>=0.8'), ['auc_roc', 'loss'], 'in metrics.json', 'Input "thresholds", rule "auc>=0.8": unknown metric "auc" in metrics.json; did you mean auc_roc? Known: auc_roc, loss'],
    [fromPolicy('x', 3), [], 'in metrics.json', 'policy.yaml:3: unknown metric "x" in metrics.json; Known: none'],
  ])('%j', (rule, available, context, message) => {
    expect(() => checkRuleMetrics([rule], available, context)).toThrow(new InputError(message));
  });

  test.each([
    [{ ...fromPolicy('my_score', 2), direction: 'lower' }, undefined, 'lower'],
    [fromPolicy('log_loss', 2), undefined, 'lower'],
    [fromPolicy('r2', 2), 'regression', 'higher'],
    [fromPolicy('accuracy', 2), 'multiclass', 'higher'],
  ] as const)('resolveDirection(%j, %s) = %s', (rule, task, expected) => {
    expect(resolveDirection(rule, task)).toBe(expected);
  });

  test.each([
    [fromPolicy('my_score', 2), undefined, 'policy.yaml:2: metric "my_score" has no direction and is not a known metric; add direction: higher or direction: lower to its rule'],
    [fromPolicy('mae', 5), 'binary', 'policy.yaml:5: metric "mae" has no direction and is not a known metric for a binary model; add direction: higher or direction: lower to its rule'],
    [
      inline('my_score', 'my_score>=0.5'),
      undefined,
      'Input "thresholds", rule "my_score>=0.5": metric "my_score" has no direction and is not a known metric; bound its change instead (e.g. my_score>=-0.01 for higher-is-better), or give it a direction in the policy file',
    ],
  ] as const)('resolveDirection refuses %j', (rule, task, message) => {
    expect(() => resolveDirection(rule, task)).toThrow(new InputError(message));
  });

  test.each([
    [{ source: 'policy', file: '.cd4ml/gate.yml', line: 7 }, '.cd4ml/gate.yml:7'],
    [{ source: 'policy', file: '.cd4ml/gate.yml' }, '.cd4ml/gate.yml'],
    [{ source: 'thresholds', text: 'roc_auc>=0.8' }, 'Input "thresholds", rule "roc_auc>=0.8"'],
  ] as const)('ruleLocation(%j) = %s', (origin, expected) => {
    expect(ruleLocation(origin)).toBe(expected);
  });
});
