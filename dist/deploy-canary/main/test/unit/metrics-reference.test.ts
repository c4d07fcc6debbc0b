/**
 * The metric evaluators against scikit-learn (test/fixtures/reference/metrics/*.json, written by
 * make_metrics_reference.py), unweighted and with integer sample weights, and the behaviour a change
 * could break: the NaN policy, reuse of scratch buffers between evaluations, zero weights, weights as
 * row repetitions and indicator weights as subsets.
 *
 * Tolerance: |actual − sklearn| ≤ 1e-12 · max(|sklearn|, 1). The evaluators sum in another order than
 * numpy (sequential vs pairwise) and ROC AUC / AP are computed from exact integer counts rather than
 * from rates, which moves the last few bits only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { binaryEvaluator, binaryLogLoss } from '../../src/core/metrics/binary.js';
import { METRIC_CATALOG } from '../../src/core/metrics/catalog.js';
import { argmaxPredictions, binaryPredictions, confusionMatrix } from '../../src/core/metrics/confusion.js';
import { multiclassEvaluator } from '../../src/core/metrics/multiclass.js';
import { regressionEvaluator } from '../../src/core/metrics/regression.js';
import type { MetricEvaluator } from '../../src/core/metrics/types.js';
import { seeded as random } from '../support/random.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/reference/metrics');
const TOLERANCE = 1e-12;

type Values = Record<string, number | null>;
interface ReferenceCase {
  name: string;
  note: string;
  weights: number[];
  unweighted: Values;
  weighted: Values;
}
interface BinaryCase extends ReferenceCase {
  threshold: number;
  labels: number[];
  probabilities: number[];
}
interface MulticlassCase extends ReferenceCase {
  classes: number;
  labels: number[];
  probabilities: number[];
}
interface RegressionCase extends ReferenceCase {
  targets: number[];
  predictions: number[];
}
interface Reference<T> {
  sklearn: string;
  numpy: string;
  cases: T[];
}

const load = <T>(name: string): Reference<T> => JSON.parse(readFileSync(resolve(FIXTURES, `${name}.json`), 'utf8')) as Reference<T>;
const binary = load<BinaryCase>('binary');
const multiclass = load<MulticlassCase>('multiclass');
const regression = load<RegressionCase>('regression');

const variants = ['unweighted', 'weighted'] as const;
/** Rows [case name, variant, case] for test.each. */
const table = <T extends ReferenceCase>(cases: T[]): [string, (typeof variants)[number], T][] =>
  cases.flatMap((c) => variants.map((variant): [string, (typeof variants)[number], T] => [c.name, variant, c]));

/** The values of `evaluator` by name. */
function byName(evaluator: MetricEvaluator, values: Float64Array): Record<string, number> {
  return Object.fromEntries(evaluator.names.map((name, i) => [name, values[i]!]));
}

function expectClose(actual: number, expected: number, label: string): void {
  if (Number.isNaN(expected)) {
    expect(actual, label).toBeNaN();
    return;
  }
  const error = Math.abs(actual - expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE * Math.max(Math.abs(expected), 1));
}

function expectAllClose(actual: Float64Array, expected: Float64Array, label: string): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i += 1) expectClose(actual[i]!, expected[i]!, `${label}[${i}]`);
}

/** Compares every metric with sklearn's value (null: sklearn raised or returned nan → NaN). */
function expectReference(
  evaluator: MetricEvaluator,
  values: Float64Array,
  reference: Values,
  override: (name: string, sklearn: number) => number = (_, v) => v,
): void {
  expect(evaluator.names).toEqual(Object.keys(reference));
  const actual = byName(evaluator, values);
  for (const [name, value] of Object.entries(reference)) {
    expectClose(actual[name]!, override(name, value ?? Number.NaN), name);
  }
}

const weightsOf = (c: ReferenceCase, variant: (typeof variants)[number]): Uint32Array | undefined =>
  variant === 'weighted' ? Uint32Array.from(c.weights) : undefined;

