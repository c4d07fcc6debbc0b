/**
 * KLL quantile sketch over float64 values (Karnin, Lang, Liberty 2016, "Optimal Quantile
 * Approximation in Streams"), following the layout and compaction schedule of Apache DataSketches'
 * KLL sketch (lazy compaction, level capacities k·(2/3)^depth with a minimum width of 8, one
 * items array holding every level). The only departure is the compaction coin: it comes from a
 * seeded xorshift32 generator kept in the sketch, so the same values in the same order always give
 * the same sketch, and a serialized sketch continues exactly as one never serialized.
 *
 * Layout: `items[levels[h], levels[h + 1])` holds level h, whose items each stand for 2^h inserted
 * values; `items[0, levels[0])` is free space that level 0 fills downwards. Levels above 0 are
 * sorted; level 0 is sorted when it is compacted. `items.length` is always the total capacity
 * Σ_h levelCapacity(h) for the current number of levels, and the retained weights sum to n exactly.
 */
import { InputError } from '../errors.js';

/** Serialized sketch: everything needed to answer queries and to continue updating/merging identically. */
export interface KllState {
  k: number;
  n: number;
  /** null when n = 0. */
  min: number | null;
  max: number | null;
  /** levels[h]: the retained items of level h (weight 2^h each); levels above 0 are sorted ascending. */
  levels: number[][];
  /** The compaction generator's state (a nonzero unsigned 32-bit integer). */
  rng: number;
}

/** Smallest and largest supported k (as in DataSketches). */
export const KLL_MIN_K = 8;
export const KLL_MAX_K = 65535;
/** Minimum level width m of DataSketches' KLL. */
const MIN_WIDTH = 8;
/** Enough levels for any n up to 2^53. */
const MAX_LEVELS = 61;

/**
 * Capacity of level `height` in a sketch with `numLevels` levels: max(8, round(k·(2/3)^depth)) with
 * depth = numLevels − height − 1, computed exactly in integers as DataSketches' `intCapAuxAux`
 * ((2k·2^depth / 3^depth + 1) / 2, integer divisions). O(depth) BigInt arithmetic; called only
 * when the number of levels changes.
 */
function levelCapacity(k: number, numLevels: number, height: number): number {
  const depth = numLevels - height - 1;
  if (depth > 40) return MIN_WIDTH; // k·(2/3)^41 < 1 for every k ≤ 65535
  const scaled = ((2n * BigInt(k)) << BigInt(depth)) / 3n ** BigInt(depth);
  return Math.max(MIN_WIDTH, Number((scaled + 1n) >> 1n));
}

/** Capacities of every level for `numLevels` levels and their sum (the items array length). O(numLevels). */
function capacities(k: number, numLevels: number): { caps: number[]; total: number } {
  const caps: number[] = [];
  let total = 0;
  for (let h = 0; h < numLevels; h++) {
    const cap = levelCapacity(k, numLevels, h);
    caps.push(cap);
    total += cap;
  }
  return { caps, total };
}

/** 1 + ⌊log2 n⌋: an upper bound on the number of levels a sketch of n values needs. O(1). */
function levelsUpperBound(n: number): number {
  return n <= 1 ? 1 : 1 + Math.floor(Math.log2(n));
}

/** The first xorshift32 state for a seed: murmur's fmix32 of the seed, never 0. O(1). */
function seedState(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 0x6d2b79f5;
}

/** Two-slot scratch for mergeSorted's branch-free select. */
const pick = new Float64Array(2);

/**
 * Merges sorted a[aStart, aStart+aLen) and b[bStart, bStart+bLen) into out[outStart…] (ties take
 * a first). The element is chosen by indexing a two-slot scratch with the comparison bit instead
 * of branching on it: merged streams are random, so a branch would be mispredicted half the time.
 * Safe in place when out = a = b and outStart ≥ aStart + aLen ≤ bStart, as every compaction uses
 * it (writes never overtake unread items). O(aLen + bLen).
 */
