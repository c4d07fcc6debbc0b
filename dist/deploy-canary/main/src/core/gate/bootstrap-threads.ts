/**
 * The paired bootstrap over several threads. Resamples [0, B) are cut into one contiguous part per
 * thread; each worker rebuilds the evaluators from a copy of the scored rows and returns its part's
 * values. Every resample has its own random stream, so the result is the same for any number of
 * threads. Bundled actions start the workers on their own entry file (see the action's index.ts).
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { describeError } from '../errors.js';
import { type BootstrapOptions, type BootstrapSamples, pairedBootstrap } from './bootstrap.js';
import { evaluatorsFor, type ScoredRows } from './evaluators.js';

export const BOOTSTRAP_TASK = 'cd4ml-bootstrap';

interface BootstrapJob {
  kind: typeof BOOTSTRAP_TASK;
  rows: ScoredRows;
  resamples: number;
  seed: number;
  first: number;
  last: number;
}

type BootstrapReply = { samples: BootstrapSamples } | { error: string };

/** Below this many row-resamples (rows × B) the calling thread does it all: a worker's start costs more. */
export const PARALLEL_MIN_WORK = 20_000_000;

let entryScript: string | undefined;

/** Names the script bootstrap workers start on: a bundled action's own entry file. */
export function useBootstrapScript(path: string): void {
  entryScript = path;
}

/** The script set by useBootstrapScript, if any (none in tests that import the sources directly). */
export function bootstrapScript(): string | undefined {
  return entryScript;
}

/** True when this thread was started to run part of a bootstrap. */
export function isBootstrapWorker(): boolean {
  return parentPort !== null && (workerData as { kind?: unknown } | null)?.kind === BOOTSTRAP_TASK;
}

export function runBootstrapWorker(): void {
  const job = workerData as BootstrapJob;
  let reply: BootstrapReply;
  try {
    const { candidate, baseline } = evaluatorsFor(job.rows);
    reply = { samples: pairedBootstrap(candidate, baseline, { resamples: job.resamples, seed: job.seed }, job.first, job.last) };
  } catch (error) {
    reply = { error: describeError(error) };
  }
  const transfer = 'samples' in reply ? [...reply.samples.candidate, ...(reply.samples.baseline ?? []), ...(reply.samples.delta ?? [])].map((array) => array.buffer as ArrayBuffer) : [];
  parentPort!.postMessage(reply, transfer);
}

function concat(parts: readonly (Float64Array[] | undefined)[], metrics: number): Float64Array[] | undefined {
  if (parts[0] === undefined) return undefined;
  return Array.from({ length: metrics }, (_, m) => {
    const arrays = parts.map((part) => part![m]!);
    const out = new Float64Array(arrays.reduce((sum, array) => sum + array.length, 0));
    let at = 0;
    for (const array of arrays) {
      out.set(array, at);
      at += array.length;
    }
    return out;
  });
}

export interface ThreadOptions {
  /** Threads to use, this one included. */
  threads: number;
  /** The script workers start on (a bundle's entry); without one, this thread does everything. */
  script: string | undefined;
  /** Row-resamples below which this thread does it all (default PARALLEL_MIN_WORK). */
  minWork?: number;
  /** Told when a worker failed and this thread did its part. */
  onWorkerError?: (message: string) => void;
}

function runPart(script: string, job: BootstrapJob): Promise<BootstrapSamples> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    worker.once('message', (reply: BootstrapReply) => {
      if ('error' in reply) reject(new Error(`a bootstrap thread failed: ${reply.error}`));
      else resolve(reply.samples);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a bootstrap thread exited with code ${code}`));
    });
  });
}

/** The paired bootstrap of `rows`, split over threads when it is large enough to gain from it. */
export async function bootstrapScoredRows(rows: ScoredRows, options: BootstrapOptions, threads: ThreadOptions): Promise<BootstrapSamples> {
  const { candidate, baseline } = evaluatorsFor(rows);
  const parts = Math.min(threads.threads, options.resamples);
  if (threads.script === undefined || parts < 2 || candidate.rows * options.resamples < (threads.minWork ?? PARALLEL_MIN_WORK)) {
    return pairedBootstrap(candidate, baseline, options);
  }
  const bounds = Array.from({ length: parts + 1 }, (_, part) => Math.round((part * options.resamples) / parts));
  // A part whose worker fails (it could not start, or ran out of memory) is done here instead: same streams, same values.
  const workers = bounds.slice(1, -1).map((first, part) => {
    const last = bounds[part + 2]!;
    return runPart(threads.script!, { kind: BOOTSTRAP_TASK, rows, resamples: options.resamples, seed: options.seed, first, last }).catch((error: unknown) => {
      threads.onWorkerError?.(`resamples ${first}–${last - 1} ran on the main thread: ${describeError(error)}`);
      return pairedBootstrap(candidate, baseline, options, first, last);
    });
  });
  const own = pairedBootstrap(candidate, baseline, options, 0, bounds[1]!);
  const all = [own, ...(await Promise.all(workers))];
  const metrics = candidate.names.length;
  const merged: BootstrapSamples = { names: candidate.names, resamples: options.resamples, candidate: concat(all.map((part) => part.candidate), metrics)! };
  const baselineSamples = concat(all.map((part) => part.baseline), metrics);
  const deltaSamples = concat(all.map((part) => part.delta), metrics);
  if (baselineSamples !== undefined) merged.baseline = baselineSamples;
  if (deltaSamples !== undefined) merged.delta = deltaSamples;
  return merged;
}
