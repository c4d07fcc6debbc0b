/**
 * validate-data's committed bundle on the example dataset, run as the runner runs it: outputs, job
 * summary, annotations on the schema's lines, the profile file, the sticky comment, and the verdict.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { unescapeData } from '../../src/cli/workflow-commands.js';
import { useFakeGitHub } from '../support/fake-github.js';
import { nodeRuntimes, runBundle } from '../support/runner.js';

const SCHEMA = 'examples/customers.schema.yaml';
const expected = JSON.parse(readFileSync('test/fixtures/reference/customers-broken.expected.json', 'utf8')) as { failed: { error: string[] } };
const schemaLines = readFileSync(SCHEMA, 'utf8').split('\n');
const lineOf = (pattern: RegExp): number => schemaLines.findIndex((line) => pattern.test(line)) + 1;

const fake = useFakeGitHub();

describe.each(nodeRuntimes())('under $name', (node) => {
  test('the example data passes its schema: outputs, summary and profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-vd-'));
    const profilePath = join(dir, 'profile.json');
    const run = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers.csv', schema: SCHEMA, 'profile-output': profilePath } });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ valid: 'true', errors: '0', warnings: '0', rows: '5000', profile: profilePath });
    const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as { format: string; version: number; rows: number; columns: { name: string; type: string }[] };
    expect([profile.format, profile.version, profile.rows, profile.columns.length]).toEqual(['cd4ml-profile', 1, 5000, 11]);
    const report = JSON.parse(readFileSync(run.outputs['report']!, 'utf8')) as { valid: boolean; findings: unknown[] };
    expect(report.valid).toBe(true);
    expect(report.findings).toHaveLength(39);
    expect(run.summary).toContain('### ✅ Data validation passed');
    expect(run.summary).toContain('<details><summary>39 checks passed</summary>');
    expect(run.summary).toMatch(/\| `country` +\| category +\| +0 \| +7 \|/);
  });

  test('a broken copy fails with the right counts, one annotation per failed rule at its schema line', async () => {
    const run = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers-broken.csv', schema: SCHEMA } });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ valid: 'false', errors: String(expected.failed.error.length), warnings: '0', rows: '5000' });
    const annotations = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error file='))
      .map((line) => unescapeData(line));
    expect(annotations).toHaveLength(8);
    expect(annotations).toContain(
      `::error file=${SCHEMA},line=${lineOf(/^\s+age:/)}::column "age": 3 of 5000 rows (0.06%) break min (≥ 18); e.g. row 1: "17", row 4504: "16", row 4853: "0".`,
    );
    expect(annotations.some((line) => line.startsWith(`::error file=${SCHEMA},line=${lineOf(/^\s+key:/)}::table: 3 of 5000 rows`))).toBe(true);
    expect(run.errors.at(-1)).toBe(
      'validate-data: the data breaks its schema: table: 3 of 5000 rows (0.06%) break key (unique (customer_id)); e.g. row 2395: "136558", row 2856: "141293", row 4617: "177406". (and 7 more failed checks; see the job summary)',
    );
    expect(run.summary).toContain('### ❌ Data validation failed: 8 errors');
    expect(run.summary).toContain('| ❌ | `country` allowed');
    expect(existsSync(run.outputs['profile']!)).toBe(true);
  });

  test('fail-on: never reports without failing; warning fails on warnings too', async () => {
    const never = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers-broken.csv', schema: SCHEMA, 'fail-on': 'never' } });
    expect([never.code, never.outputs['valid'], never.outputs['errors']]).toEqual([0, 'false', '8']);
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-vd-'));
    const strict = join(dir, 'strict.yaml');
    writeFileSync(strict, 'columns:\n  support_tickets: { type: integer, max: 3, severity: warning }\ntable:\n  columns: { extra: ignore }\n');
    const warned = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers.csv', schema: strict, 'fail-on': 'warning' } });
    expect([warned.code, warned.outputs['valid'], warned.outputs['warnings']]).toEqual([1, 'false', '1']);
    const lenient = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers.csv', schema: strict } });
    expect([lenient.code, lenient.outputs['valid'], lenient.outputs['warnings']]).toEqual([0, 'true', '1']);
  });

  test('byte ranges in worker threads give the same verdict as one thread', async () => {
    const env = { CD4ML_THREADS: '3', CD4ML_PARALLEL_MIN_BYTES: '1' };
    const run = await runBundle('validate-data', { node, apiUrl: fake().url, env, inputs: { data: 'examples/data/customers-broken.csv', schema: SCHEMA, 'fail-on': 'never' } });
    const single = await runBundle('validate-data', { node, apiUrl: fake().url, env: { CD4ML_THREADS: '1' }, inputs: { data: 'examples/data/customers-broken.csv', schema: SCHEMA, 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const counts = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { findings: { column: string; rule: string; failed: number; checked: number }[] }).findings.map((f) => [f.column, f.rule, f.failed, f.checked]);
    expect(counts(run.outputs['report']!)).toEqual(counts(single.outputs['report']!));
    const columns = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { columns: { name: string; count: number; nulls: number; distinct: unknown; summary: { mean?: number } }[] }).columns.map((c) => [c.name, c.count, c.nulls, c.distinct]);
    expect(columns(run.outputs['profile']!)).toEqual(columns(single.outputs['profile']!));
  });

  test('write-schema infers a schema the same data passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-vd-'));
    const schema = join(dir, 'inferred.yaml');
    const infer = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers.csv', 'write-schema': schema } });
    expect(infer.code).toBe(0);
    expect(readFileSync(schema, 'utf8')).toContain('  plan:            { type: category, nullable: false, allowed: [basic, premium, standard] }');
    const check = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers.csv', schema } });
    expect([check.code, check.outputs['errors'], check.outputs['warnings']]).toEqual([0, '0', '0']);
    const broken = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers-broken.csv', schema } });
    expect(broken.code).toBe(1);
  });

  test('bad data fails with one line and leaves an existing profile untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd4ml-vd-'));
    const data = join(dir, 'ragged.csv');
    writeFileSync(data, 'a,b\n1,2\n3\n');
    const profilePath = join(dir, 'profile.json');
    writeFileSync(profilePath, '{"kept": true}\n');
    const run = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data, 'profile-output': profilePath } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([`validate-data: ${data}: line 3 has 1 field, but the header has 2; every row needs one field per column (quote fields that contain the delimiter).`]);
    expect(readFileSync(profilePath, 'utf8')).toBe('{"kept": true}\n');
    expect(run.outputs).toEqual({});
  });

  test('comment: true posts the report as a sticky comment on the pull request', async () => {
    const before = fake().comments.length;
    const run = await runBundle('validate-data', { node, apiUrl: fake().url, inputs: { data: 'examples/data/customers-broken.csv', schema: SCHEMA, comment: 'true', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    const comments = fake().comments.slice(before);
    expect(comments.length).toBeLessThanOrEqual(1);
    const all = fake().comments.map((comment) => comment.body);
    expect(all.some((body) => body.includes('### ❌ Data validation failed: 8 errors') && body.includes('validate-data'))).toBe(true);
  });
});
