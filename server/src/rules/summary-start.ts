import { dateOrderOf } from '../timeline/date-order.js';
import { firstFullDateAt } from '../timeline/dates.js';
import { timelineOf } from '../timeline/context.js';
import { range, type Range } from '../model/text.js';
import { addDays, dayNumber, formatDate, fromDayNumber, wallMs, type CivilDate } from '../time/civil.js';
import { parseStamp, type DateOrder, type ParsedStamp } from '../time/parse.js';
import { summerZone } from '../time/abbreviations.js';
import { localToInstant, type LocalInstant } from '../time/zones.js';
import { utcText } from '../timeline/format.js';
import type { Rule, RuleContext } from './types.js';

const MAX_SUMMARY_LINES = 40;
/** The date opens the sentence that tells what happened: "On Oct 10, 2017, some pods…". */
const ON_DATE = /(?:^|[.!?]\s+)[\s*_>-]*On\s+$/;
/** …or opens the incident's period: "Date: ~Fri 11 Nov 2016 (~1324) to Fri 11 Nov 2016 (~1452)", "March 3, 10:00 until March 4". */
const OPENS_RANGE = /^,?\s*(?:(?:at\s+)?\(?~?\s?(?:\d{1,2}[:.]?\d{2}(?:\s?[ap]\.?m\.?)?)\)?(?:\s+[A-Z]{2,5})?\s*)?(?:to|until|till|through|[-–—])\s/i;

/**
 * The title or the summary dating the incident to a day the timeline does not cover:
 * the first full date each writes, more than a day outside the days the timeline's own
 * entries and day headings write. Only full dates count, so nothing is guessed; a later
 * date counts only where it opens the story ("On Oct 10, 2017, …"), since a later
 * date is often when the text was written.
 */
export const summaryStart: Rule = {
  codes: {
    'summary.start-mismatch': { severity: 'warning', description: "The title or summary dates the incident to a day outside the timeline's own dates." },
  },
  check(ctx) {
    const { model } = ctx;
    const days = timelineOf(ctx).writtenDays;
    if (!days) return;
    const order = dateOrderOf(model, ctx.settings);
    const places: Array<{ what: string; date: CivilDate; range: Range; incident: boolean }> = [];
    // The title: the heading's, else the frontmatter's ("title: 24.05.2022 - Problemer med …").
    for (const line of titleLines(model)) {
      const text = model.lines.lineText(line);
      const hit = firstFullDateAt(text, order);
      if (hit) {
        places.push({ what: 'The title', date: hit.date, range: range(line, hit.start, line, hit.end), incident: false });
        break;
      }
    }
    // The frontmatter's date: on a blog, when the post went up (a later day is no contradiction, see below).
    const dateLine = frontmatterLine(model, 'date');
    if (dateLine !== undefined) {
      const hit = firstFullDateAt(model.lines.lineText(dateLine), order);
      if (hit) places.unshift({ what: 'The frontmatter', date: hit.date, range: range(dateLine, hit.start, dateLine, hit.end), incident: false });
    }
    const summary = model.summary;
    const span = summary?.kind === 'section' ? { from: summary.section.bodyStartLine, to: summary.section.endLine } : summary ? { from: summary.startLine, to: model.preamble.endLine } : undefined;
    if (span) {
      const end = Math.min(span.to, span.from + MAX_SUMMARY_LINES);
      for (let line = span.from; line < end; line++) {
        const text = model.lines.lineText(line);
        const hit = firstFullDateAt(text, order);
        if (hit) {
          places.push({ what: 'The summary', date: hit.date, range: range(line, hit.start, line, hit.end), incident: ON_DATE.test(text.slice(0, hit.start)) || OPENS_RANGE.test(text.slice(hit.end, hit.end + 80)) });
          break;
        }
      }
    }
    // The summary speaks for the document before the title; one contradiction is enough.
    places.reverse();
    for (const p of places) {
      const day = dayNumber(p.date);
      if (day >= days.first - 1 && day <= days.last + 1) continue;
      // Entries with a time but no date open the timeline: they may be on the earlier day the title gives.
      if (day < days.first && days.openBefore) continue;
      // A later date is often when the text was written ("Date: Mar 20", "As of 8 February"): only "On <date>" dates the
      // incident, or the timeline's own day and month in another year (a year mistyped, not a post written a year later).
      if (day > days.last && !p.incident && !otherYear(p.date, days)) continue;
      const span = days.first === days.last ? `on ${dayText(days.first, p.date)}` : `from ${dayText(days.first, p.date)} to ${dayText(days.last, p.date)}`;
      ctx.report({
        code: 'summary.start-mismatch',
        message: `${p.what} dates the incident ${formatDate(p.date)}, but the timeline runs ${span}. Correct whichever is wrong.`,
        range: p.range,
      });
      return;
    }
    if (span) sameClockElsewhere(ctx, span.from, Math.min(span.to, span.from + MAX_SUMMARY_LINES), order);
  },
};

