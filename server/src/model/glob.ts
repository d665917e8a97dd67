/**
 * Glob matching in time linear in the path, for globs that come from workspace files
 * and settings (`files`). A glob compiled to a regular expression (picomatch) can
 * backtrack catastrophically: `**\/*a*a*a*a*a*a*a*a*.md` against a 64-character file
 * name took 87 s (issue 17). Here each segment is matched by the two-pointer wildcard
 * algorithm and `**` segments the same way over segments, so a glob costs at most
 * (its length) × (the path's length) character comparisons.
 *
 * The syntax is VS Code's: `*` (any characters but `/`), `?` (one), `**` as a whole
 * segment (any number of segments, none included), `[abc]`, `[a-z]`, `[!a]` / `[^a]`,
 * `{a,b}` (nested, `{1..3}` ranges; at most MAX_ALTERNATIVES expansions), `\` escapes,
 * and a leading `!` that negates the glob. Matching ignores case, and `*` matches
 * names that start with a dot.
 */

/** Brace expansions a glob may produce; more and the glob is refused (globProblem says why). */
export const MAX_ALTERNATIVES = 256;
/** Longer globs are refused: a real one is a few dozen characters. */
export const MAX_GLOB_LENGTH = 1024;

type Token = { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; ranges: Array<[number, number]> };
/** A segment pattern, or `**`. */
type Segment = Token[] | 'globstar';

interface Compiled {
  negated: boolean;
  alternatives: Segment[][];
}

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `the glob is longer than ${MAX_GLOB_LENGTH} characters`;
  if (expand(glob.startsWith('!') ? glob.slice(1) : glob) === undefined) return `the glob's braces expand to more than ${MAX_ALTERNATIVES} patterns`;
  return undefined;
}

/** A matcher for any of the globs (paths with forward slashes); globs with a problem match nothing. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const compiled = globs.map(compile).filter((c): c is Compiled => c !== undefined);
  return (path) => {
    const segments = fold(path).split('/');
    return compiled.some((c) => c.alternatives.some((alt) => matchPath(alt, segments)) !== c.negated);
  };
}

function compile(glob: string): Compiled | undefined {
  if (globProblem(glob)) return undefined;
  const negated = glob.startsWith('!');
  const alternatives = expand(negated ? glob.slice(1) : glob)!.map((alt) => splitSegments(alt).map(parseSegment));
  return { negated, alternatives };
}

/** Lower case, one UTF-16 unit at a time (so positions stay as they are). */
function fold(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

/** The glob's brace expansions (undefined when there would be more than MAX_ALTERNATIVES). */
function expand(glob: string): string[] | undefined {
  const out: string[] = [];
  const pending = [glob];
  while (pending.length) {
    const g = pending.pop()!;
    const brace = firstBrace(g);
    if (!brace) {
      out.push(g);
      if (out.length > MAX_ALTERNATIVES) return undefined;
      continue;
    }
    const before = g.slice(0, brace.open);
    const after = g.slice(brace.close + 1);
    for (const option of brace.options.reverse()) pending.push(before + option + after);
    if (pending.length + out.length > MAX_ALTERNATIVES) return undefined;
  }
  return out;
}

/** The first `{…}` with a top-level comma or a `..` range, and its options. */
function firstBrace(g: string): { open: number; close: number; options: string[] } | undefined {
  for (let i = 0; i < g.length; i++) {
    if (g[i] === '\\') {
      i++;
      continue;
    }
    if (g[i] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < g.length; j++) {
      const c = g[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        const body = g.slice(i + 1, j);
        if (commas.length) {
          const options: string[] = [];
          let from = i + 1;
          for (const k of commas) {
            options.push(g.slice(from, k));
            from = k + 1;
          }
          options.push(g.slice(from, j));
          return { open: i, close: j, options };
        }
        const range = rangeOptions(body);
        if (range) return { open: i, close: j, options: range };
        break;
      } else if (c === ',' && depth === 1) commas.push(j);
    }
  }
  return undefined;
}

/** `1..3`, `a..e` (and backwards): the values, or undefined for anything else or too many. */
function rangeOptions(body: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(body);
  if (!m) return undefined;
  const numeric = /\d/.test(m[1]!) && /\d/.test(m[2]!);
  if (!numeric && (/\d/.test(m[1]!) || /\d/.test(m[2]!))) return undefined;
  const from = numeric ? Number(m[1]) : m[1]!.charCodeAt(0);
  const to = numeric ? Number(m[2]) : m[2]!.charCodeAt(0);
  if (Math.abs(to - from) >= MAX_ALTERNATIVES) return undefined;
  const step = from <= to ? 1 : -1;
  const out: string[] = [];
  for (let v = from; v !== to + step; v += step) out.push(numeric ? String(v) : String.fromCharCode(v));
  return out;
}

/** Splits at `/` outside brackets; `\/` stays a character. */
function splitSegments(glob: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '/') {
      out.push(glob.slice(from, i));
      from = i + 1;
    }
  }
  out.push(glob.slice(from));
  return out;
}

