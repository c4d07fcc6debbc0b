/**
 * The local deploy target end to end: the model server on a loopback port serving the example churn
 * models (churn-v1 live, churn-v2 candidate) over real HTTP, driven by the target through state.json,
 * with rows from examples/data/customers.csv; and the shadow replay of v1 against v2, checked against
 * the same comparison computed here from the project's scorer.
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { localFileSource } from '../../src/core/data/local-file.js';
import { jensenShannonDistance } from '../../src/core/drift/jensen-shannon.js';
import { readEvaluationTable } from '../../src/core/evaluation/evaluation-table.js';
import { openModel, planInputs, releaseModel, scoreModel } from '../../src/core/inference/score-model.js';
import { parsePrometheusText, scrapeOf } from '../../src/core/deploy/local-metrics.js';
import { startModelServer, type ModelServer } from '../../src/core/deploy/local-server.js';
import { writeState } from '../../src/core/deploy/local-state.js';
import { createLocalTarget, deploymentDirectory, type LocalTarget } from '../../src/core/deploy/local-target.js';
import { renderReplayMarkdown, replayRequests } from '../../src/core/deploy/replay.js';
import type { Clock } from '../../src/core/deploy/types.js';
import { recordingLogger } from '../support/logger.js';
import { seeded } from '../support/random.js';

const examples = join(import.meta.dirname, '../../examples');
const CSV = join(examples, 'data/customers.csv');
const churn = (version: number): string => join(examples, `models/churn-v${version}.onnx`);
const fixture = (name: string): string => join(import.meta.dirname, '../fixtures/models', name);
const FEATURES = ['age', 'tenure_months', 'monthly_spend', 'support_tickets'];

type Row = Record<string, number | null>;

/** The feature columns of the CSV as JSON rows: an empty cell is null (a missing value). */
async function csvRows(): Promise<Row[]> {
  const [header = '', ...lines] = (await readFile(CSV, 'utf8')).trim().split('\n');
  const columns = header.split(',');
  const at = FEATURES.map((name) => columns.indexOf(name));
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(FEATURES.map((name, j) => [name, cells[at[j]!] === '' ? null : Number(cells[at[j]!])]));
  });
}

/** The example models' P(churn) for every CSV row, scored as evaluate-gate scores them. */
async function scoreCsv(version: number): Promise<Float64Array> {
  const model = await openModel(churn(version));
  try {
    const plan = planInputs(model, FEATURES, FEATURES);
    const table = await readEvaluationTable([await localFileSource(CSV, 'customers.csv')], { format: 'auto', features: FEATURES, categorical: [] });
    return (await scoreModel(model, plan, table)).values;
  } finally {
    await releaseModel(model);
  }
}

/** Counts in 20 equal-width bins on [0, 1] (the last closed). */
function bins(values: ArrayLike<number>): number[] {
  const counts = new Array<number>(20).fill(0);
  for (let i = 0; i < values.length; i += 1) counts[Math.min(19, Math.floor(values[i]! * 20))]! += 1;
  return counts;
}

interface Answer {
  status: number;
  body: { version?: number; predictions?: number[]; error?: string };
}

