/**
 * The rollout plan of a strategy: the candidate's traffic share step by step, each step baked (watched)
 * for the same time.
 *
 * - canary: `canaryPercent`, then 100 (a canary of 100 is the single step 100).
 * - linear: `linearStepPercent`, 2×, 3×, … while below 100, then exactly 100 (30 → 30, 60, 90, 100;
 *   25 → 25, 50, 75, 100). Shares are rounded to 6 decimals so 0.1 × 3 reads 0.3, not 0.30000000000000004.
 * - all-at-once: 100.
 * - shadow: one step with no live traffic (percent 0) and `mirrorPercent` of requests mirrored to the
 *   candidate (default 100). A shadow never promotes: its best outcome is status `shadowed`.
 *
 * The last step (100%) bakes too: the candidate is watched while it takes all traffic, so a failure that
 * shows only at full load rolls back before the candidate becomes the live version (before the registry
 * alias moves). A bake of 0 judges each step once, right after routing.
 *
 * Invalid values (NaN, a share ≤ 0 or > 100, a negative or infinite bake) throw an InputError that names
 * the action input: `canary-percent`, `linear-step-percent`, `bake-minutes`, `mirror-percent`.
 */
import { invalidInput } from '../inputs/parsers.js';
import type { RolloutPlan, RolloutStep, Strategy } from './types.js';

export interface PlanOptions {
  canaryPercent: number;
  linearStepPercent: number;
  bakeMinutes: number;
  /** Shadow only; default 100. */
  mirrorPercent?: number;
}

const SHARE = 'a percentage greater than 0 and at most 100';

function share(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0 || value > 100) throw invalidInput(name, String(value), SHARE);
  return value;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function linearShares(step: number): number[] {
  const shares: number[] = [];
  for (let i = 1; round6(i * step) < 100; i += 1) shares.push(round6(i * step));
  shares.push(100);
  return shares;
}

/** The steps of `strategy`. Only the options the strategy uses are checked. */
export function planRollout(strategy: Strategy, options: PlanOptions): RolloutPlan {
  const { bakeMinutes } = options;
  if (!Number.isFinite(bakeMinutes) || bakeMinutes < 0) {
    throw invalidInput('bake-minutes', String(bakeMinutes), 'a number of minutes of at least 0');
  }
  const bakeMs = Math.round(bakeMinutes * 60_000);
  const at = (percent: number): RolloutStep => ({ percent, bakeMs });
  switch (strategy) {
    case 'canary': {
      const canary = share(options.canaryPercent, 'canary-percent');
      return { strategy, steps: canary === 100 ? [at(100)] : [at(canary), at(100)] };
    }
    case 'linear':
      return { strategy, steps: linearShares(share(options.linearStepPercent, 'linear-step-percent')).map(at) };
    case 'all-at-once':
      return { strategy, steps: [at(100)] };
    case 'shadow': {
      const mirrorPercent = share(options.mirrorPercent ?? 100, 'mirror-percent');
      return { strategy, steps: [{ percent: 0, mirrorPercent, bakeMs }] };
    }
  }
}
