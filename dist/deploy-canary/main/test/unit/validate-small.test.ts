/** Each rule and each bad input on small hand-written files, with exact counts and messages. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeFinding, type Finding } from '../../src/core/schema/evaluate.js';
import { renderValidationMarkdown } from '../../src/core/report/validation-report.js';
import { validateDataset } from '../../src/core/scan/validate-dataset.js';
import { recordingLogger } from '../support/logger.js';
import { inferSchema } from '../../src/core/schema/infer-schema.js';
import { validate } from '../support/validate.js';

const directory = mkdtempSync(join(tmpdir(), 'cd4ml-validate-'));
let counter = 0;
function file(content: string | Buffer, extension = 'csv'): string {
  const path = join(directory, `f${(counter += 1)}.${extension}`);
  writeFileSync(path, content);
  return path;
}

async function findings(csv: string, schema: string, extension = 'csv'): Promise<Finding[]> {
  const { report } = await validate(file(csv, extension), file(schema, 'yaml'), { cwd: directory });
  return report.findings;
}

const failedLines = (list: Finding[]): string[] => list.filter((finding) => !finding.passed).map(describeFinding);

describe('column rules', () => {
  test('exclusive bounds, lengths and nullability', async () => {
    const csv = 'x,name\n0,ab\n0.5,abcdef\n1,\n1.5,"Zoë"\n';
    const result = await findings(csv, 'columns:\n  x: { type: number, exclusive_min: 0, exclusive_max: 1.5 }\n  name: { type: string, min_length: 3, max_length: 5, nullable: false }\n');
    expect(failedLines(result)).toEqual([
      'column "x": 1 of 4 rows (25%) break exclusive_min (> 0); e.g. row 1: "0".',
      'column "x": 1 of 4 rows (25%) break exclusive_max (< 1.5); e.g. row 4: "1.5".',
      'column "name": 1 of 4 rows (25%) break nullable (no nulls); e.g. row 3: null.',
      'column "name": 1 of 3 rows (33.3%) break min_length (at least 3 characters); e.g. row 1: "ab".',
      'column "name": 1 of 3 rows (33.3%) break max_length (at most 5 characters); e.g. row 2: "abcdef".',
    ]);
  });

  test('types: boolean, date and datetime; a value of the wrong type is not range-checked', async () => {
    const csv = 'flag,day,at\ntrue,2024-01-31,2024-01-31T10:00:00Z\nyes,2024-02-30,2024-01-31\nFALSE,2023-12-31,noon\n';
    const result = await findings(csv, "columns:\n  flag: { type: boolean }\n  day: { type: date, min: '2024-01-01' }\n  at: { type: datetime }\n");
    expect(failedLines(result)).toEqual([
      'column "flag": 1 of 3 rows (33.3%) break type (boolean); e.g. row 2: "yes".',
      'column "day": 1 of 3 rows (33.3%) break type (date); e.g. row 2: "2024-02-30".',
      'column "day": 1 of 3 rows (33.3%) break min (≥ 2024-01-01); e.g. row 3: "2023-12-31".',
      'column "at": 1 of 3 rows (33.3%) break type (datetime); e.g. row 3: "noon".',
    ]);
  });

  test('mostly tolerates a share of failures, and says so when that share is exceeded', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => (i < 3 ? 'XX' : 'US')).join('\n');
    const schema = (mostly: number) => `columns:\n  c: { type: category, allowed: [US], mostly: ${mostly} }\n`;
    expect(failedLines(await findings(`c\n${rows}\n`, schema(0.97)))).toEqual([]);
    expect(failedLines(await findings(`c\n${rows}\n`, schema(0.98)))).toEqual([
      'column "c": 3 of 100 rows (3%) break allowed (one of US); at most 2% may fail (mostly: 0.98); e.g. row 1: "XX", row 2: "XX", row 3: "XX".',
    ]);
  });

  test('severity: warning makes a failure a warning', async () => {
    const { report } = await validate(file('n\n1\n99\n'), file('columns:\n  n: { type: integer, max: 10, severity: warning }\n', 'yaml'), { cwd: directory });
    expect([report.errors, report.warnings, report.valid]).toEqual([0, 1, true]);
  });

  test('examples stop at max-examples; counts do not', async () => {
    const csv = `v\n${Array.from({ length: 50 }, (_, i) => i).join('\n')}\n`;
    const { report } = await validate(file(csv), file('columns:\n  v: { type: integer, max: 9 }\n', 'yaml'), { cwd: directory, maxExamples: 2 });
    expect(report.findings.find((finding) => finding.rule === 'max')).toMatchObject({ failed: 40, examples: [{ row: 11, value: '10' }, { row: 12, value: '11' }] });
  });
});

describe('table rules', () => {
  test('row bounds, missing and extra columns, composite key', async () => {
    const csv = 'a,b,c,extra\n1,x,1,0\n1,y,1,0\n1,x,1,0\n1,x,2,0\n';
    const schema = 'columns:\n  a: { type: integer }\n  b: {}\n  c: {}\n  gone: {}\ntable:\n  rows: { min: 1, max: 3 }\n  columns: { extra: error, missing: warn }\n  key: [a, b, c]\n';
    const result = await findings(csv, schema);
    expect(failedLines(result)).toEqual([
      'table: 4 rows, expected ≥ 1 and ≤ 3 rows.',
      'table: 1 schema column is missing from the data: gone.',
      'table: 1 column is not in the schema: extra.',
      'table: 1 of 4 rows (25%) break key (unique (a, b, c)); e.g. row 3: "1, x, 1".',
    ]);
    expect(result.find((finding) => finding.rule === 'columns.missing')?.severity).toBe('warning');
    expect(result.find((finding) => finding.rule === 'columns.extra')?.severity).toBe('error');
  });

  test('duplicates: their text and line as written, in any format and across files', async () => {
    const schema = file('columns:\n  id: { unique: true }\n  name: { unique: true }\ntable:\n  key: [id, name]\n', 'yaml');
    const csv = file('id,name\n1,"a\nb"\n2,"say ""hi"""\n1.50,x\n1.5,"say ""hi"""\n2,"a\nb"\n');
    const jsonl = file('{"id":7,"name":"x"}\n\n{"id":1.5,"name":"y"}\n{"id":7,"name":"x"}\n', 'jsonl');
    const lines = (finding: Finding | undefined) => finding?.examples.map((example) => `${example.source ?? ''}:${example.row}@${example.line}=${example.value}`);
    const one = (await validate(csv, schema, { cwd: directory })).report.findings;
    expect(lines(one.find((finding) => finding.column === 'id' && finding.rule === 'unique'))).toEqual([':4@6=1.5', ':5@7=2']);
    expect(lines(one.find((finding) => finding.column === 'name' && finding.rule === 'unique'))).toEqual([':4@6=say "hi"', ':5@7=a\nb']);
    expect(lines(one.find((finding) => finding.rule === 'key'))).toEqual([]);
    const both = (await validate([csv, jsonl], schema, { cwd: directory })).report.findings;
    expect(lines(both.find((finding) => finding.column === 'id' && finding.rule === 'unique'))).toEqual([`${csv}:4@6=1.5`, `${csv}:5@7=2`, `${jsonl}:2@3=1.5`, `${jsonl}:3@4=7`]);
    expect(lines(both.find((finding) => finding.rule === 'key'))).toEqual([`${jsonl}:3@4=7, x`]);
  });

  test('extra columns are a warning by default and can be ignored', async () => {
    const base = (policy: string) => `columns:\n  a: {}\n${policy}`;
    expect((await findings('a,b\n1,2\n', base(''))).map((finding) => [finding.rule, finding.severity])).toEqual([['columns.extra', 'warning']]);
    expect(await findings('a,b\n1,2\n', base('table:\n  columns: { extra: ignore }\n'))).toEqual([]);
  });
});

describe('formats', () => {
  test('TSV, JSON Lines and quoted CSV give the same profile', async () => {
    const csv = await validate(file('id,name,score\n1,"Doe, Jane",0.5\n2,"say ""hi""",\n'), undefined, { cwd: directory });
    const tsv = await validate(file('id\tname\tscore\n1\tDoe, Jane\t0.5\n2\tsay "hi"\t\n', 'tsv'), undefined, { cwd: directory });
    const jsonl = await validate(file('{"id":1,"name":"Doe, Jane","score":0.5}\n{"id":2,"name":"say \\"hi\\"","score":null}\n', 'jsonl'), undefined, { cwd: directory });
    const shape = (profile: typeof csv.profile) => profile.columns.map((column) => [column.name, column.type, column.count, column.nulls, column.state.categories]);
    expect(shape(tsv.profile)).toEqual(shape(csv.profile));
    expect(shape(jsonl.profile)).toEqual(shape(csv.profile));
    expect(shape(csv.profile)[1]).toEqual(['name', 'string', 2, 0, [['Doe, Jane', 1], ['say "hi"', 1]]]);
  });
});

describe('bad input: one line, naming the file and what to fix', () => {
  test.each([
    ['an empty file', '', 'the file is empty; expected a header row naming the columns, then data rows.'],
    ['a header only', 'a,b\n', 'the file has a header but no data rows.'],
    ['a ragged row', 'a,b\n1,2\n3\n', 'line 3 has 1 field, but the header has 2; every row needs one field per column (quote fields that contain the delimiter).'],
    ['an unterminated quote', 'a,b\n1,"open\n2,3\n', 'unterminated quoted field starting on line 2; close the quote, and write a quote inside a field as "".'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('a\nok\n'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]), 'invalid UTF-8 near line 3; save the file as UTF-8 and try again.'],
    ['duplicate header names', 'a,b,a\n1,2,3\n', 'the header names column "a" twice (columns 1 and 3); column names must be unique.'],
    ['an unnamed column', 'a,,c\n1,2,3\n', 'column 2 has no name in the header; give every column a name.'],
  ])('%s', async (_name, content, message) => {
    const path = file(content);
    await expect(validate(path)).rejects.toThrow(`${path}: ${message}`);
  });

  test('a truncated Parquet file', async () => {
    const path = file(Buffer.from('PAR1 not really parquet'), 'parquet');
    await expect(validate(path)).rejects.toThrow(new RegExp(`^${path}: not a readable Parquet file \\(.+\\); check that the upload finished and the file is complete`));
  });

  test.each([
    ['an unknown type', 'columns:\n  a: { type: text }\n', ':2: column "a" has type "text", which is not a column type'],
    ['a regex that does not compile', "columns:\n  a: { type: string, pattern: '([a-z' }\n", ':2: column "a" has a pattern that is not a valid regular expression'],
  ])('a schema with %s', async (_name, schema, message) => {
    const path = file(schema, 'yaml');
    await expect(validate(file('a\n1\n'), path, { cwd: directory })).rejects.toThrow(message);
  });
});

describe('review regressions', () => {
  test('allowed and pattern judge each spelling of a number or boolean, whatever comes first', async () => {
    const schema = "columns:\n  zip: { type: string, pattern: '^\\d{5}$' }\n  flag: { type: string, allowed: ['true'] }\n";
    for (const csv of ['zip,flag\n01234,true\n1234,TRUE\n', 'zip,flag\n1234,TRUE\n01234,true\n']) {
      const failed = (await findings(csv, schema)).filter((finding) => !finding.passed).map((finding) => [finding.column, finding.rule, finding.failed]);
      expect(failed).toEqual([
        ['zip', 'pattern', 1],
        ['flag', 'allowed', 1],
      ]);
    }
  });

  test('a pipe in a rule does not break the summary table', async () => {
    const { report, profile } = await validate(file('c\nx|y\nz\n'), file("columns:\n  c: { type: string, pattern: '^(a|b)$' }\n", 'yaml'), { cwd: directory });
    const row = renderValidationMarkdown(report, profile).split('\n').find((line) => line.includes('`c` pattern'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  test('the report is invalid on warnings when fail-on is warning', async () => {
    const data = file('n\n99\n');
    const schema = file('columns:\n  n: { type: integer, max: 10, severity: warning }\n', 'yaml');
    const strict = await validateDataset({ data: [data], format: 'auto', schema, cwd: directory, maxExamples: 5, failOn: 'warning', threads: 1, logger: recordingLogger() });
    const lenient = await validate(data, schema, { cwd: directory });
    expect([strict.report.valid, lenient.report.valid]).toEqual([false, true]);
  });
});

test('an inferred schema loads and passes its own data: datetimes with a space or an offset, numeric-looking categories', async () => {
  const rows = Array.from({ length: 40 }, (_, i) => `${['007', '7', 'abc', '1.50'][i % 4]},${i % 2 === 0 ? '2024-01-01 10:00:00' : '2024-01-02T09:00:00+0530'}`);
  const data = file(`code,at\n${rows.join('\n')}\n`);
  const { profile } = await validate(data, undefined, { cwd: directory });
  const schema = file(inferSchema(profile), 'yaml');
  const { report } = await validate(data, schema, { cwd: directory });
  expect(report.findings.filter((finding) => !finding.passed)).toEqual([]);
  expect(report.findings.map((finding) => `${finding.column}.${finding.rule}`)).toContain('at.min');
});
