/**
 * Reading a timestamp written at a position in a text: ISO 8601 (`T`, `Z`, offsets),
 * `YYYY-MM-DD HH:MM[:SS]`, `HH:MM[:SS]`, 12-hour clocks (`3:26pm`, `03:26 PM`,
 * `3:26 p.m.`), `25 Aug 2023`, `Aug 25, 2023`, `August 25`, numeric `DD/MM` or
 * `MM/DD` (by the `dateOrder` setting, never guessed), a zone after the time, ranges
 * (`09:00 - 11:00`, the start counts), `~` for approximate times, and placeholders
 * (`HH:mm`, `--:--`, `2022-05-??`) that say the time or date is not known.
 * Patterns are sticky and compiled once.
 */
import { dateProblem, daysInMonth, timeProblem, type CivilTime } from './civil.js';
import { zoneAfterTime, type ZoneToken } from './zone-token.js';

export type DateOrder = 'DMY' | 'MDY';

/** A date as written; `year` is undefined when the text gives none ("Aug 25"). */
export interface StampDate {
  year?: number;
  month: number;
  day: number;
}

export interface ParsedStamp {
  /** Offsets of the whole timestamp in the parsed text. */
  start: number;
  end: number;
  raw: string;
  date?: StampDate;
  time?: CivilTime;
  /** Where the clock is written (`3:26pm`) and whether it is a 12-hour one. */
  clock?: { start: number; end: number; twelveHour: boolean };
  /** A time-of-day placeholder (`HH:mm`, `--:--`, `14:??`): the date is given, the time is not. */
  timeUnknown?: boolean;
  /** The placeholder gives the hour (`22:XX`): the time is partly known, so the entry is not the whole day either. */
  hourOnly?: boolean;
  /** A date with placeholders (`2022-05-??`): no usable date. */
  incomplete?: boolean;
  zone?: ZoneToken;
  /** Why the timestamp is impossible (`25:10`, `2023-02-30`, `13:55 PM`). */
  problem?: string;
  approximate?: boolean;
  /** A weekday written beside the time ("15:00 UTC (Sat)"): the day is the nearest one of that weekday (0 Sunday … 6 Saturday). */
  weekday?: number;
  /** Why the range the time starts is impossible ("16:30 to 15:00"); the start still counts. */
  rangeProblem?: string;
  /**
   * A time counted from an earlier entry ("+10 minutes", "[+6.5 hrs]", "T+2h"): `ms`
   * after it; or whole days after its date ("+2 days", "+2 Business Days Later"), a day
   * without a time of day, counting only Monday to Friday when `business`.
   */
  after?: { ms: number } | { days: number; business: boolean };
}

// February as it is often mistyped too ("Feburary", "Febuary"): a day line misread would date the entries under it silently.
const MONTH = '(jan(?:uary)?|feb(?:ruary|uary|urary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\\.?,?\\s+';
const ORD = '(?:st|nd|rd|th)?';

