/**
 * HyperLogLog distinct-count sketch over 32-bit hashes (Flajolet, Fusy, Gandouet, Meunier 2007,
 * "HyperLogLog: the analysis of a near-optimal cardinality estimation algorithm"), mergeable across
 * CSV shards and profile runs. Feed it hashes from hash.ts (`hashBytes` / `hashNumber`, one seed
 * for every sketch that will be merged).
 */
import { InputError } from '../errors.js';

/** Smallest and largest supported precision (16 to 65,536 registers). */
export const HLL_MIN_PRECISION = 4;
export const HLL_MAX_PRECISION = 16;

/** Serialized form: the precision and the registers as base64 (one byte per register). */
export interface HyperLogLogState {
  p: number;
  registers: string;
}

const TWO_32 = 2 ** 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** 2^-r for every register value a 32-bit hash can produce (r ≤ 33 − p ≤ 29). */
const INVERSE_POWERS = Float64Array.from({ length: 34 }, (_, r) => 2 ** -r);

/** The bias constant α_m of the raw estimator (Flajolet et al. 2007, Fig. 3). */
function alpha(m: number): number {
  if (m === 16) return 0.673;
  if (m === 32) return 0.697;
  if (m === 64) return 0.709;
  return 0.7213 / (1 + 1.079 / m);
}

/**
 * HyperLogLog with precision p: m = 2^p one-byte registers (p = 12 → 4,096 registers, 4 KiB).
 *
 * Accuracy: relative standard error 1.04/√m (1.625% at p = 12; `standardError(p)`), across the
 * range where the raw estimator or linear counting applies. Estimator (Flajolet et al. 2007,
 * Fig. 3): raw E = α_m·m²/Σ2^−M[j]; when E ≤ 2.5·m and some register is still zero the
 * small-range correction m·ln(m/V) (linear counting over the V empty registers) is returned
 * instead, which is near exact for counts far below m (±1 or so under ~m/40); when E > 2³²/30 the
 * large-range correction −2³²·ln(1 − E/2³²) undoes 32-bit hash collisions. HLL++ (Heule, Nunkesser,
 * Hall 2013) switches at a lower, per-precision threshold (3,100 for p = 12), but only together with
 * its empirical bias tables for the raw estimate, which this sketch does not carry; without them the
 * 2.5·m switch is the accurate one. Around that switch (n ≈ 2.5·m to 3·m) the estimate runs up to
 * ~1.5% high, within one standard error.
 *
 * Usable range with 32-bit hashes: up to about 10⁸ distinct values the error stays at 1.04/√m; by
 * 10⁹ (a quarter of the hash space) hash collisions make the large-range correction noisy, and an
 * estimate near 2³² ≈ 4.3·10⁹ is saturated (it is returned uncorrected, as a lower bound).
 */
export class HyperLogLog {
  readonly p: number;
  readonly m: number;
  readonly registers: Uint8Array;
  private readonly shift: number;
  /** The bit below the p bits shifted out: 1 << (p − 1). */
  private readonly floor: number;

  constructor(p = 12) {
    if (!Number.isInteger(p) || p < HLL_MIN_PRECISION || p > HLL_MAX_PRECISION) {
      throw new InputError(`HyperLogLog precision must be an integer from ${HLL_MIN_PRECISION} to ${HLL_MAX_PRECISION}, got ${String(p)}.`);
    }
    this.p = p;
    this.m = 1 << p;
    this.registers = new Uint8Array(this.m);
    this.shift = 32 - p;
    this.floor = 1 << (p - 1);
  }

  /** The relative standard error 1.04/√(2^p) of a sketch with precision p (Flajolet et al. 2007, Thm. 1). O(1). */
  static standardError(p: number): number {
    return 1.04 / Math.sqrt(2 ** p);
  }

  /**
   * Adds one 32-bit hash (signed or unsigned): its top p bits pick the register, which keeps the
   * maximum rank (1 + leading zeros) of the remaining 32 − p bits. O(1), no allocation.
   */
  add(hash32: number): void {
    const index = hash32 >>> this.shift;
    // The bit just below the remaining ones caps the leading zeros at 32 − p (all remaining bits zero).
    const rank = Math.clz32((hash32 << this.p) | this.floor) + 1;
    if (rank > (this.registers[index] as number)) this.registers[index] = rank;
  }

  /** Folds `other` into this sketch (register-wise maximum): the sketch of the union. O(m). */
  merge(other: HyperLogLog): void {
    if (other.p !== this.p) {
      throw new InputError(`Cannot merge HyperLogLog sketches of different precision (${this.p} and ${other.p}).`);
    }
    const mine = this.registers;
    const theirs = other.registers;
    for (let j = 0; j < this.m; j++) {
      const r = theirs[j] as number;
      if (r > (mine[j] as number)) mine[j] = r;
    }
  }

  /**
   * Estimated number of distinct hashes added: the raw HyperLogLog estimate with the small- and
   * large-range corrections of Flajolet et al. 2007, Fig. 3 (details and error in the class
   * comment). 0 for an empty sketch. O(m).
   */
  estimate(): number {
    const m = this.m;
    let sum = 0;
    let zeros = 0;
    for (let j = 0; j < m; j++) {
      const r = this.registers[j] as number;
      sum += INVERSE_POWERS[r] as number;
      if (r === 0) zeros++;
    }
    const raw = (alpha(m) * m * m) / sum;
    if (raw <= 2.5 * m) return zeros > 0 ? m * Math.log(m / zeros) : raw;
    if (raw > TWO_32 / 30 && raw < TWO_32) return -TWO_32 * Math.log(1 - raw / TWO_32);
    return raw;
  }

  /** True when nothing has been added. O(m). */
  isEmpty(): boolean {
    return this.registers.every((r) => r === 0);
  }

  toJSON(): HyperLogLogState {
    return { p: this.p, registers: Buffer.from(this.registers.buffer, this.registers.byteOffset, this.registers.byteLength).toString('base64') };
  }

  /** Rebuilds a sketch from `toJSON()` output, rejecting a malformed state with a one-line InputError. */
  static fromJSON(state: unknown): HyperLogLog {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw new InputError('HyperLogLog state must be an object with "p" and "registers".');
    }
    const { p, registers } = state as Record<string, unknown>;
    if (typeof p !== 'number' || !Number.isInteger(p) || p < HLL_MIN_PRECISION || p > HLL_MAX_PRECISION) {
      throw new InputError(`HyperLogLog state "p" must be an integer from ${HLL_MIN_PRECISION} to ${HLL_MAX_PRECISION}, got ${JSON.stringify(p) ?? String(p)}.`);
    }
    if (typeof registers !== 'string' || !BASE64.test(registers)) {
      throw new InputError('HyperLogLog state "registers" must be a base64 string.');
    }
    const bytes = Buffer.from(registers, 'base64');
    const m = 1 << p;
    if (bytes.length !== m) {
      throw new InputError(`HyperLogLog state "registers" holds ${bytes.length} bytes; precision ${p} needs ${m}.`);
    }
    const sketch = new HyperLogLog(p);
    const maxRank = 32 - p + 1;
    for (let j = 0; j < m; j++) {
      const r = bytes[j] as number;
      if (r > maxRank) throw new InputError(`HyperLogLog state register ${j} is ${r}; precision ${p} allows at most ${maxRank}.`);
      sketch.registers[j] = r;
    }
    return sketch;
  }
}