/** The lines that may give the title: the title heading's, then the frontmatter's `title:`. */
function titleLines(model: RuleContext['model']): number[] {
  const fm = frontmatterLine(model, 'title');
  return [...(model.title ? [model.title.startLine] : []), ...(fm !== undefined ? [fm] : [])];
}

/** The line of a top-level frontmatter key, or undefined. */
function frontmatterLine(model: RuleContext['model'], key: string): number | undefined {
  const fm = model.frontmatter;
  if (!fm) return undefined;
  const re = new RegExp(`^:?${key}\\s*:`);
  for (let line = fm.startLine + 1; line < fm.endLine; line++) if (re.test(model.lines.lineText(line))) return line;
  return undefined;
}

/** The same day and month as the timeline's first or last day, in another year. */
function otherYear(date: CivilDate, days: { first: number; last: number }): boolean {
  return [days.first, days.last].some((d) => {
    const t = fromDayNumber(d);
    return t.month === date.month && t.day === date.day && t.year !== date.year;
  });
}

/**
 * A time the summary gives (date, time of day, zone) that reads the same on the clock as
 * the timeline's first entry but on another day or in another zone ("December 17th at
 * 12:43 UTC" against "Dec 16th 12:43"; "11:30 AM BST" against "11:30 AM UTC"): the same
 * moment written twice, one of them wrong. Another clock time may be another moment (the
 * impact began before the first entry), so only the same clock reading counts.
 */
function sameClockElsewhere(ctx: RuleContext, from: number, to: number, order: DateOrder): void {
  const timeline = timelineOf(ctx);
  const first = timeline.events.find((e) => e.date && e.time && !e.dateOnly);
  if (!first?.date || !first.time || first.utc === undefined) return;
  for (let line = from; line < to; line++) {
    const text = ctx.model.lines.lineText(line);
    const hit = firstFullDateAt(text, order);
    if (!hit) continue;
    const stamp = parseStamp(text, hit.start, order);
    if (!stamp?.time || stamp.problem) continue;
    const date = hit.date;
    const local = wallMs(date, stamp.time);
    const lookup = stamp.zone?.lookup;
    const zone = lookup?.kind === 'zone' ? lookup.zone : lookup ? summerZone(lookup.label, local) : timeline.zone;
    if (windowBackwards(ctx, line, text, stamp, zone ? localToInstant(zone, local) : undefined, order)) return;
    if (stamp.time.hour !== first.time.hour || stamp.time.minute !== first.time.minute) continue;
    const otherDay = dayNumber(date) !== dayNumber(first.date);
    const utc = zone ? localToInstant(zone, local) : undefined;
    // Compared to the minute, as both are written: "12:50:27.435Z" in the summary is the timeline's "1250 UTC".
    const otherZone = !otherDay && utc?.kind === 'ok' && Math.floor(utc.utc / 60_000) !== Math.floor(first.utc / 60_000);
    if (!otherDay && !otherZone) continue;
    const written = `"${stamp.raw.trim()}"`;
    ctx.report({
      code: 'summary.start-mismatch',
      message: otherDay
        ? `The summary gives ${written}, but the timeline's first entry (line ${first.startLine + 1}) has the same time of day on ${formatDate(first.date)}. Correct whichever is wrong.`
        : `The summary gives ${written} (${utcText(utc!.kind === 'ok' ? utc!.utc : first.utc)}), but the timeline's first entry (line ${first.startLine + 1}) has the same clock time at ${utcText(first.utc)}. Correct whichever is wrong.`,
      range: range(line, stamp.start, line, stamp.end),
    });
    return;
  }
}

const WINDOW_TO = /\s*(?:-|–|—|\bto\b|\buntil\b)\s*/y;

/**
 * A window the summary gives with a full date and time at both ends ("July 2 2025, 9:30 AM
 * UTC - July 2 2025, 12:30 AM UTC") whose end comes before its start: reported on the window.
 */
function windowBackwards(ctx: RuleContext, line: number, text: string, start: ParsedStamp, startUtc: LocalInstant | undefined, order: DateOrder): boolean {
  if (startUtc?.kind !== 'ok') return false;
  WINDOW_TO.lastIndex = start.end;
  const to = WINDOW_TO.exec(text);
  const end = to ? parseStamp(text, start.end + to[0].length, order) : undefined;
  if (!end?.time || !end.date || end.date.year === undefined || end.problem || end.zone?.lookup.kind !== 'zone') return false;
  const endUtc = localToInstant(end.zone.lookup.zone, wallMs(end.date as CivilDate, end.time));
  if (endUtc.kind !== 'ok' || endUtc.utc >= startUtc.utc) return false;
  ctx.report({
    code: 'summary.start-mismatch',
    message: `The summary's window "${text.slice(start.start, end.end).trim()}" ends (${utcText(endUtc.utc)}) before it starts (${utcText(startUtc.utc)}). Correct the start or the end.`,
    range: range(line, start.start, line, end.end),
  });
  return true;
}

/** A day number as YYYY-MM-DD, counted from a known date. */
function dayText(day: number, known: CivilDate): string {
  return formatDate(addDays(known, day - dayNumber(known)));
}
