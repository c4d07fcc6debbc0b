/** readEvaluationTable: features, labels and slices from every format, shards in any column order, and each error. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { MISSING_CATEGORY, readDataColumns, readEvaluationTable, type ReadEvaluationOptions } from '../../src/core/evaluation/evaluation-table.js';
import { localFileSource } from '../../src/core/data/local-file.js';
import { InputError } from '../../src/core/errors.js';
import { rejection } from '../support/readers.js';

const directory = mkdtempSync(join(tmpdir(), 'cd4ml-evaluation-'));

function file(name: string, content: string | Uint8Array | ArrayBuffer): string {
  const path = join(directory, name);
  writeFileSync(path, content instanceof ArrayBuffer ? new Uint8Array(content) : content);
  return path;
}

async function read(names: string[], options: Partial<ReadEvaluationOptions> = {}) {
  const sources = await Promise.all(names.map((name) => localFileSource(join(directory, name), name)));
  return readEvaluationTable(sources, { format: 'auto', features: ['a', 'b'], label: 'y', categorical: [], ...options });
}

async function failure(names: string[], options: Partial<ReadEvaluationOptions> = {}): Promise<string> {
  const error = await rejection(read(names, options));
  expect(error).toBeInstanceOf(InputError);
  return error.message;
}

describe('reading', () => {
  test('CSV: features row-major as float32, missing values NaN, booleans 1/0; label and slice values as written', async () => {
    file('basic.csv', 'id,a,b,y,region\n1,1.5,-2,1,north\n2,,3e2,0,"south"\n3,NA,true,1,\n4,0.1,"7",0,NA\n');
    const table = await read(['basic.csv'], { categorical: ['region'] });
    expect(table.rows).toBe(4);
    expect(table.sources).toEqual(['basic.csv']);
    expect(table.sourceRows).toEqual([4]);
    expect(table.columns).toEqual(['id', 'a', 'b', 'y', 'region']);
    expect(table.featureNames).toEqual(['a', 'b']);
    expect(Array.from(table.features)).toEqual([1.5, -2, Number.NaN, 300, Number.NaN, 1, Math.fround(0.1), 7]);
    expect(Array.from(table.featureColumn(1))).toEqual([-2, 300, 1, 7]);
    expect(() => table.featureColumn(2)).toThrow(RangeError);
    expect(Array.from(table.label!.numbers)).toEqual([1, 0, 1, 0]);
    expect(table.label!.counts).toEqual({ numbers: 4, booleans: 0, texts: 0, nulls: 0 });
    expect(table.label!.nullRows).toEqual([]);
    const region = table.categorical.get('region')!;
    expect(region.values).toEqual(['north', 'south', MISSING_CATEGORY]);
    expect(Array.from(region.codes)).toEqual([0, 1, 2, 2]);
  });

  test('text and boolean labels; quoted escapes resolved; a quoted empty slice value is the empty text', async () => {
    file('text.csv', 'a,b,y,s\n1,2,yes,"say ""hi"""\n3,4,no,""\n5,6,"y""es",x\n7,8,True,1\n');
    const table = await read(['text.csv'], { categorical: ['s'] });
    const label = table.label!;
    expect(label.texts).toEqual(['yes', 'no', 'y"es']);
    expect(Array.from(label.textCodes)).toEqual([0, 1, 2, -1]);
    expect(Array.from(label.numbers)).toEqual([Number.NaN, Number.NaN, Number.NaN, 1]);
    expect(label.counts).toEqual({ numbers: 0, booleans: 1, texts: 3, nulls: 0 });
    expect(table.categorical.get('s')!.values).toEqual(['say "hi"', '', 'x', '1']);
  });

  test('without a label there is none; TSV by extension', async () => {
    file('plain.tsv', 'b\ta\n1\t2\n');
    const table = await read(['plain.tsv'], { label: undefined });
    expect(table.label).toBeUndefined();
    expect(Array.from(table.features)).toEqual([2, 1]);
  });

  test('shards in different column orders and formats equal one file', async () => {
    file('whole.csv', 'a,b,y,g\n1,2,0,u\n3,4,1,v\n5,6,1,u\n7,8,0,w\n9,10,1,v\n');
    file('part1.csv', 'g,y,b,a\nu,0,2,1\nv,1,4,3\n');
    file('part2.jsonl', '{"y": 1, "a": 5, "g": "u", "b": 6}\n\n{"b": 8, "a": 7, "y": 0, "g": "w"}\n');
    file(
      'part3.parquet',
      parquetWriteBuffer({
        columnData: [
          { name: 'b', data: [10] },
          { name: 'g', data: ['v'] },
          { name: 'a', data: [9] },
          { name: 'y', data: [1] },
        ],
      }),
    );
    const whole = await read(['whole.csv'], { categorical: ['g'] });
    const shards = await read(['part1.csv', 'part2.jsonl', 'part3.parquet'], { categorical: ['g'] });
    expect(shards.rows).toBe(5);
    expect(shards.sources).toEqual(['part1.csv', 'part2.jsonl', 'part3.parquet']);
    expect(shards.sourceRows).toEqual([2, 2, 1]);
    expect(shards.columns).toEqual(['g', 'y', 'b', 'a']);
    expect(Array.from(shards.features)).toEqual(Array.from(whole.features));
    expect(Array.from(shards.label!.numbers)).toEqual(Array.from(whole.label!.numbers));
    expect(shards.categorical.get('g')).toEqual(whole.categorical.get('g'));
  });

  test('JSON Lines: a column first named in a later record was missing before; typed values', async () => {
    file('late.jsonl', '{"a": 1, "y": true}\n{"a": "2.5", "y": false, "b": 4, "s": 3}\n{"a": null, "b": false, "y": true, "s": null}\n');
    const table = await read(['late.jsonl'], { categorical: ['s'] });
    expect(table.columns).toEqual(['a', 'y']);
    expect(Array.from(table.features)).toEqual([1, Number.NaN, 2.5, 4, Number.NaN, 0]);
    expect(Array.from(table.label!.numbers)).toEqual([1, 0, 1]);
    expect(table.label!.counts.booleans).toBe(3);
    expect(table.categorical.get('s')!.values).toEqual([MISSING_CATEGORY, '3']);
    expect(Array.from(table.categorical.get('s')!.codes)).toEqual([0, 1, 0]);
  });

  test('many rows: arrays grow by doubling, CSV batches line up', async () => {
    const rows = 20_000;
    const lines = ['y,b,a,g'];
    for (let i = 0; i < rows; i += 1) lines.push(`${i % 2},${i * 0.5},${i},${i % 3 === 0 ? '' : `g${i % 3}`}`);
    file('many.csv', `${lines.join('\n')}\n`);
    const table = await read(['many.csv', 'many.csv'], { categorical: ['g'] });
    expect(table.rows).toBe(2 * rows);
    expect(table.features.length).toBe(4 * rows);
    let wrong = 0;
    for (let i = 0; i < 2 * rows; i += 1) {
      const k = i % rows;
      if (table.features[2 * i] !== k || table.features[2 * i + 1] !== k * 0.5 || table.label!.numbers[i] !== k % 2) wrong += 1;
    }
    expect(wrong).toBe(0);
    const g = table.categorical.get('g')!;
    expect(g.values).toEqual([MISSING_CATEGORY, 'g1', 'g2']);
    expect(Array.from(g.codes).every((code, i) => code === (i % rows) % 3)).toBe(true);
  });

  test('slice values: a quoted null marker is text, an unquoted one is missing, however often each repeats', async () => {
    file('markers.csv', 'a,b,y,s\n1,1,0,NA\n1,1,0,"NA"\n1,1,0,NA\n1,1,0,"NA"\n1,1,0,N\n1,1,0,NA\n');
    const s = (await read(['markers.csv'], { categorical: ['s'] })).categorical.get('s')!;
    expect(s.values).toEqual([MISSING_CATEGORY, 'NA', 'N']);
    expect(Array.from(s.codes)).toEqual([0, 1, 0, 1, 2, 0]);
  });

  test('readDataColumns names the columns of each format', async () => {
    file('cols.csv', 'x,y\n1,2\n');
    file('cols.jsonl', '{"p": 1, "q": 2}\n{"r": 3}\n');
    file('cols.parquet', parquetWriteBuffer({ columnData: [{ name: 'm', data: [1] }, { name: 'n', data: ['a'] }] }));
    const columns = async (name: string) => readDataColumns(await localFileSource(join(directory, name), name), 'auto');
    expect(await columns('cols.csv')).toEqual(['x', 'y']);
    expect(await columns('cols.jsonl')).toEqual(['p', 'q']);
    expect(await columns('cols.parquet')).toEqual(['m', 'n']);
  });
});

describe('errors', () => {
  test.each([
    {
      name: 'a missing feature column, with the columns there are',
      files: { 'miss1.csv': 'a,c,y\n1,2,0\n' },
      options: {},
      message: 'miss1.csv: no column "b" (a feature); the columns are a, c, y. Check the spelling and letter case.',
    },
    {
      name: 'a missing label column in the second shard',
      files: { 'miss2a.csv': 'a,b,y\n1,2,0\n', 'miss2b.csv': 'a,b,Y\n1,2,0\n' },
      options: {},
      message: 'miss2b.csv: no column "y" (the label); the columns are a, b, Y. Check the spelling and letter case.',
    },
    {
      name: 'a missing slice column in JSON Lines (judged at the end of the file)',
      files: { 'miss3.jsonl': '{"a": 1, "b": 2, "y": 0}\n' },
      options: { categorical: ['region'] },
      message: 'miss3.jsonl: no column "region" (a slice column); the columns are a, b, y. Check the spelling and letter case.',
    },
    {
      name: 'a text feature value, shown',
      files: { 'text1.csv': 'a,b,y\n1,2,0\n3,four,1\n' },
      options: {},
      message:
        'text1.csv: line 3: feature "b" is "four", not a number; the model takes numbers only: fix or drop the row, or encode the column as numbers before evaluating.',
    },
    {
      name: 'a date feature value in JSON Lines',
      files: { 'text2.jsonl': '{"a": 1, "b": 2, "y": 0}\n\n{"a": "2024-01-31", "b": 2, "y": 0}\n' },
      options: {},
      message:
        'text2.jsonl: line 3: feature "a" is "2024-01-31", not a number; the model takes numbers only: fix or drop the row, or encode the column as numbers before evaluating.',
    },
    {
      name: 'a text feature value in Parquet (by row)',
      files: { 'text3.parquet': parquetWriteBuffer({ columnData: [{ name: 'a', data: [1, 2] }, { name: 'b', data: ['1', 'x'] }, { name: 'y', data: [0, 1] }] }) },
      options: {},
      message:
        'text3.parquet: row 2: feature "b" is "x", not a number; the model takes numbers only: fix or drop the row, or encode the column as numbers before evaluating.',
    },
    {
      name: 'missing labels: how many and the first lines',
      files: { 'nulls.csv': 'a,b,y\n1,2,\n1,2,0\n1,2,NA\n1,2,null\n1,2,\n1,2,1\n' },
      options: {},
      message:
        'nulls.csv: the label "y" is missing on 4 rows (lines 2, 4, 5 and 1 more); every evaluation row needs a label: drop those rows or fill in their labels.',
    },
    {
      name: 'a missing label in Parquet',
      files: { 'nulls.parquet': parquetWriteBuffer({ columnData: [{ name: 'a', data: [1, 2] }, { name: 'b', data: [1, 2] }, { name: 'y', data: [1, null] }] }) },
      options: {},
      message: 'nulls.parquet: the label "y" is missing on 1 row (row 2); every evaluation row needs a label: drop those rows or fill in their labels.',
    },
    {
      name: 'a row with too few fields',
      files: { 'short.csv': 'a,b,y\n1,2,0\n1,2\n' },
      options: {},
      message: 'short.csv: line 3 has 2 fields, but the header has 3; every row needs one field per column (quote fields that contain the delimiter).',
    },
    {
      name: 'a needed column named twice',
      files: { 'twice.csv': 'a,b,a,y\n1,2,3,0\n' },
      options: {},
      message: 'twice.csv: the header names column "a" twice (columns 1 and 3); column names must be unique.',
    },
    {
      name: 'a header without rows (the reader says so)',
      files: { 'header.csv': 'a,b,y\n' },
      options: {},
      message: 'header.csv: the file has a header but no data rows.',
    },
  ])('$name', async ({ files, options, message }) => {
    for (const [name, content] of Object.entries(files)) file(name, content);
    expect(await failure(Object.keys(files), options)).toBe(message);
  });

  test('no files: the evaluation set is empty', async () => {
    const error = await rejection(readEvaluationTable([], { format: 'auto', features: ['a'], categorical: [] }));
    expect(error.message).toBe('data: the evaluation set is empty: no data files were given; name at least one file.');
  });
});
