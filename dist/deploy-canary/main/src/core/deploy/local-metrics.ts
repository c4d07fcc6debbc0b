/**
 * The model server's metrics, in the Prometheus text exposition format 0.0.4 (what `GET /metrics`
 * answers, `Content-Type: text/plain; version=0.0.4`), and the way back: parsing that text, taking the
 * difference of two scrapes, and reading a version's requests, errors, p95 latency and prediction
 * drift from the difference.
 *
 * Series (every version the server answered with since it started; the gauges for the versions the
 * state names now):
 *
 *     cd4ml_requests_total{version="7",outcome="ok|error"}       counter: /predict requests a version answered (error: the model failed, HTTP 500)
 *     cd4ml_client_errors_total                                   counter: requests refused before any model ran (HTTP 400/413)
 *     cd4ml_request_duration_seconds{version="7"}                histogram: the model's time per request (input building and scoring), ok and error alike (not for a
 *                                                             mirrored request the candidate could not take)
 *     cd4ml_predictions{version="7"}                             histogram: one observation per row, the predicted value (predict.ts predictionValue)
 *     cd4ml_traffic_percent{version="7"}                         gauge: the share of requests routed to the version
 *     cd4ml_mirror_percent{version="8"}                          gauge: shadow, the share of live requests mirrored to the candidate
 *
 * Format rules followed (prometheus.io/docs/instrumenting/exposition_formats): one `# HELP` and one
 * `# TYPE` line per metric name before its samples; label values escape `\`, `"` and line feeds; a
 * histogram has cumulative `_bucket{le="…"}` samples ending with `le="+Inf"` (equal to `_count`), then
 * `_sum` and `_count`; values are Go-style floats (`+Inf`, `-Inf`, `NaN`); the text ends with a line feed.
 *
 * Quantiles from a histogram follow Prometheus's histogram_quantile: the rank q·count falls in the
 * first bucket whose cumulative count reaches it, and the value is interpolated linearly between that
 * bucket's lower bound (the previous bucket's upper bound; 0 for the first bucket) and its upper bound,
 * i.e. observations are taken as spread uniformly within a bucket; a rank in the +Inf bucket gives the
 * highest finite upper bound. The error is thus at most the width of the bucket the quantile falls in.
 *
 * Prediction drift is the Jensen–Shannon distance, base 2 (so in [0, 1], as HealthRules states it),
 * between the per-bucket counts of the two versions' prediction histograms.
 */
import { InputError } from '../errors.js';
import { jensenShannonDistance } from '../drift/jensen-shannon.js';
import type { DeployState } from './local-state.js';

/** Upper bounds of the latency buckets, seconds: fine below 10 ms, where a small CPU ONNX model answers (tens of µs to ms). */
export const DURATION_BUCKETS: readonly number[] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Upper bounds of the prediction buckets: 20 equal-width bins on [0, 1] (probabilities). */
export const PREDICTION_BUCKETS: readonly number[] = Array.from({ length: 20 }, (_, i) => (i + 1) / 20);

/** The logarithm base of the prediction drift (Jensen–Shannon distance in [0, 1]). */
export const DRIFT_LOG_BASE = 2;

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

function checkBounds(bounds: readonly number[], what: string): number[] {
  if (bounds.length === 0) throw new InputError(`${what} has no buckets; give at least one upper bound.`);
  for (let i = 0; i < bounds.length; i += 1) {
    const bound = bounds[i]!;
    if (!Number.isFinite(bound) || (i > 0 && bound <= bounds[i - 1]!)) {
      throw new InputError(`${what}: bucket bound ${i + 1} is ${bound}; expected finite upper bounds in increasing order.`);
    }
  }
  return [...bounds];
}

/** A Prometheus histogram: per-bucket (not cumulative) counts, the last one for +Inf. */
export class Histogram {
  readonly bounds: readonly number[];
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(bounds: readonly number[]) {
    this.bounds = bounds;
    this.counts = new Array<number>(bounds.length + 1).fill(0);
  }

  /** O(log buckets). An observation equal to a bound counts in that bound's bucket (le). */
  observe(value: number): void {
    let low = 0;
    let high = this.bounds.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (value <= this.bounds[mid]!) high = mid;
      else low = mid + 1;
    }
    this.counts[low]! += 1;
    this.sum += value;
    this.count += 1;
  }

  data(): HistogramData {
    const cumulative: number[] = [];
    let running = 0;
    for (const count of this.counts) cumulative.push((running += count));
    return { bounds: [...this.bounds], cumulative, sum: this.sum, count: this.count };
  }
}

