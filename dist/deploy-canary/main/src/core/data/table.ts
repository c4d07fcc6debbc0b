/**
 * What every reader hands its rows to. A reader (CSV/TSV, JSON Lines, Parquet) announces the columns,
 * then streams rows; the consumer (the scanner that profiles and validates) never sees the format.
 *
 * CSV rows arrive as byte ranges (`csvRow`, or many at once, `csvBatch`), so the hot path makes no
 * string per field; JSON Lines and Parquet rows arrive as JavaScript values (`valueRow`).
 */
import { InputError } from '../errors.js';
import type { RowBatch, RowView } from './csv-tokenizer.js';

/**
 * A cell value from a typed format. `null` and `undefined` are missing values; strings are text (their
 * content decides whether they read as numbers, dates, booleans or plain text, as in CSV); numbers,
 * booleans and safe bigints are typed. Readers convert everything else before handing it over:
 * dates become ISO 8601 text, unsafe bigints their decimal text, nested values their JSON text.
 */
export type CellValue = string | number | boolean | null | undefined;

export interface TableConsumer {
  /**
   * The column names in order, before the first row. A reader may call it again with a longer list
   * that extends the previous one (a JSON Lines record with a new key): the new columns were missing
   * (null) in every earlier row.
   */
  columns(names: readonly string[], source: string): void;
  /** A CSV/TSV data row as byte ranges, valid only during the call. Its field count is checked by the consumer. */
  csvRow(row: RowView): void;
  /**
   * Optionally, CSV/TSV data rows many at a time, valid only during the call; a reader that finds
   * this method hands rows over this way rather than one by one.
   */
  csvBatch?(batch: RowBatch): void;
  /**
   * A data row of values in column order; `values.length` may be shorter than the column list (the
   * rest are missing). `line` is the physical line (JSON Lines) or the 1-based row index within the
   * file (Parquet).
   */
  valueRow(values: readonly CellValue[], line: number): void;
}

/** Throws when a row of the batch does not have one field per column (`width`), naming its line in `source`. */
export function checkFieldCounts(batch: RowBatch, width: number, source: string): void {
  const { rowStarts } = batch;
  for (let row = 0; row < batch.rows; row += 1) {
    const count = rowStarts[row + 1]! - rowStarts[row]!;
    if (count !== width) {
      throw new InputError(
        `${source}: line ${batch.lines[row]!} has ${count} field${count === 1 ? '' : 's'}, but the header has ${width}; every row needs one field per column (quote fields that contain the delimiter).`,
      );
    }
  }
}
