/**
 * The profile of the example data against statistics computed independently by pandas/numpy
 * (test/fixtures/reference/reference_profile.py → customers-profile.json), and shard profiles merged
 * against the whole-file profile.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type ColumnProfileDocument, mergeProfiles, type ProfileDocument } from '../../src/core/profile/profile.js';
import { ROOT } from '../support/runner.js';
import { validate } from '../support/validate.js';

interface ReferenceColumn {
  kind: string;
  rows: number;
  nulls: number;
  non_null: number;
  min?: number | string;
  max?: number | string;
  mean?: number;
  variance_sample?: number;
  distinct: number;
  min_length?: number;
  max_length?: number;
  value_counts?: Record<string, number>;
}

const reference = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/reference/customers-profile.json'), 'utf8')) as { rows: number; columns: Record<string, ReferenceColumn> };
const csv = readFileSync(join(ROOT, 'examples/data/customers.csv'), 'utf8');
const [headerLine, ...lines] = csv.trimEnd().split('\n');
const header = headerLine!.split(',');
/** The raw values of a column (the example data has no quoted fields). */
const rawColumn = (name: string): string[] => lines.map((line) => line.split(',')[header.indexOf(name)]!);
const columnOf = (profile: ProfileDocument, name: string): ColumnProfileDocument => profile.columns.find((column) => column.name === name)!;

/** Fraction of values ≤ x and < x: a quantile estimate is right when its rank range meets q ± ε. */
function rankRange(sorted: readonly number[], x: number): [number, number] {
  let below = 0;
  let atMost = 0;
  for (const value of sorted) {
    if (value < x) below += 1;
    if (value <= x) atMost += 1;
  }
  return [below / sorted.length, atMost / sorted.length];
}

const whole = (await validate('examples/data/customers.csv')).profile;

describe('profile of examples/data/customers.csv against pandas', () => {
  test('row count, columns and inferred types', () => {
    expect(whole.rows).toBe(reference.rows);
    expect(whole.columns.map((column) => [column.name, column.type])).toEqual([
      ['customer_id', 'integer'],
      ['age', 'integer'],
      ['country', 'category'],
      ['plan', 'category'],
      ['signup_date', 'date'],
      ['tenure_months', 'integer'],
      ['monthly_spend', 'number'],
      ['support_tickets', 'integer'],
      ['email', 'string'],
      ['last_login', 'datetime'],
      ['churned', 'integer'],
    ]);
  });

  test.each(Object.entries(reference.columns))('%s: counts, moments, ranges and values', (name, expected) => {
    const column = columnOf(whole, name);
    expect(column.count).toBe(expected.non_null);
    expect(column.nulls).toBe(expected.nulls);
    expect(column.empty).toBe(0);
    if (expected.mean !== undefined) {
      expect(column.summary.min).toBe(expected.min);
      expect(column.summary.max).toBe(expected.max);
      // Welford's running mean and variance against numpy's two-pass values: relative error < 1e-12.
      expect(Math.abs(column.summary.mean! - expected.mean) / Math.abs(expected.mean)).toBeLessThan(1e-12);
      expect(Math.abs(column.summary.variance! - expected.variance_sample!) / expected.variance_sample!).toBeLessThan(1e-12);
    } else if (typeof expected.min === 'string') {
      expect(column.summary.min).toBe(expected.min);
      expect(column.summary.max).toBe(expected.max);
    }
    if (column.distinct.exact) {
      expect(column.distinct.value).toBe(expected.distinct);
    } else {
      // HyperLogLog with 4096 registers: standard error 1.04/64 = 1.625%; allow three of them.
      expect(Math.abs(column.distinct.value - expected.distinct) / expected.distinct).toBeLessThan(3 * 0.01625);
    }
    if (expected.min_length !== undefined) expect(column.summary.length).toMatchObject({ min: expected.min_length, max: expected.max_length });
    if (expected.value_counts !== undefined) {
      expect(Object.fromEntries((column.state.categories ?? []).map(([value, count]) => [String(value), count]))).toEqual(expected.value_counts);
    }
  });

  test.each(['customer_id', 'age', 'tenure_months', 'monthly_spend', 'support_tickets'])('%s: every quantile is within the stated rank error', (name) => {
    const column = columnOf(whole, name);
    const sorted = rawColumn(name).filter((text) => text !== '').map(Number).sort((a, b) => a - b);
    expect(whole.rank_error).toBeCloseTo(0.0133, 4);
    for (const [q, value] of Object.entries(column.summary.quantiles!)) {
      const [below, atMost] = rankRange(sorted, value);
      expect(atMost, `q=${q}`).toBeGreaterThanOrEqual(Number(q) - whole.rank_error);
      expect(below, `q=${q}`).toBeLessThanOrEqual(Number(q) + whole.rank_error);
    }
  });

  test('histograms count every value once', () => {
    for (const column of whole.columns) {
      const histogram = column.summary.histogram;
      if (histogram === undefined) continue;
      expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(column.state.numeric!.count);
      expect(histogram.edges).toHaveLength(histogram.counts.length + 1);
    }
    // support_tickets has few values, so its histogram is exact.
    const tickets = columnOf(whole, 'support_tickets').summary.histogram!;
    expect(tickets.exact).toBe(true);
    const raw = rawColumn('support_tickets').map(Number);
    expect(tickets.counts[0]).toBe(raw.filter((value) => value < tickets.edges[1]!).length);
  });
});

