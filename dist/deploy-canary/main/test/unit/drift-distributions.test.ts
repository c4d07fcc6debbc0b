/**
 * The distribution-drift statistics of src/core/drift (Wasserstein, PSI, chi-square, Jensen–Shannon,
 * unseen categories) against scipy 1.10.1 / numpy 1.24.2, from
 * test/fixtures/reference/drift/distributions.json (make_distribution_reference.py; PSI against the
 * generator's independent numpy implementation of the documented definition), and the documented
 * policies for degenerate and wrong input.
 *
 * Tolerances, relative to the reference value v (absolute where v = 0):
 * - Wasserstein, normed Wasserstein, numpy.std, PSI, Jensen–Shannon, the chi-square statistic:
 *   |actual − v| ≤ 1e-12 · max(|v|, 1e-3). The sums run in another order than numpy's (sequential or
 *   compensated vs pairwise), which moves the last few bits only.
 * - the chi-square p-value: 1e-12 + (4ε + δ) · (|x − a| + |ln v|), with a = dof/2, x = χ²/2 and δ the
 *   observed relative difference of the statistic from scipy's: the statistic's rounding difference
 *   propagates through d ln p / d ln χ² ≈ a − x, and the exponent of the tail is formed in double
 *   precision (see test/unit/stats-gamma.test.ts).
 * - bin edges, degrees of freedom, unseen shares and exact zeros: equal.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { alignCounts, unseenShare } from '../../src/core/drift/categorical.js';
import { chiSquareTest } from '../../src/core/drift/chi-square.js';
import { jensenShannonCategorical, jensenShannonDistance } from '../../src/core/drift/jensen-shannon.js';
import { PSI_SHARE_FLOOR, psiBinEdges, psiCategorical, psiFromProportions, psiNumeric } from '../../src/core/drift/psi.js';
import { normedWasserstein, populationStandardDeviation, wassersteinDistance } from '../../src/core/drift/wasserstein.js';

interface NumericCase {
  name: string;
  note: string;
  reference: number[];
  current: number[];
  wasserstein: number | null;
  reference_std: number | null;
  constant_reference: boolean;
  psi: Record<string, { value: number; edges: number[] }>;
}
interface CategoricalCase {
  name: string;
  note: string;
  reference: Record<string, number>;
  current: Record<string, number>;
  categories: string[];
  chi2: { statistic: number; p_value: number; dof: number } | null;
  jensenshannon: number | null;
  jensenshannon_base2: number | null;
  psi: number | null;
  unseen_share: number | null;
  evidently_chisquare?: { statistic: number | null; p_value: number | null };
}
interface Reference {
  scipy: string;
  numpy: string;
  share_floor: number;
  numeric: NumericCase[];
  categorical: CategoricalCase[];
}

const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/reference/drift/distributions.json'), 'utf8'),
) as Reference;

const EPS = Number.EPSILON;
const TOLERANCE = 1e-12;

function expectClose(actual: number, expected: number, label: string): void {
  const error = Math.abs(actual - expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE * Math.max(Math.abs(expected), 1e-3));
}

const numericRows = reference.numeric.map((c) => [c.name, c] as const);
const categoricalRows = reference.categorical.map((c) => [c.name, c] as const);
const samples = (c: NumericCase): [Float64Array, Float64Array] => [Float64Array.from(c.reference), Float64Array.from(c.current)];
const counts = (record: Record<string, number>): Map<string, number> => new Map(Object.entries(record));

test('the fixture was computed by scipy 1.10.1 and numpy 1.24.2, with the documented share floor', () => {
  expect([reference.scipy, reference.numpy]).toEqual(['1.10.1', '1.24.2']);
  expect(reference.share_floor).toBe(PSI_SHARE_FLOOR);
});

describe('Wasserstein distance', () => {
  test.each(numericRows)('%s: as scipy.stats.wasserstein_distance', (_name, c) => {
    const [u, v] = samples(c);
    if (c.wasserstein === null) {
      expect(wassersteinDistance(u, v)).toBeNaN();
      return;
    }
    expectClose(wassersteinDistance(u, v), c.wasserstein, 'distance');
    expectClose(wassersteinDistance(v, u), c.wasserstein, 'distance, samples swapped');
  });

  test.each(numericRows)('%s: normed by numpy.std(reference), ddof 0', (_name, c) => {
    const [u, v] = samples(c);
    if (c.wasserstein === null || c.reference_std === null) {
      expect(normedWasserstein(u, v)).toBeNaN();
      return;
    }
    expectClose(populationStandardDeviation(u), c.reference_std, 'std');
    const normed = normedWasserstein(u, v);
    if (c.constant_reference) {
      expect(populationStandardDeviation(u)).toBe(0);
      expect(normed).toBe(c.wasserstein === 0 ? 0 : Number.POSITIVE_INFINITY);
    } else {
      expectClose(normed, c.wasserstein / c.reference_std, 'normed');
    }
  });

  test('the constant-reference policy: 0 for the same constant, +∞ for any difference', () => {
    const constant = Float64Array.of(3, 3, 3);
    expect(normedWasserstein(constant, Float64Array.of(3, 3))).toBe(0);
    expect(normedWasserstein(constant, Float64Array.of(3, 3.000001))).toBe(Number.POSITIVE_INFINITY);
    // 0.1 is not exact in binary: numpy's std of [0.1] * 3 is 1.4e-17, not 0; here it is exactly 0.
    expect(populationStandardDeviation(Float64Array.of(0.1, 0.1, 0.1))).toBe(0);
  });

  test('a shift moves the distance by the shift; scaling both samples leaves the normed distance unchanged', () => {
    const u = Float64Array.from(reference.numeric.find((c) => c.name === 'normal_same')!.reference);
    expectClose(wassersteinDistance(u, u.map((x) => x + 0.75)), 0.75, 'shift');
    const v = Float64Array.from(reference.numeric.find((c) => c.name === 'normal_shift')!.current);
    expectClose(normedWasserstein(u.map((x) => 1000 * x - 7), v.map((x) => 1000 * x - 7)), normedWasserstein(u, v), 'scaled');
  });

  test('the inputs are not reordered', () => {
    const u = Float64Array.of(3, 1, 2);
    const v = Float64Array.of(9, 0);
    wassersteinDistance(u, v);
    expect([...u, ...v]).toEqual([3, 1, 2, 9, 0]);
  });

  test.each([
    ['NaN in the current sample', Float64Array.of(1, 2), Float64Array.of(1, Number.NaN)],
    ['+∞ in the reference', Float64Array.of(1, Number.POSITIVE_INFINITY), Float64Array.of(1)],
  ])('%s is refused', (_label, u, v) => {
    expect(() => wassersteinDistance(u, v)).toThrow(InputError);
    expect(() => normedWasserstein(u, v)).toThrow(/finite numbers/);
  });

  test('empty samples give NaN', () => {
    expect(wassersteinDistance(new Float64Array(0), Float64Array.of(1))).toBeNaN();
    expect(normedWasserstein(new Float64Array(0), new Float64Array(0))).toBeNaN();
    expect(populationStandardDeviation(new Float64Array(0))).toBeNaN();
  });
});

describe('Population Stability Index', () => {
  const psiRows = reference.numeric.flatMap((c) => Object.entries(c.psi).map(([bins, value]) => [c.name, Number(bins), c, value] as const));

  test.each(psiRows)('%s, %s bins: edges at the reference quantiles and the PSI', (_name, bins, c, expected) => {
    const [u, v] = samples(c);
    expect([...psiBinEdges(u, bins)]).toEqual(expected.edges);
    expectClose(psiNumeric(u, v, bins), expected.value, 'psi');
  });

  test('ties collapse edges, and a current value equal to an edge falls into the bin below it', () => {
    // Quantiles at 1/4, 2/4, 3/4 of [0 0 0 1 1 2 2 2 2 5] are 0, 1, 2: bins (−∞, 0], (0, 1], (1, 2], (2, ∞).
    const u = Float64Array.of(0, 0, 0, 1, 1, 2, 2, 2, 2, 5);
    expect([...psiBinEdges(u, 4)]).toEqual([0, 1, 2]);
    // 60% zeros: the 1/10 … 6/10 quantiles are all 0 and collapse into one edge.
    expect([...psiBinEdges(Float64Array.of(0, 0, 0, 0, 0, 0, 1, 2, 3, 4), 10)]).toEqual([0, 1, 2, 3]);
    // The same shares, whether the current values sit on the edges or just below them: PSI 0.
    expect(psiNumeric(u, Float64Array.of(0, 0, 0, 1, 1, 2, 2, 2, 2, 5), 4)).toBe(0);
    expect(psiNumeric(u, Float64Array.of(-1, -1, -1, 0.5, 1, 1.5, 2, 2, 2, 100), 4)).toBe(0);
  });

  test('one bin, and a constant reference (one bin, a documented limit), give 0', () => {
    const u = Float64Array.of(1, 2, 3, 4);
    expect(psiNumeric(u, Float64Array.of(10, 20), 1)).toBe(0);
    expect(psiBinEdges(Float64Array.of(7, 7, 7), 10).length).toBe(0);
    expect(psiNumeric(Float64Array.of(7, 7, 7), Float64Array.of(100, 200), 10)).toBe(0);
  });

  test('psiFromProportions: the formula, symmetry and the share floor', () => {
    const e = [0.5, 0.3, 0.2];
    const a = [0.4, 0.4, 0.2];
    const expected = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.4 - 0.3) * Math.log(0.4 / 0.3);
    expectClose(psiFromProportions(e, a), expected, 'psi');
    expectClose(psiFromProportions(a, e), psiFromProportions(e, a), 'swapped');
    // An empty bin counts as a share of 1e-4; a bin empty on both sides counts 0.
    expectClose(psiFromProportions([0.5, 0.5, 0], [1, 0, 0]), (1 - 0.5) * Math.log(1 / 0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5), 'floor');
    // A share below the floor counts as the floor: a bin with 1 row in 100,000 scores as an empty one.
    const floored = (0.99999 - 0.5) * Math.log(0.99999 / 0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5);
    expectClose(psiFromProportions([0.5, 0.5], [0.99999, 0.00001]), floored, 'below the floor');
  });

  test('psiFromProportions refuses what is not two vectors of shares', () => {
    expect(() => psiFromProportions([0.5, 0.5], [1])).toThrow(/same bins/);
    expect(() => psiFromProportions([0.5, 0.5], [-0.5, 1.5])).toThrow(InputError);
    expect(() => psiFromProportions([40, 60], [50, 50])).toThrow(/sum to 100/);
    expect(psiFromProportions([], [])).toBeNaN();
    expect(psiFromProportions([0, 0], [0.5, 0.5])).toBeNaN();
  });

  test('psiNumeric refuses a bin count that is not a positive whole number, and gives NaN for an empty sample', () => {
    const u = Float64Array.of(1, 2, 3);
    for (const bins of [0, -1, 2.5, Number.NaN]) expect(() => psiNumeric(u, u, bins)).toThrow(/number of PSI bins/);
    expect(psiNumeric(u, new Float64Array(0))).toBeNaN();
    expect(psiNumeric(new Float64Array(0), u)).toBeNaN();
  });
});

describe('categorical statistics', () => {
  test.each(categoricalRows)('%s: PSI and the share of unseen current rows', (_name, c) => {
    const r = counts(c.reference);
    const k = counts(c.current);
    if (c.psi === null) expect(psiCategorical(r, k)).toBeNaN();
    else expectClose(psiCategorical(r, k), c.psi, 'psi');
    if (c.unseen_share === null) expect(unseenShare(r, k)).toBeNaN();
    else expect(unseenShare(r, k)).toBe(c.unseen_share);
  });

  test.each(categoricalRows)('%s: Jensen–Shannon distance as scipy.spatial.distance.jensenshannon', (_name, c) => {
    const r = counts(c.reference);
    const k = counts(c.current);
    if (c.jensenshannon === null || c.jensenshannon_base2 === null) {
      expect(jensenShannonCategorical(r, k)).toBeNaN();
      return;
    }
    expectClose(jensenShannonCategorical(r, k), c.jensenshannon, 'natural log');
    const aligned = alignCounts(r, k);
    expect(aligned.categories).toEqual(c.categories);
    expectClose(jensenShannonDistance(aligned.reference, aligned.current, 2), c.jensenshannon_base2, 'base 2');
  });

  test.each(categoricalRows)('%s: chi-square test of homogeneity as scipy.stats.chi2_contingency(correction=False)', (_name, c) => {
    const result = chiSquareTest(counts(c.reference), counts(c.current));
    if (c.chi2 === null) {
      expect(result.statistic).toBeNaN();
      expect(result.pValue).toBeNaN();
      return;
    }
    expect(result.dof).toBe(c.chi2.dof);
    expectClose(result.statistic, c.chi2.statistic, 'statistic');
    const statisticError = c.chi2.statistic === 0 ? 0 : Math.abs(result.statistic - c.chi2.statistic) / c.chi2.statistic;
    const a = c.chi2.dof / 2;
    const x = c.chi2.statistic / 2;
    const tolerance = 1e-12 + (4 * EPS + statisticError) * (Math.abs(x - a) + Math.abs(Math.log(c.chi2.p_value)));
    expect(Math.abs(result.pValue - c.chi2.p_value) / c.chi2.p_value, `p ${result.pValue} vs ${c.chi2.p_value}`).toBeLessThanOrEqual(tolerance);
  });

  test('degenerate tables: one category gives (0, 1, dof 0); an empty sample gives NaN', () => {
    expect(chiSquareTest(new Map([['x', 12]]), new Map([['x', 7]]))).toEqual({ statistic: 0, pValue: 1, dof: 0 });
    expect(chiSquareTest(new Map([['x', 12], ['y', 0]]), new Map([['x', 7]]))).toEqual({ statistic: 0, pValue: 1, dof: 0 });
    const empty = chiSquareTest(new Map([['a', 3], ['b', 1]]), new Map());
    expect([empty.statistic, empty.pValue, empty.dof]).toEqual([Number.NaN, Number.NaN, 1]);
    expect(chiSquareTest(new Map(), new Map())).toEqual({ statistic: Number.NaN, pValue: Number.NaN, dof: 0 });
  });

  test('a category unseen in the reference: finite statistic here, infinite in the goodness-of-fit form', () => {
    const c = reference.categorical.find((row) => row.name === 'unseen_in_reference')!;
    expect(c.evidently_chisquare).toBeUndefined(); // scipy.stats.chisquare divides by an expected count of 0
    const result = chiSquareTest(counts(c.reference), counts(c.current));
    expect(Number.isFinite(result.statistic)).toBe(true);
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-4);
  });

  test("with a reference 400 times the current sample, homogeneity is within 1% of Evidently's goodness of fit", () => {
    const c = reference.categorical.find((row) => row.name === 'large_reference')!;
    const gof = c.evidently_chisquare!;
    const result = chiSquareTest(counts(c.reference), counts(c.current));
    expect(Math.abs(result.statistic - gof.statistic!) / gof.statistic!).toBeLessThan(0.01);
    expect(Math.abs(result.pValue - gof.p_value!) / gof.p_value!).toBeLessThan(0.01);
  });

  test('the order in which a map was filled does not matter', () => {
    const r = new Map([['b', 20], ['a', 10], ['c', 30]]);
    const k = new Map([['c', 25], ['new', 5], ['a', 12], ['b', 18]]);
    const reversed = (m: Map<string, number>): Map<string, number> => new Map([...m].reverse());
    expect(chiSquareTest(reversed(r), reversed(k))).toEqual(chiSquareTest(r, k));
    expect(jensenShannonCategorical(reversed(r), reversed(k))).toBe(jensenShannonCategorical(r, k));
    expect(psiCategorical(reversed(r), reversed(k))).toBe(psiCategorical(r, k));
    expect(alignCounts(k, r).categories).toEqual(['a', 'b', 'c', 'new']);
  });

  test('alignment keeps the union of categories with a positive count, and the totals', () => {
    const aligned = alignCounts(new Map([['b', 2], ['z', 0], ['a', 1]]), new Map([['c', 4], ['z', 0], ['b', 0]]));
    expect(aligned.categories).toEqual(['a', 'b', 'c']);
    expect([...aligned.reference]).toEqual([1, 2, 0]);
    expect([...aligned.current]).toEqual([0, 0, 4]);
    expect([aligned.referenceTotal, aligned.currentTotal]).toEqual([3, 4]);
  });

  test('unseen share: current rows in categories absent from, or counted 0 in, the reference', () => {
    expect(unseenShare(new Map([['a', 5], ['b', 0]]), new Map([['a', 6], ['b', 2], ['c', 2]]))).toBe(0.4);
    expect(unseenShare(new Map([['a', 5]]), new Map([['a', 6]]))).toBe(0);
    expect(unseenShare(new Map([['a', 5]]), new Map())).toBeNaN();
  });

  test('Jensen–Shannon: bounds, symmetry, normalisation and the base', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBe(Math.sqrt(Math.LN2));
    expectClose(jensenShannonDistance([1, 0], [0, 1], 2), 1, 'disjoint, base 2');
    expect(jensenShannonDistance([2, 6], [1, 3])).toBe(0);
    expect(jensenShannonDistance([0.2, 0.8], [0.6, 0.4])).toBe(jensenShannonDistance([0.6, 0.4], [0.2, 0.8]));
    expect(jensenShannonDistance([0, 0], [1, 1])).toBeNaN();
    expect(jensenShannonDistance([], [])).toBeNaN();
    expect(() => jensenShannonDistance([1, 2], [1])).toThrow(/same categories/);
    expect(() => jensenShannonDistance([1, -2], [1, 1])).toThrow(InputError);
    for (const base of [1, 0, -2, Number.POSITIVE_INFINITY]) expect(() => jensenShannonDistance([1], [1], base)).toThrow(/logarithm base/);
  });

  test.each([
    ['a negative count', new Map([['a', -1]]), new Map([['a', 1]])],
    ['a NaN count', new Map([['a', 1]]), new Map([['b', Number.NaN]])],
    ['an infinite count', new Map([['a', Number.POSITIVE_INFINITY]]), new Map([['a', 1]])],
  ])('%s is refused with the category named', (_label, r, k) => {
    expect(() => chiSquareTest(r, k)).toThrow(/count of category "[ab]"/);
    expect(() => psiCategorical(r, k)).toThrow(InputError);
    expect(() => jensenShannonCategorical(r, k)).toThrow(InputError);
    expect(() => unseenShare(r, k)).toThrow(InputError);
  });
});
