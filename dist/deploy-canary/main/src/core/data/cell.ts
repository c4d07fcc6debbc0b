/**
 * What a cell holds, read from its text the way a data engineer reads a CSV: one classification per
 * cell, straight from the bytes (no string is made for numbers, dates or booleans).
 *
 * - null: an unquoted empty field, or an unquoted null marker (NULL_MARKERS). A quoted field is never
 *   null: `""` is an empty string and `"NA"` is the text NA.
 * - empty: the empty string (`""` in CSV, `""` in JSON).
 * - integer: `[+-]?digits` (leading zeros allowed); number: a decimal with a fraction and/or exponent.
 *   Values are parsed exactly when they have at most 15 significant digits and a small exponent
 *   (Clinger's fast path); other numerals go through Number().
 * - boolean: true/false in any letter case.
 * - date: `YYYY-MM-DD`; datetime: a date, `T` or a space, `HH:MM`, optional `:SS` and fraction, and an
 *   optional `Z` or `±HH:MM`/`±HHMM` offset. Both carry their instant as epoch milliseconds (UTC when no
 *   offset is given); impossible dates (2023-02-29) are text.
 * - text: anything else.
 *
 * Complexity: O(length of the field), no allocation.
 */
export const NULL = 0;
export const EMPTY = 1;
export const INTEGER = 2;
export const NUMBER = 3;
export const BOOLEAN = 4;
export const DATE = 5;
export const DATETIME = 6;
export const TEXT = 7;
export type CellKind = typeof NULL | typeof EMPTY | typeof INTEGER | typeof NUMBER | typeof BOOLEAN | typeof DATE | typeof DATETIME | typeof TEXT;

export const KIND_NAMES = ['null', 'empty', 'integer', 'number', 'boolean', 'date', 'datetime', 'text'] as const;

/** Unquoted field values read as null (besides the empty field), as most CSV writers emit them. */
export const NULL_MARKERS = ['NA', 'N/A', 'NaN', 'nan', 'NULL', 'null', 'None'] as const;

const MARKER_BYTES = NULL_MARKERS.map((marker) => Buffer.from(marker, 'latin1'));

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** The classified cell; one object reused for every cell of a scan. */
export interface Cell {
  kind: CellKind;
  /** The number (integer, number), 1/0 (boolean), or epoch milliseconds (date, datetime). */
  value: number;
  buffer: Buffer;
  start: number;
  end: number;
  /**
   * Optionally, ASCII bytes of `decodedFrom` already decoded: `decoded` holds the bytes from offset
   * `decodedBase` on, so the text of a cell in that buffer is a slice of it (see transientText).
   * NOTHING_DECODED when there are none.
   */
  decodedFrom: Buffer;
  decoded: string;
  decodedBase: number;
}

/** Cell.decodedFrom when nothing is decoded (a buffer no cell is in). */
export const NOTHING_DECODED = Buffer.alloc(0);

export function newCell(): Cell {
  return { kind: NULL, value: 0, buffer: Buffer.alloc(0), start: 0, end: 0, decodedFrom: NOTHING_DECODED, decoded: '', decodedBase: 0 };
}

/** The null markers' bytes packed into one number each (first byte lowest; exact up to 6 bytes), by length. */
const LONGEST_MARKER = Math.max(...MARKER_BYTES.map((marker) => marker.length));
const PACKED_MARKERS: number[][] = Array.from({ length: LONGEST_MARKER + 1 }, () => []);
for (const marker of MARKER_BYTES) PACKED_MARKERS[marker.length]!.push(marker.reduceRight((packed, byte) => packed * 256 + byte, 0));

/** 1 for the bytes a null marker starts with. */
const MARKER_FIRST_BYTES = new Uint8Array(256);
for (const marker of MARKER_BYTES) MARKER_FIRST_BYTES[marker[0]!] = 1;

function isNullMarker(buffer: Buffer, start: number, end: number): boolean {
  const length = end - start;
  if (length > LONGEST_MARKER || MARKER_FIRST_BYTES[buffer[start]!] === 0) return false;
  let packed = 0;
  for (let i = end - 1; i >= start; i -= 1) packed = packed * 256 + buffer[i]!;
  const markers = PACKED_MARKERS[length]!;
  for (let i = 0; i < markers.length; i += 1) if (markers[i] === packed) return true;
  return false;
}

/** Classifies bytes [start, end) of `buffer` into `cell` (quoted: the field was in quotes). */
export function classifyBytes(cell: Cell, buffer: Buffer, start: number, end: number, quoted: boolean): void {
  cell.buffer = buffer;
  cell.start = start;
  cell.end = end;
  if (start === end) {
    cell.kind = quoted ? EMPTY : NULL;
    return;
  }
  const first = buffer[start]!;
  if (first >= 0x30 && first <= 0x39) {
    // A dash after four digits: a date (or text); no numeral has one there but `123e-4…`.
    if (end - start >= 10 && buffer[start + 4] === 0x2d) {
      if (parseDateTime(cell, buffer, start, end) || parseNumeral(cell, buffer, start, end)) return;
    } else if (parseNumeral(cell, buffer, start, end)) {
      return;
    }
  } else if (first === 0x2d || first === 0x2b || first === 0x2e) {
    if (parseNumeral(cell, buffer, start, end)) return;
  } else if (!quoted && isNullMarker(buffer, start, end)) {
    cell.kind = NULL;
    return;
  } else if (isBoolean(cell, buffer, start, end)) {
    return;
  }
  cell.kind = TEXT;
}

