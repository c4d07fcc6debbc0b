/**
 * The scan of a whole dataset, put together from its parts in order: the byte ranges of one file
 * (rows and lines continue) and then further files (rows and lines restart; examples name their
 * file). Columns are matched by name; a column that a file lacks is null in all of that file's rows.
 */
import { ColumnProfile } from '../profile/column-profile.js';
import { ColumnChecks, type Example } from '../schema/column-checks.js';
import type { DataSchema } from '../schema/types.js';
import { UniqueIndex } from '../schema/unique-index.js';
import type { ScanPart } from './table-scan.js';

export interface SourceSummary {
  name: string;
  rows: number;
  bytes: number;
}

export class ScanTotal {
  rows = 0;
  readonly sources: SourceSummary[] = [];
  readonly columns: string[] = [];
  readonly profiles = new Map<string, ColumnProfile>();
  readonly checks = new Map<string, ColumnChecks>();
  key: UniqueIndex | null = null;
  keyFailures = 0;
  readonly keyExamples: Example[] = [];
  /** Rows of the current file so far (row numbers continue across its byte ranges). */
  private fileRows = 0;

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
      if (state !== null && state !== undefined) this.checksOf(name)?.absorb(state, this.fileRows, lineBase, source);
    });
    for (const name of this.columns) {
      if (present.has(name)) continue;
      this.profiles.get(name)!.addNulls(part.rows);
      this.checksOf(name)?.absorbMissing(part.rows);
    }
    if (part.key !== null) {
      this.keyFailures += part.key.failures;
      if (this.key === null) this.key = UniqueIndex.fromState(part.key.index);
      else this.keyFailures += this.key.absorb(part.key.index);
      for (const example of part.key.examples) {
        if (this.keyExamples.length >= this.maxExamples) break;
        this.keyExamples.push({ ...example, row: example.row + this.fileRows, line: example.line + lineBase, ...(source === undefined ? {} : { source }) });
      }
    }
    this.rows += part.rows;
    this.fileRows += part.rows;
    file.rows += part.rows;
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
    for (const example of this.keyExamples) example.source ??= first;
  }
}
