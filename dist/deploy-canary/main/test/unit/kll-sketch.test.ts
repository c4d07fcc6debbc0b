import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { KllSketch, type KllState } from '../../src/core/profile/kll-sketch.js';

const QS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
const K = 200;
const EPS = KllSketch.rankError(K);
const N = 1_000_000;

/** Seeded uniform doubles in [0, 1) with 53 random bits (two xorshift32 draws). */
function uniformSource(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** Standard normal draws by Box–Muller from a seeded uniform source. */
function normalSource(seed: number): () => number {
  const uniform = uniformSource(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const DISTRIBUTIONS: [string, () => Float64Array][] = [
  ['uniform', () => Float64Array.from({ length: N }, uniformSource(11))],
  ['normal', () => Float64Array.from({ length: N }, normalSource(12))],
  [
    'lognormal (σ = 2, heavy right tail)',
    () => {
      const normal = normalSource(13);
      return Float64Array.from({ length: N }, () => Math.exp(2 * normal()));
    },
  ],
  ['sorted', () => Float64Array.from({ length: N }, (_, i) => i)],
  ['reverse-sorted', () => Float64Array.from({ length: N }, (_, i) => N - 1 - i)],
];

/** Number of entries of the ascending `sorted` that are < value (strict) or ≤ value. */
function countBelow(sorted: Float64Array, value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid] as number;
    if (x < value || (inclusive && x === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Largest distance between q and the true rank interval [#<v, #≤v]/n of each estimated quantile v. */
function worstQuantileError(sketch: KllSketch, sorted: Float64Array): number {
  const n = sorted.length;
  let worst = 0;
  sketch.quantiles(QS).forEach((value, i) => {
    const q = QS[i] as number;
    const low = countBelow(sorted, value, false) / n;
    const high = countBelow(sorted, value, true) / n;
    worst = Math.max(worst, q < low ? low - q : q > high ? q - high : 0);
  });
  return worst;
}

function sketchOf(values: ArrayLike<number>, k = K, seed = 1): KllSketch {
  const sketch = new KllSketch(k, seed);
  for (let i = 0; i < values.length; i++) sketch.update(values[i] as number);
  return sketch;
}

describe('rank error bound', () => {
  test('rankError is DataSketches’ 2.296/k^0.9723 (1.33% at k = 200)', () => {
    expect(EPS).toBeCloseTo(2.296 / 200 ** 0.9723, 15);
    expect(EPS).toBeGreaterThan(0.0132);
    expect(EPS).toBeLessThan(0.0134);
    expect(KllSketch.rankError(400)).toBeLessThan(EPS);
  });
});

describe.each(DISTRIBUTIONS)('1,000,000 values, %s', (_name, generate) => {
  const values = generate();
  const sorted = Float64Array.from(values).sort();

  test('every quantile has a true rank within rankError(200) of q; n, min, max exact', () => {
    const sketch = sketchOf(values);
    expect(sketch.n).toBe(N);
    expect(sketch.min).toBe(sorted[0]);
    expect(sketch.max).toBe(sorted[N - 1]);
    expect(sketch.quantile(0)).toBe(sorted[0]);
    expect(sketch.quantile(1)).toBe(sorted[N - 1]);
    expect(worstQuantileError(sketch, sorted)).toBeLessThanOrEqual(EPS);
    expect(sketch.retained).toBeLessThan(700); // ≈ 3k plus 8 per level, independent of n

    // rank and cdf at the true quantiles are within the same bound
    const truth = QS.map((q) => sorted[Math.ceil(q * N) - 1] as number);
    const cdf = sketch.cdf(truth);
    truth.forEach((value, i) => {
      const exact = countBelow(sorted, value, true) / N;
      expect(Math.abs(sketch.rank(value) - exact)).toBeLessThanOrEqual(EPS);
      expect(cdf[i]).toBe(sketch.rank(value));
      if (i > 0) expect(cdf[i] as number).toBeGreaterThanOrEqual(cdf[i - 1] as number);
    });
  });

  test('7 uneven shards sketched apart and merged: n, min, max exact, quantiles within the bound', () => {
    const weights = [1, 13, 2, 21, 3, 8, 5];
    const total = weights.reduce((a, b) => a + b, 0);
    const shards: KllSketch[] = [];
    let start = 0;
    weights.forEach((w, i) => {
      const end = i === weights.length - 1 ? N : start + Math.floor((N * w) / total);
      shards.push(sketchOf(values.subarray(start, end), K, 100 + i));
      start = end;
    });
    const merged = new KllSketch();
    for (const shard of shards) merged.merge(shard);
    expect(merged.n).toBe(N);
    expect(merged.min).toBe(sorted[0]);
    expect(merged.max).toBe(sorted[N - 1]);
    expect(worstQuantileError(merged, sorted)).toBeLessThanOrEqual(EPS);
    expect(merged.retained).toBeLessThan(700);
    // merging into a non-empty sketch (the tree shape of a distributed profile) works as well
    const tree = shards[0] as KllSketch;
    const right = shards[4] as KllSketch;
    for (const shard of shards.slice(5)) right.merge(shard);
    for (const shard of shards.slice(1, 4)) tree.merge(shard);
    tree.merge(right);
    expect(tree.n).toBe(N);
    expect(worstQuantileError(tree, sorted)).toBeLessThanOrEqual(EPS);
  });
});

describe('determinism and serialization', () => {
  const values = Float64Array.from({ length: 300_000 }, normalSource(21));

  test('the same input in the same order gives the same sketch; the seed matters', () => {
    const a = sketchOf(values).toJSON();
    const b = sketchOf(values).toJSON();
    expect(b).toEqual(a);
    expect(sketchOf(values, K, 2).toJSON().levels).not.toEqual(a.levels);
  });

  test('a JSON round trip followed by more updates and merges equals a sketch never serialized', () => {
    const direct = sketchOf(values.subarray(0, 150_000));
    const restored = KllSketch.fromJSON(JSON.parse(JSON.stringify(direct.toJSON())));
    expect(restored.toJSON()).toEqual(direct.toJSON());
    expect(restored.quantiles(QS)).toEqual(direct.quantiles(QS));
    for (let i = 150_000; i < values.length; i++) {
      direct.update(values[i] as number);
      restored.update(values[i] as number);
    }
    const other = sketchOf(values.subarray(0, 90_000), K, 5);
    direct.merge(other);
    restored.merge(KllSketch.fromJSON(JSON.parse(JSON.stringify(other))));
    expect(restored.toJSON()).toEqual(direct.toJSON());
  });

  test('the state has the documented shape', () => {
    const state = sketchOf(values.subarray(0, 5000)).toJSON();
    expect(state.k).toBe(K);
    expect(state.n).toBe(5000);
    expect(state.levels.length).toBeGreaterThan(1);
    const weight = state.levels.reduce((sum, level, h) => sum + level.length * 2 ** h, 0);
    expect(weight).toBe(5000);
    for (const level of state.levels.slice(1)) expect(level).toEqual([...level].sort((a, b) => a - b));
    expect(Number.isInteger(state.rng) && state.rng > 0).toBe(true);
  });
});

describe('small and empty sketches', () => {
  test('an empty sketch answers NaN and serializes with null min/max', () => {
    const sketch = new KllSketch();
    expect(sketch.n).toBe(0);
    expect(sketch.min).toBeNaN();
    expect(sketch.max).toBeNaN();
    expect(sketch.quantile(0.5)).toBeNaN();
    expect(sketch.quantile(0)).toBeNaN();
    expect(sketch.quantiles([0.1, 0.9])).toEqual([NaN, NaN]);
    expect(sketch.rank(1)).toBeNaN();
    expect(sketch.cdf([0, 1])).toEqual([NaN, NaN]);
    const state = sketch.toJSON();
    expect(state).toMatchObject({ k: 200, n: 0, min: null, max: null, levels: [[]] });
    const restored = KllSketch.fromJSON(JSON.parse(JSON.stringify(state)));
    expect(restored.n).toBe(0);
    restored.update(3);
    expect(restored.quantile(0.5)).toBe(3);
  });

  test('merging with an empty sketch changes nothing; merging into one copies', () => {
    const values = Float64Array.from({ length: 20_000 }, uniformSource(31));
    const sketch = sketchOf(values);
    const before = sketch.toJSON();
    sketch.merge(new KllSketch());
    expect(sketch.toJSON()).toEqual(before);
    const empty = new KllSketch();
    empty.merge(sketch);
    expect(empty.n).toBe(20_000);
    expect(empty.min).toBe(sketch.min);
    expect(empty.max).toBe(sketch.max);
    const sorted = Float64Array.from(values).sort();
    expect(worstQuantileError(empty, sorted)).toBeLessThanOrEqual(EPS);
  });

  test('many merges of assorted sizes keep the invariants and the accuracy', () => {
    // Sizes from 1 to ~20,000 merged in a fixed pseudo-random order: after every merge the state
    // must pass fromJSON's checks (levels above 0 sorted, weights summing to n, within capacity).
    const uniform = uniformSource(51);
    const all: number[] = [];
    let merged = new KllSketch(K, 9);
    for (let s = 0; s < 120; s++) {
      const size = Math.floor(uniform() ** 3 * 20_000) + 1;
      const part = Array.from({ length: size }, () => uniform() * 1000 - 500);
      all.push(...part);
      const sketch = sketchOf(part, K, s + 1);
      if (s % 2 === 0) {
        merged.merge(sketch);
      } else {
        sketch.merge(merged); // the big one merged into a small one as well
        merged = sketch;
      }
      const state = merged.toJSON();
      expect(() => KllSketch.fromJSON(state)).not.toThrow();
      expect(merged.n).toBe(all.length);
    }
    const sorted = Float64Array.from(all).sort();
    expect(merged.min).toBe(sorted[0]);
    expect(merged.max).toBe(sorted[sorted.length - 1]);
    expect(worstQuantileError(merged, sorted)).toBeLessThanOrEqual(EPS);
  });

  test('a sketch merged with itself counts everything twice', () => {
    const values = Float64Array.from({ length: 50_000 }, uniformSource(41));
    const sketch = sketchOf(values);
    sketch.merge(sketch);
    expect(sketch.n).toBe(100_000);
    const doubled = Float64Array.from([...values, ...values]).sort();
    expect(worstQuantileError(sketch, doubled)).toBeLessThanOrEqual(EPS);
  });

  test.each([1, 2, 3, 10, 57, 199, 200])('n = %d ≤ k is exact (ties included)', (n) => {
    const uniform = uniformSource(n);
    const values = Array.from({ length: n }, () => Math.floor(uniform() * 40) / 4);
    const sketch = sketchOf(values);
    const sorted = [...values].sort((a, b) => a - b);
    expect(sketch.retained).toBe(n);
    for (let step = 0; step <= 100; step++) {
      const q = step / 100;
      const expected = q === 0 ? sorted[0] : sorted[Math.max(0, Math.ceil(q * n) - 1)];
      expect(sketch.quantile(q)).toBe(expected);
    }
    for (const value of [...sorted, -1, 3.3, 100]) {
      expect(sketch.rank(value)).toBe(sorted.filter((x) => x <= value).length / n);
    }
  });

  test('NaN is ignored; infinities are ordinary values', () => {
    const sketch = new KllSketch();
    for (const value of [1, NaN, -Infinity, 2, Infinity, 3]) sketch.update(value);
    expect(sketch.n).toBe(5);
    expect(sketch.min).toBe(-Infinity);
    expect(sketch.max).toBe(Infinity);
    expect(sketch.quantile(0.5)).toBe(2);
    expect(sketch.rank(NaN)).toBeNaN();
  });
});

describe('argument and state validation', () => {
  const sketch = sketchOf([1, 2, 3]);

  test('quantile fractions outside [0, 1] and bad splits are InputErrors', () => {
    expect(() => sketch.quantile(1.5)).toThrow(InputError);
    expect(() => sketch.quantile(-0.1)).toThrow(InputError);
    expect(() => sketch.quantile(NaN)).toThrow(/must lie in \[0, 1\]/);
    expect(() => sketch.cdf([1, 3, 2])).toThrow(/split 2 \(2\) is below split 1 \(3\)/);
    expect(() => sketch.cdf([NaN])).toThrow(InputError);
    expect(sketch.cdf([1, 1, 2])).toEqual([1 / 3, 1 / 3, 2 / 3]);
  });

  test('k outside 8..65535 and merges across k are refused', () => {
    expect(() => new KllSketch(4)).toThrow(InputError);
    expect(() => new KllSketch(100.5)).toThrow(InputError);
    expect(() => new KllSketch(200).merge(new KllSketch(100))).toThrow(/different k \(200 and 100\)/);
  });

  const valid = (): KllState => sketchOf(Array.from({ length: 500 }, (_, i) => (i * 37) % 101)).toJSON();
  const cases: [string, (state: KllState) => unknown, RegExp][] = [
    ['not an object', () => 42, /must be an object/],
    ['k out of range', (s) => ({ ...s, k: 7 }), /"k" must be an integer from 8 to 65535, got 7/],
    ['negative n', (s) => ({ ...s, n: -1 }), /"n" must be a non-negative integer/],
    ['n that disagrees with the weights', (s) => ({ ...s, n: s.n + 1 }), /total weight of 500, but "n" is 501/],
    ['missing rng', (s) => ({ ...s, rng: undefined }), /"rng" must be an integer/],
    ['rng of 0', (s) => ({ ...s, rng: 0 }), /"rng"/],
    ['levels not an array', (s) => ({ ...s, levels: {} }), /"levels" must be an array/],
    ['no levels', (s) => ({ ...s, levels: [] }), /"levels" must be an array of 1 to 61/],
    ['a level that is not an array', (s) => ({ ...s, levels: [s.levels[0], 'x', ...s.levels.slice(2)] }), /levels\[1\] must be an array/],
    ['a non-number item', (s) => ({ ...s, levels: [['1', ...(s.levels[0] ?? []).slice(1)], ...s.levels.slice(1)] }), /levels\[0\]\[0\] must be a number, got "1"/],
    ['an unsorted level above 0', (s) => ({ ...s, levels: [s.levels[0], [...(s.levels[1] ?? [])].reverse(), ...s.levels.slice(2)] }), /levels\[1\] is not sorted/],
    ['an item outside [min, max]', (s) => ({ ...s, max: 50 }), /lies outside \[min, max\]/],
    ['min above max', (s) => ({ ...s, min: 9, max: 1 }), /min ≤ max/],
    ['null min on a non-empty sketch', (s) => ({ ...s, min: null }), /"min" and "max" must be numbers/],
    ['min/max on an empty sketch', () => ({ k: 200, n: 0, min: 0, max: 0, levels: [[]], rng: 1 }), /must have "min" and "max" null/],
    ['more items than the capacity', () => ({ k: 8, n: 9, min: 0, max: 0, levels: [new Array<number>(9).fill(0)], rng: 1 }), /retains 9 items; k 8 with 1 levels holds at most 8/],
  ];

  test.each(cases)('fromJSON rejects %s with a one-line InputError', (_name, corrupt, message) => {
    let thrown: unknown;
    try {
      KllSketch.fromJSON(corrupt(valid()));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  test('fromJSON accepts the valid state it starts from', () => {
    expect(KllSketch.fromJSON(valid()).n).toBe(500);
  });
});