describe('merging shard profiles', () => {
  const directory = mkdtempSync(join(tmpdir(), 'cd4ml-shards-'));
  const cuts = [0, 1234, 1235, 3900, lines.length];
  const shards = cuts.slice(0, -1).map((start, i) => {
    const path = join(directory, `part-${i}.csv`);
    writeFileSync(path, `${headerLine}\n${lines.slice(start, cuts[i + 1]).join('\n')}\n`);
    return path;
  });

  test('gives the whole-file profile: counts, categories and distinct sketches exactly, moments to 1e-12, quantiles within the rank error', async () => {
    const parts = await Promise.all(shards.map(async (path) => (await validate(path)).profile));
    const merged = mergeProfiles(parts);
    expect(merged.rows).toBe(whole.rows);
    expect(merged.sources.map((source) => source.rows)).toEqual([1234, 1, 2665, 1100]);
    for (const column of whole.columns) {
      const other = columnOf(merged, column.name);
      expect(other.type).toBe(column.type);
      expect([other.count, other.nulls, other.empty]).toEqual([column.count, column.nulls, column.empty]);
      expect(other.state.kinds).toEqual(column.state.kinds);
      expect(other.state.categories).toEqual(column.state.categories);
      expect(other.state.hll).toEqual(column.state.hll);
      expect(other.distinct).toEqual(column.distinct);
      expect(other.state.length).toEqual(column.state.length);
      expect(other.state.temporal).toEqual(column.state.temporal);
      const a = column.state.numeric;
      const b = other.state.numeric;
      if (a === null) {
        expect(b).toBeNull();
        continue;
      }
      expect([b!.count, b!.min, b!.max]).toEqual([a.count, a.min, a.max]);
      expect(Math.abs(b!.mean - a.mean) / Math.abs(a.mean)).toBeLessThan(1e-12);
      expect(Math.abs(b!.m2 - a.m2) / a.m2).toBeLessThan(1e-12);
      const sorted = rawColumn(column.name).filter((text) => text !== '').map(Number).sort((x, y) => x - y);
      for (const [q, value] of Object.entries(other.summary.quantiles!)) {
        const [below, atMost] = rankRange(sorted, value);
        expect(atMost).toBeGreaterThanOrEqual(Number(q) - merged.rank_error);
        expect(below).toBeLessThanOrEqual(Number(q) + merged.rank_error);
      }
    }
  });

  test('a glob over the shards profiles the same data as the merge', async () => {
    const globbed = (await validate(join(directory, 'part-*.csv'))).profile;
    expect(globbed.rows).toBe(whole.rows);
    expect(globbed.sources).toHaveLength(4);
    expect(globbed.columns.map((column) => [column.name, column.count, column.nulls])).toEqual(whole.columns.map((column) => [column.name, column.count, column.nulls]));
  });
});
