/**
 * 32-bit hashing for the data profile's hot path: one call per CSV field, so both functions are
 * allocation-free and work on bytes and numbers directly (no strings are built).
 *
 * Both compute MurmurHash3 x86_32 (Austin Appleby, SMHasher, public domain reference
 * `MurmurHash3_x86_32`): `hashBytes` over a byte range, `hashNumber` over the 8 little-endian bytes
 * of a float64. The results are unsigned 32-bit integers and are identical on every platform.
 *
 * Uniqueness keys. 32 bits collide too often to count distinct values exactly beyond a few
 * thousand (birthday bound: about n²/2³³ colliding pairs among n values, so ~1 at n ≈ 93,000).
 * Callers that need an exact-ish distinct count build a wider key from two calls with different
 * seeds, `low = hashBytes(b, s, e, HASH_SEED_LOW)` and `high = hashBytes(b, s, e, HASH_SEED_HIGH)`:
 * either keep the pair (64 bits, as a BigInt or a string key) or fold it into one float64-exact
 * number `(high & 0x1fffff) * 2 ** 32 + low` (53 bits). Two MurmurHash3_x86_32 hashes under
 * different seeds are not a true 64-bit hash (seed-independent collisions can be constructed on
 * purpose), but on data that is not adversarial they behave like random bits: about n²/2⁶⁵
 * expected colliding pairs for the 64-bit pair (~0.03 at 10⁹ values) and n²/2⁵⁴ for the 53-bit
 * number (~0.6 at 10⁸ values), so counts are exact-ish, not exact.
 * HyperLogLog sketches take a single 32-bit hash (see hyperloglog.ts for the range that allows).
 */

/** Seed for the profiler's primary 32-bit hash (HyperLogLog input and low half of uniqueness keys). */
export const HASH_SEED_LOW = 0x9747b28c;
/** Seed for the second half of a 64-bit-ish uniqueness key; any value different from HASH_SEED_LOW. */
export const HASH_SEED_HIGH = 0x5bd1e995;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

// Scratch for hashNumber: a float64 and its two 32-bit halves, shared, so hashing allocates nothing.
const scratchFloat = new Float64Array(1);
const scratchWords = new Int32Array(scratchFloat.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = LITTLE_ENDIAN ? 1 : 0;

/** Mixes one 32-bit block into the running state (the MurmurHash3 body step). */
function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The MurmurHash3 finalizer (fmix32) after xoring in the length; returns the bits as a signed 32-bit int. */
function finalize(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * MurmurHash3_x86_32 of `buffer[start, end)` with `seed` (taken modulo 2³²): the reference
 * algorithm reading 4-byte blocks little-endian, a 1–3 byte tail, then fmix32. Returns an unsigned
 * 32-bit integer equal to the reference `MurmurHash3_x86_32(key, len, seed)`. O(end − start),
 * no allocation. Indices are trusted (the caller's tokenizer produced them); out-of-range bytes read
 * as 0 rather than throwing.
 */
export function hashBytes(buffer: Uint8Array, start: number, end: number, seed: number): number {
  return signedHashBytes(buffer, start, end, seed) >>> 0;
}

/**
 * `hashBytes` as a signed 32-bit integer (the same 32 bits): hot paths keep hashes signed, as V8
 * holds every signed 32-bit integer unboxed while unsigned ones from 2³¹ up become heap numbers.
 */
export function signedHashBytes(buffer: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed | 0;
  const length = end - start;
  const blocksEnd = start + (length & ~3);
  let i = start;
  for (; i < blocksEnd; i += 4) {
    const k = (buffer[i] as number) | ((buffer[i + 1] as number) << 8) | ((buffer[i + 2] as number) << 16) | ((buffer[i + 3] as number) << 24);
    h = mixBlock(h, k);
  }
  const tail = length & 3;
  if (tail !== 0) {
    let k = 0;
    if (tail === 3) k ^= (buffer[i + 2] as number) << 16;
    if (tail >= 2) k ^= (buffer[i + 1] as number) << 8;
    k ^= buffer[i] as number;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  return finalize(h, length);
}

/**
 * `signedHashBytes`, also counting the Unicode code points of the UTF-8 bytes (the bytes that are
 * not continuation bytes) into `counted[0]`, in the same pass. O(end − start), no allocation.
 */
export function hashBytesCounting(buffer: Uint8Array, start: number, end: number, seed: number, counted: Int32Array): number {
  let h = seed | 0;
  const length = end - start;
  const blocksEnd = start + (length & ~3);
  let continuations = 0;
  let i = start;
  for (; i < blocksEnd; i += 4) {
    const k = (buffer[i] as number) | ((buffer[i + 1] as number) << 8) | ((buffer[i + 2] as number) << 16) | ((buffer[i + 3] as number) << 24);
    // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear; count them four at a time.
    continuations += Math.imul(((k & ~(k << 1)) >>> 7) & 0x01010101, 0x01010101) >>> 24;
    h = mixBlock(h, k);
  }
  const tail = length & 3;
  if (tail !== 0) {
    let k = 0;
    if (tail === 3) k ^= (buffer[i + 2] as number) << 16;
    if (tail >= 2) k ^= (buffer[i + 1] as number) << 8;
    k ^= buffer[i] as number;
    continuations += Math.imul(((k & ~(k << 1)) >>> 7) & 0x01010101, 0x01010101) >>> 24;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  counted[0] = length - continuations;
  return finalize(h, length);
}

/**
 * MurmurHash3_x86_32 of the 8 little-endian IEEE-754 bytes of `value` with `seed`, i.e. the same
 * result as `hashBytes` over `Buffer.writeDoubleLE(value)`. −0 is hashed as +0 and every NaN as
 * the canonical quiet NaN (0x7FF8000000000000), so numerically equal values hash alike. O(1), no
 * allocation (a module-level Float64Array/Uint32Array scratch).
 */
export function hashNumber(value: number, seed: number): number {
  return signedHashNumber(value, seed) >>> 0;
}

/** `hashNumber` as a signed 32-bit integer (the same 32 bits; see signedHashBytes). */
export function signedHashNumber(value: number, seed: number): number {
  scratchFloat[0] = value === 0 ? 0 : value;
  let low: number;
  let high: number;
  if (value !== value) {
    low = 0;
    high = 0x7ff80000;
  } else {
    low = scratchWords[LOW_WORD] as number;
    high = scratchWords[HIGH_WORD] as number;
  }
  let h = mixBlock(seed | 0, low | 0);
  h = mixBlock(h, high | 0);
  return finalize(h, 8);
}
