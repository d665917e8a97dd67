import type { Block } from '../model/markdown.js';
import { walkBlocks } from '../model/markdown.js';
import { isWithin, sectionBlocks, type PostMortemModel } from '../model/document.js';
import { replaceComments } from '../model/spans.js';
import { milestoneIn } from '../timeline/entry-text.js';
import type { Rule } from './types.js';
import guidanceData from '../data/template-guidance.json';

/**
 * Template text left behind: TODO/TBD/FIXME/XXX, lorem ipsum, a clock time with
 * placeholder minutes, a section that only says "TBA", and `{…}`, `<…>` or `[…]`
 * prompts that make up a whole line or cell. Never inside code, quotes, links, HTML
 * comments or the action tables (their "TBD" owner is action.owner-missing's), and
 * never a marker the timeline reads (`<START OF OUTAGE>`, `[detected]`).
 */
export const sectionPlaceholder: Rule = {
  codes: {
    'section.placeholder': { severity: 'warning', description: 'Template text (TODO, TBD, a {prompt}) is left in the post-mortem.' },
  },
  check({ model, report }) {
    const seen = new Set<number>();
    const actions = actionBlocks(model);
    const actionTables = new Set(actions.filter((b) => b.kind === 'table'));
    const actionLines = new Set(actions.flatMap((b) => range(b.startLine, b.endLine)));
    const scanLine = (line: number, mode: Mode) => {
      if (seen.has(line)) return;
      seen.add(line);
      const hit = placeholderAt(model.lines.lineText(line), mode, actionLines.has(line));
      if (hit) {
        report({
          code: 'section.placeholder',
          message: `Template text left in: ${hit.what}. Replace it with what happened.`,
          range: { start: { line, character: hit.start }, end: { line, character: hit.end } },
        });
      }
    };
    walkBlocks(model.blocks, (block: Block) => {
      if (block.kind === 'paragraph') {
        if (insideQuote(model, block.startLine)) return;
        const whole = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(TBA|TBC|TBD|TODO|To be (?:added|announced|confirmed|determined|written|completed)|Coming soon)\.?\s*$/i;
        if (block.endLine - block.startLine === 1 && whole.test(model.lines.lineText(block.startLine))) {
          const text = model.lines.lineText(block.startLine);
          const m = whole.exec(text)!;
          const start = text.indexOf(m[1]!);
          seen.add(block.startLine);
          report({
            code: 'section.placeholder',
            message: `Template text left in: "${m[1]}". Replace it with what happened.`,
            range: { start: { line: block.startLine, character: start }, end: { line: block.startLine, character: start + m[1]!.length } },
          });
          return;
        }
        const guidance = templateGuidance(model, block.startLine, block.endLine);
        if (guidance) {
          const text = model.lines.lineText(block.startLine);
          const start = text.length - text.trimStart().length;
          seen.add(block.startLine);
          report({
            code: 'section.placeholder',
            message: `Template text left in: "${short(guidance.sentence)}", the guidance of ${guidance.template}. Replace it with what happened.`,
            range: { start: { line: block.startLine, character: start }, end: { line: block.startLine, character: text.trimEnd().length } },
          });
        }
        for (let line = block.startLine; line < block.endLine; line++) scanLine(line, 'prose');
      } else if (block.kind === 'html') {
        for (let line = block.startLine; line < block.endLine; line++) scanLine(line, 'html');
      } else if (block.kind === 'table' && !actionTables.has(block)) {
        for (const row of [block.header, ...block.rows]) scanLine(row.line, 'cells');
      }
    });
  },
};

type Mode = 'prose' | 'cells' | 'html';

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const GUIDANCE = guidanceData.templates.flatMap((t) => t.sentences.map((sentence) => ({ sentence, template: t.name, text: normalise(sentence) })));
/** The first word of every guidance sentence: a paragraph that starts with none of them is skipped without joining its lines. */
const GUIDANCE_FIRST = new Set(GUIDANCE.map((g) => g.text.split(' ')[0]!));

