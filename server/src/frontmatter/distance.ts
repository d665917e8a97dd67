/** Edit distance between two short strings (insertions, deletions, substitutions), capped: above `max` returns max + 1. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** The one candidate nearest to `value` within `max` edits, or undefined when there is none or a tie. */
export function uniquelyClosest(value: string, candidates: readonly string[], max: number, ignoreCase = false): string | undefined {
  const v = ignoreCase ? value.toLowerCase() : value;
  const scored = candidates.map((c) => ({ c, d: editDistance(v, ignoreCase ? c.toLowerCase() : c, max) })).filter((x) => x.d <= max);
  const best = Math.min(...scored.map((x) => x.d));
  const at = scored.filter((x) => x.d === best);
  return at.length === 1 && (at[0]!.d > 0 || ignoreCase) ? at[0]!.c : undefined;
}
