/**
 * A byte-level, streaming CSV/TSV tokenizer (RFC 4180): quoted fields with `""` escapes and
 * embedded delimiters and newlines, LF or CRLF line ends, an optional UTF-8 BOM, any one-byte
 * delimiter. It works on the bytes as read (1 MiB chunks), hands each row to a sink as byte ranges
 * into the current buffer — no string per field unless the sink asks for one — and keeps only the
 * unfinished last row between chunks, so memory does not grow with the file. A reader that leaves
 * room in front of each chunk (pushInPlace) gets that row put back there, so no chunk is copied.
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

/**
 * Many rows at once (batch mode, see CsvTokenizer.batchRows): row r's fields are fields
 * rowStarts[r] to rowStarts[r + 1] − 1 of the field arrays, in `buffer`; valid only during the call.
 */
export interface RowBatch {
  buffer: Buffer;
  rows: number;
  rowStarts: Int32Array;
  /** Physical line (1-based) each row starts on, and the stream offset of its first byte. */
  lines: Float64Array;
  offsets: Float64Array;
  starts: Int32Array;
  ends: Int32Array;
  /** As in RowView. */
  quoting: Uint8Array;
}

/** Receives batches of rows (an object, so that the tokenizer's call to it stays monomorphic). */
export interface BatchSink {
  csvBatch(batch: RowBatch): void;
}

/** Fields gathered before a batch is handed over (more when a row needs them). */
const BATCH_FIELDS = 8192;

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