const makeBinary = (c: BinaryCase): MetricEvaluator =>
  binaryEvaluator(Uint8Array.from(c.labels), Float64Array.from(c.probabilities), { threshold: c.threshold });
const makeMulticlass = (c: MulticlassCase): MetricEvaluator =>
  multiclassEvaluator(Int32Array.from(c.labels), Float64Array.from(c.probabilities), c.classes);
const makeRegression = (c: RegressionCase): MetricEvaluator => regressionEvaluator(Float64Array.from(c.targets), Float64Array.from(c.predictions));

describe(`binary metrics against scikit-learn ${binary.sklearn} (numpy ${binary.numpy})`, () => {
  test.each(table(binary.cases))('%s, %s', (_, variant, c) => {
    const weights = weightsOf(c, variant);
    const evaluator = makeBinary(c);
    const positiveWeight = c.labels.reduce((sum, label, i) => sum + label * (weights === undefined ? 1 : weights[i]!), 0);
    expectReference(evaluator, evaluator.evaluate(weights), c[variant], (name, value) => {
      // The one deliberate difference: with no positive weight sklearn 1.2.1 returns AP 0 (with a
      // warning); cd4ml calls it undefined.
      if (name === 'average_precision' && positiveWeight === 0) {
        expect(value === 0).toBe(true);
        return Number.NaN;
      }
      return value;
    });
  });

  test('the fixtures cover the degenerate cases the policy names', () => {
    const names = binary.cases.map((c) => c.name);
    const degenerate = ['only_negatives', 'only_positives', 'positives_weighted_zero', 'no_predicted_positive', 'extreme_probabilities'];
    expect(names).toEqual(expect.arrayContaining(degenerate));
  });
});

describe(`multiclass metrics against scikit-learn ${multiclass.sklearn}`, () => {
  test.each(table(multiclass.cases))('%s, %s', (_, variant, c) => {
    const evaluator = makeMulticlass(c);
    expectReference(evaluator, evaluator.evaluate(weightsOf(c, variant)), c[variant]);
  });
});

describe(`regression metrics against scikit-learn ${regression.sklearn}`, () => {
  test.each(table(regression.cases))('%s, %s', (_, variant, c) => {
    const evaluator = makeRegression(c);
    expectReference(evaluator, evaluator.evaluate(weightsOf(c, variant)), c[variant]);
  });
});

