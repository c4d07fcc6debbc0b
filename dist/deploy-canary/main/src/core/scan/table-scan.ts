/**
 * One pass over one file (or one byte range of it): every cell is classified once, then profiled and
 * checked against its column's rules. The result is a plain, mergeable object (it crosses worker
 * threads as is): column profiles, check counts with examples, and the logged keys of unique columns
 * and of the table key (their duplicates are found over all parts together, scan-total.ts).
 *
 * Complexity: O(cells) time; memory O(columns) plus 12 bytes per logged key.
 */
import { isAscii } from 'node:buffer';
import type { RowBatch, RowView } from '../data/csv-tokenizer.js';
import { type Cell, type CellKind, classifyBytes, classifyValue, INTEGER, newCell, NOTHING_DECODED, NULL, NUMBER } from '../data/cell.js';
import { type CellValue, checkFieldCounts, type TableConsumer } from '../data/table.js';
import { InputError } from '../errors.js';
import { ColumnProfile, type ColumnState } from '../profile/column-profile.js';
import { HASH_SEED_HIGH, signedHashBytes } from '../profile/hash.js';
import { type ColumnCheckState, ColumnChecks } from '../schema/column-checks.js';
import type { DataSchema } from '../schema/types.js';
import { KeyLog, type KeyLogState } from '../schema/unique-index.js';

export interface ScanOptions {
  schema: DataSchema | undefined;
  maxExamples: number;
}

/** What one scan found; plain data, mergeable with the scans of the rows that follow (scan-total.ts). */
export interface ScanPart {
  source: string;
  rows: number;
  columns: string[];
  profiles: ColumnState[];
  /** Per column, null where the schema has no rules for it (or there is no schema). */
  checks: (ColumnCheckState | null)[];
  /** The keys of the table key's rows, judged when all parts are in; null without a key (or its columns). */
  key: KeyLogState | null;
  /**
   * CSV: where every CHECKPOINT_ROWS-th row starts, as (row, byte offset in the file, line) triples
   * from row 1 on, so a row can be read again (the text of a duplicate, see scan-dataset.ts). Empty
   * for other formats.
   */
  checkpoints: number[];
}

/** Rows between two CSV checkpoints (a power of two). */
export const CHECKPOINT_ROWS = 4096;

const NULL_KEY_HASH = 0x1b873593;