/** Bytes that end an unquoted field: the delimiter, LF and CR (1), per byte value. */
function fieldEnds(delimiter: number): Uint8Array {
  const table = new Uint8Array(256);
  table[delimiter] = 1;
  table[LF] = 1;
  table[CR] = 1;
  return table;
}

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly ends: Uint8Array;
  /** The largest byte that ends a field: most bytes are larger and need no table lookup. */
  private readonly lastEnd: number;
  /** The unfinished last row of the input so far: leftoverBytes[0, leftoverLength). */
  private leftoverBytes: Buffer = Buffer.alloc(0);
  private leftoverLength = 0;
  /** Line number of the first byte of the leftover. */
  private line: number;
  /** Stream offset of the first byte of the leftover. */
  private base: number;
  private first: boolean;
  private halted = false;
  /** The row handed to the sink; its field arrays are the tokenizer's working storage. */
  private readonly view: RowView;
  /** Batch mode: where rows go, rows starting at or after `stop` end the input, and the batch being gathered. */
  private batchSink: BatchSink | null = null;
  private stop = Infinity;
  private readonly batch: RowBatch;
  /** Rows gathered in the batch so far. */
  private gathered = 0;

  constructor(
    private readonly sink: RowSink,
    private readonly options: CsvTokenizerOptions,
  ) {
    if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 0x7f || /["\r\n]/.test(options.delimiter)) {
      throw new InputError(`The CSV delimiter must be one ASCII character other than a quote or a line break, not ${JSON.stringify(options.delimiter)}.`);
    }
    this.delimiter = options.delimiter.charCodeAt(0);
    this.ends = fieldEnds(this.delimiter);
    this.lastEnd = Math.max(this.delimiter, LF, CR);
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
    this.batch = {
      buffer: this.view.buffer,
      rows: 0,
      rowStarts: new Int32Array(0),
      lines: new Float64Array(0),
      offsets: new Float64Array(0),
      starts: this.view.starts,
      ends: this.view.ends,
      quoting: this.view.quoting,
    };
  }

  /**
   * Switches to batch mode (from the next row on, so a reader can take a header row first): rows go
   * to `sink` many at a time, straight from the tokenizer's field arrays, and a row starting at or
   * after `stop` ends the input as a row sink returning false would.
   */
  batchRows(sink: BatchSink, stop = Infinity): void {
    this.batchSink = sink;
    this.stop = stop;
    const rows = BATCH_FIELDS + 1;
    this.batch.rowStarts = new Int32Array(rows + 1);
    this.batch.lines = new Float64Array(rows);
    this.batch.offsets = new Float64Array(rows);
    while (this.view.starts.length < BATCH_FIELDS * 2) this.grow();
  }

  /** Hands over the rows gathered so far (batch mode). */
  private deliver(): void {
    const batch = this.batch;
    if (this.gathered === 0) return;
    batch.rows = this.gathered;
    this.gathered = 0;
    batch.buffer = this.view.buffer;
    batch.starts = this.view.starts;
    batch.ends = this.view.ends;
    batch.quoting = this.view.quoting;
    this.batchSink!.csvBatch(batch);
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

  /** Feeds the next chunk of bytes (the tokenizer keeps no reference to it after the call). */
  push(chunk: Buffer): void {
    if (this.halted) return;
    if (this.leftoverLength === 0) {
      this.feed(chunk, 0, chunk.length);
      return;
    }
    const joined = Buffer.allocUnsafe(this.leftoverLength + chunk.length);
    this.leftoverBytes.copy(joined, 0, 0, this.leftoverLength);
    chunk.copy(joined, this.leftoverLength);
    this.leftoverLength = 0;
    this.feed(joined, 0, joined.length);
  }

  /**
   * Feeds bytes [start, end) of `buffer` as the next chunk, where `buffer[0, start)` is space the
   * tokenizer may overwrite: the unfinished row from the previous chunk is copied there when it fits,
   * so a reader that leaves room in front of each chunk spares copying the chunk itself.
   */
  pushInPlace(buffer: Buffer, start: number, end: number): void {
    if (this.halted) return;
    const carried = this.leftoverLength;
    if (carried > start) {
      this.push(buffer.subarray(start, end));
      return;
    }
    if (carried > 0) this.leftoverBytes.copy(buffer, start - carried, 0, carried);
    this.leftoverLength = 0;
    this.feed(buffer, start - carried, end);
  }

  /** Ends the input: the last row may lack a final line break. */
  end(): void {
    if (this.leftoverLength > 0 && !this.halted) {
      const rest = this.leftoverBytes.subarray(0, this.leftoverLength);
      this.leftoverLength = 0;
      this.checkUtf8(rest, 0, rest.length, this.line);
      this.base += this.scan(rest, 0, rest.length, true);
    }
  }

  /** Scans buffer[begin, end) (the leftover, if any, already in front) and keeps the unfinished rest. */
  private feed(buffer: Buffer, begin: number, end: number): void {
    if (this.first) {
      const length = end - begin;
      if (length < BOM.length && BOM.subarray(0, length).equals(buffer.subarray(begin, end))) {
        this.keep(buffer, begin, end); // could still be a BOM: wait for more bytes
        return;
      }
      this.first = false;
      if (length >= BOM.length && buffer[begin] === BOM[0] && buffer[begin + 1] === BOM[1] && buffer[begin + 2] === BOM[2]) {
        begin += BOM.length;
        this.base += BOM.length;
      }
    }
    const firstLine = this.line;
    const consumed = this.scan(buffer, begin, end, false);
    this.checkUtf8(buffer, begin, consumed, firstLine);
    this.base += consumed - begin;
    if (!this.halted) this.keep(buffer, consumed, end);
  }

  /** Copies buffer[start, end) into the leftover store. */
  private keep(buffer: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.leftoverBytes.length < length) this.leftoverBytes = Buffer.allocUnsafe(Math.max(length, this.leftoverBytes.length * 2, 4096));
    buffer.copy(this.leftoverBytes, 0, start, end);
    this.leftoverLength = length;
  }

  /** Complete rows end at line breaks, so bytes [start, end) never end inside a character. */
  private checkUtf8(buffer: Buffer, start: number, end: number, firstLine: number): void {
    if (end <= start) return;
    const bytes = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
    if (!isUtf8(bytes)) {
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
   * Emits every complete row of buffer[begin, length) and returns the index just past the last row
   * consumed; the rest is an unfinished row kept for the next chunk. With `final`, the rest is a last
   * row even without a line break. Blank lines are skipped (a line holding `""` is a row with one
   * empty field). When the sink returns false (or, in batch mode, a row starts at or after `stop`),
   * the bytes before that row are consumed and scanning halts. Row offsets count from `base` at
   * `begin`. In batch mode the rows gathered are handed over before returning or throwing, so they
   * reach the sink before any error found after them, as rows handed over one by one would.
   */
  private scan(buffer: Buffer, begin: number, length: number, final: boolean): number {
    try {
      return this.scanRows(buffer, begin, length, final);
    } finally {
      if (this.batchSink !== null) this.deliver();
    }
  }

  private scanRows(buffer: Buffer, begin: number, length: number, final: boolean): number {
    const delimiter = this.delimiter;
    const ends = this.ends;
    const lastEnd = this.lastEnd;
    const view = this.view;
    const batch = this.batch;
    const offsetBase = this.base - begin;
    view.buffer = buffer;
    let starts = view.starts;
    let fieldEnds = view.ends;
    let quoting = view.quoting;
    let capacity = starts.length;
    let position = begin;
    /** Fields gathered (batch mode: of every row in the batch), and the first field of this row. */
    let count = 0;
    let rowFirst = 0;
    let rowStart = begin;
    let line = this.line;
    let rowLine = line;
    let firstQuoted = false;
    for (;;) {
      if (count === capacity) {
        this.grow();
        starts = view.starts;
        fieldEnds = view.ends;
        quoting = view.quoting;
        capacity = starts.length;
      }
      let fieldEnd: number;
      if (position < length && buffer[position] === QUOTE) {
        const start = position + 1;
        let cursor = start;
        let escapes = false;
        let close = buffer.indexOf(QUOTE, cursor);
        while (close !== -1 && close + 1 < length && buffer[close + 1] === QUOTE) {
          escapes = true;
          cursor = close + 2;
          close = buffer.indexOf(QUOTE, cursor);
        }
        if (close >= length) close = -1;
        if (close === -1 || (close + 1 === length && !final)) {
          if (!final) {
            this.line = rowLine;
            return rowStart;
          }
          throw new InputError(
            `${this.options.source}: unterminated quoted field starting on line ${rowLine}; close the quote, and write a quote inside a field as "".`,
          );
        }
        for (let i = start; i < close; i += 1) if (buffer[i] === LF) line += 1;
        starts[count] = start;
        fieldEnds[count] = close;
        quoting[count] = escapes ? 2 : 1;
        fieldEnd = close + 1;
        const next = fieldEnd < length ? buffer[fieldEnd]! : -1;
        if (next !== -1 && next !== delimiter && next !== LF && next !== CR) {
          throw new InputError(
            `${this.options.source}: unexpected character after a closing quote on line ${line}; a quoted field must end at a delimiter or a line break (write a quote inside a field as "").`,
          );
        }
        if (count === rowFirst) firstQuoted = true;
      } else {
        let end = position;
        for (; end < length; end += 1) {
          const byte = buffer[end]!;
          if (byte <= lastEnd && ends[byte] === 1) break;
        }
        if (end === length && !final) {
          this.line = rowLine;
          return rowStart;
        }
        starts[count] = position;
        fieldEnds[count] = end;
        quoting[count] = 0;
        fieldEnd = end;
        if (count === rowFirst) firstQuoted = false;
      }
      count += 1;
      const after = fieldEnd < length ? buffer[fieldEnd]! : -1;
      if (after === delimiter) {
        position = fieldEnd + 1;
        continue;
      }
      // The row ends here: at a line break, or at the end of the final input.
      if (fieldEnd + 1 === length && after === CR && !final) {
        // CR LF may straddle chunks
        this.line = rowLine;
        return rowStart;
      }
      if (count - rowFirst !== 1 || firstQuoted || fieldEnds[rowFirst] !== starts[rowFirst]) {
        const offset = offsetBase + rowStart;
        if (this.batchSink === null) {
          view.count = count;
          view.line = rowLine;
          view.offset = offset;
          if (this.sink(view) === false) {
            this.halted = true;
            this.line = rowLine;
            return rowStart;
          }
          // The sink may have switched to batch mode (which grows the field arrays).
          starts = view.starts;
          fieldEnds = view.ends;
          quoting = view.quoting;
          capacity = starts.length;
          count = 0;
        } else {
          if (offset >= this.stop) {
            this.halted = true;
            this.line = rowLine;
            return rowStart;
          }
          const row = this.gathered;
          batch.rowStarts[row] = rowFirst;
          batch.rowStarts[row + 1] = count;
          batch.lines[row] = rowLine;
          batch.offsets[row] = offset;
          this.gathered = row + 1;
          if (count >= BATCH_FIELDS) {
            this.deliver();
            count = 0;
          }
        }
      } else {
        count = rowFirst; // a blank line
      }
      rowFirst = count;
      if (after === -1) break;
      position = fieldEnd + (after === CR && fieldEnd + 1 < length && buffer[fieldEnd + 1] === LF ? 2 : 1);
      line += 1;
      rowStart = position;
      rowLine = line;
      if (position === length) break;
    }
    this.line = line;
    return length;
  }
}
