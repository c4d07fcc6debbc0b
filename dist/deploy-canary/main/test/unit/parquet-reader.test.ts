import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CheckFailedError, InputError, ServiceError } from '../../src/core/errors.js';
import { localFileSource } from '../../src/core/data/local-file.js';
import { readParquet } from '../../src/core/data/parquet-reader.js';
import type { ByteSource } from '../../src/core/data/source.js';
import type { CellValue, TableConsumer } from '../../src/core/data/table.js';
import { rejection, ValueRowRecorder } from '../support/readers.js';


let dir: string;

async function write(name: string, bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return path;
}

async function read(path: string, name = path.slice(dir.length + 1)) {
  const recorder = new ValueRowRecorder('Parquet');
  const result = await readParquet(await localFileSource(path, name), recorder);
  return { ...result, columns: recorder.columnCalls, rows: recorder.rows };
}

const unreadable = (name: string, reason: string) =>
  `${name}: not a readable Parquet file (${reason}); check that the upload finished and the file is complete`;

/** Runs SQL in an in-memory DuckDB (a second, independent Parquet writer). */
async function duckdb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

let typesFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cd4ml-parquet-'));
  typesFile = await write(
    'types.parquet',
    parquetWriteBuffer({
      columnData: [
        { name: 'int', data: [1, -2, null, 4, 5] },
        { name: 'float', data: [1.5, Number.NaN, null, -0.25, 1e300] },
        { name: 'text', data: ['a', 'Zoë 😀', null, '', 'e'] },
        { name: 'flag', data: [true, false, null, true, false] },
        { name: 'big', data: [1n, 9007199254740993n, null, -9007199254740991n, -(2n ** 62n)] },
        { name: 'day', data: [new Date('2024-02-29T00:00:00Z'), new Date('1969-12-31T00:00:00Z'), null, new Date('2000-01-01T00:00:00Z'), new Date('9999-12-31T00:00:00Z')] },
        { name: 'ms', data: [1709164800123n, -1n, null, 0n, 86_400_000n] },
        { name: 'us', data: [1709164800123456n, -1n, null, 0n, 1n] },
        { name: 'ns', data: [1709164800123456789n, -1n, null, 0n, 1n] },
        { name: 'blob', data: [new Uint8Array([0, 1, 2, 255]), new Uint8Array([104, 105, 33, 33]), null, new Uint8Array(4), new Uint8Array([255, 255, 255, 255])] },
        { name: 'raw', data: [Buffer.from('plain text'), new Uint8Array([0xff, 0xfe]), null, new Uint8Array(0), Buffer.from('ü')] },
        { name: 'doc', data: [{ a: [1, 2] }, [true, null], null, 'text', 7] },
      ],
      schema: [
        { name: 'root', num_children: 12 },
        { name: 'int', type: 'INT32', repetition_type: 'OPTIONAL' },
        { name: 'float', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
        { name: 'text', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'flag', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
        { name: 'big', type: 'INT64', repetition_type: 'OPTIONAL' },
        { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
        { name: 'ms', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
        { name: 'us', type: 'INT64', converted_type: 'TIMESTAMP_MICROS', repetition_type: 'OPTIONAL' },
        { name: 'ns', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'NANOS' }, repetition_type: 'OPTIONAL' },
        { name: 'blob', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 4, repetition_type: 'OPTIONAL' },
        { name: 'raw', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
        { name: 'doc', type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type: 'OPTIONAL' },
      ],
      rowGroupSize: 2,
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('values', () => {
  test('every type becomes a cell value, row group after row group', async () => {
    const result = await read(typesFile);
    expect(result.rows.length).toBe(5);
    expect(result.columns).toEqual([
      { names: ['int', 'float', 'text', 'flag', 'big', 'day', 'ms', 'us', 'ns', 'blob', 'raw', 'doc'], source: 'types.parquet' },
    ]);
    expect(result.rows).toEqual([
      {
        line: 1,
        values: [1, 1.5, 'a', true, 1, '2024-02-29', '2024-02-29T00:00:00.123Z', '2024-02-29T00:00:00.123456Z', '2024-02-29T00:00:00.123456789Z', 'AAEC/w==', 'plain text', '{"a":[1,2]}'],
      },
      {
        line: 2,
        values: [-2, null, 'Zoë 😀', false, '9007199254740993', '1969-12-31', '1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999999Z', '1969-12-31T23:59:59.999999999Z', 'aGkhIQ==', '//4=', '[true,null]'],
      },
      { line: 3, values: [null, null, null, null, null, null, null, null, null, null, null, null] },
      {
        line: 4,
        values: [4, -0.25, '', true, -9007199254740991, '2000-01-01', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000000Z', '1970-01-01T00:00:00.000000000Z', 'AAAAAA==', '', 'text'],
      },
      {
        line: 5,
        values: [5, 1e300, 'e', false, '-4611686018427387904', '9999-12-31', '1970-01-02T00:00:00.000Z', '1970-01-01T00:00:00.000001Z', '1970-01-01T00:00:00.000000001Z', '/////w==', 'ü', 7],
      },
    ]);
    expect(await readParquet(await localFileSource(typesFile), new ValueRowRecorder('Parquet'))).toEqual({ rows: 5 });
  });

  test('a file written by DuckDB: decimals, lists and structs', async () => {
    const path = join(dir, 'duck.parquet');
    await duckdb(
      `COPY (SELECT range::INTEGER AS id, 'r' || range AS name, DATE '2024-01-01' + range::INTEGER AS day, ` +
        `TIMESTAMP '2024-01-01 12:00:00.123456' AS ts, (range + 0.25)::DECIMAL(10,2) AS price, ` +
        `CASE WHEN range = 1 THEN NULL ELSE [range, range + 1] END AS tags, {'a': range, 'b': 'x'} AS obj ` +
        `FROM range(3)) TO '${path}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2)`,
    );
    const result = await read(path);
    expect(result.columns[0]?.names).toEqual(['id', 'name', 'day', 'ts', 'price', 'tags', 'obj']);
    expect(result.rows).toEqual([
      { line: 1, values: [0, 'r0', '2024-01-01', '2024-01-01T12:00:00.123456Z', 0.25, '[0,1]', '{"a":0,"b":"x"}'] },
      { line: 2, values: [1, 'r1', '2024-01-02', '2024-01-01T12:00:00.123456Z', 1.25, null, '{"a":1,"b":"x"}'] },
      { line: 3, values: [2, 'r2', '2024-01-03', '2024-01-01T12:00:00.123456Z', 2.25, '[2,3]', '{"a":2,"b":"x"}'] },
    ]);
  });
});

describe('row groups', () => {
  test('many row groups keep their order and row numbers', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i);
    const path = await write('groups.parquet', parquetWriteBuffer({ columnData: [{ name: 'id', data: ids, type: 'INT32' }, { name: 'half', data: ids.map((i) => i / 2), type: 'DOUBLE' }], rowGroupSize: 97 }));
    const result = await read(path);
    expect(result.rows).toHaveLength(1000);
    expect(result.rows.every((row, index) => row.line === index + 1 && row.values[0] === index && row.values[1] === index / 2)).toBe(true);
  });

  test('reads are bounded by a row group, not the file', async () => {
    const rows = 100_000;
    const values = Float64Array.from({ length: rows * 4 }, (_, i) => Math.sin(i) * 1e6);
    const path = await write(
      'wide.parquet',
      parquetWriteBuffer({ columnData: [{ name: 'x', data: values, type: 'DOUBLE', encoding: 'PLAIN' }], codec: 'UNCOMPRESSED', rowGroupSize: rows, statistics: false }),
    );
    const source = await localFileSource(path);
    const group = rows * 8 + 4096; // a row group's values plus page headers
    expect(source.size).toBeGreaterThan(3 * group);
    const reads: number[] = [];
    const spy: ByteSource = { ...source, stream: (range) => source.stream(range), read: (start, end) => (reads.push(end - start), source.read(start, end)) };
    const recorder = new ValueRowRecorder('Parquet');
    expect(await readParquet(spy, recorder)).toEqual({ rows: rows * 4 });
    expect(recorder.rows[rows * 4 - 1]).toEqual({ values: [Math.sin(rows * 4 - 1) * 1e6], line: rows * 4 });
    expect(Math.max(...reads)).toBeLessThanOrEqual(group);
  });

  test('gzip and brotli pages', async () => {
    for (const [codec, compress] of [
      ['GZIP', (bytes: Uint8Array) => zlib.gzipSync(bytes)],
      ['BROTLI', (bytes: Uint8Array) => zlib.brotliCompressSync(bytes)],
    ] as const) {
      const path = await write(
        `${codec}.parquet`,
        parquetWriteBuffer({ columnData: [{ name: 'word', data: ['alpha', 'beta', null, 'alpha'], type: 'STRING' }], codec, compressors: { [codec]: compress } }),
      );
      expect((await read(path)).rows.map((row) => row.values)).toEqual([['alpha'], ['beta'], [null], ['alpha']]);
    }
  });

  test('zstd pages, where the runtime has zstd', async () => {
    const path = join(dir, 'zstd.parquet');
    await duckdb(`COPY (SELECT range::INTEGER AS id FROM range(3)) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
    if (typeof (zlib as { zstdDecompressSync?: unknown }).zstdDecompressSync === 'function') {
      expect((await read(path)).rows.map((row) => row.values)).toEqual([[0], [1], [2]]);
    } else {
      const error = await rejection(read(path));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `zstd.parquet: column "id" is compressed with ZSTD, which needs Node.js 22.15 or later (this is ${process.version}); run on a newer Node.js, or write the file with snappy compression`,
      );
    }
  });

  test('a codec that cannot be read here', async () => {
    const path = await write(
      'lz4.parquet',
      parquetWriteBuffer({ columnData: [{ name: 'n', data: [1, 2], type: 'INT32' }], codec: 'LZ4_RAW', compressors: { LZ4_RAW: (bytes: Uint8Array) => bytes } }),
    );
    const error = await rejection(read(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('lz4.parquet: column "n" is compressed with LZ4_RAW, which cannot be read here; write the file with snappy or gzip compression');
  });
});

describe('bad files', () => {
  test('a file cut in half', async () => {
    const bytes = await readFile(typesFile);
    const path = await write('half.parquet', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await rejection(read(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(unreadable('half.parquet', 'it does not end with the Parquet marker PAR1'));
  });

  test('a file whose footer bytes were changed', async () => {
    const bytes = Buffer.from(await readFile(typesFile));
    const metadataLength = bytes.readUInt32LE(bytes.length - 8);
    // Overwrite the first bytes of the footer's metadata (its schema).
    bytes.fill(0xff, bytes.length - 8 - metadataLength, bytes.length - 8 - metadataLength + 24);
    const path = await write('footer.parquet', bytes);
    const error = await rejection(read(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(unreadable('footer.parquet', 'thrift unhandled type: 15'));
  });

  test('a footer whose length field is wrong', async () => {
    const bytes = Buffer.from(await readFile(typesFile));
    bytes.writeUInt32LE(0x7fffffff, bytes.length - 8);
    const path = await write('length.parquet', bytes);
    expect((await rejection(read(path))).message).toBe(
      unreadable('length.parquet', `parquet metadata length 2147483647 exceeds available buffer ${bytes.length - 8}`),
    );
  });

  test('a footer that points past the end of the file', async () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => i / 3);
    const bytes = Buffer.from(parquetWriteBuffer({ columnData: [{ name: 'x', data: values, type: 'DOUBLE', encoding: 'PLAIN' }], codec: 'UNCOMPRESSED' }));
    // Keep the magic number and the footer, drop the data in between: the footer is intact, its offsets are not.
    const footer = bytes.readUInt32LE(bytes.length - 8) + 8;
    const path = await write('gap.parquet', Buffer.concat([bytes.subarray(0, 4), bytes.subarray(bytes.length - footer)]));
    const error = await rejection(read(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(unreadable('gap.parquet', 'column "x" lies past the end of the file'));
  });

  test('a CSV renamed .parquet', async () => {
    const path = await write('renamed.parquet', Buffer.from('id,name\n1,a\n2,b\n'));
    const error = await rejection(read(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(unreadable('renamed.parquet', 'it does not end with the Parquet marker PAR1'));
  });

  test('an empty file', async () => {
    const path = await write('zero-bytes.parquet', new Uint8Array(0));
    expect((await rejection(read(path))).message).toBe(unreadable('zero-bytes.parquet', 'the file is 0 bytes long, too short for Parquet'));
  });

  test('a Parquet file without rows', async () => {
    const path = await write('empty.parquet', parquetWriteBuffer({ columnData: [{ name: 'id', data: [], type: 'INT32' }] }));
    const error = await rejection(read(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('empty.parquet: the file has no rows');
  });
});

describe('errors that are not the file', () => {
  test('a failing source passes its own error through', async () => {
    const source = await localFileSource(typesFile, 's3://bucket/types.parquet');
    let calls = 0;
    const failing: ByteSource = {
      ...source,
      stream: (range) => source.stream(range),
      read: async (start, end) => {
        calls += 1;
        if (calls > 1) throw new ServiceError('s3://bucket/types.parquet: cannot read the object (InternalError: boom); S3 failed on its side; try again later');
        return source.read(start, end);
      },
    };
    const error = await rejection(readParquet(failing, new ValueRowRecorder('Parquet')));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe('s3://bucket/types.parquet: cannot read the object (InternalError: boom); S3 failed on its side; try again later');
  });

  test("the consumer's errors are not blamed on the file", async () => {
    const consumer: TableConsumer = {
      columns: () => undefined,
      csvRow: () => undefined,
      valueRow: (_values, line) => {
        if (line === 3) throw new CheckFailedError('row 3 is bad');
      },
    };
    const error = await rejection(readParquet(await localFileSource(typesFile), consumer));
    expect(error).toBeInstanceOf(CheckFailedError);
    expect(error.message).toBe('row 3 is bad');
  });
});
