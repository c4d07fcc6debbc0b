/**
 * Scans a dataset — one or more files or objects, any supported format — into a ScanTotal: the
 * profile of every column and the row-level checks of the schema, in one pass over the data.
 *
 * Large local CSV/TSV files are split into byte ranges scanned by worker threads (one per core) and
 * merged in file order through the mergeable profile; everything else is streamed in this thread.
 */
import { Worker } from 'node:worker_threads';
import { delimiterOf, readCsv, readCsvHeader, readCsvRange } from '../data/csv-reader.js';
import { type DataFormat, detectFormat } from '../data/format.js';
import { readJsonl } from '../data/jsonl-reader.js';
import { readParquet } from '../data/parquet-reader.js';
import type { ByteSource } from '../data/source.js';
import { InputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { DataSchema } from '../schema/types.js';
import { splitCsv } from './csv-ranges.js';
import { ScanTotal } from './scan-total.js';
import { type ScanReply, type ScanTask, SCAN_TASK, scanRange } from './scan-worker.js';
import { TableScan } from './table-scan.js';

/** Below this size a file is scanned in one thread: starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export interface ScanDatasetOptions {
  format: 'auto' | DataFormat;
  schema: DataSchema | undefined;
  maxExamples: number;
  /** Byte ranges per large CSV/TSV file (usually the number of cores); 1 reads each file in order. */
  threads: number;
  /** The script that runs scan workers (a bundled action's entry); without it ranges run in this thread. */
  workerScript?: string | undefined;
  /** Files at least this large are split (default PARALLEL_MIN_BYTES). */
  parallelMinBytes?: number;
  logger: Logger;
}

export async function scanDataset(sources: readonly ByteSource[], options: ScanDatasetOptions): Promise<ScanTotal> {
  const total = new ScanTotal(options.schema, options.maxExamples);
  for (const source of sources) {
    const format = detectFormat(source.name, options.format);
    total.beginFile(source.name, source.size);
    const rowsBefore = total.rows;
    if (format === 'csv' || format === 'tsv') {
      await scanCsv(source, delimiterOf(format), total, options);
    } else {
      const scan = new TableScan({ schema: options.schema, maxExamples: options.maxExamples });
      if (format === 'jsonl') await readJsonl(source, scan);
      else await readParquet(source, scan);
      total.add(scan.result(), 0);
    }
    options.logger.debug(`${source.name}: ${total.rows - rowsBefore} rows (${format}).`);
  }
  return total;
}

async function scanCsv(source: ByteSource, delimiter: string, total: ScanTotal, options: ScanDatasetOptions): Promise<void> {
  const newScan = (): TableScan => new TableScan({ schema: options.schema, maxExamples: options.maxExamples });
  const minBytes = options.parallelMinBytes ?? PARALLEL_MIN_BYTES;
  if (!source.local || options.threads < 2 || source.size < minBytes) {
    const scan = newScan();
    await readCsv(source, scan, delimiter);
    total.add(scan.result(), 0);
    return;
  }
  const header = await readCsvHeader(source, delimiter);
  newScan().columns(header.columns, source.name); // header errors (duplicate or empty names) before any work
  if (header.dataOffset >= source.size) throw new InputError(`${source.name}: the file has a header but no data rows.`);
  const starts = await splitCsv(source, header.dataOffset, options.threads);
  const tasks: ScanTask[] = starts.map((start, i) => ({
    kind: SCAN_TASK,
    path: source.name,
    name: source.name,
    delimiter,
    columns: header.columns,
    schema: options.schema,
    maxExamples: options.maxExamples,
    range: { start, line: 1, stop: starts[i + 1] ?? source.size },
  }));
  const replies = options.workerScript === undefined ? await inOrder(tasks) : await Promise.all(tasks.map((task) => inWorker(options.workerScript!, task)));
  let expected = header.dataOffset;
  let line = header.dataLine;
  for (const [i, reply] of replies.entries()) {
    if (starts[i] !== expected || 'error' in reply) {
      // A guessed start fell inside a quoted field, or a range failed: read the rest in order, so
      // rows and any error message are exactly those of a sequential read.
      options.logger.debug(`${source.name}: reading from byte ${expected} in order (${'error' in reply ? reply.error : 'a range started inside a quoted field'}).`);
      const scan = newScan();
      scan.columns(header.columns, source.name);
      await readCsvRange(source, scan, delimiter, { start: expected, line, stop: source.size });
      total.add(scan.result(), 0);
      return;
    }
    total.add(reply.part, line - 1);
    expected = reply.end.end;
    line += reply.end.endLine - 1;
  }
}

async function inOrder(tasks: readonly ScanTask[]): Promise<ScanReply[]> {
  const replies: ScanReply[] = [];
  for (const task of tasks) replies.push(await scanRange(task));
  return replies;
}

function inWorker(script: string, task: ScanTask): Promise<ScanReply> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: task });
    let settled = false;
    worker.once('message', (reply: ScanReply) => {
      settled = true;
      resolve(reply);
    });
    worker.once('error', (error) => {
      if (!settled) resolve({ error: error.message });
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) resolve({ error: `the scan worker exited with code ${code}` });
      settled = true;
    });
  });
}
