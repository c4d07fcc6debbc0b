/**
 * Drift statistics from two profiles (src/core/drift/profile-distributions.ts, profile-categories.ts)
 * against the same statistics from the raw samples (ks.ts, wasserstein.ts, psi.ts, categorical.ts and
 * scipy's values in test/fixtures/reference/drift/distributions.json): equal with exact value counts,
 * within the documented bounds with sketches (docs/drift-statistics-profiles.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classifyValue, newCell } from '../../src/core/data/cell.js';
import { unseenShare } from '../../src/core/drift/categorical.js';
import { ksStatisticFromSorted } from '../../src/core/drift/ks.js';
import { profileCategoryCounts, unseenShareLowerBound } from '../../src/core/drift/profile-categories.js';
import { profileKsStatistic, profilePsi, profileRankError, profileWasserstein } from '../../src/core/drift/profile-distributions.js';
import { psiBinEdges, psiNumeric } from '../../src/core/drift/psi.js';
import { normedWasserstein, wassersteinDistance } from '../../src/core/drift/wasserstein.js';
import { InputError } from '../../src/core/errors.js';
import { ColumnProfile } from '../../src/core/profile/column-profile.js';
import { type ProfileDocument, parseProfile } from '../../src/core/profile/profile.js';
import { Random } from '../../src/core/stats/random.js';
import { ROOT } from '../support/runner.js';
import { validate } from '../support/validate.js';

/** A column profiled value by value, then stored and read back as check-drift reads a reference. */
function profileOf(values: ArrayLike<unknown>): ColumnProfile {
  const profile = new ColumnProfile();
  const cell = newCell();
  let scratch: Buffer = Buffer.alloc(64);
  for (let i = 0; i < values.length; i += 1) {
    scratch = classifyValue(cell, values[i], scratch);
    profile.add(cell);
  }
  return ColumnProfile.fromState(JSON.parse(JSON.stringify(profile.toState())));
}

/** n seeded draws of N(mean, sd²) (Box–Muller), optionally rounded to an integer and clamped to [low, high]. */
function normals(n: number, seed: number, mean: number, sd: number, integers?: { low: number; high: number }): Float64Array {
  const random = new Random(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const u = 1 - random.nextDouble();
    const v = random.nextDouble();
    const x = mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    out[i] = integers === undefined ? x : Math.min(integers.high, Math.max(integers.low, Math.round(x)));
  }
  return out;
}

/** D of the raw samples, by ks.ts (the statistic of scipy.stats.ks_2samp). */
function sampleKs(a: Float64Array, b: Float64Array): number {
  return ksStatisticFromSorted(Float64Array.from(a).sort(), Float64Array.from(b).sort());
}

/** |a − b| relative to |b| (absolute below 1). */
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('exact value counts (at most 1,000 distinct values): the sample statistics', () => {
  // Integers 0..500 from two shifted, differently spread distributions: 501 values at most, so both
  // profiles count every value exactly.
  const reference = normals(20_000, 11, 250, 60, { low: 0, high: 500 });
  const current = normals(10_000, 12, 265, 75, { low: 0, high: 500 });
  const ref = profileOf(reference);
  const cur = profileOf(current);

  test('both profiles are exact', () => {
    expect(ref.categories).not.toBeNull();
    expect(cur.categories).not.toBeNull();
    expect(profileRankError(ref)).toBe(0);
  });

  test('KS statistic equals ks_2samp’s D', () => {
    const result = profileKsStatistic(ref, cur);
    expect(result.exact).toBe(true);
    expect(result.errorBound).toBe(0);
    expect(result.referenceCount).toBe(20_000);
    expect(result.currentCount).toBe(10_000);
    expect(result.statistic).toBeGreaterThan(0.05);
    expect(Math.abs(result.statistic - sampleKs(reference, current))).toBeLessThanOrEqual(1e-12);
  });

  test('Wasserstein distance and normed distance equal the sample values', () => {
    const result = profileWasserstein(ref, cur);
    expect(result.exact).toBe(true);
    expect(result.errorBound).toBe(0);
    expect(relative(result.distance, wassersteinDistance(reference, current))).toBeLessThanOrEqual(1e-12);
    expect(relative(result.statistic, normedWasserstein(reference, current))).toBeLessThanOrEqual(1e-12);
  });

  test.each([2, 5, 10, 20, 37])('PSI with %i bins equals psiNumeric on the samples, with its edges', (bins) => {
    const result = profilePsi(ref, cur, bins);
    expect(result.exact).toBe(true);
    expect(result.edges).toEqual(Array.from(psiBinEdges(reference, bins)));
    expect(Math.abs(result.statistic - psiNumeric(reference, current, bins))).toBeLessThanOrEqual(1e-12);
    // The current shares are the current profile's own CDF at the edges.
    const cdf = cur.cdf(result.edges);
    expect(result.currentShares.slice(0, -1).map((_, i) => result.currentShares.slice(0, i + 1).reduce((sum, share) => sum + share, 0))).toEqual(
      cdf.map((value) => expect.closeTo(value, 12)),
    );
  });
});

