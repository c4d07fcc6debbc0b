import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EnvironmentError, InputError } from '../../src/core/errors.js';
import { detectFormat } from '../../src/core/data/format.js';
import { CHUNK_SIZE, localFileSource } from '../../src/core/data/local-file.js';
import { resolveSources } from '../../src/core/data/resolve-sources.js';
import type { ByteRange, ByteSource, ObjectStore } from '../../src/core/data/source.js';
import { rejection } from '../support/readers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cd4ml-sources-'));
  await mkdir(join(dir, 'data', 'nested', 'deeper'), { recursive: true });
  await mkdir(join(dir, 'data', 'folder.csv'));
  await writeFile(join(dir, 'a.csv'), 'id\n1\n');
  await writeFile(join(dir, 'data', 'part-2.csv'), 'id\n2\n');
  await writeFile(join(dir, 'data', 'part-1.csv'), 'id\n1\n');
  await writeFile(join(dir, 'data', 'part-10.csv'), 'id\n10\n');
  await writeFile(join(dir, 'data', 'notes.txt'), 'not data');
  await writeFile(join(dir, 'data', 'nested', 'n.csv'), 'id\n3\n');
  await writeFile(join(dir, 'data', 'nested', 'deeper', 'd.csv'), 'id\n4\n');
  await writeFile(join(dir, 'data', 'odd[1].csv'), 'id\n5\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function text(source: ByteSource, range?: ByteRange): Promise<string> {
  return Buffer.concat(await collect(source.stream(range))).toString('utf8');
}

