/**
 * Resolving entries to instants. The date: the entry's own, else the day heading or
 * date line above it, else the previous entry's, else the reference date; a
 * time-only entry more than 12 hours earlier than the entry before it rolls over
 * midnight to the next day. The zone: the entry's own, else the timeline's. A local
 * time in a DST gap has no instant; one in a DST overlap takes the earlier and says so.
 */
import { addDays, dayNumber, formatDate, formatTime, fromDayNumber, fromWallMs, MS_PER_DAY, MS_PER_HOUR, timeMs, wallMs, type CivilDate } from '../time/civil.js';
import { seasonalRegion, summerZone } from '../time/abbreviations.js';
import { localToInstant, offsetAt, type Zone } from '../time/zones.js';
import { completeDate } from './dates.js';
import type { AmbiguousZone, TimelineEntry, TimelineEvent, TimelineItem } from './types.js';

const ROLLOVER_MS = 12 * MS_PER_HOUR;

interface Base {
  instant?: number;
  local?: number;
  relative?: number;
  relativeDay?: number;
}

/**
 * The events of a timeline, resolved in document order. Ambiguous entry zones are
 * collected in `ambiguous`; `timelineAmbiguous` names the timeline's own ambiguous
 * zone statement when nothing else places its times.
 */
export function resolveEvents(
  items: readonly TimelineItem[],
  timelineZone: Zone | undefined,
  reference: CivilDate | undefined,
  ambiguous: AmbiguousZone[],
  timelineAmbiguous?: string,
  switches: ReadonlyArray<{ line: number; zone: Zone }> = [],
  noSummer: ReadonlySet<string> = new Set(),
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const twelveHour = items.some((it) => it.kind === 'entry' && it.entry.stamp.clock?.twelveHour);
  /** Set once a bare time after noon was read as the afternoon: the clock is a 12-hour one from there on. */
  let pastNoon = false;
  // Entries come in document order, so the zone statements in effect are walked once.
  const seasonCache = new Map<string, Extract<Zone, { kind: 'iana' }> | null>();
  let nextSwitch = 0;
  let switched: Zone | undefined;
  let context: CivilDate | undefined;
  let base: Base | undefined;
  let relativeDay = 0;
  /** The last entry with a date and a time of day of its own: what "+10 minutes" counts from. */
  let anchor: TimelineEvent | undefined;
  const newestFirst = writtenNewestFirst(items);
  // The timeline's ambiguous statement is reported unless every time it places is settled by its summer reading.
  const statementNote = timelineAmbiguous ? ambiguous.find((a) => a.label === timelineAmbiguous) : undefined;
  let statementSettled = 0;
  let statementLeft = 0;
  for (const item of items) {
    if (item.kind === 'marker') {
      // A heading with a date starts that day afresh; one without ("### Day 2") keeps the roll-over going.
      if (item.date) {
        context = completeDate(item.date, context ?? reference) ?? context;
        base = undefined;
        pastNoon = false;
      }
      continue;
    }
    const ev = toEvent(item.entry, events.length);
    events.push(ev);
    const stamp = ev.stamp;
    while (nextSwitch < switches.length && switches[nextSwitch]!.line <= ev.startLine) switched = switches[nextSwitch++]!.zone;
    let zone = switched ?? timelineZone;
    let ambiguousZone = zone ? undefined : timelineAmbiguous;
    const lookup = stamp.zone?.lookup;
    if (lookup) {
      if (lookup.kind === 'zone') {
        zone = lookup.zone;
        ambiguousZone = undefined;
      } else {
        zone = undefined;
        ambiguousZone = lookup.label;
      }
    }
    if (zone) ev.zone = zone;
    if (stamp.problem || stamp.incomplete) {
      if (lookup?.kind === 'ambiguous') noteAmbiguous(ambiguous, ev, lookup.label, lookup.candidates);
      if (stamp.problem) unresolved(ev, 'invalid', stamp.problem);
      else unresolved(ev, 'incomplete', `no full date in "${ev.raw}"`);
      continue;
    }
    if (stamp.after) {
      relative(ev, stamp.after, anchor);
      if (ev.date) {
        context = ev.date;
        base = ev.dateOnly ? undefined : { local: ev.keys.local!, ...(ev.keys.instant !== undefined ? { instant: ev.keys.instant } : {}) };
      }
      continue;
    }
    const around = context ?? reference;
    // "15:00 UTC (Sat)": the Saturday nearest the day the timeline is on.
    const explicit = stamp.date ? completeDate(stamp.date, around) : stamp.weekday !== undefined && around ? nearestWeekday(around, stamp.weekday) : undefined;
    let date = explicit ?? context ?? reference;
    if (stamp.hourOnly) {
      // "Dec 17th 22:XX": the hour is given, the minutes are not; no instant, and not the whole day either.
      if (date) ev.date = date;
      unresolved(ev, 'no-time', `the time in "${ev.raw}" is a placeholder`);
      continue;
    }
    if (!stamp.time) {
      if (!date) {
        unresolved(ev, 'no-time', `no date or time in "${ev.raw}"`);
        continue;
      }
      // A date without a time of day: ordered by date, placed at the start of its day.
      ev.dateOnly = true;
      ev.date = date;
      ev.keys = keys(undefined, wallMs(date, undefined), dayNumber(date), undefined);
      const summer = !zone && ambiguousZone ? inSummer(ambiguousZone, wallMs(date, undefined), noSummer) : undefined;
      if (summer) {
        zone = ev.zone = summer;
        if (lookup?.kind !== 'ambiguous') statementSettled++;
      }
      if (zone) place(ev, zone, wallMs(date, undefined));
      else if (ambiguousZone) {
        if (lookup?.kind === 'ambiguous') noteAmbiguous(ambiguous, ev, lookup.label, lookup.candidates);
        else statementLeft++;
        unresolved(ev, 'ambiguous-zone', `${ambiguousZone} names several time zones`);
      } else unresolved(ev, 'no-zone', 'no time zone, so the day has no start instant');
      context = date;
      base = undefined;
      continue;
    }
    let time = stamp.time;
    if (!date) {
      ev.time = time;
      // No date anywhere: a count of days from the first entry keeps the order checkable.
      let rel = relativeDay * MS_PER_DAY + timeMs(time);
      if (base?.relative !== undefined && base.relative - rel > ROLLOVER_MS) {
        relativeDay++;
        rel += MS_PER_DAY;
      }
      ev.keys = keys(undefined, undefined, undefined, rel);
      base = { relative: rel };
      if (ambiguousZone) {
        if (lookup?.kind === 'ambiguous') noteAmbiguous(ambiguous, ev, lookup.label, lookup.candidates);
        else statementLeft++;
        unresolved(ev, 'ambiguous-zone', `${ambiguousZone} names several time zones, and no date is given`);
      }
      else if (zone) unresolved(ev, 'no-date', 'no date: the timeline gives none for this time');
      else unresolved(ev, 'no-date-no-zone', 'no date and no time zone');
      continue;
    }
    let local = wallMs(date, time);
    if (!explicit && base?.local !== undefined && (twelveHour || (!newestFirst && unpadded(stamp) && (pastNoon || noonHour(base.local)))) && afternoon(stamp, base.local, local)) {
      // "11:57", then "1:17" in a timeline of AM/PM times: a reader goes on into the afternoon.
      // So after "12:16" with no AM/PM anywhere: a 24-hour clock would have written "13:52" for "1:52"
      // ("01:00", zero-padded, is a 24-hour clock's: eleven hours earlier, out of order).
      time = { ...time, hour: time.hour + 12 };
      local += ROLLOVER_MS;
      pastNoon = true;
    }
    ev.time = time;
    let instant = zone ? localToInstant(zone, local) : undefined;
    if (!explicit && base && dropsOverHalfADay(base, local, instant?.kind === 'ok' ? instant.utc : undefined, !newestFirst)) {
      date = addDays(date, 1);
      local += MS_PER_DAY;
      instant = zone ? localToInstant(zone, local) : undefined;
    }
    ev.date = date;
    ev.keys = keys(undefined, local, dayNumber(date), undefined);
    // In a timeline written newest first, "15:00 UTC (Sat)" dates its own entry, not the earlier ones under it.
    const aside = newestFirst && stamp.weekday !== undefined && !stamp.date;
    if (!aside) context = date;
    const region = zone ? outOfSeason(zone, local, seasonCache) : undefined;
    if (region && zone) {
      // "PST" in June: the reader takes the wall clock of the region the abbreviation names.
      ev.season = { label: zone.label, region: region.name };
      zone = region;
      ev.zone = zone;
    }
    const summer = !zone && ambiguousZone ? inSummer(ambiguousZone, local, noSummer) : undefined;
    if (summer) {
      // "BST" in August: British Summer Time, the only meaning that keeps summer time then.
      zone = ev.zone = summer;
      if (lookup?.kind !== 'ambiguous') statementSettled++;
    }
    if (zone) place(ev, zone, local);
    else if (ambiguousZone) {
      if (lookup?.kind === 'ambiguous') noteAmbiguous(ambiguous, ev, lookup.label, lookup.candidates);
      else statementLeft++;
      unresolved(ev, 'ambiguous-zone', `${ambiguousZone} names several time zones`);
    } else unresolved(ev, 'no-zone', 'no time zone: neither the entry, the timeline, the frontmatter nor the settings give one');
    if (aside) continue;
    base = { local, ...(ev.keys.instant !== undefined ? { instant: ev.keys.instant } : {}) };
    anchor = ev;
  }
  if (statementNote && statementSettled > 0 && statementLeft === 0 && statementNote.count === 1) {
    ambiguous.splice(ambiguous.indexOf(statementNote), 1);
  }
  return events;
}

