/**
 * One column's statistics, gathered in one pass and mergeable: profiling shards separately and
 * merging gives the same counts, moments (within floating-point rounding), exact category counts
 * and distinct estimate as profiling the whole, and quantiles within the sketch's rank error.
 *
 * - count, nulls and empty strings (apart), cells by kind (integer, number, boolean, date, datetime, text);
 * - over numeric cells: min, max, mean and variance, merged by Chan et al.'s pairwise formula (also
 *   within a column: blocks of MOMENT_BLOCK values are summed around the running mean, with no
 *   division per value, then merged); quantiles exact from the value counts while at most
 *   CATEGORY_CAPACITY distinct values are seen, else from a KLL sketch (k = 200);
 * - distinct values: exact from the value counts while they are tracked, otherwise a HyperLogLog
 *   estimate (p = 12, standard error 1.6%).
 *
 * While the value counts are complete they hold everything the sketches would: the KLL sketch and
 * the HyperLogLog are only built when the counts overflow (from the counts, then fed every cell),
 * which spares low-cardinality columns their per-cell cost.
 * - booleans: how many true; dates and datetimes: earliest and latest; text: length in code points.
 *
 * Complexity: O(1) amortised per cell (O(length) for text), O(k log n + capacity) memory.
 */
import { BOOLEAN, type Cell, DATE, DATETIME, EMPTY, INTEGER, NULL, NUMBER, TEXT } from '../data/cell.js';
import { CATEGORY_CAPACITY, CategoryTable, type CategoryCount } from './category-table.js';
import { HASH_SEED_LOW as HASH_SEED, hashBytesCounting, signedHashBytes, signedHashNumber } from './hash.js';
import { HyperLogLog } from './hyperloglog.js';
import { KllSketch, type KllState } from './kll-sketch.js';

const TRUE_BYTES = Buffer.from('true');
const FALSE_BYTES = Buffer.from('false');
const TRUE_HASH = signedHashBytes(TRUE_BYTES, 0, 4, HASH_SEED);
const FALSE_HASH = signedHashBytes(FALSE_BYTES, 0, 5, HASH_SEED);
const EMPTY_HASH = signedHashBytes(TRUE_BYTES, 0, 0, HASH_SEED);

/** The mergeable state of a column, as stored in the profile JSON (see docs/profile.md). */
export interface ColumnState {
  count: number;
  nulls: number;
  empty: number;
  kinds: { integer: number; number: number; boolean: number; date: number; datetime: number; text: number };
  numeric: { count: number; min: number; max: number; mean: number; m2: number } | null;
  sketch: KllState | null;
  trues: number;
  temporal: { min: string; max: string; minMs: number; maxMs: number } | null;
  length: { count: number; min: number; max: number; sum: number } | null;
  hll: { p: number; registers: string };
  /** Every distinct value and its count, most frequent first; null once more than the capacity were seen. */
  categories: CategoryCount[] | null;
}

/** Numeric values summed around a fixed centre before they are merged into the moments. */
const MOMENT_BLOCK = 256;

/** Code points counted by hashBytesCounting. */
const counted = new Int32Array(1);

export class ColumnProfile {
  count = 0;
  nulls = 0;
  empty = 0;
  readonly kinds = new Float64Array(8);
  numericCount = 0;
  /** Mean and sum of squared deviations of the numeric values but the last `blockCount`. */
  private settledMean = 0;
  private settledM2 = 0;
  /** The values since: their number, and their deviations from `centre` summed and squared. */
  private blockCount = 0;
  private centre = 0;
  private blockSum = 0;
  private blockSquares = 0;
  min = Infinity;
  max = -Infinity;
  /** Null while `categories` is complete (the counts give exact quantiles). */
  sketch: KllSketch | null = null;
  trues = 0;
  temporalMin = Infinity;
  temporalMax = -Infinity;
  temporalMinText = '';
  temporalMaxText = '';
  lengthCount = 0;
  lengthMin = Infinity;
  lengthMax = -Infinity;
  lengthSum = 0;
  hll = new HyperLogLog(12);
  categories: CategoryTable | null = new CategoryTable();
  /** The hash of the last added cell that is not a number (by its bytes; signed), for checks that need one. */
  lastHash = 0;
  /** The length in code points of the last added text cell (0 for an empty string; other kinds: not set). */
  lastLength = 0;

