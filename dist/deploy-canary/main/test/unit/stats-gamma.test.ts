/**
 * The gamma functions of src/core/stats/gamma.ts against scipy 1.10.1 and against the exact values
 * (mpmath at 40 digits), from test/fixtures/reference/drift/gamma.json (make_distribution_reference.py).
 *
 * Tolerances:
 * - lnGamma: |actual − gammaln| ≤ 1e-14 · max(1, |gammaln|) (the shift to x ≥ 10 leaves about 2e-15
 *   absolute below 10).
 * - P, Q and chi2Survival (v = the value, a = dof/2 and x = statistic/2 for chi-square) against the
 *   exact value: relative error ≤ 1e-13 + 4ε·(|x − a| + |ln v|), ε = 2⁻⁵². The second term is the
 *   rounding of the exponent of xᵃe⁻ˣ/Γ(a), which is formed in double precision and has a size up to
 *   |x − a| + |ln v|; |x − a|·ε is also the result's own condition (a relative change of ε in x moves
 *   it by |x − a|·ε), so no double-precision method does much better far from x = a.
 * - against scipy: relative error ≤ 1e-12 + 4ε·(|x − a| + |ln v|) (scipy forms the same exponent; its
 *   own error reaches 2.2e-12 at chi2.sf(9668.58, 4999), 1.1e-12 at Q(5000, 7500)).
 * Values below 1e-305 (near the subnormal range, where relative accuracy is not kept) are only
 * required to be below 1e-290 as well.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chi2Survival, lnGamma, regularizedGammaP, regularizedGammaQ } from '../../src/core/stats/gamma.js';

interface GammaReference {
  scipy: string;
  mpmath: string;
  lnGamma: { x: number; gammaln: number }[];
  incomplete: { a: number; x: number; gammainc: number; gammaincc: number; exact_p: number; exact_q: number }[];
  chi2: { x: number; dof: number; sf: number; exact: number }[];
}

const reference = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/reference/drift/gamma.json'), 'utf8'),
) as GammaReference;

const EPS = Number.EPSILON;
const SMALLEST_CHECKED = 1e-305;

/** |actual − expected| / |expected| ≤ tolerance, or both below the subnormal-range cut-off. */
function expectRelative(actual: number, expected: number, tolerance: number, label: string): void {
  if (Math.abs(expected) < SMALLEST_CHECKED) {
    expect(Math.abs(actual), label).toBeLessThan(1e-290);
    return;
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** The rounding allowance of the exponent of xᵃe⁻ˣ/Γ(a) for a value v (see the header). */
const exponentAllowance = (a: number, x: number, v: number): number => 4 * EPS * (Math.abs(x - a) + Math.abs(Math.log(v)));
const exactTolerance = (a: number, x: number, v: number): number => 1e-13 + exponentAllowance(a, x, v);
const scipyTolerance = (a: number, x: number, v: number): number => 1e-12 + exponentAllowance(a, x, v);

describe('lnGamma', () => {
  test('the fixture was computed by scipy 1.10.1', () => {
    expect(reference.scipy).toBe('1.10.1');
  });

  test.each(reference.lnGamma.map((row) => [row.x, row.gammaln] as const))('ln Γ(%s) = %s as scipy.special.gammaln', (x, expected) => {
    expect(Math.abs(lnGamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });

  test('ln Γ(n + 1) = ln n! for integers', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n += 1) {
      logFactorial += Math.log(n);
      expect(Math.abs(lnGamma(n + 1) - logFactorial), `n = ${n}`).toBeLessThanOrEqual(1e-14 * Math.max(1, logFactorial));
    }
  });

  test('ln Γ(½) = ½ ln π', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });

  test.each([
    [0, Number.POSITIVE_INFINITY],
    [-1, Number.NaN],
    [Number.NaN, Number.NaN],
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ])('lnGamma(%s) is %s', (x, expected) => {
    expect(lnGamma(x)).toBe(expected);
  });
});

describe('regularized incomplete gamma P and Q', () => {
  const rows = reference.incomplete.map((row) => [row.a, row.x, row] as const);

  test.each(rows)('P(%s, %s) and Q against the exact values', (a, x, row) => {
    expectRelative(regularizedGammaP(a, x), row.exact_p, exactTolerance(a, x, row.exact_p), 'P');
    expectRelative(regularizedGammaQ(a, x), row.exact_q, exactTolerance(a, x, row.exact_q), 'Q');
  });

  test.each(rows)('P(%s, %s) and Q against scipy.special.gammainc and gammaincc', (a, x, row) => {
    expectRelative(regularizedGammaP(a, x), row.gammainc, scipyTolerance(a, x, row.gammainc), 'P');
    expectRelative(regularizedGammaQ(a, x), row.gammaincc, scipyTolerance(a, x, row.gammaincc), 'Q');
  });

  test('P + Q = 1 over the grid', () => {
    for (const { a, x } of reference.incomplete) {
      expect(Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1), `a = ${a}, x = ${x}`).toBeLessThanOrEqual(4 * EPS);
    }
  });

  test('Q(1, x) = e^−x, also far in the tail', () => {
    for (const x of [1e-6, 0.3, 1, 2, 7.5, 40, 300, 700]) {
      expectRelative(regularizedGammaQ(1, x), Math.exp(-x), exactTolerance(1, x, Math.exp(-x)), `Q(1, ${x})`);
      expectRelative(regularizedGammaP(1, x), -Math.expm1(-x), exactTolerance(1, x, -Math.expm1(-x)), `P(1, ${x})`);
    }
  });

  test('P(a, x) ≈ xᵃ / Γ(a + 1) for x far below a, where 1 + (x − a)/a would lose x', () => {
    // P(½, x) = erf(√x) = 2√(x/π) (1 − x/3 + …); P(2, x) = x²/2 − x³/3 + ….
    expectRelative(regularizedGammaP(0.5, 1e-300), 2e-150 / Math.sqrt(Math.PI), exactTolerance(0.5, 1e-300, 1e-150), 'P(0.5, 1e-300)');
    expectRelative(regularizedGammaP(2, 1e-100), 5e-201, exactTolerance(2, 1e-100, 5e-201), 'P(2, 1e-100)');
  });

  test.each([
    ['P(a, 0)', regularizedGammaP(2.5, 0), 0],
    ['Q(a, 0)', regularizedGammaQ(2.5, 0), 1],
    ['P(a, ∞)', regularizedGammaP(2.5, Number.POSITIVE_INFINITY), 1],
    ['Q(a, ∞)', regularizedGammaQ(2.5, Number.POSITIVE_INFINITY), 0],
    ['P(0, x)', regularizedGammaP(0, 1), Number.NaN],
    ['Q(−1, x)', regularizedGammaQ(-1, 1), Number.NaN],
    ['P(a, −1)', regularizedGammaP(1, -1), Number.NaN],
    ['Q(a, NaN)', regularizedGammaQ(1, Number.NaN), Number.NaN],
  ])('%s is %s', (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('chi2Survival', () => {
  const rows = reference.chi2.map((row) => [row.x, row.dof, row] as const);

  test.each(rows)('chi2.sf(%s, %s) against scipy and the exact value', (x, dof, row) => {
    const actual = chi2Survival(x, dof);
    expectRelative(actual, row.exact, exactTolerance(dof / 2, x / 2, row.exact), 'exact');
    expectRelative(actual, row.sf, scipyTolerance(dof / 2, x / 2, row.sf), 'scipy');
  });

  test('p-values from 1e-50 down to 1e-300 keep 1e-12 relative accuracy', () => {
    const tiny = reference.chi2.filter((row) => row.exact < 1e-40);
    expect(tiny.length).toBeGreaterThanOrEqual(3 * 13);
    for (const row of tiny) expectRelative(chi2Survival(row.x, row.dof), row.exact, 1e-12, `chi2.sf(${row.x}, ${row.dof})`);
  });

  test('two degrees of freedom: sf(x) = e^(−x/2)', () => {
    for (const x of [0.01, 1, 5.991464547107979, 100, 1000, 1400]) {
      expectRelative(chi2Survival(x, 2), Math.exp(-x / 2), exactTolerance(1, x / 2, Math.exp(-x / 2)), `x = ${x}`);
    }
  });

  test.each([
    [0, 3, 1],
    [-2, 3, 1],
    [Number.POSITIVE_INFINITY, 3, 0],
    [1, 0, Number.NaN],
    [1, -1, Number.NaN],
    [Number.NaN, 3, Number.NaN],
    [1, Number.NaN, Number.NaN],
  ])('chi2Survival(%s, %s) is %s', (x, dof, expected) => {
    expect(chi2Survival(x, dof)).toBe(expected);
  });
});