/** The summer-time zone an ambiguous abbreviation stands for at a local time (BST in August), unless the document contradicts that reading. */
function inSummer(label: string, local: number, noSummer: ReadonlySet<string>): Zone | undefined {
  return noSummer.has(label) ? undefined : summerZone(label, local);
}

/**
 * An entry written as a time after the last one with its own date and time ("+10
 * minutes", "[+6.5 hrs]"): that instant plus the time, or its date plus whole days, Monday
 * to Friday only for business days. Without such an entry before it, it has no time.
 */
function relative(ev: TimelineEvent, after: NonNullable<TimelineEntry['stamp']['after']>, anchor: TimelineEvent | undefined): void {
  if (!anchor?.date || !anchor.time) {
    unresolved(ev, 'no-time', `"${ev.raw}" counts from an earlier time, and no entry before it gives one`);
    return;
  }
  ev.zone = anchor.zone;
  if ('days' in after) {
    const date = after.business ? addBusinessDays(anchor.date, after.days) : addDays(anchor.date, after.days);
    ev.dateOnly = true;
    ev.date = date;
    ev.keys = keys(undefined, wallMs(date, undefined), dayNumber(date), undefined);
    if (ev.zone) place(ev, ev.zone, wallMs(date, undefined));
    else unresolved(ev, anchor.reason ?? 'no-zone', anchor.unresolved ?? 'no time zone');
    return;
  }
  // Elapsed time: counted on the instant, so a clock change between them does not shift it.
  const local = wallMs(anchor.date, anchor.time) + after.ms;
  const wall = fromWallMs(anchor.utc !== undefined && ev.zone ? local + zoneShift(ev.zone, anchor.utc, after.ms) : local);
  ev.date = wall.date;
  ev.time = wall.time;
  ev.keys = keys(undefined, wallMs(wall.date, wall.time), dayNumber(wall.date), undefined);
  if (anchor.utc !== undefined) {
    ev.utc = anchor.utc + after.ms;
    ev.keys.instant = ev.utc;
  } else unresolved(ev, anchor.reason ?? 'no-zone', anchor.unresolved ?? 'no time zone');
}