const RE = {
  // "Between 2023-07-10 to 2023-07-16", "From May 3 until May 5": a period of days; its first day counts.
  periodLead: /(?:between|from)\s+/iy,
  dateRangeTo: /\s*(?:-|–|—|\bto\b|\band\b|\buntil\b|\bthrough\b)\s*/iy,
  // "2026-06-10 – 2026-06-12", "2026-06-10 → 2026-06-12": a period written without "between" or "from".
  bareRangeTo: /\s*(?:-|–|—|→|\bto\b|\buntil\b|\bthrough\b)\s*/iy,
  relative: /\\?\[?(?:T\s?)?\+\s?(\d{1,4}(?:\.\d{1,2})?)\s?(?:(minutes?|mins?|m)|(hours?|hrs?|h)|((?:business\s+|working\s+)?days?|d))\.?(?:\s+later)?\\?\]?(?![A-Za-z\d])/iy,
  approx: /(?:~|≈|ca(?:\.\s?|\s)|approx\.?\s|approximately\s|around\s|about\s|roughly\s)\s*/iy,
  /** "kl 20:06", "kl. 14:16": the clock word of Norwegian, Danish and Swedish ("klokken"), before a time. */
  clockWord: /kl\.?\s?(?=\d)/iy,
  weekday: new RegExp(WEEKDAY, 'iy'),
  iso: /(\d{4,5})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/y,
  isoPlaceholder: /[\dxX?]{4}[-/][\dxXmM?]{1,2}[-/][\dxXdD?]{1,2}(?![\w?])/y,
  numeric: /(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d:/.]|\.\d)|(\d{1,2})-(\d{1,2})-(\d{4})(?![\d:/.-])/y,
  // "25 Aug 2023", "25th of August", and with dashes "05-Jan-2024", "5-Jan".
  dayMonth: new RegExp(`(\\d{1,2})(?:st|nd|rd|th|\\.)?(?:\\s+(?:of\\s+)?|-)${MONTH}\\.?(?:(?:,?\\s+|-)(\\d{4}))?(?![A-Za-z\\d])`, 'iy'),
  // "2024-Jan-05".
  yearMonthName: new RegExp(`(\\d{4})-${MONTH}-(\\d{1,2})(?![\\d])`, 'iy'),
  monthDay: new RegExp(`${MONTH}\\.?\\s+(\\d{1,2})${ORD}(?:\\s?[-–]\\s?\\d{1,2}${ORD})?(?:,?\\s+(\\d{4}))?(?![A-Za-z\\d]|:\\d)`, 'iy'),
  dateTimeJoin: /(?:T|\s*(?:,|\bat\b|@)\s*|:\s+|\s+(?:--?|–|—)\s+|\s+)/y,
  // "08.45 UTC": a clock with a dot, only when a zone follows (alone, "08.45" may be a version or an amount).
  dotClock: /([01]?\d|2[0-3])\.([0-5]\d)(?![\d.])/y,
  // Not a year: "2026" in "2026-06-12" is no 20:26 (at UTC-06).
  fourDigitClock: /([01]\d|2[0-3])([0-5]\d)(?![\d.:]|[-/.]\d{1,2}(?![\d:]))/y,
  weekdayNote: /\s?\((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\)/iy,
  // "15h50", as French and other European writers write a clock; not "2h30m" (a duration) nor "3h" alone.
  clock: /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?![\d])|(\d{1,2})h([0-5]\d)(?![\p{L}\d])/uy,
  clockPlaceholder: /(?:HH|hh|--|\?\?|XX|xx|\d{1,2}):(?:mm|MM|--|\?\?|XX|xx)(?![\w?])|\?\?:\?\?/y,
  bareHour: /(\d{1,2})(?=\s?[aApP]\.?\s?[mM]\.?(?![A-Za-z]))/y,
  // "3:26 p.m.", "03:26PM", and the bare letter only when attached ("10:45a", "12:29p"): "10:45 a server" is not AM.
  meridiem: /\s?([aApP])\.?\s?[mM]\.?(?![A-Za-z])|([aApP])(?![A-Za-z\d])/y,
  // "4.45pm", as British writers write a clock: a dot only with AM/PM after it.
  dotMeridiemClock: /(\d{1,2})\.([0-5]\d)(?=\s?[aApP]\.?\s?[mM]\.?(?![A-Za-z]))/y,
  // "14:02 hrs", "1402 hours", "14:02 Uhr": a 24-hour clock that says it is one.
  hoursWord: /\s?(?:hrs|hours|uhr)\b\.?|h\b/iy,
  rangeTo: /\s?(?:-|–|—|to\s|until\s)\s?/y,
  approxSuffix: /\s?~|-ish\b/y,
  parenOpen: /\s?\(\s?/y,
  parenClose: /\s?\)/y,
  on: /\s+on\s+/y,
  dateGap: /,?[ \t]+/y,
  emphasis: /\*\*|__|\*|_/y,
};

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const monthOf = (word: string) => MONTHS[word.slice(0, 3).toLowerCase()]!;

interface DateHit {
  end: number;
  date?: StampDate;
  incomplete?: boolean;
  /** Read by the dateOrder setting (`03/04`). */
  numeric?: DateOrder;
}