/** A histogram as scraped: finite upper bounds ascending, cumulative counts (one more, for +Inf). */
export interface HistogramData {
  bounds: number[];
  cumulative: number[];
  sum: number;
  count: number;
}

/** What the server knows of one version. */
export interface VersionMetrics {
  ok: number;
  error: number;
  duration?: HistogramData;
  predictions?: HistogramData;
}

/** One scrape of the server's metrics (or the difference of two). */
export interface MetricsScrape {
  versions: Map<number, VersionMetrics>;
  clientErrors: number;
}

interface VersionSeries {
  ok: number;
  error: number;
  duration: Histogram;
  predictions: Histogram;
}

export interface ServerMetricsOptions {
  durationBuckets?: readonly number[] | undefined;
  predictionBuckets?: readonly number[] | undefined;
}

/** The server's counters, in process; render() is what `GET /metrics` answers. */
export class ServerMetrics {
  private readonly series = new Map<number, VersionSeries>();
  private readonly durationBounds: number[];
  private readonly predictionBounds: number[];
  private traffic: Array<{ version: number; percent: number; mirrorPercent?: number }> = [];
  clientErrors = 0;

  constructor(options: ServerMetricsOptions = {}) {
    this.durationBounds = checkBounds(options.durationBuckets ?? DURATION_BUCKETS, 'The latency histogram');
    this.predictionBounds = checkBounds(options.predictionBuckets ?? PREDICTION_BUCKETS, 'The prediction histogram');
  }

  private of(version: number): VersionSeries {
    let series = this.series.get(version);
    if (series === undefined) {
      series = { ok: 0, error: 0, duration: new Histogram(this.durationBounds), predictions: new Histogram(this.predictionBounds) };
      this.series.set(version, series);
    }
    return series;
  }

  /** `seconds` undefined: no model time to record (a mirrored request the candidate could not take). */
  recordRequest(version: number, outcome: 'ok' | 'error', seconds: number | undefined): void {
    const series = this.of(version);
    if (outcome === 'ok') series.ok += 1;
    else series.error += 1;
    if (seconds !== undefined) series.duration.observe(seconds);
  }

  recordPredictions(version: number, values: ArrayLike<number>): void {
    const histogram = this.of(version).predictions;
    for (let i = 0; i < values.length; i += 1) histogram.observe(values[i]!);
  }

  recordClientError(): void {
    this.clientErrors += 1;
  }

  /** The traffic gauges follow the state the server routes by. */
  setTraffic(state: DeployState): void {
    const candidate = state.candidate;
    this.traffic = [{ version: state.live.version, percent: 100 - (candidate?.percent ?? 0) }];
    if (candidate !== undefined) {
      this.traffic.push({ version: candidate.version, percent: candidate.percent, ...(candidate.mirrorPercent === undefined ? {} : { mirrorPercent: candidate.mirrorPercent }) });
      this.of(candidate.version); // its series exist (at 0) from the moment it is routed to
    }
    this.of(state.live.version);
  }

  /** The in-process counters as a scrape (what parsing render() gives). */
  scrape(): MetricsScrape {
    const versions = new Map<number, VersionMetrics>();
    for (const [version, series] of this.series) {
      versions.set(version, { ok: series.ok, error: series.error, duration: series.duration.data(), predictions: series.predictions.data() });
    }
    return { versions, clientErrors: this.clientErrors };
  }

