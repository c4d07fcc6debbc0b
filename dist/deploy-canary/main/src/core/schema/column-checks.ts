/**
 * The row-level rules of one column, applied to each classified cell as it is read: type, bounds,
 * allowed values, pattern, text length, uniqueness and nullability. Each rule counts its failures and
 * keeps the first few failing values with their row and line. Table-wide rules (null fraction,
 * `mostly`, row counts, extra or missing columns, keys) are judged at the end (evaluate.ts).
 *
 * Verdicts for `allowed` and `pattern` are cached per distinct value while the column's category
 * table tracks it, so a low-cardinality column tests each value once. `unique` only logs each value's
 * key here; the duplicates are found once every part of the dataset is scanned (unique-index.ts).
 *
 * Complexity: O(1) per cell and rule (O(length) for pattern and length rules).
 */
import {
  BOOLEAN,
  type Cell,
  cellText,
  classifyBytes,
  DATE,
  DATETIME,
  INTEGER,
  newCell,
  NULL,
  NUMBER,
  TEXT,
  transientText,
} from '../data/cell.js';
import { CATEGORY_CAPACITY } from '../profile/category-table.js';
import { HASH_SEED_HIGH, signedHashBytes } from '../profile/hash.js';
import type { ColumnRules, ColumnType } from './types.js';
import { KeyLog, type KeyLogState } from './unique-index.js';

export const ROW_RULES = ['type', 'nullable', 'min', 'max', 'exclusive_min', 'exclusive_max', 'allowed', 'pattern', 'min_length', 'max_length', 'unique'] as const;
export type RowRule = (typeof ROW_RULES)[number];
const [TYPE, NULLABLE, MIN, MAX, EXCLUSIVE_MIN, EXCLUSIVE_MAX, ALLOWED, PATTERN, MIN_LENGTH, MAX_LENGTH, UNIQUE] = ROW_RULES.map((_, i) => i) as number[] as [
  number, number, number, number, number, number, number, number, number, number, number,
];


export interface Example {
  /** 1-based data row (the header is not a row). */
  row: number;
  /** Physical line in the file (CSV, JSON Lines) or row index (Parquet). */
  line: number;
  /** The value as written; null for a missing value; undefined when it could not be read back. */
  value: string | null | undefined;
  /** The file, when several were read. */
  source?: string;
}

/** The mergeable state of a column's row-level checks. */
export interface ColumnCheckState {
  failures: number[];
  examples: Example[][];
  /** The keys of a unique column's values, judged when all parts are in (ScanTotal). */
  unique: KeyLogState | null;
}

/** The cell kinds each type accepts, one bit per kind. */
const EVERY_KIND = 0xff;
const ACCEPTS: Record<ColumnType, number> = {
  integer: 1 << INTEGER,
  number: (1 << INTEGER) | (1 << NUMBER),
  boolean: 1 << BOOLEAN,
  date: 1 << DATE,
  datetime: (1 << DATE) | (1 << DATETIME),
  string: EVERY_KIND,
  category: EVERY_KIND,
};

/** A bound as compared: numbers as such, dates and datetimes as epoch milliseconds. */
function boundValue(bound: number | string | undefined): number | undefined {
  if (bound === undefined) return undefined;
  if (typeof bound === 'number') return bound;
  const cell = newCell();
  const bytes = Buffer.from(bound, 'utf8');
  classifyBytes(cell, bytes, 0, bytes.length, true);
  return cell.kind === DATE || cell.kind === DATETIME ? cell.value : Number.NaN;
}

export class ColumnChecks {
  readonly failures = new Float64Array(ROW_RULES.length);
  readonly examples: Example[][] = ROW_RULES.map(() => []);
  /** Kinds the type accepts, one bit per kind (every kind without a type). */
  private readonly accepts: number;
  private readonly min: number | undefined;
  private readonly max: number | undefined;
  private readonly exclusiveMin: number | undefined;
  private readonly exclusiveMax: number | undefined;
  private readonly hasBounds: boolean;
  private readonly allowed: ReadonlySet<string> | undefined;
  private readonly pattern: RegExp | undefined;
  private readonly allowedVerdicts = new Uint8Array(CATEGORY_CAPACITY);
  private readonly patternVerdicts = new Uint8Array(CATEGORY_CAPACITY);
  private readonly minLength: number | undefined;
  private readonly maxLength: number | undefined;
  private readonly nullable: boolean;
  readonly unique: KeyLog | null;
  /** Whether checking a value can need its text (allowed values, a pattern). */
  readonly needsText: boolean;
  private readonly numberView = new Float64Array(1);
  private readonly wordView = new Int32Array(this.numberView.buffer);

  constructor(
    readonly rules: ColumnRules,
    private readonly maxExamples: number,
  ) {
    this.accepts = rules.type === undefined ? EVERY_KIND : ACCEPTS[rules.type];
    this.min = boundValue(rules.min);
    this.max = boundValue(rules.max);
    this.exclusiveMin = boundValue(rules.exclusiveMin);
    this.exclusiveMax = boundValue(rules.exclusiveMax);
    this.hasBounds = this.min !== undefined || this.max !== undefined || this.exclusiveMin !== undefined || this.exclusiveMax !== undefined;
    this.allowed = rules.allowed === undefined ? undefined : new Set(rules.allowed);
    this.pattern = rules.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u');
    this.minLength = rules.minLength;
    this.maxLength = rules.maxLength;
    this.nullable = rules.nullable !== false;
    this.unique = rules.unique === true ? new KeyLog() : null;
    this.needsText = this.allowed !== undefined || this.pattern !== undefined;
  }