/** A date written at `pos`, or undefined. */
export function parseDateAt(text: string, pos: number, order: DateOrder): DateHit | undefined {
  const wd = at(RE.weekday, text, pos);
  if (wd) {
    const after = parseDateAt(text, pos + wd[0].length, order);
    if (after) return after;
  }
  let m = at(RE.iso, text, pos);
  if (m) return { end: pos + m[0].length, date: { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) } };
  m = at(RE.yearMonthName, text, pos);
  if (m) return { end: pos + m[0].length, date: { year: Number(m[1]), month: monthOf(m[2]!), day: Number(m[3]) } };
  m = at(RE.isoPlaceholder, text, pos);
  if (m) return { end: pos + m[0].length, incomplete: true };
  m = at(RE.dayMonth, text, pos);
  if (m) return { end: pos + m[0].length, date: withYear(monthOf(m[2]!), Number(m[1]), m[3]) };
  m = at(RE.monthDay, text, pos);
  if (m) return { end: pos + m[0].length, date: withYear(monthOf(m[1]!), Number(m[2]), m[3]) };
  m = at(RE.numeric, text, pos);
  if (!m) return undefined;
  // "07-27-2023": a dashed date with its year last reads like a slashed one.
  const [sep, first, second, yearText] = m[5] ? ['/', m[5], m[6]!, m[7]] : [m[2]!, m[1]!, m[3]!, m[4]];
  if (sep === '/' || yearText) {
    const a = Number(first);
    const b = Number(second);
    const dmy = sep === '.' || order === 'DMY';
    const year = yearText ? (yearText.length === 2 ? 2000 + Number(yearText) : yearText) : undefined;
    return {
      end: pos + m[0].length,
      date: withYear(dmy ? b : a, dmy ? a : b, year === undefined ? undefined : String(year)),
      numeric: dmy ? 'DMY' : 'MDY',
    };
  }
  return undefined;
}

function withYear(month: number, day: number, year: string | undefined): StampDate {
  return year ? { year: Number(year), month, day } : { month, day };
}

interface ClockHit {
  end: number;
  time?: CivilTime;
  twelveHour: boolean;
  placeholder?: boolean;
  hourOnly?: boolean;
  problem?: string;
}

/** A clock time written at `pos` (24-hour or 12-hour), or a time placeholder, or undefined. */
export function parseClockAt(text: string, pos: number): ClockHit | undefined {
  const ph = at(RE.clockPlaceholder, text, pos);
  if (ph) {
    const hour = /^\d+/.exec(ph[0]);
    if (hour && Number(hour[0]) > 23) return { end: pos + ph[0].length, twelveHour: false, problem: `${ph[0]} is not a time: there is no hour ${Number(hour[0])}` };
    return { end: pos + ph[0].length, twelveHour: false, placeholder: true, ...(hour ? { hourOnly: true } : {}) };
  }
  let hour: number;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let end: number;
  const m = at(RE.clock, text, pos) ?? at(RE.dotMeridiemClock, text, pos);
  if (m) {
    hour = Number(m[1] ?? m[5]);
    minute = Number(m[2] ?? m[6]);
    second = Number(m[3] ?? 0);
    millisecond = m[4] ? Math.round(Number(`0.${m[4]}`) * 1000) : 0;
    end = pos + m[0].length;
  } else {
    const b = at(RE.bareHour, text, pos);
    if (!b) return undefined;
    hour = Number(b[1]);
    end = pos + b[0].length;
  }
  const mer = at(RE.meridiem, text, end);
  if (!mer && !m) return undefined;
  const time: CivilTime = { hour, minute, second, millisecond };
  if (mer) {
    end += mer[0].length;
    const written = text.slice(pos, end);
    const pm = (mer[1] ?? mer[2])!.toLowerCase() === 'p';
    // "00:25 AM" says what it means; "0:30 PM" and "13:55 PM" do not.
    if ((hour === 0 && pm) || hour > 12) return { end, twelveHour: true, problem: `${written} is not a time: a 12-hour clock runs from 12:00 to 11:59` };
    time.hour = (hour % 12) + (pm ? 12 : 0);
    const p = timeProblem({ ...time, hour: 0 });
    return p ? { end, twelveHour: true, problem: `${written} is not a time: ${p}` } : { end, time, twelveHour: true };
  }
  const hours = at(RE.hoursWord, text, end);
  if (hours) end += hours[0].length;
  const p = timeProblem(time);
  return p ? { end, twelveHour: false, problem: `${text.slice(pos, end)} is not a time: ${p}` } : { end, time, twelveHour: false };
}

