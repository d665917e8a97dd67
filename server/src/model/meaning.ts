/**
 * What a heading or a label means: which of the six canonical sections it names,
 * recognised by its words rather than by a list of exact names. The words are data
 * (data/section-meanings.json, with examples that the tests check); this file only
 * applies them. See the data's $comment for the reading rules.
 */
import meaningData from '../data/section-meanings.json';
import type { SectionId } from './sections.js';
import { plainInline } from './sections.js';
import { replaceBracketed } from './spans.js';
import { fourDigitClocks } from '../time/parse.js';
import type { PostMortemModel } from './document.js';

export type Tier = 'strong' | 'weak';
/** A condition on the section's own text: `times` holds when entries start with a time of day. */
export type Condition = 'times';

interface MeaningEntry {
  section: SectionId | null;
  tier: Tier;
  when?: Condition;
  phrases: string[];
  examples: string[];
}

/** One possible reading of a part of a heading, in order of preference. */
export interface Reading {
  section: SectionId | null;
  tier: Tier;
  when?: Condition;
}

/** The longest heading read for its meaning, in characters. */
const MAX_HEADING = 300;

export const MEANINGS: readonly MeaningEntry[] = (meaningData.meanings as MeaningEntry[]).map((m) => ({ ...m }));

// One expression per phrase: an alternation would stop at its first alternative that matches ("root cause" before "root cause analysis").
const compiled = MEANINGS.flatMap((m, entry) => m.phrases.map((p) => ({ entry, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`, 'gu') })));

/**
 * The readings of each part of a heading, part by part ("What went wrong and how was
 * it fixed?" has two parts). A part with no phrase of the table has no readings.
 */
export function readHeading(text: string): Reading[][] {
  // A section's name is a few words; a heading of a paragraph's length names none (and stays cheap).
  if (text.length > MAX_HEADING || !/\p{L}{2}/u.test(text)) return [];
  // The same headings are read again on every edit of a document.
  const cached = readings.get(text);
  if (cached) return cached;
  const out = readUncached(text);
  if (readings.size >= CACHE_SIZE) readings.delete(readings.keys().next().value!);
  readings.set(text, out);
  return out;
}

const CACHE_SIZE = 4096;
const readings = new Map<string, Reading[][]>();

function readUncached(text: string): Reading[][] {
  const plain = plainInline(text).toLowerCase().replace(/[‘’']/g, '').replace(/\btl\s*;\s*dr\b/g, 'tldr');
  const out: Reading[][] = [];
  // Split without surrounding \s*: on a long run of spaces that would backtrack quadratically.
  for (const raw of plain.split(/,|\/|&|\+|\band\b/)) {
    let readings = readPart(normalisePart(raw));
    // "Working Theory (root cause)": the remark says what the part is when its words do not.
    if (!readings.length) {
      const remark = /\(([^()]*)\)/.exec(raw)?.[1];
      if (remark) readings = readPart(normalisePart(remark));
    }
    if (readings.length) out.push(readings);
  }
  return out;
}

/** Lower-case words only: remarks in brackets, numbering, emoji and punctuation removed. */
function normalisePart(raw: string): string {
  return replaceBracketed(raw, ' ')
    .replace(/^\s*(?:(?:step|part|section)\s+)?(?:\d+(?:\.\d+)*|[ivx]+)[.):]\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Match {
  entry: number;
  start: number;
  end: number;
}

// Any phrase at all: one scan turns away the many parts that hold none (timestamps, prose).
const ANY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${MEANINGS.flatMap((m) => m.phrases).join('|')})(?![\\p{L}\\p{N}])`, 'u');

function readPart(part: string): Reading[] {
  if (!part || !ANY.test(part)) return [];
  const matches: Match[] = [];
  for (const { entry, re } of compiled) {
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      matches.push({ entry, start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (!matches.length) return [];
  // Longest spans first, without overlaps; every entry matching a chosen span is an alternative reading of it.
  const spans: Array<{ start: number; end: number; entries: number[] }> = [];
  for (const m of [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    const same = spans.find((s) => s.start === m.start && s.end === m.end);
    if (same) {
      if (!same.entries.includes(m.entry)) same.entries.push(m.entry);
      continue;
    }
    if (spans.some((s) => m.start < s.end && s.start < m.end)) continue;
    spans.push({ start: m.start, end: m.end, entries: [m.entry] });
  }
  spans.sort((a, b) => a.start - b.start);
  // "X of Y" means X, unless a phrase spans the "of" ("Summary of events").
  const of = part.indexOf(' of ');
  let candidates = spans;
  if (of >= 0 && !spans.some((s) => s.start < of && s.end > of + 3)) {
    const before = spans.filter((s) => s.end <= of);
    if (before.length) candidates = before;
  }
  const head = candidates[candidates.length - 1]!;
  return head.entries.sort((a, b) => a - b).map((i) => ({ section: MEANINGS[i]!.section, tier: MEANINGS[i]!.tier, ...(MEANINGS[i]!.when ? { when: MEANINGS[i]!.when } : {}) }));
}

/** What a section's text offers the conditions. */
export interface ConditionFacts {
  times: boolean;
}

/**
 * The sections a heading names, each once, with the tier it is named by, given the
 * facts of the section's text: for each part, its first reading whose condition holds.
 */
export function sectionsNamed(text: string, facts: ConditionFacts): Array<{ id: SectionId; tier: Tier }> {
  const out: Array<{ id: SectionId; tier: Tier }> = [];
  for (const readings of readHeading(text)) {
    const r = readings.find((x) => !x.when || facts[x.when]);
    if (!r || !r.section) continue;
    const seen = out.find((o) => o.id === r.section);
    if (!seen) out.push({ id: r.section, tier: r.tier });
    else if (r.tier === 'strong') seen.tier = 'strong';
  }
  return out;
}

// A line that starts an entry with a time of day: a list item, a table row, a heading or
// a line, with emphasis, brackets, "At", "~" or a date before the time. A list item may be
// indented further ("    - 11:16 ::::: deploy": a list indented by mistake, which the timeline reads).
const TIMED_LINE =
  /^(?:\s{0,3}|\s+(?=[-*+]\s|\d{1,3}[.)]\s))(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+|\|\s*)?(?:\[[ xX]\]\s+)?(?:[*_`[(~]|at\s|on\s|around\s|approx\.?\s)*\s*(?:(?:\p{L}{3,9},?\s+)?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?(?:\s+\d{4})?)(?:[,\s]|--?|–|—)+(?:at\s+)?[*_`]*)?\d{1,2}[:.h]\d{2}(?![\d.])/iu;

/** True when at least two of the lines start with a time of day (entries of a timeline). */
export function hasTimedLines(lines: Iterable<string>): boolean {
  let n = 0;
  for (const line of lines) if (TIMED_LINE.test(line) && ++n >= 2) return true;
  return false;
}

const CLOCK = /(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])/g;

/** How many clock times ("09:41", "9:47") the lines mention, anywhere in them (code spans included). */
export function clockTimes(lines: Iterable<string>): number {
  let n = 0;
  for (const line of lines) n += line.match(CLOCK)?.length ?? 0;
  return n;
}

/** Whether the document writes its times of day as four digits ("1727: …"), read once per document. */
const fourDigitDocuments = new WeakMap<PostMortemModel, boolean>();
export function writesFourDigitClocks(model: PostMortemModel): boolean {
  let known = fourDigitDocuments.get(model);
  if (known === undefined) {
    const { lines } = model;
    known = fourDigitClocks({
      *[Symbol.iterator]() {
        for (let l = 0; l < lines.lineCount; l++) yield lines.lineText(l);
      },
    });
    fourDigitDocuments.set(model, known);
  }
  return known;
}
