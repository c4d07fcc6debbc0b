import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../src/core/errors.js';
import { closest } from '../../src/core/inputs/did-you-mean.js';
import { isoTime, loadSchema, parseSchema } from '../../src/core/schema/schema-file.js';
import type { DataSchema } from '../../src/core/schema/types.js';

const EXAMPLE = `columns:
  age:     { type: integer, min: 18, max: 120, nullable: false }
  income:  { type: number, min: 0, max_null_fraction: 0.02 }
  country: { type: category, allowed: [US, DE, FR], mostly: 0.99 }
  email:   { type: string, pattern: '^[^@\\s]+@[^@\\s]+$' }
  id:      { type: integer, unique: true }
table:
  rows: { min: 1000 }
  columns: { extra: warn, missing: error }
`;

function at(line: number): { file: string; line: number } {
  return { file: 'schema.yaml', line };
}

/** The InputError parseSchema throws for `text`, or a failure when it throws none or another kind. */
function errorOf(text: string): InputError {
  try {
    parseSchema(text, 'schema.yaml');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('parseSchema accepted the schema');
}

describe('parseSchema: valid files', () => {
  test('the documented example, with the line of every column, rule and table rule', () => {
    const expected: DataSchema = {
      file: 'schema.yaml',
      columns: new Map([
        ['age', { type: 'integer', min: 18, max: 120, nullable: false }],
        ['income', { type: 'number', min: 0, maxNullFraction: 0.02 }],
        ['country', { type: 'category', allowed: ['US', 'DE', 'FR'], mostly: 0.99 }],
        ['email', { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' }],
        ['id', { type: 'integer', unique: true }],
      ]),
      table: { rows: { min: 1000 }, columns: { extra: 'warn', missing: 'error' } },
      positions: new Map([
        ['columns.age', at(2)],
        ['columns.age.type', at(2)],
        ['columns.age.min', at(2)],
        ['columns.age.max', at(2)],
        ['columns.age.nullable', at(2)],
        ['columns.income', at(3)],
        ['columns.income.type', at(3)],
        ['columns.income.min', at(3)],
        ['columns.income.max_null_fraction', at(3)],
        ['columns.country', at(4)],
        ['columns.country.type', at(4)],
        ['columns.country.allowed', at(4)],
        ['columns.country.mostly', at(4)],
        ['columns.email', at(5)],
        ['columns.email.type', at(5)],
        ['columns.email.pattern', at(5)],
        ['columns.id', at(6)],
        ['columns.id.type', at(6)],
        ['columns.id.unique', at(6)],
        ['table', at(7)],
        ['table.rows', at(8)],
        ['table.columns', at(9)],
      ]),
    };
    const schema = parseSchema(EXAMPLE, 'schema.yaml');
    expect(schema).toEqual(expected);
    expect([...schema.columns.keys()]).toEqual(['age', 'income', 'country', 'email', 'id']);
    expect([...schema.positions.keys()]).toEqual([...expected.positions.keys()]);
  });

  test('block style: each rule at its own line, table.key, version and every rule kind', () => {
    const schema = parseSchema(
      [
        '# yaml-language-server: $schema=https://cd4ml-actions.dev/schemas/data-schema.json',
        'version: 1',
        'columns:',
        '  id:',
        '    type: integer',
        '    unique: true',
        '  name:',
        '    type: string',
        '    min_length: 1',
        '    max_length: 80',
        '    severity: warning',
        '  signup:',
        '    type: date',
        '    min: 2020-01-01',
        '    exclusive_max: 2030-01-01',
        '  seen:',
        '    type: datetime',
        '    exclusive_min: 2024-01-31T12:00:00+02:00',
        '    max: 2024-01-31T10:00:01Z',
        '  score: { type: number, exclusive_min: 0, exclusive_max: 1 }',
        '  active: { type: boolean, allowed: [true] }',
        '  code: { allowed: [1, 01, true, x, 1.50] }',
        '  notes:',
        '  empty: {}',
        'table:',
        '  key: [id, signup]',
        '  rows: { min: 0, max: 10 }',
      ].join('\n'),
      'schema.yaml',
    );
    expect(Object.fromEntries(schema.columns)).toEqual({
      id: { type: 'integer', unique: true },
      name: { type: 'string', minLength: 1, maxLength: 80, severity: 'warning' },
      signup: { type: 'date', min: '2020-01-01', exclusiveMax: '2030-01-01' },
      seen: { type: 'datetime', exclusiveMin: '2024-01-31T12:00:00+02:00', max: '2024-01-31T10:00:01Z' },
      score: { type: 'number', exclusiveMin: 0, exclusiveMax: 1 },
      active: { type: 'boolean', allowed: ['true'] },
      code: { allowed: ['1', '01', 'true', 'x', '1.50'] },
      notes: {},
      empty: {},
    });
    expect(schema.table).toEqual({ key: ['id', 'signup'], rows: { min: 0, max: 10 } });
    expect(schema.positions.get('columns.name')).toEqual(at(7));
    expect(schema.positions.get('columns.name.max_length')).toEqual(at(10));
    expect(schema.positions.get('columns.seen.exclusive_min')).toEqual(at(18));
    expect(schema.positions.get('columns.notes')).toEqual(at(23));
    expect(schema.positions.get('table')).toEqual(at(25));
    expect(schema.positions.get('table.key')).toEqual(at(26));
    expect(schema.positions.get('table.rows')).toEqual(at(27));
  });

  test('JSON is read as YAML, with $schema allowed for editors', () => {
    const json = JSON.stringify(
      {
        $schema: 'https://cd4ml-actions.dev/schemas/data-schema.json',
        columns: { age: { type: 'integer', min: 18 }, '2024': { type: 'number' } },
        table: { columns: { extra: 'ignore' } },
      },
      null,
      2,
    );
    const schema = parseSchema(json, 'schema.json');
    expect(schema.file).toBe('schema.json');
    expect(Object.fromEntries(schema.columns)).toEqual({ '2024': { type: 'number' }, age: { type: 'integer', min: 18 } });
    expect(schema.table).toEqual({ columns: { extra: 'ignore' } });
    // Integer-like keys come first in a JS object, so "2024" takes lines 4-6.
    expect(schema.positions.get('columns.age.min')).toEqual({ file: 'schema.json', line: 9 });
  });

  test('a YAML 1.1 file keeps an unquoted date as the text written; anchors and aliases resolve', () => {
    const schema = parseSchema('%YAML 1.1\n---\ncolumns:\n  a: &d { type: date, min: 2024-01-31 }\n  b: *d\n', 'schema.yaml');
    expect(schema.columns.get('a')).toEqual({ type: 'date', min: '2024-01-31' });
    expect(schema.columns.get('b')).toEqual({ type: 'date', min: '2024-01-31' });
    expect(schema.positions.get('columns.b')).toEqual(at(5));
  });

  test('inclusive bounds may be equal', () => {
    expect(parseSchema('columns:\n  a: { type: number, min: 1, max: 1 }\n', 'schema.yaml').columns.get('a')).toEqual({ type: 'number', min: 1, max: 1 });
  });
});

describe('parseSchema: mistakes are one line naming the file and line', () => {
  const TYPES = 'integer, number, string, boolean, date, datetime, category';
  const RULES = 'type, nullable, max_null_fraction, min, max, exclusive_min, exclusive_max, allowed, pattern, unique, min_length, max_length, mostly, severity';
  let regexMessage = '';
  try {
    new RegExp('(', 'u');
  } catch (error) {
    regexMessage = (error as Error).message;
  }

  test.each([
    // The file as a whole
    ['an empty file', '', 'schema.yaml:1: the schema file is empty; declare the columns under a top-level "columns:" mapping, e.g. columns: { id: { type: integer } }'],
    ['only comments', '# nothing yet\n', 'schema.yaml:1: the schema file is empty; declare the columns under a top-level "columns:" mapping, e.g. columns: { id: { type: integer } }'],
    [
      'a list at the top',
      '- age\n',
      'schema.yaml:1: the schema is a list, but it must be a mapping with a "columns" key; start the file with "columns:" and list the columns under it',
    ],
    [
      'a YAML syntax error',
      'columns:\n  age: { type: integer\n',
      'schema.yaml:3: the file is not valid YAML at column 1 (Flow map in block collection must be sufficiently indented and end with a }); fix the syntax there',
    ],
    ['a tab as indentation', 'columns:\n\tage: {}\n', 'schema.yaml:2: the file is not valid YAML at column 1 (Tabs are not allowed as indentation); fix the syntax there'],
    [
      'a bad indentation',
      'columns:\n  age:\n    type: integer\n   min: 3\n',
      'schema.yaml:4: the file is not valid YAML at column 1 (All mapping items must start at the same column); fix the syntax there',
    ],
    [
      'two documents',
      'columns: {}\n---\ncolumns: {}\n',
      'schema.yaml:2: the file holds more than one YAML document; keep a single document (remove the "---" separator)',
    ],
    [
      'an unknown top-level key',
      'colums:\n  age: {}\n',
      'schema.yaml:1: unknown top-level key "colums"; use one of columns, table, version, $schema (did you mean "columns"?)',
    ],
    ['no columns', 'table: { rows: { min: 1 } }\n', 'schema.yaml:1: the schema has no "columns" key; add a top-level "columns:" mapping of column names to their rules'],
    [
      'columns as a list',
      'columns:\n  - age\n',
      'schema.yaml:2: "columns" is a list, but it must be a mapping of column names to rules; write each column on its own line as "name: { type: string }" (or "name: {}" for no rules)',
    ],
    [
      'columns with nothing under it',
      'version: 1\ncolumns:\n',
      'schema.yaml:2: "columns" is empty, but it must be a mapping of column names to rules; write each column on its own line as "name: { type: string }" (or "name: {}" for no rules)',
    ],
    ['version 2', 'version: 2\ncolumns: {}\n', 'schema.yaml:1: the schema has version 2, which is not a supported version; write version: 1 or leave it out'],
    ['$schema not text', '$schema: 5\ncolumns: {}\n', 'schema.yaml:1: "$schema" is the number 5, which is not a URL; write the URL of the JSON Schema in quotes, or remove it'],
    ['an undefined alias', 'columns:\n  a: *rules\n', 'schema.yaml:2: the alias *rules refers to no anchor; define &rules before it'],

    // Columns
    ['a column declared twice', 'columns:\n  age: {}\n  id: {}\n  age: { type: integer }\n', 'schema.yaml:4: column "age" is declared twice (first on line 2); remove or rename one of them'],
    ['a column declared twice in JSON', '{\n  "columns": {\n    "age": {},\n    "age": {}\n  }\n}', 'schema.yaml:4: column "age" is declared twice (first on line 3); remove or rename one of them'],
    ['an empty column name', 'columns:\n  "": {}\n', 'schema.yaml:2: a column has an empty name; write the column name as it appears in the data'],
    [
      'a column given as a type name',
      'columns:\n  age: integer\n',
      'schema.yaml:2: column "age" is the text "integer", but a column must be a mapping of rules; write it as age: { type: integer } (or age: {} for no rules)',
    ],
    [
      'an unknown type',
      'columns:\n  age:\n    type: integr\n',
      `schema.yaml:3: column "age" has type "integr", which is not a column type; use one of ${TYPES} (did you mean "integer"?)`,
    ],
    ['a common type name', 'columns:\n  x: { type: float }\n', `schema.yaml:2: column "x" has type "float", which is not a column type; use one of ${TYPES} (did you mean "number"?)`],
    ['a type that is not text', 'columns:\n  x: { type: 5 }\n', `schema.yaml:2: column "x" has type 5, which is not a column type; use one of ${TYPES}`],
    [
      'an unknown rule',
      'columns:\n  age:\n    type: integer\n    maxnull_fraction: 0.1\n',
      `schema.yaml:4: column "age" has an unknown rule "maxnull_fraction"; use one of ${RULES} (did you mean "max_null_fraction"?)`,
    ],
    ['a camelCase rule', 'columns:\n  age: { maxLength: 3 }\n', `schema.yaml:2: column "age" has an unknown rule "maxLength"; use one of ${RULES} (did you mean "max_length"?)`],
    ['a rule given twice', 'columns:\n  age:\n    min: 1\n    type: integer\n    min: 2\n', 'schema.yaml:5: column "age" has "min" twice (first on line 3); keep only one'],
    ['a non-boolean nullable', 'columns:\n  age: { nullable: "yes" }\n', 'schema.yaml:2: column "age" has nullable "yes", which is not true or false; write nullable: true or nullable: false'],
    ['a non-boolean unique', 'columns:\n  id: { unique: 1 }\n', 'schema.yaml:2: column "id" has unique 1, which is not true or false; write unique: true or unique: false'],
    [
      'an invalid regular expression',
      'columns:\n  email:\n    type: string\n    pattern: "("\n',
      `schema.yaml:4: column "email" has a pattern that is not a valid regular expression (${regexMessage}); fix it in JavaScript regular expression syntax (compiled with the u flag); in YAML, single-quote the pattern so backslashes stay as written`,
    ],
    ['a pattern that is not text', 'columns:\n  code: { pattern: 123 }\n', "schema.yaml:2: column \"code\" has pattern 123, which is not text; quote it: pattern: '123'"],
    ['min above max', 'columns:\n  age:\n    type: integer\n    min: 120\n    max: 18\n', 'schema.yaml:4: column "age" has min 120 greater than max 18, so no value can pass; swap them or correct one'],
    [
      'an empty exclusive range',
      'columns:\n  p: { type: number, exclusive_min: 1, max: 1 }\n',
      'schema.yaml:2: column "p" has exclusive_min 1 equal to max 1, so no value can pass; make exclusive_min smaller than max',
    ],
    [
      'dates out of order',
      'columns:\n  d: { type: datetime, min: 2024-01-31T12:00:00+02:00, max: 2024-01-31T09:00:00Z }\n',
      'schema.yaml:2: column "d" has min 2024-01-31T12:00:00+02:00 greater than max 2024-01-31T09:00:00Z, so no value can pass; swap them or correct one',
    ],
    ['min and exclusive_min', 'columns:\n  age:\n    type: integer\n    min: 0\n    exclusive_min: 0\n', 'schema.yaml:5: column "age" has both min and exclusive_min; keep only one of them'],
    ['max and exclusive_max', 'columns:\n  age: { type: integer, exclusive_max: 9, max: 9 }\n', 'schema.yaml:2: column "age" has both max and exclusive_max; keep only one of them'],
    ['a bound without a type', 'columns:\n  age: { min: 0 }\n', 'schema.yaml:2: column "age" has min but no type; add a type (integer, number, date, datetime) so the bound can be compared'],
    ['a quoted number bound', 'columns:\n  age: { type: integer, min: "18" }\n', 'schema.yaml:2: column "age" has min "18", which is not a number; remove the quotes: min: 18'],
    ['a text bound on a number', 'columns:\n  x: { type: number, max: lots }\n', 'schema.yaml:2: column "x" has max "lots", which is not a number; write a number, e.g. max: 0'],
    ['an infinite bound', 'columns:\n  x: { type: number, max: .inf }\n', 'schema.yaml:2: column "x" has max .inf, which is not a number; write a number, e.g. max: 0'],
    [
      'a date bound that is not ISO 8601',
      'columns:\n  d: { type: date, min: 31.01.2024 }\n',
      'schema.yaml:2: column "d" has min "31.01.2024", which is not an ISO 8601 date or datetime; write it like min: 2024-01-31 or min: 2024-01-31T12:00:00Z',
    ],
    [
      'a day the month does not have',
      'columns:\n  d: { type: date, max: 2023-02-29 }\n',
      'schema.yaml:2: column "d" has max "2023-02-29", which is not an ISO 8601 date or datetime; write it like max: 2024-01-31 or max: 2024-01-31T12:00:00Z',
    ],
    [
      'a number bound on a date',
      'columns:\n  d: { type: datetime, exclusive_min: 2024 }\n',
      'schema.yaml:2: column "d" has exclusive_min 2024, which is not an ISO 8601 date or datetime; write it like exclusive_min: 2024-01-31 or exclusive_min: 2024-01-31T12:00:00Z',
    ],
    [
      'a fraction above 1',
      'columns:\n  income: { max_null_fraction: 1.5 }\n',
      'schema.yaml:2: column "income" has max_null_fraction 1.5, which is not a fraction from 0 to 1; write the largest share of null rows as a fraction, e.g. max_null_fraction: 0.02 for 2% (for 1.5% write 0.015)',
    ],
    [
      'a negative fraction',
      'columns:\n  income: { max_null_fraction: -0.1 }\n',
      'schema.yaml:2: column "income" has max_null_fraction -0.1, which is not a fraction from 0 to 1; write the largest share of null rows as a fraction, e.g. max_null_fraction: 0.02 for 2%',
    ],
    [
      'a percentage for mostly',
      'columns:\n  c: { mostly: 99 }\n',
      'schema.yaml:2: column "c" has mostly 99, which is not a fraction above 0 and at most 1; write the share of non-null rows that must pass, e.g. mostly: 0.99 (for 99% write 0.99)',
    ],
    [
      'mostly 0',
      'columns:\n  c: { mostly: 0 }\n',
      'schema.yaml:2: column "c" has mostly 0, which is not a fraction above 0 and at most 1; write the share of non-null rows that must pass, e.g. mostly: 0.99',
    ],
    [
      'a negative length',
      'columns:\n  name: { type: string, min_length: -1 }\n',
      'schema.yaml:2: column "name" has min_length -1, which is not a non-negative whole number; write a number of characters, e.g. min_length: 1',
    ],
    [
      'a fractional length',
      'columns:\n  name: { max_length: 2.5 }\n',
      'schema.yaml:2: column "name" has max_length 2.5, which is not a non-negative whole number; write a number of characters, e.g. max_length: 255',
    ],
    [
      'min_length above max_length',
      'columns:\n  name:\n    max_length: 3\n    min_length: 5\n',
      'schema.yaml:4: column "name" has min_length 5 greater than max_length 3, so no value can pass; swap them or correct one',
    ],
    ['allowed not a list', 'columns:\n  c: { allowed: US }\n', 'schema.yaml:2: column "c" has allowed "US", which is not a list; write a list, e.g. allowed: [US]'],
    ['allowed empty', 'columns:\n  c: { allowed: [] }\n', 'schema.yaml:2: column "c" has an empty allowed list; list at least one value, or remove allowed'],
    [
      'allowed with a null',
      'columns:\n  c:\n    allowed:\n      - US\n      - null\n',
      'schema.yaml:5: column "c" lists null under allowed; remove it (whether nulls are allowed is set by nullable and max_null_fraction)',
    ],
    ['allowed with a list inside', 'columns:\n  c: { allowed: [[US]] }\n', 'schema.yaml:2: column "c" lists a list under allowed; list plain values, e.g. allowed: [A, B]'],
    ['allowed with a repeat', 'columns:\n  c: { allowed: [1, "1"] }\n', 'schema.yaml:2: column "c" lists "1" twice under allowed; remove the repeat'],
    [
      'allowed text on an integer column',
      'columns:\n  n: { type: integer, allowed: [1, two] }\n',
      'schema.yaml:2: column "n" lists "two" under allowed, which is not an integer; list whole numbers without quotes, e.g. allowed: [1, 2, 3]',
    ],
    [
      'allowed text on a boolean column',
      'columns:\n  b: { type: boolean, allowed: ["yes"] }\n',
      'schema.yaml:2: column "b" lists "yes" under allowed, which is not true or false; list booleans, e.g. allowed: [true]',
    ],
    [
      'pattern on an integer',
      'columns:\n  age:\n    type: integer\n    pattern: "^[0-9]+$"\n',
      'schema.yaml:4: column "age" has pattern, which does not apply to type integer; remove it or change the type (pattern applies to string, category)',
    ],
    [
      'min on a boolean',
      'columns:\n  ok: { type: boolean, min: 0 }\n',
      'schema.yaml:2: column "ok" has min, which does not apply to type boolean; remove it or change the type (min applies to integer, number, date, datetime)',
    ],
    [
      'min_length on a number',
      'columns:\n  x: { type: number, min_length: 1 }\n',
      'schema.yaml:2: column "x" has min_length, which does not apply to type number; remove it or change the type (min_length applies to string, category)',
    ],
    [
      'allowed on a number',
      'columns:\n  x: { type: number, allowed: [0.5] }\n',
      'schema.yaml:2: column "x" has allowed, which does not apply to type number; remove it or change the type (allowed applies to string, category, integer, boolean)',
    ],
    ['an unknown severity', 'columns:\n  x: { severity: warn }\n', 'schema.yaml:2: column "x" has severity "warn", which is not a severity; use one of error, warning (did you mean "warning"?)'],

    // Table
    ['table not a mapping', 'columns: {}\ntable: [rows]\n', 'schema.yaml:2: "table" is a list, but it must be a mapping; give it rows, columns or key, e.g. table: { rows: { min: 1 } }, or remove it'],
    ['an unknown table key', 'columns: {}\ntable:\n  row: { min: 1 }\n', 'schema.yaml:3: table has an unknown key "row"; use one of rows, columns, key (did you mean "rows"?)'],
    ['a negative row count', 'columns: {}\ntable:\n  rows: { min: -1 }\n', 'schema.yaml:3: table.rows has min -1, which is not a non-negative whole number; write a row count, e.g. min: 1000'],
    ['a fractional row count', 'columns: {}\ntable:\n  rows:\n    max: 10.5\n', 'schema.yaml:4: table.rows has max 10.5, which is not a non-negative whole number; write a row count, e.g. max: 1000'],
    ['rows min above max', 'columns: {}\ntable:\n  rows: { min: 10, max: 5 }\n', 'schema.yaml:3: table.rows has min 10 greater than max 5, so no table can pass; swap them or correct one'],
    ['an unknown rows key', 'columns: {}\ntable:\n  rows: { minimum: 1 }\n', 'schema.yaml:3: table.rows has an unknown key "minimum"; use one of min, max (did you mean "min"?)'],
    [
      'an unknown extra-column policy',
      'columns: {}\ntable:\n  columns: { extra: warning }\n',
      'schema.yaml:3: table.columns has extra "warning", which is not a policy for extra columns; use one of error, warn, ignore (did you mean "warn"?)',
    ],
    [
      'ignore for missing columns',
      'columns: {}\ntable:\n  columns: { missing: ignore }\n',
      'schema.yaml:3: table.columns has missing "ignore", which is not a policy for missing columns; use one of error, warn',
    ],
    ['table.key as text', 'columns: { id: {} }\ntable:\n  key: id\n', 'schema.yaml:3: table.key is the text "id", but it must be a list of column names; write it as a list, e.g. key: [id]'],
    ['table.key empty', 'columns: { id: {} }\ntable:\n  key: []\n', 'schema.yaml:3: table.key is an empty list; list the columns whose combined value must be unique, e.g. key: [id], or remove key'],
    [
      'table.key naming an undeclared column',
      'columns: { user_id: {} }\ntable:\n  key:\n    - userid\n',
      'schema.yaml:4: table.key names column "userid", which is not declared under columns; declare it under columns or correct the name (did you mean "user_id"?)',
    ],
    ['table.key with a repeat', 'columns: { id: {} }\ntable:\n  key: [id, id]\n', 'schema.yaml:3: table.key lists "id" twice; remove the repeat'],
    ['table.key with a number', 'columns: { "2024": {} }\ntable:\n  key: [2024]\n', 'schema.yaml:3: table.key lists the number 2024, which is not a column name; quote the column name: "2024"'],
  ])('%s', (_name, text, message) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });
});

describe('helpers', () => {
  test.each([
    ['integr', 'integer'],
    ['Integer', 'integer'],
    ['str', 'string'],
    ['datetim', 'datetime'],
    ['xyz', undefined],
  ])('closest(%j) among the types is %j', (word, near) => {
    expect(closest(word, ['integer', 'number', 'string', 'boolean', 'date', 'datetime', 'category'])).toBe(near);
  });

  test.each([
    ['2024-01-31', Date.UTC(2024, 0, 31)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2024-01-31T12:00', Date.UTC(2024, 0, 31, 12)],
    ['2024-01-31T12:00:00Z', Date.UTC(2024, 0, 31, 12)],
    ['2024-01-31T12:00:00.250+02:00', Date.UTC(2024, 0, 31, 10, 0, 0, 250)],
  ])('isoTime(%j)', (text, time) => {
    expect(isoTime(text)).toBe(time);
  });

  test('years below 100 are not read as 19xx', () => {
    expect(new Date(isoTime('0050-03-01') as number).getUTCFullYear()).toBe(50);
    expect(isoTime('0000-02-29')).toBeDefined();
  });

  test.each(['2023-02-29', '2024-04-31', '2024-1-31', '2024-01-31 12:00', '2024-01-31T24:00', 'today'])('isoTime(%j) is undefined', (text) => {
    expect(isoTime(text)).toBeUndefined();
  });
});

describe('loadSchema', () => {
  const root = mkdtempSync(join(tmpdir(), 'cd4ml-schema-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'schema.yaml'), EXAMPLE);

  test('reads the file and names it relative to the working directory with forward slashes', async () => {
    const schema = await loadSchema('data/schema.yaml', root);
    expect(schema.file).toBe('data/schema.yaml');
    expect(schema.positions.get('columns.age')).toEqual({ file: 'data/schema.yaml', line: 2 });
    expect((await loadSchema(join(root, 'data', 'schema.yaml'), root)).file).toBe('data/schema.yaml');
  });

  test('a missing file', async () => {
    await expect(loadSchema('data/nope.yaml', root)).rejects.toThrow(new InputError('schema: no such file: data/nope.yaml'));
  });

  test('a directory', async () => {
    await expect(loadSchema('data', root)).rejects.toThrow(new InputError('schema: data is a directory; name the schema file itself'));
  });

  test('mistakes name the file relative to the working directory', async () => {
    writeFileSync(join(root, 'data', 'bad.yaml'), 'columns:\n  age: { type: integr }\n');
    await expect(loadSchema('./data/bad.yaml', root)).rejects.toThrow(/^data\/bad\.yaml:2: column "age" has type "integr"/);
  });
});

describe('schemas/data-schema.json agrees with parseSchema', () => {
  const jsonSchema = JSON.parse(readFileSync(new URL('../../schemas/data-schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    // Editors only annotate `format: regex`; here it is checked as the parser checks it.
    formats: {
      regex: (text: string) => {
        try {
          new RegExp(text, 'u');
          return true;
        } catch {
          return false;
        }
      },
    },
  });
  const validate = ajv.compile(jsonSchema);

  function parses(text: string): boolean {
    try {
      parseSchema(text, 'schema.yaml');
      return true;
    } catch (error) {
      if (error instanceof InputError) return false;
      throw error;
    }
  }

  const valid = [
    EXAMPLE,
    'columns: {}\n',
    'version: 1\n$schema: https://cd4ml-actions.dev/schemas/data-schema.json\ncolumns:\n  a:\n  b: {}\n',
    'columns:\n  d: { type: date, min: 2020-01-01, exclusive_max: 2030-01-01T00:00:00Z }\n  t: { type: datetime, exclusive_min: 2024-01-31T12:00+02:00 }\n',
    'columns:\n  n: { type: integer, allowed: [1, 2, 3], min: 0, max: 9, mostly: 1, severity: warning }\n',
    'columns:\n  b: { type: boolean, allowed: [true, false], nullable: false, unique: false }\n',
    'columns:\n  s: { type: category, allowed: [a, 1, true], min_length: 0, max_length: 3, pattern: "^\\\\w+$", max_null_fraction: 0 }\n',
    'columns:\n  s: { allowed: [x], pattern: "x", min_length: 1 }\n',
    'columns:\n  id: {}\n  day: {}\ntable:\n  rows: { min: 0, max: 0 }\n  columns: { extra: ignore, missing: warn }\n  key: [id, day]\n',
    '{"columns": {"x": {"type": "number", "exclusive_min": -1.5, "max": 1e3}}, "table": {}}',
  ];
  const invalid = [
    '[]\n',
    'table: {}\n',
    'columns: []\n',
    'columns: {}\nversion: 2\n',
    'columns: {}\ncolums: {}\n',
    'columns:\n  "": {}\n',
    'columns:\n  a: integer\n',
    'columns:\n  a: { type: integr }\n',
    'columns:\n  a: { maxnull_fraction: 0.1 }\n',
    'columns:\n  a: { nullable: "yes" }\n',
    'columns:\n  a: { unique: 1 }\n',
    'columns:\n  a: { pattern: "(" }\n',
    'columns:\n  a: { pattern: 5 }\n',
    'columns:\n  a: { min: 1 }\n',
    'columns:\n  a: { type: integer, min: 1, exclusive_min: 0 }\n',
    'columns:\n  a: { type: number, max: 1, exclusive_max: 2 }\n',
    'columns:\n  a: { type: integer, min: "1" }\n',
    'columns:\n  a: { type: date, min: 5 }\n',
    'columns:\n  a: { type: date, max: 2024-13-01 }\n',
    'columns:\n  a: { type: datetime, max: "2024-01-31 12:00" }\n',
    'columns:\n  a: { max_null_fraction: 1.5 }\n',
    'columns:\n  a: { max_null_fraction: -0.5 }\n',
    'columns:\n  a: { mostly: 0 }\n',
    'columns:\n  a: { mostly: 1.01 }\n',
    'columns:\n  a: { min_length: -1 }\n',
    'columns:\n  a: { max_length: 1.5 }\n',
    'columns:\n  a: { allowed: US }\n',
    'columns:\n  a: { allowed: [] }\n',
    'columns:\n  a: { allowed: [null] }\n',
    'columns:\n  a: { allowed: [[1]] }\n',
    'columns:\n  a: { allowed: [x, x] }\n',
    'columns:\n  a: { type: integer, allowed: [x] }\n',
    'columns:\n  a: { type: integer, allowed: [1.5] }\n',
    'columns:\n  a: { type: boolean, allowed: [1] }\n',
    'columns:\n  a: { type: integer, pattern: x }\n',
    'columns:\n  a: { type: boolean, min: 0 }\n',
    'columns:\n  a: { type: string, max: 1 }\n',
    'columns:\n  a: { type: number, min_length: 1 }\n',
    'columns:\n  a: { type: date, max_length: 1 }\n',
    'columns:\n  a: { type: number, allowed: [1] }\n',
    'columns:\n  a: { type: datetime, allowed: ["2024-01-01"] }\n',
    'columns:\n  a: { severity: warn }\n',
    'columns: {}\ntable: []\n',
    'columns: {}\ntable: { row: {} }\n',
    'columns: {}\ntable: { rows: { min: -1 } }\n',
    'columns: {}\ntable: { rows: { max: 2.5 } }\n',
    'columns: {}\ntable: { rows: { minimum: 1 } }\n',
    'columns: {}\ntable: { columns: { extra: warning } }\n',
    'columns: {}\ntable: { columns: { missing: ignore } }\n',
    'columns: { id: {} }\ntable: { key: id }\n',
    'columns: { id: {} }\ntable: { key: [] }\n',
    'columns: { id: {} }\ntable: { key: [id, id] }\n',
    'columns: { "1": {} }\ntable: { key: [1] }\n',
  ];

  const documents: [string, boolean][] = [...valid.map((text): [string, boolean] => [text, true]), ...invalid.map((text): [string, boolean] => [text, false])];
  test.each(documents)('%j valid: %s', (text, expected) => {
    const byAjv = validate(parseYaml(text));
    expect({ ajv: byAjv, parser: parses(text) }).toEqual({ ajv: expected, parser: expected });
  });

  // What JSON Schema cannot express: the parser refuses these, the editor does not flag them.
  test.each([
    'columns:\n  a: { type: integer, min: 5, max: 1 }\n',
    'columns:\n  a: { type: date, min: 2023-02-29 }\n',
    'columns:\n  a: { min_length: 5, max_length: 1 }\n',
    'columns:\n  a: { allowed: [1, "1"] }\n',
    'columns: {}\ntable: { rows: { min: 5, max: 1 } }\n',
    'columns: { id: {} }\ntable: { key: [user] }\n',
  ])('only the parser refuses %j', (text) => {
    expect(validate(parseYaml(text))).toBe(true);
    expect(parses(text)).toBe(false);
  });
});
