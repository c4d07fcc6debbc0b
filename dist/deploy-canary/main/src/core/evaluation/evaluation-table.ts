/**
 * The evaluation set as the scorer and the metrics need it: the model's feature columns as one
 * row-major Float32Array, the label's raw values, and the slice columns dictionary-encoded, read
 * from one or more files (CSV/TSV, JSON Lines, Parquet) through the project's readers.
 *
 * - Columns are found by name in each file, so shards may order their columns differently; a JSON
 *   Lines column that first appears in a later record was missing in the records before it.
 * - Features: integers, decimals and booleans (true 1, false 0) are numbers; a missing cell (an empty
 *   field, a null marker such as NA, JSON null, an absent key, a Parquet null or NaN) is NaN, as is a
 *   quoted empty string; any other value (text, a date) is an error, since the model takes numbers.
 * - The label keeps what each cell holds (LabelColumn): numbers (booleans as 1/0) and texts; the
 *   task's encoding is labels.ts's job.
 * - Slice columns keep their text as written (numbers too), missing cells as MISSING_CATEGORY.
 *
 * CSV rows are taken a batch at a time as byte ranges (TableConsumer.csvBatch) and classified with
 * classifyBytes, so a numeric field never becomes a string; only label texts and the first
 * occurrence of each slice value do.
 * Typed arrays grow by doubling; a CSV file's first batch sizes them for the whole file (its bytes
 * per row, +10%), so they seldom grow again.
 *
 * Complexity: O(cells of the needed columns) time; memory 4·features + 12 bytes per row (label),
 * + 4 bytes per row per slice column, up to twice that while growing.
 *
 * Errors are one-line InputErrors naming the file and the line (CSV, JSON Lines) or row (Parquet): a
 * missing column (with the columns there are), a non-numeric feature value, missing labels, a row
 * with the wrong field count, and an empty evaluation set.
 */
import {
  BOOLEAN,
  type Cell,
  cellText,
  classifyBytes,
  classifyValue,
  EMPTY,
  INTEGER,
  newCell,
  NULL,
  NUMBER,
} from '../data/cell.js';
import { delimiterOf, readCsv } from '../data/csv-reader.js';
import type { RowBatch, RowView } from '../data/csv-tokenizer.js';
import { type DataFormat, detectFormat } from '../data/format.js';
import { readJsonl } from '../data/jsonl-reader.js';
import { readParquet } from '../data/parquet-reader.js';
import type { ByteSource } from '../data/source.js';
import { type CellValue, checkFieldCounts, type TableConsumer } from '../data/table.js';
import { InputError } from '../errors.js';

/** The category of a missing cell in a slice column. */
export const MISSING_CATEGORY = '(missing)';

export interface ReadEvaluationOptions {
  format: 'auto' | DataFormat;
  /** The columns the model takes, in the order of the feature matrix. */
  features: readonly string[];
  /** The label column; absent when only predictions are wanted. */
  label?: string | undefined;
  /** Slice columns, dictionary-encoded. */
  categorical: readonly string[];
}

/** The label's raw values, one per row. */
export interface LabelColumn {
  readonly name: string;
  readonly rows: number;
  /** Per row: the number of a numeric cell, 1/0 for a boolean; NaN for a text or missing cell. */
  readonly numbers: Float64Array;
  /** Per row: the index in `texts` of a text cell; −1 for numeric and missing cells. */
  readonly textCodes: Int32Array;
  /** The distinct texts, in order of first appearance. */
  readonly texts: readonly string[];
  /** The 0-based rows where the label is missing (readEvaluationTable rejects any). */
  readonly nullRows: readonly number[];
  /** How many cells held each kind of value (numbers excludes booleans). */
  readonly counts: { readonly numbers: number; readonly booleans: number; readonly texts: number; readonly nulls: number };
}

export interface CategoricalColumn {
  /** The distinct values, in order of first appearance (MISSING_CATEGORY for missing cells). */
  values: string[];
  /** Per row: the index of its value. */
  codes: Int32Array;
}

export interface EvaluationTable {
  rows: number;
  /** The files read, in order, and the rows each held. */
  sources: string[];
  sourceRows: number[];
  /** Every data column of the first file, in its order. */
  columns: string[];
  /** The feature columns, in the order of `features`' columns. */
  featureNames: string[];
  /** rows × featureNames.length values, row-major; NaN where a value is missing. */
  features: Float32Array;
  /** Feature `index`'s values for every row (a strided copy of `features`). */
  featureColumn(index: number): Float32Array;
  label?: LabelColumn;
  categorical: Map<string, CategoricalColumn>;
}

