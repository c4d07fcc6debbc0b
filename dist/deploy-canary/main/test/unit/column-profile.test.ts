/**
 * ColumnProfile's running statistics against direct computations: moments summed in blocks around
 * the running mean (against exact rational arithmetic), value counts (small integers counted without
 * hashing), and the switch to sketches when the counts overflow.
 */
import { describe, expect, test } from 'vitest';
import { classifyBytes, newCell } from '../../src/core/data/cell.js';
import { CATEGORY_CAPACITY } from '../../src/core/profile/category-table.js';
import { ColumnProfile } from '../../src/core/profile/column-profile.js';

function profileOf(texts: readonly string[]): ColumnProfile {
  const profile = new ColumnProfile();
  const cell = newCell();
  for (const text of texts) {
    const bytes = Buffer.from(text);
    classifyBytes(cell, bytes, 0, bytes.length, false);
    profile.add(cell);
  }
  return profile;
}

/** A double times 2^1100, exactly (every finite double is an integer multiple of 2^-1074). */
function scaled(x: number): bigint {
  const bits = new BigUint64Array(new Float64Array([x]).buffer)[0]!;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const magnitude = exponent === 0 ? fraction << 26n : (fraction | (1n << 52n)) << BigInt(exponent - 1075 + 1100);
  return bits >> 63n === 1n ? -magnitude : magnitude;
}

/** Mean and sum of squared deviations of the doubles, computed exactly and rounded once. */
function exactMoments(values: readonly number[]): { mean: number; m2: number } {
  const n = BigInt(values.length);
  let sum = 0n;
  let squares = 0n;
  for (const x of values) {
    const v = scaled(x);
    sum += v;
    squares += v * v;
  }
  const ratio = (numerator: bigint, denominator: bigint): number => Number((numerator * 10n ** 30n) / denominator) / 1e30;
  return { mean: ratio(sum, n << 1100n), m2: ratio(squares * n - sum * sum, n << 2200n) };
}

describe('moments', () => {
  // Near 1e9 a double keeps about seven decimals of fraction, so the mean itself is rounded there;
  // summing around the running mean still keeps m2 far closer than Welford's update did (1e-8 here).
  test.each([
    ['around zero', 0, 1, 1e-12],
    ['far from zero, small spread', 1e9, 0.5, 1e-9],
    ['a first value far from the rest', -1, 1, 1e-12],
  ])('%s: mean and variance as computed exactly', (_name, offset, scale, tolerance) => {
    let seed = 5;
    const values = Array.from({ length: 10_000 }, (_, i) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      if (offset === -1) return i === 0 ? 1e7 : Math.round((seed / 2 ** 32) * 1000) / 100;
      return offset + Math.round((seed / 2 ** 32) * 1000 * scale) / 100;
    });
    const profile = profileOf(values.map(String));
    const expected = exactMoments(values);
    expect(profile.numericCount).toBe(values.length);
    expect(Math.abs(profile.mean - expected.mean) / Math.abs(expected.mean)).toBeLessThan(1e-12);
    expect(Math.abs(profile.m2 - expected.m2) / expected.m2).toBeLessThan(tolerance);
    expect(profile.toState().numeric).toMatchObject({ count: values.length, min: Math.min(...values), max: Math.max(...values) });
  });

  test('one value: its mean, no variance', () => {
    const profile = profileOf(['42.5']);
    expect([profile.mean, profile.m2, profile.variance]).toEqual([42.5, 0, Number.NaN]);
  });
});

describe('value counts', () => {
  test('small integers and other numbers are counted alike, most frequent first', () => {
    const texts = ['3', '007', '3.0', '255', '256', '-1', '3', '0', '-0', '1e2', '100'];
    expect(profileOf(texts).toState().categories).toEqual([
      [3, 3],
      [0, 2],
      [100, 2],
      [-1, 1],
      [255, 1],
      [256, 1],
      [7, 1],
    ]);
  });

  test('more distinct values than the capacity: sketches, and the counts are dropped', () => {
    const texts = Array.from({ length: CATEGORY_CAPACITY + 10 }, (_, i) => String(i % 300 === 0 ? 1 : i));
    const state = profileOf(texts).toState();
    expect(state.categories).toBeNull();
    expect(state.sketch?.n).toBe(texts.length);
    expect(state.count).toBe(texts.length);
  });
});
