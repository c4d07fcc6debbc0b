import { describe, expect, test } from 'vitest';
import { HASH_SEED_HIGH, HASH_SEED_LOW, hashBytes, hashBytesCounting, hashNumber, signedHashBytes, signedHashNumber } from '../../src/core/profile/hash.js';

/*
 * Reference values of MurmurHash3_x86_32. The string vectors are the published ones (SMHasher's
 * verification set as quoted with the algorithm, e.g. 0x87654321 LE bytes seed 0 → 0xF55B516B); all
 * of them, and the float64 ones, were recomputed with this independent Python implementation:
 *
 *   def rotl(x, r): return ((x << r) | (x >> (32 - r))) & 0xffffffff
 *   def mm3(data, seed=0):
 *       c1, c2, h, n = 0xcc9e2d51, 0x1b873593, seed & 0xffffffff, len(data)
 *       for i in range(n // 4):
 *           k = int.from_bytes(data[4*i:4*i+4], 'little')
 *           k = rotl((k * c1) & 0xffffffff, 15) * c2 & 0xffffffff
 *           h = (rotl(h ^ k, 13) * 5 + 0xe6546b64) & 0xffffffff
 *       t, k = data[n // 4 * 4:], 0
 *       if len(t) >= 3: k ^= t[2] << 16
 *       if len(t) >= 2: k ^= t[1] << 8
 *       if len(t) >= 1: h ^= rotl(((k ^ t[0]) * c1) & 0xffffffff, 15) * c2 & 0xffffffff
 *       h ^= n; h ^= h >> 16; h = h * 0x85ebca6b & 0xffffffff
 *       h ^= h >> 13; h = h * 0xc2b2ae35 & 0xffffffff; return h ^ (h >> 16)
 *
 * and for numbers `mm3(struct.pack('<d', v), seed)`.
 */
const STRING_VECTORS: [string, number[], number, number][] = [
  ['empty, seed 0', [], 0, 0],
  ['empty, seed 1', [], 1, 0x514e28b7],
  ['empty, seed 0xffffffff', [], 0xffffffff, 0x81f16f39],
  ['"test"', [...Buffer.from('test')], 0, 0xba6bd213],
  ['"Hello, world!"', [...Buffer.from('Hello, world!')], 0, 0xc0363e43],
  ['"Hello, world!" seed 1234', [...Buffer.from('Hello, world!')], 1234, 0xfaf6cdb3],
  ['quick brown fox', [...Buffer.from('The quick brown fox jumps over the lazy dog')], 0, 0x2e4ff723],
  ['ff ff ff ff', [0xff, 0xff, 0xff, 0xff], 0, 0x76293b50],
  ['21 43 65 87', [0x21, 0x43, 0x65, 0x87], 0, 0xf55b516b],
  ['21 43 65 87 seed 0x5082EDEE', [0x21, 0x43, 0x65, 0x87], 0x5082edee, 0x2362f9de],
  ['tail of 3', [0x21, 0x43, 0x65], 0, 0x7e4a8634],
  ['tail of 2', [0x21, 0x43], 0, 0xa0f7b07a],
  ['tail of 1', [0x21], 0, 0x72661cf4],
  ['four zero bytes', [0, 0, 0, 0], 0, 0x2362f9de],
  ['"a"', [...Buffer.from('a')], 0, 0x3c2569b2],
  ['"abc"', [...Buffer.from('abc')], 0, 0xb3dd93fa],
  ['"abcd"', [...Buffer.from('abcd')], 0, 0x43ed676a],
];

const NUMBER_VECTORS: [number, number, number][] = [
  [0, 0, 0x63852afc],
  [0, 42, 0x9c67b85d],
  [1, 0, 0xf783608f],
  [-1.5, 0, 0x802ecead],
  [Math.PI, 0, 0x8948e5ce],
  [1e300, 42, 0xea92c6d9],
  [Infinity, 0, 0x1916a2e5],
];

function popcount(x: number): number {
  let count = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) count++;
  return count;
}

describe('hashBytes (MurmurHash3_x86_32)', () => {
  test.each(STRING_VECTORS)('%s', (_name, bytes, seed, expected) => {
    const buffer = Uint8Array.from(bytes);
    expect(hashBytes(buffer, 0, buffer.length, seed)).toBe(expected);
  });

  test('hashes only [start, end) of a larger buffer', () => {
    const text = Buffer.from('xx,Hello, world!,yy');
    expect(hashBytes(text, 3, 16, 0)).toBe(0xc0363e43);
    expect(hashBytes(text, 3, 3, 1)).toBe(0x514e28b7);
  });

  test('returns unsigned 32-bit integers and depends on the seed', () => {
    const bytes = Buffer.from('column value');
    const a = hashBytes(bytes, 0, bytes.length, HASH_SEED_LOW);
    const b = hashBytes(bytes, 0, bytes.length, HASH_SEED_HIGH);
    for (const h of [a, b]) {
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
    expect(a).not.toBe(b);
  });

  test('a one-bit change in the input flips about half of the output bits (avalanche)', () => {
    // 2,000 random 10-byte keys × 80 single-bit flips; the mean Hamming distance of a good 32-bit
    // hash is 16 with a standard error of about 2/√160,000 = 0.005, so ±0.25 is a loose bound.
    let state = 0x2545f491;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state >>> 0;
    };
    const key = new Uint8Array(10);
    let total = 0;
    let count = 0;
    for (let trial = 0; trial < 2000; trial++) {
      for (let i = 0; i < key.length; i++) key[i] = next() & 0xff;
      const base = hashBytes(key, 0, key.length, 0);
      for (let bit = 0; bit < 80; bit++) {
        key[bit >> 3] = (key[bit >> 3] as number) ^ (1 << (bit & 7));
        total += popcount(base ^ hashBytes(key, 0, key.length, 0));
        key[bit >> 3] = (key[bit >> 3] as number) ^ (1 << (bit & 7));
        count++;
      }
    }
    expect(Math.abs(total / count - 16)).toBeLessThan(0.25);
  });
});

