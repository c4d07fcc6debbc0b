/**
 * The local deploy target's parts without a server: routing draws, state.json transitions, the
 * Prometheus text (render, parse, deltas), quantiles from a histogram, prediction drift, the target's
 * health from in-process counters, request parsing, and the replay's comparison rules on the fixture
 * models (test/fixtures/models).
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { openModel, releaseModel } from '../../src/core/inference/model-signature.js';
import { chooseRoute, type DeployState, parseState, readState, statePath, writeState } from '../../src/core/deploy/local-state.js';
import {
  DURATION_BUCKETS,
  Histogram,
  histogramDrift,
  histogramQuantile,
  parsePrometheusText,
  PREDICTION_BUCKETS,
  scrapeDelta,
  scrapeOf,
  ServerMetrics,
} from '../../src/core/deploy/local-metrics.js';
import { createLocalTarget, deploymentDirectory } from '../../src/core/deploy/local-target.js';
import { featureMatrix, parseRequest, planServing, RequestError } from '../../src/core/deploy/predict.js';
import { quantileSorted, renderReplayMarkdown, replayRequests } from '../../src/core/deploy/replay.js';
import type { Clock } from '../../src/core/deploy/types.js';
import { recordingLogger } from '../support/logger.js';
import { seeded } from '../support/random.js';

const churn = (version: number): string => join(import.meta.dirname, `../../examples/models/churn-v${version}.onnx`);
const fixture = (name: string): string => join(import.meta.dirname, '../fixtures/models', name);
const FEATURES = ['age', 'tenure_months', 'monthly_spend', 'support_tickets'];

function fakeClock(start = 1_000_000): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

const state = (percent: number, mirrorPercent?: number): DeployState => ({
  live: { version: 1, modelPath: 'v1.onnx' },
  candidate: { version: 2, modelPath: 'v2.onnx', percent, ...(mirrorPercent === undefined ? {} : { mirrorPercent }) },
  updatedAt: '2024-07-01T00:00:00.000Z',
});

describe('routing', () => {
  // 10,000 Bernoulli(p) draws: the count's standard deviation is √(n p (1 − p)); 4 of them either side
  // fail a correct router with probability ≈ 6e-5 (and the seed is fixed, so never).
  test.each([
    { percent: 10, seed: 1 },
    { percent: 10, seed: 2 },
    { percent: 25, seed: 3 },
    { percent: 50, seed: 4 },
  ])('$percent% of 10,000 requests go to the candidate within 4 standard deviations (seed $seed)', ({ percent, seed }) => {
    const random = seeded(seed);
    const n = 10_000;
    const p = percent / 100;
    let candidate = 0;
    for (let i = 0; i < n; i += 1) if (chooseRoute(state(percent), random).version === 2) candidate += 1;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(candidate - n * p)).toBeLessThanOrEqual(4 * sd);
  });

  test('0% and 100% are exact, and no candidate means live', () => {
    const random = seeded(7);
    for (let i = 0; i < 1000; i += 1) {
      expect(chooseRoute(state(0), random)).toEqual({ version: 1, mirror: false });
      expect(chooseRoute(state(100), random)).toEqual({ version: 2, mirror: false });
      expect(chooseRoute({ live: { version: 1, modelPath: 'v1.onnx' }, updatedAt: '' }, random)).toEqual({ version: 1, mirror: false });
    }
  });

  test('shadow: live answers every request and 30% are mirrored (within 4 standard deviations)', () => {
    const random = seeded(11);
    let mirrored = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const route = chooseRoute(state(0, 30), random);
      expect(route.version).toBe(1);
      if (route.mirror) mirrored += 1;
    }
    expect(Math.abs(mirrored - 3000)).toBeLessThanOrEqual(4 * Math.sqrt(10_000 * 0.3 * 0.7));
  });
});

describe('state.json', () => {
  test.each([
    ['{', /not valid JSON/],
    ['{"updatedAt":"x"}', /expected an object with "live"/],
    ['{"live":{"version":0,"modelPath":"a"},"updatedAt":"x"}', /live.version is 0; expected a model version/],
    ['{"live":{"version":1,"modelPath":""},"updatedAt":"x"}', /live.modelPath is ""/],
    ['{"live":{"version":1,"modelPath":"a"},"candidate":{"version":2,"modelPath":"b","percent":101},"updatedAt":"x"}', /candidate.percent is 101; expected a percentage from 0 to 100/],
    ['{"live":{"version":1,"modelPath":"a"},"candidate":{"version":1,"modelPath":"b","percent":5},"updatedAt":"x"}', /also the live version/],
  ])('%s is refused', (text, message) => {
    expect(() => parseState(text, 'state.json')).toThrow(InputError);
    expect(() => parseState(text, 'state.json')).toThrow(message);
  });

  test('an absent state file means nothing deployed', async () => {
    expect(await readState(await mkdtemp(join(tmpdir(), 'cd4ml-state-')))).toBeUndefined();
  });
});

/** A target whose fetchModel copies the example models into the deployment directory, as the action's download does. */
async function localTarget(options: { metrics?: ServerMetrics } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'cd4ml-deploy-'));
  const home = deploymentDirectory(root, 'churn');
  const clock = fakeClock();
  const logger = recordingLogger();
  const fetched: number[] = [];
  const target = createLocalTarget({
    directory: root,
    endpoint: 'churn',
    features: FEATURES,
    clock,
    logger,
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
    fetchModel: async (version) => {
      fetched.push(version);
      const destination = join(home, 'versions', String(version), 'model.onnx');
      await mkdir(join(home, 'versions', String(version)), { recursive: true });
      await copyFile(churn(version === 3 ? 1 : version), destination);
      return destination;
    },
  });
  return { root, home, clock, logger, target, fetched };
}