function parseSegment(seg: string): Segment {
  if (seg === '**') return 'globstar';
  const tokens: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\' && i + 1 < seg.length) {
      tokens.push({ kind: 'char', c: fold(seg[++i]!) });
    } else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else if (c === '[') {
      const cls = parseClass(seg, i);
      if (cls) {
        tokens.push(cls.token);
        i = cls.end;
      } else tokens.push({ kind: 'char', c: '[' });
    } else {
      tokens.push({ kind: 'char', c: fold(c) });
    }
  }
  return tokens;
}

/** A bracket expression starting at `start`, or undefined when it is not closed (then `[` is a character). */
function parseClass(seg: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1;
  const negated = seg[i] === '!' || seg[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  let first = true;
  for (; i < seg.length; i++) {
    let c = seg[i]!;
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\' && i + 1 < seg.length) c = seg[++i]!;
    let to = c;
    if (seg[i + 1] === '-' && i + 2 < seg.length && seg[i + 2] !== ']') {
      to = seg[i + 2] === '\\' && i + 3 < seg.length ? seg[i + 3]! : seg[i + 2]!;
      i += seg[i + 2] === '\\' ? 3 : 2;
    }
    ranges.push([c.charCodeAt(0), to.charCodeAt(0)]);
  }
  return undefined;
}

function tokenMatches(t: Token, c: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.c === c;
    case 'any':
      return true;
    case 'star':
      return false;
    case 'class': {
      // The path is folded to lower case; a class may name upper-case letters.
      const codes = [c.charCodeAt(0), c.toUpperCase().charCodeAt(0)];
      const hit = t.ranges.some(([from, to]) => codes.some((code) => code >= from && code <= to));
      return hit !== t.negated;
    }
  }
}

/**
 * Wildcard matching with one backtracking point: on a mismatch, the last `*` takes
 * one more character. Each character is compared at most once per pattern token.
 */
function matchSegment(tokens: readonly Token[], s: string): boolean {
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < s.length) {
    const t = tokens[ti];
    if (t && t.kind === 'star') {
      starTi = ti++;
      starSi = si;
    } else if (t && tokenMatches(t, s[si]!)) {
      ti++;
      si++;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      si = ++starSi;
    } else {
      return false;
    }
  }
  while (tokens[ti]?.kind === 'star') ti++;
  return ti === tokens.length;
}

/** The same algorithm over segments, `**` standing for any run of them. */
function matchPath(pattern: readonly Segment[], path: readonly string[]): boolean {
  let pi = 0;
  let si = 0;
  let starPi = -1;
  let starSi = 0;
  while (si < path.length) {
    const p = pattern[pi];
    if (p === 'globstar') {
      starPi = pi++;
      starSi = si;
    } else if (p && matchSegment(p, path[si]!)) {
      pi++;
      si++;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      si = ++starSi;
    } else {
      return false;
    }
  }
  while (pattern[pi] === 'globstar') pi++;
  return pi === pattern.length;
}