export async function readEvaluationTable(sources: readonly ByteSource[], options: ReadEvaluationOptions): Promise<EvaluationTable> {
  if (sources.length === 0) throw new InputError('data: the evaluation set is empty: no data files were given; name at least one file.');
  const builder = new EvaluationBuilder(options);
  for (const source of sources) {
    const format = detectFormat(source.name, options.format);
    builder.beginSource(source.name, format, source.size);
    if (format === 'csv' || format === 'tsv') await readCsv(source, builder, delimiterOf(format));
    else if (format === 'jsonl') await readJsonl(source, builder);
    else await readParquet(source, builder);
    builder.endSource();
  }
  return builder.finish();
}

/** Thrown by ColumnPeek to stop a reader once it has announced the columns. */
class Peeked extends Error {
  constructor(readonly names: string[]) {
    super('columns read');
  }
}

/** Reads just enough to name a CSV/TSV, JSON Lines or Parquet file's columns (a JSON Lines file's first record). */
export async function readDataColumns(source: ByteSource, format: 'auto' | DataFormat): Promise<string[]> {
  const peek: TableConsumer = {
    columns(names) {
      throw new Peeked([...names]);
    },
    csvRow() {},
    valueRow() {},
  };
  const detected = detectFormat(source.name, format);
  try {
    if (detected === 'csv' || detected === 'tsv') await readCsv(source, peek, delimiterOf(detected));
    else if (detected === 'jsonl') await readJsonl(source, peek);
    else await readParquet(source, peek);
  } catch (error) {
    if (error instanceof Peeked) return error.names;
    throw error;
  }
  return [];
}

/** Up to `limit` items of a list, with how many more there are. */
function some(items: readonly string[], limit = 3): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

const ROLE_NAMES = { feature: 'a feature', label: 'the label', slice: 'a slice column' } as const;

/**
 * The codes of unquoted field bytes seen before (a slice column's values), found by an FNV-1a hash
 * of the bytes and checked byte by byte, so a repeated value makes no string. Values longer than
 * MAX_BYTES, hash collisions and values past MAX_ENTRIES are not kept (the caller decodes them).
 */
class ByteCodes {
  private static readonly MAX_BYTES = 64;
  private static readonly MAX_ENTRIES = 4096;
  private readonly byHash = new Map<number, number>();
  /** Per entry: where its bytes lie in `pool`, and its code. */
  private readonly spans: number[] = [];
  private pool = Buffer.allocUnsafe(1024);
  private used = 0;

  private static hash(buffer: Buffer, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ buffer[i]!, 0x01000193);
    return hash;
  }

  /** The code remembered for bytes [start, end), or −1. */
  lookup(buffer: Buffer, start: number, end: number): number {
    if (end - start > ByteCodes.MAX_BYTES) return -1;
    const entry = this.byHash.get(ByteCodes.hash(buffer, start, end));
    if (entry === undefined) return -1;
    const at = this.spans[entry]!;
    if (this.spans[entry + 1]! - at !== end - start) return -1;
    const pool = this.pool;
    for (let i = start, j = at; i < end; i += 1, j += 1) if (buffer[i] !== pool[j]) return -1;
    return this.spans[entry + 2]!;
  }

  remember(buffer: Buffer, start: number, end: number, code: number): void {
    const length = end - start;
    if (length > ByteCodes.MAX_BYTES || this.spans.length >= ByteCodes.MAX_ENTRIES * 3) return;
    const hash = ByteCodes.hash(buffer, start, end);
    if (this.byHash.has(hash)) return;
    if (this.used + length > this.pool.length) {
      const pool = Buffer.allocUnsafe(this.pool.length * 2 + length);
      this.pool.copy(pool, 0, 0, this.used);
      this.pool = pool;
    }
    buffer.copy(this.pool, this.used, start, end);
    this.byHash.set(hash, this.spans.length);
    this.spans.push(this.used, this.used + length, code);
    this.used += length;
  }
}

