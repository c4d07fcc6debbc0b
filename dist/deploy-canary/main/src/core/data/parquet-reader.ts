/**
 * A Parquet reader on hyparquet. The file is read through the ByteSource's ranged reads (the footer
 * first, then one row group at a time), so memory is bounded by the largest row group, not the file,
 * and an S3 object is never downloaded whole. Rows reach the consumer as values in column order (the
 * top-level columns; nested ones as JSON text), with `line` the 1-based row index in the file.
 *
 * Values become CellValues: numbers, strings and booleans as they are; NaN as null; a bigint as a
 * number when it is a safe integer, else its decimal text; a DATE as `YYYY-MM-DD`; a timestamp as ISO
 * 8601 text in UTC (`Z`) with the precision of its unit (milli-, micro- or nanoseconds); binary as
 * base64 text, except that a BYTE_ARRAY column without a STRING annotation (older writers omit it)
 * gives text for each value that is valid UTF-8; lists, structs, maps and JSON columns as JSON text. Pages may be uncompressed, Snappy,
 * GZIP or Brotli, and ZSTD where the Node.js runtime has zstd (22.15 and later).
 *
 * Complexity: O(n) in the bytes of the file; O(largest row group) memory.
 *
 * Errors are one line naming the file: not Parquet or cut short (InputError asking to check the
 * upload), a compression codec that cannot be read here, a file without rows. Errors of the source
 * itself (a ServiceError from S3) pass through unchanged.
 */
import { isUtf8 } from 'node:buffer';
import zlib from 'node:zlib';
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, Compressors, CompressionCodec, FileMetaData, ParquetParsers } from 'hyparquet';
import { InputError, isCd4mlError } from '../errors.js';
import type { ByteSource } from './source.js';
import type { CellValue, TableConsumer } from './table.js';

export async function readParquet(source: ByteSource, consumer: TableConsumer): Promise<{ rows: number }> {
  const file = asyncBuffer(source);
  const metadata = await unreadable(source, async () => {
    // Magic number, footer length and magic number again: 12 bytes at least.
    if (source.size < 12) throw new Error(`the file is ${source.size} bytes long, too short for Parquet`);
    return parquetMetadataAsync(file, { parsers: PARSERS, geoparquet: false });
  });
  const schema = await unreadable(source, async () => {
    checkLayout(metadata, source.size);
    return parquetSchema(metadata).children.map((child) => child.element);
  });
  const columns = schema.map((element) => element.name);
  // BYTE_ARRAY without a STRING annotation is often text anyway (older writers omit it).
  const maybeText = schema.map((element) => element.type === 'BYTE_ARRAY' && element.converted_type === undefined && element.logical_type === undefined);
  checkCodecs(metadata, source.name);
  if (metadata.num_rows === 0n) throw new InputError(`${source.name}: the file has no rows`);

  consumer.columns(columns, source.name);
  let groupStart = 0;
  let rows = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    if (groupRows === 0) continue;
    // One row group at a time: hyparquet fetches only this group's column chunks.
    let groupData: unknown[][] = [];
    await unreadable(source, () =>
      parquetRead({
        file,
        metadata,
        columns,
        rowStart: groupStart,
        rowEnd: groupStart + groupRows,
        parsers: PARSERS,
        compressors: COMPRESSORS,
        utf8: false,
        geoparquet: false,
        onComplete: (data: unknown[][]) => {
          groupData = data;
        },
      }),
    );
    for (const [index, row] of groupData.entries()) {
      for (let i = 0; i < row.length; i += 1) row[i] = maybeText[i] === true ? looseBytesValue(row[i]) : cellValue(row[i]);
      consumer.valueRow(row as CellValue[], groupStart + index + 1);
    }
    rows += groupData.length;
    groupStart += groupRows;
  }
  return { rows };
}

/** The source as hyparquet's AsyncBuffer: slices are ranged reads. */
function asyncBuffer(source: ByteSource): AsyncBuffer {
  return {
    byteLength: source.size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const bytes = await source.read(start, end ?? source.size);
      if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
        return bytes.buffer;
      }
      return new Uint8Array(bytes).buffer;
    },
  };
}

/** Runs a hyparquet step; its failures (not the source's own) mean the bytes are not readable Parquet. */
async function unreadable<T>(source: ByteSource, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isCd4mlError(error)) throw error;
    let reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    if (reason === 'parquet file invalid (footer != PAR1)') reason = 'it does not end with the Parquet marker PAR1';
    throw new InputError(
      `${source.name}: not a readable Parquet file (${reason}); check that the upload finished and the file is complete`,
    );
  }
}

