import { describe, expect, test } from 'vitest';
import { CsvTokenizer, type RowBatch } from '../../src/core/data/csv-tokenizer.js';

interface Row {
  line: number;
  fields: string[];
}

/** Tokenizes `input` fed in chunks of `size` bytes (the whole input when size is undefined). */
function tokenize(input: string | Buffer, delimiter = ',', size?: number): Row[] {
  const rows: Row[] = [];
  const tokenizer = new CsvTokenizer((row) => void rows.push({ line: row.line, fields: Array.from({ length: row.count }, (_, i) => row.text(i)) }), {
    delimiter,
    source: 'data.csv',
  });
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  const step = size ?? Math.max(1, bytes.length);
  for (let offset = 0; offset < bytes.length; offset += step) tokenizer.push(bytes.subarray(offset, offset + step));
  tokenizer.end();
  return rows;
}

const fields = (rows: Row[]) => rows.map((row) => row.fields);

/** The rows a batch holds, as tokenize() gives them. */
function batchRows(batch: RowBatch): Row[] {
  const text = (index: number) => {
    const value = batch.buffer.toString('utf8', batch.starts[index], batch.ends[index]);
    return batch.quoting[index] === 2 ? value.replaceAll('""', '"') : value;
  };
  return Array.from({ length: batch.rows }, (_, row) => ({
    line: batch.lines[row]!,
    fields: Array.from({ length: batch.rowStarts[row + 1]! - batch.rowStarts[row]! }, (_, i) => text(batch.rowStarts[row]! + i)),
  }));
}

/**
 * Tokenizes `input` the way the CSV reader does: each chunk of `size` bytes read into a reused buffer
 * behind `room` spare bytes (pushInPlace), the first row one by one and the rest in batches.
 */
function tokenizeInPlace(input: string, size: number, room: number, stop?: number): { rows: Row[]; position: number; stopped: boolean } {
  const rows: Row[] = [];
  const tokenizer: CsvTokenizer = new CsvTokenizer(
    (row) => {
      rows.push({ line: row.line, fields: Array.from({ length: row.count }, (_, i) => row.text(i)) });
      tokenizer.batchRows({ csvBatch: (batch) => rows.push(...batchRows(batch)) }, stop);
    },
    { delimiter: ',', source: 'data.csv' },
  );
  const bytes = Buffer.from(input, 'utf8');
  const buffers = [Buffer.alloc(room + size, 0x78), Buffer.alloc(room + size, 0x78)];
  for (let offset = 0, i = 0; offset < bytes.length && !tokenizer.stopped; offset += size, i ^= 1) {
    const filled = bytes.copy(buffers[i]!, room, offset, offset + size);
    tokenizer.pushInPlace(buffers[i]!, room, room + filled);
  }
  tokenizer.end();
  return { rows, position: tokenizer.position, stopped: tokenizer.stopped };
}

