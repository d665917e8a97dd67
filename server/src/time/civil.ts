/**
 * Calendar arithmetic on plain dates and times, with no time zone: the proleptic
 * Gregorian calendar through Date.UTC, which never depends on the machine's zone.
 */

/** A calendar date; `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A time of day on a 24-hour clock. */
export interface CivilTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of a year (February follows the leap-year rule). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS[month - 1] ?? 0);
}

/** Why a date is impossible, or undefined when it exists. */
export function dateProblem(date: CivilDate): string | undefined {
  if (!Number.isInteger(date.year) || date.year < 1000 || date.year > 9999) return `the year ${date.year} is not a four-digit year`;
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  const max = daysInMonth(date.year, date.month);
  if (date.day < 1 || date.day > max) return `${MONTH_NAMES[date.month - 1]} ${date.year} has no day ${date.day} (it has ${max})`;
  return undefined;
}

/** Why a time of day is impossible, or undefined when it exists. */
export function timeProblem(time: CivilTime): string | undefined {
  if (time.hour > 23) return `there is no hour ${time.hour} on a 24-hour clock`;
  if (time.minute > 59) return `there is no minute ${time.minute}`;
  if (time.second > 59) return `there is no second ${time.second}`;
  return undefined;
}

/** Days since 1970-01-01 of a (valid) date. */
export function dayNumber(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

/** The date of a day number. */
export function fromDayNumber(day: number): CivilDate {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Milliseconds of a time since midnight. */
export function timeMs(time: CivilTime): number {
  return time.hour * MS_PER_HOUR + time.minute * MS_PER_MINUTE + time.second * 1000 + time.millisecond;
}

/** A local date and time as a count of milliseconds, as if the zone were UTC (a "wall-clock" value). */
export function wallMs(date: CivilDate, time: CivilTime | undefined): number {
  return dayNumber(date) * MS_PER_DAY + (time ? timeMs(time) : 0);
}

/** The date and time of a wall-clock value. */
export function fromWallMs(ms: number): { date: CivilDate; time: CivilTime } {
  const d = new Date(ms);
  return {
    date: { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
    time: { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds() },
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD`. */
export function formatDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `HH:MM`, or `HH:MM:SS` when there are seconds. */
export function formatTime(time: CivilTime): string {
  const base = `${pad(time.hour)}:${pad(time.minute)}`;
  return time.second || time.millisecond ? `${base}:${pad(time.second)}` : base;
}

/** A duration in minutes as "1 h 05 min", "45 min" or "2 d 3 h 00 min"; negative durations get a minus sign. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  let m = Math.round(Math.abs(minutes));
  const d = Math.floor(m / 1440);
  m -= d * 1440;
  const h = Math.floor(m / 60);
  m -= h * 60;
  if (d) return `${sign}${d} d ${h} h ${pad(m)} min`;
  if (h) return `${sign}${h} h ${pad(m)} min`;
  return `${sign}${m} min`;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
