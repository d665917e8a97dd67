/**
 * The zone stated for a whole timeline: in its heading ("## Timeline (all times
 * PST/PDT)"), in a sentence ("All times in UTC.", "Times are Europe/Lisbon"), or in
 * the header of a timeline table's time column ("Time (UTC)", "Date and Time in CET").
 */
import type { PostMortemModel } from '../model/document.js';
import type { Section } from '../model/sections.js';
import { range, type Range } from '../model/text.js';
import { bestZone, zoneAfterTime, zonesIn, type ZoneToken } from '../time/zone-token.js';
import type { Zone } from '../time/zones.js';
import type { Note } from './extract.js';

export interface ZoneStatement {
  /** The zone, or undefined when the statement names an ambiguous abbreviation. */
  zone?: Zone;
  range: Range;
  ambiguous?: { label: string; candidates: string[] };
}

// Not \b: "_Times in UTC_" is emphasis, and "_" is a word character to \b.
const TIME_WORDS = /(?<![A-Za-z0-9])(?:times?|timestamps?|time ?zones?|tz)(?![A-Za-z0-9])/i;
/** A sentence states the timeline's zone when it is short or opens with it ("All times in UTC."), not in passing. */
const NEAR_START = 40;
const SHORT = 100;

/** The first statement of a zone for the timeline, in document order, or undefined. */
export function zoneStatement(model: PostMortemModel, section: Section, notes: readonly Note[]): ZoneStatement | undefined {
  return zoneStatements(model, section, notes)[0];
}

/** Every statement of a zone in the timeline, in document order: its heading's, then its notes'. */
export function zoneStatements(model: PostMortemModel, section: Section | undefined, notes: readonly Note[]): ZoneStatement[] {
  const out: ZoneStatement[] = [];
  // A timeline under no heading of its own has only the notes among its entries.
  const heading = section?.heading;
  const fromHeading = heading ? statementIn(model.lines.lineText(heading.startLine), heading.startLine, 0, false) : undefined;
  if (fromHeading) out.push(fromHeading);
  for (const note of notes) {
    const s = statementIn(note.text, note.line, note.character, note.kind === 'paragraph');
    if (s) out.push(s);
  }
  return out;
}

const CLOCK = /\b\d{1,2}(?::\d{2}(?::\d{2})?\s?(?:[aApP]\.?[mM]\.?)?|\s?[aApP]\.?[mM]\.?)(?![\w:])/g;
const MAX_DOCUMENT_LINES = 200;

/**
 * The zone the document states before its timeline (its heading, or its first entry when
 * it has none), nearest first: a time with a
 * zone ("at 7:29 UTC") or a statement ("All times are in CET") in the title, the
 * summary or any text above the timeline. Ambiguous abbreviations are passed over.
 */
export function documentZoneStatement(model: PostMortemModel, timelineStart: number): ZoneStatement | undefined {
  const { lines } = model;
  // Not in the frontmatter: "date: 2020-03-26 12:34:00 +0000" is when the post went up, not the zone of the times
  // (a `timezone` key is read on its own).
  const first = Math.max(model.frontmatter ? model.frontmatter.endLine + 1 : 0, timelineStart - MAX_DOCUMENT_LINES);
  for (let line = timelineStart - 1; line >= first; line--) {
    const text = lines.lineText(line);
    let last: ZoneStatement | undefined;
    CLOCK.lastIndex = 0;
    for (let m = CLOCK.exec(text); m; m = CLOCK.exec(text)) {
      const t = zoneAfterTime(text, m.index + m[0].length);
      if (t?.lookup.kind === 'zone') last = { zone: t.lookup.zone, range: range(line, t.start, line, t.end) };
    }
    const s = last ?? statementIn(text, line, 0, true);
    if (s?.zone) return s;
  }
  return undefined;
}

/** A short paragraph that is only a remark in brackets. */
const ZONE_REMARK = /^\s*\([^()\n]{1,60}\)\s*$/;

function statementIn(text: string, line: number, character: number, needsTimeWord: boolean): ZoneStatement | undefined {
  // A remark in brackets on its own line under the heading, "(UTC+1)" or "(Paris, UTC+1)", states the zone as a heading's would.
  if (needsTimeWord && !ZONE_REMARK.test(text)) {
    const m = TIME_WORDS.exec(text);
    if (!m || (m.index > NEAR_START && text.trim().length > SHORT)) return undefined;
  }
  const best: ZoneToken | undefined = bestZone(zonesIn(text));
  if (!best) return undefined;
  const r = range(line, character + best.start, line, character + best.end);
  if (best.lookup.kind === 'ambiguous') return { range: r, ambiguous: { label: best.lookup.label, candidates: best.lookup.candidates } };
  return { zone: best.lookup.zone, range: r };
}