  /** Adds one cell; returns its category entry, or -1 when categories are no longer tracked (or null). */
  add(cell: Cell): number {
    const kind = cell.kind;
    if (kind === NULL) {
      this.nulls += 1;
      return -1;
    }
    this.count += 1;
    this.kinds[kind] = this.kinds[kind]! + 1;
    const categories = this.categories;
    let hash: number;
    let entry = -1;
    if (kind === INTEGER || kind === NUMBER) {
      const x = cell.value;
      if (this.blockCount === 0) this.centre = this.numericCount === 0 ? x : this.settledMean;
      this.numericCount += 1;
      const deviation = x - this.centre;
      this.blockSum += deviation;
      this.blockSquares += deviation * deviation;
      if (++this.blockCount === MOMENT_BLOCK) this.settle();
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
      if (categories !== null) entry = categories.smallInteger(x);
      if (entry >= 0) {
        // A small integer already counted: no hash needed (checks key numbers by their bits).
        categories!.counts[entry] = categories!.counts[entry]! + 1;
        return entry;
      }
      hash = signedHashNumber(x, HASH_SEED);
      if (categories !== null) {
        entry = categories.number(x, hash);
        if (entry < 0) this.overflow();
      }
      if (entry < 0) this.sketch!.update(x);
    } else if (kind === TEXT) {
      hash = hashBytesCounting(cell.buffer, cell.start, cell.end, HASH_SEED, counted);
      const length = counted[0]!;
      this.lastLength = length;
      this.lengthCount += 1;
      this.lengthSum += length;
      if (length < this.lengthMin) this.lengthMin = length;
      if (length > this.lengthMax) this.lengthMax = length;
      if (categories !== null) entry = categories.text(cell.buffer, cell.start, cell.end, hash);
    } else if (kind === DATE || kind === DATETIME) {
      hash = signedHashBytes(cell.buffer, cell.start, cell.end, HASH_SEED);
      const ms = cell.value;
      if (ms < this.temporalMin) {
        this.temporalMin = ms;
        this.temporalMinText = cell.buffer.toString('utf8', cell.start, cell.end);
      }
      if (ms > this.temporalMax) {
        this.temporalMax = ms;
        this.temporalMaxText = cell.buffer.toString('utf8', cell.start, cell.end);
      }
      if (categories !== null) entry = categories.text(cell.buffer, cell.start, cell.end, hash);
    } else if (kind === BOOLEAN) {
      const truth = cell.value === 1;
      if (truth) this.trues += 1;
      hash = truth ? TRUE_HASH : FALSE_HASH;
      if (categories !== null) entry = truth ? categories.text(TRUE_BYTES, 0, 4, hash) : categories.text(FALSE_BYTES, 0, 5, hash);
    } else {
      // The empty string.
      hash = EMPTY_HASH;
      this.empty += 1;
      this.lastLength = 0;
      this.lengthCount += 1;
      if (this.lengthMin > 0) this.lengthMin = 0;
      if (this.lengthMax < 0) this.lengthMax = 0;
      if (categories !== null) entry = categories.text(cell.buffer, cell.start, cell.start, hash);
    }
    this.lastHash = hash;
    if (entry >= 0) {
      categories!.counts[entry] = categories!.counts[entry]! + 1;
    } else {
      if (this.categories !== null) this.overflow();
      this.hll.add(hash);
    }
    return entry;
  }

  /** Mean of the numeric values. */
  get mean(): number {
    this.settle();
    return this.settledMean;
  }

  set mean(value: number) {
    this.settle();
    this.settledMean = value;
  }

  /** Sum of squared deviations from the mean of the numeric values. */
  get m2(): number {
    this.settle();
    return this.settledM2;
  }

  set m2(value: number) {
    this.settle();
    this.settledM2 = value;
  }

  /** Merges the values summed since the last settle into the mean and m2 (Chan et al.). */
  private settle(): void {
    const b = this.blockCount;
    if (b === 0) return;
    const n = this.numericCount;
    const a = n - b;
    const offset = this.blockSum / b; // the block's mean, less the centre
    const blockM2 = Math.max(0, this.blockSquares - this.blockSum * offset);
    if (a === 0) {
      this.settledMean = this.centre + offset;
      this.settledM2 = blockM2;
    } else {
      // The centre is the mean settled before the block, so the difference of the means is exact
      // to the block's own precision, however large the values.
      const delta = this.centre - this.settledMean + offset;
      this.settledMean += (delta * b) / n;
      this.settledM2 += blockM2 + (delta * delta * a * b) / n;
    }
    this.blockCount = 0;
    this.blockSum = 0;
    this.blockSquares = 0;
  }