function isBoolean(cell: Cell, buffer: Buffer, start: number, end: number): boolean {
  const length = end - start;
  if (length === 4) {
    if ((buffer[start]! | 0x20) === 0x74 && (buffer[start + 1]! | 0x20) === 0x72 && (buffer[start + 2]! | 0x20) === 0x75 && (buffer[start + 3]! | 0x20) === 0x65) {
      cell.kind = BOOLEAN;
      cell.value = 1;
      return true;
    }
  } else if (length === 5) {
    if (
      (buffer[start]! | 0x20) === 0x66 &&
      (buffer[start + 1]! | 0x20) === 0x61 &&
      (buffer[start + 2]! | 0x20) === 0x6c &&
      (buffer[start + 3]! | 0x20) === 0x73 &&
      (buffer[start + 4]! | 0x20) === 0x65
    ) {
      cell.kind = BOOLEAN;
      cell.value = 0;
      return true;
    }
  }
  return false;
}

/** `[+-]?(digits[.digits]|.digits)([eE][+-]?digits)?`; sets INTEGER or NUMBER. */
function parseNumeral(cell: Cell, buffer: Buffer, start: number, end: number): boolean {
  // Up to 15 characters without an exponent, the common case: at most 15 digits, exact as they come.
  if (end - start <= 15) {
    let i = start;
    const sign = buffer[i];
    if (sign === 0x2d || sign === 0x2b) i += 1;
    const digitsStart = i;
    let mantissa = 0;
    let d = 0;
    while (i < end && (d = buffer[i]! - 0x30) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      i += 1;
    }
    let digits = i - digitsStart;
    let fraction = -1;
    if (i < end && buffer[i] === 0x2e) {
      i += 1;
      const fractionStart = i;
      while (i < end && (d = buffer[i]! - 0x30) >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
        i += 1;
      }
      fraction = i - fractionStart;
      digits += fraction;
    }
    if (i === end) {
      if (digits === 0) return false;
      let value = fraction <= 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction]!;
      if (sign === 0x2d) value = -value;
      cell.kind = fraction < 0 ? INTEGER : NUMBER;
      cell.value = value === 0 ? 0 : value; // no -0
      return true;
    }
    if (buffer[i] !== 0x65 && buffer[i] !== 0x45) return false;
  }
  let i = start;
  let negative = false;
  const sign = buffer[i];
  if (sign === 0x2d || sign === 0x2b) {
    negative = sign === 0x2d;
    i += 1;
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  while (i < end) {
    const d = buffer[i]! - 0x30;
    if (d < 0 || d > 9) break;
    if (significant < 15) {
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) significant += 1;
    } else {
      scale += 1;
      significant += 1;
    }
    digits += 1;
    i += 1;
  }
  let integral = true;
  if (i < end && buffer[i] === 0x2e) {
    integral = false;
    i += 1;
    while (i < end) {
      const d = buffer[i]! - 0x30;
      if (d < 0 || d > 9) break;
      if (significant < 15) {
        mantissa = mantissa * 10 + d;
        scale -= 1;
        if (mantissa !== 0) significant += 1;
      } else {
        significant += 1;
      }
      digits += 1;
      i += 1;
    }
  }
  if (digits === 0) return false;
  let exponent = 0;
  if (i < end && (buffer[i] === 0x65 || buffer[i] === 0x45)) {
    integral = false;
    i += 1;
    let negativeExponent = false;
    if (i < end && (buffer[i] === 0x2d || buffer[i] === 0x2b)) {
      negativeExponent = buffer[i] === 0x2d;
      i += 1;
    }
    const first = i;
    while (i < end) {
      const d = buffer[i]! - 0x30;
      if (d < 0 || d > 9) break;
      if (exponent < 100000) exponent = exponent * 10 + d;
      i += 1;
    }
    if (i === first) return false;
    if (negativeExponent) exponent = -exponent;
  }
  if (i !== end) return false;
  const power = scale + exponent;
  let value: number;
  if (significant <= 15 && power >= -22 && power <= 22) {
    value = power < 0 ? mantissa / POWERS_OF_TEN[-power]! : mantissa * POWERS_OF_TEN[power]!;
    if (negative) value = -value;
  } else {
    value = Number(buffer.toString('latin1', start, end));
  }
  if (!Number.isFinite(value)) return false;
  cell.kind = integral ? INTEGER : NUMBER;
  cell.value = value === 0 ? 0 : value; // no -0
  return true;
}