describe('RFC 4180', () => {
  test.each([
    ['plain rows', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['lone CR', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['empty fields', ',x,\n,,\n', [['', 'x', ''], ['', '', '']]],
    ['quoted delimiter', '"a,b",c\n', [['a,b', 'c']]],
    ['escaped quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['embedded newlines', '"line 1\nline 2",x\r\n"a\r\nb",y\n', [['line 1\nline 2', 'x'], ['a\r\nb', 'y']]],
    ['empty quoted field', '"",x\n""\n', [['', 'x'], ['']]],
    ['UTF-8 BOM', '\uFEFFid,name\n1,Zoë\n', [['id', 'name'], ['1', 'Zoë']]],
    ['blank lines are skipped', 'a\n\n\r\nb\n\n', [['a'], ['b']]],
    ['multi-byte text', 'ü,😀\n', [['ü', '😀']]],
    ['empty input', '', []],
  ])('%s', (_name, input, expected) => {
    expect(fields(tokenize(input))).toEqual(expected);
  });

  test('a tab delimiter (TSV) leaves commas alone', () => {
    expect(fields(tokenize('a\tb,c\n"x\ty"\tz\n', '\t'))).toEqual([
      ['a', 'b,c'],
      ['x\ty', 'z'],
    ]);
  });

  test('rows carry the physical line they start on', () => {
    const rows = tokenize('h1,h2\n"multi\nline\nvalue",1\n\nnext,2\r\nlast,3');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 6, 7]);
  });
});

describe('chunk boundaries', () => {
  const input = '\uFEFFid,"quoted, with ""escapes""",note\r\n1,"multi\r\nline",ü😀\r\n2,,"x"\r\n\r\n3,"",end';
  const whole = tokenize(input);

  test.each([1, 2, 3, 5, 7, 16])('fed %d bytes at a time, the rows are the same as in one piece', (size) => {
    expect(tokenize(input, ',', size)).toEqual(whole);
  });

  test.each([
    [1, 64],
    [3, 64],
    [7, 64],
    [16, 64],
    [5, 2],
    [200, 0],
  ])('read %d bytes at a time behind %d spare bytes, and handed over in batches, the rows are the same', (size, room) => {
    expect(tokenizeInPlace(input, size, room).rows).toEqual(whole);
  });

  test('the expected rows', () => {
    expect(fields(whole)).toEqual([
      ['id', 'quoted, with "escapes"', 'note'],
      ['1', 'multi\r\nline', 'ü😀'],
      ['2', '', 'x'],
      ['3', '', 'end'],
    ]);
  });
});

describe('bad input', () => {
  test.each([
    ['an unterminated quote', 'a,b\n1,"open\n2,3\n', 'data.csv: unterminated quoted field starting on line 2; close the quote, and write a quote inside a field as "".'],
    [
      'text after a closing quote',
      'a,b\n"x"y,2\n',
      'data.csv: unexpected character after a closing quote on line 2; a quoted field must end at a delimiter or a line break (write a quote inside a field as "").',
    ],
  ])('%s', (_name, input, message) => {
    expect(() => tokenize(input)).toThrow(message);
    expect(() => tokenize(input, ',', 3)).toThrow(message);
  });

  test('invalid UTF-8 names the line', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(() => tokenize(bytes)).toThrow('data.csv: invalid UTF-8 near line 3; save the file as UTF-8 and try again.');
  });

  test.each([',,', '"', '\n', ''])('delimiter %j is refused', (delimiter) => {
    expect(() => new CsvTokenizer(() => undefined, { delimiter, source: 'x' })).toThrow(
      `The CSV delimiter must be one ASCII character other than a quote or a line break, not ${JSON.stringify(delimiter)}.`,
    );
  });
});

describe('batch mode', () => {
  const input = `h\n${Array.from({ length: 5000 }, (_, i) => `${i},"q ""${i}""",x${i}`).join('\n')}\n`;

  test('rows of many batches come in order, with their lines', () => {
    const { rows } = tokenizeInPlace(input, 4096, 256);
    expect(rows).toHaveLength(5001);
    expect(rows[1]).toEqual({ line: 2, fields: ['0', 'q "0"', 'x0'] });
    expect(rows.at(-1)).toEqual({ line: 5001, fields: ['4999', 'q "4999"', 'x4999'] });
  });

  test('a row starting at or after the stop offset ends the input before it', () => {
    const stop = input.indexOf('\n100,') + 1;
    const { rows, position, stopped } = tokenizeInPlace(input, 1000, 128, stop);
    expect(stopped).toBe(true);
    expect(position).toBe(stop);
    expect(rows.at(-1)!.fields[0]).toBe('99');
  });

  test('rows before a broken one are handed over before the error', () => {
    const seen: string[] = [];
    const tokenizer = new CsvTokenizer(() => undefined, { delimiter: ',', source: 'data.csv' });
    tokenizer.batchRows({ csvBatch: (batch) => seen.push(...batchRows(batch).map((row) => row.fields[0]!)) });
    expect(() => tokenizer.push(Buffer.from('a,1\nb,2\n"c"x,3\n'))).toThrow('data.csv: unexpected character after a closing quote on line 3;');
    expect(seen).toEqual(['a', 'b']);
  });
});

test('rows wider than the initial field buffer grow it', () => {
  const wide = Array.from({ length: 300 }, (_, i) => `c${i}`).join(',');
  expect(tokenize(`${wide}\n${wide}\n`)[1]?.fields).toHaveLength(300);
});
