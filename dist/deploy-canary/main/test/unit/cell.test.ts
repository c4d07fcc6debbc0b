import { describe, expect, test } from 'vitest';
import { classifyBytes, classifyValue, codePointLength, KIND_NAMES, newCell } from '../../src/core/data/cell.js';

function classify(text: string, quoted = false): { kind: string; value: number } {
  const cell = newCell();
  const bytes = Buffer.from(text, 'utf8');
  classifyBytes(cell, bytes, 0, bytes.length, quoted);
  return { kind: KIND_NAMES[cell.kind], value: cell.value };
}

describe('classifyBytes', () => {
  test.each([
    ['0', 'integer', 0],
    ['-0', 'integer', 0],
    ['+17', 'integer', 17],
    ['007', 'integer', 7],
    ['123456789012345', 'integer', 123456789012345],
    ['12345678901234567890', 'integer', 12345678901234567000],
    ['3.25', 'number', 3.25],
    ['-0.1', 'number', -0.1],
    ['.5', 'number', 0.5],
    ['5.', 'number', 5],
    ['1e3', 'number', 1000],
    ['2.5E-3', 'number', 0.0025],
    ['0.1234567890123456789', 'number', 0.12345678901234568],
    ['1e400', 'text', 0],
    ['1.2.3', 'text', 0],
    ['12abc', 'text', 0],
    ['-', 'text', 0],
    ['1e', 'text', 0],
    ['true', 'boolean', 1],
    ['FALSE', 'boolean', 0],
    ['False', 'boolean', 0],
    ['yes', 'text', 0],
    ['2024-02-29', 'date', Date.UTC(2024, 1, 29)],
    ['2023-02-29', 'text', 0],
    ['2024-13-01', 'text', 0],
    ['1969-12-31', 'date', -86_400_000],
    ['2024-03-01T12:34:56Z', 'datetime', Date.UTC(2024, 2, 1, 12, 34, 56)],
    ['2024-03-01 12:34', 'datetime', Date.UTC(2024, 2, 1, 12, 34)],
    ['2024-03-01T12:34:56.789+02:00', 'datetime', Date.UTC(2024, 2, 1, 10, 34, 56, 789)],
    ['2024-03-01T12:34:56-0530', 'datetime', Date.UTC(2024, 2, 1, 18, 4, 56)],
    ['2024-03-01T25:00', 'text', 0],
    ['2024-03-01T12:34:56+2', 'text', 0],
    ['NA', 'null', 0],
    ['NULL', 'null', 0],
    ['NaN', 'null', 0],
    ['None', 'null', 0],
    ['', 'null', 0],
    ['hello', 'text', 0],
  ])('%j reads as %s', (text, kind, value) => {
    const result = classify(text);
    expect(result.kind).toBe(kind);
    if (kind !== 'text' && kind !== 'null') expect(result.value).toBe(value);
  });

  test('a quoted field is never null: "" is an empty string, "NA" is text', () => {
    expect(classify('', true).kind).toBe('empty');
    expect(classify('NA', true).kind).toBe('text');
    expect(classify('42', true)).toEqual({ kind: 'integer', value: 42 });
  });

  test('parses decimals exactly as Number() does', () => {
    for (const text of ['0.1', '0.3', '123.456', '99999.99', '-5e-7', '1.7976931348623157e308', '4.9e-324', '0.000001234']) {
      expect(classify(text).value).toBe(Number(text));
    }
  });
});

describe('classifyValue (JSON Lines, Parquet)', () => {
  test.each([
    [null, 'null'],
    [undefined, 'null'],
    [Number.NaN, 'null'],
    [3, 'integer'],
    [3.5, 'number'],
    [1e21, 'number'],
    [Number.POSITIVE_INFINITY, 'text'],
    [Number.NEGATIVE_INFINITY, 'text'],
    [true, 'boolean'],
    ['2024-01-02', 'date'],
    ['NA', 'text'],
    ['', 'empty'],
  ])('%j reads as %s', (value, kind) => {
    const cell = newCell();
    classifyValue(cell, value, Buffer.alloc(4));
    expect(KIND_NAMES[cell.kind]).toBe(kind);
  });
});

test('codePointLength counts characters, not bytes', () => {
  const bytes = Buffer.from('Zoë 😀', 'utf8');
  expect(codePointLength(bytes, 0, bytes.length)).toBe(5);
});
