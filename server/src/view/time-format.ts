/**
 * Time zones and time formatting for the timeline views (preview, SVG, Mermaid).
 * Pure and locale-independent: the same instant gives the same text in Node and
 * in a browser, whatever the machine's language. Zones are read and offset by the
 * timeline's own zone code, so the preview and the diagnostics agree on every instant.
 */
import { offsetAt, parseZoneName } from '../time/zones.js';

/** Which clock the viewer reads the timeline in. */
export type ZoneChoice = 'document' | 'utc' | 'local';
export const ZONE_CHOICES: readonly ZoneChoice[] = ['document', 'utc', 'local'];

/** A zone the formatter can use: an IANA name, or a fixed offset from UTC. */
export interface Zone {
  /** "UTC", an IANA name ("Europe/Paris") or an offset ("+02:00"). */
  id: string;
  /** Fixed offset in minutes east of UTC, for offset zones; undefined for IANA zones. */
  fixedOffset?: number;
}

/** The zone to display, with a note when the choice could not be honoured. */
export interface ResolvedZone {
  zone: Zone;
  /** Why the zone shown differs from the one asked for, if it does. */
  note?: string;
}

export const UTC: Zone = { id: 'UTC', fixedOffset: 0 };

/** The id of the clock of entries whose zone is unknown: shown as written, never converted. */
export const WALL_CLOCK_ID = 'local time';

/**
 * Reads a zone as documents write it ("UTC", "Z", "+02:00", "UTC-5", "Europe/Paris"), with the
 * timeline's own zone reader. Returns undefined when it is not a zone this runtime knows.
 */
export function parseZone(text: string | null | undefined): Zone | undefined {
  if (!text) return undefined;
  const zone = parseZoneName(text.replace(/\u2212/g, '-'));
  if (!zone) return undefined;
  if (zone.kind === 'iana') return { id: zone.name };
  return zone.offsetMinutes === 0 ? UTC : { id: offsetText(zone.offsetMinutes), fixedOffset: zone.offsetMinutes };
}

/** Picks the zone for a choice: the document's stated zone, UTC, or the viewer's own. */
export function resolveZone(choice: ZoneChoice, documentZone: string | null, localZone: string | undefined): ResolvedZone {
  if (choice === 'utc') return { zone: UTC };
  if (choice === 'local') {
    const zone = parseZone(localZone);
    return zone ? { zone } : { zone: UTC, note: 'Your local time zone is unknown; times are shown in UTC.' };
  }
  if (!documentZone) return { zone: UTC, note: 'The document does not state its time zone; times are shown in UTC.' };
  const zone = parseZone(documentZone);
  return zone ? { zone } : { zone: UTC, note: `The document's time zone "${documentZone}" is not known; times are shown in UTC.` };
}

/** An instant's calendar fields in a zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset from UTC at that instant, in minutes east. */
  offset: number;
}

/** The calendar fields of `ms` (milliseconds since the epoch) in `zone`, from the timeline's cached zone offsets. */
export function partsIn(ms: number, zone: Zone): ZonedParts {
  const offset = zone.fixedOffset ?? offsetAt({ kind: 'iana', name: zone.id, label: zone.id }, ms);
  const d = new Date(ms + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    offset,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "+02:00", "-05:30", "+00:00". */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "14:05" or "14:05:09". */
export function clockText(p: ZonedParts, seconds: boolean): string {
  return seconds ? `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` : `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2024-03-05": the calendar day, also a key for grouping by day. */
export function dateKey(p: ZonedParts): string {
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 5 Mar 2024". */
export function dayText(p: ZonedParts): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  return `${weekday} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** A zone's name for people: "UTC", "Europe/Paris", "UTC+02:00". */
export function zoneLabel(zone: Zone): string {
  if (zone.id === 'UTC') return 'UTC';
  if (zone.id === WALL_CLOCK_ID) return 'local time, as written';
  return zone.fixedOffset !== undefined ? `UTC${offsetText(zone.fixedOffset)}` : zone.id;
}

/** A duration for people: "45 min", "7 h 10 min", "2 d 3 h", "30 s"; "unknown" for null. */
export function durationText(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return 'unknown';
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  if (abs > 0 && abs < 1) return `${sign}${Math.round(abs * 60)} s`;
  const total = Math.round(abs);
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (m && !(d && h)) parts.push(`${m} min`);
  if (parts.length === 0) parts.push('0 min');
  return sign + parts.join(' ');
}