function mergeSorted(a: Float64Array, aStart: number, aLen: number, b: Float64Array, bStart: number, bLen: number, out: Float64Array, outStart: number): void {
  const aLim = aStart + aLen;
  const bLim = bStart + bLen;
  let i = aStart;
  let j = bStart;
  let o = outStart;
  while (i < aLim && j < bLim) {
    const x = a[i] as number;
    const y = b[j] as number;
    const takeB = +(y < x); // unary plus keeps V8 from compiling a branch (a ternary does not)
    pick[0] = x;
    pick[1] = y;
    out[o++] = pick[takeB] as number;
    j += takeB;
    i += 1 - takeB;
  }
  while (i < aLim) out[o++] = a[i++] as number;
  while (j < bLim) out[o++] = b[j++] as number;
}

/** Largest run sorted by insertion sort; longer runs use the native typed-array sort. */
const INSERTION_SORT_MAX = 48;

/**
 * Sorts buf[start, end) ascending in place: insertion sort for short runs (level 0 usually holds
 * 8–20 items when compacted, where the native sort's call overhead dominates), otherwise the
 * typed-array sort. O(len²) worst case for len ≤ 48 (O(len) on ascending or descending runs),
 * O(len·log len) above.
 */
function sortRange(buf: Float64Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_MAX) {
    buf.subarray(start, end).sort();
    return;
  }
  // Level 0 fills downwards, so ascending input arrives reversed: flip such runs so that sorted
  // and reverse-sorted streams both cost O(len) instead of insertion sort's worst case.
  if ((buf[start] as number) > (buf[end - 1] as number)) {
    for (let i = start, j = end - 1; i < j; i++, j--) {
      const t = buf[i] as number;
      buf[i] = buf[j] as number;
      buf[j] = t;
    }
  }
  for (let i = start + 1; i < end; i++) {
    const x = buf[i] as number;
    let j = i - 1;
    while (j >= start && (buf[j] as number) > x) {
      buf[j + 1] = buf[j] as number;
      j--;
    }
    buf[j + 1] = x;
  }
}

/** The retained values in order; valid while the sketch's n is still `n` (every change raises n). */
interface SortedView {
  n: number;
  values: Float64Array;
  /** cumulative[i]: total weight of values[0..i]. */
  cumulative: Float64Array;
}

/**
 * KLL sketch with parameter k (default 200). Space: about 3k retained float64 values plus 8 per
 * level (≈ 640 values, 5 KiB, at k = 200 for any n). Accuracy: normalized rank error
 * `KllSketch.rankError(k)` (1.33% at k = 200) for a single query at ~99% confidence.
 */
export class KllSketch {
  readonly k: number;
  private numLevels = 1;
  /** levels[h] is where level h starts in `items`; levels[numLevels] === items.length. */
  private levels: number[];
  private items: Float64Array;
  private caps: number[];
  private count = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;
  private rngState: number;
  private view: SortedView | null = null;

  /**
   * An empty sketch. `k` sets size and accuracy (see `rankError`); `seed` (any number, taken as a
   * 32-bit integer) starts the compaction coin, so sketches built with the same k, seed and input
   * order are identical.
   */
  constructor(k = 200, seed = 1) {
    if (!Number.isInteger(k) || k < KLL_MIN_K || k > KLL_MAX_K) {
      throw new InputError(`KLL sketch k must be an integer from ${KLL_MIN_K} to ${KLL_MAX_K}, got ${String(k)}.`);
    }
    this.k = k;
    const { caps, total } = capacities(k, 1);
    this.caps = caps;
    this.items = new Float64Array(total);
    this.levels = [total, total];
    this.rngState = seedState(seed);
  }

  /**
   * The normalized rank error ε of a single rank or quantile query at ~99% confidence for a KLL
   * sketch with parameter k: 2.296 / k^0.9723. This is the empirical fit published by Apache
   * DataSketches (`KllSketch.getNormalizedRankError(k, false)`, "single-sided" error; its docs
   * list 1.33% for k = 200), measured for the same algorithm and compaction schedule used here.
   * O(1).
   */
  static rankError(k: number): number {
    return 2.296 / k ** 0.9723;
  }

  /** Number of values inserted (including those absorbed by merges). */
  get n(): number {
    return this.count;
  }

  /** Smallest value inserted, exact; NaN when empty. */
  get min(): number {
    return this.count === 0 ? NaN : this.minValue;
  }

  /** Largest value inserted, exact; NaN when empty. */
  get max(): number {
    return this.count === 0 ? NaN : this.maxValue;
  }

  /** Number of values the sketch currently retains. */
  get retained(): number {
    return this.items.length - (this.levels[0] as number);
  }

