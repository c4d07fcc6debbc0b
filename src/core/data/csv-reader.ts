/**
 * CSV and TSV files: the header row names the columns, every further row is data and must have one
 * field per column. A file can be read whole, or as a byte range that starts on a row boundary and
 * stops at the first row starting at or after a given offset (parallel scans, scan/parallel-csv.ts).
 */
import { InputError } from '../errors.js';
import { CsvTokenizer } from './csv-tokenizer.js';
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
        return;
      }
      rows += 1;
      consumer.csvRow(row);
    },
    { delimiter, source: source.name },
  );
  for await (const chunk of source.stream()) tokenizer.push(chunk);
  tokenizer.end();
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
  for await (const chunk of source.stream({ start: range.start })) {
    tokenizer.push(chunk);
    if (tokenizer.stopped) break;
  }
  tokenizer.end();
  return { end: tokenizer.stopped ? tokenizer.position : source.size, endLine: tokenizer.currentLine };
}

export function delimiterOf(format: 'csv' | 'tsv'): string {
  return format === 'tsv' ? '\t' : ',';
}