  /** The exposition text (format 0.0.4). */
  render(): string {
    const versions = [...this.series.keys()].sort((a, b) => a - b);
    const out: string[] = [];
    header(out, 'cd4ml_requests_total', 'counter', 'Prediction requests a model version answered, by outcome (error: the model failed).');
    for (const version of versions) {
      const series = this.series.get(version)!;
      out.push(`cd4ml_requests_total${labels({ version: String(version), outcome: 'ok' })} ${formatNumber(series.ok)}`);
      out.push(`cd4ml_requests_total${labels({ version: String(version), outcome: 'error' })} ${formatNumber(series.error)}`);
    }
    header(out, 'cd4ml_client_errors_total', 'counter', 'Requests refused before any model ran (bad JSON, missing features).');
    out.push(`cd4ml_client_errors_total ${formatNumber(this.clientErrors)}`);
    header(out, 'cd4ml_request_duration_seconds', 'histogram', "A model version's time per request: building its input and scoring.");
    for (const version of versions) histogramLines(out, 'cd4ml_request_duration_seconds', String(version), this.series.get(version)!.duration.data());
    header(out, 'cd4ml_predictions', 'histogram', 'Predicted values (one per row) of each model version.');
    for (const version of versions) histogramLines(out, 'cd4ml_predictions', String(version), this.series.get(version)!.predictions.data());
    header(out, 'cd4ml_traffic_percent', 'gauge', 'The share of prediction requests routed to a model version, percent.');
    for (const entry of this.traffic) out.push(`cd4ml_traffic_percent${labels({ version: String(entry.version) })} ${formatNumber(entry.percent)}`);
    header(out, 'cd4ml_mirror_percent', 'gauge', 'Shadow mode: the share of requests also scored by the candidate (answers not returned), percent.');
    for (const entry of this.traffic) {
      if (entry.mirrorPercent !== undefined) out.push(`cd4ml_mirror_percent${labels({ version: String(entry.version) })} ${formatNumber(entry.mirrorPercent)}`);
    }
    return `${out.join('\n')}\n`;
  }
}

function header(out: string[], name: string, type: string, help: string): void {
  out.push(`# HELP ${name} ${help.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')}`);
  out.push(`# TYPE ${name} ${type}`);
}

function histogramLines(out: string[], name: string, version: string, data: HistogramData): void {
  data.bounds.forEach((bound, i) => out.push(`${name}_bucket${labels({ version, le: formatNumber(bound) })} ${formatNumber(data.cumulative[i]!)}`));
  out.push(`${name}_bucket${labels({ version, le: '+Inf' })} ${formatNumber(data.count)}`);
  out.push(`${name}_sum${labels({ version })} ${formatNumber(data.sum)}`);
  out.push(`${name}_count${labels({ version })} ${formatNumber(data.count)}`);
}

/** A sample value as the format writes it: Go-style floats, `+Inf`, `-Inf`, `NaN`. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function escapeLabelValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

function labels(pairs: Record<string, string>): string {
  const entries = Object.entries(pairs);
  if (entries.length === 0) return '';
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** One sample line of the text format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedMetrics {
  samples: Sample[];
  /** `# TYPE` lines: metric name → counter, gauge, histogram, summary, untyped. */
  types: Map<string, string>;
  /** `# HELP` lines, unescaped. */
  help: Map<string, string>;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES: ReadonlySet<string> = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseValue(token: string, where: string): number {
  switch (token) {
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return Number.NaN;
  }
  const value = Number(token);
  if (token === '' || Number.isNaN(value)) throw new InputError(`${where}: "${token}" is not a sample value; expected a float, +Inf, -Inf or NaN.`);
  return value;
}

function unescape(text: string, escapes: Record<string, string>): string {
  return text.replace(/\\(.)/g, (whole, char: string) => escapes[char] ?? whole);
}

/**
 * Parses text in the exposition format 0.0.4 (`source` names it in messages): samples with their
 * labels, and the HELP and TYPE lines. Timestamps are read and dropped. O(length of the text).
 */
