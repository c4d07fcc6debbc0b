/**
 * openModel, planInputs and scoreModel on the fixture models (test/fixtures/models/make_models.py),
 * whose predictions are checked against the same formulas computed here in float64. The models
 * compute in float32 (float64_input in float64): probabilities within 1e-6 absolute, other float32
 * values within 1e-6 relative, float64 values exactly.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type EvaluationTable, readEvaluationTable } from '../../src/core/evaluation/evaluation-table.js';
import { localFileSource } from '../../src/core/data/local-file.js';
import { InputError } from '../../src/core/errors.js';
import { sha256File } from '../../src/core/files/sha256.js';
import { type LoadedModel, type ModelSignature, openModel, planInputs, releaseModel, scoreModel } from '../../src/core/inference/score-model.js';
import { inputErrorMessage } from '../support/input-error.js';
import { rejection } from '../support/readers.js';

const models = join(import.meta.dirname, '../fixtures/models');
const modelPath = (name: string): string => join(models, name);
const directory = mkdtempSync(join(tmpdir(), 'cd4ml-score-'));

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Deterministic values in [-3, 3) with two decimals (a linear congruential generator). */
function values(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.round(((state >>> 8) / 2 ** 24) * 600 - 300) / 100;
  });
}

const ROWS = 1000;
const A = values(ROWS, 1);
const B = values(ROWS, 2);
const C = values(ROWS, 3);

async function table(name: string, csv: string, features: string[]): Promise<EvaluationTable> {
  const path = join(directory, name);
  writeFileSync(path, csv);
  return readEvaluationTable([await localFileSource(path, name)], { format: 'auto', features, categorical: [] });
}

const opened: LoadedModel[] = [];
async function open(name: string): Promise<LoadedModel> {
  const model = await openModel(modelPath(name), name);
  opened.push(model);
  return model;
}

afterAll(async () => {
  for (const model of opened) await releaseModel(model);
});

/** A model with only a signature, for planning (planInputs never runs the session). */
function fake(signature: ModelSignature): LoadedModel {
  return { path: 'model.onnx', name: 'model.onnx', sha256: '', session: undefined as never, signature };
}
const tensor = (name: string, type: string, shape: (number | string | null)[] | null) => ({ name, tensor: true, type, shape });
const probability = tensor('probability', 'float32', ['N', 1]);

let abc: EvaluationTable;

beforeAll(async () => {
  const lines = ['id,c,b,a,extra'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`${i},${C[i]},${B[i]},${A[i]},${i % 5}`);
  abc = await table('abc.csv', `${lines.join('\n')}\n`, ['a', 'b', 'c']);
});