describe('localFileSource', () => {
  test('stats, streams and reads a file', async () => {
    const source = await localFileSource(join(dir, 'a.csv'), 'a.csv');
    expect(source).toMatchObject({ name: 'a.csv', size: 5, local: true });
    expect(await text(source)).toBe('id\n1\n');
    expect(await text(source, { start: 3 })).toBe('1\n');
    expect(await text(source, { start: 1, end: 3 })).toBe('d\n');
    expect(await text(source, { start: 4, end: 4 })).toBe('');
    expect((await source.read(0, 2)).toString()).toBe('id');
    expect((await source.read(3, 99)).toString()).toBe('1\n');
    expect((await source.read(5, 5)).length).toBe(0);
  });

  test('the name defaults to the path', async () => {
    const path = join(dir, 'a.csv');
    expect((await localFileSource(path)).name).toBe(path);
  });

  test('a large file streams in fresh 1 MiB chunks', async () => {
    const bytes = Buffer.alloc(2 * CHUNK_SIZE + 12345);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31) % 251;
    const path = join(dir, 'big.bin');
    await writeFile(path, bytes);
    const source = await localFileSource(path);
    const chunks = await collect(source.stream());
    expect(chunks.map((chunk) => chunk.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 12345]);
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(3); // nothing reused across chunks
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);

    const ranged = await collect(source.stream({ start: CHUNK_SIZE - 10, end: CHUNK_SIZE + 20 }));
    expect(Buffer.concat(ranged).equals(bytes.subarray(CHUNK_SIZE - 10, CHUNK_SIZE + 20))).toBe(true);
    expect((await source.read(CHUNK_SIZE * 2, CHUNK_SIZE * 2 + 100)).equals(bytes.subarray(CHUNK_SIZE * 2, CHUNK_SIZE * 2 + 100))).toBe(true);
    await rm(path);
  });

  test('opens for positioned reads into the caller’s buffer', async () => {
    const path = join(dir, 'positioned.bin');
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    await writeFile(path, bytes);
    const reader = await (await localFileSource(path)).openReader!();
    const target = Buffer.alloc(100, 0xff);
    expect(await reader.read(target, 10, 80, 4000)).toBe(80);
    expect(target.subarray(10, 90).equals(bytes.subarray(4000, 4080))).toBe(true);
    expect(target[9]).toBe(0xff);
    expect(await reader.read(target, 0, 100, 4950)).toBe(50); // fewer at the end of the file
    expect(await reader.read(target, 0, 100, 5000)).toBe(0);
    await reader.close();
  });

  test('a missing file', async () => {
    const error = await rejection(localFileSource(join(dir, 'missing.csv'), 'missing.csv'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data: no such file: missing.csv');
  });

  test('a directory suggests a glob', async () => {
    const error = await rejection(localFileSource(join(dir, 'data'), 'data/'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data: data/ is a directory, not a file; name its files, or use a glob such as "data/*.csv"');
  });
});

describe('resolveSources, local', () => {
  const names = (sources: ByteSource[]) => sources.map((source) => source.name);

  test('paths are relative to cwd and keep the name as written', async () => {
    const sources = await resolveSources(['a.csv', join(dir, 'data', 'part-1.csv')], { cwd: dir });
    expect(names(sources)).toEqual(['a.csv', join(dir, 'data', 'part-1.csv')]);
    expect(sources.map((source) => source.size)).toEqual([5, 5]);
    expect(await text(sources[0] as ByteSource)).toBe('id\n1\n');
  });

  test('a glob expands to sorted files only', async () => {
    expect(names(await resolveSources(['data/*.csv'], { cwd: dir }))).toEqual([
      'data/odd[1].csv',
      'data/part-1.csv',
      'data/part-10.csv',
      'data/part-2.csv',
    ]);
    expect(names(await resolveSources(['data/part-?.csv'], { cwd: dir }))).toEqual(['data/part-1.csv', 'data/part-2.csv']);
  });

  test('** crosses directories', async () => {
    expect(names(await resolveSources(['data/**/*.csv'], { cwd: dir }))).toEqual([
      'data/nested/deeper/d.csv',
      'data/nested/n.csv',
      'data/odd[1].csv',
      'data/part-1.csv',
      'data/part-10.csv',
      'data/part-2.csv',
    ]);
  });

  test('an absolute glob gives absolute names', async () => {
    expect(names(await resolveSources([join(dir, 'data', 'nested', '*.csv')], { cwd: '/' }))).toEqual([join(dir, 'data', 'nested', 'n.csv')]);
  });

  test('a file whose name has glob characters is read as named', async () => {
    expect(names(await resolveSources(['data/odd[1].csv'], { cwd: dir }))).toEqual(['data/odd[1].csv']);
  });

  test('duplicates are removed, first appearance kept', async () => {
    const sources = await resolveSources(['data/part-2.csv', 'data/part-*.csv', './data/part-1.csv', 'a.csv', 'a.csv'], { cwd: dir });
    expect(names(sources)).toEqual(['data/part-2.csv', 'data/part-1.csv', 'data/part-10.csv', 'a.csv']);
  });

  test('a glob that matches nothing', async () => {
    const error = await rejection(resolveSources(['data/*.parquet'], { cwd: dir }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data: no files match "data/*.parquet"');
  });

  test('a glob that matches only directories matches nothing', async () => {
    const error = await rejection(resolveSources(['data/folder.*'], { cwd: dir }));
    expect(error.message).toBe('data: no files match "data/folder.*"');
  });

  test('a missing file and a directory', async () => {
    expect((await rejection(resolveSources(['a.csv', 'nope.csv'], { cwd: dir }))).message).toBe('data: no such file: nope.csv');
    expect((await rejection(resolveSources(['data/nested'], { cwd: dir }))).message).toBe(
      'data: data/nested is a directory, not a file; name its files, or use a glob such as "data/nested/*.csv"',
    );
  });

  test('other URI schemes are refused', async () => {
    const error = await rejection(resolveSources(['https://example.com/data.csv'], { cwd: dir }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'data: cannot read "https://example.com/data.csv": only local paths, globs and s3:// URIs are supported; download the file and pass its path',
    );
  });
});

/** An in-memory object store that records its calls. */
class MemoryStore implements ObjectStore {
  readonly calls: string[] = [];
  constructor(private readonly objects: Record<string, Buffer>) {}

  async list(bucket: string, prefix: string): Promise<string[]> {
    this.calls.push(`list ${bucket} ${prefix}`);
    return Object.keys(this.objects)
      .filter((uri) => uri.startsWith(`${bucket}/${prefix}`))
      .map((uri) => uri.slice(bucket.length + 1))
      .sort();
  }

  async size(bucket: string, key: string): Promise<number> {
    this.calls.push(`size ${bucket} ${key}`);
    const object = this.objects[`${bucket}/${key}`];
    if (object === undefined) throw new Error(`no ${key}`);
    return object.length;
  }

  async *stream(bucket: string, key: string, range?: ByteRange): AsyncIterable<Uint8Array> {
    this.calls.push(`stream ${bucket} ${key} ${range === undefined ? 'all' : `${range.start}-${range.end ?? ''}`}`);
    const object = this.objects[`${bucket}/${key}`] ?? Buffer.alloc(0);
    const bytes = object.subarray(range?.start ?? 0, range?.end ?? object.length);
    // Small pieces, as a network stream delivers them; plain Uint8Arrays, not Buffers.
    for (let offset = 0; offset < bytes.length; offset += 3) yield new Uint8Array(bytes.subarray(offset, offset + 3));
  }
}

describe('resolveSources, object store', () => {
  const objects = {
    'bucket/train/part-1.csv': Buffer.from('id\n1\n'),
    'bucket/train/part-2.csv': Buffer.from('id\n2\n'),
    'bucket/train/readme.md': Buffer.from('#'),
    'bucket/train/sub/part-3.csv': Buffer.from('id\n3\n'),
    'bucket/train/dir/': Buffer.alloc(0),
    'bucket/other.csv': Buffer.from('x\n'),
  };

  test('an object URI', async () => {
    const store = new MemoryStore(objects);
    const [source, ...rest] = await resolveSources(['s3://bucket/other.csv'], { cwd: dir, store });
    expect(rest).toEqual([]);
    expect(source).toMatchObject({ name: 's3://bucket/other.csv', size: 2, local: false });
    expect(await text(source as ByteSource)).toBe('x\n');
    expect(store.calls).toEqual(['size bucket other.csv', 'stream bucket other.csv all']);
  });

  test('a glob lists the prefix before the wildcard and filters the keys', async () => {
    const store = new MemoryStore(objects);
    const sources = await resolveSources(['s3://bucket/train/*.csv'], { cwd: dir, store });
    expect(sources.map((source) => source.name)).toEqual(['s3://bucket/train/part-1.csv', 's3://bucket/train/part-2.csv']);
    expect(store.calls[0]).toBe('list bucket train/');
    const deep = await resolveSources(['s3://bucket/train/**/*.csv', 's3://bucket/train/part-1.csv'], { cwd: dir, store });
    expect(deep.map((source) => source.name)).toEqual([
      's3://bucket/train/part-1.csv',
      's3://bucket/train/part-2.csv',
      's3://bucket/train/sub/part-3.csv',
    ]);
  });

  test('object sources stream in gathered chunks and read ranges', async () => {
    const store = new MemoryStore(objects);
    const [source] = await resolveSources(['s3://bucket/train/part-1.csv'], { cwd: dir, store });
    const chunks = await collect((source as ByteSource).stream());
    expect(chunks).toHaveLength(1); // 3-byte pieces gathered into one chunk
    expect(Buffer.isBuffer(chunks[0])).toBe(true);
    expect(await text(source as ByteSource, { start: 3 })).toBe('1\n');
    expect((await (source as ByteSource).read(1, 4)).toString()).toBe('d\n1');
    expect((await (source as ByteSource).read(4, 4)).length).toBe(0);
    expect(store.calls.slice(1)).toEqual(['stream bucket train/part-1.csv all', 'stream bucket train/part-1.csv 3-5', 'stream bucket train/part-1.csv 1-4']);
  });

  test('a glob that matches no object', async () => {
    const error = await rejection(resolveSources(['s3://bucket/train/*.parquet'], { cwd: dir, store: new MemoryStore(objects) }));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data: no objects match "s3://bucket/train/*.parquet"');
  });

  test('a prefix or a bucket is not an object', async () => {
    const store = new MemoryStore(objects);
    expect((await rejection(resolveSources(['s3://bucket/train/'], { cwd: dir, store }))).message).toBe(
      'data: s3://bucket/train/ is a prefix, not an object; name an object, or use a glob such as "s3://bucket/train/*.csv"',
    );
    expect((await rejection(resolveSources(['s3://bucket'], { cwd: dir, store }))).message).toBe(
      'data: s3://bucket is a prefix, not an object; name an object, or use a glob such as "s3://bucket/*.csv"',
    );
    expect((await rejection(resolveSources(['s3:///key.csv'], { cwd: dir, store }))).message).toBe(
      'data: "s3:///key.csv" names no bucket; write s3://bucket/key or a glob such as s3://bucket/prefix/*.csv',
    );
  });

  test('an s3:// spec without a store', async () => {
    const error = await rejection(resolveSources(['a.csv', 's3://bucket/other.csv'], { cwd: dir }));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toBe(
      'data: cannot read s3://bucket/other.csv: S3 access is not available here; run where AWS access is configured, or download the object and pass its path',
    );
  });

  test('local files and objects together, in order', async () => {
    const store = new MemoryStore(objects);
    const sources = await resolveSources(['s3://bucket/other.csv', 'a.csv', 's3://bucket/other.csv'], { cwd: dir, store });
    expect(sources.map((source) => [source.name, source.local])).toEqual([
      ['s3://bucket/other.csv', false],
      ['a.csv', true],
    ]);
  });
});

describe('detectFormat', () => {
  test.each([
    ['data.csv', 'csv'],
    ['DATA.CSV', 'csv'],
    ['dir.v2/data.tsv', 'tsv'],
    ['x.tab', 'tsv'],
    ['x.jsonl', 'jsonl'],
    ['x.NDJSON', 'jsonl'],
    ['s3://bucket/train/part-0.parquet', 'parquet'],
    ['x.Pq', 'parquet'],
  ] as const)('%s is %s', (name, format) => {
    expect(detectFormat(name, 'auto')).toBe(format);
  });

  test('an explicit format wins over the extension', () => {
    expect(detectFormat('data.txt', 'csv')).toBe('csv');
    expect(detectFormat('data.csv', 'parquet')).toBe('parquet');
  });

  test.each(['data.txt', 'data', 'dir.csv/data', '.csv', 'data.csv.gz', 'x.constructor'])('%s is unknown', (name) => {
    let error: unknown;
    try {
      detectFormat(name, 'auto');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `data: cannot tell the format of "${name}" from its extension; set the format input to csv, tsv, jsonl or parquet`,
    );
  });
});