export function parsePrometheusText(text: string, source: string): ParsedMetrics {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.trim();
    const where = `${source} line ${index + 1}`;
    if (line === '') continue;
    if (line.startsWith('#')) {
      const match = /^#\s*(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
      if (match === null) continue; // a plain comment
      const [, keyword, name = '', rest = ''] = match;
      if (keyword === 'TYPE') {
        if (!TYPES.has(rest.trim())) throw new InputError(`${where}: TYPE of ${name} is "${rest.trim()}"; expected counter, gauge, histogram, summary or untyped.`);
        types.set(name, rest.trim());
      } else help.set(name, unescape(rest, { '\\': '\\', n: '\n' }));
      continue;
    }
    const nameMatch = METRIC_NAME.exec(line);
    if (nameMatch === null) throw new InputError(`${where}: "${line.slice(0, 40)}" does not start with a metric name.`);
    const name = nameMatch[0];
    let at = name.length;
    const sampleLabels: Record<string, string> = {};
    if (line[at] === '{') {
      at += 1;
      for (;;) {
        while (line[at] === ' ' || line[at] === '\t') at += 1;
        if (line[at] === '}') {
          at += 1;
          break;
        }
        const labelMatch = LABEL_NAME.exec(line.slice(at));
        if (labelMatch === null) throw new InputError(`${where}: expected a label name at column ${at + 1}.`);
        const label = labelMatch[0];
        at += label.length;
        while (line[at] === ' ') at += 1;
        if (line[at] !== '=' || line[at + 1] !== '"') throw new InputError(`${where}: expected ="…" after label ${label}.`);
        at += 2;
        let value = '';
        for (;;) {
          const char = line[at];
          if (char === undefined) throw new InputError(`${where}: the value of label ${label} is not closed with ".`);
          at += 1;
          if (char === '"') break;
          if (char === '\\') {
            const next = line[at];
            at += 1;
            value += next === 'n' ? '\n' : next === '\\' ? '\\' : next === '"' ? '"' : `\\${next ?? ''}`;
          } else value += char;
        }
        sampleLabels[label] = value;
        while (line[at] === ' ') at += 1;
        if (line[at] === ',') at += 1;
        else if (line[at] !== '}') throw new InputError(`${where}: expected , or } after the value of label ${label}.`);
      }
    }
    const tokens = line.slice(at).trim().split(/\s+/);
    if (tokens.length < 1 || tokens.length > 2 || tokens[0] === '') throw new InputError(`${where}: expected a value (and optionally a timestamp) after ${name}.`);
    samples.push({ name, labels: sampleLabels, value: parseValue(tokens[0]!, where) });
  }
  return { samples, types, help };
}

interface HistogramParts {
  buckets: Map<number, number>;
  sum: number;
  count: number | undefined;
}

function histogramFrom(parts: HistogramParts): HistogramData {
  const finite = [...parts.buckets.keys()].filter((le) => Number.isFinite(le)).sort((a, b) => a - b);
  const count = parts.buckets.get(Infinity) ?? parts.count ?? (finite.length > 0 ? parts.buckets.get(finite[finite.length - 1]!)! : 0);
  return { bounds: finite, cumulative: [...finite.map((le) => parts.buckets.get(le)!), count], sum: parts.sum, count };
}

/** The cd4ml series of a parsed scrape, by version; other series are ignored. */
export function scrapeOf(parsed: ParsedMetrics): MetricsScrape {
  const versions = new Map<number, VersionMetrics>();
  const histograms = new Map<string, HistogramParts>();
  let clientErrors = 0;
  const versionOf = (sample: Sample): number | undefined => {
    const text = sample.labels['version'];
    const version = text === undefined ? Number.NaN : Number(text);
    return Number.isInteger(version) && version >= 1 ? version : undefined;
  };
  const entry = (version: number): VersionMetrics => {
    let metrics = versions.get(version);
    if (metrics === undefined) versions.set(version, (metrics = { ok: 0, error: 0 }));
    return metrics;
  };
  for (const sample of parsed.samples) {
    if (sample.name === 'cd4ml_client_errors_total') {
      clientErrors += sample.value;
      continue;
    }
    const version = versionOf(sample);
    if (version === undefined) continue;
    if (sample.name === 'cd4ml_requests_total') {
      const outcome = sample.labels['outcome'];
      if (outcome === 'ok') entry(version).ok += sample.value;
      else if (outcome === 'error') entry(version).error += sample.value;
      continue;
    }
    const match = /^(cd4ml_request_duration_seconds|cd4ml_predictions)_(bucket|sum|count)$/.exec(sample.name);
    if (match === null) continue;
    const key = `${match[1]!}\u0000${version}`;
    let parts = histograms.get(key);
    if (parts === undefined) histograms.set(key, (parts = { buckets: new Map(), sum: 0, count: undefined }));
    if (match[2] === 'bucket') {
      const le = parseValue(sample.labels['le'] ?? '', `bucket of ${sample.name}`);
      parts.buckets.set(le, sample.value);
    } else if (match[2] === 'sum') parts.sum = sample.value;
    else parts.count = sample.value;
    entry(version);
  }
  for (const [key, parts] of histograms) {
    const [name, versionText] = key.split('\u0000') as [string, string];
    const metrics = entry(Number(versionText));
    if (name === 'cd4ml_request_duration_seconds') metrics.duration = histogramFrom(parts);
    else metrics.predictions = histogramFrom(parts);
  }
  return { versions, clientErrors };
}

