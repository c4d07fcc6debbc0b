/**
 * Deployment's vocabulary, independent of the target: a rollout plan (the candidate's traffic share
 * step by step, each baked for a while), health rules, what a target reports about the candidate
 * while it bakes, and the decision at each step (continue, promote, roll back) with its evidence.
 * Time is injected (`Clock`), so a whole rollout runs in milliseconds in tests.
 */

export type Strategy = 'canary' | 'linear' | 'all-at-once' | 'shadow';

export interface RolloutStep {
  /** The candidate's share of live traffic during this step, percent (0 for shadow). */
  percent: number;
  /** Shadow: the share of requests mirrored to the candidate (its answers are not returned). */
  mirrorPercent?: number;
  /** How long the step is watched before the next decision. */
  bakeMs: number;
}

export interface RolloutPlan {
  strategy: Strategy;
  steps: RolloutStep[];
}

export interface HealthRules {
  /** Roll back when the candidate's error rate (errors / requests) exceeds this fraction. */
  maxErrorRate: number;
  /** Roll back when the candidate's p95 latency exceeds this (ms). */
  maxLatencyP95Ms?: number;
  /** Roll back when the candidate's predictions drift from the live version's beyond this (Jensen–Shannon distance, 0–1). */
  maxPredictionDrift?: number;
  /** At least this many candidate requests before a step may promote (else it waits or, at the end, rolls back for lack of evidence). */
  minRequests: number;
}

/** What a target measured of the candidate (and the live version) during a step. */
export interface HealthSnapshot {
  candidate: { requests: number; errors: number; latencyP95Ms?: number };
  live?: { requests: number; errors: number; latencyP95Ms?: number };
  /** Jensen–Shannon distance between the candidate's and the live version's predictions, when both answered. */
  predictionDrift?: number;
  /** External alarms (e.g. CloudWatch) and their state. */
  alarms: Array<{ name: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' }>;
}

/**
 * `continue` to the next step, `promote` the candidate at the end, `rollback`, or (shadow only) `pass`:
 * the candidate was healthy on mirrored traffic, the shadow ends and nothing is promoted.
 */
export type Decision = 'continue' | 'promote' | 'rollback' | 'pass';

export interface StepRecord {
  /** 1-based. */
  step: number;
  percent: number;
  mirrorPercent?: number;
  startedAt: string;
  decidedAt: string;
  decision: Decision;
  /** Why, one line each: every rule's outcome with its numbers. */
  reasons: string[];
  /** The last health snapshot of the step; absent when the decision came before any health check (a target error or a cancellation right after routing). */
  evidence?: HealthSnapshot;
}

export interface RolloutResult {
  /**
   * `promoted`: the candidate is live. `rolled-back`: a rule, a lack of traffic or a cancellation sent all
   * traffic back to the live version. `failed`: the target failed (the rollback was attempted).
   * `shadowed`: a shadow rollout whose candidate was healthy on mirrored traffic; a shadow never
   * promotes, so the live version is unchanged.
   */
  status: 'promoted' | 'rolled-back' | 'failed' | 'shadowed';
  /** One line. */
  summary: string;
  steps: StepRecord[];
  /** The version serving all traffic at the end. */
  liveVersion: number | undefined;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/**
 * A place where model versions serve traffic, driven step by step by the rollout engine (the local
 * target; SageMaker shifts traffic itself under its deployment guardrails).
 */
export interface DeployTarget {
  readonly description: string;
  /** The version serving all traffic now; undefined when nothing is deployed yet. */
  liveVersion(): Promise<number | undefined>;
  /** Makes the candidate ready to take traffic (loads it, creates its model and config). */
  prepare(candidate: number): Promise<void>;
  /** Sends `percent` of live traffic to the candidate (and mirrors `mirrorPercent` in shadow mode). */
  route(candidate: number, percent: number, mirrorPercent?: number): Promise<void>;
  /** What happened to the candidate since `sinceMs` (clock time). */
  health(candidate: number, sinceMs: number): Promise<HealthSnapshot>;
  /** All traffic to the candidate; it becomes the live version. */
  promote(candidate: number): Promise<void>;
  /** All traffic back to the live version; the candidate takes none. */
  rollback(candidate: number): Promise<void>;
}