/** A paragraph that starts with a known template's guidance (data/template-guidance.json), or undefined. */
export function templateGuidance(model: PostMortemModel, startLine: number, endLine: number): { sentence: string; template: string } | undefined {
  const first = /^\s*(\S+)/.exec(model.lines.lineText(startLine))?.[1]?.toLowerCase();
  if (!first || !GUIDANCE_FIRST.has(first)) return undefined;
  const lines: string[] = [];
  for (let line = startLine; line < endLine; line++) lines.push(model.lines.lineText(line));
  const text = normalise(lines.join(' '));
  return GUIDANCE.find((g) => text.startsWith(g.text));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** Blocks in the action sections (whose blanks the action checks report). */
function actionBlocks(model: PostMortemModel): Block[] {
  const main = model.canonical.get('preventive-actions');
  // A "TODO:" label is itself template text, whatever list follows it.
  if (!main || main.weak || WORDS.test(main.title)) return [];
  const parts = model.allSections.filter((s) => s === main || s.canonical === 'preventive-actions' || s.also.includes('preventive-actions') || isWithin(s, main));
  return parts.flatMap((s) => sectionBlocks(model, s));
}

/** True when a line sits in a block quote (someone's words, quoted). */
function insideQuote(model: PostMortemModel, line: number): boolean {
  return /^\s*>/.test(model.lines.lineText(line));
}

const MARKERS = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]?\]\s*)?)?/;
const WORDS = /(?<![\w.\-/])(TODO|TBD|FIXME|XXX)(?![\w\-/]|\.\w)/;
/** In an action, "TBD" is an owner or date not yet decided: the action checks report it. */
const ACTION_WORDS = /(?<![\w.\-/])(TODO|FIXME|XXX)(?![\w\-/]|\.\w)/;
const LOREM = /\blorem ipsum\b/i;
const TIME = /(?<![\w:])(?:[01]?\d|2[0-3]):(?:XX|xx|\?\?)(?![\w?])|\?\?:\?\?/;
/** A number left as a letter: "wait approximately 'x' minutes", "about X hours", "'N' days". */
// The look-behind comes after the letter and is bounded, so it is tried only at an "x" and reads
// at most a few characters: before it, on a run of 300,000 spaces, it made the line quadratic.
const QUANTITY = /(?:['‘][xXnN]['’]|[xX](?<=\b(?:approximately|about|around|roughly|wait|waited|took|takes|lasted)\s{1,3}[xX]))\s{1,3}(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b/;
const LABEL = /^[\p{L}][\p{L}\p{N} ()/-]{0,40}:\s*/u;

/**
 * Every kind of template text needs one of these (case aside), so a line without
 * any is skipped with one scan: most lines of a long timeline have none.
 */
const MAYBE = /todo|tbd|fixme|xxx|lorem|:xx|\?\?|[{<[]|\b[xn]['’]?\s{1,3}(?:sec|min|hour|hr|day|week|month)/i;

export interface PlaceholderHit {
  what: string;
  start: number;
  end: number;
}

/** The template text in a line (offsets in it), or undefined. */
export function placeholderAt(rawLine: string, mode: Mode, inAction = false): PlaceholderHit | undefined {
  if (!MAYBE.test(rawLine)) return undefined;
  const line = mask(rawLine);
  if (mode !== 'html') {
    const words = line.replace(/"[^"\n]{0,300}"|“[^”\n]{0,300}”/g, (m) => ' '.repeat(m.length));
    for (const re of [inAction ? ACTION_WORDS : WORDS, LOREM, TIME, QUANTITY]) {
      const m = re.exec(words);
      if (m) return { what: `"${m[0]}"`, start: m.index, end: m.index + m[0].length };
    }
  }
  let offset = 0;
  const parts = mode === 'cells' ? line.split(/(?<!\\)\|/) : [line];
  for (const part of parts) {
    const lead = MARKERS.exec(part)?.[0].length ?? 0;
    const body = part.slice(lead);
    const text = body.trim();
    const labelled = text.replace(LABEL, '');
    const prompt = promptIn(text) ? text : promptIn(labelled) ? labelled : undefined;
    if (prompt) {
      const start = offset + lead + body.indexOf(prompt);
      return { what: `"${short(prompt)}"`, start, end: start + prompt.length };
    }
    offset += part.length + 1;
  }
  return undefined;
}

/** Describes the template text in a line, or returns undefined. `cells` splits table rows at pipes. */
export function placeholderIn(rawLine: string, cells: boolean): string | undefined {
  return placeholderAt(rawLine, cells ? 'cells' : 'prose')?.what;
}

/** Code spans, links (text and target), URLs and HTML comments blanked, offsets kept. */
function mask(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return replaceComments(line, blank)
    .replace(/(`+)[^`]*?\1/g, blank)
    .replace(/!?\[[^[\]\n]{0,300}\]\([^()\s]{0,500}(?:\s+"[^"]{0,200}")?\)/g, blank)
    .replace(/\[[^[\]\n]{1,300}\]\[[^[\]\n]{0,300}\]/g, blank)
    .replace(/<(?:https?|mailto):[^>\s<]*>/gi, blank)
    .replace(/\bhttps?:\/\/[^\s)>\]]+/gi, blank);
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39).trimEnd()}…` : s;
}

/** Words a template's prompt starts with: an instruction to the writer, or what to fill in. */
const PROMPT_START =
  /^(?:insert|add|describe|enter|fill|list|explain|summari[sz]e|write|replace|include|provide|link|paste|give|state|your|name\s+of|short|brief|a\s+short|a\s+brief|one\s+or\s+two|e\.g\.|example|todo|tbd|placeholder|who|what|when|where|why|how)\b/i;

/** A whole `{…}`, `<…>` or `[…]` prompt (or the first line of one that continues), or undefined. */
function promptIn(text: string): boolean {
  if (!text || !/\p{Ll}/u.test(text)) return false; // <START OF OUTAGE>, [REDACTED]: markers, not prompts
  if (milestoneIn(text)) return false;
  if (bracePrompt(text)) {
    // Not Liquid/Jinja ({% … %}, {{ … }}, {# … #}), a kramdown attribute list ({: .table }, {:toc}) nor a JSON object or log line.
    return !/^\{[{%#:]/.test(text) && !/^\{\s*["']/.test(text) && !/["']\s*:/.test(text) && !/=/.test(text);
  }
  if (bracketPrompt(text)) return PROMPT_START.test(text.slice(1).trim()) && !/^\[[ xX]\]$/.test(text);
  const angle = angleTag(text);
  return !!angle && isPromptTag(angle.name, angle.rest);
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
  if (/[="]/.test(rest)) return false; // attributes: HTML, or a tag of some template language
  if (!HTML_ELEMENTS.has(name.toLowerCase())) return true;
  // <a description of the impact>: an element name followed by prose, not attributes.
  return rest.trim().split(/\s+/).filter(Boolean).length >= 2;
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