describe('local target transitions', () => {
  test('promote, route, rollback and promote keep a live version serving, one atomic write each', async () => {
    const { home, target, fetched } = await localTarget();
    expect(await target.liveVersion()).toBeUndefined();
    await expect(target.route(1, 10)).rejects.toThrow(/Nothing is live .* promote/);

    const transitions: Array<[string, () => Promise<void>, { live: number; candidate: number | undefined; percent?: number }]> = [
      ['first promote', () => target.promote(1), { live: 1, candidate: undefined }],
      ['route 10%', () => target.route(2, 10), { live: 1, candidate: 2, percent: 10 }],
      ['rollback', () => target.rollback(2), { live: 1, candidate: undefined }],
      ['rollback again (idempotent)', () => target.rollback(2), { live: 1, candidate: undefined }],
      ['route 50%', () => target.route(2, 50), { live: 1, candidate: 2, percent: 50 }],
      ['promote', () => target.promote(2), { live: 2, candidate: undefined }],
      ['promote again (idempotent)', () => target.promote(2), { live: 2, candidate: undefined }],
    ];
    for (const [, transition, expected] of transitions) {
      await transition();
      const now = await readState(home);
      expect(now?.live.version).toBe(expected.live);
      expect(now?.candidate?.version).toBe(expected.candidate);
      if (expected.percent !== undefined) expect(now?.candidate?.percent).toBe(expected.percent);
      // The live version's model is in place, under the deployment directory, and loads.
      const model = await openModel(join(home, now!.live.modelPath));
      await releaseModel(model);
      // Only state.json and the versions: no temporary file left behind by a write.
      expect((await readdir(home)).sort()).toEqual(['state.json', 'versions']);
    }
    expect(fetched).toEqual([1, 2]); // route fetched version 2 once; promote reused it
    expect(JSON.parse(await readFile(statePath(home), 'utf8'))).toMatchObject({ live: { version: 2, modelPath: 'versions/2/model.onnx' } });
  });

  test('a crash between writing the new state and renaming it leaves the last whole state in force', async () => {
    const { home, target } = await localTarget();
    await target.promote(1);
    await target.route(2, 20);
    const before = await readFile(statePath(home), 'utf8');
    // What writeFileAtomic leaves when the process dies after writing its temporary file, half done.
    await writeFile(join(home, `.state.json.${process.pid}.deadbeef.tmp`), before.slice(0, 25));
    expect(await readFile(statePath(home), 'utf8')).toBe(before);
    expect(await target.liveVersion()).toBe(1);
    expect((await target.state())?.candidate).toMatchObject({ version: 2, percent: 20 });
    // The next transition works over the leftover and is whole.
    await target.rollback(2);
    expect(await target.state()).toEqual({ live: { version: 1, modelPath: 'versions/1/model.onnx' }, updatedAt: expect.any(String) as string });
  });

  test('writeState refuses a state a reader would refuse, leaving the old one', async () => {
    const { home, target } = await localTarget();
    await target.promote(1);
    const before = await readFile(statePath(home), 'utf8');
    await expect(writeState(home, { live: { version: 1, modelPath: 'a' }, candidate: { version: 1, modelPath: 'a', percent: 5 }, updatedAt: 'x' })).rejects.toThrow(/also the live version/);
    await expect(target.route(2, 120)).rejects.toThrow(/percent is 120/);
    await expect(target.route(1, 10)).rejects.toThrow(/already live/);
    expect(await readFile(statePath(home), 'utf8')).toBe(before);
  });

  test('prepare refuses a model the server could not serve', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cd4ml-deploy-'));
    const target = createLocalTarget({ directory: root, endpoint: 'e', clock: fakeClock(), logger: recordingLogger(), fetchModel: async () => fixture('logistic.onnx') });
    await expect(target.prepare(3)).rejects.toThrow(/takes a matrix of features at its input "features" \(\[N, 3\]\); name the columns/);
    expect(() => deploymentDirectory(root, '../x')).toThrow(/Input "endpoint" is "..\/x"/);
  });
});

