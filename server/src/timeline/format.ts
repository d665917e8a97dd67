/** Times as the messages, the hover and the view show them. */
import { formatInTimeZone } from 'date-fns-tz';
import { formatDate, formatTime, fromWallMs, MS_PER_MINUTE } from '../time/civil.js';
import { formatOffset, isoInstant, type Zone } from '../time/zones.js';
import type { TimelineEvent } from './types.js';

/** An event's local date and time as resolved ("2021-12-13 14:30"), or its timestamp as written. */
export function localText(ev: TimelineEvent): string {
  if (ev.date && ev.time) return `${formatDate(ev.date)} ${formatTime(ev.time)}`;
  if (ev.date) return formatDate(ev.date);
  if (ev.time) return formatTime(ev.time);
  return ev.raw;
}

/** `UTC+02:00`, `UTC−05:00`, `UTC`. */
export function utcOffsetText(minutes: number): string {
  return minutes === 0 ? 'UTC' : `UTC${formatOffset(minutes).replace('-', '−')}`;
}

/** An instant in a zone with its offset: "2024-08-20 14:02 (UTC+02:00)". */
export function inZone(utc: number, zone: Zone): string {
  if (zone.kind === 'iana') {
    const text = formatInTimeZone(new Date(utc), zone.name, "yyyy-MM-dd HH:mm:ss '('xxx')'");
    return text.replace(/:00 \(/, ' (').replace(/\(([+-]\d\d:\d\d)\)/, (_, o: string) => `(${o === '+00:00' ? 'UTC' : `UTC${o.replace('-', '−')}`})`);
  }
  const { date, time } = fromWallMs(utc + zone.offsetMinutes * MS_PER_MINUTE);
  return `${formatDate(date)} ${formatTime(time)} (${utcOffsetText(zone.offsetMinutes)})`;
}

/** An instant in UTC for people: "2024-08-20 12:02 UTC". */
export function utcText(utc: number): string {
  const iso = isoInstant(utc);
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.length - (iso.endsWith(':00Z') ? 4 : 1))} UTC`;
}
