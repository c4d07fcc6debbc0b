/**
 * Shadow replay: recorded requests (JSON Lines, each line a row object or `{"rows": [...]}`, as
 * `POST /predict` takes them) are scored by the live and the candidate model, one request at a time,
 * in-process (onnxruntime-node, CPU), to compare them before the candidate takes any traffic.
 *
 * - A line that is not JSON, not rows, or lacks a feature the live model takes is rejected (the server
 *   would answer 400): counted, its first reason kept, scored by neither. A model that fails on a
 *   request (a runtime error, NaN predictions, or — for the candidate — a feature it takes that the
 *   line lacks) counts one error on its side, and that request's rows are compared on no side.
 * - Latency: each model's scoring time per request (its input built beforehand), ms; the two models take
 *   turns going first; each runs once untimed on the first request (onnxruntime's first run allocates).
 *   p50, p95, p99 by linear interpolation between order statistics (numpy's default, "type 7").
 * - Agreement, over the rows both models answered:
 *   - classification, one probability per row (values in [0, 1], or `task: 'classification'`): the
 *     predicted class is p ≥ 0.5; two or more values per row: the argmax (first of equal maxima);
 *   - regression (one value per row, some outside [0, 1], or `task: 'regression'`): two predictions
 *     agree when |candidate − live| ≤ regressionTolerance (default 0.1) × the standard deviation of the
 *     live predictions (population), i.e. within a tenth of the spread live shows over these rows —
 *     scale-free, and 1.0 for a model against itself; when live is constant, only equal values agree.
 * - Prediction drift: the Jensen–Shannon distance, base 2 (in [0, 1], as the deploy health rules take
 *   it), between the two distributions of predicted values (predict.ts predictionValues: the value, or
 *   P(class 1) with two outputs, over every row each side answered): 20 equal-width bins on [0, 1] when
 *   every value lies there (probabilities), else 20 equal-width bins on [min, max] of both sides; with
 *   three or more outputs per row, the distributions of the predicted class.
 *
 * Complexity: the models' time, plus O(rows) memory for the predictions (16 bytes per row per side)
 * and O(requests) for the latencies. Degenerate input: no comparable row gives agreement NaN; a side
 * with no prediction gives drift NaN (reported as n/a).
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import { jensenShannonDistance } from '../drift/jensen-shannon.js';
import { releaseModel } from '../inference/model-signature.js';
import type { Logger } from '../logger.js';
import { cell } from '../report/markdown.js';
import { formatValue } from '../report/numbers.js';
import { DRIFT_LOG_BASE } from './local-metrics.js';
import { argmax, featureMatrix, openServingModel, parseRequest, RequestError, type Row, type RowPredictions, scoreMatrix, type ServingModel } from './predict.js';

export const DRIFT_BINS = 20;
export const DEFAULT_REGRESSION_TOLERANCE = 0.1;

export interface ReplayOptions {
  /** JSON Lines: each line a row object or {"rows": [...]}. */
  requestsFile: string;
  /** The live model's ONNX file. */
  live: string;
  /** The candidate's ONNX file. */
  candidate: string;
  /** The columns a [N, F] model takes, in order. */
  features?: readonly string[] | undefined;
  logger: Logger;
  /** How to compare predictions (default auto, see the file header). */
  task?: 'auto' | 'classification' | 'regression' | undefined;
  /** Regression agreement: the largest difference, in standard deviations of the live predictions. */
  regressionTolerance?: number | undefined;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
}

export interface ReplaySide {
  model: string;
  sha256: string;
  /** Requests this model failed. */
  errors: number;
  /** The first failure's message. */
  firstError?: string;
  /** Rows this model answered. */
  rows: number;
}

export interface ReplayResult {
  requestsFile: string;
  /** Requests replayed (lines that were not rejected). */
  requests: number;
  /** Rows in those requests. */
  rows: number;
  /** Lines refused as the server would (400), and the first reason. */
  rejected: number;
  firstRejection?: string;
  /** How predictions were compared. */
  comparison: 'probability' | 'classes' | 'regression';
  /** Rows both models answered. */
  compared: number;
  /** Share of compared rows whose predictions agree (see the file header); NaN when none. */
  agreement: number;
  /** Regression only: the largest difference that counts as agreement. */
  agreementTolerance?: number;
  /** Per request, ms. */
  latency: { live: LatencySummary; candidate: LatencySummary };
  /** Jensen–Shannon distance, base 2, in [0, 1]; NaN when a side has no prediction. */
  predictionDrift: number;
  /** The bins the drift was computed over, in words. */
  driftBins: string;
  errors: { live: number; candidate: number };
  live: ReplaySide;
  candidate: ReplaySide;
}

