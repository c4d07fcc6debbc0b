/**
 * Splitting a CSV file into byte ranges for parallel scans. A range after the first starts just past
 * a line break near its nominal offset; that is a row boundary unless the line break sits inside a
 * quoted field. Each range is read until the first row starting at or after the next range's start,
 * so the ranges agree exactly when every guess was right: the range before a wrong guess ends
 * somewhere else, and the scan then reads that stretch again in order from where it really ended.
 *
 * One range per thread: each range starts its profile afresh and is merged at the end, and many
 * smaller ranges, though they even out the threads' finishing times, cost more than they save.
 */
import type { ByteSource } from '../data/source.js';

const LF = 0x0a;
const WINDOW = 64 * 1024;

/** Nominal start offsets of `parts` equal ranges over [dataOffset, size); the first is dataOffset. */
export function rangeOffsets(dataOffset: number, size: number, parts: number): number[] {
  const span = Math.max(0, size - dataOffset);
  const offsets: number[] = [];
  for (let i = 0; i < Math.max(1, parts); i += 1) offsets.push(dataOffset + Math.floor((span * i) / Math.max(1, parts)));
  return offsets;
}

/**
 * Start offsets of the ranges whose nominal starts are `nominal` (ascending; the first is
 * dataOffset): each later one moves just past the next line break, and ranges left empty are dropped.
 */
export async function splitCsv(source: ByteSource, nominal: readonly number[]): Promise<number[]> {
  const starts = [nominal[0]!];
  for (let i = 1; i < nominal.length; i += 1) {
    let at = Math.max(nominal[i]!, starts.at(-1)!);
    let start = -1;
    while (at < source.size && start < 0) {
      const window = await source.read(at, Math.min(source.size, at + WINDOW));
      const newline = window.indexOf(LF);
      if (newline >= 0) start = at + newline + 1;
      at += window.length;
    }
    if (start < 0 || start >= source.size) break;
    if (start > starts.at(-1)!) starts.push(start);
  }
  return starts;
}