describe('metric names follow the catalog', () => {
  test('binary and regression: the catalog order', () => {
    expect(makeBinary(binary.cases[0]!).names).toEqual(METRIC_CATALOG.binary.map((m) => m.name));
    expect(makeRegression(regression.cases[0]!).names).toEqual(METRIC_CATALOG.regression.map((m) => m.name));
  });

  test.each([
    [2, ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss']],
    [3, ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss', 'top_2_accuracy']],
    [5, ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss', 'top_2_accuracy', 'top_3_accuracy']],
    [6, ['accuracy', 'f1_macro', 'f1_weighted', 'log_loss', 'top_2_accuracy', 'top_3_accuracy', 'top_5_accuracy']],
  ])('multiclass with %i classes: top-k only for k below C', (classes, names) => {
    const evaluator = multiclassEvaluator(new Int32Array([0]), new Float64Array(classes).fill(1 / classes), classes);
    expect(evaluator.names).toEqual(names);
    const catalog = METRIC_CATALOG.multiclass.map((m) => m.name);
    expect(names.every((name) => catalog.includes(name))).toBe(true);
  });
});

const draw = random(7);
const n = 300;
const binaryLabels = Uint8Array.from({ length: n }, () => (draw() < 0.4 ? 1 : 0));
// Rounded scores: many ties, including ties across the classes.
const binaryScores = Float64Array.from(binaryLabels, (label) => Math.round(Math.min(1, Math.max(0, draw() * 0.8 + 0.25 * label)) * 20) / 20);
const classes = 4;
const multiLabels = Int32Array.from({ length: n }, () => Math.floor(draw() * classes));
const multiScores = Float64Array.from({ length: n * classes }, (_, j) => {
  const bonus = multiLabels[Math.floor(j / classes)] === j % classes ? 0.3 : 0;
  return Math.round((draw() * 0.7 + bonus) * 10) / 10;
});
const targets = Float64Array.from({ length: n }, () => 100 + 10 * draw());
const predictions = Float64Array.from(targets, (t) => t + 3 * (draw() - 0.5));

const families: [string, () => MetricEvaluator, (rows: number[]) => MetricEvaluator][] = [
  ['binary', () => binaryEvaluator(binaryLabels, binaryScores, { threshold: 0.5 }), (rows) =>
    binaryEvaluator(Uint8Array.from(rows, (r) => binaryLabels[r]!), Float64Array.from(rows, (r) => binaryScores[r]!), { threshold: 0.5 })],
  ['multiclass', () => multiclassEvaluator(multiLabels, multiScores, classes), (rows) =>
    multiclassEvaluator(
      Int32Array.from(rows, (r) => multiLabels[r]!),
      Float64Array.from(rows.flatMap((r) => Array.from(multiScores.subarray(r * classes, (r + 1) * classes)))),
      classes,
    )],
  ['regression', () => regressionEvaluator(targets, predictions), (rows) =>
    regressionEvaluator(Float64Array.from(rows, (r) => targets[r]!), Float64Array.from(rows, (r) => predictions[r]!))],
];

const counts = (seed: number): Uint32Array => {
  const next = random(seed);
  const weights = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) weights[Math.floor(next() * n)]! += 1;
  return weights;
};

describe.each(families)('%s evaluator under weights', (_, prepare, subset) => {
  test('integer weights equal repeating each row that many times', () => {
    const weights = counts(11);
    const repeated = Array.from(weights).flatMap((w, row) => Array.from({ length: w }, () => row));
    expectAllClose(prepare().evaluate(weights), subset(repeated).evaluate(), 'repeated');
  });

  test('0/1 indicator weights equal the metrics of the subset', () => {
    const indicator = Uint32Array.from({ length: n }, (_, row) => (row % 3 === 0 || row % 7 === 0 ? 1 : 0));
    const rows = Array.from(indicator.keys()).filter((row) => indicator[row] === 1);
    expectAllClose(prepare().evaluate(indicator), subset(rows).evaluate(), 'slice');
  });

  test('weights of ones equal no weights', () => {
    const evaluator = prepare();
    expectAllClose(evaluator.evaluate(new Uint32Array(n).fill(1)), evaluator.evaluate(), 'ones');
  });

  test('scratch state does not leak between evaluations', () => {
    const evaluator = prepare();
    const first = evaluator.evaluate(counts(1));
    const copy = Float64Array.from(first);
    const second = evaluator.evaluate(counts(2));
    const point = evaluator.evaluate();
    expect(second).not.toBe(first);
    expect(Array.from(first)).toEqual(Array.from(copy));
    expect(Array.from(second)).not.toEqual(Array.from(first));
    expect(Array.from(evaluator.evaluate(counts(1)))).toEqual(Array.from(first));
    expect(Array.from(evaluator.evaluate())).toEqual(Array.from(point));
  });

  test('all weights zero: every metric is NaN', () => {
    const values = prepare().evaluate(new Uint32Array(n));
    expect(Array.from(values).every(Number.isNaN)).toBe(true);
  });

  test('weights of the wrong length are refused', () => {
    expect(() => prepare().evaluate(new Uint32Array(n - 1))).toThrow(RangeError);
  });
});

describe('binary metrics: definitions and policy', () => {
  /** Mann–Whitney by all pairs, a tie counted ½. */
  function bruteAuc(labels: Uint8Array, scores: Float64Array, weights: Uint32Array): number {
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < labels.length; i += 1) {
      if (labels[i] !== 1) continue;
      for (let j = 0; j < labels.length; j += 1) {
        if (labels[j] !== 0) continue;
        const w = weights[i]! * weights[j]!;
        pairs += w;
        sum += w * (scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0);
      }
    }
    return sum / pairs;
  }

  test('ROC AUC equals the all-pairs Mann–Whitney statistic with ties, under weights', () => {
    const evaluator = binaryEvaluator(binaryLabels, binaryScores, { threshold: 0.5 });
    for (const seed of [3, 4, 5]) {
      const weights = counts(seed);
      expectClose(evaluator.evaluate(weights)[0]!, bruteAuc(binaryLabels, binaryScores, weights), `seed ${seed}`);
    }
  });

  test('the sort orders values of every magnitude, −0 with 0', () => {
    const scores = new Float64Array([0, -0, 5e-324, 1e-300, 2.2e-308, 1e-17, 0.1, 0.5, 0.5, 1 - 2 ** -53, 1, 0.25, 0.75, 1e-5, 3e-200, 0]);
    const labels = Uint8Array.from(scores, (_, i) => (i * 7) % 3 === 0 ? 1 : 0);
    const ones = new Uint32Array(scores.length).fill(1);
    expectClose(binaryEvaluator(labels, scores, { threshold: 0.5 }).evaluate()[0]!, bruteAuc(labels, scores, ones), 'auc');
  });

  test('a row exactly at the threshold is predicted positive', () => {
    const evaluator = binaryEvaluator(new Uint8Array([1, 0, 0]), new Float64Array([0.3, 0.3, 0.1]), { threshold: 0.3 });
    const values = byName(evaluator, evaluator.evaluate());
    expect(values.precision).toBe(0.5);
    expect(values.recall).toBe(1);
    expect(Array.from(binaryPredictions([0.3, 0.2999, 1], 0.3))).toEqual([1, 0, 1]);
  });

  test('one class: ROC AUC NaN; AP NaN without positives, 1 with only positives; log loss defined', () => {
    const scores = new Float64Array([0.2, 0.6, 0.9]);
    const negatives = binaryEvaluator(new Uint8Array([0, 0, 0]), scores, { threshold: 0.5 });
    const positives = binaryEvaluator(new Uint8Array([1, 1, 1]), scores, { threshold: 0.5 });
    const none = byName(negatives, negatives.evaluate());
    const all = byName(positives, positives.evaluate());
    expect(none.roc_auc).toBeNaN();
    expect(none.average_precision).toBeNaN();
    expect(all.roc_auc).toBeNaN();
    expect(all.average_precision).toBe(1);
    expectClose(none.log_loss!, (-Math.log(0.8) - Math.log(0.4) - Math.log(0.1)) / 3, 'log_loss');
    expect(none.precision).toBe(0);
    expect(none.mcc).toBe(0);
    expect(none.balanced_accuracy).toBeCloseTo(1 / 3, 15);
  });

  test('weights that remove a class make ROC AUC NaN but keep the rest', () => {
    const evaluator = binaryEvaluator(new Uint8Array([1, 0, 1, 0]), new Float64Array([0.9, 0.8, 0.4, 0.1]), { threshold: 0.5 });
    const values = byName(evaluator, evaluator.evaluate(new Uint32Array([2, 0, 1, 0])));
    expect(values.roc_auc).toBeNaN();
    expectClose(values.average_precision!, 1, 'ap');
    expectClose(values.accuracy!, 2 / 3, 'accuracy');
  });

  test('log loss clips 0 and 1 to eps and renormalises', () => {
    expectClose(binaryLogLoss(1, 0), -Math.log(Number.EPSILON), 'p=0');
    expectClose(binaryLogLoss(0, 1), -Math.log(Number.EPSILON / (Number.EPSILON + (1 - Number.EPSILON))), 'p=1');
    expect(binaryLogLoss(1, 1)).toBeCloseTo(Number.EPSILON, 20);
    expect(Number.isFinite(binaryLogLoss(0, 1))).toBe(true);
  });

  test('empty input: every metric is NaN', () => {
    const evaluator = binaryEvaluator(new Uint8Array(0), new Float64Array(0), { threshold: 0.5 });
    expect(evaluator.rows).toBe(0);
    expect(Array.from(evaluator.evaluate()).every(Number.isNaN)).toBe(true);
  });

  test.each([
    ['a label other than 0/1', new Uint8Array([0, 2]), new Float64Array([0.1, 0.2]), 0.5, /row 1 is 2/],
    ['a NaN probability', new Uint8Array([0, 1]), new Float64Array([0.1, Number.NaN]), 0.5, /row 1 is NaN/],
    ['a probability above 1', new Uint8Array([0, 1]), new Float64Array([1.5, 0.2]), 0.5, /row 0 is 1.5/],
    ['lengths that differ', new Uint8Array([0, 1]), new Float64Array([0.1]), 0.5, /1 probabilities for 2 labels/],
    ['a NaN threshold', new Uint8Array([0, 1]), new Float64Array([0.1, 0.2]), Number.NaN, /threshold/],
  ])('refuses %s', (_, labels, scores, threshold, message) => {
    expect(() => binaryEvaluator(labels, scores, { threshold })).toThrow(InputError);
    expect(() => binaryEvaluator(labels, scores, { threshold })).toThrow(message);
  });
});

describe('multiclass metrics: definitions and policy', () => {
  test('top-k ranks tied probabilities as sklearn: the higher class index first', () => {
    // Row scores [0.4, 0.3, 0.3]: sklearn's order is 0, 2, 1, so top-2 holds class 2 but not class 1.
    const scores = new Float64Array([0.4, 0.3, 0.3, 0.4, 0.3, 0.3]);
    const evaluator = multiclassEvaluator(new Int32Array([1, 2]), scores, 3);
    const values = evaluator.evaluate();
    expect(values[4]).toBe(0.5);
    expect(byName(evaluator, evaluator.evaluate(new Uint32Array([1, 0])))['top_2_accuracy']).toBe(0);
    expect(byName(evaluator, evaluator.evaluate(new Uint32Array([0, 1])))['top_2_accuracy']).toBe(1);
  });

  test('accuracy takes the first maximum, as numpy.argmax', () => {
    expect(Array.from(argmaxPredictions([0.3, 0.3, 0.4, 0.5, 0.5, 0, 0.2, 0.2, 0.2], 3))).toEqual([2, 0, 0]);
    const evaluator = multiclassEvaluator(new Int32Array([0, 1]), new Float64Array([0.5, 0.5, 0, 0.5, 0.5, 0]), 3);
    expect(evaluator.evaluate()[0]).toBe(0.5);
  });

  test('a class absent everywhere counts with F1 0 in the macro mean, not in the weighted one', () => {
    // Classes 0 and 1 predicted perfectly, class 2 never seen.
    const evaluator = multiclassEvaluator(new Int32Array([0, 1, 1]), new Float64Array([0.9, 0.1, 0, 0.2, 0.8, 0, 0.1, 0.9, 0]), 3);
    const values = byName(evaluator, evaluator.evaluate());
    expectClose(values.f1_macro!, 2 / 3, 'macro');
    expect(values.f1_weighted).toBe(1);
  });

  test('refuses a label outside the classes and a matrix of the wrong size', () => {
    expect(() => multiclassEvaluator(new Int32Array([0, 3]), new Float64Array(6).fill(1 / 3), 3)).toThrow(/row 1 is 3/);
    expect(() => multiclassEvaluator(new Int32Array([0, 1]), new Float64Array(5).fill(0.2), 3)).toThrow(InputError);
    expect(() => multiclassEvaluator(new Int32Array([0]), new Float64Array([1]), 1)).toThrow(/at least 2 classes/);
  });
});

describe('regression metrics: definitions and policy', () => {
  test('R² is NaN for one row (as sklearn), whatever the weights', () => {
    const evaluator = regressionEvaluator(new Float64Array([1]), new Float64Array([2]));
    const values = byName(evaluator, evaluator.evaluate());
    expect(values.r2).toBeNaN();
    expect(values.mae).toBe(1);
  });

  test('a target constant over the weighted rows gives R² 0 (or 1 when predicted exactly)', () => {
    const evaluator = regressionEvaluator(new Float64Array([0.1, 0.1, 0.7, 0.1]), new Float64Array([0.2, 0.1, 0.7, 0.1]));
    expect(byName(evaluator, evaluator.evaluate(new Uint32Array([3, 1, 0, 7]))).r2).toBe(0);
    expect(byName(evaluator, evaluator.evaluate(new Uint32Array([0, 1, 0, 7]))).r2).toBe(1);
  });

  test('a constant target whose mean rounds still gives R² 0 (sklearn 1.2.1: −1.73e31, rounding noise)', () => {
    const evaluator = regressionEvaluator(new Float64Array([0.1, 0.1, 0.1]), new Float64Array([0.2, 0.1, 0.1]));
    expect(byName(evaluator, evaluator.evaluate()).r2).toBe(0);
  });

  test('R² keeps its precision for targets far from 0', () => {
    const offset = 1e9;
    const base = Float64Array.from({ length: 100 }, (_, i) => (i % 10) - 4.5);
    const near = regressionEvaluator(base, Float64Array.from(base, (t, i) => t + (i % 3) * 0.25));
    const far = regressionEvaluator(Float64Array.from(base, (t) => t + offset), Float64Array.from(base, (t, i) => t + offset + (i % 3) * 0.25));
    const weights = counts(9).subarray(0, 100);
    expect(far.evaluate(weights)[2]).toBeCloseTo(near.evaluate(weights)[2]!, 12);
  });

  test('MAPE divides by eps for a zero target, as sklearn', () => {
    const evaluator = regressionEvaluator(new Float64Array([0, 2]), new Float64Array([1, 3]));
    expectClose(evaluator.evaluate()[3]!, (1 / Number.EPSILON + 0.5) / 2, 'mape');
  });

  test('refuses non-finite values and lengths that differ', () => {
    expect(() => regressionEvaluator(new Float64Array([1, Number.POSITIVE_INFINITY]), new Float64Array([1, 2]))).toThrow(/Target at row 1/);
    expect(() => regressionEvaluator(new Float64Array([1, 2]), new Float64Array([1, Number.NaN]))).toThrow(/Prediction at row 1/);
    expect(() => regressionEvaluator(new Float64Array([1, 2]), new Float64Array([1]))).toThrow(InputError);
  });
});

describe('confusion matrix', () => {
  test('rows are true classes, columns predicted, as sklearn', () => {
    expect(confusionMatrix([0, 1, 2, 2, 1], [0, 2, 2, 1, 1], 3)).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
    ]);
  });

  test('it agrees with the binary evaluator at its threshold', () => {
    const matrix = confusionMatrix(binaryLabels, binaryPredictions(binaryScores, 0.5), 2);
    const evaluator = binaryEvaluator(binaryLabels, binaryScores, { threshold: 0.5 });
    const values = byName(evaluator, evaluator.evaluate());
    const [[tn, fp], [fn, tp]] = matrix as [[number, number], [number, number]];
    expectClose(values.accuracy!, (tp + tn) / n, 'accuracy');
    expectClose(values.precision!, tp / (tp + fp), 'precision');
    expectClose(values.recall!, tp / (tp + fn), 'recall');
  });

  test('refuses a class out of range', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(RangeError);
  });
});

describe('a subset of the binary metrics', () => {
  test('computes only the named metrics, in catalog order, with the same values as the full set', () => {
    const labels = Uint8Array.from([0, 1, 1, 0, 1, 0, 0, 1]);
    const probabilities = Float64Array.from([0.1, 0.8, 0.4, 0.4, 0.9, 0.2, 0.7, 0.6]);
    const weights = Uint8Array.from([1, 2, 0, 3, 1, 1, 2, 1]);
    const full = binaryEvaluator(labels, probabilities, { threshold: 0.5 });
    const subset = binaryEvaluator(labels, probabilities, { threshold: 0.5, metrics: ['recall', 'roc_auc'] });
    expect(subset.names).toEqual(['roc_auc', 'recall']);
    const all = full.evaluate(weights);
    expect(Array.from(subset.evaluate(weights))).toEqual([all[0], all[7]]);
  });
});