  /**
   * Inserts one value. NaN is ignored (not counted); ±Infinity are ordinary values. Amortized O(1)
   * (an occasional compaction sorts level 0 and merges one level upwards). Nothing is allocated
   * per update; a compaction allocates only when it adds a level (O(log n) times over the sketch's
   * life) or sorts a level 0 longer than 48 items (one typed-array view).
   */
  update(value: number): void {
    if (value !== value) return;
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
    let free = this.levels[0] as number;
    if (free === 0) {
      this.compressWhileUpdating();
      free = this.levels[0] as number;
    }
    free -= 1;
    this.levels[0] = free;
    this.items[free] = value;
    this.count += 1;
  }

  /**
   * Folds `other` into this sketch: afterwards it summarizes the concatenation of both streams, with
   * n, min and max exact and the same rank error bound. `other` is not changed. Both sketches must
   * have the same k (InputError otherwise). O(retained items of both) plus compaction.
   */
  merge(other: KllSketch): void {
    if (other.k !== this.k) {
      throw new InputError(`Cannot merge KLL sketches with different k (${this.k} and ${other.k}).`);
    }
    if (other === this) other = KllSketch.fromJSON(this.toJSON());
    if (other.count === 0) return;
    const finalN = this.count + other.count;
    const otherLevels = other.levels;
    const otherItems = other.items;
    for (let i = otherLevels[0] as number; i < (otherLevels[1] as number); i++) this.update(otherItems[i] as number);
    if (other.minValue < this.minValue) this.minValue = other.minValue;
    if (other.maxValue > this.maxValue) this.maxValue = other.maxValue;

    if (other.numLevels > 1) {
      const myLevels = this.levels;
      const myItems = this.items;
      const myNumLevels = this.numLevels;
      const otherNumLevels = other.numLevels;
      const abovePop = (otherLevels[otherNumLevels] as number) - (otherLevels[1] as number);
      const work = new Float64Array(this.retained + abovePop);
      const provisional = Math.max(myNumLevels, otherNumLevels);
      const bound = levelsUpperBound(finalN) + provisional + 2;
      const workLevels = new Array<number>(bound).fill(0);
      const outLevels = new Array<number>(bound).fill(0);

      const pop0 = (myLevels[1] as number) - (myLevels[0] as number);
      work.set(myItems.subarray(myLevels[0] as number, myLevels[1] as number), 0);
      workLevels[1] = pop0;
      for (let h = 1; h < provisional; h++) {
        const mine = h < myNumLevels ? (myLevels[h + 1] as number) - (myLevels[h] as number) : 0;
        const theirs = h < otherNumLevels ? (otherLevels[h + 1] as number) - (otherLevels[h] as number) : 0;
        const start = workLevels[h] as number;
        if (mine > 0 && theirs > 0) {
          mergeSorted(myItems, myLevels[h] as number, mine, otherItems, otherLevels[h] as number, theirs, work, start);
        } else if (mine > 0) {
          work.set(myItems.subarray(myLevels[h] as number, (myLevels[h] as number) + mine), start);
        } else if (theirs > 0) {
          work.set(otherItems.subarray(otherLevels[h] as number, (otherLevels[h] as number) + theirs), start);
        }
        workLevels[h + 1] = start + mine + theirs;
      }

      const { numLevels, capacity, population } = this.generalCompress(provisional, work, workLevels, outLevels);
      if (population > capacity) throw new Error(`KLL merge left ${population} items for a capacity of ${capacity}.`);
      const items = new Float64Array(capacity);
      const free = capacity - population;
      items.set(work.subarray(0, population), free);
      const levels: number[] = [];
      for (let h = 0; h < numLevels; h++) levels.push((outLevels[h] as number) + free);
      levels.push(capacity);
      this.items = items;
      this.levels = levels;
      this.numLevels = numLevels;
      this.caps = capacities(this.k, numLevels).caps;
    }
    this.count = finalN;
  }