/** Rejects metadata that does not fit the file (a corrupt footer), before anything is read with it. */
function checkLayout(metadata: FileMetaData, size: number): void {
  let total = 0n;
  for (const group of metadata.row_groups) {
    if (group.num_rows < 0n) throw new Error('a row group has a negative row count');
    total += group.num_rows;
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (meta === undefined) throw new Error('a column chunk has no metadata');
      const start = meta.dictionary_page_offset !== undefined && meta.dictionary_page_offset > 0n ? meta.dictionary_page_offset : meta.data_page_offset;
      if (start < 0n || meta.total_compressed_size < 0n || start + meta.total_compressed_size > BigInt(size)) {
        throw new Error(`column "${meta.path_in_schema.join('.')}" lies past the end of the file`);
      }
    }
  }
  if (total !== metadata.num_rows) throw new Error(`the row groups hold ${total} rows, the footer says ${metadata.num_rows}`);
}

/** Zstandard in node:zlib (Node.js 22.15 and later); absent on older runtimes. */
const zstdDecompress = (zlib as { zstdDecompressSync?: (input: Uint8Array, options?: object) => Uint8Array }).zstdDecompressSync;

const COMPRESSORS: Compressors = {
  GZIP: (input, length) => zlib.unzipSync(input, { maxOutputLength: Math.max(1, length) }),
  BROTLI: (input, length) => zlib.brotliDecompressSync(input, { maxOutputLength: Math.max(1, length) }),
  ...(zstdDecompress === undefined ? {} : { ZSTD: (input: Uint8Array, length: number) => zstdDecompress(input, { maxOutputLength: Math.max(1, length) }) }),
};

const BUILT_IN: ReadonlySet<CompressionCodec> = new Set<CompressionCodec>(['UNCOMPRESSED', 'SNAPPY']);

function checkCodecs(metadata: FileMetaData, name: string): void {
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const codec = chunk.meta_data?.codec;
      if (codec === undefined || BUILT_IN.has(codec) || COMPRESSORS[codec] !== undefined) continue;
      const column = chunk.meta_data?.path_in_schema.join('.') ?? '?';
      if (codec === 'ZSTD') {
        throw new InputError(
          `${name}: column "${column}" is compressed with ZSTD, which needs Node.js 22.15 or later (this is ${process.version}); run on a newer Node.js, or write the file with snappy compression`,
        );
      }
      throw new InputError(
        `${name}: column "${column}" is compressed with ${codec}, which cannot be read here; write the file with snappy or gzip compression`,
      );
    }
  }
}

const MS_PER_DAY = 86_400_000;

/** Dates and timestamps straight to text, at the precision of their unit. */
const PARSERS: Partial<ParquetParsers> = {
  dateFromDays(days: number): string {
    const date = new Date(days * MS_PER_DAY);
    if (Number.isNaN(date.getTime())) return String(days);
    const iso = date.toISOString();
    return iso.slice(0, iso.indexOf('T'));
  },
  timestampFromMilliseconds: (value: bigint) => timestamp(value, 1n, 0),
  timestampFromMicroseconds: (value: bigint) => timestamp(value, 1_000n, 3),
  timestampFromNanoseconds: (value: bigint) => timestamp(value, 1_000_000n, 6),
};

/** ISO 8601 in UTC; `extra` digits below the millisecond come from `value % perMilli`. */
function timestamp(raw: bigint | number, perMilli: bigint, extra: number): string {
  const value = BigInt(raw);
  let millis = value / perMilli;
  let rest = value % perMilli;
  if (rest < 0n) {
    millis -= 1n;
    rest += perMilli;
  }
  const date = new Date(Number(millis));
  if (Number.isNaN(date.getTime())) return value.toString();
  const iso = date.toISOString();
  return extra === 0 ? iso : `${iso.slice(0, -1)}${rest.toString().padStart(extra, '0')}Z`;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function cellValue(value: unknown): CellValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'number':
      return Number.isNaN(value) ? null : value;
    case 'bigint':
      return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
    default:
      if (value === null) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
      return JSON.stringify(value, jsonValue);
  }
}

/** A value of a BYTE_ARRAY column without annotation: text when it is valid UTF-8, else base64. */
function looseBytesValue(value: unknown): CellValue {
  if (value instanceof Uint8Array && isUtf8(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return cellValue(value);
}

/** JSON.stringify replacer for nested values: bigints, binary and typed arrays. */
function jsonValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number | bigint>);
  return value;
}
