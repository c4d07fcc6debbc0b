/**
 * ksTwoSample against scipy.stats.ks_2samp(reference, current, alternative='two-sided',
 * method='auto') from scipy 1.10.1 (test/fixtures/reference/drift/ks.json, written by
 * make_ks_reference.py): ties, samples of one and two values, identical samples, disjoint supports,
 * unequal sizes, integer-valued data, the exact path up to 10,000 values and the asymptotic path from
 * 10,001, and scipy's fallback from an exact p-value that rounds above 1.
 *
 * Tolerances: the statistic within 1e-12 relative (it is the same double in every case); the p-value
 * within 1e-12 relative plus 1e-15 absolute (exact p-values agree bit for bit; asymptotic ones within
 * 2e-14 relative); the method must be the one scipy used.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KS_MAX_EXACT_SIZE, ksStatisticFromSorted, ksTwoSample, ksTwoSamplePValue } from '../../src/core/drift/ks.js';

interface Recipe {
  size: number;
  multiplier: number;
  modulus: number;
  divisor: number;
  scale: number;
  offset: number;
  buckets?: number;
}

interface KsCase {
  name: string;
  note: string;
  reference?: number[];
  current?: number[];
  reference_recipe?: Recipe;
  current_recipe?: Recipe;
  statistic: number;
  p_value: number;
  method: 'exact' | 'asymptotic';
}

const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/reference/drift/ks.json'), 'utf8')) as {
  scipy: string;
  cases: KsCase[];
};

/** The generator's recipe, replayed with the same IEEE operations as make_ks_reference.py. */
function replay(recipe: Recipe): Float64Array {
  const values = new Float64Array(recipe.size);
  for (let i = 0; i < recipe.size; i += 1) {
    let r = (i * recipe.multiplier) % recipe.modulus;
    if (recipe.buckets !== undefined) r %= recipe.buckets;
    values[i] = (r / recipe.divisor) * recipe.scale + recipe.offset;
  }
  return values;
}

function sample(values: number[] | undefined, recipe: Recipe | undefined): Float64Array {
  if (values !== undefined) return Float64Array.from(values);
  if (recipe !== undefined) return replay(recipe);
  throw new Error('case without a sample');
}

function expectClose(actual: number, expected: number, relative: number, absolute: number, label: string): void {
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected) + absolute);
}

describe('ksTwoSample against scipy.stats.ks_2samp', () => {
  test('the fixture comes from scipy 1.10.1', () => {
    expect(fixture.scipy).toBe('1.10.1');
  });

  test.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const reference = sample(c.reference, c.reference_recipe);
    const current = sample(c.current, c.current_recipe);
    const result = ksTwoSample(reference, current);
    expectClose(result.statistic, c.statistic, 1e-12, 0, 'statistic');
    expectClose(result.pValue, c.p_value, 1e-12, 1e-15, 'p-value');
    expect(result.method).toBe(c.method);
  });
});

describe('ksTwoSample behaviour', () => {
  const reference = Float64Array.from([0.3, -1.2, 2.5, 0.3, 0.9, -0.4, 1.7, 0.3]);
  const current = Float64Array.from([1.1, 0.3, 2.2, 3.0, 0.8, 1.9]);

  test('takes unsorted input, leaves it as it was, and does not depend on the order', () => {
    const before = [Array.from(reference), Array.from(current)];
    const result = ksTwoSample(reference, current);
    expect([Array.from(reference), Array.from(current)]).toEqual(before);
    const reversed = ksTwoSample(reference.slice().reverse(), current.slice().reverse());
    expect(reversed).toEqual(result);
  });

  test('is symmetric in its two samples', () => {
    const forward = ksTwoSample(reference, current);
    const backward = ksTwoSample(current, reference);
    expect(backward.statistic).toBe(forward.statistic);
    expect(backward.pValue).toBe(forward.pValue);
  });

  test('counts ties within and across samples as scipy does', () => {
    // ECDFs at 1, 2, 3: reference 1/4, 3/4, 1; current 0, 2/3, 1 → D = max(1/4, 1/12, 0) = 1/4.
    expect(ksStatisticFromSorted(Float64Array.from([1, 2, 2, 3]), Float64Array.from([2, 2, 3]))).toBe(0.25);
    // Identical multisets: D = 0, p = 1.
    expect(ksTwoSample(Float64Array.from([5, 5, 1]), Float64Array.from([1, 5, 5]))).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });

  test('treats infinities as ordinary extreme values', () => {
    const withInfinities = ksTwoSample(Float64Array.from([-Infinity, 1, 2, Infinity]), Float64Array.from([0, 3, Infinity]));
    const withLargeValues = ksTwoSample(Float64Array.from([-1e300, 1, 2, 1e300]), Float64Array.from([0, 3, 1e300]));
    expect(withInfinities).toEqual(withLargeValues);
  });

  test('refuses empty samples and NaN, naming the sample', () => {
    expect(() => ksTwoSample(new Float64Array(0), current)).toThrow(RangeError);
    expect(() => ksTwoSample(new Float64Array(0), current)).toThrow(/reference sample is empty/);
    expect(() => ksTwoSample(reference, new Float64Array(0))).toThrow(/current sample is empty/);
    expect(() => ksTwoSample(reference, Float64Array.from([1, Number.NaN]))).toThrow(/current sample has NaN at index 1/);
    expect(() => ksStatisticFromSorted(new Float64Array(0), current)).toThrow(RangeError);
  });

  test('uses the exact p-value up to 10,000 values in the larger sample, the asymptotic one above', () => {
    expect(KS_MAX_EXACT_SIZE).toBe(10_000);
    expect(ksTwoSamplePValue(10_000, 50, 0.1).method).toBe('exact');
    expect(ksTwoSamplePValue(10_001, 50, 0.1).method).toBe('asymptotic');
    // On the exact path the statistic is reported on its lattice h/lcm(n, m).
    const onLattice = ksTwoSamplePValue(3, 4, 0.41666666666666674);
    expect(onLattice.statistic).toBe(5 / 12);
  });

  test('falls back to the asymptotic p-value where the exact one rounds out of [0, 1], as scipy', () => {
    // Equal sizes with D = 1/n: the exact P(D ≥ 1/n) is 1, computed as 1 + ulp for n = 5.
    const result = ksTwoSamplePValue(5, 5, 0.2);
    expect(result).toEqual({ statistic: 0.2, pValue: 1, method: 'asymptotic' });
  });

  test('refuses sizes and statistics that cannot be', () => {
    expect(() => ksTwoSamplePValue(0, 5, 0.5)).toThrow(RangeError);
    expect(() => ksTwoSamplePValue(5, 2.5, 0.5)).toThrow(/positive integers/);
    expect(() => ksTwoSamplePValue(5, 5, 1.5)).toThrow(/\[0, 1\]/);
    expect(() => ksTwoSamplePValue(5, 5, Number.NaN)).toThrow(RangeError);
  });

  test('the largest exact case with unequal sizes (10,000 and 9,999, D near ½) stays well under a few seconds', () => {
    const a = replay({ size: 10_000, multiplier: 7919, modulus: 10_007, divisor: 10_007, scale: 1, offset: 0 });
    const b = replay({ size: 9_999, multiplier: 104_729, modulus: 10_009, divisor: 10_009, scale: 1, offset: 0.5 });
    const started = performance.now();
    const result = ksTwoSample(a, b);
    const elapsed = performance.now() - started;
    expect(result.method).toBe('exact');
    expect(result.statistic).toBeGreaterThan(0.45);
    expect(result.pValue).toBeLessThan(1e-300);
    expect(elapsed).toBeLessThan(5_000);
  });
});
