/**
 * The evaluate-gate benchmark's evaluation set: a seeded CSV (1,000,000 rows by default) that the
 * models of bench/models score.
 *
 * Columns (a header row, then one record per line, LF line ends):
 *   x0 … x7   the features, each standard normal (Box–Muller), 4 decimals
 *   label     0/1, drawn as Bernoulli(p) with p the candidate model's (bench/models/mlp.onnx)
 *             probability for the row's features as written, so the candidate is the calibrated true
 *             model: ROC AUC about 0.80, about a third positives
 *   segment   category: 8 skewed values (web about a third), for slices
 *
 * The labels are drawn from the model's outputs, so the file depends on the model and on onnxruntime;
 * its marker (`<csv>.json`) records the generator version, seed, rows, byte size, the model's sha256
 * and the onnxruntime-node version, and the CSV is reused while all of them match.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './generate-data.js';

/** Bump when the bytes for a given seed, row count and model change. */
export const GATE_GENERATOR_VERSION = 1;
export const GATE_DEFAULT_ROWS = 1_000_000;
export const GATE_FEATURES = ['x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'] as const;
export const GATE_COLUMNS = [...GATE_FEATURES, 'label', 'segment'] as const;

const SEGMENTS: readonly (readonly [string, number])[] = [
  ['web', 32],
  ['ios', 18],
  ['android', 16],
  ['partner', 10],
  ['retail', 9],
  ['enterprise', 7],
  ['education', 5],
  ['other', 3],
];

export interface GateDatasetMarker {
  generator: number;
  seed: number;
  rows: number;
  bytes: number;
  columns: readonly string[];
  /** sha256 of the model the labels were drawn from. */
  modelSha256: string;
  onnxruntime: string;
  /** Share of label 1. */
  positives: number;
  /** Seconds the generation took (informational). */
  seconds: number;
}

export interface GateDataset {
  path: string;
  marker: GateDatasetMarker;
  generated: boolean;
}

export interface GateDataOptions {
  rows: number;
  seed: number;
  dir: string;
  /** The model whose probabilities the labels are drawn from. */
  model: string;
  onnxruntimeVersion: string;
  force?: boolean;
}

const BLOCK_ROWS = 65_536;

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Reuses the CSV when its marker matches, else (re)generates it. */
export async function ensureGateDataset(options: GateDataOptions): Promise<GateDataset> {
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, `gate-${options.rows}-${options.seed}.csv`);
  const modelSha256 = sha256(options.model);
  if (options.force !== true && existsSync(path) && existsSync(`${path}.json`)) {
    try {
      const marker = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as GateDatasetMarker;
      if (
        marker.generator === GATE_GENERATOR_VERSION &&
        marker.seed === options.seed &&
        marker.rows === options.rows &&
        marker.modelSha256 === modelSha256 &&
        marker.onnxruntime === options.onnxruntimeVersion &&
        JSON.stringify(marker.columns) === JSON.stringify(GATE_COLUMNS) &&
        statSync(path).size === marker.bytes
      ) {
        return { path, marker, generated: false };
      }
    } catch {
      // regenerate
    }
  }
  return { path, marker: await generateGateData(options, path, modelSha256), generated: true };
}

async function generateGateData(options: GateDataOptions, path: string, modelSha256: string): Promise<GateDatasetMarker> {
  const { rows, seed } = options;
  const started = performance.now();
  const width = GATE_FEATURES.length;
  // Features first (as float32, the values the model is fed: 4-decimal numbers survive float32 and
  // toFixed(4) both ways), in blocks with their own streams.
  const features = new Float32Array(rows * width);
  for (let start = 0; start < rows; start += BLOCK_ROWS) {
    const random = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(start / BLOCK_ROWS + 1, 0x85ebca6b)) >>> 0);
    const end = Math.min(rows, start + BLOCK_ROWS);
    for (let at = start * width; at < end * width; at += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - random()));
      const theta = 2 * Math.PI * random();
      features[at] = Math.round(r * Math.cos(theta) * 1e4) / 1e4;
      if (at + 1 < end * width) features[at + 1] = Math.round(r * Math.sin(theta) * 1e4) / 1e4;
    }
  }
  const probabilities = await modelProbabilities(options.model, features, rows, width);

  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  let bytes = 0;
  let positives = 0;
  const write = (text: string): void => {
    const buffer = Buffer.from(text, 'latin1');
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    bytes += buffer.length;
  };
  const total = SEGMENTS.reduce((sum, [, weight]) => sum + weight, 0);
  const bounds = SEGMENTS.map((_, i) => SEGMENTS.slice(0, i + 1).reduce((sum, [, weight]) => sum + weight, 0) / total);
  try {
    write(`${GATE_COLUMNS.join(',')}\n`);
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const random = prng((Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(start / BLOCK_ROWS + 1, 0xc2b2ae35)) >>> 0);
      const end = Math.min(rows, start + BLOCK_ROWS);
      const lines: string[] = [];
      for (let row = start; row < end; row += 1) {
        const cells: string[] = [];
        for (let j = 0; j < width; j += 1) cells.push(features[row * width + j]!.toFixed(4));
        const label = random() < probabilities[row]! ? 1 : 0;
        positives += label;
        const u = random();
        let segment = 0;
        while (segment < SEGMENTS.length - 1 && u >= bounds[segment]!) segment += 1;
        cells.push(String(label), SEGMENTS[segment]![0]);
        lines.push(cells.join(','));
      }
      write(`${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  const marker: GateDatasetMarker = {
    generator: GATE_GENERATOR_VERSION,
    seed,
    rows,
    bytes,
    columns: GATE_COLUMNS,
    modelSha256,
    onnxruntime: options.onnxruntimeVersion,
    positives: Math.round((positives / rows) * 1e4) / 1e4,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
  writeFileSync(`${path}.json`, `${JSON.stringify(marker, null, 2)}\n`);
  return marker;
}

/** The model's probability for each row (its single [N, 1] float output), with onnxruntime directly. */
async function modelProbabilities(model: string, features: Float32Array, rows: number, width: number): Promise<Float32Array> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(model);
  try {
    const input = session.inputNames[0]!;
    const output = session.outputNames[0]!;
    const probabilities = new Float32Array(rows);
    for (let start = 0; start < rows; start += BLOCK_ROWS) {
      const n = Math.min(BLOCK_ROWS, rows - start);
      const result = await session.run({ [input]: new ort.Tensor('float32', features.subarray(start * width, (start + n) * width), [n, width]) });
      probabilities.set(result[output]!.data as Float32Array, start);
    }
    return probabilities;
  } finally {
    await session.release();
  }
}