/** Why a date as written is impossible (a missing year allows 29 February). */
export function stampDateProblem(date: StampDate): string | undefined {
  if (date.year !== undefined) return dateProblem(date as Required<StampDate>);
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  if (date.day < 1 || date.day > daysInMonth(2000, date.month)) return `there is no day ${date.day} in month ${date.month}`;
  return undefined;
}

/**
 * The timestamp written at `pos`, or undefined when none starts there. A timestamp has
 * a date, a time, or both; a found but impossible one has `problem` set.
 */
export function parseStamp(text: string, pos: number, order: DateOrder, fourDigit = false): ParsedStamp | undefined {
  const c0 = text.charCodeAt(pos);
  // Only "+", "[", "\\" or "T" can start a relative time: the regex runs for those alone.
  const rel = c0 === 43 || c0 === 91 || c0 === 92 || c0 === 84 ? at(RE.relative, text, pos) : null;
  if (rel) return relativeStamp(text, pos, rel);
  let p = pos;
  const approx = at(RE.approx, text, p);
  if (approx) p += approx[0].length;
  let approximate = !!approx;
  const clockWord = at(RE.clockWord, text, p);
  if (clockWord) p += clockWord[0].length;
  let stampDate: StampDate | undefined;
  let incomplete = false;
  let clock: ClockHit | undefined;
  let clockStart = 0;
  let zone: ZoneToken | undefined;
  let dateSpan: [number, number] | undefined;
  let weekday: number | undefined;
  let rangeProblem: string | undefined;

  let dateStart = p;
  let date = parseDateAt(text, p, order);
  const c = text.charCodeAt(p) | 32;
  const lead = date || (c !== 98 && c !== 102) ? null : at(RE.periodLead, text, p);
  if (lead) date = parseDateAt(text, (dateStart = p + lead[0].length), order);
  if (date) {
    dateSpan = [dateStart, date.end];
    p = date.end;
    incomplete = !!date.incomplete;
    stampDate = date.date;
    const to = date.date ? at(lead ? RE.dateRangeTo : RE.bareRangeTo, text, p) : null;
    const until = to ? parseDateAt(text, p + to[0].length, order) : undefined;
    // A period of days ends the stamp: its first day is the entry's.
    if (until?.date) p = until.end;
    const join = until?.date ? null : at(RE.dateTimeJoin, text, p);
    if (join) {
      let at0 = p + join[0].length;
      // "2018-07-30 ca. 11:20": an approximate time after the date.
      const approxTime = at(RE.approx, text, at0);
      if (approxTime && (parseClockAt(text, at0 + approxTime[0].length) || at(RE.clockWord, text, at0 + approxTime[0].length))) {
        at0 += approxTime[0].length;
        approximate = true;
      }
      const word = at(RE.clockWord, text, at0);
      if (word) at0 += word[0].length;
      // "Dec 16th **12:43**": the time may be emphasised on its own.
      const emph = at(RE.emphasis, text, at0);
      const clockAt = emph ? at0 + emph[0].length : at0;
      clock = parseClockAt(text, clockAt) ?? dotClockAt(text, clockAt) ?? fourDigitClockAt(text, clockAt) ?? (date.date?.year !== undefined ? separatedFourDigitClockAt(text, clockAt) : undefined);
      if (clock && emph && !text.startsWith(emph[0], clock.end)) clock = undefined;
      if (clock) {
        clockStart = clockAt;
        p = clock.end + (emph ? emph[0].length : 0);
      }
    }
  } else {
    // "Mon 14:02", "Tuesday, 9:15 AM": a weekday before the time names the day.
    // (Weekdays start with m, t, w, f or s: other text skips the expression.)
    const lead = text.charCodeAt(p) | 32;
    const wd = lead === 109 || lead === 116 || lead === 119 || lead === 102 || lead === 115 ? at(RE.weekday, text, p) : null;
    const clockAt = wd ? p + wd[0].length : p;
    clock = parseClockAt(text, clockAt) ?? dotClockAt(text, clockAt) ?? fourDigitClockAt(text, clockAt) ?? (fourDigit ? bareFourDigitClockAt(text, clockAt) : undefined);
    if (!clock) return undefined;
    if (wd) weekday = WEEKDAYS.indexOf(wd[0].slice(0, 3).toLowerCase());
    clockStart = clockAt;
    p = clock.end;
  }
  if (clock) {
    // "10:07-10:29" is a range, not 10:07 at UTC-10:29; after an ISO "T" a signed offset stays one.
    const isoT = text[clockStart - 1] === 'T';
    const early = isoT ? undefined : rangeEnd(text, p);
    zone = early ? undefined : zoneAfterTime(text, p);
    if (zone) p = zone.end;
    const range = early ?? rangeEnd(text, p);
    if (range) {
      p = range.end;
      // A zone written once after the range ("22:04-23:00 UTC") is the start's too.
      if (!zone && range.zone) zone = range.zone;
      if (clock.time && !clock.twelveHour && range.clock.twelveHour && range.clock.time) clock = { ...clock, time: meridiemFromEnd(clock.time, range.clock.time), twelveHour: true };
      rangeProblem = backwardRange(clock.time, range.clock.time, text.slice(clockStart, range.end));
    }
    const wd = at(RE.weekdayNote, text, p);
    if (wd) {
      weekday = WEEKDAYS.indexOf(wd[1]!.toLowerCase());
      p += wd[0].length;
    }
    const suffix = at(RE.approxSuffix, text, p);
    if (suffix) {
      approximate = true;
      p += suffix[0].length;
    }
    if (!stampDate && !incomplete) {
      const trailing = trailingDate(text, p, order);
      if (trailing) {
        stampDate = trailing.date;
        dateSpan = [p, trailing.end];
        p = trailing.end;
      }
    }
  }
  const problems: string[] = [];
  if (stampDate && dateSpan) {
    const dp = stampDateProblem(stampDate);
    const how = date?.numeric ? ` (numeric dates are read as ${date.numeric === 'DMY' ? 'day/month' : 'month/day'}; see the postmortem.dateOrder setting)` : '';
    if (dp) problems.push(`${text.slice(dateSpan[0], dateSpan[1]).replace(/^[\s(]+|[\s)]+$/g, '')} is not a date: ${dp}${how}`);
  }
  if (clock?.problem) problems.push(clock.problem);
  return {
    start: pos,
    end: p,
    raw: text.slice(pos, p),
    date: stampDate,
    time: clock?.time,
    clock: clock ? { start: clockStart, end: clock.end, twelveHour: clock.twelveHour } : undefined,
    timeUnknown: clock?.placeholder ? true : undefined,
    hourOnly: clock?.hourOnly,
    incomplete: incomplete || undefined,
    zone,
    problem: problems.length ? problems.join('; ') : undefined,
    approximate: approximate || undefined,
    weekday,
    rangeProblem,
    after: undefined,
  };
}