describe('Prometheus text', () => {
  function sampleMetrics(): ServerMetrics {
    const metrics = new ServerMetrics();
    const random = seeded(5);
    for (let i = 0; i < 200; i += 1) {
      const version = i % 5 === 0 ? 8 : 7;
      metrics.recordRequest(version, i % 37 === 0 ? 'error' : 'ok', random() * 0.02);
      metrics.recordPredictions(version, [random(), random() ** 2]);
    }
    metrics.recordClientError();
    metrics.setTraffic({ live: { version: 7, modelPath: 'a' }, candidate: { version: 8, modelPath: 'b', percent: 20, mirrorPercent: 5 }, updatedAt: '' });
    return metrics;
  }

  test('render → parse gives back the counters (round trip)', () => {
    const metrics = sampleMetrics();
    const parsed = parsePrometheusText(metrics.render(), 'metrics');
    expect(scrapeOf(parsed)).toEqual(metrics.scrape());
    const traffic = parsed.samples.filter((s) => s.name === 'cd4ml_traffic_percent').map((s) => [s.labels['version'], s.value]);
    expect(traffic).toEqual([['7', 80], ['8', 20]]);
    expect(parsed.samples.find((s) => s.name === 'cd4ml_mirror_percent')).toEqual({ name: 'cd4ml_mirror_percent', labels: { version: '8' }, value: 5 });
  });

  test('the text follows the exposition format: HELP and TYPE first, cumulative buckets ending at +Inf = _count, then _sum and _count', () => {
    const text = sampleMetrics().render();
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parsePrometheusText(text, 'metrics');
    expect(Object.fromEntries(parsed.types)).toEqual({
      cd4ml_requests_total: 'counter',
      cd4ml_client_errors_total: 'counter',
      cd4ml_request_duration_seconds: 'histogram',
      cd4ml_predictions: 'histogram',
      cd4ml_traffic_percent: 'gauge',
      cd4ml_mirror_percent: 'gauge',
    });
    const lines = text.split('\n');
    for (const name of parsed.types.keys()) {
      const help = lines.indexOf(lines.find((line) => line.startsWith(`# HELP ${name} `))!);
      const type = lines.indexOf(`# TYPE ${name} ${parsed.types.get(name)!}`);
      const first = lines.findIndex((line) => line.startsWith(name) && !line.startsWith('#'));
      expect(help).toBeGreaterThanOrEqual(0);
      expect(type).toBe(help + 1);
      if (first >= 0) expect(first).toBe(type + 1);
    }
    for (const version of ['7', '8']) {
      for (const name of ['cd4ml_request_duration_seconds', 'cd4ml_predictions']) {
        const series = lines.filter((line) => line.startsWith(`${name}_`) && line.includes(`version="${version}"`));
        const buckets = series.filter((line) => line.startsWith(`${name}_bucket`));
        const counts = buckets.map((line) => Number(line.split(' ')[1]));
        expect(counts).toEqual([...counts].sort((a, b) => a - b));
        expect(buckets.at(-1)).toMatch(new RegExp(`^${name}_bucket\\{version="${version}",le="\\+Inf"\\} ${counts.at(-1)}$`));
        expect(series.slice(-2).map((line) => line.split('{')[0])).toEqual([`${name}_sum`, `${name}_count`]);
        expect(Number(series.at(-1)!.split(' ')[1])).toBe(counts.at(-1));
      }
    }
    expect(lines.filter((line) => line.startsWith('cd4ml_predictions_bucket{version="7"')).map((line) => /le="([^"]+)"/.exec(line)![1])).toEqual([
      ...PREDICTION_BUCKETS.map(String),
      '+Inf',
    ]);
  });

  test('escaped label values, special values and timestamps parse', () => {
    const parsed = parsePrometheusText(
      '# HELP x A help with a \\\\ and a\\nline feed.\n# TYPE x gauge\nx{path="C:\\\\dir\\"q\\"\\n",b="" } +Inf 1700000000000\nx -Inf\nx NaN\n# a comment\n\ny_total 3e-2\n',
      'text',
    );
    expect(parsed.help.get('x')).toBe('A help with a \\ and a\nline feed.');
    expect(parsed.samples[0]).toEqual({ name: 'x', labels: { path: 'C:\\dir"q"\n', b: '' }, value: Infinity });
    expect(parsed.samples.slice(1).map((s) => s.value)).toEqual([-Infinity, Number.NaN, 0.03]);
  });

  test.each([
    ['x{a="1', /not closed/],
    ['x{a="1" 2', /expected , or } after the value of label a/],
    ['x{a=1} 2', /expected ="…" after label a/],
    ['x one', /"one" is not a sample value/],
    ['# TYPE x meter', /TYPE of x is "meter"/],
    ['9x 1', /does not start with a metric name/],
  ])('%s is refused with its line', (text, message) => {
    expect(() => parsePrometheusText(`ok 1\n${text}\n`, 'scrape')).toThrow(message);
    expect(() => parsePrometheusText(`ok 1\n${text}\n`, 'scrape')).toThrow(/scrape line 2/);
  });

  test('deltas: counters since the baseline; a version new since then counts from 0; a reset counts from 0 again', () => {
    const metrics = new ServerMetrics();
    metrics.recordRequest(7, 'ok', 0.001);
    metrics.recordRequest(7, 'error', 0.002);
    const baseline = metrics.scrape();
    metrics.recordRequest(7, 'ok', 0.003);
    metrics.recordRequest(8, 'ok', 0.004);
    metrics.recordPredictions(8, [0.5]);
    const delta = scrapeDelta(metrics.scrape(), baseline);
    expect(delta.versions.get(7)).toMatchObject({ ok: 1, error: 0, duration: { count: 1, sum: expect.closeTo(0.003, 12) as number } });
    expect(delta.versions.get(8)).toMatchObject({ ok: 1, error: 0, predictions: { count: 1 } });
    const restarted = new ServerMetrics();
    restarted.recordRequest(7, 'ok', 0.001);
    expect(scrapeDelta(restarted.scrape(), metrics.scrape()).versions.get(7)).toMatchObject({ ok: 1, error: 0 });
  });
});