interface NumericCase {
  name: string;
  reference: number[];
  current: number[];
  wasserstein: number | null;
  reference_std: number;
  constant_reference: boolean;
  psi: Record<string, { value: number; edges: number[] }>;
}

const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/reference/drift/distributions.json'), 'utf8')) as { numeric: NumericCase[] };
const exactCases = fixture.numeric.filter((c) => new Set(c.reference).size <= 1000 && new Set(c.current).size <= 1000);

describe('against scipy (test/fixtures/reference/drift/distributions.json), from exact profiles', () => {
  test('most cases are exact', () => {
    expect(exactCases.length).toBeGreaterThanOrEqual(15);
  });

  test.each(exactCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = profileOf(c.reference);
    const cur = profileOf(c.current);
    const ks = profileKsStatistic(ref, cur);
    const w = profileWasserstein(ref, cur);
    if (c.wasserstein === null) {
      expect(ks.statistic).toBeNaN();
      expect(w.statistic).toBeNaN();
      expect(profilePsi(ref, cur).statistic).toBeNaN();
      return;
    }
    expect(ks.statistic).toBe(sampleKs(Float64Array.from(c.reference), Float64Array.from(c.current)));
    expect(Math.abs(w.distance - c.wasserstein)).toBeLessThanOrEqual(1e-12 * Math.max(1, c.wasserstein));
    const normed = c.constant_reference ? (c.wasserstein === 0 ? 0 : Number.POSITIVE_INFINITY) : c.wasserstein / c.reference_std;
    if (Number.isFinite(normed)) expect(relative(w.statistic, normed)).toBeLessThanOrEqual(1e-12);
    else expect(w.statistic).toBe(normed);
    for (const [bins, expected] of Object.entries(c.psi)) {
      const psi = profilePsi(ref, cur, Number(bins));
      // A profile counts -0 as 0 (one value); adding 0 turns numpy's -0 edge into 0 as well.
      expect(psi.edges).toEqual(expected.edges.map((edge) => edge + 0));
      expect(Math.abs(psi.statistic - expected.value)).toBeLessThanOrEqual(1e-12);
    }
  });
});