/** A stamp with every field present and nothing read: all stamps share one object shape. */
export function emptyStamp(start: number, end: number, raw: string): ParsedStamp {
  return {
    start,
    end,
    raw,
    date: undefined,
    time: undefined,
    clock: undefined,
    timeUnknown: undefined,
    hourOnly: undefined,
    incomplete: undefined,
    zone: undefined,
    problem: undefined,
    approximate: undefined,
    weekday: undefined,
    rangeProblem: undefined,
    after: undefined,
  };
}

/** a, d, f, j, m, n, o, s (months), t, w (weekdays), as char codes in lower case. */
const DATE_INITIALS = new Set([...'adfjmnostw'].map((c) => c.charCodeAt(0)));

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * A clock written without a colon, only when a zone follows (alone it may be a version, an
 * amount or a year): "08.45 UTC" (dotted), "2018-08-10 1250 UTC" and "0659Z" (four digits).
 */
function zonedClockAt(re: RegExp, text: string, pos: number): ClockHit | undefined {
  const m = at(re, text, pos);
  if (!m) return undefined;
  let end = pos + m[0].length;
  // "1402 hrs" says it is a clock as a zone does.
  const hours = re === RE.fourDigitClock ? at(RE.hoursWord, text, end) : null;
  if (hours) end += hours[0].length;
  else if (zoneAfterTime(text, end)?.lookup.kind !== 'zone') return undefined;
  return { end, time: { hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 }, twelveHour: false };
}

