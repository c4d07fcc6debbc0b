import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readJsonl } from '../../src/core/data/jsonl-reader.js';
import { localFileSource } from '../../src/core/data/local-file.js';
import type { ByteSource } from '../../src/core/data/source.js';
import type { CellValue } from '../../src/core/data/table.js';
import { ValueRowRecorder } from '../support/readers.js';


/** A ByteSource over `bytes` that yields chunks of the given sizes, cycling through them. */
function memorySource(input: string | Buffer, sizes: readonly number[] = [Number.MAX_SAFE_INTEGER], name = 'data.jsonl'): ByteSource {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  return {
    name,
    size: bytes.length,
    local: false,
    async *stream() {
      let offset = 0;
      let turn = 0;
      while (offset < bytes.length) {
        const size = sizes[turn % sizes.length] ?? 1;
        turn += 1;
        // A copy per chunk, as a real source hands out fresh buffers.
        yield Buffer.from(bytes.subarray(offset, offset + size));
        offset += size;
      }
    },
    async read(start, end) {
      return Buffer.from(bytes.subarray(start, end));
    },
  };
}

async function read(input: string | Buffer, sizes?: readonly number[]) {
  const recorder = new ValueRowRecorder('JSON Lines');
  const result = await readJsonl(memorySource(input, sizes), recorder);
  return { ...result, columns: recorder.columnCalls, rows: recorder.rows };
}