/** How much a zone's offset changes between an instant and `ms` later (a DST change in between), in ms. */
function zoneShift(zone: Zone, utc: number, ms: number): number {
  if (zone.kind === 'fixed') return 0;
  return (offsetAt(zone, utc + ms) - offsetAt(zone, utc)) * 60_000;
}

/** True when more of the timeline's consecutive times of day (in one group, no date of their own) step back than forward. */
function writtenNewestFirst(items: readonly TimelineItem[]): boolean {
  let back = 0;
  let forward = 0;
  let previous: TimelineEntry | undefined;
  for (const it of items) {
    if (it.kind === 'marker') {
      previous = undefined;
      continue;
    }
    const e = it.entry;
    if (e.stamp.time && !e.stamp.date && e.stamp.weekday === undefined && previous?.stamp.time && previous.group === e.group) {
      const d = timeMs(e.stamp.time) - timeMs(previous.stamp.time);
      if (d < 0) back++;
      else if (d > 0) forward++;
    }
    previous = e.stamp.time && !e.stamp.date && e.stamp.weekday === undefined ? e : undefined;
  }
  return back > forward;
}

/** The date nearest `date` (within three days either side) that falls on `weekday` (0 Sunday … 6 Saturday). */
function nearestWeekday(date: CivilDate, weekday: number): CivilDate {
  const day = dayNumber(date);
  // 1970-01-01 (day 0) was a Thursday (4).
  const delta = (((weekday - ((day + 4) % 7)) % 7) + 7) % 7;
  return fromDayNumber(delta > 3 ? day + delta - 7 : day + delta);
}

