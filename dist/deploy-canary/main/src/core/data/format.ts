/**
 * Which reader a data file needs: the format the user asked for, or with `auto` the one its
 * extension names (case-insensitive): .csv; .tsv or .tab; .jsonl or .ndjson; .parquet or .pq.
 *
 * Complexity: O(length of the name).
 *
 * Errors: with `auto`, an unknown or missing extension is an InputError naming the file and the
 * `format` input that settles it.
 */
import { InputError } from '../errors.js';

export type DataFormat = 'csv' | 'tsv' | 'jsonl' | 'parquet';

const EXTENSIONS: ReadonlyMap<string, DataFormat> = new Map([
  ['csv', 'csv'],
  ['tsv', 'tsv'],
  ['tab', 'tsv'],
  ['jsonl', 'jsonl'],
  ['ndjson', 'jsonl'],
  ['parquet', 'parquet'],
  ['pq', 'parquet'],
]);

/** The format of `name` (a path or URI): `requested` unless it is `auto`, else by extension. */
export function detectFormat(name: string, requested: 'auto' | DataFormat): DataFormat {
  if (requested !== 'auto') return requested;
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const format = dot > 0 ? EXTENSIONS.get(base.slice(dot + 1).toLowerCase()) : undefined;
  if (format === undefined) {
    throw new InputError(
      `data: cannot tell the format of "${name}" from its extension; set the format input to csv, tsv, jsonl or parquet`,
    );
  }
  return format;
}