class EvaluationBuilder implements TableConsumer {
  rows = 0;
  private capacity = 0;
  private readonly width: number;
  private features = new Float32Array(0);
  private readonly sources: string[] = [];
  private readonly sourceRows: number[] = [];
  private firstColumns: string[] | undefined;
  /** The current file: its name, whether its rows count lines (else Parquet row numbers), its first row's index. */
  private source = '';
  private format: DataFormat = 'csv';
  private sourceStart = 0;
  /** The current file's size in bytes, and whether its rows were estimated from its first CSV batch. */
  private sourceSize = 0;
  private estimated = false;
  private names: string[] = [];
  /** Column positions in the current file, −1 until found. */
  private featureAt: Int32Array;
  private labelAt = -1;
  private readonly sliceAt: Int32Array;
  /** The label, as LabelColumn's arrays. */
  private labelNumbers = new Float64Array(0);
  private labelCodes = new Int32Array(0);
  private readonly labelTexts: string[] = [];
  private readonly labelIndex = new Map<string, number>();
  private readonly nullRows: number[] = [];
  private readonly counts = { numbers: 0, booleans: 0, texts: 0, nulls: 0 };
  /** Null labels of the current file: how many, and the lines of the first few. */
  private sourceNulls = 0;
  private readonly nullLines: number[] = [];
  private readonly slices: { values: string[]; index: Map<string, number>; codes: Int32Array; bytes: ByteCodes }[];
  private readonly cell: Cell = newCell();
  private scratch: Buffer = Buffer.allocUnsafe(256);

  constructor(private readonly options: ReadEvaluationOptions) {
    this.width = options.features.length;
    this.featureAt = new Int32Array(this.width).fill(-1);
    this.sliceAt = new Int32Array(options.categorical.length).fill(-1);
    this.slices = options.categorical.map(() => ({ values: [], index: new Map(), codes: new Int32Array(0), bytes: new ByteCodes() }));
  }

  beginSource(name: string, format: DataFormat, size: number): void {
    this.source = name;
    this.sourceSize = size;
    this.estimated = false;
    this.format = format;
    this.sourceStart = this.rows;
    this.names = [];
    this.featureAt.fill(-1);
    this.sliceAt.fill(-1);
    this.labelAt = -1;
    this.sourceNulls = 0;
    this.nullLines.length = 0;
  }

  columns(names: readonly string[], source: string): void {
    this.source = source;
    this.names = [...names];
    this.firstColumns ??= [...names];
    const position = (name: string): number => {
      const at = names.indexOf(name);
      if (at >= 0 && names.indexOf(name, at + 1) >= 0) {
        throw new InputError(`${source}: the header names column "${name}" twice (columns ${at + 1} and ${names.indexOf(name, at + 1) + 1}); column names must be unique.`);
      }
      return at;
    };
    this.options.features.forEach((name, i) => (this.featureAt[i] = position(name)));
    this.options.categorical.forEach((name, i) => (this.sliceAt[i] = position(name)));
    if (this.options.label !== undefined) this.labelAt = position(this.options.label);
    // JSON Lines may name a column in a later record: its absence is judged at the end of the file.
    if (this.format !== 'jsonl') this.checkColumns();
  }