const csvColumns = (file: string): Map<string, string[]> => {
  const [header, ...lines] = readFileSync(join(ROOT, file), 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  const rows = lines.map((line) => line.split(','));
  return new Map(names.map((name, i) => [name, rows.map((row) => row[i]!)]));
};
const numbersOf = (texts: readonly string[]): Float64Array => Float64Array.from(texts.filter((text) => text !== '').map(Number));

/** A column's profile from a profile document as validate-data writes it (JSON), read back as check-drift does. */
function storedColumn(document: ProfileDocument, name: string): ColumnProfile {
  const stored = parseProfile(JSON.parse(JSON.stringify(document)), `${name}.json`);
  return ColumnProfile.fromState(stored.columns.find((column) => column.name === name)!.state);
}

describe('examples/data/customers.csv against customers-2024-07.csv, profiled by validate-data', async () => {
  const referenceProfile = (await validate('examples/data/customers.csv')).profile;
  const currentProfile = (await validate('examples/data/customers-2024-07.csv')).profile;
  const referenceData = csvColumns('examples/data/customers.csv');
  const currentData = csvColumns('examples/data/customers-2024-07.csv');

  test.each(['age', 'tenure_months', 'support_tickets', 'churned'])('%s (exact counts): KS, Wasserstein and PSI equal the sample values', (name) => {
    const ref = storedColumn(referenceProfile, name);
    const cur = storedColumn(currentProfile, name);
    const reference = numbersOf(referenceData.get(name)!);
    const current = numbersOf(currentData.get(name)!);
    const ks = profileKsStatistic(ref, cur);
    const w = profileWasserstein(ref, cur);
    const psi = profilePsi(ref, cur);
    expect([ks.exact, w.exact, psi.exact]).toEqual([true, true, true]);
    expect(Math.abs(ks.statistic - sampleKs(reference, current))).toBeLessThanOrEqual(1e-12);
    expect(relative(w.distance, wassersteinDistance(reference, current))).toBeLessThanOrEqual(1e-12);
    expect(relative(w.statistic, normedWasserstein(reference, current))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(psi.statistic - psiNumeric(reference, current))).toBeLessThanOrEqual(1e-12);
  });

  test.each(['monthly_spend', 'customer_id'])('%s (sketches, over 1,000 distinct values): within the stated bounds', (name) => {
    const ref = storedColumn(referenceProfile, name);
    const cur = storedColumn(currentProfile, name);
    expect(ref.sketch).not.toBeNull();
    const reference = numbersOf(referenceData.get(name)!);
    const current = numbersOf(currentData.get(name)!);
    const ks = profileKsStatistic(ref, cur);
    const w = profileWasserstein(ref, cur);
    const psi = profilePsi(ref, cur);
    expect(ks.exact).toBe(false);
    expect(ks.errorBound).toBeCloseTo(cur.sketch === null ? 0.0133 : 0.0266, 4);
    expect(Math.abs(ks.statistic - sampleKs(reference, current))).toBeLessThanOrEqual(ks.errorBound);
    expect(Math.abs(w.statistic - normedWasserstein(reference, current))).toBeLessThanOrEqual(w.errorBound);
    expect(Math.abs(w.statistic - normedWasserstein(reference, current))).toBeLessThanOrEqual(0.02);
    expect(Math.abs(psi.statistic - psiNumeric(reference, current))).toBeLessThanOrEqual(psi.errorBound);
  });

  test.each(['country', 'plan', 'churned', 'age'])('%s: category counts equal the raw counts', (name) => {
    const ref = profileCategoryCounts(storedColumn(referenceProfile, name));
    const cur = profileCategoryCounts(storedColumn(currentProfile, name));
    const countsOf = (texts: readonly string[], numeric: boolean): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const text of texts) {
        const key = numeric ? String(Number(text)) : text;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    };
    const numeric = name === 'churned' || name === 'age';
    expect([ref.exact, ref.other, cur.exact, cur.other]).toEqual([true, 0, true, 0]);
    expect(new Map([...ref.counts].sort())).toEqual(new Map([...countsOf(referenceData.get(name)!, numeric)].sort()));
    expect(new Map([...cur.counts].sort())).toEqual(new Map([...countsOf(currentData.get(name)!, numeric)].sort()));
    expect(ref.total).toBe(5000);
    expect(unseenShare(ref.counts, cur.counts)).toBe(unseenShare(countsOf(referenceData.get(name)!, numeric), countsOf(currentData.get(name)!, numeric)));
  });
});

