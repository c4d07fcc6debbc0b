/**
 * The scan of a whole dataset, put together from its parts in order: the byte ranges of one file
 * (rows and lines continue) and then further files (rows and lines restart; examples name their
 * file). Columns are matched by name; a column that a file lacks is null in all of that file's rows.
 *
 * Duplicates (unique columns, the table key) are judged once every part is in (finishDuplicates):
 * the keys each part logged are walked in dataset order, so counts and examples are those of one
 * sequential pass. Their examples then still need the text and line of their rows, which the caller
 * reads back from the files (scan-dataset.ts).
 */
import { ColumnProfile } from '../profile/column-profile.js';
import { ColumnChecks, type Example } from '../schema/column-checks.js';
import type { DataSchema } from '../schema/types.js';
import { findDuplicates, type KeyLogPart } from '../schema/unique-index.js';
import type { ScanPart } from './table-scan.js';

export interface SourceSummary {
  name: string;
  rows: number;
  bytes: number;
}

/** Where a part's rows lie: in the dataset, in its file, and where its CSV rows can be found again. */
interface PartPlace {
  file: number;
  /** Rows of the dataset before the part, and of its file. */
  datasetRows: number;
  fileRows: number;
  columns: string[];
  /** CSV: (row in file, byte offset, line) triples, see ScanPart.checkpoints. */
  checkpoints: number[];
}

/** An example whose row must be read again for its text and line. */
export interface PendingExample {
  example: Example;
  /** Index into `sources` (the file's position in the dataset). */
  file: number;
  /** 1-based data row in the file. */
  row: number;
  /** The value's columns: one for a unique column, the key's columns (joined by ", ") for the key. */
  columns: string[];
  /** `cell`: the value as the scan read it (a unique column); `key`: each column's text as written. */
  kind: 'cell' | 'key';
}

export class ScanTotal {
  rows = 0;
  readonly sources: SourceSummary[] = [];
  readonly columns: string[] = [];
  readonly profiles = new Map<string, ColumnProfile>();
  readonly checks = new Map<string, ColumnChecks>();
  keyFailures = 0;
  readonly keyExamples: Example[] = [];
  /** Rows of the current file so far (row numbers continue across its byte ranges). */
  private fileRows = 0;
  private readonly places: PartPlace[] = [];
  private readonly uniqueLogs = new Map<string, KeyLogPart[]>();
  private readonly keyLogs: KeyLogPart[] = [];

  constructor(
    private readonly schema: DataSchema | undefined,
    private readonly maxExamples: number,
  ) {}

  /** Starts a new file: rows and lines restart. */
  beginFile(name: string, bytes: number): void {
    this.sources.push({ name, rows: 0, bytes });
    this.fileRows = 0;
  }

  /** Adds the next part of the current file; `lineBase` is the number of lines before the part. */
  add(part: ScanPart, lineBase: number): void {
    const file = this.sources.at(-1);
    if (file === undefined) throw new Error('ScanTotal.add before beginFile');
    const several = this.sources.length > 1;
    const source = several ? file.name : undefined;
    if (several && this.sources.length === 2) this.nameFirstFile();
    const present = new Set(part.columns);
    part.columns.forEach((name, index) => {
      let profile = this.profiles.get(name);
      if (profile === undefined) {
        profile = new ColumnProfile();
        profile.addNulls(this.rows);
        this.profiles.set(name, profile);
        this.columns.push(name);
      }
      profile.merge(ColumnProfile.fromState(part.profiles[index]!));
      const state = part.checks[index];
      if (state !== null && state !== undefined) {
        this.checksOf(name)?.absorb(state, this.fileRows, lineBase, source);
        if (state.unique !== null) {
          let logs = this.uniqueLogs.get(name);
          if (logs === undefined) this.uniqueLogs.set(name, (logs = []));
          logs.push({ log: state.unique, base: this.rows });
        }
      }
    });
    for (const name of this.columns) {
      if (present.has(name)) continue;
      this.profiles.get(name)!.addNulls(part.rows);
      this.checksOf(name)?.absorbMissing(part.rows);
    }
    if (part.key !== null) this.keyLogs.push({ log: part.key, base: this.rows });
    const checkpoints: number[] = [];
    for (let i = 0; i + 2 < part.checkpoints.length; i += 3) {
      checkpoints.push(part.checkpoints[i]! + this.fileRows, part.checkpoints[i + 1]!, part.checkpoints[i + 2]! + lineBase);
    }
    this.places.push({ file: this.sources.length - 1, datasetRows: this.rows, fileRows: this.fileRows, columns: part.columns, checkpoints });
    this.rows += part.rows;
    this.fileRows += part.rows;
    file.rows += part.rows;
  }

  /**
   * Judges the unique columns and the table key over every part added, and returns their examples,
   * whose rows must still be read again for their text and line (fill them in place).
   */
  finishDuplicates(): PendingExample[] {
    const pending: PendingExample[] = [];
    for (const [name, logs] of this.uniqueLogs) {
      const { failures, rows } = findDuplicates(logs, this.maxExamples);
      const examples = rows.map((row) => this.pendingExample(row, [name], 'cell', pending));
      this.checks.get(name)?.setDuplicates(failures, examples);
    }
    const key = this.schema?.table.key;
    if (key !== undefined && this.keyLogs.length > 0) {
      const { failures, rows } = findDuplicates(this.keyLogs, this.maxExamples);
      this.keyFailures = failures;
      this.keyExamples.length = 0;
      for (const row of rows) this.keyExamples.push(this.pendingExample(row, [...key], 'key', pending));
    }
    this.uniqueLogs.clear();
    this.keyLogs.length = 0;
    return pending;
  }

  /** The columns of a file (of its first part). */
  columnsOf(file: number): string[] {
    return this.places.find((place) => place.file === file)?.columns ?? [];
  }

  /** CSV checkpoints of a file: (row, byte offset, line) triples in row order; empty when its rows have none. */
  checkpointsOf(file: number): number[] {
    return this.places.filter((place) => place.file === file).flatMap((place) => place.checkpoints);
  }

  /** An example for dataset row `datasetRow` (1-based, all files together), to be read again. */
  private pendingExample(datasetRow: number, columns: string[], kind: PendingExample['kind'], pending: PendingExample[]): Example {
    let at = this.places.length - 1;
    while (at > 0 && this.places[at]!.datasetRows >= datasetRow) at -= 1;
    const place = this.places[at]!;
    const row = datasetRow - place.datasetRows + place.fileRows;
    const example: Example = { row, line: 0, value: undefined };
    if (this.sources.length > 1) example.source = this.sources[place.file]!.name;
    pending.push({ example, file: place.file, row, columns, kind });
    return example;
  }

  private checksOf(name: string): ColumnChecks | undefined {
    let checks = this.checks.get(name);
    const rules = this.schema?.columns.get(name);
    if (checks === undefined && rules !== undefined) {
      checks = new ColumnChecks(rules, this.maxExamples);
      checks.absorbMissing(this.rows);
      this.checks.set(name, checks);
    }
    return checks;
  }

  /** Once a second file arrives, the first file's examples get its name too. */
  private nameFirstFile(): void {
    const first = this.sources[0]!.name;
    for (const checks of this.checks.values()) for (const examples of checks.examples) for (const example of examples) example.source ??= first;
  }
}