  /** More distinct values than the counts hold: build the sketches from the counts, drop the counts. */
  private overflow(): void {
    const table = this.categories!;
    this.categories = null;
    this.hll = hllOf(table, this.hll);
    this.sketch = sketchOf(table, this.sketch);
  }

  /** Adds `count` nulls at once (rows read before this column first appeared). */
  addNulls(count: number): void {
    this.nulls += count;
  }

  /** Adds another profile of the same column (Chan et al.'s pairwise update for the moments). */
  merge(other: ColumnProfile): void {
    this.count += other.count;
    this.nulls += other.nulls;
    this.empty += other.empty;
    for (let i = 0; i < this.kinds.length; i += 1) this.kinds[i] = this.kinds[i]! + other.kinds[i]!;
    if (other.numericCount > 0) {
      const n = this.numericCount + other.numericCount;
      const delta = other.mean - this.mean;
      this.mean += (delta * other.numericCount) / n;
      this.m2 += other.m2 + (delta * delta * this.numericCount * other.numericCount) / n;
      this.numericCount = n;
      this.min = Math.min(this.min, other.min);
      this.max = Math.max(this.max, other.max);
    }
    this.trues += other.trues;
    if (other.temporalMin < this.temporalMin) {
      this.temporalMin = other.temporalMin;
      this.temporalMinText = other.temporalMinText;
    }
    if (other.temporalMax > this.temporalMax) {
      this.temporalMax = other.temporalMax;
      this.temporalMaxText = other.temporalMaxText;
    }
    this.lengthCount += other.lengthCount;
    this.lengthSum += other.lengthSum;
    this.lengthMin = Math.min(this.lengthMin, other.lengthMin);
    this.lengthMax = Math.max(this.lengthMax, other.lengthMax);
    const merged = mergeCategories(this.categories, other.categories);
    if (merged === null) {
      // At least one side has overflowed, or both together do: combine as sketches.
      this.hll = hllOf(this.categories, this.hll);
      this.hll.merge(hllOf(other.categories, other.hll));
      const sketch = sketchOf(this.categories, this.sketch);
      const otherSketch = sketchOf(other.categories, other.sketch);
      sketch.merge(otherSketch);
      this.sketch = sketch.n === 0 ? null : sketch;
    }
    this.categories = merged;
  }

  /** Quantiles of the numeric cells: exact (lower quantiles) from complete counts, else from the sketch. */
  quantiles(qs: readonly number[]): number[] {
    if (this.categories === null) return this.sketch?.quantiles(qs) ?? qs.map(() => Number.NaN);
    const values = this.categories.entries().filter((entry): entry is [number, number] => typeof entry[0] === 'number').sort((a, b) => a[0] - b[0]);
    const n = values.reduce((sum, [, count]) => sum + count, 0);
    return qs.map((q) => {
      if (n === 0) return Number.NaN;
      let cumulative = 0;
      for (const [value, count] of values) {
        cumulative += count;
        if (cumulative >= q * n) return value;
      }
      return values.at(-1)![0];
    });
  }

  /** Estimated fraction of numeric cells ≤ each split (exact from complete counts). */
  cdf(splits: readonly number[]): number[] {
    if (this.categories === null) return this.sketch?.cdf(splits) ?? splits.map(() => Number.NaN);
    const values = this.categories.entries().filter((entry): entry is [number, number] => typeof entry[0] === 'number');
    const n = values.reduce((sum, [, count]) => sum + count, 0);
    return splits.map((split) => values.reduce((sum, [value, count]) => (value <= split ? sum + count : sum), 0) / n);
  }

  /** Cells by kind, empty strings counted as text. */
  toKinds(): ColumnState['kinds'] {
    const k = this.kinds;
    return { integer: k[INTEGER]!, number: k[NUMBER]!, boolean: k[BOOLEAN]!, date: k[DATE]!, datetime: k[DATETIME]!, text: k[TEXT]! + k[EMPTY]! };
  }

  /** Sample variance (n − 1 in the denominator, as pandas' var()); NaN below two values. */
  get variance(): number {
    return this.numericCount < 2 ? Number.NaN : this.m2 / (this.numericCount - 1);
  }

  /** Distinct non-null values: exact while categories are tracked, else the HyperLogLog estimate. */
  get distinct(): { value: number; exact: boolean } {
    if (this.categories !== null) return { value: this.categories.size, exact: true };
    return { value: Math.max(CATEGORY_CAPACITY + 1, Math.round(this.hll.estimate())), exact: false };
  }