  /**
   * The q-quantile, q ∈ [0, 1]: q = 0 gives the exact min, q = 1 the exact max, otherwise the
   * smallest retained value whose cumulative weight in the weighted sorted view is ≥ q·n (the
   * lower, "inclusive" quantile). Its true normalized rank is within `rankError(k)` of q with ~99%
   * confidence; exact while n ≤ k. NaN when empty. O(retained · log retained) the first time after
   * an update (building the sorted view), O(log retained) after that.
   */
  quantile(q: number): number {
    checkFraction(q);
    if (this.count === 0) return NaN;
    if (q === 0) return this.minValue;
    if (q === 1) return this.maxValue;
    const { values, cumulative } = this.sortedView();
    const target = q * this.count;
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as number;
  }

  /** `quantile(q)` for each q, building the sorted view once. O(retained · log retained + |qs| · log retained). */
  quantiles(qs: readonly number[]): number[] {
    return qs.map((q) => this.quantile(q));
  }

  /**
   * Normalized rank of `value`: the estimated fraction of inserted values ≤ value (total weight of
   * retained values ≤ value, over n), within `rankError(k)` of the true fraction with ~99%
   * confidence; exact while n ≤ k. NaN when empty or for NaN. O(log retained) once the sorted view
   * exists.
   */
  rank(value: number): number {
    if (this.count === 0 || value !== value) return NaN;
    const { values, cumulative } = this.sortedView();
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((values[mid] as number) <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : (cumulative[lo - 1] as number) / this.count;
  }

  /**
   * Estimated cumulative distribution at each split: the fraction of inserted values ≤ split, as in
   * `rank`. Splits must be non-decreasing and not NaN (InputError otherwise), so the result is
   * non-decreasing. NaNs when empty. O(|splits| · log retained) once the sorted view exists.
   */
  cdf(splits: readonly number[]): number[] {
    for (let i = 0; i < splits.length; i++) {
      const split = splits[i] as number;
      if (split !== split) throw new InputError(`CDF split ${i} is NaN.`);
      if (i > 0 && split < (splits[i - 1] as number)) {
        throw new InputError(`CDF splits must be non-decreasing; split ${i} (${split}) is below split ${i - 1} (${String(splits[i - 1])}).`);
      }
    }
    return splits.map((split) => this.rank(split));
  }

  /**
   * The full state (see KllState), ready for JSON.stringify. Level 0 is written in its internal
   * order so that a restored sketch continues identically. ±Infinity items would become null in
   * JSON text and be refused by `fromJSON`; callers that keep infinities count them apart.
   * O(retained).
   */
  toJSON(): KllState {
    const levels: number[][] = [];
    for (let h = 0; h < this.numLevels; h++) {
      levels.push(Array.from(this.items.subarray(this.levels[h] as number, this.levels[h + 1] as number)));
    }
    const empty = this.count === 0;
    return { k: this.k, n: this.count, min: empty ? null : this.minValue, max: empty ? null : this.maxValue, levels, rng: this.rngState };
  }

  /**
   * Rebuilds a sketch from `toJSON()` output (parsed JSON), checking the shape and the invariants
   * (weights sum to n, levels above 0 sorted, items within [min, max], capacity); a malformed state
   * throws an InputError with a one-line message naming the problem. O(retained).
   */
  static fromJSON(state: unknown): KllSketch {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw new InputError('KLL state must be an object with "k", "n", "min", "max", "levels" and "rng".');
    }
    const { k, n, min, max, levels, rng } = state as Record<string, unknown>;
    if (typeof k !== 'number' || !Number.isInteger(k) || k < KLL_MIN_K || k > KLL_MAX_K) {
      throw new InputError(`KLL state "k" must be an integer from ${KLL_MIN_K} to ${KLL_MAX_K}, got ${show(k)}.`);
    }
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
      throw new InputError(`KLL state "n" must be a non-negative integer, got ${show(n)}.`);
    }
    if (typeof rng !== 'number' || !Number.isInteger(rng) || rng < 1 || rng > 0xffffffff) {
      throw new InputError(`KLL state "rng" must be an integer from 1 to 4294967295, got ${show(rng)}.`);
    }
    if (!Array.isArray(levels) || levels.length === 0 || levels.length > MAX_LEVELS) {
      throw new InputError(`KLL state "levels" must be an array of 1 to ${MAX_LEVELS} arrays.`);
    }
    if (n === 0) {
      if (min !== null || max !== null) throw new InputError('KLL state of an empty sketch must have "min" and "max" null.');
    } else {
      if (typeof min !== 'number' || typeof max !== 'number' || min !== min || max !== max || min > max) {
        throw new InputError(`KLL state "min" and "max" must be numbers with min ≤ max, got ${show(min)} and ${show(max)}.`);
      }
    }
    const lower = typeof min === 'number' ? min : Infinity;
    const upper = typeof max === 'number' ? max : -Infinity;
    let weight = 0;
    let retained = 0;
    for (let h = 0; h < levels.length; h++) {
      const level: unknown = levels[h];
      if (!Array.isArray(level)) throw new InputError(`KLL state levels[${h}] must be an array of numbers.`);
      for (let i = 0; i < level.length; i++) {
        const value: unknown = level[i];
        if (typeof value !== 'number' || value !== value) throw new InputError(`KLL state levels[${h}][${i}] must be a number, got ${show(value)}.`);
        if (value < lower || value > upper) throw new InputError(`KLL state levels[${h}][${i}] (${value}) lies outside [min, max].`);
        if (h > 0 && i > 0 && value < (level[i - 1] as number)) throw new InputError(`KLL state levels[${h}] is not sorted at index ${i}.`);
      }
      weight += level.length * 2 ** h;
      retained += level.length;
    }
    if (weight !== n) throw new InputError(`KLL state levels carry a total weight of ${weight}, but "n" is ${n}.`);

