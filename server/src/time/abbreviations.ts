/**
 * Time zone abbreviations and names as post-mortems write them. An abbreviation
 * for standard or daylight time (PST, CEST) is a fixed offset; a pair (PST/PDT),
 * a generic one (PT) or a name ("Pacific") is an IANA zone and follows its
 * daylight saving time; an abbreviation several zones use (IST, CST, BST) is
 * ambiguous and resolves to nothing.
 */
import { UTC, fixedZone, localToInstant, type Zone } from './zones.js';
import { own } from '../own.js';

export type ZoneLookup =
  | { kind: 'zone'; zone: Zone }
  /** Names several zones; `candidates` describes each. */
  | { kind: 'ambiguous'; label: string; candidates: string[] };

const h = (hours: number) => Math.round(hours * 60);

/** Unambiguous abbreviations of a fixed offset, in hours. */
const FIXED: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  WEST: 1, CET: 1, MEZ: 1, WAT: 1,
  CEST: 2, MESZ: 2, EET: 2, SAST: 2, CAT: 2,
  EEST: 3, MSK: 3, EAT: 3, TRT: 3,
  GST: 4, PKT: 5, NPT: 5.75, ICT: 7, WIB: 7,
  SGT: 8, HKT: 8, AWST: 8, PHT: 8,
  JST: 9, KST: 9, ACST: 9.5, ACDT: 10.5, AEST: 10, AEDT: 11, NZST: 12, NZDT: 13,
  HST: -10, AKST: -9, AKDT: -8, PST: -8, PDT: -7, MST: -7, MDT: -6, CDT: -5,
  EST: -5, EDT: -4, ADT: -3, NST: -3.5, NDT: -2.5, BRT: -3, ART: -3,
};

/** Pairs, generic abbreviations and names that stand for a zone with daylight saving time. */
const FOLLOWING: Record<string, string> = {
  'PST/PDT': 'America/Los_Angeles', PT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles', 'PACIFIC TIME': 'America/Los_Angeles',
  'MST/MDT': 'America/Denver', MT: 'America/Denver', MOUNTAIN: 'America/Denver', 'MOUNTAIN TIME': 'America/Denver',
  'CST/CDT': 'America/Chicago', CT: 'America/Chicago', CENTRAL: 'America/Chicago', 'CENTRAL TIME': 'America/Chicago',
  'EST/EDT': 'America/New_York', ET: 'America/New_York', EASTERN: 'America/New_York', 'EASTERN TIME': 'America/New_York',
  'US PACIFIC TIME': 'America/Los_Angeles', 'PACIFIC US TIME': 'America/Los_Angeles',
  'US MOUNTAIN TIME': 'America/Denver', 'MOUNTAIN US TIME': 'America/Denver',
  'US CENTRAL TIME': 'America/Chicago', 'CENTRAL US TIME': 'America/Chicago',
  'US EASTERN TIME': 'America/New_York', 'EASTERN US TIME': 'America/New_York',
  'AKST/AKDT': 'America/Anchorage', 'ALASKA TIME': 'America/Anchorage',
  'HAWAII TIME': 'Pacific/Honolulu',
  'GMT/BST': 'Europe/London', 'UK TIME': 'Europe/London', 'LONDON TIME': 'Europe/London',
  'CET/CEST': 'Europe/Berlin', 'WET/WEST': 'Europe/Lisbon', 'EET/EEST': 'Europe/Helsinki',
  'AEST/AEDT': 'Australia/Sydney', 'NZST/NZDT': 'Pacific/Auckland',
};

