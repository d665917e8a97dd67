import type { Block } from '../model/markdown.js';
import { walkBlocks } from '../model/markdown.js';
import type { Rule } from './types.js';

export const sectionPlaceholder: Rule = {
  codes: {
    'section.placeholder': { severity: 'warning', description: 'Template text (TODO, TBD, a {prompt}) is left in the post-mortem.' },
  },
  check({ model, report }) {
    const seen = new Set<number>();
    const scanLine = (line: number, cells: boolean) => {
      if (seen.has(line)) return;
      seen.add(line);
      const what = placeholderIn(model.lines.lineText(line), cells);
      if (what) {
        report({
          code: 'section.placeholder',
          message: `Template text left in the post-mortem: ${what}. Replace it with what happened.`,
          range: model.lines.trimmedLineRange(line),
        });
      }
    };
    walkBlocks(model.blocks, (block: Block) => {
      if (block.kind === 'paragraph' || block.kind === 'html') {
        for (let line = block.startLine; line < block.endLine; line++) scanLine(line, false);
      } else if (block.kind === 'table') {
        for (const row of [block.header, ...block.rows]) scanLine(row.line, true);
      }
    });
  },
};

const MARKERS = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]?\]\s*)?)?/;
const WORDS = /\b(TODO|TBD|FIXME|XXX)\b/;
const LOREM = /\blorem ipsum\b/i;
const LABEL = /^[\p{L}][\p{L}\p{N} ()/-]{0,40}:\s*/u;

/**
 * Every kind of template text needs one of these (case aside), so a line without
 * any is skipped with one scan: most lines of a long timeline have none.
 */
const MAYBE = /todo|tbd|fixme|xxx|lorem|[{<[]/i;

/** Describes the template text in a line, or returns undefined. `cells` splits table rows at pipes. */
export function placeholderIn(rawLine: string, cells: boolean): string | undefined {
  if (!MAYBE.test(rawLine)) return undefined;
  const line = rawLine.replace(/`[^`]*`/g, '``');
  const word = WORDS.exec(line);
  if (word) return `"${word[1]}"`;
  if (LOREM.test(line)) return '"lorem ipsum"';
  const parts = cells ? line.split(/(?<!\\)\|/) : [line];
  for (const part of parts) {
    const text = part.replace(MARKERS, '').trim();
    const prompt = promptIn(text) ?? promptIn(text.replace(LABEL, ''));
    if (prompt) return `the prompt ${prompt}`;
  }
  return undefined;
}

/** A whole `{…}`, `<…>` or `[…]` prompt, or the first line of one that continues. */
function promptIn(text: string): string | undefined {
  if (!text) return undefined;
  const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  if (bracePrompt(text) && !/^\{\{/.test(text)) return `"${short(text)}"`;
  if (bracketPrompt(text) && !/^\[[ xX]\]$/.test(text)) return `"${short(text)}"`;
  const angle = angleTag(text);
  if (angle && isPromptTag(angle.name, angle.rest)) return `"${short(text)}"`;
  return undefined;
}

// The three shapes below are tested in linear time: the regular expressions they
// replace (noted on each) backtracked quadratically on a long line with no closer.
const LETTER = /\p{L}/u;

/** `{…}` with a letter inside and no other brace, the closing one optional: /^\{[^{}]*\p{L}[^{}]*\}?$/u. */
export function bracePrompt(text: string): boolean {
  if (text.charCodeAt(0) !== 0x7b /* { */) return false;
  const body = text.length > 1 && text.endsWith('}') ? text.slice(1, -1) : text.slice(1);
  return !/[{}]/.test(body) && LETTER.test(body);
}

/** `[…]` with a letter inside and no other closing bracket: /^\[[^\]]*\p{L}[^\]]*\]$/u. */
export function bracketPrompt(text: string): boolean {
  if (text.charCodeAt(0) !== 0x5b /* [ */ || text.length < 2 || !text.endsWith(']')) return false;
  const body = text.slice(1, -1);
  return !body.includes(']') && LETTER.test(body);
}

/** A tag name and what follows it up to an optional final `>`: /^<([A-Za-z][\w-]*)([^<>]*)(>?)$/. */
export function angleTag(text: string): { name: string; rest: string } | undefined {
  const head = /^<([A-Za-z][\w-]*)/.exec(text);
  if (!head) return undefined;
  const tail = text.slice(head[0].length);
  const rest = tail.endsWith('>') ? tail.slice(0, -1) : tail;
  return /[<>]/.test(rest) ? undefined : { name: head[1]!, rest };
}

function isPromptTag(name: string, rest: string): boolean {
  if (/[:@/]/.test(name + rest.slice(0, 1))) return false; // <https://…>, <a@b.c>, <br/>
  if (!HTML_ELEMENTS.has(name.toLowerCase())) return true;
  // <a description of the impact>: an element name followed by prose, not attributes.
  return !rest.includes('=') && rest.trim().split(/\s+/).filter(Boolean).length >= 2;
}

const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head ' +
    'header hr html i iframe img input ins kbd label legend li link main map mark meta meter nav noscript object ol optgroup option ' +
    'output p param picture pre progress q rp rt ruby s samp script section select small source span strike strong style sub summary ' +
    'sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr math'
  ).split(' '),
);