async function post(server: ModelServer, body: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}/predict`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function getJson(server: ModelServer, path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return response.json();
}

async function scrape(server: ModelServer) {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return scrapeOf(parsePrometheusText(await response.text(), 'metrics'));
}

describe('model server on the example churn models', () => {
  let rows: Row[];
  let v1: Float64Array;
  let v2: Float64Array;
  let root: string;
  let home: string;
  let server: ModelServer;
  let target: LocalTarget;
  const logger = recordingLogger();
  let now = 1_000_000;
  const clock: Clock = { now: () => now, sleep: async (ms) => void (now += ms) };

  beforeAll(async () => {
    rows = await csvRows();
    [v1, v2] = await Promise.all([scoreCsv(1), scoreCsv(2)]);
    root = await mkdtemp(join(tmpdir(), 'cd4ml-serve-'));
    home = deploymentDirectory(root, 'churn');
    const fetchModel = async (version: number): Promise<string> => {
      await mkdir(join(home, 'versions', String(version)), { recursive: true });
      const destination = join(home, 'versions', String(version), 'model.onnx');
      await copyFile(churn(version), destination);
      return destination;
    };
    // The first deployment, before any server runs; then the server, and a target reading its metrics.
    const setup = createLocalTarget({ directory: root, endpoint: 'churn', fetchModel, features: FEATURES, clock, logger });
    await setup.promote(1);
    await setup.route(2, 30);
    server = await startModelServer({ directory: home, port: 0, features: FEATURES, logger, random: seeded(2024) });
    target = createLocalTarget({ directory: root, endpoint: 'churn', fetchModel, features: FEATURES, clock, logger, metricsUrl: `${server.url}/metrics` });
  });

  afterAll(async () => {
    await server?.close();
  });

  test('GET /health names the live version, the candidate and its share', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', live: 1, candidate: 2, percent: 30 });
  });

  test('POST /predict splits 30% to the candidate (300 requests, within 4 standard deviations) and each version answers as its model scores', async () => {
    const answers: Answer[] = [];
    for (let start = 0; start < 300; start += 25) {
      answers.push(...(await Promise.all(rows.slice(start, start + 25).map((row) => post(server, row)))));
    }
    let candidate = 0;
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(200);
      const expected = answer.body.version === 2 ? v2 : v1;
      if (answer.body.version === 2) candidate += 1;
      expect(answer.body.predictions).toHaveLength(1);
      expect(answer.body.predictions![0]).toBeCloseTo(expected[i]!, 6);
    });
    expect(Math.abs(candidate - 90)).toBeLessThanOrEqual(4 * Math.sqrt(300 * 0.3 * 0.7));
    const metrics = await scrape(server);
    expect(metrics.versions.get(1)).toMatchObject({ ok: 300 - candidate, error: 0, duration: { count: 300 - candidate }, predictions: { count: 300 - candidate } });
    expect(metrics.versions.get(2)).toMatchObject({ ok: candidate, error: 0, duration: { count: candidate } });
  });

  test('a batch of rows is answered by one version, one prediction per row', async () => {
    const answer = await post(server, { rows: rows.slice(1000, 1050) });
    expect(answer.status).toBe(200);
    const expected = answer.body.version === 2 ? v2 : v1;
    expect(answer.body.predictions).toHaveLength(50);
    answer.body.predictions!.forEach((p, i) => expect(p).toBeCloseTo(expected[1000 + i]!, 6));
  });

  test('bad requests get a one-line 400 and count as client errors, not against a version', async () => {
    const before = await scrape(server);
    const cases: Array<[unknown, RegExp]> = [
      ['{"rows": [', /^The request body is not JSON/],
      [{ rows: [{ age: 30, tenure_months: 5, monthly_spend: 20 }] }, /^row 1: feature "support_tickets" is missing; every row needs age, tenure_months, monthly_spend, support_tickets/],
      [{ rows: [] }, /"rows" is empty/],
    ];
    for (const [body, message] of cases) {
      const answer = await post(server, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(message);
      expect(answer.body.error).not.toContain('\n');
    }
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    const wrongMethod = await fetch(`${server.url}/predict`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const after = await scrape(server);
    expect(after.clientErrors - before.clientErrors).toBe(3);
    for (const version of [1, 2]) {
      expect(after.versions.get(version)?.ok).toBe(before.versions.get(version)?.ok);
      expect(after.versions.get(version)?.error).toBe(0);
    }
  });

  test("the target's health counts what happened since the step began, from the server's /metrics", async () => {
    now += 1000;
    const since = now;
    await target.route(2, 30); // the step begins: a baseline scrape
    now += 60_000;
    const answers = await Promise.all(rows.slice(2000, 2200).map((row) => post(server, row)));
    const candidate = answers.filter((answer) => answer.body.version === 2).length;
    const health = await target.health(2, since);
    expect(health.candidate).toMatchObject({ requests: candidate, errors: 0 });
    expect(health.live).toMatchObject({ requests: 200 - candidate, errors: 0 });
    expect(health.candidate.latencyP95Ms).toBeGreaterThan(0);
    expect(health.candidate.latencyP95Ms).toBeLessThanOrEqual(10_000);
    expect(health.predictionDrift).toBeGreaterThanOrEqual(0);
    expect(health.predictionDrift).toBeLessThan(1);
  });

  test('shadow: live answers, the candidate scores the same rows, and the drift is that of the two models on those rows', async () => {
    now += 1000;
    const since = now;
    await target.route(2, 0, 100);
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', live: 1, candidate: 2, percent: 0, mirrorPercent: 100 });
    const answers = await Promise.all(rows.slice(3000, 3100).map((row) => post(server, row)));
    expect(answers.every((answer) => answer.status === 200 && answer.body.version === 1)).toBe(true);
    await server.settled();
    const health = await target.health(2, since);
    expect(health.candidate).toMatchObject({ requests: 100, errors: 0 });
    expect(health.live).toMatchObject({ requests: 100, errors: 0 });
    const expected = jensenShannonDistance(bins(v2.subarray(3000, 3100)), bins(v1.subarray(3000, 3100)), 2);
    expect(health.predictionDrift).toBeCloseTo(expected, 9);
  });

  test('a rollback takes effect on the very next request', async () => {
    await target.route(2, 100);
    expect((await post(server, rows[0])).body.version).toBe(2);
    await target.rollback(2);
    for (let i = 0; i < 20; i += 1) expect((await post(server, rows[i])).body.version).toBe(1);
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', live: 1, candidate: null, percent: 0 });
    const metrics = await scrape(server);
    expect(metrics.versions.get(2)?.ok).toBeGreaterThan(0); // its counters stay; its traffic gauge goes
  });

  test('a state naming a model that cannot load leaves the previous state serving', async () => {
    await mkdir(join(home, 'versions', '3'), { recursive: true });
    await writeFile(join(home, 'versions', '3', 'model.onnx'), 'not a model');
    await writeState(home, { live: { version: 1, modelPath: 'versions/1/model.onnx' }, candidate: { version: 3, modelPath: 'versions/3/model.onnx', percent: 100 }, updatedAt: new Date(now).toISOString() });
    for (let i = 0; i < 5; i += 1) expect((await post(server, rows[i])).body.version).toBe(1);
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', live: 1, candidate: null, percent: 0 });
    expect(logger.messages('error').filter((message) => /version 3 .* is not a model onnxruntime can load.*keeps serving version 1/.test(message))).toHaveLength(1);
    await target.rollback(3);
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', live: 1, candidate: null, percent: 0 });
  });

  test('promote: the candidate answers everything from the next request on', async () => {
    await target.route(2, 10);
    await target.promote(2);
    for (let i = 0; i < 10; i += 1) expect((await post(server, rows[i])).body.version).toBe(2);
    expect(await getJson(server, '/health')).toEqual({ status: 'ok', live: 2, candidate: null, percent: 0 });
    expect(await target.liveVersion()).toBe(2);
  });
});

describe('model failures', () => {
  test('a model that fails answers 500 and counts as an error of its version; the other version is unaffected', async () => {
    const home = await mkdtemp(join(tmpdir(), 'cd4ml-serve-fail-'));
    // nan.onnx: log(a + b), NaN for a + b < 0; linear_regression.onnx takes the same two features.
    await writeState(home, { live: { version: 1, modelPath: fixture('nan.onnx') }, candidate: { version: 2, modelPath: fixture('linear_regression.onnx'), percent: 50 }, updatedAt: '2024-07-01T00:00:00.000Z' });
    let turn = 0;
    const logger = recordingLogger();
    const server = await startModelServer({ directory: home, port: 0, features: ['a', 'b'], logger, random: () => (turn++ % 2 === 0 ? 0.9 : 0.1) });
    try {
      const toLive = await post(server, { a: -5, b: 1 });
      expect(toLive.status).toBe(500);
      expect(toLive.body).toMatchObject({ version: 1, error: expect.stringMatching(/^version 1 \(.*nan\.onnx\): output "value" is NaN or infinite on 1 row/) as string });
      const toCandidate = await post(server, { a: -5, b: 1 });
      expect(toCandidate).toEqual({ status: 200, body: { version: 2, predictions: [-12.5] } });
      const metrics = await scrape(server);
      expect(metrics.versions.get(1)).toMatchObject({ ok: 0, error: 1, duration: { count: 1 } });
      expect(metrics.versions.get(2)).toMatchObject({ ok: 1, error: 0 });
      expect(metrics.clientErrors).toBe(0);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  test('a directory without state.json is refused at start', async () => {
    const home = await mkdtemp(join(tmpdir(), 'cd4ml-serve-empty-'));
    await expect(startModelServer({ directory: home, port: 0, logger: recordingLogger() })).rejects.toThrow(/No deployment in .*state\.json does not exist/);
  });
});

describe('shadow replay of the example models', () => {
  let requestsFile: string;
  let v1: Float64Array;
  let v2: Float64Array;

  beforeAll(async () => {
    const rows = await csvRows();
    [v1, v2] = await Promise.all([scoreCsv(1), scoreCsv(2)]);
    // 5,000 rows: 90 requests of 50 rows, then 500 single-row requests.
    const lines: string[] = [];
    for (let start = 0; start < 4500; start += 50) lines.push(JSON.stringify({ rows: rows.slice(start, start + 50) }));
    for (const row of rows.slice(4500)) lines.push(JSON.stringify(row));
    requestsFile = join(await mkdtemp(join(tmpdir(), 'cd4ml-replay-')), 'requests.jsonl');
    await writeFile(requestsFile, `${lines.join('\n')}\n`);
  });

  test('v1 against v2: agreement and drift as computed from the scorer directly', async () => {
    const result = await replayRequests({ requestsFile, live: churn(1), candidate: churn(2), features: FEATURES, logger: recordingLogger() });
    let agree = 0;
    for (let i = 0; i < v1.length; i += 1) if (v1[i]! >= 0.5 === v2[i]! >= 0.5) agree += 1;
    const drift = jensenShannonDistance(bins(v2), bins(v1), 2);
    expect(result).toMatchObject({ requests: 590, rows: 5000, compared: 5000, rejected: 0, comparison: 'probability', errors: { live: 0, candidate: 0 } });
    expect(result.agreement).toBeCloseTo(agree / 5000, 12);
    expect(result.predictionDrift).toBeCloseTo(drift, 12);
    // The example's v2 changes some decisions, not most of them.
    expect(result.agreement).toBeGreaterThan(0.8);
    expect(result.agreement).toBeLessThan(1);
    expect(result.predictionDrift).toBeGreaterThan(0);
    expect(result.predictionDrift).toBeLessThan(0.5);
    for (const side of [result.latency.live, result.latency.candidate]) {
      expect(side.p50).toBeGreaterThan(0);
      expect(side.p50).toBeLessThanOrEqual(side.p95);
      expect(side.p95).toBeLessThanOrEqual(side.p99);
    }
    const markdown = renderReplayMarkdown(result);
    expect(markdown).toContain('Replayed 590 requests (5,000 rows) from `requests.jsonl` through both models.');
    expect(markdown).toContain('| Model | `churn-v1.onnx`');
    expect(markdown).toMatch(/- \*\*Agreement: [\d.]+%\*\* of the 5,000 rows both models answered get the same predicted class \(p ≥ 0\.5/);
    expect(markdown).toContain('over 20 equal-width bins on [0, 1])');
  });

  test('v1 against itself: agreement 1, drift 0', async () => {
    const result = await replayRequests({ requestsFile, live: churn(1), candidate: churn(1), features: FEATURES, logger: recordingLogger() });
    expect(result).toMatchObject({ rows: 5000, agreement: 1, predictionDrift: 0, errors: { live: 0, candidate: 0 } });
  });
});
