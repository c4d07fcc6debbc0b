/**
 * The special functions of src/core/stats against scipy 1.10.1 and, for the normal distribution, erfc
 * and Kolmogorov's limit, against their exact values (mpmath at 40 digits), all in
 * test/fixtures/reference/drift/kolmogorov-normal.json (written by make_ks_reference.py).
 *
 * Tolerances, relative unless said otherwise:
 * - Φ, 1 − Φ: 1e-15 against the exact value while it is a normal double (erfc: 2e-15); against scipy
 *   additionally 2⁻⁵³·x², scipy's own error from rounding x/√2 (1.1e-13 at x = ±37), which ours avoids.
 * - kolmogorov: 1e-15 against the exact value; 2e-14 against scipy (whose series near its cutover
 *   0.82 is off by 1e-14).
 * - smirnov: 1e-14 against scipy (absolute 2⁻¹⁰²² for subnormal values, where scipy loses digits).
 * - kstwo.sf: 1e-12 relative plus 1e-14 absolute against scipy: for n ≤ 140 and 0.75 < n·d² ≤ 4
 *   both compute 1 − P(D < d) near 1, by different exact methods, and differ by up to 6e-15 absolute
 *   (ours is the closer to a 60-digit evaluation of Durbin's matrix).
 * - the exact two-sample probability: 1e-14 (in practice bit for bit), and out of [0, 1] exactly
 *   where scipy's is, which is when ks_2samp falls back to its asymptotic p-value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  greatestCommonDivisor,
  kolmogorovSurvival,
  ksOneSampleSurvival,
  ksTwoSampleExactSurvival,
  smirnovSurvival,
} from '../../src/core/stats/kolmogorov.js';
import { erf, erfc, standardNormalCdf, standardNormalSurvival } from '../../src/core/stats/normal.js';

interface Reference {
  scipy: string;
  normal: [x: number, cdf: number, sf: number, exactCdf: number, exactSf: number][];
  erfc: [x: number, scipy: number, exact: number][];
  kolmogorov: [x: number, scipy: number, exact: number][];
  smirnov: [n: number, d: number, scipy: number][];
  kstwo_sf: [n: number, d: number, scipy: number][];
  ks_2samp_exact: [n1: number, n2: number, h: number, probability: number, success: boolean][];
}

const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/reference/drift/kolmogorov-normal.json'), 'utf8'),
) as Reference;

/** Smallest positive normal double: below it, values are compared in absolute terms. */
const MIN_NORMAL = 2 ** -1022;

function expectRelative(actual: number, expected: number, relative: number, absolute: number, label: string): void {
  const error = Math.abs(actual - expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected) + absolute);
}

describe('standard normal (scipy.special.ndtr, scipy.stats.norm.sf)', () => {
  test('the fixture comes from the scipy the docs name', () => {
    expect(reference.scipy).toBe('1.10.1');
  });

  test.each(reference.normal)('x = %d', (x, cdf, sf, exactCdf, exactSf) => {
    expectRelative(standardNormalCdf(x), exactCdf, 1e-15, MIN_NORMAL, 'cdf vs exact');
    expectRelative(standardNormalSurvival(x), exactSf, 1e-15, MIN_NORMAL, 'sf vs exact');
    const scipyError = 2 ** -53 * x * x;
    expectRelative(standardNormalCdf(x), cdf, 2e-15 + scipyError, MIN_NORMAL, 'cdf vs scipy');
    expectRelative(standardNormalSurvival(x), sf, 2e-15 + scipyError, MIN_NORMAL, 'sf vs scipy');
  });

  test('far tails: full relative precision where 1 − cdf would be 0', () => {
    expectRelative(standardNormalSurvival(8), 6.220960574271784e-16, 2e-15, 0, 'sf(8)');
    expectRelative(standardNormalSurvival(37), 5.725571222524577e-300, 2e-15, 0, 'sf(37)');
    expect(1 - standardNormalCdf(37)).toBe(0);
  });

  test('symmetry, limits and NaN', () => {
    for (const x of [0, 0.1, 0.6, 1, 2.5, 5, 12]) {
      expect(standardNormalCdf(-x)).toBe(standardNormalSurvival(x));
      expectRelative(standardNormalCdf(x) + standardNormalCdf(-x), 1, 2 ** -52, 0, `Φ(${x}) + Φ(−${x})`);
    }
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(standardNormalCdf(-Infinity)).toBe(0);
    expect(standardNormalCdf(Infinity)).toBe(1);
    expect(standardNormalSurvival(Infinity)).toBe(0);
    expect(standardNormalCdf(-40)).toBe(0);
    expect(standardNormalCdf(Number.NaN)).toBeNaN();
    expect(standardNormalSurvival(Number.NaN)).toBeNaN();
  });
});

