/**
 * Splitting a CSV file into byte ranges for parallel scans. A range after the first starts just past
 * a line break near its nominal offset; that is a row boundary unless the line break sits inside a
 * quoted field. Each range is read until the first row starting at or after the next range's start,
 * so the ranges agree exactly when every guess was right: the range before a wrong guess ends
 * somewhere else, and the scan then reads the rest of the file in order from where it really ended.
 */
import type { ByteSource } from '../data/source.js';

const LF = 0x0a;
const WINDOW = 64 * 1024;

/** Start offsets of up to `parts` ranges over [dataOffset, size): the first is dataOffset. */
export async function splitCsv(source: ByteSource, dataOffset: number, parts: number): Promise<number[]> {
  const starts = [dataOffset];
  const span = source.size - dataOffset;
  for (let i = 1; i < parts; i += 1) {
    let at = dataOffset + Math.floor((span * i) / parts);
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
