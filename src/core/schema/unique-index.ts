/**
 * Duplicate detection for `unique` columns and `key` column sets: an open-addressing set of 64-bit
 * keys, stored as pairs of 32-bit words side by side (one cache line per probe). Numbers are keyed by
 * their exact IEEE-754 bits; text by two independent 32-bit MurmurHash3 values, so two different
 * texts collide with probability about n²/2⁶⁵ over n values (under 10⁻⁶ for 5 million rows).
 *
 * Complexity: O(1) expected per value; 8 bytes per slot, at most 2 slots per value kept.
 */
export interface UniqueIndexState {
  /** Slot i holds words[2i] (high) and words[2i + 1] (low); all-zero is an empty slot. */
  words: Uint32Array;
  size: number;
  /** Whether the all-zero key itself was added (it is kept apart from the slots). */
  zero: boolean;
}

export class UniqueIndex {
  private words: Uint32Array;
  private mask: number;
  private zero = false;
  size = 0;

  constructor(slots = 1024) {
    this.words = new Uint32Array(slots * 2);
    this.mask = slots - 1;
  }

  /** Adds a key; returns false when it was already present (a duplicate). */
  add(hi: number, lo: number): boolean {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === 0 && lo === 0) {
      if (this.zero) return false;
      this.zero = true;
      this.size += 1;
      return true;
    }
    const words = this.words;
    // Integers as doubles have all-zero low words and low bits: mix every bit into the slot number.
    let h = Math.imul(hi ^ (hi >>> 16), 0x85ebca6b) ^ lo;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    let slot = (h ^ (h >>> 16)) & this.mask;
    for (;;) {
      const h = words[slot * 2]!;
      const l = words[slot * 2 + 1]!;
      if (h === 0 && l === 0) break;
      if (h === hi && l === lo) return false;
      slot = (slot + 1) & this.mask;
    }
    words[slot * 2] = hi;
    words[slot * 2 + 1] = lo;
    this.size += 1;
    if (this.size * 2 > this.mask + 1) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.words;
    this.words = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = this.zero ? 1 : 0;
    for (let i = 0; i < old.length; i += 2) {
      const h = old[i]!;
      const l = old[i + 1]!;
      if (h !== 0 || l !== 0) this.add(h, l);
    }
  }

  /** Adds every key of `other`; returns how many were already present (duplicates across the two). */
  absorb(other: UniqueIndexState): number {
    let duplicates = 0;
    const words = other.words;
    for (let i = 0; i < words.length; i += 2) {
      const h = words[i]!;
      const l = words[i + 1]!;
      if ((h !== 0 || l !== 0) && !this.add(h, l)) duplicates += 1;
    }
    if (other.zero && !this.add(0, 0)) duplicates += 1;
    return duplicates;
  }

  toState(): UniqueIndexState {
    return { words: this.words, size: this.size, zero: this.zero };
  }

  /** An index over a state's keys, sharing its memory (no copy). */
  static fromState(state: UniqueIndexState): UniqueIndex {
    const index = new UniqueIndex(1);
    index.words = state.words;
    index.mask = state.words.length / 2 - 1;
    index.size = state.size;
    index.zero = state.zero;
    return index;
  }
}