  toState(): ColumnState {
    return {
      count: this.count,
      nulls: this.nulls,
      empty: this.empty,
      kinds: this.toKinds(),
      numeric: this.numericCount === 0 ? null : { count: this.numericCount, min: this.min, max: this.max, mean: this.mean, m2: this.m2 },
      sketch: this.sketch === null ? null : this.sketch.toJSON(),
      trues: this.trues,
      temporal:
        this.temporalMin === Infinity ? null : { min: this.temporalMinText, max: this.temporalMaxText, minMs: this.temporalMin, maxMs: this.temporalMax },
      length: this.lengthCount === 0 ? null : { count: this.lengthCount, min: this.lengthMin, max: this.lengthMax, sum: this.lengthSum },
      hll: hllOf(this.categories, this.hll).toJSON(),
      categories: this.categories === null ? null : sortCategories(this.categories.entries()),
    };
  }

  static fromState(state: ColumnState): ColumnProfile {
    const profile = new ColumnProfile();
    profile.count = state.count;
    profile.nulls = state.nulls;
    profile.empty = state.empty;
    profile.kinds[INTEGER] = state.kinds.integer;
    profile.kinds[NUMBER] = state.kinds.number;
    profile.kinds[BOOLEAN] = state.kinds.boolean;
    profile.kinds[DATE] = state.kinds.date;
    profile.kinds[DATETIME] = state.kinds.datetime;
    profile.kinds[TEXT] = state.kinds.text - state.empty;
    profile.kinds[EMPTY] = state.empty;
    if (state.numeric !== null) {
      profile.numericCount = state.numeric.count;
      profile.min = state.numeric.min;
      profile.max = state.numeric.max;
      profile.mean = state.numeric.mean;
      profile.m2 = state.numeric.m2;
    }
    if (state.sketch !== null) profile.sketch = KllSketch.fromJSON(state.sketch);
    profile.trues = state.trues;
    if (state.temporal !== null) {
      profile.temporalMin = state.temporal.minMs;
      profile.temporalMax = state.temporal.maxMs;
      profile.temporalMinText = state.temporal.min;
      profile.temporalMaxText = state.temporal.max;
    }
    if (state.length !== null) {
      profile.lengthCount = state.length.count;
      profile.lengthMin = state.length.min;
      profile.lengthMax = state.length.max;
      profile.lengthSum = state.length.sum;
    }
    profile.hll = HyperLogLog.fromJSON(state.hll);
    profile.categories = state.categories === null ? null : tableOf(state.categories);
    return profile;
  }
}

/** Most frequent first; ties by value text, so merged and whole profiles list them alike. */
export function sortCategories(entries: CategoryCount[]): CategoryCount[] {
  return entries.sort((a, b) => b[1] - a[1] || compareLabels(a[0], b[0]));
}

function compareLabels(a: string | number, b: string | number): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function tableOf(entries: readonly CategoryCount[]): CategoryTable | null {
  const table = new CategoryTable();
  for (const [value, count] of entries) {
    let entry: number;
    if (typeof value === 'number') {
      entry = table.number(value, signedHashNumber(value, HASH_SEED));
    } else {
      const bytes = Buffer.from(value, 'utf8');
      entry = table.text(bytes, 0, bytes.length, signedHashBytes(bytes, 0, bytes.length, HASH_SEED));
    }
    if (entry < 0) return null;
    table.counts[entry] = table.counts[entry]! + count;
  }
  return table;
}

/** The HyperLogLog of a column: from its complete counts (each value once gives the same registers), or the one kept. */
function hllOf(table: CategoryTable | null, kept: HyperLogLog): HyperLogLog {
  if (table === null) return kept;
  const hll = new HyperLogLog(12);
  for (let entry = 0; entry < table.size; entry += 1) hll.add(table.hash(entry));
  return hll;
}

/** The KLL sketch of a column: from its complete counts (each value as often as counted), or the one kept. */
function sketchOf(table: CategoryTable | null, kept: KllSketch | null): KllSketch {
  if (table === null) return kept ?? new KllSketch(200);
  const sketch = new KllSketch(200);
  for (let entry = 0; entry < table.size; entry += 1) {
    if (!table.isNumber(entry)) continue;
    const value = table.label(entry) as number;
    for (let i = table.counts[entry]!; i > 0; i -= 1) sketch.update(value);
  }
  return sketch;
}

function mergeCategories(a: CategoryTable | null, b: CategoryTable | null): CategoryTable | null {
  if (a === null || b === null) return null;
  return tableOf([...a.entries(), ...b.entries()]);
}
