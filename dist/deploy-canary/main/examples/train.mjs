#!/usr/bin/env node
/**
 * Trains the example churn model with nothing but Node (≥ 20): no npm packages, no Python.
 *
 *     node examples/train.mjs [data.csv]
 *
 * The same model family as examples/train.py, and the same ONNX graph, so evaluate-gate scores it
 * with `features: age, tenure_months, monthly_spend, support_tickets`:
 *
 * - data: examples/data/customers.csv (or the CLI argument, or CD4ML_PARAMS `data`), label `churned`;
 *   an empty field is missing (NaN);
 * - split: a deterministic 20% validation hold-out (floor(rows / 5) rows): a Fisher–Yates shuffle of
 *   the row indexes driven by SplitMix64 seeded with CD4ML_SEED (j = (next() >>> 32) · (i + 1) >>> 32,
 *   i from rows − 1 down to 1); the first floor(rows / 5) shuffled rows are the validation rows.
 *   examples/train_torch.py draws the same split;
 * - preprocessing: each feature's missing values replaced by its training mean, then standardised
 *   with the training mean and population standard deviation (1 where that is 0);
 * - model: logistic regression by full-batch gradient descent from zero weights on the mean log loss
 *   plus l2/2 · ‖w‖² (the bias is not penalised);
 * - log: `epoch=10 loss=0.5123 val_auc=0.7812` every `log_every` epochs and after the last one
 *   (training log loss and validation ROC AUC of the weights after that many epochs), so that a
 *   metric regex such as `loss=([0-9.]+)` reads a curve;
 * - model file: CD4ML_OUTPUT_DIR/model.onnx (default `model`), the standardisation folded into the
 *   weights: IsNaN → Where(means) → MatMul(W) → Add(b) → Sigmoid, input `features` float [N, 4],
 *   output `probability` float [N, 1], ir_version 8, opset 13, producer cd4ml-examples. The protobuf
 *   is written by hand below; the same data, seed and params give a byte-identical file;
 * - metrics: CD4ML_METRICS_FILE (default `metrics.json`) gets {"roc_auc", "log_loss", "accuracy"} on
 *   the validation rows, as scikit-learn's roc_auc_score, log_loss and accuracy_score (threshold 0.5,
 *   a probability of exactly 0.5 predicted positive).
 *
 * Params (CD4ML_PARAMS, a JSON object; numbers may be given as numeric strings):
 *   lr         learning rate, > 0                                  (default 0.5)
 *   epochs     full-batch gradient steps, a positive integer       (default 300)
 *   l2         L2 penalty on the weights, ≥ 0                      (default 0.001)
 *   log_every  epochs between log lines, a positive integer        (default 10)
 *   features   the columns used, a subset of the four (list or comma-separated); the others get
 *              weight zero, as train.py --features                 (default all four)
 *   data       the CSV to train on                                 (default examples/data/customers.csv)
 * CD4ML_SEED: an integer in [0, 2^32) (default 42).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEATURES = ['age', 'tenure_months', 'monthly_spend', 'support_tickets'];
const LABEL = 'churned';
const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULTS = { lr: 0.5, epochs: 300, l2: 0.001, log_every: 10 };
const KNOWN_PARAMS = ['lr', 'epochs', 'l2', 'log_every', 'features', 'data'];

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Settings

function number(name, value, { integer = false, min = -Infinity, exclusiveMin = false } = {}) {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const ok =
    typeof parsed === 'number' &&
    Number.isFinite(parsed) &&
    (!integer || Number.isInteger(parsed)) &&
    (exclusiveMin ? parsed > min : parsed >= min);
  if (!ok) {
    const expected = `${integer ? 'an integer' : 'a number'} ${exclusiveMin ? '>' : '≥'} ${min}`;
    throw new UsageError(`CD4ML_PARAMS "${name}" is ${JSON.stringify(value)}; expected ${expected}.`);
  }
  return parsed;
}

function settings(env, argv) {
  let params = {};
  const raw = env.CD4ML_PARAMS?.trim();
  if (raw) {
    try {
      params = JSON.parse(raw);
    } catch (error) {
      throw new UsageError(`CD4ML_PARAMS is not valid JSON (${error.message}); expected an object such as {"lr": 0.5, "epochs": 300}.`);
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      throw new UsageError(`CD4ML_PARAMS is ${raw}; expected a JSON object such as {"lr": 0.5, "epochs": 300}.`);
    }
  }
  const unknown = Object.keys(params).filter((name) => !KNOWN_PARAMS.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`CD4ML_PARAMS has unknown key${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')}; this script takes ${KNOWN_PARAMS.join(', ')}.`);
  }
  if (argv.length > 1) throw new UsageError(`expected at most one argument (the CSV to train on), got ${argv.length}: ${argv.join(' ')}.`);

  let features = FEATURES;
  if (params.features !== undefined) {
    const list = Array.isArray(params.features) ? params.features : typeof params.features === 'string' ? params.features.split(',') : null;
    if (list === null || list.some((name) => typeof name !== 'string')) {
      throw new UsageError(`CD4ML_PARAMS "features" is ${JSON.stringify(params.features)}; expected a list or comma-separated string of ${FEATURES.join(', ')}.`);
    }
    features = list.map((name) => name.trim());
    const bad = features.filter((name) => !FEATURES.includes(name));
    if (bad.length > 0 || features.length === 0) {
      throw new UsageError(`CD4ML_PARAMS "features" names ${bad.length > 0 ? bad.map((n) => `"${n}"`).join(', ') : 'no column'}; choose from ${FEATURES.join(', ')}.`);
    }
  }

  const seedText = env.CD4ML_SEED?.trim() ?? '';
  const seed = seedText === '' ? 42 : Number(seedText);
  if (!/^\d+$/.test(seedText === '' ? '42' : seedText) || seed > 0xffffffff) {
    throw new UsageError(`CD4ML_SEED is "${seedText}"; expected an integer from 0 to 4294967295.`);
  }

  const data = argv[0] ?? (typeof params.data === 'string' && params.data !== '' ? params.data : join(HERE, 'data', 'customers.csv'));
  return {
    data: resolve(data),
    lr: number('lr', params.lr ?? DEFAULTS.lr, { min: 0, exclusiveMin: true }),
    epochs: number('epochs', params.epochs ?? DEFAULTS.epochs, { integer: true, min: 1 }),
    l2: number('l2', params.l2 ?? DEFAULTS.l2, { min: 0 }),
    logEvery: number('log_every', params.log_every ?? DEFAULTS.log_every, { integer: true, min: 1 }),
    features,
    seed,
    outputDir: resolve(env.CD4ML_OUTPUT_DIR?.trim() || 'model'),
    metricsFile: resolve(env.CD4ML_METRICS_FILE?.trim() || 'metrics.json'),
  };
}

// ---------------------------------------------------------------------------------------------
// Data

/** The four feature columns (NaN where empty) and the 0/1 labels of a plain CSV (no quoting). */
function readTable(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the training data ${path}: ${error.code ?? error.message}. Pass the CSV as the argument or CD4ML_PARAMS "data".`);
  }
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = (lines[0] ?? '').split(',');
  const at = [...FEATURES, LABEL].map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new UsageError(`${path} has no column "${name}" (its header: ${header.join(', ')}); it needs ${[...FEATURES, LABEL].join(', ')}.`);
    return index;
  });
  const rows = lines.length - 1;
  if (rows < 10) throw new UsageError(`${path} has ${rows} data rows; training needs at least 10.`);
  const x = new Float64Array(rows * FEATURES.length);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r += 1) {
    const fields = lines[r + 1].split(',');
    for (let j = 0; j < FEATURES.length; j += 1) {
      const field = fields[at[j]] ?? '';
      const value = field === '' ? NaN : Number(field);
      if (field !== '' && !Number.isFinite(value)) throw new UsageError(`${path} row ${r + 1}: ${FEATURES[j]} is "${field}"; expected a number or an empty field.`);
      x[r * FEATURES.length + j] = value;
    }
    const label = fields[at[FEATURES.length]];
    if (label !== '0' && label !== '1') throw new UsageError(`${path} row ${r + 1}: ${LABEL} is "${label ?? ''}"; expected 0 or 1.`);
    y[r] = Number(label);
  }
  return { x, y, rows };
}

/** SplitMix64 (Steele, Lea & Flood 2014): the next 64-bit output as a BigInt. */
function splitMix64(seed) {
  const mask = (1n << 64n) - 1n;
  let state = BigInt(seed);
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & mask;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
}

/** Training and validation row indexes (each ascending); see the header for the algorithm. */
function split(rows, seed) {
  const next = splitMix64(seed);
  const order = Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i -= 1) {
    const j = Number(((next() >> 32n) * BigInt(i + 1)) >> 32n);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const validation = Math.floor(rows / 5);
  const byIndex = (a, b) => a - b;
  return { train: order.slice(validation).sort(byIndex), validation: order.slice(0, validation).sort(byIndex) };
}

// ---------------------------------------------------------------------------------------------
// Metrics, as scikit-learn defines them

/** roc_auc_score: the Mann–Whitney statistic with tied scores given their mean rank. NaN with one class. */
function rocAuc(labels, scores) {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b] || a - b);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) {
      if (labels[order[k]] === 1) {
        positives += 1;
        rankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** log_loss(labels=[0, 1]): probabilities clipped to [eps, 1 − eps], eps = 2⁻⁵². */
function logLoss(labels, probabilities) {
  let sum = 0;
  for (let i = 0; i < labels.length; i += 1) {
    const p = Math.min(Math.max(probabilities[i], Number.EPSILON), 1 - Number.EPSILON);
    sum -= Math.log(labels[i] === 1 ? p : 1 - p);
  }
  return sum / labels.length;
}

function accuracy(labels, probabilities) {
  let right = 0;
  for (let i = 0; i < labels.length; i += 1) if ((probabilities[i] >= 0.5 ? 1 : 0) === labels[i]) right += 1;
  return right / labels.length;
}

// ---------------------------------------------------------------------------------------------
// Training

function sigmoid(t) {
  return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
}

/** Standardised copies of the chosen rows: z[r][j] = (impute(x) − mean) / scale, 0 for unused columns. */
function standardise(x, rows, means, scales, used) {
  const k = FEATURES.length;
  const z = new Float64Array(rows.length * k);
  rows.forEach((row, r) => {
    for (let j = 0; j < k; j += 1) {
      if (!used[j]) continue;
      const value = x[row * k + j];
      z[r * k + j] = ((Number.isNaN(value) ? means[j] : value) - means[j]) / scales[j];
    }
  });
  return z;
}

function predict(z, n, w, b) {
  const k = w.length;
  const p = new Float64Array(n);
  for (let r = 0; r < n; r += 1) {
    let t = b;
    for (let j = 0; j < k; j += 1) t += w[j] * z[r * k + j];
    p[r] = sigmoid(t);
  }
  return p;
}

function train(table, config) {
  const k = FEATURES.length;
  const used = FEATURES.map((name) => config.features.includes(name));
  const { train: trainRows, validation: validationRows } = split(table.rows, config.seed);

  // Training means (ignoring missing values) and population standard deviations of the imputed values.
  const means = new Float64Array(k);
  const scales = new Float64Array(k);
  for (let j = 0; j < k; j += 1) {
    let sum = 0;
    let count = 0;
    for (const row of trainRows) {
      const value = table.x[row * k + j];
      if (!Number.isNaN(value)) {
        sum += value;
        count += 1;
      }
    }
    if (count === 0) throw new UsageError(`every training value of ${FEATURES[j]} is missing; nothing to impute it with.`);
    means[j] = sum / count;
    let squares = 0;
    for (const row of trainRows) {
      const value = table.x[row * k + j];
      const d = (Number.isNaN(value) ? means[j] : value) - means[j];
      squares += d * d;
    }
    const sd = Math.sqrt(squares / trainRows.length);
    scales[j] = sd > 0 ? sd : 1;
  }

  const zTrain = standardise(table.x, trainRows, means, scales, used);
  const zValidation = standardise(table.x, validationRows, means, scales, used);
  const yTrain = Float64Array.from(trainRows, (row) => table.y[row]);
  const yValidation = Float64Array.from(validationRows, (row) => table.y[row]);
  const n = trainRows.length;

  const w = new Float64Array(k);
  let b = 0;
  const gradient = new Float64Array(k);
  for (let epoch = 1; epoch <= config.epochs; epoch += 1) {
    const p = predict(zTrain, n, w, b);
    gradient.fill(0);
    let gradientB = 0;
    for (let r = 0; r < n; r += 1) {
      const residual = p[r] - yTrain[r];
      gradientB += residual;
      for (let j = 0; j < k; j += 1) gradient[j] += residual * zTrain[r * k + j];
    }
    for (let j = 0; j < k; j += 1) w[j] -= config.lr * (gradient[j] / n + config.l2 * w[j]);
    b -= config.lr * (gradientB / n);

    if (epoch % config.logEvery === 0 || epoch === config.epochs) {
      const loss = logLoss(yTrain, predict(zTrain, n, w, b));
      const valAuc = rocAuc(yValidation, predict(zValidation, validationRows.length, w, b));
      console.log(`epoch=${epoch} loss=${loss.toFixed(4)} val_auc=${valAuc.toFixed(4)}`);
    }
  }

  const validationP = predict(zValidation, validationRows.length, w, b);
  const metrics = { roc_auc: rocAuc(yValidation, validationP), log_loss: logLoss(yValidation, validationP), accuracy: accuracy(yValidation, validationP) };
  // Fold the standardisation into the weights: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w μ/σ).
  const folded = Float64Array.from(w, (weight, j) => weight / scales[j]);
  let bias = b;
  for (let j = 0; j < k; j += 1) bias -= (w[j] * means[j]) / scales[j];
  return { weights: folded, bias, means, metrics, trainRows: n, validationRows: validationRows.length };
}

// ---------------------------------------------------------------------------------------------
// ONNX, written as protobuf by hand (field numbers from onnx/onnx.proto)

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;
const utf8 = new TextEncoder();

/** Appends protobuf fields in the order they are written; `finish()` returns the encoded message. */
class ProtoWriter {
  #chunks = [];
  #length = 0;

  #push(chunk) {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  /** Base-128 varint of a non-negative safe integer. */
  #varint(value) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint of ${value}`);
    const out = [];
    while (value > 0x7f) {
      out.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    out.push(value);
    this.#push(Uint8Array.from(out));
  }

  #tag(field, wire) {
    this.#varint(field * 8 + wire);
  }

  int(field, value) {
    this.#tag(field, WIRE_VARINT);
    this.#varint(value);
    return this;
  }

  bytes(field, data) {
    this.#tag(field, WIRE_BYTES);
    this.#varint(data.length);
    this.#push(data);
    return this;
  }

  string(field, text) {
    return this.bytes(field, utf8.encode(text));
  }

  message(field, writer) {
    return this.bytes(field, writer.finish());
  }

  /** A packed repeated float field: little-endian float32 values in one length-delimited field. */
  packedFloats(field, values) {
    const data = new Uint8Array(values.length * 4);
    const view = new DataView(data.buffer);
    values.forEach((value, i) => view.setFloat32(i * 4, value, true));
    return this.bytes(field, data);
  }

  /** The encoded message. */
  finish() {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

const FLOAT = 1; // TensorProto.DataType.FLOAT

/** NodeProto: input = 1, output = 2, op_type = 4. */
function node(opType, inputs, outputs) {
  const w = new ProtoWriter();
  for (const name of inputs) w.string(1, name);
  for (const name of outputs) w.string(2, name);
  return w.string(4, opType);
}

/** TensorProto: dims = 1 (unpacked, as onnx.proto declares it), data_type = 2, float_data = 4 (packed), name = 8. */
function floatTensor(name, dims, values) {
  const w = new ProtoWriter();
  for (const dim of dims) w.int(1, dim);
  return w.int(2, FLOAT).packedFloats(4, values).string(8, name);
}

/**
 * ValueInfoProto (name = 1, type = 2) of a float tensor: TypeProto.tensor_type = 1 →
 * TypeProto.Tensor (elem_type = 1, shape = 2) → TensorShapeProto.dim = 1 → Dimension (dim_value = 1,
 * dim_param = 2).
 */
function floatValueInfo(name, dims) {
  const shape = new ProtoWriter();
  for (const dim of dims) shape.message(1, typeof dim === 'string' ? new ProtoWriter().string(2, dim) : new ProtoWriter().int(1, dim));
  const tensor = new ProtoWriter().int(1, FLOAT).message(2, shape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
}

/** probability = sigmoid(Where(IsNaN(features), means, features) @ W + b), as examples/train.py builds it. */
function onnxModel({ weights, bias, means }, doc) {
  // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12.
  const graph = new ProtoWriter()
    .message(1, node('IsNaN', ['features'], ['missing']))
    .message(1, node('Where', ['missing', 'means', 'features'], ['imputed']))
    .message(1, node('MatMul', ['imputed', 'W'], ['logit_raw']))
    .message(1, node('Add', ['logit_raw', 'b'], ['logit']))
    .message(1, node('Sigmoid', ['logit'], ['probability']))
    .string(2, 'churn')
    .message(5, floatTensor('W', [FEATURES.length, 1], weights))
    .message(5, floatTensor('b', [1], [bias]))
    .message(5, floatTensor('means', [FEATURES.length], means))
    .message(11, floatValueInfo('features', ['N', FEATURES.length]))
    .message(12, floatValueInfo('probability', ['N', 1]));
  // ModelProto: ir_version = 1, producer_name = 2, doc_string = 6, graph = 7, opset_import = 8
  // (OperatorSetIdProto: domain = 1, version = 2; the default domain "" written out, as onnx.helper does).
  return new ProtoWriter()
    .int(1, 8)
    .string(2, 'cd4ml-examples')
    .string(6, doc)
    .message(7, graph)
    .message(8, new ProtoWriter().string(1, '').int(2, 13))
    .finish();
}

// ---------------------------------------------------------------------------------------------

function main() {
  const started = performance.now();
  const config = settings(process.env, process.argv.slice(2));
  const table = readTable(config.data);
  console.log(
    `training on ${config.data} (${table.rows} rows; features ${config.features.join(', ')}); lr ${config.lr}, epochs ${config.epochs}, l2 ${config.l2}, seed ${config.seed}`,
  );
  const model = train(table, config);
  const doc = `churn logistic regression on ${config.features.join(', ')} (full-batch gradient descent: lr ${config.lr}, epochs ${config.epochs}, l2 ${config.l2}, seed ${config.seed})`;
  const path = join(config.outputDir, 'model.onnx');
  mkdirSync(config.outputDir, { recursive: true });
  writeFileSync(path, onnxModel(model, doc));
  mkdirSync(dirname(config.metricsFile), { recursive: true });
  writeFileSync(config.metricsFile, `${JSON.stringify(model.metrics, null, 2)}\n`);
  const { roc_auc, log_loss, accuracy: acc } = model.metrics;
  console.log(
    // No `name=value` here: a metric regex such as `loss=([0-9.]+)` must read the epoch lines only.
    `wrote ${path} and ${config.metricsFile}: validation (${model.validationRows} rows) roc_auc ${roc_auc.toFixed(4)}, log_loss ${log_loss.toFixed(4)}, accuracy ${acc.toFixed(4)}; ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}

try {
  main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`train.mjs: ${error.message}`);
  process.exitCode = 1;
}
