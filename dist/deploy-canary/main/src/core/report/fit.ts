/**
 * Fitting Markdown into a size limit (GitHub comments, check-run summaries, job summaries) without
 * producing broken Markdown: the cut falls on the last line break that fits (mid-line only when a
 * single line is longer than the limit), never inside a UTF-16 surrogate pair or a UTF-8 sequence,
 * an open code fence is closed, and a notice says what was left out and where to find it.
 */

export type SizeUnit = 'chars' | 'bytes';

/** Length in UTF-16 code units, which bounds GitHub's character count from above. */
function measure(text: string, unit: SizeUnit): number {
  return unit === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}

function cutToUnits(text: string, units: number, unit: SizeUnit): string {
  if (unit === 'chars') {
    let end = Math.max(0, units);
    const last = text.charCodeAt(end - 1);
    if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
    return text.slice(0, end);
  }
  const bytes = Buffer.from(text, 'utf8').subarray(0, Math.max(0, units));
  // Dropping a partial trailing character: decode and re-encode drops the replacement character.
  const decoded = bytes.toString('utf8');
  return decoded.endsWith('\uFFFD') && !text.startsWith(decoded) ? decoded.slice(0, -1) : decoded;
}

function openFence(text: string): string | undefined {
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (match === null) continue;
    const marker = match[1] as string;
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
  }
  return fence;
}

export interface FitResult {
  text: string;
  trimmed: boolean;
}

/**
 * Returns `text` unchanged when it fits in `limit`, otherwise its longest prefix ending at a line
 * break that fits together with `notice` (and a fence closer when needed). O(n) in the text length.
 */
export function fitToLimit(text: string, limit: number, notice: string, unit: SizeUnit = 'chars'): FitResult {
  if (measure(text, unit) <= limit) return { text, trimmed: false };
  const tail = `\n\n${notice}\n`;
  let room = limit - measure(tail, unit);
  while (room > 0) {
    let kept = cutToUnits(text, room, unit);
    const lineBreak = kept.lastIndexOf('\n');
    if (lineBreak > 0) kept = kept.slice(0, lineBreak);
    const fence = openFence(kept);
    const closer = fence === undefined ? '' : `\n${fence}`;
    const fitted = `${kept}${closer}${tail}`;
    if (measure(fitted, unit) <= limit) return { text: fitted, trimmed: true };
    room -= Math.max(1, measure(closer, unit)); // make room for the fence closer and try once more
  }
  throw new RangeError(`The limit ${limit} leaves no room for the trim notice.`);
}