describe('openModel', () => {
  test('the session, the sha256 of the file and the signature', async () => {
    const model = await open('logistic.onnx');
    expect(model.sha256).toBe(createHash('sha256').update(readFileSync(modelPath('logistic.onnx'))).digest('hex'));
    expect(model.signature).toEqual({
      inputs: [{ name: 'features', tensor: true, type: 'float32', shape: ['N', 3] }],
      outputs: [{ name: 'probability', tensor: true, type: 'float32', shape: ['N', 1] }],
    });
    expect(await sha256File(modelPath('logistic.onnx'))).toBe(model.sha256);
  });

  test('a file that is not a model', async () => {
    const path = join(directory, 'broken.onnx');
    writeFileSync(path, 'not a model');
    const error = await rejection(openModel(path, 'broken.onnx'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/^broken\.onnx is not a model onnxruntime can load: .*\. Export the model to ONNX \(opset 7 or later\) and try again\.$/);
  });

  test('ZipMap and non-tensor outputs are refused when planning, with how to export instead', async () => {
    const model = await open('zipmap.onnx');
    expect(model.signature.outputs).toEqual([
      { name: 'output_label', tensor: true, type: 'int64', shape: ['N'] },
      { name: 'output_probability', tensor: false, type: '', shape: null },
    ]);
    expect(inputErrorMessage(() => planInputs(model, ['a', 'b'], ['a', 'b']))).toBe(
      'zipmap.onnx: output "output_probability" is a sequence of maps (ZipMap), which cd4ml does not read; export the classifier with ZipMap disabled so probabilities are a tensor [N, C]: skl2onnx\'s to_onnx(model, X, options={\'zipmap\': False}).',
    );
  });
});

describe('planInputs', () => {
  test('one matrix input takes the listed features in order', async () => {
    const plan = planInputs(await open('logistic.onnx'), ['a', 'b', 'c'], ['c', 'b', 'a']);
    expect(plan).toEqual({
      kind: 'matrix',
      features: ['a', 'b', 'c'],
      inputs: [{ name: 'features', type: 'float32', features: ['a', 'b', 'c'], rank: 2 }],
      output: { name: 'probability', type: 'float32', width: 1 },
      fixedBatch: null,
    });
  });

  test('inputs named after columns, found without a features list', async () => {
    const plan = planInputs(await open('by_column.onnx'), undefined, ['tenure', 'age', 'churned']);
    expect(plan.kind).toBe('columns');
    expect(plan.features).toEqual(['age', 'tenure']);
    expect(plan.inputs).toEqual([
      { name: 'age', type: 'float32', features: ['age'], rank: 2 },
      { name: 'tenure', type: 'float32', features: ['tenure'], rank: 2 },
    ]);
  });

  test('the output: a float tensor named like probabilities, else the first float tensor', async () => {
    expect(planInputs(await open('float64_input.onnx'), ['a', 'b'], []).output).toEqual({ name: 'score', type: 'float64', width: 1 });
    const signature = (names: string[]) => fake({ inputs: [tensor('x', 'float32', ['N', 1])], outputs: names.map((name) => tensor(name, name === 'label' ? 'int64' : 'float32', ['N', 2])) });
    expect(planInputs(signature(['label', 'scores', 'probabilities']), ['x'], []).output.name).toBe('probabilities');
    expect(planInputs(signature(['label', 'scores', 'logits']), ['x'], []).output.name).toBe('scores');
    expect(planInputs(signature(['value']), ['x'], []).output).toEqual({ name: 'value', type: 'float32', width: 2 });
  });

  test.each([
    {
      name: 'the declared width differs from the features listed',
      model: fake({ inputs: [tensor('features', 'float32', ['N', 4])], outputs: [probability] }),
      features: ['a', 'b', 'c'],
      message: 'model.onnx\'s input "features" takes 4 values per row ([N, 4]) but 3 features are listed (a, b, c); list the columns the model was trained on, in order.',
    },
    {
      name: 'a vector input with several features',
      model: fake({ inputs: [tensor('x', 'float32', [null])], outputs: [probability] }),
      features: ['a', 'b'],
      message: 'model.onnx\'s input "x" takes 1 value per row ([?]) but 2 features are listed (a, b); list the columns the model was trained on, in order.',
    },
    {
      name: 'no features and an input that is not a column',
      model: fake({ inputs: [tensor('features', 'float32', ['N', 3])], outputs: [probability] }),
      features: undefined,
      message: 'model.onnx\'s input "features" is not a column of the data; set the features input to the columns the model takes, in the order it takes them.',
    },
    {
      name: 'several inputs, not all named after features',
      model: fake({ inputs: [tensor('a', 'float32', ['N', 1]), tensor('x', 'float32', ['N', 1])], outputs: [probability] }),
      features: ['a', 'b'],
      message:
        'model.onnx has 2 inputs (a, x) and "x" is not a listed feature; cd4ml feeds one input of every feature ([N, F]) or one input per column, named after it (unsupported otherwise).',
    },
    {
      name: 'per-column inputs and a listed feature no input takes',
      model: fake({ inputs: [tensor('a', 'float32', ['N', 1]), tensor('b', 'float32', ['N', 1])], outputs: [probability] }),
      features: ['a', 'b', 'c'],
      message: 'features lists "c", but model.onnx has no input of that name (its inputs: a, b); with one input per column, list exactly the model\'s inputs, or leave features unset.',
    },
    {
      name: 'a per-column input taking several values',
      model: fake({ inputs: [tensor('a', 'float32', ['N', 2]), tensor('b', 'float32', ['N', 1])], outputs: [probability] }),
      features: ['a', 'b'],
      message: 'model.onnx\'s input "a" has shape [N, 2]; an input named after a column takes one value per row ([N] or [N, 1]).',
    },
    {
      name: 'a string input',
      model: fake({ inputs: [tensor('city', 'string', ['N', 1])], outputs: [probability] }),
      features: ['city'],
      message:
        'model.onnx: input "city" takes string values, which cd4ml does not feed (unsupported); it feeds float32, float64, int32 or int64 tensors: encode such columns as numbers before exporting the model.',
    },
    {
      name: 'a rank-3 input',
      model: fake({ inputs: [tensor('x', 'float32', ['N', 2, 2])], outputs: [probability] }),
      features: ['a', 'b'],
      message: 'model.onnx\'s input "x" has shape [N, 2, 2]; cd4ml feeds a matrix of features ([N, F]), not rank 3 (unsupported).',
    },
    {
      name: 'a batch dimension fixed above 1',
      model: fake({ inputs: [tensor('x', 'float32', [32, 2])], outputs: [probability] }),
      features: ['a', 'b'],
      message: 'model.onnx: input "x" has shape [32, 2], a batch dimension fixed at 32 rows (unsupported); export the model with a free batch dimension (e.g. [None, F]).',
    },
    {
      name: 'a rank-3 output',
      model: fake({ inputs: [tensor('x', 'float32', ['N', 2])], outputs: [tensor('y', 'float32', ['N', 2, 1])] }),
      features: ['a', 'b'],
      message: 'model.onnx: output "y" has shape [N, 2, 1]; cd4ml reads one value per row ([N] or [N, 1]) or one per class ([N, C]), not rank 3.',
    },
    {
      name: 'a string output',
      model: fake({ inputs: [tensor('x', 'float32', ['N', 2])], outputs: [tensor('y', 'string', ['N'])] }),
      features: ['a', 'b'],
      message: 'model.onnx: output "y" holds string values; cd4ml reads numeric predictions only (float32 or float64 scores or probabilities, or integers).',
    },
  ])('$name', ({ model, features, message }) => {
    expect(inputErrorMessage(() => planInputs(model, features, ['a', 'b', 'c']))).toBe(message);
  });

  test('a string input model as onnxruntime reports it', async () => {
    const model = await open('string_input.onnx');
    expect(inputErrorMessage(() => planInputs(model, undefined, ['city']))).toBe(
      'string_input.onnx: input "city" takes string values, which cd4ml does not feed (unsupported); it feeds float32, float64, int32 or int64 tensors: encode such columns as numbers before exporting the model.',
    );
  });
});

/** Expects every value within `tolerance` (absolute, or relative to |expected| when `relative`). */
function expectClose(actual: Float64Array, expected: number[], tolerance: number, relative = false): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const error = Math.abs(actual[i]! - expected[i]!) / (relative ? Math.max(1, Math.abs(expected[i]!)) : 1);
    if (!(error <= worst)) worst = error;
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
}

