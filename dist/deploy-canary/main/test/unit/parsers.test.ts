import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { boolean, existingFile, integer, jsonFile, jsonObject, list, number, oneOf, text, yamlFile } from '../../src/core/inputs/parsers.js';

describe('boolean', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%s → %s', (raw, value) => expect(boolean().parse(raw, 'flag')).toBe(value));

  test.each(['yes', '1', 'on', 'tRuE', ''])('%j is refused', (raw) => {
    expect(() => boolean().parse(raw, 'require-gpu')).toThrow(`Input "require-gpu" has an invalid value ${JSON.stringify(raw)}: expected true or false.`);
  });
});

describe('integer', () => {
  test.each([
    ['0', {}, 0],
    ['-12', {}, -12],
    ['+7', {}, 7],
    ['1000', { min: 1, max: 1000 }, 1000],
  ])('%s with %j → %d', (raw, bounds, value) => expect(integer(bounds).parse(raw, 'n')).toBe(value));

  test.each([
    ['1.5', {}, 'an integer'],
    ['1e3', {}, 'an integer'],
    ['0x10', {}, 'an integer'],
    ['12abc', {}, 'an integer'],
    ['9007199254740993', {}, 'an integer'],
    ['0', { min: 1 }, 'an integer of at least 1'],
    ['101', { max: 100 }, 'an integer of at most 100'],
    ['99', { min: 100, max: 100000 }, 'an integer from 100 to 100000'],
  ])('%s with %j is refused', (raw, bounds, expected) => {
    expect(() => integer(bounds).parse(raw, 'bootstrap')).toThrow(`Input "bootstrap" has an invalid value "${raw}": expected ${expected}.`);
  });
});

describe('number', () => {
  test.each([
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['-1e-3', -0.001],
    ['1E2', 100],
  ])('%s → %d', (raw, value) => expect(number().parse(raw, 'x')).toBe(value));

  test.each(['NaN', 'Infinity', '1e999', '0x1', '1,5', '', '1.2.3'])('%j is refused', (raw) => {
    expect(() => number({ min: 0, max: 1 }).parse(raw, 'drift-share')).toThrow(
      `Input "drift-share" has an invalid value ${JSON.stringify(raw)}: expected a number from 0 to 1.`,
    );
  });

  test('bounds are inclusive', () => {
    expect(number({ min: 0, max: 1 }).parse('1', 'p')).toBe(1);
    expect(() => number({ min: 0, max: 1 }).parse('1.0001', 'p')).toThrow('expected a number from 0 to 1');
  });
});

describe('oneOf', () => {
  const format = oneOf(['auto', 'csv', 'parquet'] as const);

  test('accepts a listed word exactly', () => expect(format.parse('csv', 'format')).toBe('csv'));

  test('refuses another word and lists the allowed ones', () => {
    expect(() => format.parse('xml', 'format')).toThrow('Input "format" has an invalid value "xml": expected one of auto, csv, parquet.');
  });

  test('suggests the word a case slip meant', () => {
    expect(() => format.parse('CSV', 'format')).toThrow('expected one of auto, csv, parquet. Did you mean "csv"?');
  });
});

describe('list', () => {
  test.each([
    ['a, b,c', ['a', 'b', 'c']],
    ['a\nb\n\n c \n', ['a', 'b', 'c']],
    ['single', ['single']],
  ])('%j splits on commas and newlines', (raw, items) => expect(list(text(), 'names').parse(raw, 'columns')).toEqual(items));

  test('newline-only lists keep commas inside items', () => {
    expect(list(text(), 'regexes', 'newlines').parse('loss: x=(\\d{1,3})\nacc: a=(.*)', 'metric-regex')).toEqual(['loss: x=(\\d{1,3})', 'acc: a=(.*)']);
  });

  test('each item is checked by the item parser', () => {
    expect(() => list(oneOf(['fail', 'issue']), 'words').parse('fail, page', 'on-drift')).toThrow('Input "on-drift" has an invalid value "page": expected one of fail, issue.');
  });

  test('a list of only separators is refused', () => {
    expect(() => list(text(), 'column names').parse(' , \n', 'columns')).toThrow('expected one or more column names, separated by commas or newlines.');
  });
});

describe('jsonObject', () => {
  test('parses an inline object', () => expect(jsonObject().parse('{"lr": 0.1}', 'params')).toEqual({ lr: 0.1 }));
  test('names the JSON error', () => {
    expect(() => jsonObject().parse('{lr: 0.1}', 'params')).toThrow(
      /^Input "params" has an invalid value "\{lr: 0\.1\}": expected a JSON object such as \{"lr": 0\.1\}\. The JSON parser said: .+\.$/,
    );
  });
  test.each(['[1, 2]', '"lr"', '3', 'null'])('%s is valid JSON but not an object', (raw) => {
    expect(() => jsonObject().parse(raw, 'params')).toThrow(`Input "params" has an invalid value ${JSON.stringify(raw)}: expected a JSON object such as {"lr": 0.1}.`);
  });
});

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd4ml-parsers-'));
  const write = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  test('a missing file is named with where it was looked for', () => {
    const missing = join(dir, 'nope.yml');
    expect(() => existingFile().parse(missing, 'schema')).toThrow(
      `Input "schema" names a file that does not exist: ${JSON.stringify(missing)} (looked for ${missing}); paths are relative to the working directory.`,
    );
  });

  test('a directory is not a file', () => {
    expect(() => existingFile().parse(dir, 'model')).toThrow(`Input "model" must name a file, but ${JSON.stringify(dir)} is a directory.`);
  });

  test('YAML is parsed when read', () => {
    const path = write('policy.yml', 'metrics:\n  roc_auc: { direction: higher, min: 0.8 }\n');
    expect(yamlFile().parse(path, 'policy')).toEqual({ path, value: { metrics: { roc_auc: { direction: 'higher', min: 0.8 } } } });
  });

  test('broken YAML names the line', () => {
    const path = write('broken.yml', 'metrics:\n  roc_auc: [0.8\n  log_loss: 1\n');
    expect(() => yamlFile().parse(path, 'policy')).toThrow(
      `Input "policy": ${path} is not valid YAML at line 3, column 3: Flow sequence in block collection must be sufficiently indented and end with a ].`,
    );
  });

  test('broken JSON is named', () => {
    const path = write('metrics.json', '{"auc": }');
    expect(() => jsonFile().parse(path, 'metrics')).toThrow(new RegExp(`^Input "metrics": ${path} is not valid JSON: .+\\.$`));
  });
});
