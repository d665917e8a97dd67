/**
 * The date a timeline's time-only entries happen on when nothing in the timeline
 * gives one: frontmatter `started` (or `date`), else the first dated entry, else a
 * full date in the title, the lines under it or the summary ("**Date:** January
 * 14-19, 2026", "# Outage - September 29, 2025"), else one in the file name. Also the
 * year of dates written without one ("Aug 25").
 */
import type { PostMortemModel } from '../model/document.js';
import { frontmatterString } from '../model/frontmatter.js';
import { dateProblem, dayNumber, type CivilDate } from '../time/civil.js';
import { parseDateAt, parseStamp, type DateOrder, type StampDate } from '../time/parse.js';
import type { TimelineItem } from './types.js';

const YEAR = /\b(?:19|20)\d{2}\b/;
const WORD_START = /(?:^|[^\p{L}\p{N}])(?=[\p{L}\p{N}])/gu;
const MAX_SCAN_LINES = 60;

const BARE_URL = /<?https?:\/\/[^\s>)]+>?/g;

/** The text with link targets (`](…)`) and bare URLs blanked out, same length; linear even when no `)` ever comes. */
function withoutLinkTargets(raw: string): string {
  const text = raw.includes('http') ? raw.replace(BARE_URL, (m) => ' '.repeat(m.length)) : raw;
  const parts: string[] = [];
  let from = 0;
  for (let open = text.indexOf('](', from); open >= 0; open = text.indexOf('](', from)) {
    const close = text.indexOf(')', open + 2);
    if (close < 0) break; // no ")" after this one, so none after any later "](" either
    parts.push(text.slice(from, open + 1), ' '.repeat(close - open));
    from = close + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** The first full, valid date (day, month and year) written in a text, or undefined. Dates in link targets do not count. */
export function firstFullDate(raw: string, order: DateOrder): CivilDate | undefined {
  return firstFullDateAt(raw, order)?.date;
}

/** The date read at each word start of a text, outside link targets (none where no date starts). */
function* datesAtWordStarts(raw: string, order: DateOrder): Generator<{ hit: NonNullable<ReturnType<typeof parseDateAt>>; pos: number }> {
  const text = raw.includes('http') || raw.includes('](') ? withoutLinkTargets(raw) : raw;
  // Its callers stop at the first date they take: the shared expression is never scanned by two at once.
  WORD_START.lastIndex = 0;
  for (let m = WORD_START.exec(text); m; m = WORD_START.exec(text)) {
    const pos = m.index + m[0].length;
    // Past the whole character: one code unit into a surrogate pair, a /u search starts over at the pair.
    if (m[0].length === 0) WORD_START.lastIndex += (text.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
    const hit = parseDateAt(text, pos, order);
    if (hit) yield { hit, pos };
  }
}

/** The first full, valid date written in a text and where it is, or undefined. */
export function firstFullDateAt(raw: string, order: DateOrder): { date: CivilDate; start: number; end: number } | undefined {
  if (!YEAR.test(raw)) return undefined;
  for (const { hit, pos } of datesAtWordStarts(raw, order)) {
    if (hit?.date?.year !== undefined && !dateProblem(hit.date as CivilDate)) return { date: hit.date as CivilDate, start: pos, end: hit.end };
  }
  return undefined;
}

/** The date of a frontmatter timestamp value, if it has a full one. */
export function frontmatterDate(model: PostMortemModel, key: string, order: DateOrder): CivilDate | undefined {
  const v = frontmatterString(model.frontmatter, key);
  if (!v) return undefined;
  const s = parseStamp(v, 0, order);
  return s?.date?.year !== undefined && !s.problem ? (s.date as CivilDate) : undefined;
}

/** Where time-only entries get their date from when nothing before them gives one. */
export function referenceDate(model: PostMortemModel, items: readonly TimelineItem[], order: DateOrder): CivilDate | undefined {
  const started = frontmatterDate(model, 'started', order);
  if (started) return started;
  // "## Timeline (30/09/2026)": the timeline's own heading gives the day of the times under it.
  const heading = model.canonical.get('timeline')?.title;
  const headed = heading ? firstFullDate(heading, order) : undefined;
  if (headed && !dateProblem(headed)) return headed;
  const fm = frontmatterDate(model, 'date', order);
  if (fm) return summaryDayBefore(model, fm, order) ?? fm;
  // Entries before the timeline's first date are on the day the document gives, not on a later day heading's.
  let firstDated: CivilDate | undefined;
  let undatedBefore = false;
  for (const it of items) {
    const d = it.kind === 'entry' ? (it.entry.stamp.problem ? undefined : it.entry.stamp.date) : it.date;
    if (d?.year !== undefined && !dateProblem(d as CivilDate)) {
      firstDated = d as CivilDate;
      break;
    }
    if (it.kind === 'entry' && it.entry.stamp.time) undatedBefore = true;
  }
  if (firstDated && !undatedBefore) return firstDated;
  return documentDate(model, order) ?? firstDated;
}

/** A full date in the title, the lines between the title and the first section, or the summary. */
export function documentDate(model: PostMortemModel, order: DateOrder): CivilDate | undefined {
  const { lines } = model;
  for (const title of [model.title?.text, frontmatterString(model.frontmatter, 'title')]) {
    const d = title ? firstFullDate(title, order) : undefined;
    if (d) return summaryDay(model, d, order) ?? d;
  }
  const scan = (from: number, to: number) => {
    for (let line = from; line < Math.min(to, from + MAX_SCAN_LINES); line++) {
      const d = firstFullDate(lines.lineText(line), order);
      if (d) return d;
    }
    return undefined;
  };
  const pre = scan(model.preamble.startLine, model.preamble.endLine);
  if (pre) return pre;
  const summary = model.canonical.get('summary');
  const fromSummary = summary ? scan(summary.bodyStartLine, summary.endLine) : undefined;
  return fromSummary ?? labelledDate(model, order) ?? fileNameDate(model.path);
}

const SUMMARY_DATE_LINES = 5;

/**
 * The day the summary says the incident happened on, when it is the day before or after
 * the title's: a title carries the report's or the UTC date ("2017-02-24 - Proxy
 * eviction"), while the summary tells the local day ("On the evening of Feb 23…"),
 * which the timeline's local times are on. Its first date, completed with the title's
 * year; a date further off is background, not the incident's day, and the title stands.
 */
function summaryDay(model: PostMortemModel, title: CivilDate, order: DateOrder): CivilDate | undefined {
  const summary = model.summary;
  if (!summary) return undefined;
  const span: [number, number] = summary.kind === 'section' ? [summary.section.bodyStartLine, summary.section.endLine] : [summary.startLine, model.preamble.endLine];
  const date = openingDate(model, [span], title, order);
  return date && Math.abs(dayNumber(date) - dayNumber(title)) === 1 ? date : undefined;
}

/** Days a write-up may follow its incident: a summary's date further back is background. */
const MAX_DAYS_BEFORE_PUBLISHING = 90;

/**
 * The day the summary's opening says the incident happened on, when it is before the
 * frontmatter's `date`: on a blog or a news site that is the day the post went up
 * ("date: 2026-07-21" over "On the morning of July 14, 2026, …"), and an incident comes
 * before its write-up. A date after it, or long before it, is not the incident's day.
 */
function summaryDayBefore(model: PostMortemModel, published: CivilDate, order: DateOrder): CivilDate | undefined {
  // The text that opens the document ("On Thursday January 28th, 2021 there was…" over a "TL;DR"), then the summary.
  const spans: Array<[number, number]> = [[model.preamble.startLine, model.preamble.endLine]];
  const summary = model.summary;
  if (summary?.kind === 'section') spans.push([summary.section.bodyStartLine, summary.section.endLine]);
  const date = openingDate(model, spans, published, order);
  const before = date ? dayNumber(published) - dayNumber(date) : 0;
  return before > 0 && before <= MAX_DAYS_BEFORE_PUBLISHING ? date : undefined;
}

/**
 * The first date written in the first lines of the spans, in order, its year completed from
 * `reference`; undefined when there is none or the first one is impossible.
 */
function openingDate(model: PostMortemModel, spans: ReadonlyArray<[number, number]>, reference: CivilDate, order: DateOrder): CivilDate | undefined {
  for (const [from, to] of spans) {
    for (let line = from; line < Math.min(to, from + SUMMARY_DATE_LINES); line++) {
      const hit = firstWrittenDate(model.lines.lineText(line), order);
      if (!hit) continue;
      const date = completeDate(hit, reference);
      return date && !dateProblem(date) ? date : undefined;
    }
  }
  return undefined;
}

/** The first date written with its month as a word or in full ("Feb 23", "23 February", "2017-02-23"), outside link targets. */
function firstWrittenDate(raw: string, order: DateOrder): StampDate | undefined {
  for (const { hit } of datesAtWordStarts(raw, order)) {
    // A numeric date without a year ("2/23") is left alone: it may be a ratio or a version.
    if (hit?.date && (hit.date.year !== undefined || !hit.numeric)) return hit.date;
  }
  return undefined;
}

const DATE_LABEL = /^[\s>*_|-]*(?:incident\s+)?(?:date|day|started|start|when)\b[\s*_]*[:|]/i;

/** A "**Date**: 27.11.2023" line anywhere above the timeline (or in the first lines when there is none). */
function labelledDate(model: PostMortemModel, order: DateOrder): CivilDate | undefined {
  const end = Math.min(model.canonical.get('timeline')?.heading.startLine ?? model.lines.lineCount, MAX_SCAN_LINES * 2);
  for (let line = 0; line < end; line++) {
    const text = model.lines.lineText(line);
    if (DATE_LABEL.test(text)) {
      const d = firstFullDate(text, order);
      if (d) return d;
    }
  }
  return undefined;
}

const FILE_NAME_DATE = /(?:^|[^\d])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

/** A full date in a file name, year first ("2019-11-14-hub-fio.md", "20240914_dns.md"), or undefined. */
export function fileNameDate(path: string | undefined): CivilDate | undefined {
  if (!path) return undefined;
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const m = FILE_NAME_DATE.exec(name);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return dateProblem(d) ? undefined : d;
}

/**
 * A written date with its year: the given one, or the year that puts it closest
 * to `reference` (so "Jan 2" after "Dec 31, 2023" is in 2024).
 */
export function completeDate(date: StampDate, reference: CivilDate | undefined): CivilDate | undefined {
  if (date.year !== undefined) return date as CivilDate;
  if (!reference) return undefined;
  const ref = dayNumber(reference);
  let best: CivilDate | undefined;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    const c = { year, month: date.month, day: date.day };
    if (dateProblem(c)) continue;
    if (!best || Math.abs(dayNumber(c) - ref) < Math.abs(dayNumber(best) - ref)) best = c;
  }
  return best;
}
