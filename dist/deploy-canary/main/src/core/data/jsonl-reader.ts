/**
 * A streaming JSON Lines reader: one JSON object per line, LF or CRLF line ends, an optional UTF-8
 * BOM, blank lines skipped, a last line without a line break. It announces the keys of the first
 * record as the columns, in order, and announces the longer list again when a later record brings a
 * new key (the new column was missing in every earlier row). Values reach the consumer as they are
 * (null, strings, numbers, booleans); nested objects and arrays as their JSON text.
 *
 * Complexity: O(n) in the input bytes; only the unfinished last line is kept between chunks, so memory
 * is O(chunk + longest line), not O(file).
 *
 * Errors are one line naming the file and the physical line: invalid UTF-8, invalid JSON (with the
 * parser's message), a line that is not an object, and a file with no records at all.
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import type { ByteSource } from './source.js';
import type { CellValue, TableConsumer } from './table.js';

const LF = 0x0a;

export async function readJsonl(source: ByteSource, consumer: TableConsumer): Promise<{ rows: number }> {
  const reader = new JsonlReader(source.name, consumer);
  for await (const chunk of source.stream()) reader.push(chunk);
  reader.end();
  if (reader.rows === 0) {
    throw new InputError(`${source.name}: the file is empty; expected one JSON object per line`);
  }
  return { rows: reader.rows };
}

class JsonlReader {
  rows = 0;
  /** Pieces of the unfinished line (no LF yet); joined once the line ends. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Physical line number of the next line to finish. */
  private line = 1;
  private first = true;
  private readonly columns: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly name: string,
    private readonly consumer: TableConsumer,
  ) {}

  push(chunk: Buffer): void {
    const lastLf = chunk.lastIndexOf(LF);
    if (lastLf === -1) {
      if (chunk.length > 0) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
      }
      return;
    }
    // Complete lines: the pending pieces plus the chunk up to its last LF, decoded in one go.
    let complete = chunk.subarray(0, lastLf + 1);
    if (this.pendingBytes > 0) {
      complete = Buffer.concat([...this.pending, complete], this.pendingBytes + complete.length);
      this.pending = [];
      this.pendingBytes = 0;
    }
    this.lines(complete, true);
    // Copy the unfinished line, so the rest of the chunk can be freed.
    if (lastLf + 1 < chunk.length) {
      this.pending.push(Buffer.from(chunk.subarray(lastLf + 1)));
      this.pendingBytes = chunk.length - lastLf - 1;
    }
  }

  /** Ends the input: the last line may lack a line break. */
  end(): void {
    if (this.pendingBytes === 0) return;
    const rest = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.lines(rest, false);
  }

  /** Handles whole lines; with `terminated`, `bytes` ends with an LF. */
  private lines(bytes: Buffer, terminated: boolean): void {
    if (isUtf8(bytes)) {
      this.decode(bytes, terminated);
      return;
    }
    // Read the good lines before the bad one, so errors do not depend on where chunks end.
    let start = 0;
    for (;;) {
      const newline = bytes.indexOf(LF, start);
      const end = newline === -1 ? bytes.length : newline;
      if (!isUtf8(bytes.subarray(start, end))) break;
      start = end + 1;
    }
    if (start > 0) this.decode(bytes.subarray(0, start), true);
    throw new InputError(`${this.name}: line ${this.line} is not valid UTF-8; save the file as UTF-8 and try again`);
  }

  private decode(bytes: Buffer, terminated: boolean): void {
    const text = bytes.toString('utf8');
    let start = 0;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) {
        if (!terminated && start < text.length) this.record(text, start, withoutCr(text, text.length));
        return;
      }
      this.record(text, start, withoutCr(text, newline));
      this.line += 1;
      start = newline + 1;
    }
  }

  private record(text: string, start: number, end: number): void {
    const line = this.line;
    let blank = true;
    for (let i = start; i < end; i += 1) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x09) {
        blank = false;
        break;
      }
    }
    if (blank) return;

    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(`${this.name}: line ${line} is not valid JSON (${reason})`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError(`${this.name}: line ${line} is not a JSON object (found ${describe(value)}); JSON Lines needs one object per line`);
    }

    const record = value as Record<string, unknown>;
    const values: CellValue[] = new Array<CellValue>(this.columns.length);
    let grew = this.rows === 0;
    for (const key of Object.keys(record)) {
      let position = this.index.get(key);
      if (position === undefined) {
        position = this.columns.length;
        this.columns.push(key);
        this.index.set(key, position);
        grew = true;
      }
      values[position] = cell(record[key]);
    }
    if (grew) this.consumer.columns([...this.columns], this.name);
    this.rows += 1;
    this.consumer.valueRow(values, line);
  }
}

/** The end of a line that ends at `end`, less a CR before the LF. */
function withoutCr(text: string, end: number): number {
  return end > 0 && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

function cell(value: unknown): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}
