/**
 * The rollout engine: drives a DeployTarget through a plan's steps and decides at each one, from the
 * candidate's health, whether to continue, promote or roll back. Time comes from an injected Clock, so
 * a rollout of hours runs in milliseconds in tests.
 *
 * For the whole rollout: read the live version, `prepare` the candidate, then for each step:
 * 1. `route` the step's share (and mirror share, shadow) to the candidate; the step starts when that returns.
 * 2. Bake: sleep in slices of min(bake, `checkEveryMs`, default 30 s) and judge the health after each
 *    slice (health.ts). An unhealthy candidate rolls back at once, without waiting for the end of the bake.
 * 3. After the full bake: healthy with enough requests → continue to the next step, or, after the last
 *    step (which bakes too: the candidate is watched at 100% before it becomes the live version),
 *    `promote`. Not enough requests yet → keep baking, up to twice the bake, then roll back with
 *    "not enough traffic to judge". Every decision is a StepRecord with its evidence and reasons.
 * 4. A shadow never promotes: healthy on mirrored traffic, its decision is `pass`, the mirror is removed
 *    (`rollback`: the candidate takes no traffic) and the status is `shadowed`.
 *
 * Failures never leave the candidate in place: when the target throws, the engine calls
 * `target.rollback(candidate)` and returns status `failed` with the error's message (it does not
 * rethrow: the previous version must keep serving); when the rollback throws too, both are reported.
 * Cancellation (the `signal` option, e.g. the workflow run was cancelled) interrupts the bake, rolls back
 * and returns `rolled-back` with the reason "the run was cancelled".
 */
import type { Logger } from '../logger.js';
import { judgeHealth, type HealthVerdict } from './health.js';
import type { Clock, DeployTarget, HealthRules, HealthSnapshot, RolloutPlan, RolloutResult, RolloutStep, StepRecord } from './types.js';

export interface RolloutOptions {
  plan: RolloutPlan;
  rules: HealthRules;
  target: DeployTarget;
  /** The version being rolled out. */
  candidate: number;
  clock: Clock;
  logger: Logger;
  /** Aborting it rolls the candidate back; the result is `rolled-back`, "the run was cancelled". */
  signal?: AbortSignal;
  /** How often a baking step's health is checked, ms; default 30 s. A shorter bake is checked at its end. */
  checkEveryMs?: number;
}

export const CANCELLED_REASON = 'the run was cancelled';
export const NOT_ENOUGH_TRAFFIC = 'not enough traffic to judge';
export const DEFAULT_CHECK_EVERY_MS = 30_000;

/** Thrown inside the engine when the signal aborts; runRollout turns it into a rollback, never rethrows it. */
export class RolloutCancelled extends Error {
  constructor() {
    super(CANCELLED_REASON);
    this.name = 'RolloutCancelled';
  }
}

