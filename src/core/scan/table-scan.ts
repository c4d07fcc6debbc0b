/**
 * One pass over one file (or one byte range of it): every cell is classified once, then profiled and
 * checked against its column's rules. The result is a plain, mergeable object (it crosses worker
 * threads as is): column profiles, check counts with examples, and the key index.
 *
 * Complexity: O(cells) time; memory O(columns) plus the unique/key indexes, whatever the file size.
 */
import type { RowView } from '../data/csv-tokenizer.js';
import { type Cell, type CellKind, classifyBytes, classifyValue, INTEGER, newCell, NULL, NUMBER } from '../data/cell.js';
import type { CellValue, TableConsumer } from '../data/table.js';
import { InputError } from '../errors.js';
import { ColumnProfile, type ColumnState } from '../profile/column-profile.js';
import { hashBytes } from '../profile/hash.js';
import { type ColumnCheckState, ColumnChecks, type Example, SECOND_SEED } from '../schema/column-checks.js';
import type { DataSchema } from '../schema/types.js';
import { UniqueIndex, type UniqueIndexState } from '../schema/unique-index.js';

export interface ScanOptions {
  schema: DataSchema | undefined;
  maxExamples: number;
}

/** What one scan found; plain data, mergeable with the scans of the rows that follow (merge.ts). */
export interface ScanPart {
  source: string;
  rows: number;
  columns: string[];
  profiles: ColumnState[];
  /** Per column, null where the schema has no rules for it (or there is no schema). */
  checks: (ColumnCheckState | null)[];
  key: { index: UniqueIndexState; failures: number; examples: Example[] } | null;
}

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
  private keyIndex: UniqueIndex | null = null;
  private keyFailures = 0;
  private readonly keyExamples: Example[] = [];
  private readonly numberView = new Float64Array(1);
  private readonly wordView = new Uint32Array(this.numberView.buffer);
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
        this.keyIndex ??= new UniqueIndex();
      }
    }
  }

  csvRow(row: RowView): void {
    const width = this.names.length;
    if (row.count !== width) {
      throw new InputError(
        `${this.source}: line ${row.line} has ${row.count} field${row.count === 1 ? '' : 's'}, but the header has ${width}; every row needs one field per column (quote fields that contain the delimiter).`,
      );
    }
    const rowNumber = ++this.rows;
    const cell = this.cell;
    for (let i = 0; i < width; i += 1) {
      const quoting = row.quoting[i]!;
      if (quoting === 2) {
        this.unescape(row.buffer, row.starts[i]!, row.ends[i]!);
      } else {
        classifyBytes(cell, row.buffer, row.starts[i]!, row.ends[i]!, quoting !== 0);
      }
      const profile = this.profiles[i]!;
      const entry = profile.add(cell);
      const checks = this.checks[i]!;
      if (checks !== null) checks.check(cell, entry, profile.lastHash, rowNumber, row.line);
    }
    if (this.keyColumns !== null) this.checkKey(rowNumber, row.line, (column) => row.text(column), (column) => {
      const quoting = row.quoting[column]!;
      if (quoting === 2) this.unescape(row.buffer, row.starts[column]!, row.ends[column]!);
      else classifyBytes(cell, row.buffer, row.starts[column]!, row.ends[column]!, quoting !== 0);
    });
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
      if (checks !== null) checks.check(cell, entry, profile.lastHash, rowNumber, line);
    }
    if (this.keyColumns !== null) {
      this.checkKey(rowNumber, line, (column) => String(values[column] ?? ''), (column) => {
        this.scratch = classifyValue(cell, values[column], this.scratch);
      });
    }
  }

  private checkKey(row: number, line: number, text: (column: number) => string, classify: (column: number) => void): void {
    let hi = 0x2545f491;
    let lo = 0x6c078965;
    const cell = this.cell;
    for (const column of this.keyColumns!) {
      classify(column);
      const kind: CellKind = cell.kind;
      if (kind === NULL) {
        hi = mix(hi, NULL_KEY_HASH);
        lo = mix(lo, NULL_KEY_HASH);
      } else if (kind === INTEGER || kind === NUMBER) {
        this.numberView[0] = cell.value;
        hi = mix(hi, this.wordView[1]!);
        lo = mix(lo, this.wordView[0]!);
      } else {
        hi = mix(hi, hashBytes(cell.buffer, cell.start, cell.end, 0x85ebca6b));
        lo = mix(lo, hashBytes(cell.buffer, cell.start, cell.end, SECOND_SEED));
      }
    }
    if (!this.keyIndex!.add(hi, lo)) {
      this.keyFailures += 1;
      if (this.keyExamples.length < this.options.maxExamples) {
        this.keyExamples.push({ row, line, value: this.keyColumns!.map((column) => text(column)).join(', ') });
      }
    }
  }

  result(): ScanPart {
    return {
      source: this.source,
      rows: this.rows,
      columns: this.names,
      profiles: this.profiles.map((profile) => profile.toState()),
      checks: this.checks.map((checks) => checks?.toState() ?? null),
      key: this.keyIndex === null ? null : { index: this.keyIndex.toState(), failures: this.keyFailures, examples: this.keyExamples },
    };
  }
}
