/**
 * Duplicate detection for `unique` columns and `key` column sets: an open-addressing set of 64-bit
 * keys (two 32-bit halves). Numbers are keyed by their exact IEEE-754 bits; text by two independent
 * 32-bit MurmurHash3 values, so two different texts collide with probability about n²/2⁶⁵ over n
 * values (under 10⁻⁶ for 5 million rows).
 *
 * Complexity: O(1) expected per value; 8 bytes per slot, at most 2 slots per value kept.
 */
export interface UniqueIndexState {
  hi: Uint32Array;
  lo: Uint32Array;
  size: number;
}

const EMPTY_HI = 0;
const EMPTY_LO = 0;

export class UniqueIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  /** Whether the all-zero key (the empty-slot marker) was added. */
  private hasZero = false;
  size = 0;

  constructor(slots = 1024) {
    this.hi = new Uint32Array(slots);
    this.lo = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  /** Adds a key; returns false when it was already present (a duplicate). */
  add(hi: number, lo: number): boolean {
    hi >>>= 0;
    lo >>>= 0;
    if (hi === EMPTY_HI && lo === EMPTY_LO) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size += 1;
      return true;
    }
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = this.hi[slot]!;
      const l = this.lo[slot]!;
      if (h === EMPTY_HI && l === EMPTY_LO) break;
      if (h === hi && l === lo) return false;
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.size += 1;
    if (this.size * 2 > this.hi.length) this.grow();
    return true;
  }

  private grow(): void {
    const oldHi = this.hi;
    const oldLo = this.lo;
    this.hi = new Uint32Array(oldHi.length * 2);
    this.lo = new Uint32Array(oldLo.length * 2);
    this.mask = this.hi.length - 1;
    const zero = this.hasZero;
    this.size = 0;
    this.hasZero = false;
    for (let i = 0; i < oldHi.length; i += 1) {
      const h = oldHi[i]!;
      const l = oldLo[i]!;
      if (h !== EMPTY_HI || l !== EMPTY_LO) this.add(h, l);
    }
    if (zero) this.add(0, 0);
  }

  /** Adds every key of `other`; returns how many were already present (duplicates across the two). */
  absorb(other: UniqueIndexState): number {
    let duplicates = 0;
    const { hi, lo } = other;
    for (let i = 0; i < hi.length; i += 1) {
      const h = hi[i]!;
      const l = lo[i]!;
      if ((h !== EMPTY_HI || l !== EMPTY_LO) && !this.add(h, l)) duplicates += 1;
    }
    // The zero key is stored out of band; a state carries it as size beyond its slots.
    if (other.size > countKeys(other) && !this.add(0, 0)) duplicates += 1;
    return duplicates;
  }

  toState(): UniqueIndexState {
    return { hi: this.hi, lo: this.lo, size: this.size };
  }

  static fromState(state: UniqueIndexState): UniqueIndex {
    const index = new UniqueIndex(state.hi.length);
    index.hi = state.hi;
    index.lo = state.lo;
    index.mask = state.hi.length - 1;
    index.size = state.size;
    index.hasZero = state.size > countKeys(state);
    return index;
  }
}

function countKeys(state: UniqueIndexState): number {
  let count = 0;
  for (let i = 0; i < state.hi.length; i += 1) if (state.hi[i] !== EMPTY_HI || state.lo[i] !== EMPTY_LO) count += 1;
  return count;
}