  /**
   * Checks one cell; `entry` is its category entry (or -1), `hash` its profile hash and `length` its
   * length in code points when it is text (as the profile measured it; other kinds are ASCII).
   */
  check(cell: Cell, entry: number, hash: number, length: number, row: number, line: number): void {
    const kind = cell.kind;
    if (kind === NULL) {
      if (!this.nullable) this.fail(NULLABLE, cell, row, line);
      return;
    }
    if (((this.accepts >> kind) & 1) === 0) {
      this.fail(TYPE, cell, row, line);
      return;
    }
    if (this.hasBounds) this.checkBounds(cell, row, line);
    // A category entry stands for exact bytes only for text-like cells; numbers and booleans share one
    // entry across spellings (007 and 7, TRUE and true), which allowed and pattern tell apart.
    if (kind === INTEGER || kind === NUMBER || kind === BOOLEAN) entry = -1;
    if (this.allowed !== undefined) {
      let verdict = entry >= 0 ? this.allowedVerdicts[entry]! : 0;
      if (verdict === 0) {
        verdict = this.allowed.has(transientText(cell)) ? 1 : 2;
        if (entry >= 0) this.allowedVerdicts[entry] = verdict;
      }
      if (verdict === 2) this.fail(ALLOWED, cell, row, line);
    }
    if (this.pattern !== undefined) {
      let verdict = entry >= 0 ? this.patternVerdicts[entry]! : 0;
      if (verdict === 0) {
        verdict = this.pattern.test(transientText(cell)) ? 1 : 2;
        if (entry >= 0) this.patternVerdicts[entry] = verdict;
      }
      if (verdict === 2) this.fail(PATTERN, cell, row, line);
    }
    if (this.minLength !== undefined || this.maxLength !== undefined) {
      const characters = kind === TEXT ? length : cell.end - cell.start;
      if (this.minLength !== undefined && characters < this.minLength) this.fail(MIN_LENGTH, cell, row, line);
      if (this.maxLength !== undefined && characters > this.maxLength) this.fail(MAX_LENGTH, cell, row, line);
    }
    if (this.unique !== null) {
      let hi: number;
      let lo: number;
      if (kind === INTEGER || kind === NUMBER) {
        this.numberView[0] = cell.value;
        hi = this.wordView[1]!;
        lo = this.wordView[0]!;
      } else {
        hi = hash;
        lo = signedHashBytes(cell.buffer, cell.start, cell.end, HASH_SEED_HIGH);
      }
      this.unique.add(hi, lo, row);
    }
  }

  private checkBounds(cell: Cell, row: number, line: number): void {
    const kind = cell.kind;
    const comparable = kind === INTEGER || kind === NUMBER || kind === DATE || kind === DATETIME;
    const x = comparable ? cell.value : Number.NaN;
    // A value that cannot be compared (text where a number is expected) fails every bound it meets.
    if (this.min !== undefined && !(x >= this.min)) this.fail(MIN, cell, row, line);
    if (this.max !== undefined && !(x <= this.max)) this.fail(MAX, cell, row, line);
    if (this.exclusiveMin !== undefined && !(x > this.exclusiveMin)) this.fail(EXCLUSIVE_MIN, cell, row, line);
    if (this.exclusiveMax !== undefined && !(x < this.exclusiveMax)) this.fail(EXCLUSIVE_MAX, cell, row, line);
  }

  private fail(rule: number, cell: Cell, row: number, line: number): void {
    this.failures[rule] = this.failures[rule]! + 1;
    const examples = this.examples[rule]!;
    if (examples.length < this.maxExamples) examples.push({ row, line, value: cell.kind === NULL ? null : cellText(cell) });
  }

  toState(): ColumnCheckState {
    return { failures: Array.from(this.failures), examples: this.examples, unique: this.unique?.toState() ?? null };
  }

  /** Counts `rows` rows in which the column is absent (a file without it): nulls, without examples. */
  absorbMissing(rows: number): void {
    if (!this.nullable) this.failures[NULLABLE] = this.failures[NULLABLE]! + rows;
  }

  /**
   * Adds the state of the rows that follow this one's (the next byte range or file): its rows and
   * lines are shifted by `rowBase` and `lineBase`. Its unique keys are left to the caller.
   */
  absorb(state: ColumnCheckState, rowBase: number, lineBase: number, source?: string): void {
    for (let rule = 0; rule < ROW_RULES.length; rule += 1) {
      this.failures[rule] = this.failures[rule]! + state.failures[rule]!;
      const examples = this.examples[rule]!;
      for (const example of state.examples[rule]!) {
        if (examples.length >= this.maxExamples) break;
        const shifted: Example = { row: example.row + rowBase, line: example.line + lineBase, value: example.value };
        const from = example.source ?? source;
        if (from !== undefined) shifted.source = from;
        examples.push(shifted);
      }
    }
  }

  /** Sets the verdicts of the unique rule, found over every part (ScanTotal). */
  setDuplicates(failures: number, examples: Example[]): void {
    this.failures[UNIQUE] = failures;
    this.examples[UNIQUE] = examples;
  }
}
