/**
 * The one retry helper: exponential backoff with full jitter (a delay drawn uniformly from
 * [0, min(maxMs, baseMs · 2^attempt)]), as AWS recommends for contended writers, so that concurrent
 * losers of a compare-and-swap spread out instead of colliding again in lockstep.
 */
import { ServiceError } from './errors.js';

export interface RetryOptions {
  /** Tries in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Injected for tests; `setTimeout` by default. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests; `Math.random` by default. */
  random?: () => number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The delay before retry number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseMs' | 'maxMs' | 'random'>): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/**
 * Runs `operation` until it returns a value other than `undefined` (undefined means "lost a race,
 * try again"); errors it throws are not retried. After `attempts` tries, a ServiceError says `what`
 * kept failing.
 */
export async function retryWhileUndefined<T>(what: string, options: RetryOptions, operation: (attempt: number) => Promise<T | undefined>): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 0; attempt < options.attempts; attempt += 1) {
    const result = await operation(attempt);
    if (result !== undefined) return result;
    if (attempt + 1 < options.attempts) await wait(backoffDelay(attempt, options));
  }
  throw new ServiceError(`${what}: other writers kept changing it; gave up after ${options.attempts} attempts. Run again; nothing half-written was left.`);
}
