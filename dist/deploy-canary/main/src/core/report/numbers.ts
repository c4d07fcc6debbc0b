/**
 * Numbers for people: metric values, signed changes, percentages and intervals, as the gate's reasons
 * and the report show them. Negative numbers use the real minus sign (U+2212); NaN is `n/a`.
 *
 * Values keep 4 significant digits, except that numbers of 1000 and above keep one decimal
 * (1234.6) rather than being rounded to tens; magnitudes below 10⁻⁴ or from 10⁹ are written in
 * exponent form (1.2e-5). Trailing zeros are dropped (0.80 → 0.8).
 */

export const MINUS = '\u2212';

/** A formatter with an optional number of significant digits. */
export type NumberFormat = (x: number, digits?: number) => string;

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * |x| (finite, ≥ 0) with `digits` significant digits, but at least `minDecimals` decimals from 1
 * upwards, and never more digits than the shortest text that reads back as the same number.
 */
function magnitude(a: number, digits: number, minDecimals: number): string {
  if (a === 0) return '0';
  if (a < 1e-4 || a >= 1e9) {
    const shortest = (a.toExponential().split('e')[0] ?? '').replace('.', '').length;
    const [mantissa = '', exponent = '0'] = a.toExponential(Math.min(digits, shortest) - 1).split('e');
    return `${trimZeros(mantissa)}e${Number(exponent)}`;
  }
  const shortestDecimals = String(a).split('.')[1]?.length ?? 0;
  if (a >= 1) {
    const integerDigits = String(Math.floor(a)).length;
    return trimZeros(a.toFixed(Math.min(shortestDecimals, Math.max(minDecimals, digits - integerDigits))));
  }
  const shortestDigits = String(a).replace(/^0\.0*/, '').length;
  return trimZeros(a.toPrecision(Math.min(digits, shortestDigits)));
}

function signed(x: number, digits: number, minDecimals: number, plus: string, suffix = ''): string {
  if (Number.isNaN(x)) return 'n/a';
  if (x === 0) return `${plus === '' ? '' : '±'}0${suffix}`;
  const sign = x < 0 ? MINUS : plus;
  const body = Number.isFinite(x) ? magnitude(Math.abs(x), digits, minDecimals) : '∞';
  return `${sign}${body}${suffix}`;
}

/** A metric value: 0.8312, 12.35, 1234.6, 1.2e-5, −0.05; NaN → `n/a`, ±Infinity → `∞`, `−∞`. */
export function formatValue(x: number, digits = 4): string {
  return signed(x, digits, 1, '');
}

/** A change, always signed: +0.0123, −0.031; exactly zero is `±0`, NaN is `n/a`. */
export function formatDelta(x: number, digits = 4): string {
  return signed(x, digits, 1, '+');
}

export interface PercentOptions {
  /** Significant digits; default 3. */
  digits?: number;
  /** Write a + before positive values and ± before zero; default true. */
  signed?: boolean;
}

/**
 * A fraction as a percentage with 3 significant digits (no decimals are cut from the integer part):
 * 0.0312 → +3.12%, −0.5 → −50%, 0.0006 → +0.06%, 12.345 → +1235%; zero is ±0%, NaN is `n/a`.
 */
export function formatPercent(fraction: number, options: PercentOptions = {}): string {
  const { digits = 3, signed: withSign = true } = options;
  return signed(fraction * 100, digits, 0, withSign ? '+' : '', '%');
}

/**
 * Formats `a` and `b` with `format`, starting at `digits` significant digits and adding more (up to
 * 17) until two different numbers read differently, so a message never says "0.8 is below the
 * minimum 0.8".
 */
export function formatApart(a: number, b: number, format: NumberFormat = formatValue, fromDigits = 4): [string, string] {
  let digits = fromDigits;
  let pair: [string, string] = [format(a, digits), format(b, digits)];
  while (a !== b && pair[0] === pair[1] && digits < 17) {
    digits += 1;
    pair = [format(a, digits), format(b, digits)];
  }
  return pair;
}

/** An interval as `[−0.045, −0.018]`; ends that would read the same get more digits. */
export function formatInterval(interval: readonly [number, number], format: NumberFormat = formatValue): string {
  const [low, high] = formatApart(interval[0], interval[1], format);
  return `[${low}, ${high}]`;
}