function addBusinessDays(date: CivilDate, days: number): CivilDate {
  let day = dayNumber(date);
  for (let left = days; left > 0; ) {
    day++;
    // 1970-01-01 (day 0) was a Thursday: day % 7 is 2 on Saturdays and 3 on Sundays.
    const weekday = ((day % 7) + 7) % 7;
    if (weekday !== 2 && weekday !== 3) left--;
  }
  return fromDayNumber(day);
}

/** An event with every field set, in one order: all events share one object shape. */
function toEvent(e: TimelineEntry, index: number): TimelineEvent {
  return {
    shape: e.shape,
    group: e.group,
    startLine: e.startLine,
    endLine: e.endLine,
    start: e.start,
    end: e.end,
    raw: e.raw,
    stampRange: e.stampRange,
    stamp: e.stamp,
    clockRange: e.clockRange,
    text: e.text,
    people: e.people,
    milestone: e.milestone,
    index,
    date: undefined,
    time: undefined,
    dateOnly: false,
    zone: undefined,
    utc: undefined,
    reason: undefined,
    unresolved: undefined,
    overlap: undefined,
    gap: undefined,
    season: undefined,
    keys: keys(undefined, undefined, undefined, undefined),
  };
}

function keys(instant: number | undefined, local: number | undefined, day: number | undefined, relative: number | undefined): TimelineEvent['keys'] {
  return { instant, local, day, relative };
}

/**
 * The region's zone when a seasonal abbreviation (PST, CEST) is used out of its season at
 * a local time, else undefined. Cached per abbreviation and local hour: these regions
 * change their clocks on the hour, so the answer holds for the whole hour.
 */
