/** What the reader tests share: a consumer that records what a reader hands over, and error capture. */
import type { RowView } from '../../src/core/data/csv-tokenizer.js';
import type { CellValue, TableConsumer } from '../../src/core/data/table.js';

/** Records the column announcements and value rows of a typed reader (JSON Lines, Parquet). */
export class ValueRowRecorder implements TableConsumer {
  readonly columnCalls: Array<{ names: string[]; source: string }> = [];
  readonly rows: Array<{ values: CellValue[]; line: number }> = [];

  constructor(private readonly reader: string) {}

  columns(names: readonly string[], source: string): void {
    this.columnCalls.push({ names: [...names], source });
  }

  csvRow(_row: RowView): void {
    throw new Error(`a ${this.reader} reader must not hand over CSV rows`);
  }

  valueRow(values: readonly CellValue[], line: number): void {
    this.rows.push({ values: Array.from(values), line });
  }
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}