/** Names of a fixed offset. */
const NAMED_FIXED: Record<string, number> = {
  'COORDINATED UNIVERSAL TIME': 0,
  'GREENWICH MEAN TIME': 0,
  'CENTRAL EUROPEAN TIME': 1,
  'CENTRAL EUROPEAN SUMMER TIME': 2,
  'EASTERN EUROPEAN TIME': 2,
  'PACIFIC STANDARD TIME': -8,
  'PACIFIC DAYLIGHT TIME': -7,
  'MOUNTAIN STANDARD TIME': -7,
  'MOUNTAIN DAYLIGHT TIME': -6,
  'CENTRAL DAYLIGHT TIME': -5,
  'EASTERN STANDARD TIME': -5,
  'EASTERN DAYLIGHT TIME': -4,
  'BRITISH SUMMER TIME': 1,
  'INDIA STANDARD TIME': 5.5,
  'JAPAN STANDARD TIME': 9,
};

/** Abbreviations several zones use, with what each can mean. */
const AMBIGUOUS: Record<string, string[]> = {
  IST: ['India Standard Time (UTC+05:30)', 'Irish Standard Time (UTC+01:00)', 'Israel Standard Time (UTC+02:00)'],
  CST: ['Central Standard Time, North America (UTC−06:00)', 'China Standard Time (UTC+08:00)', 'Cuba Standard Time (UTC−05:00)'],
  BST: ['British Summer Time (UTC+01:00)', 'Bangladesh Standard Time (UTC+06:00)'],
  AST: ['Atlantic Standard Time (UTC−04:00)', 'Arabia Standard Time (UTC+03:00)'],
  ECT: ['Ecuador Time (UTC−05:00)', 'Eastern Caribbean Time (UTC−04:00)'],
  SST: ['Samoa Standard Time (UTC−11:00)', 'Singapore Standard Time (UTC+08:00)'],
  'CENTRAL STANDARD TIME': ['Central Standard Time, North America (UTC−06:00)', 'China Standard Time (UTC+08:00)'],
};

/**
 * What an abbreviation, pair or name means, or undefined when it is not one.
 * Abbreviations count only in upper case as written ("est" in prose is not a zone);
 * pairs and multi-word names match in any case; a one-word name ("Pacific") must be capitalised.
 */
export function lookupZoneWord(word: string): ZoneLookup | undefined {
  const w = word.trim().replace(/\s+/g, ' ');
  const key = w.toUpperCase();
  if (key.includes(' ') || key.includes('/')) {
    const iana = own(FOLLOWING, key);
    if (iana) return { kind: 'zone', zone: { kind: 'iana', name: iana, label: w } };
    const fixed = own(NAMED_FIXED, key);
    if (fixed !== undefined) return { kind: 'zone', zone: fixedZone(h(fixed), w) };
    const amb = own(AMBIGUOUS, key);
    if (amb) return { kind: 'ambiguous', label: w, candidates: amb };
    // "Denver time", "New York time": a city the tz database names a zone after, then "time".
    const city = /^(.+) time$/i.exec(w)?.[1];
    const byCity = city !== undefined ? cityZone(city) : undefined;
    return byCity ? { kind: 'zone', zone: { kind: 'iana', name: byCity, label: w } } : undefined;
  }
  if (w === key) {
    if (key === 'UTC' || key === 'GMT' || key === 'UT' || key === 'Z') return { kind: 'zone', zone: { ...UTC, label: key } };
    const fixed = own(FIXED, key);
    if (fixed !== undefined) return { kind: 'zone', zone: fixedZone(h(fixed), key) };
    const following = own(FOLLOWING, key);
    if (following && key.length <= 2) return { kind: 'zone', zone: { kind: 'iana', name: following, label: key } };
    const amb = own(AMBIGUOUS, key);
    return amb ? { kind: 'ambiguous', label: key, candidates: amb } : undefined;
  }
  const name = own(FOLLOWING, key);
  if (name && /^[A-Z][a-z]+$/.test(w)) return { kind: 'zone', zone: { kind: 'iana', name, label: w } };
  return undefined;
}

/** Cities that are also common given names: "14:02 Sofia restarted it" names a person, not Europe/Sofia. */
const GIVEN_NAMES = new Set(['Sofia', 'Adelaide', 'Regina', 'Santiago', 'Victoria', 'Lucia']);
let cities: Map<string, string> | undefined;

