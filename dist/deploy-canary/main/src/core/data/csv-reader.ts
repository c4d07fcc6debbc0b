/**
 * CSV and TSV files: the header row names the columns, every further row is data and must have one
 * field per column. A file can be read whole, or as a byte range that starts on a row boundary and
 * stops at the first row starting at or after a given offset (parallel scans, scan/scan-dataset.ts).
 */
import { InputError } from '../errors.js';
import { type BatchSink, CsvTokenizer, type RowBatch } from './csv-tokenizer.js';
import { CHUNK_SIZE } from './local-file.js';
import type { ByteSource } from './source.js';
import type { TableConsumer } from './table.js';

export interface CsvHeader {
  columns: string[];
  /** Byte offset and line of the first data row (or of the end of the file). */
  dataOffset: number;
  dataLine: number;
}

/** Reads the header row only. */
export async function readCsvHeader(source: ByteSource, delimiter: string): Promise<CsvHeader> {
  let columns: string[] | undefined;
  let dataOffset = source.size;
  let dataLine = 1;
  const tokenizer = new CsvTokenizer(
    (row) => {
      if (columns !== undefined) {
        dataOffset = row.offset;
        dataLine = row.line;
        return false;
      }
      columns = Array.from({ length: row.count }, (_, i) => row.text(i));
      return undefined;
    },
    { delimiter, source: source.name },
  );
  for await (const chunk of source.stream()) {
    tokenizer.push(chunk);
    if (tokenizer.stopped) break;
  }
  tokenizer.end();
  if (columns === undefined) throw new InputError(`${source.name}: the file is empty; expected a header row naming the columns, then data rows.`);
  return { columns, dataOffset, dataLine };
}

/** Reads a whole CSV/TSV file into `consumer`. */
export async function readCsv(source: ByteSource, consumer: TableConsumer, delimiter: string): Promise<{ rows: number }> {
  let header = false;
  let rows = 0;
  const tokenizer = new CsvTokenizer(
    (row) => {
      if (!header) {
        header = true;
        consumer.columns(
          Array.from({ length: row.count }, (_, i) => row.text(i)),
          source.name,
        );
        if (batches !== null) tokenizer.batchRows(batches);
        return;
      }
      rows += 1;
      consumer.csvRow(row);
    },
    { delimiter, source: source.name },
  );
  const batches = consumer.csvBatch === undefined ? null : new Batches(consumer);
  await pump(source, tokenizer, 0);
  tokenizer.end();
  rows += batches?.rows ?? 0;
  if (!header) throw new InputError(`${source.name}: the file is empty; expected a header row naming the columns, then data rows.`);
  if (rows === 0) throw new InputError(`${source.name}: the file has a header but no data rows.`);
  return { rows };
}

export interface CsvRange {
  /** Offset of a row start (believed to be one), and the line number to count from there. */
  start: number;
  line: number;
  /** Rows starting at or after this offset are left to the next range. */
  stop: number;
}

/** Where a range read ended: the offset of the first row not read (or the file size), and its line. */
export interface CsvRangeEnd {
  end: number;
  endLine: number;
}

/** Reads the data rows of a byte range into `consumer` (whose columns are already set). */
export async function readCsvRange(source: ByteSource, consumer: TableConsumer, delimiter: string, range: CsvRange): Promise<CsvRangeEnd> {
  const tokenizer = new CsvTokenizer(
    (row) => {
      if (row.offset >= range.stop) return false;
      consumer.csvRow(row);
      return undefined;
    },
    { delimiter, source: source.name, offset: range.start, line: range.line },
  );
  if (consumer.csvBatch !== undefined) tokenizer.batchRows(new Batches(consumer), range.stop);
  await pump(source, tokenizer, range.start);
  tokenizer.end();
  return { end: tokenizer.stopped ? tokenizer.position : source.size, endLine: tokenizer.currentLine };
}

export function delimiterOf(format: 'csv' | 'tsv'): string {
  return format === 'tsv' ? '\t' : ',';
}

/** Hands batches of rows to a consumer that takes them, counting the rows. */
class Batches implements BatchSink {
  rows = 0;

  constructor(private readonly consumer: TableConsumer) {}

  csvBatch(batch: RowBatch): void {
    this.rows += batch.rows;
    this.consumer.csvBatch!(batch);
  }
}

/** Room in front of each chunk for the unfinished row of the previous one (longer rows are copied). */
const ROW_ROOM = 64 * 1024;

/**
 * Feeds the source from `start` to its end into the tokenizer, until it stops. A source with
 * positioned reads is read into two reused buffers, the next chunk while the current one is parsed;
 * any other is streamed.
 */
async function pump(source: ByteSource, tokenizer: CsvTokenizer, start: number): Promise<void> {
  if (source.openReader === undefined) {
    for await (const chunk of source.stream(start === 0 ? undefined : { start })) {
      tokenizer.push(chunk);
      if (tokenizer.stopped) break;
    }
    return;
  }
  const reader = await source.openReader();
  const buffers = [Buffer.allocUnsafe(ROW_ROOM + CHUNK_SIZE), Buffer.allocUnsafe(ROW_ROOM + CHUNK_SIZE)] as const;
  let position = start;
  let next: Promise<number> | null = position < source.size ? reader.read(buffers[0], ROW_ROOM, CHUNK_SIZE, position) : null;
  let index = 0;
  try {
    while (next !== null) {
      const filled = await next;
      next = null;
      if (filled === 0) break;
      position += filled;
      const current = buffers[index]!;
      index ^= 1;
      if (filled === CHUNK_SIZE && position < source.size) next = reader.read(buffers[index]!, ROW_ROOM, CHUNK_SIZE, position);
      tokenizer.pushInPlace(current, ROW_ROOM, ROW_ROOM + filled);
      if (tokenizer.stopped) break;
    }
  } finally {
    // A read still in flight (the tokenizer stopped or threw) must end before the file closes.
    if (next !== null) await next.catch(() => 0);
    await reader.close();
  }
}
