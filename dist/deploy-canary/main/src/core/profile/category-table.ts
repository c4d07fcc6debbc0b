/**
 * Exact value counts for a column with few distinct values: an open-addressing hash table keyed by a
 * number (numeric cells, so `1.50` and `1.5` are one value) or by the cell's UTF-8 bytes (everything
 * else), so counting a cell makes no string. Holds at most `capacity` distinct values; the value that
 * would exceed it makes the table overflow, and the column is then not categorical.
 *
 * Complexity: O(1) expected per cell (plus O(length) to compare bytes), O(capacity) memory.
 */
export const CATEGORY_CAPACITY = 1000;
/** Integers below this are looked up by value (ages, counts, flags), without hashing. */
const SMALL_INTEGERS = 256;

/** A value and its count, as stored in a profile: numbers stay JSON numbers, everything else is text. */
export type CategoryCount = [value: string | number, count: number];

export class CategoryTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly numeric: Uint8Array;
  private readonly numbers: Float64Array;
  private readonly keyStarts: Int32Array;
  private readonly keyLengths: Int32Array;
  private bytes = Buffer.allocUnsafe(4096);
  private used = 0;
  readonly counts: Float64Array;
  /** The entries of the integers 0 to SMALL_INTEGERS − 1 (-1: not in the table). */
  private readonly small: Int32Array;
  /** Text entries' values once decoded from `bytes` (label()); numbers are in `numbers`. */
  private texts: string[] | null = null;
  size = 0;

  constructor(readonly capacity = CATEGORY_CAPACITY) {
    let slots = 16;
    while (slots < capacity * 4) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
    this.hashes = new Int32Array(capacity);
    this.numeric = new Uint8Array(capacity);
    this.numbers = new Float64Array(capacity);
    this.keyStarts = new Int32Array(capacity);
    this.keyLengths = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.small = new Int32Array(SMALL_INTEGERS).fill(-1);
  }

  /** The entry of a small non-negative integer already in the table (SMALL_INTEGERS), else -1: no hash needed. */
  smallInteger(value: number): number {
    return value >= 0 && value < SMALL_INTEGERS && (value | 0) === value ? this.small[value]! : -1;
  }

  /** Index of the numeric value (added when new), or -1 when the table is full. `hash`: its 32 bits, signed or not. */
  number(value: number, hash: number): number {
    hash |= 0;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === -1) break;
      if (this.hashes[entry] === hash && this.numeric[entry] === 1 && this.numbers[entry] === value) return entry;
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.capacity) return -1;
    const entry = this.size++;
    this.slots[slot] = entry;
    this.hashes[entry] = hash;
    this.numeric[entry] = 1;
    this.numbers[entry] = value;
    if (value >= 0 && value < SMALL_INTEGERS && (value | 0) === value) this.small[value] = entry;
    return entry;
  }

  /** Index of the text value in bytes [start, end) (added when new), or -1 when the table is full. `hash`: its 32 bits, signed or not. */
  text(buffer: Uint8Array, start: number, end: number, hash: number): number {
    hash |= 0;
    const length = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === -1) break;
      if (this.hashes[entry] === hash && this.numeric[entry] === 0 && this.keyLengths[entry] === length) {
        const at = this.keyStarts[entry]!;
        let same = true;
        for (let i = 0; i < length; i += 1) {
          if (this.bytes[at + i] !== buffer[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return entry;
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.capacity) return -1;
    const entry = this.size++;
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes.set(buffer.subarray(start, end), this.used);
    this.slots[slot] = entry;
    this.hashes[entry] = hash;
    this.numeric[entry] = 0;
    this.keyStarts[entry] = this.used;
    this.keyLengths[entry] = length;
    this.used += length;
    return entry;
  }

  /** The hash the entry was added with (its 32 bits as a signed integer). */
  hash(entry: number): number {
    return this.hashes[entry]!;
  }

  /** Whether the entry is a number (else text). */
  isNumber(entry: number): boolean {
    return this.numeric[entry] === 1;
  }

  /** The entry's value: its number, or its text (decoded when first asked for: most tables of text overflow unasked). */
  label(entry: number): string | number {
    if (this.numeric[entry] === 1) return this.numbers[entry]!;
    this.texts ??= [];
    let text = this.texts[entry];
    if (text === undefined) {
      const at = this.keyStarts[entry]!;
      text = this.bytes.toString('utf8', at, at + this.keyLengths[entry]!);
      this.texts[entry] = text;
    }
    return text;
  }

  /** Every value with its count, most frequent first (ties in first-seen order). */
  entries(): CategoryCount[] {
    const result: CategoryCount[] = [];
    for (let i = 0; i < this.size; i += 1) result.push([this.label(i), this.counts[i]!]);
    return result.sort((a, b) => b[1] - a[1]);
  }
}