describe('hashNumber', () => {
  test.each(NUMBER_VECTORS)('%d with seed %d', (value, seed, expected) => {
    expect(hashNumber(value, seed)).toBe(expected);
  });

  test('equals hashBytes over the little-endian float64 bytes', () => {
    const bytes = Buffer.alloc(8);
    for (const value of [0, 1, -1, 0.1, 123456789.125, -2.5e-300, Number.MAX_VALUE, Number.MIN_VALUE, -Infinity]) {
      bytes.writeDoubleLE(value, 0);
      expect(hashNumber(value, 7)).toBe(hashBytes(bytes, 0, 8, 7));
    }
  });

  test('-0 hashes as 0 and every NaN alike', () => {
    expect(hashNumber(-0, 3)).toBe(hashNumber(0, 3));
    const nanBits = new Float64Array(new BigUint64Array([0x7ff0000000000001n, 0xfff8000000000000n]).buffer);
    const canonical = hashNumber(NaN, 3);
    expect(hashNumber(nanBits[0] as number, 3)).toBe(canonical);
    expect(hashNumber(nanBits[1] as number, 3)).toBe(canonical);
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64LE(0x7ff8000000000000n, 0);
    expect(canonical).toBe(hashBytes(bytes, 0, 8, 3));
  });

  test('consecutive integers spread evenly over the top byte (chi-square)', () => {
    // 65,536 keys into 256 buckets: χ² has 255 degrees of freedom, mean 255, sd ≈ 22.6; the 99.9th
    // percentile is about 330 and a badly mixing hash on integers lands in the thousands.
    const buckets = new Array<number>(256).fill(0);
    for (let i = 0; i < 65536; i++) {
      const bucket = hashNumber(i, HASH_SEED_LOW) >>> 24;
      buckets[bucket] = (buckets[bucket] as number) + 1;
    }
    const expected = 65536 / 256;
    const chi2 = buckets.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(330);
    expect(chi2).toBeGreaterThan(180); // suspiciously even would also mean something is off
  });

  test('two seeds give independent-looking halves for a wider uniqueness key', () => {
    // Among 200,000 distinct integers, 32-bit hashes collide (~4.7 expected pairs) but the
    // 53-bit folded key documented in hash.ts should not (expected 2e-6 pairs).
    const low = new Set<number>();
    const wide = new Set<number>();
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const a = hashNumber(i, HASH_SEED_LOW);
      const b = hashNumber(i, HASH_SEED_HIGH);
      low.add(a);
      wide.add((b & 0x1fffff) * 2 ** 32 + a);
    }
    expect(wide.size).toBe(n);
    expect(n - low.size).toBeLessThan(20);
  });
});

describe('signed variants and hashing while counting code points', () => {
  test.each(STRING_VECTORS)('%s: the same 32 bits', (_name, bytes, seed, expected) => {
    const buffer = Uint8Array.from(bytes);
    const counted = new Int32Array(1);
    expect(signedHashBytes(buffer, 0, buffer.length, seed)).toBe(expected | 0);
    expect(hashBytesCounting(buffer, 0, buffer.length, seed, counted)).toBe(expected | 0);
  });

  test('numbers: the same 32 bits as hashNumber', () => {
    for (const value of [0, -0, 1, -1, 0.1, 1e300, Number.NaN, Number.MAX_SAFE_INTEGER]) {
      expect(signedHashNumber(value, HASH_SEED_LOW)).toBe(hashNumber(value, HASH_SEED_LOW) | 0);
    }
  });

  test.each(['', 'a', 'ab', 'abc', 'abcd', 'Zoë', 'ü😀x', '€€€€€', 'naïve café'])('%j: its code points counted', (text) => {
    const buffer = Buffer.from(`,${text},`);
    const counted = new Int32Array(1);
    expect(hashBytesCounting(buffer, 1, buffer.length - 1, 7, counted)).toBe(hashBytes(buffer, 1, buffer.length - 1, 7) | 0);
    expect(counted[0]).toBe([...text].length);
  });
});
