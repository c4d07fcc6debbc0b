import { describe, expect, test } from 'vitest';
import { ServiceError } from '../../src/core/errors.js';
import { judgeHealth } from '../../src/core/deploy/health.js';
import { planRollout } from '../../src/core/deploy/plan.js';
import { renderRolloutMarkdown } from '../../src/core/deploy/rollout-report.js';
import { formatDuration, runRollout } from '../../src/core/deploy/rollout.js';
import type { Clock, DeployTarget, HealthRules, HealthSnapshot, RolloutPlan, Strategy } from '../../src/core/deploy/types.js';
import { recordingLogger } from '../support/logger.js';

const START = Date.UTC(2025, 5, 2, 12, 0, 0);
const MINUTE = 60_000;
const rules: HealthRules = { maxErrorRate: 0.01, maxLatencyP95Ms: 250, minRequests: 100 };

/** A clock whose sleep moves time forward at once. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = START;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** The candidate's health at a step (1-based, counted by route calls) and time since the step started. */
type Script = (step: number, elapsedMs: number) => HealthSnapshot;

interface FakeTarget extends DeployTarget {
  /** Every call but health, in order. */
  calls: string[];
  /** Every health call: the step and the time since the step started. */
  healthAt: Array<{ step: number; elapsedMs: number }>;
}

function fakeTarget(clock: Clock, script: Script, options: { live?: number; fail?: (call: string) => Error | undefined } = {}): FakeTarget {
  const calls: string[] = [];
  const healthAt: FakeTarget['healthAt'] = [];
  let live = options.live ?? 6;
  let step = 0;
  const call = (text: string): void => {
    calls.push(text);
    const error = options.fail?.(text);
    if (error !== undefined) throw error;
  };
  return {
    description: 'local target `churn-api`',
    calls,
    healthAt,
    liveVersion: async () => {
      call('liveVersion');
      return live;
    },
    prepare: async (candidate) => call(`prepare ${candidate}`),
    route: async (candidate, percent, mirrorPercent) => {
      call(mirrorPercent === undefined ? `route ${candidate} ${percent}%` : `route ${candidate} ${percent}% mirror ${mirrorPercent}%`);
      step += 1;
    },
    health: async (_candidate, sinceMs) => {
      const elapsedMs = clock.now() - sinceMs;
      healthAt.push({ step, elapsedMs });
      return script(step, elapsedMs);
    },
    promote: async (candidate) => {
      call(`promote ${candidate}`);
      live = candidate;
    },
    rollback: async (candidate) => call(`rollback ${candidate}`),
  };
}

/** 200 requests a minute reach the candidate; `errorRate` of them fail. */
function traffic(elapsedMs: number, errorRate = 0.0035, latencyP95Ms = 120, extra: Partial<HealthSnapshot> = {}): HealthSnapshot {
  const requests = Math.round(elapsedMs / 300);
  return { candidate: { requests, errors: Math.round(requests * errorRate), latencyP95Ms }, alarms: [], ...extra };
}

const healthy: Script = (_step, elapsedMs) => traffic(elapsedMs);
const plan = (strategy: Strategy, extra: { linearStepPercent?: number; bakeMinutes?: number } = {}): RolloutPlan =>
  planRollout(strategy, { canaryPercent: 10, linearStepPercent: extra.linearStepPercent ?? 20, bakeMinutes: extra.bakeMinutes ?? 10 });
const at = (ms: number): string => new Date(START + ms).toISOString();
const HEALTHY_AT_10_MIN = ['error rate 0.35% (7 of 2,000) ≤ 1%', 'p95 latency 120 ms ≤ 250 ms', '2,000 requests reached the candidate (at least 100 are needed)'];