const dotClockAt = (text: string, pos: number) => zonedClockAt(RE.dotClock, text, pos);

/** "2024-03-12 0616: wrong block": four digits after a full date, then the entry's separator, are its clock. */
const SEPARATED_FOUR_DIGITS = /([01]\d|2[0-3])([0-5]\d)(?=:\s|\s[-–—]\s)/y;
function separatedFourDigitClockAt(text: string, pos: number): ClockHit | undefined {
  const m = at(SEPARATED_FOUR_DIGITS, text, pos);
  if (!m) return undefined;
  return { end: pos + m[0].length, time: { hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 }, twelveHour: false };
}
const fourDigitClockAt = (text: string, pos: number) => zonedClockAt(RE.fourDigitClock, text, pos);

/**
 * "1727: Laurie noticed…", "1727 : …", "[1758](…): …": four digits with no date before them, then
 * the entry's separator (or the end of a link's text). Read only in a timeline that writes its
 * times so (`fourDigitClocks`): alone, "2016: we launched" is a year.
 */
const BARE_FOUR_DIGITS = /([01]\d|2[0-3])([0-5]\d)(?=\s?:\s|\s[-–—]\s|\]|\s*$)/y;
function bareFourDigitClockAt(text: string, pos: number): ClockHit | undefined {
  const m = at(BARE_FOUR_DIGITS, text, pos);
  if (!m) return undefined;
  return { end: pos + m[0].length, time: { hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 }, twelveHour: false };
}

/** A line that opens with four digits and a separator, after a list marker, "~" or a link's "[". */
const FOUR_DIGIT_LINE = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__|\[)?(~\s?)?([01]\d|2[0-3])([0-5]\d)(?:\*\*|__|\]\([^)\s]*\))?\s?(?::\s|[-–—]\s)/;

/**
 * True when the lines write times of day as four digits ("1727: …", "~1442: …"): two lines at
 * least, one of which cannot be a year (1738, 0916, 2246, or marked "~" as about). Lines of
 * years alone ("2015: founded", "2019: first release") do not make a timeline of clocks.
 */
export function fourDigitClocks(lines: Iterable<string>): boolean {
  let n = 0;
  let clockOnly = false;
  for (const line of lines) {
    const m = FOUR_DIGIT_LINE.exec(line);
    if (!m) continue;
    n++;
    const value = Number(m[2]! + m[3]!);
    if (m[1] || value < 1900 || value > 2039) clockOnly = true;
    if (n >= 2 && clockOnly) return true;
  }
  return false;
}

/** Longer than this, a range that ends before it starts is not one running past midnight but a slip. */
const MAX_OVERNIGHT_MS = 12 * 3_600_000;

/**
 * Why a range of clock times is impossible: it ends before it starts and, read as running
 * past midnight, would last more than half a day ("16:30 to 15:00"). "23:00-01:00" runs past midnight.
 */
function backwardRange(start: CivilTime | undefined, end: CivilTime | undefined, written: string): string | undefined {
  if (!start || !end) return undefined;
  const a = timeMsOf(start);
  const b = timeMsOf(end);
  if (b >= a || b + 86_400_000 - a <= MAX_OVERNIGHT_MS) return undefined;
  return `${written.trim()} ends before it starts`;
}