async function failure(input: string | Buffer, sizes?: readonly number[]): Promise<Error> {
  try {
    await read(input, sizes);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the read to fail');
}

describe('records', () => {
  test('columns come from the first record, values pass through', async () => {
    const result = await read('{"id":1,"name":"Zoë","ok":true,"score":null}\n{"id":2.5,"name":"","ok":false,"score":-3e2}\n');
    expect(result.rows).toEqual([
      { values: [1, 'Zoë', true, null], line: 1 },
      { values: [2.5, '', false, -300], line: 2 },
    ]);
    expect(result.columns).toEqual([{ names: ['id', 'name', 'ok', 'score'], source: 'data.jsonl' }]);
  });

  test('returns the number of rows', async () => {
    const recorder = new ValueRowRecorder('JSON Lines');
    expect(await readJsonl(memorySource('{"a":1}\n{"a":2}\n{"a":3}'), recorder)).toEqual({ rows: 3 });
  });

  test('nested objects and arrays become their JSON text', async () => {
    const result = await read('{"tags":["a","b"],"meta":{"k":[1,{"x":null}]},"empty":{}}\n');
    expect(result.rows[0]?.values).toEqual(['["a","b"]', '{"k":[1,{"x":null}]}', '{}']);
  });

  test('missing keys are missing values, in any key order', async () => {
    const result = await read('{"a":1,"b":2}\n{"b":3}\n{"b":4,"a":5}\n');
    expect(result.rows.map((row) => row.values)).toEqual([[1, 2], [undefined, 3], [5, 4]]);
    expect(result.columns).toHaveLength(1);
  });

  test('a later record with new keys extends the columns', async () => {
    const result = await read('{"a":1}\n{"a":2,"b":"x"}\n{"c":true}\n{"a":3}\n');
    expect(result.columns.map((call) => call.names)).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c']]);
    expect(result.rows.map((row) => row.values)).toEqual([[1], [2, 'x'], [undefined, undefined, true], [3, undefined, undefined]]);
  });

  test('columns are announced before the row that needs them', async () => {
    const events: string[] = [];
    await readJsonl(memorySource('{"a":1}\n{"b":2}\n'), {
      columns: (names) => events.push(`columns ${names.join(',')}`),
      csvRow: () => events.push('csv'),
      valueRow: (_values, line) => events.push(`row ${line}`),
    });
    expect(events).toEqual(['columns a', 'row 1', 'columns a,b', 'row 2']);
  });

  test('an empty first record still announces (no) columns', async () => {
    const result = await read('{}\n{"a":1}\n');
    expect(result.columns.map((call) => call.names)).toEqual([[], ['a']]);
    expect(result.rows.map((row) => row.values)).toEqual([[], [1]]);
  });
});

describe('lines', () => {
  test.each([
    ['LF', '{"a":1}\n{"a":2}\n', [1, 2]],
    ['CRLF', '{"a":1}\r\n{"a":2}\r\n', [1, 2]],
    ['no final line break', '{"a":1}\n{"a":2}', [1, 2]],
    ['CRLF without a final line break', '{"a":1}\r\n{"a":2}\r', [1, 2]],
    ['blank lines are skipped', '\n{"a":1}\n\n  \r\n\t\n{"a":2}\n\n', [2, 6]],
    ['a UTF-8 BOM', '\uFEFF{"a":1}\n{"a":2}\n', [1, 2]],
    ['spaces around a record', '  {"a":1}  \n', [1]],
  ])('%s', async (_name, input, lines) => {
    const result = await read(input);
    expect(result.rows.map((row) => row.line)).toEqual(lines);
    expect(result.columns[0]?.names).toEqual(['a']);
  });

  test('a CR inside a string value is kept', async () => {
    expect((await read('{"a":"x\\r\\ny"}\r\n')).rows[0]?.values).toEqual(['x\r\ny']);
  });
});

describe('chunk boundaries', () => {
  const input =
    '\uFEFF{"id":1,"text":"Zoë 😀 ü","nested":{"a":[1,2]}}\r\n' +
    '\r\n' +
    '{"id":2,"text":"line\\nbreak","extra":"€"}\n' +
    '{"text":"last 日本語","id":3}';

  test.each([1, 2, 3, 4, 5, 6, 7])('chunks of %i bytes give the same output', async (size) => {
    expect(await read(input, [size])).toEqual(await read(input));
  });

  test('chunks cycling through 1 to 7 bytes give the same output', async () => {
    const whole = await read(input);
    expect(whole.rows.map((row) => row.line)).toEqual([1, 3, 4]);
    expect(whole.rows.map((row) => row.values)).toEqual([
      [1, 'Zoë 😀 ü', '{"a":[1,2]}'],
      [2, 'line\nbreak', undefined, '€'],
      [3, 'last 日本語', undefined, undefined],
    ]);
    expect(await read(input, [1, 2, 3, 4, 5, 6, 7])).toEqual(whole);
    expect(await read(input, [7, 5, 3, 1, 2, 4, 6])).toEqual(whole);
  });

  test('a BOM split across chunks', async () => {
    expect((await read('\uFEFF{"a":1}', [1])).rows).toEqual([{ values: [1], line: 1 }]);
  });

  test('errors name the same line whatever the chunks', async () => {
    const bad = '{"a":1}\n{"a":2}\n{"a":\n';
    for (const sizes of [[1], [3], [1, 2, 3, 4, 5, 6, 7], [1000]]) {
      expect((await failure(bad, sizes)).message).toMatch(/^data\.jsonl: line 3 is not valid JSON/);
    }
    const utf8 = Buffer.concat([Buffer.from('{"a":1}\n{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"a":\n')]);
    for (const sizes of [[1], [2], [1, 2, 3, 4, 5, 6, 7], [1000]]) {
      expect((await failure(utf8, sizes)).message).toBe('data.jsonl: line 2 is not valid UTF-8; save the file as UTF-8 and try again');
    }
  });

  test('a file streamed from disk in 1 MiB chunks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cd4ml-jsonl-'));
    try {
      const lines: string[] = [];
      for (let i = 0; i < 40_000; i += 1) lines.push(JSON.stringify({ id: i, text: `row ${i} ${'ü'.repeat(i % 17)}`, even: i % 2 === 0 }));
      const path = join(dir, 'big.jsonl');
      await writeFile(path, `${lines.join('\n')}\n`);
      const recorder = new ValueRowRecorder('JSON Lines');
      expect(await readJsonl(await localFileSource(path, 'big.jsonl'), recorder)).toEqual({ rows: 40_000 });
      expect(recorder.rows[39_999]).toEqual({ values: [39_999, `row 39999 ${'ü'.repeat(39_999 % 17)}`, false], line: 40_000 });
      expect(recorder.rows.every((row, index) => row.line === index + 1 && row.values[0] === index)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('errors', () => {
  const parserMessage = (text: string): string => {
    try {
      JSON.parse(text);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected invalid JSON');
  };

  test.each([
    ['an array', '[1,2]'],
    ['a string', '"text"'],
    ['a number', '42'],
    ['a boolean', 'true'],
    ['null', 'null'],
  ])('a line holding %s', async (found, line) => {
    const error = await failure(`{"a":1}\n\n${line}\n`);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(`data.jsonl: line 3 is not a JSON object (found ${found}); JSON Lines needs one object per line`);
  });

  test('invalid JSON carries the parser message', async () => {
    for (const line of ['{"a":1', '{a:1}', "{'a':1}", '{"a":1} {"b":2}', '{"a":01}']) {
      const error = await failure(`{"a":0}\r\n${line}\r\n`);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(`data.jsonl: line 2 is not valid JSON (${parserMessage(line)})`);
    }
  });

  test('invalid UTF-8 names its line', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"ok"}\n\n{"a":"'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    const error = await failure(bytes);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data.jsonl: line 3 is not valid UTF-8; save the file as UTF-8 and try again');
  });

  test('invalid UTF-8 on a last line without a line break', async () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"ok"}\n{"a":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]);
    expect((await failure(bytes)).message).toBe('data.jsonl: line 2 is not valid UTF-8; save the file as UTF-8 and try again');
  });

  test.each([
    ['an empty file', ''],
    ['only blank lines', '\n\r\n  \n'],
    ['only a BOM', '\uFEFF'],
  ])('%s', async (_name, input) => {
    const error = await failure(input);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('data.jsonl: the file is empty; expected one JSON object per line');
  });

  test('rows before an error were handed over', async () => {
    const recorder = new ValueRowRecorder('JSON Lines');
    await expect(readJsonl(memorySource('{"a":1}\n{"a":2}\n[]\n'), recorder)).rejects.toThrow(InputError);
    expect(recorder.rows.map((row) => row.line)).toEqual([1, 2]);
  });
});