/**
 * The tz database zone named after a city ("Denver" → America/Denver, "New York" →
 * America/New_York): zones of one region and one city, not Antarctic stations nor
 * county seats (America/Indiana/…), and not cities that are common given names.
 */
export function cityZone(city: string): string | undefined {
  if (!cities) {
    cities = new Map();
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const zone of zones) {
      const m = /^(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/([A-Z][A-Za-z_]+)$/.exec(zone);
      const name = m?.[1]!.replace(/_/g, ' ');
      if (name && !GIVEN_NAMES.has(name)) cities.set(name.toLowerCase(), zone);
    }
  }
  // In any case: a typo such as "DEnver" in one entry of a timeline in Denver time is still Denver.
  return cities.get(city.trim().replace(/\s+/g, ' ').toLowerCase());
}

/**
 * Ambiguous abbreviations one of whose meanings is a region's summer time, with that
 * region and offset (hours). On a date the region keeps that offset, the document's own
 * evidence may settle that meaning (timeline/index.ts: an entry quoting the same moment
 * in an unambiguous zone); on any other date it cannot be the summer time, and stays
 * ambiguous.
 */
const SUMMER_READING: Record<string, { region: string; hours: number }> = {
  BST: { region: 'Europe/London', hours: 1 },
};

/** The summer-time reading of an ambiguous abbreviation (BST → Europe/London at +01:00), or undefined. */
export function summerReading(label: string): { region: string; offsetMinutes: number } | undefined {
  const r = own(SUMMER_READING, label.trim().toUpperCase());
  return r ? { region: r.region, offsetMinutes: h(r.hours) } : undefined;
}

/**
 * The zone an ambiguous abbreviation stands for at a local wall-clock time by its summer
 * reading (BST → +01:00 while London keeps summer time), or undefined when it cannot be that then.
 */
export function summerZone(label: string, local: number): Zone | undefined {
  const reading = summerReading(label);
  if (!reading) return undefined;
  const r = localToInstant({ kind: 'iana', name: reading.region, label: reading.region }, local);
  return r.kind === 'ok' && r.offset === reading.offsetMinutes ? fixedZone(reading.offsetMinutes, label) : undefined;
}

/**
 * Abbreviations of one season of a region that changes its clocks, with the region.
 * Left out on purpose: those a region without daylight saving time uses all year
 * (MST in Arizona, AEST in Queensland, WET in Iceland's neighbours, GMT).
 */
const SEASONAL: Record<string, string> = {
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', 'PACIFIC STANDARD TIME': 'America/Los_Angeles', 'PACIFIC DAYLIGHT TIME': 'America/Los_Angeles',
  MDT: 'America/Denver', 'MOUNTAIN DAYLIGHT TIME': 'America/Denver',
  CDT: 'America/Chicago', 'CENTRAL DAYLIGHT TIME': 'America/Chicago',
  EST: 'America/New_York', EDT: 'America/New_York', 'EASTERN STANDARD TIME': 'America/New_York', 'EASTERN DAYLIGHT TIME': 'America/New_York',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage',
  CET: 'Europe/Paris', CEST: 'Europe/Paris', MEZ: 'Europe/Berlin', MESZ: 'Europe/Berlin', 'CENTRAL EUROPEAN TIME': 'Europe/Paris', 'CENTRAL EUROPEAN SUMMER TIME': 'Europe/Paris',
  WEST: 'Europe/Lisbon', EET: 'Europe/Helsinki', EEST: 'Europe/Helsinki',
  AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland',
  'BRITISH SUMMER TIME': 'Europe/London',
};

/** The region whose clocks a seasonal abbreviation names (PST → America/Los_Angeles), or undefined. */
export function seasonalRegion(label: string): string | undefined {
  return own(SEASONAL, label.trim().replace(/\s+/g, ' ').toUpperCase());
}