function outOfSeason(zone: Zone, local: number, cache: Map<string, Extract<Zone, { kind: 'iana' }> | null>): Extract<Zone, { kind: 'iana' }> | undefined {
  if (zone.kind !== 'fixed') return undefined;
  const key = `${zone.label}\0${zone.offsetMinutes}\0${Math.floor(local / MS_PER_HOUR)}`;
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  const name = seasonalRegion(zone.label);
  let out: Extract<Zone, { kind: 'iana' }> | null = null;
  if (name) {
    const region = { kind: 'iana' as const, name, label: name };
    const r = localToInstant(region, local);
    if (r.kind === 'ok' && r.offset !== zone.offsetMinutes) out = region;
  }
  cache.set(key, out);
  return out ?? undefined;
}

/**
 * A time without AM/PM (1:00 to 11:59) earlier than the entry before it, which twelve
 * hours later would follow it by less than twelve hours: the afternoon of a 12-hour clock.
 */
function afternoon(stamp: TimelineEntry['stamp'], previous: number, local: number): boolean {
  if (!stamp.time || stamp.clock?.twelveHour || stamp.time.hour < 1 || stamp.time.hour > 11) return false;
  const pm = local + ROLLOVER_MS;
  return local < previous && pm >= previous && pm - previous < ROLLOVER_MS;
}

/** True when the time's hour is written with one digit ("1:52", "3:31:07"), as 12-hour clocks write it. */
function unpadded(stamp: TimelineEntry['stamp']): boolean {
  const c = stamp.clock;
  return !!c && ((c.end - c.start) === 4 || (c.end - c.start) === 7);
}

/** True when a wall-clock value is in the hour after noon (12:00–12:59). */
function noonHour(local: number): boolean {
  return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_HOUR) === 12;
}

/** True when a time is more than 12 hours before the previous one (or exactly 12, going forward): it happened on the next day. */
function dropsOverHalfADay(base: Base, local: number, instant: number | undefined, forward: boolean): boolean {
  const drop = base.instant !== undefined && instant !== undefined ? base.instant - instant : base.local !== undefined ? base.local - local : undefined;
  // Exactly half a day back ("23:00", then "11:00") goes on to the next day in a timeline written oldest first.
  return drop !== undefined && (drop > ROLLOVER_MS || (forward && drop === ROLLOVER_MS));
}

/** Sets the event's instant from its wall-clock value in a zone, noting DST gaps and overlaps. */
function place(ev: TimelineEvent, zone: Zone, local: number): void {
  const r = localToInstant(zone, local);
  if (r.kind === 'ok') {
    ev.utc = r.utc;
  } else if (r.kind === 'overlap') {
    ev.utc = r.earlier.utc;
    if (!ev.dateOnly) ev.overlap = { earlier: r.earlier.utc, later: r.later.utc, offsets: [r.earlier.offset, r.later.offset] };
  } else if (ev.dateOnly) {
    // A day starting inside a gap (midnight skipped) starts when the clocks resume.
    ev.utc = local - r.offsetBefore * 60_000;
  } else {
    ev.gap = { offsetBefore: r.offsetBefore, offsetAfter: r.offsetAfter };
    const when = ev.date && ev.time ? `${formatDate(ev.date)} ${formatTime(ev.time)}` : ev.raw;
    unresolved(ev, 'nonexistent', `${when} does not exist in ${zone.kind === 'iana' ? zone.name : zone.label}: the clocks skipped it`);
    return;
  }
  if (!ev.dateOnly) ev.keys.instant = ev.utc;
}

function unresolved(ev: TimelineEvent, reason: NonNullable<TimelineEvent['reason']>, message: string): void {
  ev.reason = reason;
  ev.unresolved = message;
}

function noteAmbiguous(list: AmbiguousZone[], ev: TimelineEvent, label: string, candidates: string[]): void {
  const known = list.find((a) => a.label === label);
  if (known) {
    known.count++;
    return;
  }
  const token = ev.stamp.zone;
  const line = ev.stampRange.start.line;
  const r = token ? { start: { line, character: token.start }, end: { line, character: token.end } } : ev.stampRange;
  list.push({ range: r, label, candidates, count: 1 });
}