/** 1h 5m, 10m, 1m 30s, 45s, 250 ms; 0 is `0s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].filter((part) => part !== '');
  return parts.join(' ');
}

/** `10%` or `mirror 100%` (shadow). */
export function describeShare(step: Pick<RolloutStep, 'percent' | 'mirrorPercent'>): string {
  if (step.percent === 0 && step.mirrorPercent !== undefined) return `mirror ${step.mirrorPercent}%`;
  const mirror = step.mirrorPercent === undefined ? '' : `, mirror ${step.mirrorPercent}%`;
  return `${step.percent}%${mirror}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const versionName = (version: number | undefined): string => (version === undefined ? 'no version' : `version ${version}`);
const iso = (ms: number): string => new Date(ms).toISOString();

interface CurrentStep {
  number: number;
  step: RolloutStep;
  startedMs: number;
  evidence?: HealthSnapshot;
}

type BakeOutcome =
  | { kind: 'healthy'; verdict: HealthVerdict; evidence: HealthSnapshot; elapsedMs: number }
  | { kind: 'unhealthy'; verdict: HealthVerdict; evidence: HealthSnapshot; elapsedMs: number }
  | { kind: 'no-evidence'; verdict: HealthVerdict; evidence: HealthSnapshot; elapsedMs: number };

/** Runs the plan to its end and reports what happened; it throws only for a malformed plan or options. */
export async function runRollout(options: RolloutOptions): Promise<RolloutResult> {
  const { plan, rules, target, candidate, clock, logger, signal } = options;
  const checkEveryMs = options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS;
  if (!(checkEveryMs > 0) || !Number.isFinite(checkEveryMs)) throw new RangeError(`checkEveryMs must be a positive number of milliseconds, got ${checkEveryMs}`);
  if (plan.steps.length === 0) throw new RangeError(`the ${plan.strategy} plan has no steps`);

  const total = plan.steps.length;
  const shadow = plan.strategy === 'shadow';
  const records: StepRecord[] = [];
  let previous: number | undefined;
  let previousKnown = false;
  /** What the engine was doing, for the message when the target throws. */
  let doing = 'read the live version';
  let current: CurrentStep | undefined;

  const where = (at: CurrentStep): string => `step ${at.number} of ${total} (${describeShare(at.step)})`;

  const checkCancelled = (): void => {
    if (signal?.aborted === true) throw new RolloutCancelled();
  };

  const sleep = async (ms: number): Promise<void> => {
    if (signal === undefined) return clock.sleep(ms);
    checkCancelled();
    let onAbort = (): void => {};
    const aborted = new Promise<never>((_resolve, reject) => {
      onAbort = () => reject(new RolloutCancelled());
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([clock.sleep(ms), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    checkCancelled();
  };

  const record = (at: CurrentStep, decision: StepRecord['decision'], decidedMs: number, reasons: string[]): StepRecord => {
    const entry: StepRecord = {
      step: at.number,
      percent: at.step.percent,
      ...(at.step.mirrorPercent === undefined ? {} : { mirrorPercent: at.step.mirrorPercent }),
      startedAt: iso(at.startedMs),
      decidedAt: iso(decidedMs),
      decision,
      reasons,
      ...(at.evidence === undefined ? {} : { evidence: at.evidence }),
    };
    records.push(entry);
    return entry;
  };

  /** Rolls back; the error message when the rollback itself failed. */
  const tryRollback = async (): Promise<string | undefined> => {
    try {
      await target.rollback(candidate);
      return undefined;
    } catch (error) {
      return messageOf(error);
    }
  };

  /** The live version after a failure: the previous one when the rollback worked, else whatever the target says. */
  const liveAfterFailure = async (rollbackError: string | undefined): Promise<number | undefined> => {
    if (rollbackError === undefined && previousKnown) return previous;
    try {
      return await target.liveVersion();
    } catch {
      return undefined;
    }
  };

  const bake = async (at: CurrentStep): Promise<BakeOutcome> => {
    const { bakeMs } = at.step;
    const slice = Math.min(bakeMs, checkEveryMs);
    let slept = 0;
    let extended = false;
    // Elapsed time is the clock's, but never less than the time slept: a clock that does not move cannot loop forever.
    const elapsed = (): number => Math.max(clock.now() - at.startedMs, slept);
    for (;;) {
      const wait = Math.min(slice, (extended ? 2 * bakeMs : bakeMs) - elapsed());
      if (wait > 0) {
        await sleep(wait);
        slept += wait;
      }
      doing = `read the health of version ${candidate}`;
      const evidence = await target.health(candidate, at.startedMs);
      at.evidence = evidence;
      checkCancelled();
      const verdict = judgeHealth(evidence, rules);
      const elapsedMs = elapsed();
      logger.debug(`${where(at)} after ${formatDuration(elapsedMs)}: ${verdict.reasons.join('; ')}`);
      if (!verdict.healthy) return { kind: 'unhealthy', verdict, evidence, elapsedMs };
      if (elapsedMs < bakeMs) continue;
      if (verdict.enoughEvidence) return { kind: 'healthy', verdict, evidence, elapsedMs };
      if (elapsedMs >= 2 * bakeMs) return { kind: 'no-evidence', verdict, evidence, elapsedMs };
      if (!extended) {
        extended = true;
        logger.info(`${capitalize(where(at))}: ${verdict.evidence} after the ${formatDuration(bakeMs)} bake; baking up to ${formatDuration(2 * bakeMs)}.`);
      }
    }
  };

  /** Rolls back after a decision against the candidate (a rule, too little traffic, a cancellation). */
  const rollBack = async (at: CurrentStep | undefined, decidedMs: number, reasons: string[], why: string): Promise<RolloutResult> => {
    const rollbackError = await tryRollback();
    const lines = rollbackError === undefined ? reasons : [...reasons, `the rollback failed: ${rollbackError}`];
    if (at !== undefined) record(at, 'rollback', decidedMs, lines);
    const place = at === undefined ? 'before any traffic moved' : `at ${where(at)}`;
    if (rollbackError !== undefined) {
      const summary = `Failed ${place}: ${why}; the rollback failed: ${rollbackError}. Check what serves traffic.`;
      logger.error(summary);
      return { status: 'failed', summary, steps: records, liveVersion: await liveAfterFailure(rollbackError) };
    }
    const summary = `Rolled back ${place}: ${why}.`;
    logger.warning(`${summary} ${capitalize(versionName(previous))} serves all traffic.`);
    return { status: 'rolled-back', summary, steps: records, liveVersion: previous };
  };

  const fail = async (error: unknown): Promise<RolloutResult> => {
    const decidedMs = clock.now();
    const message = `the target failed to ${doing}: ${messageOf(error)}`;
    const rollbackError = await tryRollback();
    const after = rollbackError === undefined ? 'rolled back' : `the rollback failed too: ${rollbackError}`;
    if (current !== undefined) record(current, 'rollback', decidedMs, [message, after]);
    const place = current === undefined ? 'before any traffic moved' : `at ${where(current)}`;
    const tail = rollbackError === undefined ? `rolled back, ${versionName(previous)} serves all traffic` : `${after}. Check what serves traffic`;
    const summary = `Failed ${place}: ${message}; ${tail}.`;
    logger.error(summary);
    return { status: 'failed', summary, steps: records, liveVersion: await liveAfterFailure(rollbackError) };
  };

  try {
    previous = await target.liveVersion();
    previousKnown = true;
    checkCancelled();
    doing = `prepare version ${candidate}`;
    await target.prepare(candidate);

    for (const [index, step] of plan.steps.entries()) {
      const at: CurrentStep = { number: index + 1, step, startedMs: clock.now() };
      current = at;
      checkCancelled();
      doing = shadow ? `mirror ${step.mirrorPercent ?? 0}% of requests to version ${candidate}` : `route ${step.percent}% of traffic to version ${candidate}`;
      if (step.mirrorPercent === undefined) await target.route(candidate, step.percent);
      else await target.route(candidate, step.percent, step.mirrorPercent);
      at.startedMs = clock.now();
      logger.info(`${capitalize(where(at))}: version ${candidate} takes ${shadow ? 'mirrored requests' : 'its share of traffic'}; baking ${formatDuration(step.bakeMs)}.`);
      checkCancelled();

      const outcome = await bake(at);
      const decidedMs = clock.now();
      const { verdict } = outcome;
      if (outcome.kind === 'unhealthy') {
        const early = outcome.elapsedMs < step.bakeMs ? ` after ${formatDuration(outcome.elapsedMs)} of the ${formatDuration(step.bakeMs)} bake` : '';
        const rest = verdict.reasons.filter((line) => !verdict.problems.includes(line));
        return await rollBack(at, decidedMs, [...verdict.problems, ...rest], `${verdict.problems.join('; ')}${early}`);
      }
      if (outcome.kind === 'no-evidence') {
        const line = `${NOT_ENOUGH_TRAFFIC} after ${formatDuration(outcome.elapsedMs)} (twice the ${formatDuration(step.bakeMs)} bake)`;
        const rest = verdict.reasons.filter((reason) => reason !== verdict.evidence);
        return await rollBack(at, decidedMs, [line, verdict.evidence, ...rest], `${line}: ${verdict.evidence}`);
      }

      const last = index === total - 1;
      if (!last) {
        record(at, 'continue', decidedMs, verdict.reasons);
        logger.info(`${capitalize(where(at))}: continue after ${formatDuration(outcome.elapsedMs)}: ${verdict.reasons.join('; ')}.`);
        continue;
      }
      if (shadow) {
        doing = `end the shadow of version ${candidate}`;
        await target.rollback(candidate);
        record(at, 'pass', decidedMs, verdict.reasons);
        const summary = `Version ${candidate} was healthy on ${step.mirrorPercent ?? 0}% of requests mirrored to it for ${formatDuration(outcome.elapsedMs)}; a shadow does not promote, ${versionName(previous)} still serves all traffic.`;
        logger.info(`${capitalize(where(at))}: pass: ${verdict.reasons.join('; ')}. ${summary}`);
        return { status: 'shadowed', summary, steps: records, liveVersion: previous };
      }
      doing = `promote version ${candidate}`;
      await target.promote(candidate);
      record(at, 'promote', decidedMs, verdict.reasons);
      const shares = plan.steps.map((planned) => `${planned.percent}%`).join(' → ');
      const summary = `Version ${candidate} promoted: healthy at every step (${shares}).`;
      logger.info(`${capitalize(where(at))}: promote after ${formatDuration(outcome.elapsedMs)}: ${verdict.reasons.join('; ')}. ${summary}`);
      return { status: 'promoted', summary, steps: records, liveVersion: candidate };
    }
    throw new Error('unreachable: the plan has steps');
  } catch (error) {
    if (error instanceof RolloutCancelled) return rollBack(current, clock.now(), [CANCELLED_REASON], CANCELLED_REASON);
    return fail(error);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
