import type { PostMortemModel } from '../model/document.js';
import { walkBlocks, type Block, type ListItem } from '../model/markdown.js';
import { plainInline } from '../model/sections.js';
import { blankLinkTargets, replaceComments } from '../model/spans.js';

/**
 * Prose helpers for the content checks: which lines of a document are prose, and
 * their text with code, links' targets, URLs and HTML comments blanked out (same
 * length, so offsets stay those of the document).
 */

/** What every masked form needs: a backtick, a "<", a "](" or a URL's scheme. */
const MAY_HOLD_NON_PROSE = /[`<]|\{\/\*|\]\(|https?:\/\//i;

/** Replaces inline code, URLs, link targets, autolinks and HTML comments by spaces. */
export function maskNonProse(line: string): string {
  // Most prose lines hold none of these: no code span, tag, comment, autolink, link target or URL.
  if (!MAY_HOLD_NON_PROSE.test(line)) return line;
  const blank = (m: string) => ' '.repeat(m.length);
  // Comments and link targets by linear scans (model/spans.ts): the expressions rescanned
  // the rest of a long line from every unclosed opener. Autolinks contain no "<" (CommonMark).
  // A code span that holds only a date or a time ("On `2024-05-27` at `12:19 PM EST`") is that timestamp, written as data.
  const code = (m: string, ticks: string, inner: string) => (STAMP_ONLY.test(inner) ? ' '.repeat(ticks.length) + inner + ' '.repeat(ticks.length) : blank(m));
  return blankLinkTargets(replaceComments(line, blank).replace(/(`+)([^`]*?)\1/g, code))
    .replace(/<(?:https?|mailto):[^>\s<]*>/gi, blank)
    .replace(/\bhttps?:\/\/[^\s)>\]]+/gi, blank)
    .replace(/<\/?[A-Za-z][^<>]*>/g, blank);
}

/** A date, a time of day or both, with a zone: "2024-05-27", "12:19 PM EST", "2024-05-27T14:02:00Z", "14:02 UTC". */
const STAMP_ONLY = /^\s?(?=\d)(?:\d{4}-\d{2}-\d{2}(?:[T ](?=\d))?)?(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?\s?$/;

/**
 * Underscores of emphasis ("_On 2024-03-05 the API was down_", "__Impact__:") as spaces: "_" is a
 * word character, so the checks' word boundaries would not see the words they wrap. Underscores
 * inside a word (snake_case) stay.
 */
export function unemphasised(text: string): string {
  if (!text.includes('_')) return text;
  return text.replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, (m) => ' '.repeat(m.length));
}

/**
 * Typographic apostrophes and single quotes as the ASCII one ("didn’t" as "didn't"), one character
 * for one: the checks' words are written with "'", and a curly one would hide a negation
 * ("This wasn’t human error") or a past account ("We didn’t have alerts") from them.
 */
export function straightQuotes(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'");
}

/** A line of prose and where it is. */
export interface ProseLine {
  line: number;
  /** The document's line, masked with `maskNonProse`. */
  text: string;
}

/** The prose lines of some blocks (paragraphs, list items, table rows, quotes), once each, in order. */
export function proseLines(model: PostMortemModel, blocks: readonly Block[]): readonly ProseLine[] {
  // The whole document's are asked for by several checks (coverage, blame, language): read them once per model.
  if (blocks === model.blocks) {
    let all = whole.get(model);
    if (!all) whole.set(model, (all = readProseLines(model, blocks)));
    return all;
  }
  return readProseLines(model, blocks);
}

const whole = new WeakMap<PostMortemModel, readonly ProseLine[]>();

function readProseLines(model: PostMortemModel, blocks: readonly Block[]): ProseLine[] {
  const lines = new Set<number>();
  walkBlocks(blocks, (b) => {
    if (b.kind === 'paragraph') for (let l = b.startLine; l < b.endLine; l++) lines.add(l);
    else if (b.kind === 'table') for (const row of [b.header, ...b.rows]) lines.add(row.line);
  });
  return [...lines].sort((a, b) => a - b).map((line) => ({ line, text: straightQuotes(unemphasised(maskNonProse(model.lines.lineText(line)))) }));
}

/** The raw lines of a list item (its nested content included), with list markers and checkboxes removed, joined by spaces. */
export function itemSource(model: PostMortemModel, item: ListItem, skip?: (line: string) => boolean): string {
  const parts: string[] = [];
  for (let l = item.startLine; l < item.endLine; l++) {
    if (skip && l > item.startLine && skip(model.lines.lineText(l))) continue;
    const t = model.lines.lineText(l).replace(/^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])(?:\s+|$))?/, '').trim();
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

/** Plain text for messages and views: Markdown marks removed, white space collapsed. */
export function plainText(source: string): string {
  return plainInline(replaceComments(source, () => '')).replace(/\s+/g, ' ').trim();
}

/** Words with a letter in them. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
}
