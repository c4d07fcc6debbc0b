/**
 * A dataset's contract, as read from its schema file (YAML or JSON; see docs/schema.md and
 * schemas/data-schema.json). The parser (schema-file.ts) turns the file into these types and
 * remembers where each column is declared, so findings can point at that line.
 */
import type { SourcePosition } from '../logger.js';

export const COLUMN_TYPES = ['integer', 'number', 'string', 'boolean', 'date', 'datetime', 'category'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const EXTRA_COLUMN_POLICIES = ['error', 'warn', 'ignore'] as const;
export const MISSING_COLUMN_POLICIES = ['error', 'warn'] as const;

export interface ColumnRules {
  type?: ColumnType;
  /** false: any null is a finding. Default true. */
  nullable?: boolean;
  /** The largest allowed fraction of null rows, in [0, 1]. */
  maxNullFraction?: number;
  /** Bounds for numbers (and for dates/datetimes, as ISO 8601 text compared in time order). */
  min?: number | string;
  max?: number | string;
  exclusiveMin?: number | string;
  exclusiveMax?: number | string;
  /** The only values allowed, compared as text (numbers as written in the schema). */
  allowed?: readonly string[];
  /** A regular expression (JavaScript syntax, unanchored as in JSON Schema) every value must match. */
  pattern?: string;
  unique?: boolean;
  /** Bounds on the text length in characters (Unicode code points). */
  minLength?: number;
  maxLength?: number;
  /** The fraction of non-null rows that must pass each row-level rule of this column, in (0, 1]; default 1. */
  mostly?: number;
  /** Severity of this column's findings; default error. */
  severity?: 'error' | 'warning';
}

export interface TableRules {
  rows?: { min?: number; max?: number };
  columns?: { extra?: (typeof EXTRA_COLUMN_POLICIES)[number]; missing?: (typeof MISSING_COLUMN_POLICIES)[number] };
  /** Columns whose combined value must be unique (duplicate detection). */
  key?: readonly string[];
}

export interface DataSchema {
  /** The schema file, relative to the working directory (for annotations). */
  file: string;
  columns: ReadonlyMap<string, ColumnRules>;
  table: TableRules;
  /** Where each column (and `table`, and each table rule) is declared in the file. */
  positions: ReadonlyMap<string, SourcePosition>;
}
