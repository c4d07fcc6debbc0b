/** Did-you-mean hints for names the user mistyped: in schema and policy files, and metric names. */

/** The candidate the user most likely meant: same letters ignoring case and separators, one or two typos, or a prefix. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (text: string): string => text.toLowerCase().replace(/[-_\s]/g, '');
  const target = norm(word);
  if (target === '') return undefined;
  const same = candidates.find((candidate) => norm(candidate) === target);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, norm(candidate));
    if (distance <= Math.max(1, Math.floor(norm(candidate).length / 3)) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  if (target.length < 3) return undefined;
  return candidates.find((candidate) => norm(candidate).startsWith(target) || target.startsWith(norm(candidate)));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** ` (did you mean "near"?)` to end a hint with, or nothing when there is no near candidate. */
export function didYouMean(near: string | undefined): string {
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

/** `use one of a, b, c`, with a did-you-mean when there is a near candidate. */
export function oneOfHint(values: readonly string[], near: string | undefined): string {
  return `use one of ${values.join(', ')}${didYouMean(near)}`;
}
