/**
 * Time zones: fixed offsets and IANA zones. IANA offsets come from one cached
 * Intl.DateTimeFormat per zone (building one costs far more than using it), and
 * offsets of whole days without a transition are cached too, so resolving a long
 * timeline costs a handful of formatter calls per zone and day.
 */
import { MS_PER_DAY, MS_PER_MINUTE } from './civil.js';

export type Zone =
  /** A fixed offset from UTC; `label` is how the document wrote it (UTC, CEST, +02:00). */
  | { kind: 'fixed'; offsetMinutes: number; label: string }
  /** An IANA zone with its rules (daylight saving time included). */
  | { kind: 'iana'; name: string; label: string };

export const UTC: Zone = Object.freeze({ kind: 'fixed', offsetMinutes: 0, label: 'UTC' });

export function fixedZone(offsetMinutes: number, label = formatOffset(offsetMinutes)): Zone {
  return { kind: 'fixed', offsetMinutes, label };
}

/** `+02:00`, `-05:30`, `+00:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The zone as the protocol names it: an IANA name, "UTC", or an offset like "+02:00". */
export function zoneId(zone: Zone): string {
  if (zone.kind === 'iana') return zone.name;
  return zone.offsetMinutes === 0 ? 'UTC' : formatOffset(zone.offsetMinutes);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The cached formatter of an IANA zone, or null when the runtime does not know the zone. */
function formatter(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      f = null;
    }
    formatters.set(name, f);
  }
  return f;
}

const canonicalNames = new Map<string, string | null>();

/** The canonical spelling of an IANA zone name ("europe/berlin" → "Europe/Berlin"), or undefined when it is not one. */
export function ianaName(name: string): string | undefined {
  let c = canonicalNames.get(name);
  if (c === undefined) {
    const f = /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) ? formatter(name) : null;
    c = f ? f.resolvedOptions().timeZone : null;
    canonicalNames.set(name, c);
  }
  return c ?? undefined;
}

/**
 * A zone from configuration or frontmatter: an IANA name, UTC/GMT/Z, or an offset
 * like +02:00. Anything else is undefined (an unknown zone, never a guess).
 */
export function parseZoneName(value: string): Zone | undefined {
  const v = value.trim();
  if (/^(?:UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(v)) return UTC;
  const off = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(v);
  if (off) {
    const h = Number(off[2]);
    const m = Number(off[3] ?? 0);
    if (h > 14 || m > 59) return undefined;
    const minutes = (off[1] === '-' ? -1 : 1) * (h * 60 + m);
    return fixedZone(minutes);
  }
  const name = ianaName(v);
  return name ? { kind: 'iana', name, label: name } : undefined;
}

/** Per zone and UTC day: the day's offset, or null for a day with a transition (its offsets are cached by the minute). */
const dayOffsets = new Map<string, Map<number, number | null>>();

function intlOffsetMinutes(f: Intl.DateTimeFormat, utcMs: number): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of f.formatToParts(utcMs)) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = /^B/i.test(p.value); break;
    }
  }
  const d = new Date(0);
  d.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  d.setUTCHours(hour % 24, minute, second, 0);
  const wholeSeconds = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return Math.round((d.getTime() - wholeSeconds) / MS_PER_MINUTE);
}

/** The zone's offset from UTC in minutes at an instant (local = UTC + offset). */
export function offsetAt(zone: Zone, utcMs: number): number {
  if (zone.kind === 'fixed') return zone.offsetMinutes;
  const f = formatter(zone.name);
  if (!f) return 0;
  let days = dayOffsets.get(zone.name);
  if (!days) dayOffsets.set(zone.name, (days = new Map()));
  const day = Math.floor(utcMs / MS_PER_DAY);
  let known = days.get(day);
  if (known === undefined) {
    const start = intlOffsetMinutes(f, day * MS_PER_DAY);
    const end = intlOffsetMinutes(f, (day + 1) * MS_PER_DAY - 1000);
    known = start === end ? start : null;
    if (days.size > 4096) days.clear();
    days.set(day, known);
  }
  if (known !== null) return known;
  // A day with a transition: by the minute (offsets change on a minute), cached too, since every
  // analysis of a document asks for the same few instants again (Intl's formatting is the slow part).
  const minute = Math.floor(utcMs / MS_PER_MINUTE);
  const key = `${zone.name}\0${minute}`;
  const cached = minuteOffsets.get(key);
  if (cached !== undefined) return cached;
  const offset = intlOffsetMinutes(f, minute * MS_PER_MINUTE);
  if (minuteOffsets.size > 4096) minuteOffsets.clear();
  minuteOffsets.set(key, offset);
  return offset;
}

const minuteOffsets = new Map<string, number>();

/** What a local (wall-clock) time means in a zone. */
export type LocalInstant =
  | { kind: 'ok'; utc: number; offset: number }
  /** The local time does not exist: clocks jumped over it. Offsets before and after the jump. */
  | { kind: 'gap'; offsetBefore: number; offsetAfter: number }
  /** The local time happened twice: clocks were set back over it. */
  | { kind: 'overlap'; earlier: { utc: number; offset: number }; later: { utc: number; offset: number } };

/**
 * The instant(s) of a wall-clock value (milliseconds as if the zone were UTC) in a zone.
 * Assumes at most one transition within a day of it, which holds for every real zone.
 */
export function localToInstant(zone: Zone, wallMs: number): LocalInstant {
  if (zone.kind === 'fixed') return { kind: 'ok', utc: wallMs - zone.offsetMinutes * MS_PER_MINUTE, offset: zone.offsetMinutes };
  const before = offsetAt(zone, wallMs - MS_PER_DAY);
  const after = offsetAt(zone, wallMs + MS_PER_DAY);
  const valid: Array<{ utc: number; offset: number }> = [];
  for (const offset of before === after ? [before] : [before, after]) {
    const utc = wallMs - offset * MS_PER_MINUTE;
    if (offsetAt(zone, utc) === offset && !valid.some((v) => v.utc === utc)) valid.push({ utc, offset });
  }
  if (valid.length === 1) return { kind: 'ok', ...valid[0]! };
  if (valid.length === 0) return { kind: 'gap', offsetBefore: before, offsetAfter: after };
  valid.sort((a, b) => a.utc - b.utc);
  return { kind: 'overlap', earlier: valid[0]!, later: valid[1]! };
}

/** An instant as `YYYY-MM-DDTHH:MM:SSZ` (milliseconds only when there are some). */
export function isoInstant(utcMs: number): string {
  const s = new Date(utcMs).toISOString();
  return s.endsWith('.000Z') ? s.slice(0, -5) + 'Z' : s;
}