describe('scoreModel', () => {
  test('logistic.onnx: sigmoid(0.5a − b + 2c + 0.25), any batch size giving the same values', async () => {
    const model = await open('logistic.onnx');
    const plan = planInputs(model, ['a', 'b', 'c'], abc.columns);
    const expected = A.map((a, i) => sigmoid(0.5 * a - B[i]! + 2 * C[i]! + 0.25));
    const whole = await scoreModel(model, plan, abc);
    expect(whole.output).toBe('probability');
    expect(whole.width).toBe(1);
    expect(whole.rows).toBe(ROWS);
    expectClose(whole.values, expected, 1e-6);
    for (const batchSize of [1, 7, 333, 999, 1000, 1001]) {
      expect((await scoreModel(model, plan, abc, { batchSize })).values).toEqual(whole.values);
    }
  });

  test('a model taking a subset of the table features, in another order, is gathered per batch', async () => {
    const wide = await table('wide.csv', 'c,b,a,d\n1,2,3,4\n-1,0.5,2,9\n', ['d', 'c', 'a', 'b']);
    const model = await open('logistic.onnx');
    const result = await scoreModel(model, planInputs(model, ['a', 'b', 'c'], wide.columns), wide, { batchSize: 1 });
    expectClose(result.values, [sigmoid(1.5 - 2 + 2 + 0.25), sigmoid(1 - 0.5 - 2 + 0.25)], 1e-6);
  });

  test('softmax3.onnx: [N, 3] probabilities', async () => {
    const model = await open('softmax3.onnx');
    const plan = planInputs(model, ['a', 'b', 'c'], abc.columns);
    const W = [
      [1, 0, -1],
      [0.5, 1, 0],
      [-0.5, 0, 2],
    ];
    const bias = [0.1, 0, -0.1];
    const expected = A.flatMap((a, i) => {
      const x = [a, B[i]!, C[i]!];
      const logits = bias.map((b, j) => b + x.reduce((sum, value, k) => sum + value * W[k]![j]!, 0));
      const max = Math.max(...logits);
      const exps = logits.map((logit) => Math.exp(logit - max));
      const total = exps.reduce((sum, value) => sum + value, 0);
      return exps.map((value) => value / total);
    });
    const result = await scoreModel(model, plan, abc, { batchSize: 77 });
    expect(result.width).toBe(3);
    expect(result.output).toBe('probabilities');
    expectClose(result.values, expected, 1e-6);
  });

  test('linear_regression.onnx: an [N] output, 2a − 3b + 0.5', async () => {
    const model = await open('linear_regression.onnx');
    const result = await scoreModel(model, planInputs(model, ['a', 'b'], abc.columns), abc, { batchSize: 64 });
    expect(result.width).toBe(1);
    expectClose(result.values, A.map((a, i) => 2 * a - 3 * B[i]! + 0.5), 1e-6, true);
  });

  test('by_column.onnx: one [N, 1] input per column, sigmoid(0.05 age − 0.1 tenure − 1)', async () => {
    const data = await table('people.csv', 'tenure,age,churned\n12,40,0\n0,18,1\n60,71.5,0\n', ['age', 'tenure']);
    const model = await open('by_column.onnx');
    const plan = planInputs(model, undefined, data.columns);
    const result = await scoreModel(model, plan, data, { batchSize: 2 });
    expect(result.width).toBe(1);
    expectClose(result.values, [sigmoid(0.05 * 40 - 0.1 * 12 - 1), sigmoid(0.05 * 18 - 1), sigmoid(0.05 * 71.5 - 6 - 1)], 1e-6);
  });

  test('int64_input.onnx: whole numbers fed as int64, a + 10b + 0.5', async () => {
    const data = await table('ints.csv', 'a,b\n1,2\n-3,4\n7,0\n', ['a', 'b']);
    const model = await open('int64_input.onnx');
    const plan = planInputs(model, ['a', 'b'], data.columns);
    expect(plan.inputs[0]!.type).toBe('int64');
    const result = await scoreModel(model, plan, data, { batchSize: 2 });
    expect(Array.from(result.values)).toEqual([21.5, 37.5, 7.5]);
  });

  test('int64_input.onnx: a fractional or missing value cannot be fed', async () => {
    const model = await open('int64_input.onnx');
    const fractional = await table('fraction.csv', 'a,b\n1,2\n1.5,4\n', ['a', 'b']);
    const missing = await table('gap.csv', 'a,b\n1,2\n3,\n', ['a', 'b']);
    expect((await rejection(scoreModel(model, planInputs(model, ['a', 'b'], []), fractional))).message).toBe(
      'row 2: feature "a" is 1.5, but int64_input.onnx\'s input "features" takes int64 values (whole numbers, none missing); fill or drop such rows, or export the model with a float input.',
    );
    expect((await rejection(scoreModel(model, planInputs(model, ['a', 'b'], []), missing))).message).toBe(
      'row 2: feature "b" is missing, but int64_input.onnx\'s input "features" takes int64 values (whole numbers, none missing); fill or drop such rows, or export the model with a float input.',
    );
  });

  test('float64_input.onnx: float64 in and out, 0.25a − 0.5b', async () => {
    const model = await open('float64_input.onnx');
    const result = await scoreModel(model, planInputs(model, ['a', 'b'], abc.columns), abc, { batchSize: 100 });
    expect(result.output).toBe('score');
    // The table holds float32 features; the model then computes exactly in float64.
    expect(Array.from(result.values)).toEqual(A.map((a, i) => 0.25 * Math.fround(a) - 0.5 * Math.fround(B[i]!)));
  });

  test('NaN predictions: how many, the first rows, and whether features were missing', async () => {
    const model = await open('nan.onnx');
    const own = await table('logs.csv', 'a,b\n1,1\n-2,1\n3,0\n-1,1\n0,-4\n', ['a', 'b']);
    expect((await rejection(scoreModel(model, planInputs(model, ['a', 'b'], []), own))).message).toBe(
      'nan.onnx: output "value" is NaN or infinite on 3 rows (rows 2, 4, 5); their features are all present, so the model itself yields them (e.g. a log or division of a feature): check the model.',
    );
    const gaps = await table('gaps.csv', 'a,b\n1,1\n,1\n2,2\n-5,1\n3,\n', ['a', 'b']);
    expect((await rejection(scoreModel(model, planInputs(model, ['a', 'b'], []), gaps, { batchSize: 2 }))).message).toBe(
      'nan.onnx: output "value" is NaN or infinite on 3 rows (rows 2, 4, 5); 2 of them have missing feature values (NaN), which the model does not handle: fill or drop those rows, or export a model that handles missing values (e.g. with an imputer).',
    );
    const many = await table('many-nan.csv', `a,b\n${Array.from({ length: 8 }, () => ',').join('\n')}\n1,1\n`, ['a', 'b']);
    expect((await rejection(scoreModel(model, planInputs(model, ['a', 'b'], []), many))).message).toBe(
      'nan.onnx: output "value" is NaN or infinite on 8 rows (rows 1, 2, 3, 4, 5, …); all of them have missing feature values (NaN), which the model does not handle: fill or drop those rows, or export a model that handles missing values (e.g. with an imputer).',
    );
  });

  test('a table read without a feature the model takes', async () => {
    const model = await open('logistic.onnx');
    const narrow = await table('narrow.csv', 'a,b\n1,2\n', ['a', 'b']);
    expect((await rejection(scoreModel(model, planInputs(model, ['a', 'b', 'c'], []), narrow))).message).toBe(
      'logistic.onnx\'s input "features" takes column "c", which the evaluation table was not read with (it holds a, b); read it with every feature the models take.',
    );
  });
});
