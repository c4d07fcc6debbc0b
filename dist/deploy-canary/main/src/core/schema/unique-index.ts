/**
 * Exact duplicate detection for `unique` columns and `key` column sets, in two steps so that no step
 * probes a table larger than the CPU caches (a set of millions of keys probed in row order costs a
 * cache miss per value):
 *
 * 1. While scanning, KeyLog appends each value's 64-bit key with its row number to one of 256
 *    partitions chosen by the key's hash. Numbers are keyed by their exact IEEE-754 bits; text by two
 *    independent 32-bit MurmurHash3 values, so two different texts collide with probability about
 *    n²/2⁶⁵ over n values (under 10⁻⁶ for 5 million rows). Nothing is looked up.
 * 2. At the end, findDuplicates walks the logs of every part of the dataset (byte ranges, files) in
 *    order, one partition at a time, through a hash set of that partition's keys only: a key already
 *    in the set is a duplicate. The verdicts are those of one pass in row order: a key's first
 *    occurrence passes, every later one fails, wherever the parts were scanned.
 *
 * Complexity: O(1) per value while scanning, O(n) at the end; 12 bytes per value, plus a set of
 * about 2/256 of the keys at the end.
 */

const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
/** A partition's keys are kept in blocks of BLOCK_KEYS keys, allocated from pages of PAGE_BLOCKS blocks. */
const BLOCK_KEYS = 256;
const BLOCK_WORDS = 3 * BLOCK_KEYS;
const PAGE_BLOCKS = 64;
const NO_PAGE = new Uint32Array(0);

/**
 * A log's keys: (key high word, key low word, row) triples in blocks of BLOCK_KEYS, PAGE_BLOCKS blocks
 * to a page. Partition p's keys, in row order, fill the blocks from first[p] on, each block followed
 * by next[block] (-1 after the last); its last block, last[p], is filled up to word `filled[p]`.
 */
export interface KeyLogState {
  pages: Uint32Array[];
  next: Int32Array;
  first: Int32Array;
  last: Int32Array;
  filled: Int32Array;
}

/**
 * Spreads every bit of a key (its words signed or not) over 32 bits, returned signed: the top bits
 * pick the partition, the low bits the slot.
 */
