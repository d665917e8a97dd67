/**
 * Finding time zones in text: after a time on an entry ("14:02 UTC", "09:30+02:00",
 * "10:00 (Europe/Berlin)") and in statements ("All times are PST/PDT").
 * The patterns are compiled once; scanning is linear in the text.
 */
import { cityZone, lookupZoneWord, type ZoneLookup } from './abbreviations.js';
import { fixedZone, ianaName, UTC } from './zones.js';

export interface ZoneToken {
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  raw: string;
  lookup: ZoneLookup;
}

const UTC_OFFSET = /(UTC|GMT|UT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?(?![\d:])/y;
const OFFSET = /([+\-−])(\d{2}):?(\d{2})(?![\d:])|([+\-−])(\d{2})(?![\d:])/y;
const IANA = /[A-Z][A-Za-z]+(?:[_-][A-Za-z]+)*\/[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z][A-Za-z0-9_+-]*)?/y;
const NAME = /(?:[A-Z][A-Za-z]+ ){1,3}(?:[Tt]ime)(?![A-Za-z])/y;
const PAIR = /([A-Z]{2,5})\s?\/\s?([A-Z]{2,5})(?![A-Za-z])/y;
const WORD = /[A-Z][A-Za-z]{0,9}(?![A-Za-z/])/y;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function offsetMinutes(sign: string, hours: string, minutes: string | undefined): number | undefined {
  const h = Number(hours);
  const m = Number(minutes ?? 0);
  if (h > 14 || m > 59) return undefined;
  return (sign === '+' ? 1 : -1) * (h * 60 + m);
}

/** A zone written exactly at `pos`, or undefined. */
export function zoneAt(text: string, pos: number): ZoneToken | undefined {
  const make = (end: number, lookup: ZoneLookup): ZoneToken => ({ start: pos, end, raw: text.slice(pos, end), lookup });
  let m = sticky(UTC_OFFSET, text, pos);
  if (m) {
    const minutes = offsetMinutes(m[2]!, m[3]!, m[4]);
    if (minutes !== undefined) return make(pos + m[0].length, { kind: 'zone', zone: fixedZone(minutes, m[0]) });
  }
  m = sticky(OFFSET, text, pos);
  if (m) {
    const minutes = m[1] ? offsetMinutes(m[1], m[2]!, m[3]) : offsetMinutes(m[4]!, m[5]!, undefined);
    return minutes === undefined ? undefined : make(pos + m[0].length, { kind: 'zone', zone: fixedZone(minutes, m[0]) });
  }
  const c = text.charCodeAt(pos);
  if (!(c >= 65 && c <= 90)) return undefined; // zones start with a capital letter
  m = sticky(IANA, text, pos);
  if (m) {
    const name = ianaName(m[0]);
    if (name) return make(pos + m[0].length, { kind: 'zone', zone: { kind: 'iana', name, label: m[0] } });
  }
  m = sticky(NAME, text, pos);
  if (m) {
    const hit = lookupZoneWord(m[0]);
    if (hit) return make(pos + m[0].length, hit);
  }
  m = sticky(PAIR, text, pos);
  if (m) {
    const hit = lookupZoneWord(`${m[1]}/${m[2]}`);
    if (hit) return make(pos + m[0].length, hit);
  }
  m = sticky(WORD, text, pos);
  if (m) {
    const hit = lookupZoneWord(m[0]);
    if (hit) return make(pos + m[0].length, hit);
    // "16:37 Denver - Mark updated plugins": a city's name where a zone goes, closed by a separator
    // (not "16:37 Denver engineers…", where it may be a place or a name in the sentence).
    const city = cityZone(m[0]);
    if (city && CLOSED.test(text.slice(pos + m[0].length, pos + m[0].length + 3))) return make(pos + m[0].length, { kind: 'zone', zone: { kind: 'iana', name: city, label: m[0] } });
  }
  return undefined;
}

/** What may follow a zone written as a city: a separator, a bracket, a comma or the end. */
const CLOSED = /^(?:\s*(?:[-–—:|),]|$))/;

/**
 * The zone written right after a time that ends at `pos`: `Z` or an offset attached
 * to it, or after a space, optionally in parentheses ("10:00 (UTC)").
 */
export function zoneAfterTime(text: string, pos: number): ZoneToken | undefined {
  const c = text[pos];
  if (c === 'Z' && !/[A-Za-z]/.test(text[pos + 1] ?? '')) return { start: pos, end: pos + 1, raw: 'Z', lookup: { kind: 'zone', zone: UTC } };
  if (c === '+' || c === '-' || c === '−') {
    const t = zoneAt(text, pos);
    if (t) return t;
  }
  let p = pos;
  while (text[p] === ' ' || text[p] === '\t') p++;
  if (p === pos && /[A-Za-z]/.test(c ?? '')) return undefined;
  const paren = text[p] === '(';
  if (paren) p++;
  const t = zoneAt(text, p);
  if (!t) return undefined;
  if (paren) {
    if (text[t.end] !== ')') return undefined;
    return { ...t, end: t.end + 1 };
  }
  return t;
}

/** Every zone mentioned in a text, in order. */
export function zonesIn(text: string): ZoneToken[] {
  const out: ZoneToken[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!/[A-Z+\-−]/.test(c)) continue;
    if (i > 0 && /[A-Za-z0-9]/.test(text[i - 1]!)) continue;
    // A bare offset stands alone ("(+02:00)", "times are -05:00"), not inside a name ("pool1-...-13").
    if (!/[A-Z]/.test(c) && i > 0 && !/[\s(\[]/.test(text[i - 1]!)) continue;
    const t = zoneAt(text, i);
    if (t) {
      out.push(t);
      i = t.end - 1;
    }
  }
  return out;
}

/** The most specific zone among tokens: an IANA zone, then a zone following DST, then a fixed one; ambiguous ones last. */
export function bestZone(tokens: readonly ZoneToken[]): ZoneToken | undefined {
  // An explicit offset ("PST (UTC-7)") settles what an abbreviation beside it only names.
  const rank = (t: ZoneToken) => (t.lookup.kind === 'ambiguous' ? 3 : t.lookup.zone.kind === 'iana' ? (t.lookup.zone.label.includes('/') ? 0 : 1) : /\d/.test(t.raw) ? 1 : 2);
  let best: ZoneToken | undefined;
  for (const t of tokens) if (!best || rank(t) < rank(best)) best = t;
  return best;
}
