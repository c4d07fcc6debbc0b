/**
 * Byte-range scans (what worker threads run) put together must equal one sequential read: rows,
 * profiles, failure counts, examples with their rows and lines, duplicates across ranges, and errors
 * with their absolute line numbers, also when a range boundary falls inside a quoted field.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { localFileSource } from '../../src/core/data/local-file.js';
import { profileDocument } from '../../src/core/profile/profile.js';
import { scanDataset } from '../../src/core/scan/scan-dataset.js';
import { evaluate } from '../../src/core/schema/evaluate.js';
import { parseSchema } from '../../src/core/schema/schema-file.js';
import { recordingLogger } from '../support/logger.js';

const directory = mkdtempSync(join(tmpdir(), 'cd4ml-ranges-'));
const schema = parseSchema(
  "columns:\n  id: { type: integer, unique: true }\n  note: { type: string, max_length: 30 }\n  v: { type: number, max: 0.95 }\n  k: {}\ntable:\n  key: [id, k]\n",
  'schema.yaml',
);

// Rows with multi-line quoted notes (some long, so range starts land inside them), repeated ids.
let csv = 'id,note,v,k\r\n';
let seed = 7;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
for (let i = 0; i < 3000; i += 1) {
  const id = i % 997 === 0 && i > 0 ? 5 : i;
  const note = i % 7 === 0 ? `"line one\nline, two\n${'x'.repeat(Math.floor(random() * 60))}"` : `plain ${i}`;
  csv += `${id},${note},${random().toFixed(3)},${(i % 997 === 0 && i > 0) || i === 5 ? 'dup' : i}\r\n`;
}
const path = join(directory, 'data.csv');
writeFileSync(path, csv);

async function scan(threads: number) {
  const source = await localFileSource(path);
  const logger = recordingLogger();
  const total = await scanDataset([source], { format: 'auto', schema, maxExamples: 5, threads, parallelMinBytes: 0, logger });
  return {
    rereads: logger.messages('debug').filter((message) => message.includes('in order (a range started inside a quoted field)')).length,
    rows: total.rows,
    profile: profileDocument(total.rows, total.sources, total.columns.map((name) => [name, total.profiles.get(name)!])).columns.map((column) => [column.name, column.count, column.nulls, column.state.categories, column.state.hll, column.state.length, column.state.numeric?.count, column.state.numeric?.min, column.state.numeric?.max]),
    findings: evaluate(schema, total).map((finding) => [finding.column, finding.rule, finding.failed, finding.examples]),
  };
}

test.each([2, 3, 5, 8, 13])('%i ranges give the same result as one sequential read', async (threads) => {
  const sequential = await scan(1);
  expect(sequential.rows).toBe(3000);
  const parallel = await scan(threads);
  expect(parallel.rows).toBe(sequential.rows);
  expect(sequential.findings.filter(([, rule]) => rule === 'unique' || rule === 'key').map(([, , failed]) => failed)).toEqual([3, 3]);
  expect(parallel.profile).toEqual(sequential.profile);
  // Duplicates across ranges too: the same counts and the same first examples, with their text and line.
  expect(parallel.findings).toEqual(sequential.findings);
});

test('ranges whose start fell inside a quoted field are read again in order', async () => {
  const results = await Promise.all([2, 3, 5, 8, 13, 21].map((threads) => scan(threads)));
  expect(results.reduce((sum, result) => sum + result.rereads, 0)).toBeGreaterThan(0);
  const sequential = await scan(1);
  for (const result of results) expect([result.rows, result.findings]).toEqual([sequential.rows, sequential.findings]);
});

test('an error in a later range reports its absolute line', async () => {
  const broken = join(directory, 'broken.csv');
  const body = Array.from({ length: 2000 }, (_, i) => `${i},a,${i}`);
  body[1500] = '1500,a';
  writeFileSync(broken, `id,note,v\n${body.join('\n')}\n`);
  const source = await localFileSource(broken);
  await expect(scanDataset([source], { format: 'auto', schema, maxExamples: 5, threads: 4, parallelMinBytes: 0, logger: recordingLogger() })).rejects.toThrow(
    `${broken}: line 1502 has 2 fields, but the header has 3;`,
  );
});
