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
    const [day, clock, offset] = formatInTimeZone(new Date(utc), zone.name, 'yyyy-MM-dd HH:mm:ss xxx').split(' ');
    const minutes = offset === '+00:00' ? 0 : (offset!.startsWith('-') ? -1 : 1) * (Number(offset!.slice(1, 3)) * 60 + Number(offset!.slice(4, 6)));
    return `${day} ${clock!.endsWith(':00') ? clock!.slice(0, 5) : clock} (${utcOffsetText(minutes)})`;
  }
  const { date, time } = fromWallMs(utc + zone.offsetMinutes * MS_PER_MINUTE);
  return `${formatDate(date)} ${formatTime(time)} (${utcOffsetText(zone.offsetMinutes)})`;
}

/** An instant in UTC for people: "2024-08-20 12:02 UTC". */
export function utcText(utc: number): string {
  const iso = isoInstant(utc);
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.length - (iso.endsWith(':00Z') ? 4 : 1))} UTC`;
}
