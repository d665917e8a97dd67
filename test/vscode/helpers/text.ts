/** Comparing a document's text before and after an insert-only edit. */

/** The lines of `text`, whatever its line endings. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Where each line of `before` is in `after`, matching lines in order (an insert-only edit keeps
 * them all): `map[i]` is the 0-based line in `after` of line `i` of `before`, or -1 from the first
 * line that `after` lost.
 */
export function lineMapping(before: string, after: string): number[] {
  const kept = linesOf(after);
  const map: number[] = [];
  let at = 0;
  for (const line of linesOf(before)) {
    while (at < kept.length && kept[at] !== line) at++;
    map.push(at < kept.length ? at : -1);
    at++;
  }
  return map;
}

/** The first line of `before` that `after` lost, or undefined when every line is still there, in order. */
export function firstLostLine(before: string, after: string): string | undefined {
  const map = lineMapping(before, after);
  const lost = map.indexOf(-1);
  return lost === -1 ? undefined : linesOf(before)[lost];
}

/**
 * The first line of `before` that `after` no longer has as many times, in any order, or
 * undefined: the check for edits that move text (a sort) as well as insert it.
 */
export function firstMissingLine(before: string, after: string): string | undefined {
  const counts = new Map<string, number>();
  for (const line of linesOf(after)) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const line of linesOf(before)) {
    const n = counts.get(line) ?? 0;
    if (n === 0) return line;
    counts.set(line, n - 1);
  }
  return undefined;
}

/** The lines of `after` that `before` does not have (an insert-only edit's new lines). */
export function addedLines(before: string, after: string): string[] {
  const kept = new Set(lineMapping(before, after));
  return linesOf(after).filter((_, i) => !kept.has(i));
}
