import { describe, expect, test } from 'vitest';
import { CsvTokenizer } from '../../src/core/data/csv-tokenizer.js';

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

test('rows wider than the initial field buffer grow it', () => {
  const wide = Array.from({ length: 300 }, (_, i) => `c${i}`).join(',');
  expect(tokenize(`${wide}\n${wide}\n`)[1]?.fields).toHaveLength(300);
});