/** "+10 minutes", "[+6.5 hrs]", "+2 Business Days Later": a time counted from an earlier entry. */
function relativeStamp(text: string, pos: number, m: RegExpExecArray): ParsedStamp {
  const n = Number(m[1]);
  const end = pos + m[0].length;
  // Whole days name a day ("+2 days"); a part of one ("+1.5 days") is a time again.
  const after = m[4] && Number.isInteger(n) ? { days: n, business: /^(?:business|working)/i.test(m[4]) } : { ms: Math.round(n * (m[2] ? 60_000 : m[3] ? 3_600_000 : 86_400_000)) };
  return { ...emptyStamp(pos, end, text.slice(pos, end)), after };
}

/** The end of a range (`- 11:00`, `-12:??`, `-10:29 AM`): the start of the range is the entry's time. */
function rangeEnd(text: string, p: number): { end: number; clock: ClockHit; zone?: ZoneToken } | undefined {
  const dash = at(RE.rangeTo, text, p);
  if (!dash) return undefined;
  const clock = parseClockAt(text, p + dash[0].length);
  if (!clock) return undefined;
  const zone = zoneAfterTime(text, clock.end);
  return zone ? { end: zone.end, clock, zone } : { end: clock.end, clock };
}

/**
 * The start of a range whose end alone carries AM/PM (`10:07-10:29 AM`, `5:38-10:57 PM`):
 * the same half of the day, unless that puts the start after the end (`11:45-12:10 PM`).
 */
function meridiemFromEnd(start: CivilTime, end: CivilTime): CivilTime {
  if (start.hour < 1 || start.hour > 12) return start;
  const pm = end.hour >= 12;
  const same = { ...start, hour: (start.hour % 12) + (pm ? 12 : 0) };
  if (timeMsOf(same) <= timeMsOf(end)) return same;
  return { ...start, hour: (start.hour % 12) + (pm ? 0 : 12) };
}

const timeMsOf = (t: CivilTime) => ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.millisecond;

/** A date after the time: `22:30 UTC (Oct 29)` or `14:00 on 25 Aug 2023`. */
function trailingDate(text: string, p: number, order: DateOrder): { date: StampDate; end: number } | undefined {
  const open = at(RE.parenOpen, text, p);
  if (open) {
    // "23:00 UTC (*April 5*)": the date may be emphasised inside the brackets.
    const emph = at(RE.emphasis, text, p + open[0].length);
    const from = p + open[0].length + (emph ? emph[0].length : 0);
    const d = parseDateAt(text, from, order);
    const dEnd = d && emph ? (text.startsWith(emph[0], d.end) ? d.end + emph[0].length : -1) : d?.end;
    const close = d && dEnd !== undefined && dEnd >= 0 ? at(RE.parenClose, text, dEnd) : null;
    return d?.date && close ? { date: d.date, end: dEnd! + close[0].length } : undefined;
  }
  const on = at(RE.on, text, p);
  if (on) {
    const d = parseDateAt(text, p + on[0].length, order);
    if (d?.date) return { date: d.date, end: d.end };
  }
  // "12:45 PM PST Saturday Oct 30th, 2021": the date after the time and its zone, a weekday before it; its month
  // in words or its year written ("14:02 15/3" may be a ratio, "14:02 3 users" no date at all).
  const gap = at(RE.dateGap, text, p);
  // Only a digit or a letter that starts a month or a weekday can start the date: other text skips the expressions.
  const first = gap ? text.charCodeAt(p + gap[0].length) | 32 : 0;
  if (gap && ((first >= 48 && first <= 57) || DATE_INITIALS.has(first))) {
    let q = p + gap[0].length;
    const wd = first === 109 || first === 116 || first === 119 || first === 102 || first === 115 ? at(RE.weekday, text, q) : null;
    if (wd) q += wd[0].length;
    const d = parseDateAt(text, q, order);
    if (d?.date && (!d.numeric || d.date.year !== undefined)) return { date: d.date, end: d.end };
  }
  return undefined;
}