function sameBounds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((bound, i) => bound === b[i]);
}

/** `current − baseline` of one histogram; undefined when the baseline is not comparable or is ahead (a reset). */
function histogramDelta(current: HistogramData, baseline: HistogramData | undefined): HistogramData | undefined {
  if (baseline === undefined) return current;
  if (!sameBounds(current.bounds, baseline.bounds)) return undefined;
  const cumulative = current.cumulative.map((count, i) => count - baseline.cumulative[i]!);
  if (cumulative.some((count) => count < 0)) return undefined;
  return { bounds: [...current.bounds], cumulative, sum: current.sum - baseline.sum, count: current.count - baseline.count };
}

/**
 * What happened between two scrapes, per version (counters are cumulative since the server started).
 * A version absent from the baseline counts from 0; a version whose counters went down (the server
 * restarted in between) counts from 0 again, as Prometheus's rate() treats a counter reset.
 */
export function scrapeDelta(current: MetricsScrape, baseline: MetricsScrape | undefined): MetricsScrape {
  if (baseline === undefined) return current;
  const versions = new Map<number, VersionMetrics>();
  for (const [version, now] of current.versions) {
    const before = baseline.versions.get(version);
    if (before === undefined) {
      versions.set(version, now);
      continue;
    }
    const ok = now.ok - before.ok;
    const error = now.error - before.error;
    const duration = now.duration === undefined ? undefined : histogramDelta(now.duration, before.duration);
    const predictions = now.predictions === undefined ? undefined : histogramDelta(now.predictions, before.predictions);
    const reset = ok < 0 || error < 0 || (now.duration !== undefined && duration === undefined) || (now.predictions !== undefined && predictions === undefined);
    if (reset) {
      versions.set(version, now);
      continue;
    }
    const delta: VersionMetrics = { ok, error };
    if (duration !== undefined) delta.duration = duration;
    if (predictions !== undefined) delta.predictions = predictions;
    versions.set(version, delta);
  }
  const clientErrors = current.clientErrors - baseline.clientErrors;
  return { versions, clientErrors: clientErrors < 0 ? current.clientErrors : clientErrors };
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of a histogram, as Prometheus's histogram_quantile (see the file header);
 * NaN when it holds no observation. O(buckets).
 */
export function histogramQuantile(q: number, histogram: HistogramData): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must lie in [0, 1], not ${q}`);
  const { bounds, cumulative } = histogram;
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (total <= 0) return Number.NaN;
  const rank = q * total;
  let bucket = 0;
  while (bucket < cumulative.length - 1 && cumulative[bucket]! < rank) bucket += 1;
  if (bucket === bounds.length) return bounds.length === 0 ? Number.NaN : bounds[bounds.length - 1]!;
  const upper = bounds[bucket]!;
  if (bucket === 0 && upper <= 0) return upper;
  const lower = bucket === 0 ? 0 : bounds[bucket - 1]!;
  const below = bucket === 0 ? 0 : cumulative[bucket - 1]!;
  const inBucket = cumulative[bucket]! - below;
  if (inBucket <= 0) return upper;
  return lower + (upper - lower) * ((rank - below) / inBucket);
}

/** Per-bucket (not cumulative) counts of a histogram, the +Inf bucket last. */
export function bucketCounts(histogram: HistogramData): number[] {
  return histogram.cumulative.map((count, i) => count - (i === 0 ? 0 : histogram.cumulative[i - 1]!));
}

/**
 * The Jensen–Shannon distance (base 2) between the predictions of two versions, from their histograms'
 * bucket counts; undefined when either holds no prediction or their buckets differ.
 */
export function histogramDrift(candidate: HistogramData | undefined, live: HistogramData | undefined): number | undefined {
  if (candidate === undefined || live === undefined || candidate.count <= 0 || live.count <= 0) return undefined;
  if (!sameBounds(candidate.bounds, live.bounds)) return undefined;
  return jensenShannonDistance(bucketCounts(candidate), bucketCounts(live), DRIFT_LOG_BASE);
}
