/**
 * Time zone names and how prose states a zone: IANA names, UTC/GMT/Z, offsets and
 * the common abbreviations. Self-contained: the summary checks and the frontmatter's
 * "Did you mean …" use it; the timeline has its own resolution.
 */

/** Common abbreviations and the IANA zones they usually stand for (most likely first). */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  CET: ['Europe/Berlin', 'Europe/Paris', 'Europe/Amsterdam'],
  CEST: ['Europe/Berlin', 'Europe/Paris', 'Europe/Amsterdam'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest'],
  EEST: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest'],
  BST: ['Europe/London'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  MSK: ['Europe/Moscow'],
  PT: ['America/Los_Angeles'],
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  MT: ['America/Denver'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  CT: ['America/Chicago'],
  CST: ['America/Chicago', 'Asia/Shanghai'],
  CDT: ['America/Chicago'],
  ET: ['America/New_York'],
  EST: ['America/New_York'],
  EDT: ['America/New_York'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  ACST: ['Australia/Adelaide'],
  AWST: ['Australia/Perth'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  SGT: ['Asia/Singapore'],
  HKT: ['Asia/Hong_Kong'],
  BRT: ['America/Sao_Paulo'],
  ART: ['America/Argentina/Buenos_Aires'],
  SAST: ['Africa/Johannesburg'],
};

let zoneNames: readonly string[] | undefined;

/** Every IANA zone name this runtime knows, plus UTC. */
export function ianaZoneNames(): readonly string[] {
  if (!zoneNames) {
    const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    zoneNames = ['UTC', ...supported.filter((z) => z !== 'UTC')];
  }
  return zoneNames;
}

/** The all-capitals names IANA itself has (legacy zones and links). */
const IANA_UPPER_CASE = new Set(['UTC', 'UCT', 'GMT', 'EST', 'MST', 'HST', 'CET', 'EET', 'WET', 'MET', 'PRC', 'ROC', 'ROK', 'NZ', 'GB']);

const OFFSET = /^(?:UTC|GMT)?[+-](?:[01]?\d|2[0-3])(?::?[0-5]\d)?$/;

/** True for a name the document may give as its zone: an IANA zone (as `Intl` knows it), UTC, or a fixed offset such as +02:00. */
export function isTimeZone(name: string): boolean {
  const n = name.trim();
  if (!n) return false;
  if (OFFSET.test(n)) return true;
  // ICU also takes abbreviations and Java's three-letter ids (PST, IST, and BST for Dhaka):
  // they are not IANA names and read differently by different people, so only IANA's own count.
  if (/^[A-Z]{2,5}$/.test(n) && !IANA_UPPER_CASE.has(n)) return false;
  // Building a formatter to ask ICU costs more than the rest of a line's checks: once per name.
  let known = ZONE_NAMES.get(n);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: n });
      known = true;
    } catch {
      known = false;
    }
    if (ZONE_NAMES.size >= 1000) ZONE_NAMES.clear();
    ZONE_NAMES.set(n, known);
  }
  return known;
}

const ZONE_NAMES = new Map<string, boolean>();

const IANA_MENTION = /\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/;
const ABBREVIATION_MENTION = new RegExp(`\\b(?:UTC|GMT|${Object.keys(ZONE_ABBREVIATIONS).join('|')})\\b`);
const OFFSET_MENTION = /\b(?:UTC|GMT)\s?[-+−]\s?\d{1,2}(?::?\d{2})?\b|(?<![\d-])[-+−](?:[01]\d|2[0-3]):?[0-5]\d\b(?!\s*(?:%|ms|s\b))/;
const ZULU = /\b\d{1,2}:\d{2}(?::\d{2})?Z\b/;
// "eastern US time", "US Pacific time", "Pacific (US) time": the country may sit on either side of the region.
const WORDS = /\b(?:universal time|coordinated universal time|zulu|(?:(?:us|u\.s\.)\s+)?(?:pacific|eastern|central|mountain|british|central european|eastern european|western european|india|japan|australian eastern)(?:\s+\(?(?:us|u\.s\.)\)?)?(?: (?:standard|daylight|summer))? time)\b/i;

/** True when the text states a time zone in any of the ways above. */
export function mentionsZone(text: string): boolean {
  return IANA_MENTION.test(text) || ABBREVIATION_MENTION.test(text) || OFFSET_MENTION.test(text) || ZULU.test(text) || WORDS.test(text);
}