async function rollout(strategy: Strategy, script: Script, options: { fail?: (call: string) => Error | undefined; signal?: AbortSignal; rules?: HealthRules; linearStepPercent?: number } = {}) {
  const clock = fakeClock();
  const target = fakeTarget(clock, script, options.fail === undefined ? {} : { fail: options.fail });
  const logger = recordingLogger();
  const result = await runRollout({
    plan: plan(strategy, options.linearStepPercent === undefined ? {} : { linearStepPercent: options.linearStepPercent }),
    rules: options.rules ?? rules,
    target,
    candidate: 7,
    clock,
    logger,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { result, target, clock, logger };
}

describe('judgeHealth', () => {
  const snapshot = (candidate: HealthSnapshot['candidate'], extra: Partial<HealthSnapshot> = {}): HealthSnapshot => ({ candidate, alarms: [], ...extra });
  const allRules: HealthRules = { ...rules, maxPredictionDrift: 0.1 };

  test.each<[string, HealthSnapshot, HealthRules, { healthy: boolean; enoughEvidence: boolean; reasons: string[] }]>([
    [
      'every rule within its limit',
      snapshot({ requests: 2000, errors: 7, latencyP95Ms: 120 }, { predictionDrift: 0.04, alarms: [{ name: 'HighLatency', state: 'OK' }] }),
      allRules,
      {
        healthy: true,
        enoughEvidence: true,
        reasons: ['error rate 0.35% (7 of 2,000) ≤ 1%', 'p95 latency 120 ms ≤ 250 ms', 'prediction drift (Jensen–Shannon) 0.04 ≤ 0.1', 'alarm HighLatency is OK', '2,000 requests reached the candidate (at least 100 are needed)'],
      },
    ],
    [
      'latency and drift above their limits',
      snapshot({ requests: 2000, errors: 20, latencyP95Ms: 812 }, { predictionDrift: 0.35 }),
      allRules,
      {
        healthy: false,
        enoughEvidence: true,
        reasons: ['error rate 1% (20 of 2,000) ≤ 1%', 'p95 latency 812 ms > 250 ms', 'prediction drift (Jensen–Shannon) 0.35 > 0.1', '2,000 requests reached the candidate (at least 100 are needed)'],
      },
    ],
    [
      'a rate just above the limit gets the digits to show it',
      snapshot({ requests: 100_000, errors: 1001 }),
      { maxErrorRate: 0.01, minRequests: 100 },
      { healthy: false, enoughEvidence: true, reasons: ['error rate 1.001% (1,001 of 100,000) > 1%', '100,000 requests reached the candidate (at least 100 are needed)'] },
    ],
    [
      'an alarm in ALARM is unhealthy whatever the numbers; INSUFFICIENT_DATA does not decide',
      snapshot({ requests: 12, errors: 0 }, { alarms: [{ name: 'Errors5xx', state: 'INSUFFICIENT_DATA' }, { name: 'HighLatency', state: 'ALARM' }] }),
      rules,
      {
        healthy: false,
        enoughEvidence: false,
        reasons: ['error rate 0% (0 of 12) not judged yet against 1%', 'p95 latency not measured by the target (limit 250 ms)', 'alarm Errors5xx is INSUFFICIENT_DATA', 'alarm HighLatency is ALARM', 'only 12 requests reached the candidate (at least 100 are needed)'],
      },
    ],
    [
      'below the minimum, one early error is not judged, nor is the latency of so few requests',
      snapshot({ requests: 12, errors: 1, latencyP95Ms: 900 }),
      rules,
      { healthy: true, enoughEvidence: false, reasons: ['error rate 8.33% (1 of 12) not judged yet against 1%', 'p95 latency 900 ms not judged yet against 250 ms', 'only 12 requests reached the candidate (at least 100 are needed)'] },
    ],
    [
      'below the minimum, errors beyond the budget of the minimum already decide',
      snapshot({ requests: 40, errors: 5, latencyP95Ms: 100 }),
      rules,
      { healthy: false, enoughEvidence: false, reasons: ['error rate 12.5% (5 of 40): 5 errors already exceed 1% of the 100 requests needed to judge', 'p95 latency 100 ms not judged yet against 250 ms', 'only 40 requests reached the candidate (at least 100 are needed)'] },
    ],
    [
      'no requests: the error rate is undefined, never enough evidence even with no minimum',
      snapshot({ requests: 0, errors: 0 }),
      { maxErrorRate: 0.01, minRequests: 0 },
      { healthy: true, enoughEvidence: false, reasons: ['error rate undefined (no requests), limit 1%', 'no requests reached the candidate (at least 1 is needed)'] },
    ],
    [
      'drift the target did not measure is listed and does not decide',
      snapshot({ requests: 500, errors: 0, latencyP95Ms: 250 }),
      allRules,
      { healthy: true, enoughEvidence: true, reasons: ['error rate 0% (0 of 500) ≤ 1%', 'p95 latency 250 ms ≤ 250 ms', 'prediction drift (Jensen–Shannon) not measured by the target (limit 0.1)', '500 requests reached the candidate (at least 100 are needed)'] },
    ],
  ])('%s', (_name, input, health, expected) => {
    const verdict = judgeHealth(input, health);
    expect({ healthy: verdict.healthy, enoughEvidence: verdict.enoughEvidence, reasons: verdict.reasons }).toEqual(expected);
    expect(verdict.evidence).toBe(verdict.reasons.at(-1));
  });

  test('problems list what is broken, alarms first', () => {
    const verdict = judgeHealth(snapshot({ requests: 2000, errors: 100, latencyP95Ms: 120 }, { alarms: [{ name: 'HighLatency', state: 'ALARM' }] }), rules);
    expect(verdict.problems).toEqual(['alarm HighLatency is ALARM', 'error rate 5% (100 of 2,000) > 1%']);
  });
});

describe('runRollout', () => {
  test('canary: 10%, then 100%, each baked 10 minutes and checked every 30 s, then promoted', async () => {
    const { result, target, clock, logger } = await rollout('canary', healthy);
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'route 7 100%', 'promote 7']);
    expect(result.status).toBe('promoted');
    expect(result.liveVersion).toBe(7);
    expect(result.summary).toBe('Version 7 promoted: healthy at every step (10% → 100%).');
    expect(result.steps).toEqual([
      { step: 1, percent: 10, startedAt: at(0), decidedAt: at(10 * MINUTE), decision: 'continue', reasons: HEALTHY_AT_10_MIN, evidence: traffic(10 * MINUTE) },
      { step: 2, percent: 100, startedAt: at(10 * MINUTE), decidedAt: at(20 * MINUTE), decision: 'promote', reasons: HEALTHY_AT_10_MIN, evidence: traffic(10 * MINUTE) },
    ]);
    expect(clock.sleeps).toEqual(Array.from({ length: 40 }, () => 30_000));
    expect(target.healthAt.filter((check) => check.step === 1).map((check) => check.elapsedMs)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 30_000));
    expect(logger.messages('info')).toContain(`Step 1 of 2 (10%): continue after 10m: ${HEALTHY_AT_10_MIN.join('; ')}.`);
    expect(logger.messages('info')).toContain(`Step 2 of 2 (100%): promote after 10m: ${HEALTHY_AT_10_MIN.join('; ')}. Version 7 promoted: healthy at every step (10% → 100%).`);
    expect(logger.messages('warning')).toEqual([]);
  });

  test('errors at step 1 roll back at the first check, with the rule that broke first', async () => {
    const { result, target } = await rollout('canary', (_step, elapsedMs) => traffic(elapsedMs, 0.03));
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'rollback 7']);
    expect(result.status).toBe('rolled-back');
    expect(result.liveVersion).toBe(6);
    expect(result.summary).toBe('Rolled back at step 1 of 2 (10%): error rate 3% (3 of 100) > 1% after 30s of the 10m bake.');
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({
      step: 1,
      decision: 'rollback',
      decidedAt: at(30_000),
      reasons: ['error rate 3% (3 of 100) > 1%', 'p95 latency 120 ms ≤ 250 ms', '100 requests reached the candidate (at least 100 are needed)'],
      evidence: traffic(30_000, 0.03),
    });
  });

  test('latency at step 2 rolls back after step 1 continued', async () => {
    const { result, target, logger } = await rollout('canary', (step, elapsedMs) => traffic(elapsedMs, step === 1 ? 0.0035 : 0, step === 1 ? 120 : 812));
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'route 7 100%', 'rollback 7']);
    expect(result.status).toBe('rolled-back');
    expect(result.steps.map((record) => record.decision)).toEqual(['continue', 'rollback']);
    expect(result.steps[1]?.reasons).toEqual(['p95 latency 812 ms > 250 ms', 'error rate 0% (0 of 100) ≤ 1%', '100 requests reached the candidate (at least 100 are needed)']);
    expect(result.summary).toBe('Rolled back at step 2 of 2 (100%): p95 latency 812 ms > 250 ms after 30s of the 10m bake.');
    expect(logger.messages('warning')).toEqual(['Rolled back at step 2 of 2 (100%): p95 latency 812 ms > 250 ms after 30s of the 10m bake. Version 6 serves all traffic.']);
  });

  test('a failure in the middle of a bake rolls back at the next check, not at the end of the bake', async () => {
    const spike: Script = (_step, elapsedMs) => traffic(elapsedMs, elapsedMs >= 3 * MINUTE ? 0.05 : 0);
    const { result, target, clock } = await rollout('canary', spike);
    const decided = Date.parse(result.steps[0]?.decidedAt ?? '') - Date.parse(result.steps[0]?.startedAt ?? '');
    expect(decided).toBe(3 * MINUTE);
    expect(decided).toBeLessThan(10 * MINUTE);
    expect(clock.now() - START).toBe(3 * MINUTE);
    expect(target.healthAt).toHaveLength(6);
    expect(result.steps[0]?.reasons[0]).toBe('error rate 5% (30 of 600) > 1%');
    expect(result.summary).toBe('Rolled back at step 1 of 2 (10%): error rate 5% (30 of 600) > 1% after 3m of the 10m bake.');
  });

  test('an alarm in ALARM rolls back even when the numbers are fine', async () => {
    const alarm: Script = (_step, elapsedMs) =>
      traffic(elapsedMs, 0.0035, 120, { alarms: [{ name: 'HighLatency', state: elapsedMs >= MINUTE ? 'ALARM' : 'OK' }] });
    const { result, target } = await rollout('canary', alarm);
    expect(target.calls.at(-1)).toBe('rollback 7');
    expect(result.status).toBe('rolled-back');
    expect(result.steps[0]?.decidedAt).toBe(at(MINUTE));
    expect(result.steps[0]?.reasons).toEqual(['alarm HighLatency is ALARM', 'error rate 0.5% (1 of 200) ≤ 1%', 'p95 latency 120 ms ≤ 250 ms', '200 requests reached the candidate (at least 100 are needed)']);
    expect(result.summary).toBe('Rolled back at step 1 of 2 (10%): alarm HighLatency is ALARM after 1m of the 10m bake.');
  });

  test('too little traffic: the bake is extended to twice its length, then the candidate is rolled back', async () => {
    const trickle: Script = () => ({ candidate: { requests: 12, errors: 0, latencyP95Ms: 120 }, alarms: [] });
    const { result, target, logger } = await rollout('canary', trickle);
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'rollback 7']);
    expect(target.healthAt).toHaveLength(40);
    expect(result.status).toBe('rolled-back');
    expect(result.steps[0]).toMatchObject({
      decision: 'rollback',
      decidedAt: at(20 * MINUTE),
      reasons: [
        'not enough traffic to judge after 20m (twice the 10m bake)',
        'only 12 requests reached the candidate (at least 100 are needed)',
        'error rate 0% (0 of 12) not judged yet against 1%',
        'p95 latency 120 ms not judged yet against 250 ms',
      ],
    });
    expect(result.summary).toBe('Rolled back at step 1 of 2 (10%): not enough traffic to judge after 20m (twice the 10m bake): only 12 requests reached the candidate (at least 100 are needed).');
    expect(logger.messages('info')).toContain('Step 1 of 2 (10%): only 12 requests reached the candidate (at least 100 are needed) after the 10m bake; baking up to 20m.');
  });

  test('traffic that arrives during the extended bake lets the step continue then', async () => {
    const late: Script = (step, elapsedMs) => (step === 1 && elapsedMs < 12.5 * MINUTE ? { candidate: { requests: 50, errors: 0, latencyP95Ms: 120 }, alarms: [] } : traffic(Math.max(elapsedMs, 10 * MINUTE)));
    const { result } = await rollout('canary', late);
    expect(result.status).toBe('promoted');
    expect(result.steps.map((record) => [record.decision, record.startedAt, record.decidedAt])).toEqual([
      ['continue', at(0), at(12.5 * MINUTE)],
      ['promote', at(12.5 * MINUTE), at(22.5 * MINUTE)],
    ]);
  });

  test('linear steps of 30%: 30, 60, 90, 100, then promoted', async () => {
    const { result, target } = await rollout('linear', healthy, { linearStepPercent: 30 });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 30%', 'route 7 60%', 'route 7 90%', 'route 7 100%', 'promote 7']);
    expect(result.steps.map((record) => [record.percent, record.decision])).toEqual([
      [30, 'continue'],
      [60, 'continue'],
      [90, 'continue'],
      [100, 'promote'],
    ]);
    expect(result.summary).toBe('Version 7 promoted: healthy at every step (30% → 60% → 90% → 100%).');
  });

  test('all at once: 100%, baked, then promoted', async () => {
    const { result, target } = await rollout('all-at-once', healthy);
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 100%', 'promote 7']);
    expect(result.steps).toMatchObject([{ step: 1, percent: 100, decision: 'promote', decidedAt: at(10 * MINUTE) }]);
  });

  test('shadow: no live traffic, mirrored requests only; healthy ends the shadow without promoting', async () => {
    const shadowRules: HealthRules = { ...rules, maxPredictionDrift: 0.1 };
    const { result, target } = await rollout('shadow', (_step, elapsedMs) => traffic(elapsedMs, 0.0035, 120, { predictionDrift: 0.04 }), { rules: shadowRules });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 0% mirror 100%', 'rollback 7']);
    expect(result.status).toBe('shadowed');
    expect(result.liveVersion).toBe(6);
    expect(result.summary).toBe('Version 7 was healthy on 100% of requests mirrored to it for 10m; a shadow does not promote, version 6 still serves all traffic.');
    expect(result.steps).toMatchObject([
      {
        step: 1,
        percent: 0,
        mirrorPercent: 100,
        decision: 'pass',
        reasons: ['error rate 0.35% (7 of 2,000) ≤ 1%', 'p95 latency 120 ms ≤ 250 ms', 'prediction drift (Jensen–Shannon) 0.04 ≤ 0.1', '2,000 requests reached the candidate (at least 100 are needed)'],
      },
    ]);
  });

  test('shadow: predictions that drift from the live version roll the shadow back', async () => {
    const shadowRules: HealthRules = { ...rules, maxPredictionDrift: 0.1 };
    const { result, target } = await rollout('shadow', (_step, elapsedMs) => traffic(elapsedMs, 0, 120, { predictionDrift: 0.35 }), { rules: shadowRules });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 0% mirror 100%', 'rollback 7']);
    expect(result.status).toBe('rolled-back');
    expect(result.summary).toBe('Rolled back at step 1 of 1 (mirror 100%): prediction drift (Jensen–Shannon) 0.35 > 0.1 after 30s of the 10m bake.');
  });

  test('a target error while routing: the rollback is attempted, the status is failed, nothing is rethrown', async () => {
    const fail = (call: string) => (call === 'route 7 100%' ? new ServiceError('UpdateEndpoint: ThrottlingException: Rate exceeded') : undefined);
    const { result, target, logger } = await rollout('canary', healthy, { fail });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'route 7 100%', 'rollback 7']);
    expect(result.status).toBe('failed');
    expect(result.liveVersion).toBe(6);
    expect(result.summary).toBe('Failed at step 2 of 2 (100%): the target failed to route 100% of traffic to version 7: UpdateEndpoint: ThrottlingException: Rate exceeded; rolled back, version 6 serves all traffic.');
    expect(result.steps[1]).toEqual({
      step: 2,
      percent: 100,
      startedAt: at(10 * MINUTE),
      decidedAt: at(10 * MINUTE),
      decision: 'rollback',
      reasons: ['the target failed to route 100% of traffic to version 7: UpdateEndpoint: ThrottlingException: Rate exceeded', 'rolled back'],
    });
    expect(logger.messages('error')).toEqual([result.summary]);
  });

  test('a target error and a failing rollback are both reported; the live version is asked again', async () => {
    const fail = (call: string) => (call === 'route 7 10%' ? new Error('connection reset') : call === 'rollback 7' ? new Error('endpoint is Updating') : undefined);
    const { result, target } = await rollout('canary', healthy, { fail });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'rollback 7', 'liveVersion']);
    expect(result.status).toBe('failed');
    expect(result.summary).toBe('Failed at step 1 of 2 (10%): the target failed to route 10% of traffic to version 7: connection reset; the rollback failed too: endpoint is Updating. Check what serves traffic.');
    expect(result.steps[0]?.reasons).toEqual(['the target failed to route 10% of traffic to version 7: connection reset', 'the rollback failed too: endpoint is Updating']);
  });

  test('a failing promotion rolls back and fails', async () => {
    const fail = (call: string) => (call === 'promote 7' ? new Error('alias update refused') : undefined);
    const { result, target } = await rollout('all-at-once', healthy, { fail });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 100%', 'promote 7', 'rollback 7']);
    expect(result.status).toBe('failed');
    expect(result.liveVersion).toBe(6);
    expect(result.steps[0]).toMatchObject({ decision: 'rollback', reasons: ['the target failed to promote version 7: alias update refused', 'rolled back'], evidence: traffic(10 * MINUTE) });
  });

  test('cancellation during a bake rolls back with "the run was cancelled"', async () => {
    const controller = new AbortController();
    const cancelAt4: Script = (step, elapsedMs) => {
      if (step === 1 && elapsedMs === 4 * MINUTE) controller.abort();
      return traffic(elapsedMs);
    };
    const { result, target } = await rollout('canary', cancelAt4, { signal: controller.signal });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'rollback 7']);
    expect(result.status).toBe('rolled-back');
    expect(result.liveVersion).toBe(6);
    expect(result.summary).toBe('Rolled back at step 1 of 2 (10%): the run was cancelled.');
    expect(result.steps).toEqual([{ step: 1, percent: 10, startedAt: at(0), decidedAt: at(4 * MINUTE), decision: 'rollback', reasons: ['the run was cancelled'], evidence: traffic(4 * MINUTE) }]);
  });

  test('cancellation interrupts a sleep that has not ended', async () => {
    const controller = new AbortController();
    const clock: Clock = { now: () => START, sleep: () => new Promise(() => {}) };
    const target = fakeTarget(clock, healthy);
    setTimeout(() => controller.abort(), 5);
    const result = await runRollout({ plan: plan('canary'), rules, target, candidate: 7, clock, logger: recordingLogger(), signal: controller.signal });
    expect(target.calls).toEqual(['liveVersion', 'prepare 7', 'route 7 10%', 'rollback 7']);
    expect(result.status).toBe('rolled-back');
    expect(result.steps).toEqual([{ step: 1, percent: 10, startedAt: at(0), decidedAt: at(0), decision: 'rollback', reasons: ['the run was cancelled'] }]);
  });

  test('a bake of 0 judges each step once, right after routing', async () => {
    const clock = fakeClock();
    const target = fakeTarget(clock, () => traffic(10 * MINUTE));
    const result = await runRollout({ plan: plan('canary', { bakeMinutes: 0 }), rules, target, candidate: 7, clock, logger: recordingLogger() });
    expect(result.status).toBe('promoted');
    expect(target.healthAt).toEqual([{ step: 1, elapsedMs: 0 }, { step: 2, elapsedMs: 0 }]);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('renderRolloutMarkdown', () => {
  const cells = (line: string): string[] => line.split(/(?<!\\)\|/).slice(1, -1).map((part) => part.trim());

  test('a rollback at step 2: the verdict, the timeline rows and the rules', async () => {
    const { result, target } = await rollout('canary', (step, elapsedMs) => traffic(elapsedMs, step === 1 ? 0.0035 : 0, step === 1 ? 120 : 812));
    const markdown = renderRolloutMarkdown(result, { model: 'registry:churn@7', live: 6, target: target.description, strategy: 'canary', rules });
    const lines = markdown.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '### ↩️ Rolled back · `registry:churn@7`',
      '',
      '**Rolled back at step 2 of 2 (100%): p95 latency 812 ms > 250 ms after 30s of the 10m bake.**',
      '',
      'Strategy `canary` on local target `churn-api`. Before: version 6 served all traffic; now: version 6. Times are UTC, on 2025-06-02.',
    ]);
    const table = lines.filter((line) => line.startsWith('|'));
    expect(table).toHaveLength(4);
    expect(cells(table[0] ?? '')).toEqual(['Step', 'Traffic', 'Started', 'Decided', 'Requests', 'Error rate', 'p95', 'Drift', 'Decision', 'Why']);
    expect(cells(table[2] ?? '')).toEqual([
      '1',
      '10%',
      '12:00:00',
      '12:10:00 (+10m)',
      '2,000',
      '0.35%',
      '120 ms',
      '—',
      '➡️ continue',
      'error rate 0.35% (7 of 2,000) ≤ 1%<br>p95 latency 120 ms ≤ 250 ms<br>2,000 requests reached the candidate (at least 100 are needed)',
    ]);
    expect(cells(table[3] ?? '')).toEqual([
      '2',
      '100%',
      '12:10:00',
      '12:10:30 (+30s)',
      '100',
      '0%',
      '812 ms',
      '—',
      '↩️ roll back',
      'p95 latency 812 ms > 250 ms<br>error rate 0% (0 of 100) ≤ 1%<br>100 requests reached the candidate (at least 100 are needed)',
    ]);
    expect(markdown).toContain(
      '**Rules**\n\n- Error rate ≤ 1%\n- p95 latency ≤ 250 ms\n- At least 100 requests per step; a step short of them bakes up to twice as long, then rolls back\n- Any alarm in ALARM rolls back at once\n',
    );
  });

  test.each<[string, string]>([
    ['promoted', '### ✅ Promoted · `registry:churn@7`'],
    ['shadowed', '### 👥 Shadow healthy, not promoted · `registry:churn@7`'],
  ])('the %s heading', async (status, heading) => {
    const strategy: Strategy = status === 'shadowed' ? 'shadow' : 'canary';
    const { result, target } = await rollout(strategy, (_step, elapsedMs) => traffic(elapsedMs, 0.0035, 120, { predictionDrift: 0.04 }));
    const markdown = renderRolloutMarkdown(result, { model: 'registry:churn@7', live: 6, target: target.description, strategy, rules });
    expect(markdown.split('\n')[0]).toBe(heading);
    if (status === 'shadowed') expect(markdown).toMatch(/^\| +1 \| +mirror 100% \| 12:00:00 \| 12:10:00 \(\+10m\) \| +2,000 \| +0\.35% \| +120 ms \| +0\.04 \| ✅ pass \(shadow\) \|/m);
  });

  test('a failure before any step: the verdict without a table, alarms seen listed with the rules', () => {
    const markdown = renderRolloutMarkdown(
      { status: 'failed', summary: 'Failed before any traffic moved: the target failed to prepare version 7: no such model; rolled back, version 6 serves all traffic.', steps: [], liveVersion: 6 },
      { model: 'registry:churn@7', live: 6, target: 'SageMaker endpoint `churn`', strategy: 'linear', rules: { ...rules, maxPredictionDrift: 0.1 } },
    );
    expect(markdown.split('\n')[0]).toBe('### ❌ Failed · `registry:churn@7`');
    expect(markdown).toContain('_No step started: no traffic moved to the candidate._');
    expect(markdown).toContain('- Prediction drift (Jensen–Shannon distance) ≤ 0.1\n');
    expect(markdown).not.toContain('| Step');
  });
});

test.each<[number, string]>([
  [0, '0s'],
  [250, '250 ms'],
  [30_000, '30s'],
  [90_000, '1m 30s'],
  [600_000, '10m'],
  [3_900_000, '1h 5m'],
])('formatDuration(%i) is %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