/** The q-quantile of ascending `sorted` by linear interpolation (numpy's default); NaN when empty. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

function latencySummary(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95), p99: quantileSorted(sorted, 0.99) };
}

/** A growable float64 column. */
class Column {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

interface SideState {
  serving: ServingModel;
  side: ReplaySide;
  latencies: number[];
  /** Predicted values of every row answered (drift). */
  all: Column;
  width: number | undefined;
}

/** The predicted value (drift) and class (agreement) of each row. */
function rowValues(predictions: RowPredictions): { values: Float64Array; classes: Float64Array } {
  const { rows, width, values } = predictions;
  const out = new Float64Array(rows);
  const classes = new Float64Array(rows);
  for (let row = 0; row < rows; row += 1) {
    if (width === 1) {
      out[row] = values[row]!;
      classes[row] = values[row]! >= 0.5 ? 1 : 0;
    } else {
      const best = argmax(values, row, width);
      out[row] = width === 2 ? values[row * 2 + 1]! : best;
      classes[row] = best;
    }
  }
  return { values: out, classes };
}

function inUnitInterval(values: Float64Array): boolean {
  for (const value of values) if (!(value >= 0 && value <= 1)) return false;
  return true;
}

/** Counts of `values` in `bins` equal-width bins on [low, high] (the last bin closed). */
function binCounts(values: Float64Array, low: number, high: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = high - low;
  for (const value of values) {
    const bin = width > 0 ? Math.min(bins - 1, Math.max(0, Math.floor(((value - low) / width) * bins))) : 0;
    counts[bin]! += 1;
  }
  return counts;
}

function classCounts(values: Float64Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const value of values) counts[value]! += 1;
  return counts;
}