describe('sketches (200,000 and 100,000 continuous values): errors within the stated bounds', () => {
  const reference = normals(200_000, 21, 0, 1);
  const ref = profileOf(reference);
  const shifted = normals(100_000, 22, 0.5, 1);
  const same = normals(100_000, 23, 0, 1);
  const cases = [
    ['N(0.5, 1)', shifted, profileOf(shifted)],
    ['N(0, 1)', same, profileOf(same)],
  ] as const;

  test('both sides are sketches with rank error 1.33%', () => {
    expect(ref.categories).toBeNull();
    expect(profileRankError(ref)).toBeCloseTo(0.0133, 4);
  });

  test.each(cases)('against %s: KS within 0.0266', (_name, current, cur) => {
    const result = profileKsStatistic(ref, cur);
    expect(result.exact).toBe(false);
    expect(result.errorBound).toBeCloseTo(0.0266, 4);
    expect(Math.abs(result.statistic - sampleKs(reference, current))).toBeLessThanOrEqual(0.0266);
  });

  test('against N(0.5, 1): normed Wasserstein within 2% relative; PSI within its bound and 0.05', () => {
    const [, current, cur] = cases[0];
    const w = profileWasserstein(ref, cur);
    const exact = normedWasserstein(reference, current);
    expect(relative(w.statistic, exact)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(w.statistic - exact)).toBeLessThanOrEqual(w.errorBound);
    const psi = profilePsi(ref, cur);
    const exactPsi = psiNumeric(reference, current);
    expect(exactPsi).toBeGreaterThan(0.2);
    expect(Math.abs(psi.statistic - exactPsi)).toBeLessThanOrEqual(psi.errorBound);
    expect(Math.abs(psi.statistic - exactPsi)).toBeLessThanOrEqual(0.05);
  });

  test('against N(0, 1): Wasserstein within 0.04 and PSI within 0.01 of the (near 0) sample values', () => {
    const [, current, cur] = cases[1];
    expect(Math.abs(profileWasserstein(ref, cur).statistic - normedWasserstein(reference, current))).toBeLessThanOrEqual(0.04);
    expect(Math.abs(profilePsi(ref, cur).statistic - psiNumeric(reference, current))).toBeLessThanOrEqual(0.01);
  });

  test('an exact current side halves the KS bound', () => {
    const current = normals(50_000, 24, 0.3, 1, { low: -1e9, high: 1e9 }).map((x) => Math.round(x * 100) % 400);
    const cur = profileOf(current);
    expect(cur.categories).not.toBeNull();
    const result = profileKsStatistic(ref, cur);
    expect(result.errorBound).toBeCloseTo(0.0133, 4);
    expect(Math.abs(result.statistic - sampleKs(reference, current))).toBeLessThanOrEqual(0.0133);
  });

  test('the same data profiled twice: D = 0, W = 0, PSI = 0', () => {
    const again = profileOf(reference);
    expect(profileKsStatistic(ref, again).statistic).toBe(0);
    expect(profileWasserstein(ref, again).statistic).toBe(0);
    expect(profilePsi(ref, again).statistic).toBe(0);
  });

  test('disjoint supports: D = 1, W the gap between the distributions', () => {
    const far = normals(100_000, 25, 100, 1);
    const cur = profileOf(far);
    expect(profileKsStatistic(ref, cur).statistic).toBe(1);
    expect(profileKsStatistic(cur, ref).statistic).toBe(1);
    const w = profileWasserstein(ref, cur);
    expect(relative(w.distance, wassersteinDistance(reference, far))).toBeLessThanOrEqual(1e-4);
  });
});

describe('degenerate input', () => {
  const empty = profileOf([null, null]);
  const some = profileOf([1, 2, 3]);

  test.each([
    ['reference', empty, some],
    ['current', some, empty],
  ])('no numeric values in the %s profile: NaN', (_side, reference, current) => {
    expect(profileKsStatistic(reference, current).statistic).toBeNaN();
    expect(profileWasserstein(reference, current).statistic).toBeNaN();
    expect(profilePsi(reference, current).statistic).toBeNaN();
  });

  test.each([
    [[5, 5, 5], [5, 5], 0],
    [[5, 5, 5], [5, 6], Number.POSITIVE_INFINITY],
  ])('constant reference %j against %j: normed Wasserstein %f', (reference, current, expected) => {
    const result = profileWasserstein(profileOf(reference), profileOf(current));
    expect(result.referenceStd).toBe(0);
    expect(result.statistic).toBe(expected);
  });

  test.each([0, 1.5, -2, Number.NaN])('PSI with %f bins is refused', (bins) => {
    expect(() => profilePsi(some, some, bins)).toThrow(InputError);
  });
});

describe('category counts from profiles', () => {
  test('text, booleans, empty strings and numbers by name; nulls apart', () => {
    const counts = profileCategoryCounts(profileOf(['a', 'b', 'a', '', null, true, 'TRUE', 1.5, '1.50', 7, '007']));
    expect(counts.exact).toBe(true);
    expect(counts.total).toBe(10);
    expect(Object.fromEntries(counts.counts)).toEqual({ a: 2, b: 1, '': 1, true: 2, '1.5': 2, '7': 2 });
  });

  test('past 1,000 distinct values the profile keeps no counts: exact false, everything other', () => {
    const many = profileOf(Array.from({ length: 3000 }, (_, i) => `v${i % 1500}`));
    const counts = profileCategoryCounts(many);
    expect(counts).toMatchObject({ exact: false, total: 3000, other: 3000 });
    expect(counts.counts.size).toBe(0);
    const reference = profileCategoryCounts(profileOf(Array.from({ length: 3000 }, (_, i) => `v${i % 100}`)));
    // About 1,500 current values against 100 in the reference: at least ~1,300 of 3,000 rows are new.
    const bound = unseenShareLowerBound(reference, counts);
    expect(bound).toBeGreaterThan(0.4);
    expect(bound).toBeLessThanOrEqual(1400 / 3000);
    expect(unseenShareLowerBound(counts, reference)).toBeNaN();
  });
});
