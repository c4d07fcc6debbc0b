/**
 * The threads of a parallel CSV scan: the main thread and each worker take byte ranges of a local
 * file from a shared counter and scan them; a worker posts each ScanPart back. Bundled actions start
 * workers on their own entry file, which calls runScanWorker when it is not the main thread.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { readCsvRange, type CsvRange, type CsvRangeEnd } from '../data/csv-reader.js';
import { localFileSource } from '../data/local-file.js';
import { describeError } from '../errors.js';
import type { DataSchema } from '../schema/types.js';
import { keyLogBuffers } from '../schema/unique-index.js';
import { type ScanPart, TableScan } from './table-scan.js';

export const SCAN_TASK = 'cd4ml-csv-range';

/**
 * The byte ranges of one CSV file, shared by the threads that scan them: each thread takes the next
 * range from the shared counter until none is left (so a worker that fails to start leaves its range
 * to the others).
 */
export interface ScanJob {
  kind: typeof SCAN_TASK;
  path: string;
  name: string;
  delimiter: string;
  columns: string[];
  schema: DataSchema | undefined;
  maxExamples: number;
  ranges: CsvRange[];
  /** [0]: the next range to take (over a SharedArrayBuffer, so every thread sees it; Atomics). */
  next: Int32Array;
}

export type ScanReply = { part: ScanPart; end: CsvRangeEnd } | { error: string };

/** What a worker posts: a range's reply, or (index -1) that it took its last range. */
export interface RangeReply {
  index: number;
  reply?: ScanReply;
}

/** A job over `ranges` with a fresh shared counter. */
export function scanJob(fields: Omit<ScanJob, 'kind' | 'next'>): ScanJob {
  return { kind: SCAN_TASK, ...fields, next: new Int32Array(new SharedArrayBuffer(4)) };
}

/** Scans range `index` of the job; any error becomes a message (the main thread decides whether it is real). */
export async function scanRange(job: ScanJob, index: number): Promise<ScanReply> {
  try {
    const source = await localFileSource(job.path, job.name);
    const scan = new TableScan({ schema: job.schema, maxExamples: job.maxExamples });
    scan.columns(job.columns, job.name);
    const end = await readCsvRange(source, scan, job.delimiter, job.ranges[index]!);
    return { part: scan.result(), end };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** Takes ranges of the job and scans them, one at a time, until none is left. */
export async function scanRanges(job: ScanJob, done: (index: number, reply: ScanReply) => void): Promise<void> {
  for (;;) {
    const index = Atomics.add(job.next, 0, 1);
    if (index >= job.ranges.length) return;
    done(index, await scanRange(job, index));
  }
}

/** True when this thread was started to scan ranges. */
export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as { kind?: unknown } | null)?.kind === SCAN_TASK;
}

/** What a worker is started with: a job, or nothing yet (a spare worker, sent its job when one comes). */
type WorkerStart = ScanJob | { kind: typeof SCAN_TASK; job: null };

/**
 * Scans ranges of the job it was started with (a spare worker: of the job it is sent), posting each
 * reply (its key logs transferred, not copied), then ends.
 */
export async function runScanWorker(): Promise<void> {
  const port = parentPort!;
  const start = workerData as WorkerStart;
  const job = 'ranges' in start ? start : await new Promise<ScanJob>((resolve) => port.once('message', resolve));
  await scanRanges(job, (index, reply) => {
    const transfer: ArrayBuffer[] = [];
    if ('part' in reply) {
      for (const checks of reply.part.checks) if (checks?.unique) transfer.push(...keyLogBuffers(checks.unique));
      if (reply.part.key) transfer.push(...keyLogBuffers(reply.part.key));
    }
    port.postMessage({ index, reply } satisfies RangeReply, transfer);
  });
  port.postMessage({ index: -1 } satisfies RangeReply);
  port.close();
}

let entryScript: string | undefined;
/** Workers started ahead of any job (useWorkerScript); they do not keep the process alive while unused. */
const spares: Worker[] = [];

/** Threads a scan uses unless told otherwise: CD4ML_THREADS (0 or 1: the calling thread only), else the machine's cores. */
export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env['CD4ML_THREADS'];
  const parsed = Number(configured);
  return configured !== undefined && configured !== '' && Number.isInteger(parsed) && parsed >= 0 ? Math.max(1, parsed) : availableParallelism();
}

/** At most this many workers are started ahead (the rest of a many-core machine's start when needed). */
const MAX_SPARES = 3;

/**
 * Names the script that runs scan workers: a bundled action's own entry file. A worker takes about
 * 0.2 s to start, so the workers a large file would get (one per core but this thread, up to
 * MAX_SPARES) start now, while the action still loads; one left unused does not keep the process alive.
 */
export function useWorkerScript(path: string): void {
  entryScript = path;
  for (let i = spares.length + 1; i < Math.min(defaultThreads(), MAX_SPARES + 1); i += 1) {
    const worker = new Worker(path, { workerData: { kind: SCAN_TASK, job: null } satisfies WorkerStart });
    worker.unref();
    const drop = (): void => {
      const at = spares.indexOf(worker);
      if (at >= 0) spares.splice(at, 1);
    };
    worker.once('error', drop);
    worker.once('exit', drop);
    spares.push(worker);
  }
}

/** The script set by useWorkerScript, if any (none in tests that import the sources directly). */
export function workerScript(): string | undefined {
  return entryScript;
}

/** A worker scanning ranges of the job: a spare one when there is one, else a new one on `script`. */
export function startWorker(script: string, job: ScanJob): Worker {
  const spare = script === entryScript ? spares.shift() : undefined;
  if (spare === undefined) return new Worker(script, { workerData: job });
  spare.ref();
  spare.postMessage(job);
  return spare;
}
