import type { PostMortemModel } from './document.js';
import { walkBlocks } from './markdown.js';

/**
 * Inline comments that silence findings, as ESLint's do:
 *
 * - `<!-- postmortem-disable CODE… -->` from its line to a matching `postmortem-enable`
 *   (or the end). Before any other content of the body it also covers the frontmatter
 *   and the title: that is the "whole file" form.
 * - `<!-- postmortem-enable CODE… -->` ends a disabled stretch from its line on.
 * - `<!-- postmortem-disable-next-line CODE… -->` covers the line after it.
 *
 * CODE is a finding code (`action.vague`), a prefix with `*` (`action.*`), or nothing
 * (every code). Several codes are separated by spaces or commas. Comments inside
 * code blocks are text, not directives.
 */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Code patterns; empty means every code. */
  codes: string[];
  line: number;
}

export interface Suppressions {
  directives: Directive[];
  /** True when a finding with `code` starting on `line` is silenced. */
  isSuppressed(code: string, line: number): boolean;
}

const KIND = /\s*postmortem-(disable-next-line|disable|enable)\b/y;

/**
 * Reads the directives of a document once; `isSuppressed` is then a binary search.
 * Everything here is linear in the document: 1 MB of disable/enable pairs once took
 * seconds per analysis (issue 17).
 */
export function suppressionsOf(model: PostMortemModel): Suppressions {
  const directives = readDirectives(model);
  if (!directives.length) return { directives, isSuppressed: () => false };
  const firstContent = firstContentLine(model);
  const nextLine = new Map<number, Directive[]>();
  const stretches: Directive[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      const list = nextLine.get(d.line + 1);
      if (list) list.push(d);
      else nextLine.set(d.line + 1, [d]);
    } else stretches.push(d);
  }
  // A stretch counts from its line, or from the top for a disable before any content.
  // The last disable/enable that names a code, among those before the first stretch
  // starting after the line, decides: `reach[k]` is the furthest start among the first k+1.
  const from = stretches.map((d) => (d.kind === 'disable' && d.line <= firstContent ? 0 : d.line));
  const reach: number[] = [];
  for (let k = 0; k < from.length; k++) reach.push(Math.max(from[k]!, k > 0 ? reach[k - 1]! : 0));
  // Per code asked about: the indices of the stretches that name it.
  const naming = new Map<string, number[]>();
  const namingFor = (code: string): number[] => {
    let list = naming.get(code);
    if (!list) {
      list = [];
      for (let k = 0; k < stretches.length; k++) if (matches(stretches[k]!.codes, code)) list.push(k);
      naming.set(code, list);
    }
    return list;
  };
  return {
    directives,
    isSuppressed(code: string, line: number): boolean {
      if (nextLine.get(line)?.some((d) => matches(d.codes, code))) return true;
      const cut = firstAbove(reach, line);
      const list = namingFor(code);
      const last = lastBelow(list, cut);
      return last >= 0 && stretches[list[last]!]!.kind === 'disable';
    },
  };
}

/** The first index whose value exceeds `line` in a non-decreasing list (its length when none does). */
function firstAbove(sorted: readonly number[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > line) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The position of the last value below `limit` in an ascending list, or -1. */
function lastBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function matches(patterns: readonly string[], code: string): boolean {
  if (!patterns.length) return true;
  return patterns.some((p) => p === code || p === '*' || (p.endsWith('*') && code.startsWith(p.slice(0, -1))));
}

/** The directives of the document in line order, skipping code blocks and the frontmatter. */
function readDirectives(model: PostMortemModel): Directive[] {
  const { lines } = model;
  if (!lines.text.includes('postmortem-')) return [];
  const code = new Set<number>();
  walkBlocks(model.blocks, (b) => {
    if (b.kind === 'code') for (let l = b.startLine; l < b.endLine; l++) code.add(l);
  });
  const out: Directive[] = [];
  const start = model.frontmatter ? model.frontmatter.endLine + 1 : 0;
  for (let line = start; line < lines.lineCount; line++) {
    if (code.has(line)) continue;
    const text = lines.lineText(line);
    if (!text.includes('postmortem-')) continue;
    for (const { kind, codes } of directivesIn(text)) out.push({ kind, codes: codes.split(/[\s,]+/).filter(Boolean), line });
  }
  return out;
}

/**
 * The directives of one line, as `/<!--\s*postmortem-(disable-next-line|disable|enable)\b([^]*?)-->/g`
 * finds them, in one pass: once no `-->` follows, no later comment can close either.
 */
function directivesIn(text: string): Array<{ kind: Directive['kind']; codes: string }> {
  const out: Array<{ kind: Directive['kind']; codes: string }> = [];
  let i = text.indexOf('<!--');
  while (i >= 0) {
    KIND.lastIndex = i + 4;
    const m = KIND.exec(text);
    if (m) {
      const close = text.indexOf('-->', KIND.lastIndex);
      if (close < 0) break;
      out.push({ kind: m[1] as Directive['kind'], codes: text.slice(KIND.lastIndex, close) });
      i = text.indexOf('<!--', close + 3);
    } else {
      i = text.indexOf('<!--', i + 1);
    }
  }
  return out;
}

/** The first body line that is neither blank nor only HTML comments (lineCount when there is none). */
export function firstContentLine(model: PostMortemModel): number {
  const { lines } = model;
  const start = model.frontmatter ? model.frontmatter.endLine + 1 : 0;
  for (let line = start; line < lines.lineCount; line++) {
    if (!onlyComments(lines.lineText(line))) return line;
  }
  return lines.lineCount;
}

/** True when a line is blank once its closed `<!-- … -->` comments are removed (in one pass, as `/<!--[^]*?-->/g` removes them). */
function onlyComments(text: string): boolean {
  let p = 0;
  for (;;) {
    const open = text.indexOf('<!--', p);
    const close = open < 0 ? -1 : text.indexOf('-->', open + 4);
    const end = close < 0 ? text.length : open;
    if (text.slice(p, end).trim()) return false;
    if (close < 0) return true;
    p = close + 3;
  }
}
