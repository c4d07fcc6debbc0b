/**
 * Duplicate detection from logged keys: counts and first failing rows as one pass in row order would
 * find them, however the rows were split into parts.
 */
import { describe, expect, test } from 'vitest';
import { findDuplicates, KeyLog, type KeyLogPart } from '../../src/core/schema/unique-index.js';

/** Logs `keys` (one [hi, lo] per row, rows from 1) in parts cut at `cuts`; each part's base is the rows before it. */
function parts(keys: readonly (readonly [number, number])[], cuts: readonly number[]): KeyLogPart[] {
  const bounds = [0, ...cuts, keys.length];
  return bounds.slice(0, -1).map((from, i) => {
    const log = new KeyLog();
    for (let row = from; row < bounds[i + 1]!; row += 1) log.add(keys[row]![0], keys[row]![1], row - from + 1);
    return { log: log.toState(), base: from };
  });
}

/** What one pass in row order finds: duplicate count and all failing rows. */
function reference(keys: readonly (readonly [number, number])[]): { failures: number; rows: number[] } {
  const seen = new Set<string>();
  const rows: number[] = [];
  keys.forEach(([hi, lo], i) => {
    const key = `${hi >>> 0}:${lo >>> 0}`;
    if (seen.has(key)) rows.push(i + 1);
    else seen.add(key);
  });
  return { failures: rows.length, rows };
}

let seed = 11;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);

describe('findDuplicates', () => {
  // 200,000 keys from 120,000 values (the all-zero key among them), signed and unsigned words mixed.
  const values = Array.from({ length: 120_000 }, (_, i): [number, number] => (i === 7 ? [0, 0] : [random(), random()]));
  const keys = Array.from({ length: 200_000 }, (_, i): [number, number] => {
    const [hi, lo] = values[i < 120_000 ? i : random() % 120_000]!;
    return i % 3 === 0 ? [hi | 0, lo | 0] : [hi >>> 0, lo >>> 0];
  });
  const expected = reference(keys);

  test.each([[[]], [[1]], [[100_000]], [[1, 2, 50_000, 150_000, 199_999]]])('parts cut at %j find every duplicate and the first failing rows', (cuts) => {
    const found = findDuplicates(parts(keys, cuts), 5);
    expect(found.failures).toBe(expected.failures);
    expect(found.rows).toEqual(expected.rows.slice(0, 5));
  });

  test('as many first rows as asked for, or none', () => {
    expect(findDuplicates(parts(keys, [70_000]), 1000).rows).toEqual(expected.rows.slice(0, 1000));
    expect(findDuplicates(parts(keys, [70_000]), 0)).toEqual({ failures: expected.failures, rows: [] });
  });

  test('a key seen in an earlier part fails in the later one, at its own row', () => {
    const found = findDuplicates(parts([[1, 2], [3, 4], [5, 6], [3, 4], [1, 2]], [2]), 5);
    expect(found).toEqual({ failures: 2, rows: [4, 5] });
  });

  test('no keys, no duplicates', () => {
    expect(findDuplicates([], 5)).toEqual({ failures: 0, rows: [] });
    expect(findDuplicates(parts([], []), 5)).toEqual({ failures: 0, rows: [] });
  });
});