describe('quantiles from a histogram (Prometheus histogram_quantile)', () => {
  test('a worked example: linear interpolation within the bucket', () => {
    // le=1: 2, le=2: 6, le=4: 10, +Inf: 10. Median rank 5 lies in (1, 2], 3 of its 4 observations in.
    const histogram = { bounds: [1, 2, 4], cumulative: [2, 6, 10, 10], sum: 0, count: 10 };
    expect(histogramQuantile(0.5, histogram)).toBe(1.75);
    expect(histogramQuantile(0.1, histogram)).toBe(0.5); // first bucket: from 0
    expect(histogramQuantile(0.95, histogram)).toBe(2 + 2 * (9.5 - 6) / 4);
    // A rank in the +Inf bucket gives the highest finite bound; no observation gives NaN.
    expect(histogramQuantile(0.99, { bounds: [1, 2], cumulative: [1, 2, 10], sum: 0, count: 10 })).toBe(2);
    expect(histogramQuantile(0.95, { bounds: [1], cumulative: [0, 0], sum: 0, count: 0 })).toBeNaN();
  });

  test('p95 of a uniform sample is exact; of a skewed sample within the width of its bucket', () => {
    const uniform = new Histogram(Array.from({ length: 10 }, (_, i) => (i + 1) / 10));
    for (let i = 0; i < 1000; i += 1) uniform.observe((i + 0.5) / 1000);
    expect(histogramQuantile(0.95, uniform.data())).toBeCloseTo(0.95, 12);

    // Latencies: log-normal around 2 ms (seeded Box–Muller), in the server's latency buckets.
    const random = seeded(42);
    const sample: number[] = [];
    const latency = new Histogram(DURATION_BUCKETS);
    for (let i = 0; i < 5000; i += 1) {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const seconds = 0.002 * Math.exp(0.6 * z);
      sample.push(seconds);
      latency.observe(seconds);
    }
    const exact = quantileSorted([...sample].sort((a, b) => a - b), 0.95);
    const estimate = histogramQuantile(0.95, latency.data());
    const upper = DURATION_BUCKETS.find((bound) => bound >= exact)!;
    const lower = DURATION_BUCKETS[DURATION_BUCKETS.indexOf(upper) - 1]!;
    expect(estimate).toBeGreaterThanOrEqual(lower);
    expect(estimate).toBeLessThanOrEqual(upper);
    expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(upper - lower);
  });

  test('quantileSorted matches numpy.quantile (linear)', () => {
    // numpy.quantile([1, 2, 3, 4, 10], [0.5, 0.95, 0.99]) = [3.0, 8.8, 9.76]
    const sorted = [1, 2, 3, 4, 10];
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.95)).toBeCloseTo(8.8, 12);
    expect(quantileSorted(sorted, 0.99)).toBeCloseTo(9.76, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('prediction drift', () => {
  test('zero for identical predictions, 1 for disjoint ones (Jensen–Shannon distance, base 2)', () => {
    const a = new Histogram(PREDICTION_BUCKETS);
    const b = new Histogram(PREDICTION_BUCKETS);
    const random = seeded(9);
    for (let i = 0; i < 1000; i += 1) {
      const p = random();
      a.observe(p);
      b.observe(p);
    }
    expect(histogramDrift(a.data(), b.data())).toBe(0);
    const low = new Histogram(PREDICTION_BUCKETS);
    const high = new Histogram(PREDICTION_BUCKETS);
    for (let i = 0; i < 100; i += 1) {
      low.observe(0.01);
      high.observe(0.99);
    }
    expect(histogramDrift(low.data(), high.data())).toBeCloseTo(1, 12);
    expect(histogramDrift(a.data(), new Histogram(PREDICTION_BUCKETS).data())).toBeUndefined();
  });

  test("the target's health: deltas since the step began, p95 from the histogram, drift between the versions", async () => {
    const metrics = new ServerMetrics();
    const { target, clock } = await localTarget({ metrics });
    await target.promote(1);
    // Traffic before the step: not counted.
    for (let i = 0; i < 50; i += 1) metrics.recordRequest(1, 'ok', 0.001);
    clock.advance(1000);
    const since = clock.now();
    await target.route(2, 50);
    clock.advance(60_000);
    // During the step: the candidate answers 40 (4 errors) at 3–4 ms, live 60 at 1 ms; same predictions.
    for (let i = 0; i < 40; i += 1) {
      metrics.recordRequest(2, i < 4 ? 'error' : 'ok', 0.003 + i / 40_000);
      metrics.recordPredictions(2, [i / 40]);
    }
    for (let i = 0; i < 60; i += 1) metrics.recordRequest(1, 'ok', 0.001);
    for (let i = 0; i < 40; i += 1) metrics.recordPredictions(1, [i / 40]);
    const health = await target.health(2, since);
    expect(health.candidate).toMatchObject({ requests: 40, errors: 4 });
    expect(health.live).toMatchObject({ requests: 60, errors: 0 });
    // 40 observations in (2.5 ms, 5 ms]: rank 38 → 2.5 + 2.5 × 38/40 ms.
    expect(health.candidate.latencyP95Ms).toBeCloseTo(2.5 + 2.5 * (38 / 40), 9);
    expect(health.live!.latencyP95Ms).toBeCloseTo(0.5 + 0.5 * 0.95, 9);
    expect(health.predictionDrift).toBe(0);
    expect(health.alarms).toEqual([]);
    // Without a scrape at or before `since`, the window is everything since the server started.
    expect((await target.health(2, 0)).live).toMatchObject({ requests: 110 });
  });

  test('health without a metrics source says how to give one', async () => {
    const { target } = await localTarget();
    await expect(target.health(2, 0)).rejects.toThrow(/has no metrics to read: start the model server/);
  });
});

describe('requests', () => {
  const model = { path: 'm.onnx', name: 'm.onnx', sha256: '', session: undefined as never };
  const matrixModel = {
    ...model,
    signature: {
      inputs: [{ name: 'features', tensor: true, type: 'float32', shape: [null, 2] }],
      outputs: [{ name: 'probability', tensor: true, type: 'float32', shape: [null, 1] }],
    },
  };
  const plan = planServing(matrixModel, ['a', 'b']);

  test('{"rows": [...]} and a single row object give the same matrix; null is a missing value (NaN)', () => {
    expect(Array.from(featureMatrix(parseRequest('{"rows":[{"a":1,"b":true},{"a":2.5,"b":null,"extra":"x"}]}'), plan))).toEqual([1, 1, 2.5, Number.NaN]);
    expect(Array.from(featureMatrix(parseRequest('{"b":4,"a":3}'), plan))).toEqual([3, 4]);
  });

  test.each([
    ['not json', /not JSON/],
    ['[1]', /is an array; expected \{"rows"/],
    ['{"rows":{}}', /"rows" is \{\}; expected an array/],
    ['{"rows":[]}', /"rows" is empty/],
    ['{"rows":[1]}', /row 1 is 1; expected an object/],
    ['{"rows":[{"a":1,"b":2},{"a":1}]}', /row 2: feature "b" is missing; every row needs a, b/],
    ['{"a":"1","b":2}', /row 1: feature "a" is "1"/],
  ])('%s is a client error', (body, message) => {
    const attempt = () => featureMatrix(parseRequest(body), plan);
    expect(attempt).toThrow(RequestError);
    expect(attempt).toThrow(message);
  });
});

describe('replay on the fixture models', () => {
  async function requestsFile(lines: string[]): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'cd4ml-replay-')), 'requests.jsonl');
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  }

  test('regression: a model against itself agrees everywhere with no drift; rejected lines are counted', async () => {
    const random = seeded(3);
    const lines = Array.from({ length: 30 }, () => JSON.stringify({ rows: Array.from({ length: 5 }, () => ({ a: random() * 10 - 5, b: random() * 4 })) }));
    const file = await requestsFile([...lines, '', '{"a": 1}', 'garbage']);
    const result = await replayRequests({ requestsFile: file, live: fixture('linear_regression.onnx'), candidate: fixture('linear_regression.onnx'), features: ['a', 'b'], logger: recordingLogger() });
    expect(result).toMatchObject({ requests: 30, rows: 150, compared: 150, comparison: 'regression', agreement: 1, predictionDrift: 0, rejected: 2, errors: { live: 0, candidate: 0 } });
    expect(result.firstRejection).toMatch(/^line 32: row 1: feature "b" is missing/);
    expect(result.driftBins).toMatch(/^20 equal-width bins on \[/);
    expect(renderReplayMarkdown(result)).toMatch(/Agreement: 100%\*\* of the 150 rows both models answered get predictions within/);
  });

  test('classes: argmax agreement and drift over the predicted classes; a failing candidate counts errors', async () => {
    const lines = [JSON.stringify({ rows: [{ x: 3, y: 0, z: 0 }, { x: 0, y: 3, z: 0 }, { x: 0, y: 0, z: 3 }] })];
    const same = await replayRequests({ requestsFile: await requestsFile(lines), live: fixture('softmax3.onnx'), candidate: fixture('softmax3.onnx'), features: ['x', 'y', 'z'], logger: recordingLogger() });
    expect(same).toMatchObject({ comparison: 'classes', agreement: 1, predictionDrift: 0, compared: 3 });

    // nan.onnx: log(a + b), NaN for a + b < 0 — a model failure on the second request.
    const failing = await replayRequests({
      requestsFile: await requestsFile(['{"a": 1, "b": 2}', '{"a": -5, "b": 1}', '{"a": 0.5, "b": 0.25}']),
      live: fixture('linear_regression.onnx'),
      candidate: fixture('nan.onnx'),
      features: ['a', 'b'],
      logger: recordingLogger(),
    });
    expect(failing).toMatchObject({ requests: 3, errors: { live: 0, candidate: 1 }, compared: 2, live: { rows: 3 }, candidate: { rows: 2 } });
    expect(failing.candidate.firstError).toMatch(/NaN or infinite/);
    expect(renderReplayMarkdown(failing)).toMatch(/The candidate model failed 1 request; first: /);
  });

  test('a file with no usable request is refused', async () => {
    await expect(
      replayRequests({ requestsFile: await requestsFile(['{"rows": []}']), live: fixture('linear_regression.onnx'), candidate: fixture('linear_regression.onnx'), features: ['a', 'b'], logger: recordingLogger() }),
    ).rejects.toThrow(/holds no request the live model can take \(1 rejected; first, line 1: "rows" is empty/);
    await expect(
      replayRequests({ requestsFile: '/nonexistent/requests.jsonl', live: fixture('linear_regression.onnx'), candidate: fixture('linear_regression.onnx'), features: ['a', 'b'], logger: recordingLogger() }),
    ).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });
});
