/**
 * The worker-thread side of a parallel CSV scan: reads one byte range of a local file and posts its
 * ScanPart back. Bundled actions start workers on their own entry file, which calls runScanWorker
 * when it is not the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readCsvRange, type CsvRange, type CsvRangeEnd } from '../data/csv-reader.js';
import { localFileSource } from '../data/local-file.js';
import { describeError } from '../errors.js';
import type { DataSchema } from '../schema/types.js';
import { type ScanPart, TableScan } from './table-scan.js';

export const SCAN_TASK = 'cd4ml-csv-range';

export interface ScanTask {
  kind: typeof SCAN_TASK;
  path: string;
  name: string;
  delimiter: string;
  columns: string[];
  schema: DataSchema | undefined;
  maxExamples: number;
  range: CsvRange;
}

export type ScanReply = { part: ScanPart; end: CsvRangeEnd } | { error: string };

/** Scans one range; any error becomes a message (the main thread decides whether it is real). */
export async function scanRange(task: ScanTask): Promise<ScanReply> {
  try {
    const source = await localFileSource(task.path, task.name);
    const scan = new TableScan({ schema: task.schema, maxExamples: task.maxExamples });
    scan.columns(task.columns, task.name);
    const end = await readCsvRange(source, scan, task.delimiter, task.range);
    return { part: scan.result(), end };
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** True when this thread was started to scan a range. */
export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as { kind?: unknown } | null)?.kind === SCAN_TASK;
}

export async function runScanWorker(): Promise<void> {
  const reply = await scanRange(workerData as ScanTask);
  const transfer: ArrayBuffer[] = [];
  if ('part' in reply) {
    for (const checks of reply.part.checks) if (checks?.unique) transfer.push(checks.unique.words.buffer as ArrayBuffer);
    if (reply.part.key) transfer.push(reply.part.key.index.words.buffer as ArrayBuffer);
  }
  parentPort!.postMessage(reply, transfer);
}

let entryScript: string | undefined;

/** Names the script that runs scan workers: a bundled action's own entry file. */
export function useWorkerScript(path: string): void {
  entryScript = path;
}

/** The script set by useWorkerScript, if any (none in tests that import the sources directly). */
export function workerScript(): string | undefined {
  return entryScript;
}