function mix(accumulator: number, hash: number): number {
  let h = Math.imul(accumulator ^ hash, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return Math.imul(h, 0x1b873593) ^ 0xe6546b64;
}

export class TableScan implements TableConsumer {
  rows = 0;
  private names: string[] = [];
  private profiles: ColumnProfile[] = [];
  private checks: (ColumnChecks | null)[] = [];
  private readonly cell: Cell = newCell();
  private scratch: Buffer = Buffer.allocUnsafe(1024);
  private keyColumns: number[] | null = null;
  private keyLog: KeyLog | null = null;
  /** The key of the current row, built column by column (beginKey, then addToKey per key column). */
  private keyHi = 0;
  private keyLo = 0;
  private readonly checkpoints: number[] = [];
  /** A one-row batch for csvRow; the batch being profiled (csvBatch); whether it was decoded for the checks (decodeBatch). */
  private readonly oneRow: RowBatch = {
    buffer: Buffer.alloc(0),
    rows: 1,
    rowStarts: new Int32Array(2),
    lines: new Float64Array(1),
    offsets: new Float64Array(1),
    starts: new Int32Array(0),
    ends: new Int32Array(0),
    quoting: new Uint8Array(0),
  };
  private batch: RowBatch = this.oneRow;
  private decoded = false;
  private readonly numberView = new Float64Array(1);
  private readonly wordView = new Int32Array(this.numberView.buffer);
  private source = '';

  constructor(private readonly options: ScanOptions) {}

  columns(names: readonly string[], source: string): void {
    this.source = source;
    const seen = new Map<string, number>();
    names.forEach((name, index) => {
      if (index < this.names.length) return;
      if (name.length === 0) throw new InputError(`${source}: column ${index + 1} has no name in the header; give every column a name.`);
      const earlier = seen.get(name) ?? this.names.indexOf(name);
      if (earlier !== undefined && earlier >= 0) {
        throw new InputError(`${source}: the header names column "${name}" twice (columns ${earlier + 1} and ${index + 1}); column names must be unique.`);
      }
      seen.set(name, index);
      const profile = new ColumnProfile();
      profile.addNulls(this.rows);
      this.profiles.push(profile);
      const rules = this.options.schema?.columns.get(name);
      const checks = rules === undefined ? null : new ColumnChecks(rules, this.options.maxExamples);
      checks?.absorbMissing(this.rows);
      this.checks.push(checks);
    });
    this.names = [...names];
    const key = this.options.schema?.table.key;
    if (key !== undefined) {
      const indexes = key.map((column) => this.names.indexOf(column));
      if (indexes.every((index) => index >= 0)) {
        this.keyColumns = indexes;
        this.keyLog ??= new KeyLog();
      }
    }
  }

  /** A CSV row (readers hand over batches, csvBatch, where they can). */
  csvRow(row: RowView): void {
    const one = this.oneRow;
    one.buffer = row.buffer;
    one.rowStarts[1] = row.count;
    one.lines[0] = row.line;
    one.offsets[0] = row.offset;
    one.starts = row.starts;
    one.ends = row.ends;
    one.quoting = row.quoting;
    this.csvBatch(one);
  }

  /** CSV rows, profiled and checked one column at a time (a tight loop per column), then their table key. */
  csvBatch(batch: RowBatch): void {
    const width = this.names.length;
    const rows = batch.rows;
    const rowStarts = batch.rowStarts;
    checkFieldCounts(batch, width, this.source);
    // Every row has `width` fields, so row r's fields start at rowStarts[0] + r·width.
    const firstRow = this.rows + 1;
    this.rows += rows;
    for (let row = (CHECKPOINT_ROWS + 1 - (firstRow % CHECKPOINT_ROWS)) % CHECKPOINT_ROWS; row < rows; row += CHECKPOINT_ROWS) {
      this.checkpoints.push(firstRow + row, batch.offsets[row]!, batch.lines[row]!);
    }
    this.batch = batch;
    this.decoded = false;
    this.cell.decodedFrom = NOTHING_DECODED;
    for (let column = 0; column < width; column += 1) this.scanColumn(column, rows, width, firstRow);
    const keyColumns = this.keyColumns;
    if (keyColumns !== null) {
      const buffer = batch.buffer;
      const cell = this.cell;
      for (let row = 0, base = rowStarts[0]!; row < rows; row += 1, base += width) {
        this.beginKey();
        for (const column of keyColumns) {
          const at = base + column;
          const quoting = batch.quoting[at]!;
          if (quoting === 2) this.unescape(buffer, batch.starts[at]!, batch.ends[at]!);
          else classifyBytes(cell, buffer, batch.starts[at]!, batch.ends[at]!, quoting !== 0);
          this.addToKey(cell);
        }
        this.keyLog!.add(this.keyHi, this.keyLo, firstRow + row);
      }
    }
    this.batch = this.oneRow;
  }

  private scanColumn(column: number, rows: number, width: number, firstRow: number): void {
    const cell = this.cell;
    const batch = this.batch;
    const buffer = batch.buffer;
    const starts = batch.starts;
    const ends = batch.ends;
    const quotings = batch.quoting;
    const lines = batch.lines;
    const profile = this.profiles[column]!;
    const checks = this.checks[column]!;
    // Texts tested one by one (no category table caches their verdicts): decode the batch once.
    if (checks !== null && checks.needsText && profile.categories === null && !this.decoded) this.decodeBatch(rows, width);
    for (let row = 0, at = batch.rowStarts[0]! + column; row < rows; row += 1, at += width) {
      const quoting = quotings[at]!;
      if (quoting === 2) {
        this.unescape(buffer, starts[at]!, ends[at]!);
      } else {
        classifyBytes(cell, buffer, starts[at]!, ends[at]!, quoting !== 0);
      }
      const entry = profile.add(cell);
      if (checks !== null) checks.check(cell, entry, profile.lastHash, profile.lastLength, firstRow + row, lines[row]!);
    }
  }

  /** Decodes the batch's bytes at once for the checks that test texts, when they are ASCII (transientText). */
  private decodeBatch(rows: number, width: number): void {
    this.decoded = true;
    const batch = this.batch;
    const buffer = batch.buffer;
    const from = batch.starts[batch.rowStarts[0]!]!;
    const to = batch.ends[batch.rowStarts[0]! + rows * width - 1]!;
    if (!isAscii(buffer.subarray(from, to))) return;
    this.cell.decoded = buffer.toString('latin1', from, to);
    this.cell.decodedBase = from;
    this.cell.decodedFrom = buffer;
  }

  /** Classifies a quoted field with `""` escapes, resolved into the scratch buffer. */
  private unescape(buffer: Buffer, start: number, end: number): void {
    if (this.scratch.length < end - start) this.scratch = Buffer.allocUnsafe(Math.max(end - start, this.scratch.length * 2));
    let length = 0;
    for (let i = start; i < end; i += 1) {
      this.scratch[length++] = buffer[i]!;
      if (buffer[i] === 0x22) i += 1;
    }
    classifyBytes(this.cell, this.scratch, 0, length, true);
  }

  valueRow(values: readonly CellValue[], line: number): void {
    const rowNumber = ++this.rows;
    const cell = this.cell;
    const width = this.names.length;
    for (let i = 0; i < width; i += 1) {
      this.scratch = classifyValue(cell, values[i], this.scratch);
      const profile = this.profiles[i]!;
      const entry = profile.add(cell);
      const checks = this.checks[i]!;
      if (checks !== null) checks.check(cell, entry, profile.lastHash, profile.lastLength, rowNumber, line);
    }
    const keyColumns = this.keyColumns;
    if (keyColumns !== null) {
      this.beginKey();
      for (const column of keyColumns) {
        this.scratch = classifyValue(cell, values[column], this.scratch);
        this.addToKey(cell);
      }
      this.keyLog!.add(this.keyHi, this.keyLo, rowNumber);
    }
  }

  private beginKey(): void {
    this.keyHi = 0x2545f491;
    this.keyLo = 0x6c078965;
  }

  private addToKey(cell: Cell): void {
    const kind: CellKind = cell.kind;
    if (kind === NULL) {
      this.keyHi = mix(this.keyHi, NULL_KEY_HASH);
      this.keyLo = mix(this.keyLo, NULL_KEY_HASH);
    } else if (kind === INTEGER || kind === NUMBER) {
      this.numberView[0] = cell.value;
      this.keyHi = mix(this.keyHi, this.wordView[1]!);
      this.keyLo = mix(this.keyLo, this.wordView[0]!);
    } else {
      this.keyHi = mix(this.keyHi, signedHashBytes(cell.buffer, cell.start, cell.end, 0x85ebca6b));
      this.keyLo = mix(this.keyLo, signedHashBytes(cell.buffer, cell.start, cell.end, HASH_SEED_HIGH));
    }
  }

  result(): ScanPart {
    return {
      source: this.source,
      rows: this.rows,
      columns: this.names,
      profiles: this.profiles.map((profile) => profile.toState()),
      checks: this.checks.map((checks) => checks?.toState() ?? null),
      key: this.keyLog === null ? null : this.keyLog.toState(),
      checkpoints: this.checkpoints,
    };
  }
}