describe('erfc (scipy.special.erfc)', () => {
  test.each(reference.erfc)('x = %d', (x, scipy, exact) => {
    expectRelative(erfc(x), exact, 2e-15, MIN_NORMAL, 'vs exact');
    expectRelative(erfc(x), scipy, 4e-15, MIN_NORMAL, 'vs scipy');
  });

  test('erf is 1 − erfc and odd', () => {
    for (const x of [0.2, 0.46875, 0.5, 1, 3, 6]) {
      expectRelative(erf(x), 1 - erfc(x), 2 ** -52, 0, `erf(${x})`);
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
  });
});

describe('Kolmogorov limit (scipy.special.kolmogorov)', () => {
  test.each(reference.kolmogorov)('x = %d', (x, scipy, exact) => {
    expectRelative(kolmogorovSurvival(x), exact, 1e-15, MIN_NORMAL, 'vs exact');
    expectRelative(kolmogorovSurvival(x), scipy, 2e-14, MIN_NORMAL, 'vs scipy');
  });

  test('support and NaN', () => {
    expect(kolmogorovSurvival(-1)).toBe(1);
    expect(kolmogorovSurvival(Infinity)).toBe(0);
    expect(kolmogorovSurvival(Number.NaN)).toBeNaN();
  });
});

describe('Smirnov one-sided (scipy.special.smirnov)', () => {
  test.each(reference.smirnov)('n = %d, d = %d', (n, d, scipy) => {
    expectRelative(smirnovSurvival(n, d), scipy, 1e-14, MIN_NORMAL, 'vs scipy');
  });

  test('n = 1 is uniform; NaN; sizes that are not positive integers', () => {
    expect(smirnovSurvival(1, 0.3)).toBe(0.7);
    expect(smirnovSurvival(5, Number.NaN)).toBeNaN();
    expect(smirnovSurvival(5, -0.5)).toBe(1);
    expect(smirnovSurvival(5, 1.5)).toBe(0);
    expect(() => smirnovSurvival(0, 0.5)).toThrow(RangeError);
    expect(() => smirnovSurvival(2.5, 0.5)).toThrow(/positive integer/);
  });
});

describe('two-sided one-sample (scipy.stats.kstwo.sf)', () => {
  test.each(reference.kstwo_sf)('n = %d, d = %d', (n, d, scipy) => {
    expectRelative(ksOneSampleSurvival(n, d), scipy, 1e-12, 1e-14, 'vs scipy');
  });

  test('matches 2·smirnov where the one-sided events are disjoint (d ≥ ½)', () => {
    for (const n of [3, 10, 200]) {
      for (const d of [0.5, 0.6, 0.8]) expect(ksOneSampleSurvival(n, d)).toBe(Math.min(1, 2 * smirnovSurvival(n, d)));
    }
  });

  test('approaches Kolmogorov\u2019s limit as n grows', () => {
    const x = 1.2;
    const errors = [100, 10_000, 1_000_000].map((n) => Math.abs(ksOneSampleSurvival(n, x / Math.sqrt(n)) - kolmogorovSurvival(x)));
    expect(errors[1]!).toBeLessThan(errors[0]!);
    expect(errors[2]!).toBeLessThan(errors[1]!);
    expect(errors[2]!).toBeLessThan(1e-3);
  });

  test('support and invalid sizes', () => {
    expect(ksOneSampleSurvival(10, 0)).toBe(1);
    expect(ksOneSampleSurvival(10, 0.05)).toBe(1);
    expect(ksOneSampleSurvival(10, 1)).toBe(0);
    expect(ksOneSampleSurvival(10, Number.NaN)).toBeNaN();
    expect(() => ksOneSampleSurvival(-3, 0.5)).toThrow(RangeError);
  });
});

describe('exact two-sample probability (as inside scipy.stats.ks_2samp)', () => {
  test.each(reference.ks_2samp_exact)('n1 = %d, n2 = %d, h = %d', (n1, n2, h, probability, success) => {
    const actual = ksTwoSampleExactSurvival(n1, n2, h);
    expectRelative(actual, probability, 1e-14, 0, 'vs scipy');
    expect(actual >= 0 && actual <= 1, `in [0, 1]: ${actual}`).toBe(success);
  });

  test('small cases by enumeration of all orderings', () => {
    // n1 = 2, n2 = 3: the C(5, 2) = 10 interleavings, D of each.
    const counts = new Map<number, number>();
    const n1 = 2;
    const n2 = 3;
    for (let mask = 0; mask < 32; mask += 1) {
      if (popCount(mask) !== n1) continue;
      let i = 0;
      let j = 0;
      let d = 0;
      for (let bit = 0; bit < 5; bit += 1) {
        if (mask & (1 << bit)) i += 1;
        else j += 1;
        d = Math.max(d, Math.abs(i * n2 - j * n1));
      }
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    for (let h = 1; h <= 6; h += 1) {
      let atLeast = 0;
      for (const [d, count] of counts) if (d >= h) atLeast += count;
      expectRelative(ksTwoSampleExactSurvival(n1, n2, h), atLeast / 10, 1e-15, 0, `h = ${h}`);
    }
  });

  test('h = 0 and invalid arguments', () => {
    expect(ksTwoSampleExactSurvival(4, 6, 0)).toBe(1);
    expect(() => ksTwoSampleExactSurvival(4, 6, 13)).toThrow(/lcm/);
    expect(() => ksTwoSampleExactSurvival(4, 6, 1.5)).toThrow(RangeError);
    expect(() => ksTwoSampleExactSurvival(0, 6, 1)).toThrow(RangeError);
    expect(greatestCommonDivisor(60, 90)).toBe(30);
  });
});

function popCount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v >>= 1) count += v & 1;
  return count;
}
