/**
 * Scans a dataset — one or more files or objects, any supported format — into a ScanTotal: the
 * profile of every column and the row-level checks of the schema, in one pass over the data.
 *
 * Large local CSV/TSV files are split into byte ranges, one per core: this thread scans one, worker
 * threads the others, and the parts merge in file order through the mergeable profile; everything
 * else is streamed in this thread. Duplicates (unique columns, the table key) are judged once every
 * file is in; only the rows of their examples are read again, for their text and line.
 */
import { cellText, classifyValue, newCell } from '../data/cell.js';
import { type CsvHeader, delimiterOf, readCsv, readCsvHeader, readCsvRange } from '../data/csv-reader.js';
import type { RowView } from '../data/csv-tokenizer.js';
import { type DataFormat, detectFormat } from '../data/format.js';
import { readJsonl } from '../data/jsonl-reader.js';
import { readParquet } from '../data/parquet-reader.js';
import type { ByteSource } from '../data/source.js';
import type { CellValue, TableConsumer } from '../data/table.js';
import { InputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { DataSchema } from '../schema/types.js';
import { rangeOffsets, splitCsv } from './csv-ranges.js';
import { type PendingExample, ScanTotal } from './scan-total.js';
import { type RangeReply, type ScanJob, type ScanReply, scanJob, scanRanges, startWorker } from './scan-worker.js';
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
  const formats: DataFormat[] = [];
  for (const source of sources) {
    const format = detectFormat(source.name, options.format);
    formats.push(format);
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
  const pending = total.finishDuplicates();
  if (pending.length > 0) await readBack(pending, sources, formats, total);
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
  const starts = await splitCsv(source, rangeOffsets(header.dataOffset, source.size, options.threads));
  const job = scanJob({
    path: source.path ?? source.name,
    name: source.name,
    delimiter,
    columns: header.columns,
    schema: options.schema,
    maxExamples: options.maxExamples,
    ranges: starts.map((start, i) => ({ start, line: 1, stop: starts[i + 1] ?? source.size })),
  });
  const merge = new RangeMerge(source, starts, header, total);
  const done = (index: number, reply: ScanReply): void => {
    merge.replies[index] = reply;
    merge.advance();
  };
  if (options.workerScript === undefined) {
    await scanRanges(job, done);
  } else {
    const workers = Array.from({ length: Math.min(options.threads - 1, starts.length - 1) }, () => inWorker(options.workerScript!, job, done));
    await scanRanges(job, done);
    await Promise.all(workers);
  }
  await merge.finish(options, newScan, delimiter);
}

/**
 * Puts the ranges of a file together in order, as their replies come in. A range whose guessed start
 * fell inside a quoted field, or that failed, is read again in order from where the previous one
 * ended up to the next guessed start (finish), so rows and any error message are exactly those of a
 * sequential read.
 */
class RangeMerge {
  readonly replies: (ScanReply | undefined)[];
  /** Where the ranges put together so far end: byte offset, line, and the next range to look at. */
  private expected: number;
  private line: number;
  private next = 0;

  constructor(
    private readonly source: ByteSource,
    private readonly starts: readonly number[],
    private readonly header: CsvHeader,
    private readonly total: ScanTotal,
  ) {
    this.replies = new Array<ScanReply | undefined>(starts.length);
    this.expected = header.dataOffset;
    this.line = header.dataLine;
  }

  /** Adds the ranges that follow on from the last one added, as long as they are in and right. */
  advance(): void {
    for (;;) {
      const reply = this.replies[this.next];
      if (reply === undefined || 'error' in reply || this.starts[this.next] !== this.expected) return;
      this.total.add(reply.part, this.line - 1);
      this.replies[this.next] = undefined;
      this.expected = reply.end.end;
      this.line += reply.end.endLine - 1;
      this.next += 1;
    }
  }

  /** Adds the rest once every range is in, reading again in order where a range does not fit. */
  async finish(options: ScanDatasetOptions, newScan: () => TableScan, delimiter: string): Promise<void> {
    const { source, starts } = this;
    for (;;) {
      this.advance();
      if (this.expected >= source.size) return;
      // Ranges that start before where the last one ended began inside a quoted field.
      while (this.next < starts.length && starts[this.next]! < this.expected) this.next += 1;
      const fits = starts[this.next] === this.expected;
      const reply = fits ? this.replies[this.next] : undefined;
      if (reply !== undefined && !('error' in reply)) continue; // advance() takes it
      const reason = !fits ? 'a range started inside a quoted field' : reply === undefined ? 'its scan thread stopped' : reply.error;
      let following = this.next;
      while (following < starts.length && starts[following]! <= this.expected) following += 1;
      const stop = starts[following] ?? source.size;
      options.logger.debug(`${source.name}: reading from byte ${this.expected} to ${stop} in order (${reason}).`);
      const scan = newScan();
      scan.columns(this.header.columns, source.name);
      const end = await readCsvRange(source, scan, delimiter, { start: this.expected, line: this.line, stop });
      this.total.add(scan.result(), 0);
      this.expected = end.end;
      this.line = end.endLine;
    }
  }
}

/** A worker scanning ranges of the job, handing each reply to `done`; settles when it has taken its last range (or failed). */
function inWorker(script: string, job: ScanJob, done: (index: number, reply: ScanReply) => void): Promise<void> {
  return new Promise((resolve) => {
    const worker = startWorker(script, job);
    worker.on('message', (message: RangeReply) => {
      if (message.reply !== undefined) done(message.index, message.reply);
      else resolve();
    });
    // A range the worker had taken gets no reply: it is read again in order.
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}

/**
 * Reads the rows of duplicate examples again for their text and line (the scan logged only their
 * keys): a CSV file from the checkpoint before each row, any other file from its start.
 */
async function readBack(pending: readonly PendingExample[], sources: readonly ByteSource[], formats: readonly DataFormat[], total: ScanTotal): Promise<void> {
  const files = new Map<number, PendingExample[]>();
  for (const item of pending) {
    const items = files.get(item.file);
    if (items === undefined) files.set(item.file, [item]);
    else items.push(item);
  }
  for (const [file, items] of files) {
    const source = sources[file]!;
    const format = formats[file]!;
    const picker = new RowPicker(items, total.columnsOf(file));
    if (format === 'jsonl') {
      await readJsonl(source, picker);
      continue;
    }
    if (format === 'parquet') {
      await readParquet(source, picker);
      continue;
    }
    const delimiter = delimiterOf(format);
    const checkpoints = total.checkpointsOf(file);
    // The checkpoints just before the wanted rows; each read runs to the next checkpoint.
    const from = new Set<number>();
    for (const item of items) {
      let at = 0;
      while (at + 3 < checkpoints.length && checkpoints[at + 3]! <= item.row) at += 3;
      from.add(at);
    }
    for (const at of [...from].sort((a, b) => a - b)) {
      picker.row = checkpoints[at]! - 1;
      const stop = at + 3 < checkpoints.length ? checkpoints[at + 4]! : source.size;
      await readCsvRange(source, picker, delimiter, { start: checkpoints[at + 1]!, line: checkpoints[at + 2]!, stop });
    }
  }
}

/** Takes the text and line of wanted rows from a reader, as the scan read them. */
class RowPicker implements TableConsumer {
  /** Rows read so far (the next row is row + 1). */
  row = 0;
  private readonly wanted = new Map<number, PendingExample[]>();
  private readonly cell = newCell();
  private scratch: Buffer = Buffer.allocUnsafe(256);

  constructor(
    items: readonly PendingExample[],
    private names: readonly string[],
  ) {
    for (const item of items) {
      const same = this.wanted.get(item.row);
      if (same === undefined) this.wanted.set(item.row, [item]);
      else same.push(item);
    }
  }

  columns(names: readonly string[]): void {
    this.names = [...names];
  }

  csvRow(row: RowView): void {
    const items = this.wanted.get(++this.row);
    if (items === undefined) return;
    for (const item of items) {
      item.example.line = row.line;
      item.example.value = item.columns.map((name) => row.text(this.names.indexOf(name))).join(', ');
    }
  }

  valueRow(values: readonly CellValue[], line: number): void {
    const items = this.wanted.get(++this.row);
    if (items === undefined) return;
    for (const item of items) {
      item.example.line = line;
      item.example.value = item.columns
        .map((name) => {
          const value = values[this.names.indexOf(name)];
          if (item.kind === 'key') return String(value ?? '');
          this.scratch = classifyValue(this.cell, value, this.scratch);
          return cellText(this.cell);
        })
        .join(', ');
    }
  }
}
