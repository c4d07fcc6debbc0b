/**
 * A seeded pseudo-random generator for resampling: xoshiro128** (Blackman & Vigna, 2018), 128 bits
 * of state, period 2^128 − 1, seeded through SplitMix32 so that nearby seeds give unrelated streams.
 * Every stream is named by (seed, stream): the bootstrap gives resample b its own stream, so results
 * do not depend on how resamples are split across threads.
 *
 * Not for cryptography. Complexity: O(1) per draw.
 */

function splitMix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_32 = 4294967296;
/** Below this many values an index takes one 32-bit draw exactly (Lemire's method); above it, 53 bits. */
const ONE_DRAW_LIMIT = 2 ** 21;

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    const state = { value: (seed ^ Math.imul(stream + 1, 0x632be5ab)) | 0 };
    splitMix32(state);
    state.value = (state.value + Math.floor(seed / TWO_32)) | 0;
    this.a = splitMix32(state);
    this.b = splitMix32(state);
    this.c = splitMix32(state);
    this.d = splitMix32(state);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /** A generator at a given xoshiro128** state (four 32-bit words, not all zero). */
  static fromState(a: number, b: number, c: number, d: number): Random {
    const random = new Random(0);
    random.a = a | 0;
    random.b = b | 0;
    random.c = c | 0;
    random.d = d | 0;
    return random;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    return ((this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6)) / 9007199254740992;
  }

  /**
   * A uniform integer in [0, n). Exactly uniform for n ≤ 2^21 (Lemire's multiply-and-reject, one draw
   * almost always); above that from 53 random bits, whose bias is below n / 2^53.
   */
  nextIndex(n: number): number {
    if (n > ONE_DRAW_LIMIT) return Math.floor(this.nextDouble() * n);
    let bits = this.nextUint32();
    // The high word of bits·n is the index; its low word below the threshold means a biased draw.
    if (Math.imul(bits, n) >>> 0 < n) {
      const threshold = (TWO_32 - n) % n;
      while (Math.imul(bits, n) >>> 0 < threshold) bits = this.nextUint32();
    }
    return Math.floor((bits * n) / TWO_32);
  }

  /**
   * Adds one to `counts[i]` for `draws` indices i drawn uniformly from [0, counts.length): the
   * multinomial counts of a resample. The same draws as `draws` calls of nextIndex, inlined (the
   * bootstrap's hot loop). Returns false when a count wrapped around (a byte counted past 255).
   */
  addUniformCounts(counts: Uint8Array | Uint32Array, draws: number): boolean {
    const n = counts.length;
    let wrapped = false;
    if (n > ONE_DRAW_LIMIT) {
      for (let i = 0; i < draws; i++) {
        const index = this.nextIndex(n);
        counts[index]! += 1;
        if (counts[index] === 0) wrapped = true;
      }
      return !wrapped;
    }
    const threshold = (TWO_32 - n) % n;
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    for (let i = 0; i < draws; i++) {
      let bits: number;
      do {
        const x = Math.imul(b, 5);
        bits = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
        const t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = (d << 11) | (d >>> 21);
      } while (Math.imul(bits, n) >>> 0 < threshold);
      const index = (bits * n) / TWO_32 >>> 0;
      // A typed array stores the sum modulo its range: reading back 0 means it wrapped.
      counts[index]! += 1;
      if (counts[index] === 0) wrapped = true;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return !wrapped;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