/** Replays the requests through both models (see the file header). */
export async function replayRequests(options: ReplayOptions): Promise<ReplayResult> {
  const { logger, features } = options;
  const task = options.task ?? 'auto';
  const tolerance = options.regressionTolerance ?? DEFAULT_REGRESSION_TOLERANCE;
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) throw new InputError(`regressionTolerance is ${tolerance}; expected a number of standard deviations, 0 or more.`);
  const opened: ServingModel[] = [];
  try {
    const open = async (path: string, role: string): Promise<SideState> => {
      const serving = await openServingModel(path, `the ${role} model (${path})`, features);
      opened.push(serving);
      return { serving, side: { model: path, sha256: serving.model.sha256, errors: 0, rows: 0 }, latencies: [], all: new Column(), width: undefined };
    };
    const live = await open(options.live, 'live');
    const candidate = await open(options.candidate, 'candidate');
    const paired = { liveValues: new Column(), candidateValues: new Column(), liveClasses: new Column(), candidateClasses: new Column() };
    let requests = 0;
    let rows = 0;
    let rejected = 0;
    let firstRejection: string | undefined;
    let warmed = false;

    const fail = (state: SideState, error: unknown): undefined => {
      state.side.errors += 1;
      const message = error instanceof Error ? error.message : String(error);
      state.side.firstError ??= message;
      logger.debug(`Replay: ${state.serving.model.name} failed on a request: ${message}`);
      return undefined;
    };
    const run = async (state: SideState, matrix: Float32Array | RequestError): Promise<RowPredictions | undefined> => {
      if (matrix instanceof RequestError) return fail(state, matrix);
      const start = performance.now();
      let predictions: RowPredictions;
      try {
        predictions = await scoreMatrix(state.serving, matrix);
      } catch (error) {
        return fail(state, error);
      }
      state.latencies.push(performance.now() - start);
      if (state.width !== undefined && state.width !== predictions.width) {
        throw new InputError(`${state.serving.model.name} gave ${predictions.width} values per row, ${state.width} before; replay compares models whose output width does not change.`);
      }
      state.width = predictions.width;
      state.side.rows += predictions.rows;
      return predictions;
    };

    const lines = createInterface({ input: createReadStream(options.requestsFile), crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        let requestRows: Row[];
        let liveMatrix: Float32Array;
        try {
          requestRows = parseRequest(line);
          liveMatrix = featureMatrix(requestRows, live.serving.plan);
        } catch (error) {
          if (!(error instanceof RequestError)) throw error;
          rejected += 1;
          firstRejection ??= `line ${lineNumber}: ${error.message}`;
          continue;
        }
        let candidateMatrix: Float32Array | RequestError;
        try {
          candidateMatrix = featureMatrix(requestRows, candidate.serving.plan);
        } catch (error) {
          if (!(error instanceof RequestError)) throw error;
          candidateMatrix = error;
        }
        if (!warmed) {
          warmed = true;
          await scoreMatrix(live.serving, liveMatrix).catch(() => undefined);
          if (!(candidateMatrix instanceof RequestError)) await scoreMatrix(candidate.serving, candidateMatrix).catch(() => undefined);
        }
        requests += 1;
        rows += requestRows.length;
        let livePredictions: RowPredictions | undefined;
        let candidatePredictions: RowPredictions | undefined;
        if (requests % 2 === 1) {
          livePredictions = await run(live, liveMatrix);
          candidatePredictions = await run(candidate, candidateMatrix);
        } else {
          candidatePredictions = await run(candidate, candidateMatrix);
          livePredictions = await run(live, liveMatrix);
        }
        const liveRows = livePredictions === undefined ? undefined : rowValues(livePredictions);
        const candidateRows = candidatePredictions === undefined ? undefined : rowValues(candidatePredictions);
        if (liveRows !== undefined) for (const value of liveRows.values) live.all.push(value);
        if (candidateRows !== undefined) for (const value of candidateRows.values) candidate.all.push(value);
        if (liveRows !== undefined && candidateRows !== undefined) {
          for (let row = 0; row < requestRows.length; row += 1) {
            paired.liveValues.push(liveRows.values[row]!);
            paired.candidateValues.push(candidateRows.values[row]!);
            paired.liveClasses.push(liveRows.classes[row]!);
            paired.candidateClasses.push(candidateRows.classes[row]!);
          }
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
        throw new InputError(`The requests file ${options.requestsFile} cannot be read (${(error as NodeJS.ErrnoException).code}); give a JSON Lines file of recorded requests.`);
      }
      throw error;
    }
    if (requests === 0) {
      throw new InputError(
        `The requests file ${options.requestsFile} holds no request the live model can take${firstRejection === undefined ? ' (it is empty)' : ` (${rejected} rejected; first, ${firstRejection})`}; give JSON Lines of row objects or {"rows": [...]}.`,
      );
    }

    const liveWidth = live.width ?? 1;
    const candidateWidth = candidate.width ?? 1;
    if ((liveWidth > 2 || candidateWidth > 2) && live.width !== undefined && candidate.width !== undefined && liveWidth !== candidateWidth) {
      throw new InputError(`The live model gives ${liveWidth} values per row and the candidate ${candidateWidth}; replay compares models of the same task and classes.`);
    }
    const liveAll = live.all.values();
    const candidateAll = candidate.all.values();
    const bothInUnit = inUnitInterval(liveAll) && inUnitInterval(candidateAll);
    let comparison: ReplayResult['comparison'];
    if (task === 'regression') {
      if (liveWidth > 1 || candidateWidth > 1) throw new InputError(`task is regression, but the models give ${Math.max(liveWidth, candidateWidth)} values per row; a regression model gives one.`);
      comparison = 'regression';
    } else if (liveWidth > 2) comparison = 'classes';
    else if (task === 'classification' || liveWidth === 2 || candidateWidth === 2 || bothInUnit) comparison = 'probability';
    else comparison = 'regression';

    const compared = paired.liveValues.length;
    let agreeing = 0;
    let agreementTolerance: number | undefined;
    if (comparison === 'regression') {
      const liveValues = paired.liveValues.values();
      const candidateValues = paired.candidateValues.values();
      let mean = 0;
      for (const value of liveValues) mean += value;
      mean /= Math.max(1, compared);
      let squares = 0;
      for (const value of liveValues) squares += (value - mean) ** 2;
      agreementTolerance = tolerance * Math.sqrt(squares / Math.max(1, compared));
      for (let i = 0; i < compared; i += 1) if (Math.abs(candidateValues[i]! - liveValues[i]!) <= agreementTolerance) agreeing += 1;
    } else {
      const liveClasses = paired.liveClasses.values();
      const candidateClasses = paired.candidateClasses.values();
      for (let i = 0; i < compared; i += 1) if (liveClasses[i] === candidateClasses[i]) agreeing += 1;
    }

    let predictionDrift = Number.NaN;
    let driftBins: string;
    if (comparison === 'classes') {
      driftBins = `the ${liveWidth} predicted classes`;
      if (liveAll.length > 0 && candidateAll.length > 0) predictionDrift = jensenShannonDistance(classCounts(candidateAll, liveWidth), classCounts(liveAll, liveWidth), DRIFT_LOG_BASE);
    } else {
      let low = 0;
      let high = 1;
      if (!bothInUnit) {
        low = Infinity;
        high = -Infinity;
        for (const values of [liveAll, candidateAll]) {
          for (const value of values) {
            if (value < low) low = value;
            if (value > high) high = value;
          }
        }
      }
      driftBins = bothInUnit ? `${DRIFT_BINS} equal-width bins on [0, 1]` : `${DRIFT_BINS} equal-width bins on [${formatValue(low)}, ${formatValue(high)}]`;
      if (liveAll.length > 0 && candidateAll.length > 0) {
        predictionDrift = jensenShannonDistance(binCounts(candidateAll, low, high, DRIFT_BINS), binCounts(liveAll, low, high, DRIFT_BINS), DRIFT_LOG_BASE);
      }
    }

    const result: ReplayResult = {
      requestsFile: options.requestsFile,
      requests,
      rows,
      rejected,
      comparison,
      compared,
      agreement: compared === 0 ? Number.NaN : agreeing / compared,
      latency: { live: latencySummary(live.latencies), candidate: latencySummary(candidate.latencies) },
      predictionDrift,
      driftBins,
      errors: { live: live.side.errors, candidate: candidate.side.errors },
      live: live.side,
      candidate: candidate.side,
    };
    if (firstRejection !== undefined) result.firstRejection = firstRejection;
    if (agreementTolerance !== undefined) result.agreementTolerance = agreementTolerance;
    logger.info(
      `Replay: ${requests} requests (${rows} rows); agreement ${formatValue(result.agreement)}, prediction drift ${formatValue(predictionDrift)}, errors live ${result.errors.live} / candidate ${result.errors.candidate}${rejected > 0 ? `, ${rejected} rejected` : ''}.`,
    );
    return result;
  } finally {
    for (const serving of opened) await releaseModel(serving.model);
  }
}

