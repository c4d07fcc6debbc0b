/**
 * A byte-level, streaming CSV/TSV tokenizer (RFC 4180): quoted fields with `""` escapes and
 * embedded delimiters and newlines, LF or CRLF line ends, an optional UTF-8 BOM, any one-byte
 * delimiter. It works on the bytes as read (1 MiB chunks), hands each row to a sink as byte ranges
 * into the current buffer — no string per field unless the sink asks for one — and keeps only the
 * unfinished last row between chunks, so memory does not grow with the file.
 *
 * Complexity: O(n) in the input bytes, one pass; O(longest row) extra memory.
 *
 * Errors are one line with the physical line number: an unterminated quote, a character after a
 * closing quote, invalid UTF-8 (checked per chunk with buffer.isUtf8).
 */
import { isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Byte ranges of one row's fields in `buffer`; valid only during the sink call. */
export interface RowView {
  buffer: Buffer;
  /** Number of fields in the row. */
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 0: unquoted; 1: quoted; 2: quoted with `""` escapes that text() resolves. */
  quoting: Uint8Array;
  /** Physical line (1-based) the row starts on. */
  line: number;
  /** Byte offset of the row's first byte in the stream (the BOM counts). */
  offset: number;
  /** The field as a string (UTF-8), with quote escapes resolved. */
  text(index: number): string;
}

/** Receives each row; returning `false` stops the tokenizer before that row counts as consumed. */
export type RowSink = (row: RowView) => boolean | void;

export interface CsvTokenizerOptions {
  /** One ASCII byte, e.g. `,` or a tab. */
  delimiter: string;
  /** Used in error messages, e.g. the file's path. */
  source: string;
  /**
   * Where the first pushed byte lies in the file, for reading a byte range that starts on a row
   * boundary: offsets count from there, and a BOM is only looked for at offset 0. Default 0.
   */
  offset?: number;
  /** Line number of the first pushed byte. Default 1. */
  line?: number;
}

export class CsvTokenizer {
  private readonly delimiter: number;
  private leftover: Buffer = Buffer.alloc(0);
  /** Line number of the first byte of `leftover`. */
  private line: number;
  /** Stream offset of the first byte of `leftover`. */
  private base: number;
  private first: boolean;
  private halted = false;
  /** The row handed to the sink; its field arrays are the tokenizer's working storage. */
  private readonly view: RowView;

  constructor(
    private readonly sink: RowSink,
    private readonly options: CsvTokenizerOptions,
  ) {
    if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 0x7f || /["\r\n]/.test(options.delimiter)) {
      throw new InputError(`The CSV delimiter must be one ASCII character other than a quote or a line break, not ${JSON.stringify(options.delimiter)}.`);
    }
    this.delimiter = options.delimiter.charCodeAt(0);
    this.base = options.offset ?? 0;
    this.line = options.line ?? 1;
    this.first = this.base === 0;
    this.view = {
      buffer: Buffer.alloc(0),
      count: 0,
      starts: new Int32Array(64),
      ends: new Int32Array(64),
      quoting: new Uint8Array(64),
      line: 1,
      offset: 0,
      text(index) {
        const text = this.buffer.toString('utf8', this.starts[index], this.ends[index]);
        return this.quoting[index] === 2 ? text.replaceAll('""', '"') : text;
      },
    };
  }

  /** True once the sink returned false; later input is ignored. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Stream offset just past the rows consumed so far (where the sink stopped, once stopped). */
  get position(): number {
    return this.base;
  }

  /** Line number at `position`. */
  get currentLine(): number {
    return this.line;
  }

  /** Feeds the next chunk of bytes. */
  push(chunk: Buffer): void {
    if (this.halted) return;
    let buffer = this.leftover.length === 0 ? chunk : Buffer.concat([this.leftover, chunk]);
    if (this.first) {
      if (buffer.length < BOM.length && BOM.subarray(0, buffer.length).equals(buffer)) {
        this.leftover = Buffer.from(buffer); // could still be a BOM: wait for more bytes
        return;
      }
      this.first = false;
      if (buffer.subarray(0, BOM.length).equals(BOM)) {
        buffer = buffer.subarray(BOM.length);
        this.base += BOM.length;
      }
    }
    const firstLine = this.line;
    const consumed = this.scan(buffer, false);
    this.checkUtf8(buffer.subarray(0, consumed), firstLine);
    this.base += consumed;
    this.leftover = this.halted ? Buffer.alloc(0) : Buffer.from(buffer.subarray(consumed));
  }

  /** Ends the input: the last row may lack a final line break. */
  end(): void {
    if (this.leftover.length > 0 && !this.halted) {
      this.checkUtf8(this.leftover, this.line);
      this.base += this.scan(this.leftover, true);
      this.leftover = Buffer.alloc(0);
    }
  }

  /** Complete rows end at line breaks, so `bytes` never ends inside a character. */
  private checkUtf8(bytes: Buffer, firstLine: number): void {
    if (bytes.length > 0 && !isUtf8(bytes)) {
      const text = bytes.toString('utf8');
      const bad = text.indexOf('\uFFFD');
      const line = firstLine + (text.slice(0, Math.max(0, bad)).match(/\n/g)?.length ?? 0);
      throw new InputError(`${this.options.source}: invalid UTF-8 near line ${line}; save the file as UTF-8 and try again.`);
    }
  }

  private grow(): void {
    const view = this.view;
    const size = view.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const quoting = new Uint8Array(size);
    starts.set(view.starts);
    ends.set(view.ends);
    quoting.set(view.quoting);
    view.starts = starts;
    view.ends = ends;
    view.quoting = quoting;
  }

  /**
   * Emits every complete row of `buffer` and returns how many bytes were consumed; the rest is an
   * unfinished row kept for the next chunk. With `final`, the rest is a last row even without a
   * line break. Blank lines are skipped (a line holding `""` is a row with one empty field). When the
   * sink returns false, the bytes before that row are consumed and scanning halts.
   */
  private scan(buffer: Buffer, final: boolean): number {
    const delimiter = this.delimiter;
    const length = buffer.length;
    this.view.buffer = buffer;
    let position = 0;
    let count = 0;
    let rowStart = 0;
    let line = this.line;
    let rowLine = line;
    let firstQuoted = false;
    const pause = (): number => {
      this.line = rowLine;
      return rowStart;
    };
    for (;;) {
      if (count === this.view.starts.length) this.grow();
      let fieldEnd: number;
      if (position < length && buffer[position] === QUOTE) {
        const start = position + 1;
        let cursor = start;
        let escapes = false;
        let close = buffer.indexOf(QUOTE, cursor);
        while (close !== -1 && buffer[close + 1] === QUOTE) {
          escapes = true;
          cursor = close + 2;
          close = buffer.indexOf(QUOTE, cursor);
        }
        if (close === -1 || (close + 1 === length && !final)) {
          if (!final) return pause();
          throw new InputError(
            `${this.options.source}: unterminated quoted field starting on line ${rowLine}; close the quote, and write a quote inside a field as "".`,
          );
        }
        for (let i = start; i < close; i += 1) if (buffer[i] === LF) line += 1;
        this.view.starts[count] = start;
        this.view.ends[count] = close;
        this.view.quoting[count] = escapes ? 2 : 1;
        fieldEnd = close + 1;
        const next = fieldEnd < length ? buffer[fieldEnd] : -1;
        if (next !== -1 && next !== delimiter && next !== LF && next !== CR) {
          throw new InputError(
            `${this.options.source}: unexpected character after a closing quote on line ${line}; a quoted field must end at a delimiter or a line break (write a quote inside a field as "").`,
          );
        }
        if (count === 0) firstQuoted = true;
      } else {
        let end = position;
        while (end < length) {
          const byte = buffer[end];
          if (byte === delimiter || byte === LF || byte === CR) break;
          end += 1;
        }
        if (end === length && !final) return pause();
        this.view.starts[count] = position;
        this.view.ends[count] = end;
        this.view.quoting[count] = 0;
        fieldEnd = end;
        if (count === 0) firstQuoted = false;
      }
      count += 1;
      if (fieldEnd < length && buffer[fieldEnd] === delimiter) {
        position = fieldEnd + 1;
        continue;
      }
      // The row ends here: at a line break, or at the end of the final input.
      if (fieldEnd + 1 === length && buffer[fieldEnd] === CR && !final) return pause(); // CR LF may straddle chunks
      const blank = count === 1 && !firstQuoted && this.view.ends[0] === this.view.starts[0];
      if (!blank) {
        this.view.count = count;
        this.view.line = rowLine;
        this.view.offset = this.base + rowStart;
        if (this.sink(this.view) === false) {
          this.halted = true;
          this.line = rowLine;
          return rowStart;
        }
      }
      if (fieldEnd >= length) break;
      position = fieldEnd + (buffer[fieldEnd] === CR && buffer[fieldEnd + 1] === LF ? 2 : 1);
      line += 1;
      rowStart = position;
      rowLine = line;
      count = 0;
      if (position === length) break;
    }
    this.line = line;
    return length;
  }
}