    const sketch = new KllSketch(k);
    const numLevels = levels.length;
    const { caps, total } = capacities(k, numLevels);
    if (retained > total) throw new InputError(`KLL state retains ${retained} items; k ${k} with ${numLevels} levels holds at most ${total}.`);
    const items = new Float64Array(total);
    const starts: number[] = [];
    let offset = total - retained;
    for (let h = 0; h < numLevels; h++) {
      const level = levels[h] as number[];
      starts.push(offset);
      items.set(level, offset);
      offset += level.length;
    }
    starts.push(total);
    sketch.items = items;
    sketch.levels = starts;
    sketch.numLevels = numLevels;
    sketch.caps = caps;
    sketch.count = n;
    sketch.minValue = lower;
    sketch.maxValue = upper;
    sketch.rngState = rng;
    return sketch;
  }

  /** One fair bit from the xorshift32 generator (Marsaglia 2003, shifts 13/17/5). */
  private nextBit(): number {
    let x = this.rngState;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rngState = x >>> 0;
    return x >>> 31;
  }

  /** Keeps every other item of the sorted even-length run buf[start, start+length), into its first half. */
  private halveDown(buf: Float64Array, start: number, length: number): void {
    const half = length >>> 1;
    let j = start + this.nextBit();
    for (let i = start; i < start + half; i++, j += 2) buf[i] = buf[j] as number;
  }

  /** As halveDown, but the kept items end up in the second half of the run. */
  private halveUp(buf: Float64Array, start: number, length: number): void {
    const half = length >>> 1;
    let j = start + length - 1 - this.nextBit();
    for (let i = start + length - 1; i >= start + half; i--, j -= 2) buf[i] = buf[j] as number;
  }

  /**
   * Frees space in a full sketch (levels[0] === 0) by compacting the lowest level at or over its
   * capacity, adding a level first when that is the top one (DataSketches'
   * `compressWhileUpdatingSketch`).
   */
  private compressWhileUpdating(): void {
    let level = 0;
    while ((this.levels[level + 1] as number) - (this.levels[level] as number) < (this.caps[level] as number)) level++;
    if (level === this.numLevels - 1) this.addTopLevel();
    const levels = this.levels;
    const items = this.items;
    const rawBeg = levels[level] as number;
    const rawLim = levels[level + 1] as number;
    const popAbove = (levels[level + 2] as number) - rawLim;
    const rawPop = rawLim - rawBeg;
    const odd = rawPop & 1;
    const adjBeg = rawBeg + odd;
    const adjPop = rawPop - odd;
    const half = adjPop >>> 1;
    if (level === 0) sortRange(items, adjBeg, adjBeg + adjPop);
    if (popAbove === 0) {
      this.halveUp(items, adjBeg, adjPop);
    } else {
      this.halveDown(items, adjBeg, adjPop);
      mergeSorted(items, adjBeg, half, items, rawLim, popAbove, items, adjBeg + half);
    }
    const newStart = rawLim - half;
    levels[level + 1] = newStart;
    if (odd === 1) {
      levels[level] = newStart - 1;
      if (newStart - 1 !== rawBeg) items[newStart - 1] = items[rawBeg] as number;
    } else {
      levels[level] = newStart;
    }
    if (level > 0) {
      const bottom = levels[0] as number;
      items.copyWithin(bottom + half, bottom, rawBeg);
    }
    for (let h = 0; h < level; h++) levels[h] = (levels[h] as number) + half;
  }

  /** Adds an empty top level to a full sketch, growing the items array by the new bottom capacity. */
  private addTopLevel(): void {
    const grown = capacities(this.k, this.numLevels + 1);
    const delta = grown.total - this.items.length;
    const items = new Float64Array(grown.total);
    items.set(this.items, delta);
    for (let h = 0; h <= this.numLevels; h++) this.levels[h] = (this.levels[h] as number) + delta;
    this.levels.push(grown.total);
    this.items = items;
    this.numLevels += 1;
    this.caps = grown.caps;
  }

  /**
   * DataSketches' `generalCompress`: walks the levels of `buf` bottom-up, compacting a level when the
   * whole is over the total capacity and that level over its own, adding levels as needed, and
   * writes the result into the front of the same buffer (outputs never overtake inputs).
   */
  private generalCompress(numLevelsIn: number, buf: Float64Array, inLevels: number[], outLevels: number[]): { numLevels: number; capacity: number; population: number } {
    const k = this.k;
    let numLevels = numLevelsIn;
    let population = (inLevels[numLevels] as number) - (inLevels[0] as number);
    let target = capacities(k, numLevels).total;
    outLevels[0] = 0;
    let level = 0;
    for (;;) {
      if (level === numLevels - 1) inLevels[level + 2] = inLevels[level + 1] as number;
      const rawBeg = inLevels[level] as number;
      const rawLim = inLevels[level + 1] as number;
      const rawPop = rawLim - rawBeg;
      const outBeg = outLevels[level] as number;
      if (population < target || rawPop < levelCapacity(k, numLevels, level)) {
        buf.copyWithin(outBeg, rawBeg, rawLim);
        outLevels[level + 1] = outBeg + rawPop;
      } else {
        const popAbove = (inLevels[level + 2] as number) - rawLim;
        const odd = rawPop & 1;
        const adjBeg = rawBeg + odd;
        const adjPop = rawPop - odd;
        const half = adjPop >>> 1;
        if (odd === 1) {
          buf[outBeg] = buf[rawBeg] as number;
          outLevels[level + 1] = outBeg + 1;
        } else {
          outLevels[level + 1] = outBeg;
        }
        if (level === 0) sortRange(buf, adjBeg, adjBeg + adjPop);
        if (popAbove === 0) {
          this.halveUp(buf, adjBeg, adjPop);
        } else {
          this.halveDown(buf, adjBeg, adjPop);
          mergeSorted(buf, adjBeg, half, buf, rawLim, popAbove, buf, adjBeg + half);
        }
        population -= half;
        inLevels[level + 1] = rawLim - half;
        if (level === numLevels - 1) {
          numLevels += 1;
          target += levelCapacity(k, numLevels, 0);
        }
      }
      if (level === numLevels - 1) break;
      level += 1;
    }
    return { numLevels, capacity: target, population };
  }

  /** The retained values sorted ascending with their cumulative weights; cached until n changes. */
  private sortedView(): SortedView {
    if (this.view !== null && this.view.n === this.count) return this.view;
    const size = this.retained;
    const values = new Float64Array(size);
    const weights = new Float64Array(size);
    const order = new Uint32Array(size);
    let i = 0;
    for (let h = 0; h < this.numLevels; h++) {
      const w = 2 ** h;
      for (let j = this.levels[h] as number; j < (this.levels[h + 1] as number); j++, i++) {
        values[i] = this.items[j] as number;
        weights[i] = w;
        order[i] = i;
      }
    }
    order.sort((a, b) => {
      const x = values[a] as number;
      const y = values[b] as number;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const sorted = new Float64Array(size);
    const cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) {
      const at = order[r] as number;
      sorted[r] = values[at] as number;
      total += weights[at] as number;
      cumulative[r] = total;
    }
    this.view = { n: this.count, values: sorted, cumulative };
    return this.view;
  }
}

function checkFraction(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new InputError(`A quantile fraction must lie in [0, 1], got ${String(q)}.`);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