  endSource(): void {
    this.checkColumns();
    if (this.sourceNulls > 0) {
      const unit = this.format === 'parquet' ? 'row' : 'line';
      const more = this.sourceNulls - this.nullLines.length;
      const where = `${unit}${this.nullLines.length === 1 ? '' : 's'} ${this.nullLines.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
      throw new InputError(
        `${this.source}: the label "${this.options.label ?? ''}" is missing on ${this.sourceNulls} row${this.sourceNulls === 1 ? '' : 's'} (${where}); every evaluation row needs a label: drop those rows or fill in their labels.`,
      );
    }
    this.sources.push(this.source);
    this.sourceRows.push(this.rows - this.sourceStart);
  }

  /** Every named column must be in the file. */
  private checkColumns(): void {
    const missing = (name: string, role: keyof typeof ROLE_NAMES): never => {
      throw new InputError(
        `${this.source}: no column "${name}" (${ROLE_NAMES[role]}); the columns are ${this.names.join(', ')}. Check the spelling and letter case.`,
      );
    };
    this.options.features.forEach((name, i) => {
      if (this.featureAt[i]! < 0) missing(name, 'feature');
    });
    if (this.options.label !== undefined && this.labelAt < 0) missing(this.options.label, 'label');
    this.options.categorical.forEach((name, i) => {
      if (this.sliceAt[i]! < 0) missing(name, 'slice');
    });
  }

  /** Room for `rows` rows in every array (doubling). */
  private reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2, 1024);
    const features = new Float32Array(capacity * this.width);
    features.set(this.features.subarray(0, this.rows * this.width));
    this.features = features;
    if (this.options.label !== undefined) {
      const numbers = new Float64Array(capacity);
      numbers.set(this.labelNumbers.subarray(0, this.rows));
      this.labelNumbers = numbers;
      const codes = new Int32Array(capacity);
      codes.set(this.labelCodes.subarray(0, this.rows));
      this.labelCodes = codes;
    }
    for (const slice of this.slices) {
      const codes = new Int32Array(capacity);
      codes.set(slice.codes.subarray(0, this.rows));
      slice.codes = codes;
    }
    this.capacity = capacity;
  }

  private where(line: number): string {
    return `${this.source}: ${this.format === 'parquet' ? 'row' : 'line'} ${line}`;
  }

  private notNumeric(feature: number, text: string, line: number): never {
    const name = this.options.features[feature]!;
    throw new InputError(
      `${this.where(line)}: feature "${name}" is ${JSON.stringify(text)}, not a number; the model takes numbers only: fix or drop the row, or encode the column as numbers before evaluating.`,
    );
  }

  private nullLabel(row: number, line: number): void {
    this.nullRows.push(row);
    this.counts.nulls += 1;
    this.sourceNulls += 1;
    if (this.nullLines.length < 3) this.nullLines.push(line);
  }

  /**
   * Takes the label cell in this.cell (classified) for row `row`: a number or a missing value; true
   * when it is text, which the caller hands to labelText.
   */
  private takeLabel(row: number, line: number): boolean {
    const kind = this.cell.kind;
    if (kind === INTEGER || kind === NUMBER || kind === BOOLEAN) {
      this.labelNumbers[row] = this.cell.value;
      this.labelCodes[row] = -1;
      if (kind === BOOLEAN) this.counts.booleans += 1;
      else this.counts.numbers += 1;
      return false;
    }
    this.labelNumbers[row] = Number.NaN;
    this.labelCodes[row] = -1;
    if (kind === NULL) {
      this.nullLabel(row, line);
      return false;
    }
    return true;
  }

  private labelText(row: number, value: string): void {
    let code = this.labelIndex.get(value);
    if (code === undefined) {
      code = this.labelTexts.length;
      this.labelTexts.push(value);
      this.labelIndex.set(value, code);
    }
    this.labelCodes[row] = code;
    this.counts.texts += 1;
  }

  private category(slice: number, row: number, value: string): void {
    const entry = this.slices[slice]!;
    let code = entry.index.get(value);
    if (code === undefined) {
      code = entry.values.length;
      entry.values.push(value);
      entry.index.set(value, code);
    }
    entry.codes[row] = code;
  }

  csvRow(row: RowView): void {
    const one: RowBatch = {
      buffer: row.buffer,
      rows: 1,
      rowStarts: Int32Array.of(0, row.count),
      lines: Float64Array.of(row.line),
      offsets: Float64Array.of(row.offset),
      starts: row.starts,
      ends: row.ends,
      quoting: row.quoting,
    };
    this.csvBatch(one);
  }

  csvBatch(batch: RowBatch): void {
    const width = this.names.length;
    const rows = batch.rows;
    const rowStarts = batch.rowStarts;
    checkFieldCounts(batch, width, this.source);
    const first = this.rows;
    if (!this.estimated && rows > 1) {
      // Room for the whole file at once, estimated from the first batch's bytes per row (+10%).
      this.estimated = true;
      const offsets = batch.offsets;
      const perRow = (offsets[rows - 1]! - offsets[0]!) / (rows - 1);
      if (perRow > 0) this.reserve(first + rows + Math.ceil(((this.sourceSize - offsets[rows - 1]!) / perRow) * 1.1));
    }
    this.reserve(first + rows);
    const base = rowStarts[0]!;
    const { buffer, starts, ends, quoting, lines } = batch;
    const cell = this.cell;
    const text = (at: number): string => {
      const value = buffer.toString('utf8', starts[at]!, ends[at]!);
      return quoting[at] === 2 ? value.replaceAll('""', '"') : value;
    };
    // One column at a time: a tight loop per column, writing every `stride`-th value.
    const features = this.features;
    const stride = this.width;
    for (let feature = 0; feature < stride; feature += 1) {
      const column = this.featureAt[feature]!;
      for (let row = 0, at = base + column, out = first * stride + feature; row < rows; row += 1, at += width, out += stride) {
        const q = quoting[at]!;
        if (q === 2) this.notNumeric(feature, text(at), lines[row]!);
        classifyBytes(cell, buffer, starts[at]!, ends[at]!, q !== 0);
        const kind = cell.kind;
        if (kind === INTEGER || kind === NUMBER || kind === BOOLEAN) features[out] = cell.value;
        else if (kind === NULL || kind === EMPTY) features[out] = Number.NaN;
        else this.notNumeric(feature, text(at), lines[row]!);
      }
    }
    if (this.labelAt >= 0) {
      for (let row = 0, at = base + this.labelAt; row < rows; row += 1, at += width) {
        classifyBytes(cell, buffer, starts[at]!, ends[at]!, quoting[at] !== 0);
        if (this.takeLabel(first + row, lines[row]!)) this.labelText(first + row, text(at));
      }
    }
    for (let slice = 0; slice < this.slices.length; slice += 1) {
      const entry = this.slices[slice]!;
      const known = entry.bytes;
      for (let row = 0, at = base + this.sliceAt[slice]!; row < rows; row += 1, at += width) {
        const start = starts[at]!;
        const end = ends[at]!;
        const unquoted = quoting[at] === 0;
        // Unquoted bytes seen before have their code already (no string); quoted text is never missing.
        const code = unquoted ? known.lookup(buffer, start, end) : -1;
        if (code >= 0) {
          entry.codes[first + row] = code;
          continue;
        }
        let value: string;
        if (!unquoted) {
          value = text(at);
        } else {
          // An unquoted empty field or null marker is missing.
          classifyBytes(cell, buffer, start, end, false);
          value = cell.kind === NULL ? MISSING_CATEGORY : text(at);
        }
        this.category(slice, first + row, value);
        if (unquoted) known.remember(buffer, start, end, entry.codes[first + row]!);
      }
    }
    this.rows = first + rows;
  }

  valueRow(values: readonly CellValue[], line: number): void {
    const row = this.rows;
    this.reserve(row + 1);
    const cell = this.cell;
    const stride = this.width;
    for (let feature = 0; feature < stride; feature += 1) {
      const at = this.featureAt[feature]!;
      const value = at < 0 ? undefined : values[at];
      let number: number;
      if (typeof value === 'number') {
        // ±Infinity is text, as everywhere in the project (cell.ts).
        if (value === Infinity || value === -Infinity) this.notNumeric(feature, String(value), line);
        number = value;
      } else if (typeof value === 'boolean') {
        number = value ? 1 : 0;
      } else if (value === null || value === undefined) {
        number = Number.NaN;
      } else {
        this.scratch = classifyValue(cell, value, this.scratch);
        const kind = cell.kind;
        if (kind === INTEGER || kind === NUMBER || kind === BOOLEAN) number = cell.value;
        else if (kind === NULL || kind === EMPTY) number = Number.NaN;
        else this.notNumeric(feature, value, line);
      }
      this.features[row * stride + feature] = number;
    }
    if (this.options.label !== undefined) {
      const value = this.labelAt < 0 ? undefined : values[this.labelAt];
      this.scratch = classifyValue(cell, value, this.scratch);
      if (this.takeLabel(row, line)) this.labelText(row, typeof value === 'string' ? value : cellText(cell));
    }
    for (let slice = 0; slice < this.slices.length; slice += 1) {
      const at = this.sliceAt[slice]!;
      const value = at < 0 ? undefined : values[at];
      const text =
        value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? MISSING_CATEGORY : typeof value === 'string' ? value : String(value);
      this.category(slice, row, text);
    }
    this.rows = row + 1;
  }

  finish(): EvaluationTable {
    const rows = this.rows;
    if (rows === 0) throw new InputError(`data: the evaluation set is empty: ${some(this.sources)} hold no data rows.`);
    const width = this.width;
    const features = this.features.subarray(0, rows * width);
    const categorical = new Map<string, CategoricalColumn>();
    this.options.categorical.forEach((name, i) => {
      const slice = this.slices[i]!;
      categorical.set(name, { values: slice.values, codes: slice.codes.subarray(0, rows) });
    });
    const table: EvaluationTable = {
      rows,
      sources: this.sources,
      sourceRows: this.sourceRows,
      columns: this.firstColumns ?? [],
      featureNames: [...this.options.features],
      features,
      featureColumn(index: number): Float32Array {
        if (!Number.isInteger(index) || index < 0 || index >= width) throw new RangeError(`feature index ${index} is outside 0..${width - 1}`);
        const column = new Float32Array(rows);
        for (let row = 0, at = index; row < rows; row += 1, at += width) column[row] = features[at]!;
        return column;
      },
      categorical,
    };
    if (this.options.label !== undefined) {
      table.label = {
        name: this.options.label,
        rows,
        numbers: this.labelNumbers.subarray(0, rows),
        textCodes: this.labelCodes.subarray(0, rows),
        texts: this.labelTexts,
        nullRows: this.nullRows,
        counts: { ...this.counts },
      };
    }
    return table;
  }
}
