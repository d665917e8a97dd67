/**
 * The zone stated for a whole timeline: in its heading ("## Timeline (all times
 * PST/PDT)"), in a sentence ("All times in UTC.", "Times are Europe/Lisbon"), or in
 * the header of a timeline table's time column ("Time (UTC)", "Date and Time in CET").
 */
import type { PostMortemModel } from '../model/document.js';
import type { Section } from '../model/sections.js';
import { range, type Range } from '../model/text.js';
import { bestZone, zonesIn, type ZoneToken } from '../time/zone-token.js';
import type { Zone } from '../time/zones.js';
import type { Note } from './extract.js';

export interface ZoneStatement {
  /** The zone, or undefined when the statement names an ambiguous abbreviation. */
  zone?: Zone;
  range: Range;
  ambiguous?: { label: string; candidates: string[] };
}

const TIME_WORDS = /\b(?:times?|timestamps?|time ?zones?|tz)\b/i;
/** A sentence states the timeline's zone when it is short or opens with it ("All times in UTC."), not in passing. */
const NEAR_START = 40;
const SHORT = 100;

/** The first statement of a zone for the timeline, in document order, or undefined. */
export function zoneStatement(model: PostMortemModel, section: Section, notes: readonly Note[]): ZoneStatement | undefined {
  const heading = section.heading;
  const headingText = model.lines.lineText(heading.startLine);
  const fromHeading = statementIn(headingText, heading.startLine, 0, false);
  if (fromHeading) return fromHeading;
  for (const note of notes) {
    const s = statementIn(note.text, note.line, note.character, note.kind === 'paragraph');
    if (s) return s;
  }
  return undefined;
}

function statementIn(text: string, line: number, character: number, needsTimeWord: boolean): ZoneStatement | undefined {
  if (needsTimeWord) {
    const m = TIME_WORDS.exec(text);
    if (!m || (m.index > NEAR_START && text.trim().length > SHORT)) return undefined;
  }
  const best: ZoneToken | undefined = bestZone(zonesIn(text));
  if (!best) return undefined;
  const r = range(line, character + best.start, line, character + best.end);
  if (best.lookup.kind === 'ambiguous') return { range: r, ambiguous: { label: best.lookup.label, candidates: best.lookup.candidates } };
  return { zone: best.lookup.zone, range: r };
}