function spread(hi: number, lo: number): number {
  // Integers as doubles have all-zero low words and low bits: mix every bit in.
  let h = Math.imul(hi ^ (hi >>> 16), 0x85ebca6b) ^ lo;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyLog {
  private readonly pages: Uint32Array[] = [];
  private blocks = 0;
  /** Per block, the partition's next block (-1: none yet). */
  private nextBlock = new Int32Array(PAGE_BLOCKS);
  /** Per partition: its first and last block, and where the next key goes in the last one. */
  private readonly first = new Int32Array(PARTITIONS).fill(-1);
  private readonly last = new Int32Array(PARTITIONS).fill(-1);
  private readonly page: Uint32Array[] = new Array<Uint32Array>(PARTITIONS).fill(NO_PAGE);
  private readonly at = new Int32Array(PARTITIONS);
  private readonly end = new Int32Array(PARTITIONS);

  /** Logs the key (hi, lo) of `row`; its words may be signed or not. */
  add(hi: number, lo: number, row: number): void {
    const partition = spread(hi, lo) >>> (32 - PARTITION_BITS);
    let at = this.at[partition]!;
    if (at === this.end[partition]) at = this.newBlock(partition);
    const page = this.page[partition]!;
    page[at] = hi;
    page[at + 1] = lo;
    page[at + 2] = row;
    this.at[partition] = at + 3;
  }

  /** Starts a new last block for the partition; returns where its first key goes. */
  private newBlock(partition: number): number {
    const block = this.blocks++;
    if (block % PAGE_BLOCKS === 0) this.pages.push(new Uint32Array(PAGE_BLOCKS * BLOCK_WORDS));
    if (block === this.nextBlock.length) {
      const grown = new Int32Array(block * 2);
      grown.set(this.nextBlock);
      this.nextBlock = grown;
    }
    this.nextBlock[block] = -1;
    const previous = this.last[partition]!;
    if (previous < 0) this.first[partition] = block;
    else this.nextBlock[previous] = block;
    this.last[partition] = block;
    const at = (block % PAGE_BLOCKS) * BLOCK_WORDS;
    this.page[partition] = this.pages[Math.floor(block / PAGE_BLOCKS)]!;
    this.end[partition] = at + BLOCK_WORDS;
    return at;
  }

  /** The logged keys (sharing this log's memory, which is not to be used after; each array has its own ArrayBuffer). */
  toState(): KeyLogState {
    return { pages: this.pages, next: this.nextBlock.slice(0, this.blocks), first: this.first, last: this.last, filled: this.at };
  }
}

/** The ArrayBuffers behind a log's state, for postMessage's transfer list. */
export function keyLogBuffers(state: KeyLogState): ArrayBuffer[] {
  return [...state.pages, state.next, state.first, state.last, state.filled].map((array) => array.buffer as ArrayBuffer);
}


/** One part's log, and the number added to its rows to order them among all parts' rows. */
export interface KeyLogPart {
  log: KeyLogState;
  base: number;
}

export interface Duplicates {
  /** Values whose key occurred in an earlier row. */
  failures: number;
  /** The first failing rows (base + row), ascending; at most `limit`. */
  rows: number[];
}

/** Finds the duplicates among the keys of `parts`, taken in order (each part's rows after the previous part's). */
export function findDuplicates(parts: readonly KeyLogPart[], limit: number): Duplicates {
  let table = new Uint32Array(0);
  let failures = 0;
  const rows: number[] = [];
  for (let partition = 0; partition < PARTITIONS; partition += 1) {
    let count = 0;
    for (const { log } of parts) {
      for (let block = log.first[partition]!; block >= 0; block = log.next[block]!) {
        const from = (block % PAGE_BLOCKS) * BLOCK_WORDS;
        count += ((block === log.last[partition] ? log.filled[partition]! : from + BLOCK_WORDS) - from) / 3;
      }
    }
    if (count === 0) continue;
    let slots = 16;
    while (slots < count * 2) slots *= 2;
    if (table.length < slots * 2) table = new Uint32Array(slots * 2);
    else table.fill(0, 0, slots * 2);
    const mask = slots - 1;
    // The all-zero key (the number 0) is kept apart: all-zero slots are empty.
    let zero = false;
    for (const { log, base } of parts) {
      for (let block = log.first[partition]!; block >= 0; block = log.next[block]!) {
        const keys = log.pages[Math.floor(block / PAGE_BLOCKS)]!;
        const from = (block % PAGE_BLOCKS) * BLOCK_WORDS;
        const to = block === log.last[partition] ? log.filled[partition]! : from + BLOCK_WORDS;
        for (let i = from; i < to; i += 3) {
          const hi = keys[i]!;
          const lo = keys[i + 1]!;
          let duplicate = false;
          if (hi === 0 && lo === 0) {
            duplicate = zero;
            zero = true;
          } else {
            let slot = spread(hi, lo) & mask;
            for (;;) {
              const h = table[slot * 2]!;
              const l = table[slot * 2 + 1]!;
              if (h === 0 && l === 0) {
                table[slot * 2] = hi;
                table[slot * 2 + 1] = lo;
                break;
              }
              if (h === hi && l === lo) {
                duplicate = true;
                break;
              }
              slot = (slot + 1) & mask;
            }
          }
          if (duplicate) {
            failures += 1;
            keepFirst(rows, base + keys[i + 2]!, limit);
          }
        }
      }
    }
  }
  return { failures, rows };
}

/** Inserts `row` into the ascending list `rows` of the smallest rows seen, which holds at most `limit`. */
function keepFirst(rows: number[], row: number, limit: number): void {
  if (rows.length === limit && (limit === 0 || row >= rows[limit - 1]!)) return;
  let at = rows.length;
  while (at > 0 && rows[at - 1]! > row) at -= 1;
  rows.splice(at, 0, row);
  if (rows.length > limit) rows.pop();
}
