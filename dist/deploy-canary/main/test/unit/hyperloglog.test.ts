import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { HASH_SEED_LOW, hashBytes, hashNumber } from '../../src/core/profile/hash.js';
import { HyperLogLog } from '../../src/core/profile/hyperloglog.js';

function sketchOf(from: number, to: number, p = 12, seed = HASH_SEED_LOW): HyperLogLog {
  const sketch = new HyperLogLog(p);
  for (let i = from; i < to; i++) sketch.add(hashNumber(i, seed));
  return sketch;
}

describe('HyperLogLog estimate', () => {
  const se = HyperLogLog.standardError(12);

  test('states the standard error 1.04/√m', () => {
    expect(se).toBeCloseTo(1.04 / 64, 12);
    expect(HyperLogLog.standardError(16)).toBeCloseTo(1.04 / 256, 12);
  });

  test.each([10, 1000, 100_000, 1_000_000])('%d distinct values are estimated within 3 standard errors', (n) => {
    const estimate = sketchOf(0, n).estimate();
    expect(Math.abs(estimate / n - 1)).toBeLessThanOrEqual(3 * se);
  });

  test('counts up to 100 are within ±2 (linear counting)', () => {
    for (const seed of [HASH_SEED_LOW, 1, 2]) {
      const sketch = new HyperLogLog();
      for (let n = 1; n <= 100; n++) {
        sketch.add(hashNumber(n * 1.5, seed));
        expect(Math.abs(sketch.estimate() - n)).toBeLessThanOrEqual(2);
      }
    }
  });

  test('an empty sketch estimates 0 and repeats do not count', () => {
    expect(new HyperLogLog().estimate()).toBe(0);
    expect(new HyperLogLog().isEmpty()).toBe(true);
    const once = sketchOf(0, 5000);
    const thrice = new HyperLogLog();
    for (let round = 0; round < 3; round++) for (let i = 0; i < 5000; i++) thrice.add(hashNumber(i, HASH_SEED_LOW));
    expect(thrice.registers).toEqual(once.registers);
    expect(thrice.estimate()).toBe(once.estimate());
  });

  test('works on byte hashes of text fields and other precisions', () => {
    const p = 14;
    const sketch = new HyperLogLog(p);
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const field = Buffer.from(`user-${i}@example.com`);
      sketch.add(hashBytes(field, 0, field.length, HASH_SEED_LOW));
    }
    expect(Math.abs(sketch.estimate() / n - 1)).toBeLessThanOrEqual(3 * HyperLogLog.standardError(p));
  });

  test('signed and unsigned forms of the same hash are the same input', () => {
    const a = new HyperLogLog(8);
    const b = new HyperLogLog(8);
    for (let i = 0; i < 2000; i++) {
      const h = hashNumber(i, 9);
      a.add(h);
      b.add(h | 0);
    }
    expect(b.registers).toEqual(a.registers);
  });

  test('a saturated sketch still returns a finite estimate', () => {
    const p = 4;
    const full = HyperLogLog.fromJSON({ p, registers: Buffer.alloc(16, 33 - p).toString('base64') });
    const estimate = full.estimate();
    expect(Number.isFinite(estimate)).toBe(true);
    expect(estimate).toBeGreaterThan(2 ** 32 / 30);
  });
});

describe('HyperLogLog merge', () => {
  test('merging overlapping sets estimates the union and equals the sketch of the union', () => {
    const a = sketchOf(0, 60_000);
    const b = sketchOf(40_000, 100_000);
    a.merge(b);
    expect(a.registers).toEqual(sketchOf(0, 100_000).registers);
    expect(Math.abs(a.estimate() / 100_000 - 1)).toBeLessThanOrEqual(3 * HyperLogLog.standardError(12));
  });

  test('merging is idempotent and order-free', () => {
    const a = sketchOf(0, 3000);
    const b = sketchOf(1000, 9000);
    const ab = sketchOf(0, 3000);
    ab.merge(b);
    const ba = sketchOf(1000, 9000);
    ba.merge(a);
    expect(ab.registers).toEqual(ba.registers);
    ab.merge(b);
    expect(ab.registers).toEqual(ba.registers);
  });

  test('refuses sketches of different precision', () => {
    expect(() => new HyperLogLog(12).merge(new HyperLogLog(10))).toThrow(/different precision \(12 and 10\)/);
  });
});

describe('HyperLogLog JSON', () => {
  test('a round trip through JSON text keeps registers and estimate', () => {
    const sketch = sketchOf(0, 25_000);
    const restored = HyperLogLog.fromJSON(JSON.parse(JSON.stringify(sketch)));
    expect(restored.p).toBe(12);
    expect(restored.registers).toEqual(sketch.registers);
    expect(restored.estimate()).toBe(sketch.estimate());
    expect(sketch.toJSON().registers).toHaveLength(Math.ceil(4096 / 3) * 4);
  });

  test.each([
    ['not an object', 'nope', /must be an object/],
    ['an array', [], /must be an object/],
    ['p too small', { p: 3, registers: '' }, /"p" must be an integer from 4 to 16, got 3/],
    ['p too large', { p: 17, registers: '' }, /got 17/],
    ['p not an integer', { p: 12.5, registers: '' }, /got 12.5/],
    ['registers missing', { p: 4 }, /"registers" must be a base64 string/],
    ['registers not base64', { p: 4, registers: 'not base64!' }, /base64/],
    ['registers too short', { p: 4, registers: Buffer.alloc(15).toString('base64') }, /holds 15 bytes; precision 4 needs 16/],
    ['registers too long', { p: 4, registers: Buffer.alloc(17).toString('base64') }, /holds 17 bytes/],
    ['register beyond the hash width', { p: 4, registers: Buffer.from([30, ...new Array<number>(15).fill(0)]).toString('base64') }, /register 0 is 30; precision 4 allows at most 29/],
  ])('rejects %s with a one-line InputError', (_name, state, message) => {
    let thrown: unknown;
    try {
      HyperLogLog.fromJSON(state);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  test('the constructor rejects an unsupported precision', () => {
    expect(() => new HyperLogLog(20)).toThrow(InputError);
  });
});
