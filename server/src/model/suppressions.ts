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

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable|enable)\b([^]*?)-->/g;

/** Reads the directives of a document once; `isSuppressed` is then a cheap lookup. */
export function suppressionsOf(model: PostMortemModel): Suppressions {
  const directives = readDirectives(model);
  if (!directives.length) return { directives, isSuppressed: () => false };
  const firstContent = firstContentLine(model);
  const nextLine = new Map<number, Directive[]>();
  const stretches: Directive[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-next-line') nextLine.set(d.line + 1, [...(nextLine.get(d.line + 1) ?? []), d]);
    else stretches.push(d);
  }
  return {
    directives,
    isSuppressed(code: string, line: number): boolean {
      if (nextLine.get(line)?.some((d) => matches(d.codes, code))) return true;
      // The last disable/enable before the line that names this code decides.
      let disabled = false;
      for (const d of stretches) {
        const from = d.kind === 'disable' && d.line <= firstContent ? 0 : d.line;
        if (from > line) break;
        if (matches(d.codes, code)) disabled = d.kind === 'disable';
      }
      return disabled;
    },
  };
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
    for (const m of text.matchAll(DIRECTIVE)) {
      const codes = m[2]!.split(/[\s,]+/).filter(Boolean);
      out.push({ kind: m[1] as Directive['kind'], codes, line });
    }
  }
  return out;
}

/** The first body line that is neither blank nor only an HTML comment (lineCount when there is none). */
export function firstContentLine(model: PostMortemModel): number {
  const { lines } = model;
  const start = model.frontmatter ? model.frontmatter.endLine + 1 : 0;
  for (let line = start; line < lines.lineCount; line++) {
    const t = lines.lineText(line).replace(/<!--[^]*?-->/g, '').trim();
    if (t) return line;
  }
  return lines.lineCount;
}