function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : `${formatValue(value, 3)} ms`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** The replay as Markdown for a step summary or a pull-request comment. */
export function renderReplayMarkdown(result: ReplayResult): string {
  const agreementRule =
    result.comparison === 'regression'
      ? `predictions within ${formatValue(result.agreementTolerance ?? Number.NaN)} of each other (a tenth of the live predictions' standard deviation by default)`
      : result.comparison === 'classes'
        ? 'the same predicted class (argmax)'
        : 'the same predicted class (p ≥ 0.5 for one probability per row, argmax for more)';
  const percent = Number.isNaN(result.agreement) ? 'n/a' : `${formatValue(result.agreement * 100, 4)}%`;
  const row = (label: string, live: string, candidate: string): string => `| ${cell(label)} | ${cell(live)} | ${cell(candidate)} |`;
  const lines = [
    '### Shadow replay: candidate vs live',
    '',
    `Replayed ${count(result.requests)} request${result.requests === 1 ? '' : 's'} (${count(result.rows)} rows) from \`${basename(result.requestsFile)}\` through both models.`,
    '',
    '| | Live | Candidate |',
    '| --- | --- | --- |',
    row('Model', `\`${basename(result.live.model)}\` (${result.live.sha256.slice(0, 12)})`, `\`${basename(result.candidate.model)}\` (${result.candidate.sha256.slice(0, 12)})`),
    row('Rows answered', count(result.live.rows), count(result.candidate.rows)),
    row('Failed requests', count(result.errors.live), count(result.errors.candidate)),
    row('Latency p50', ms(result.latency.live.p50), ms(result.latency.candidate.p50)),
    row('Latency p95', ms(result.latency.live.p95), ms(result.latency.candidate.p95)),
    row('Latency p99', ms(result.latency.live.p99), ms(result.latency.candidate.p99)),
    '',
    `- **Agreement: ${percent}** of the ${count(result.compared)} rows both models answered get ${agreementRule}.`,
    `- **Prediction drift: ${formatValue(result.predictionDrift)}** (Jensen–Shannon distance, base 2: 0 same distribution, 1 disjoint; over ${result.driftBins}).`,
  ];
  if (result.rejected > 0) lines.push(`- ${count(result.rejected)} request${result.rejected === 1 ? ' was' : 's were'} rejected as the server would (400); first, ${result.firstRejection ?? ''}`);
  for (const [name, side] of [['live', result.live], ['candidate', result.candidate]] as const) {
    if (side.firstError !== undefined) lines.push(`- The ${name} model failed ${count(side.errors)} request${side.errors === 1 ? '' : 's'}; first: ${side.firstError}`);
  }
  return `${lines.join('\n')}\n`;
}