function twoDigits(buffer: Buffer, at: number): number {
  const a = buffer[at]! - 0x30;
  const b = buffer[at + 1]! - 0x30;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function parseDateTime(cell: Cell, buffer: Buffer, start: number, end: number): boolean {
  const length = end - start;
  if (length < 10 || buffer[start + 4] !== 0x2d || buffer[start + 7] !== 0x2d) return false;
  const century = twoDigits(buffer, start);
  const yy = twoDigits(buffer, start + 2);
  const month = twoDigits(buffer, start + 5);
  const day = twoDigits(buffer, start + 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return false;
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  const days = daysFromCivil(year, month, day);
  if (length === 10) {
    cell.kind = DATE;
    cell.value = days * 86_400_000;
    return true;
  }
  const separator = buffer[start + 10];
  if ((separator !== 0x54 && separator !== 0x20) || length < 16 || buffer[start + 13] !== 0x3a) return false;
  const hour = twoDigits(buffer, start + 11);
  const minute = twoDigits(buffer, start + 14);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  let i = start + 16;
  let second = 0;
  let millis = 0;
  if (i < end && buffer[i] === 0x3a) {
    if (i + 3 > end) return false;
    second = twoDigits(buffer, i + 1);
    if (second < 0 || second > 60) return false;
    i += 3;
    if (i < end && (buffer[i] === 0x2e || buffer[i] === 0x2c)) {
      i += 1;
      let scale = 100;
      const first = i;
      while (i < end) {
        const d = buffer[i]! - 0x30;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale /= 10;
        i += 1;
      }
      if (i === first) return false;
    }
  }
  let offsetMinutes = 0;
  if (i < end) {
    const zone = buffer[i];
    if (zone === 0x5a || zone === 0x7a) {
      i += 1;
    } else if (zone === 0x2b || zone === 0x2d) {
      const hours = twoDigits(buffer, i + 1);
      if (i + 3 > end || hours < 0 || hours > 23) return false;
      i += 3;
      if (i < end && buffer[i] === 0x3a) i += 1;
      const minutes = i + 2 <= end ? twoDigits(buffer, i) : -1;
      if (minutes < 0 || minutes > 59) return false;
      i += 2;
      offsetMinutes = (hours * 60 + minutes) * (zone === 0x2d ? -1 : 1);
    }
  }
  if (i !== end) return false;
  cell.kind = DATETIME;
  cell.value = days * 86_400_000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + Math.floor(millis);
  return true;
}

const TRUE_TEXT = Buffer.from('true');
const FALSE_TEXT = Buffer.from('false');

/**
 * Classifies a typed value (JSON Lines, Parquet) into `cell`. Text is written into `scratch` (grown as
 * needed and returned) and classified as a quoted CSV field would be: never a null marker.
 */
export function classifyValue(cell: Cell, value: unknown, scratch: Buffer): Buffer {
  if (value === null || value === undefined) {
    cell.kind = NULL;
    cell.start = cell.end = 0;
    return scratch;
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) {
      cell.kind = NULL;
      return scratch;
    }
    const text = String(value);
    scratch = ensure(scratch, text.length);
    const length = scratch.write(text, 0, 'latin1');
    cell.buffer = scratch;
    cell.start = 0;
    cell.end = length;
    // ±Infinity is text, as 1e400 in a CSV file is: no statistic or bound can take it.
    cell.kind = !Number.isFinite(value) ? TEXT : Number.isInteger(value) && !/[.e]/.test(text) ? INTEGER : NUMBER;
    cell.value = value === 0 ? 0 : value;
    return scratch;
  }
  if (typeof value === 'boolean') {
    const text = value ? TRUE_TEXT : FALSE_TEXT;
    cell.kind = BOOLEAN;
    cell.value = value ? 1 : 0;
    cell.buffer = text;
    cell.start = 0;
    cell.end = text.length;
    return scratch;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  scratch = ensure(scratch, text.length * 3);
  const length = scratch.write(text, 0, 'utf8');
  classifyBytes(cell, scratch, 0, length, true);
  return scratch;
}

function ensure(scratch: Buffer, bytes: number): Buffer {
  return scratch.length >= bytes ? scratch : Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2, 256));
}

/** Unicode code points in UTF-8 bytes [start, end): bytes that are not continuation bytes. */
export function codePointLength(buffer: Buffer, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i += 1) if ((buffer[i]! & 0xc0) !== 0x80) count += 1;
  return count;
}

/** The cell's text as written (numbers as their shortest text for typed values). */
export function cellText(cell: Cell): string {
  return cell.buffer.toString('utf8', cell.start, cell.end);
}

/**
 * cellText for a test that does not keep the string: a slice of the already decoded text when there
 * is one (it may share that text's memory, so it is not for keeping).
 */
export function transientText(cell: Cell): string {
  if (cell.decodedFrom === cell.buffer) return cell.decoded.slice(cell.start - cell.decodedBase, cell.end - cell.decodedBase);
  return cell.buffer.toString('utf8', cell.start, cell.end);
}
