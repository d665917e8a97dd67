/**
 * The timeline of an analysed document, computed once per model and settings and
 * shared by the rules (through `ctx.cached('timeline', …)`), the hover, the fixes,
 * the timeline view and the CLI.
 */
import type { PostMortemModel } from '../model/document.js';
import { frontmatterString } from '../model/frontmatter.js';
import type { Settings } from '../settings.js';
import { offsetAt, parseZoneName, type Zone } from '../time/zones.js';
import { seasonalRegion, summerReading } from '../time/abbreviations.js';
import { zonesIn } from '../time/zone-token.js';
import { parseStamp } from '../time/parse.js';
import { dateOrderOf } from './date-order.js';
import { completeDate, referenceDate } from './dates.js';
import { dateProblem, dayNumber, type CivilDate } from '../time/civil.js';
import { extractBlocks, extractTimeline, untitledTimeline, type Extraction } from './extract.js';
import { frontmatterMilestones, mergeMilestones, metricsOf } from './milestones.js';
import { orderIssues } from './order.js';
import { resolveEvents } from './resolve.js';
import { documentZoneStatement, zoneStatements, type ZoneStatement } from './statement.js';
import type { Range } from '../model/text.js';
import type { Section } from '../model/sections.js';
import type { AmbiguousZone, SeasonMismatch, Timeline, TimelineEvent, TimelineItem } from './types.js';

export type { Timeline, TimelineEvent } from './types.js';

/** A time of day no source places in a zone (date-only entries need none). */
export function needsZone(e: TimelineEvent): boolean {
  return !e.dateOnly && (e.reason === 'no-zone' || e.reason === 'no-date-no-zone');
}

/** Where each out-of-season abbreviation is written: on the entry, else the timeline's statement. */
function seasonMismatches(events: readonly TimelineEvent[], statement: Range | undefined): SeasonMismatch[] {
  const out = new Map<string, SeasonMismatch>();
  for (const ev of events) {
    if (!ev.season) continue;
    const token = ev.stamp.zone;
    const line = ev.stampRange.start.line;
    const r = token ? { start: { line, character: token.start }, end: { line, character: token.end } } : (statement ?? ev.stampRange);
    const key = `${r.start.line}:${r.start.character}`;
    const known = out.get(key);
    if (known) known.count++;
    else out.set(key, { range: r, label: ev.season.label, region: ev.season.region, eventIndex: ev.index, count: 1 });
  }
  return [...out.values()];
}

/**
 * A seasonal abbreviation written beside the offset that settles the times, in the other
 * season ("All times in PST (UTC-7)" in July: UTC−7 is PDT): the offset is right, the name
 * is not. Found when the region kept the stated offset on the first day the statement places.
 */
function besideOffset(model: PostMortemModel, statement: ZoneStatement | undefined, events: readonly TimelineEvent[]): SeasonMismatch[] {
  const stated = statement?.zone;
  if (!stated || stated.kind !== 'fixed') return [];
  const first = events.find((e) => !e.stamp.zone && e.date && e.utc !== undefined);
  if (!first) return [];
  const line = statement.range.start.line;
  const out: SeasonMismatch[] = [];
  for (const t of zonesIn(model.lines.lineText(line))) {
    if (t.lookup.kind !== 'zone' || t.lookup.zone.kind !== 'fixed' || t.lookup.zone.offsetMinutes === stated.offsetMinutes) continue;
    const region = seasonalRegion(t.lookup.zone.label);
    if (!region || offsetAt({ kind: 'iana', name: region, label: region }, first.utc!) !== stated.offsetMinutes) continue;
    out.push({ range: { start: { line, character: t.start }, end: { line, character: t.end } }, label: t.lookup.zone.label, region, eventIndex: first.index, count: 1 });
  }
  return out;
}

/** A zone stated again further down the timeline ("From here on, times are UTC") holds for the entries after it. */
function switchesOf(statements: ReadonlyArray<ZoneStatement | undefined>): Array<{ line: number; zone: Zone }> {
  const out: Array<{ line: number; zone: Zone }> = [];
  for (const s of statements.slice(1)) if (s?.zone) out.push({ line: s.range.start.line, zone: s.zone });
  return out;
}

/** A time of day nothing dates: not the entry, a day heading, the document nor its file name. */
export function needsDate(e: TimelineEvent): boolean {
  return !e.dateOnly && e.time !== undefined && e.date === undefined && !e.stamp.problem;
}

/**
 * The first and last day the timeline's entries and day headings write themselves, and
 * whether timed entries without a date come before the first (they may be on any day before it).
 */
function writtenDays(items: readonly TimelineItem[], reference: CivilDate | undefined): Timeline['writtenDays'] {
  let first: number | undefined;
  let last: number | undefined;
  let openBefore = false;
  for (const it of items) {
    const written = it.kind === 'marker' ? it.date : it.entry.stamp.problem ? undefined : it.entry.stamp.date;
    const date = written ? completeDate(written, reference) : undefined;
    if (first === undefined && !date && it.kind === 'entry' && it.entry.stamp.time && !it.entry.stamp.after) openBefore = true;
    if (!date || dateProblem(date)) continue;
    const day = dayNumber(date);
    first = first === undefined ? day : Math.min(first, day);
    last = last === undefined ? day : Math.max(last, day);
  }
  return first === undefined || last === undefined ? undefined : { first, last, openBefore };
}

/**
 * Other sections named as a timeline (not weakly, and not inside one already read), after
 * or before the canonical one: a follow-up timeline, a timeline of the lead-up, the same
 * heading repeated between chapters. Their entries are the timeline's too.
 */
function furtherTimelines(model: PostMortemModel, first: Section): Section[] {
  const taken: Section[] = [first];
  const overlaps = (s: Section) => taken.some((t) => s.heading.startLine < t.endLine && t.heading.startLine < s.endLine);
  for (const s of model.allSections) {
    if (s.weak || (s.canonical !== 'timeline' && !s.also.includes('timeline')) || overlaps(s)) continue;
    taken.push(s);
  }
  return taken.slice(1).sort((a, b) => a.heading.startLine - b.heading.startLine);
}

/** The order issues of each part of the timeline (the canonical section, then each further one) on its own. */
function partsOrder(events: TimelineEvent[], parts: readonly number[]): Timeline['order'] {
  if (!parts.length) return orderIssues(events);
  const bounds = [0, ...parts, events.length];
  const out: Timeline['order'] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    for (const o of orderIssues(events.slice(from, bounds[i + 1]))) out.push({ index: o.index + from, previous: o.previous + from });
  }
  return out;
}

/**
 * A clock time the timeline says it writes for times it does not know ("_Note: times that
 * were hard to determine are marked as 09:00_"): an entry at that time has its day, not
 * its time, as a "??:??" has. Said in a note of the timeline.
 */
const STAND_IN =
  /\b(?:times?|entries)\b[^.\n]{0,60}?\b(?:(?:hard|difficult|impossible|not\s+possible)\s+to\s+(?:determine|know|tell|pin\s+down|establish)|unknown|not\s+known|uncertain)\b[^.\n]{0,40}?\b(?:are|were|is|was)\s+(?:marked|written|shown|given|listed|set|recorded|entered)\s+(?:as|at)\s+(\d{1,2}):(\d{2})(?!\d)/i;

function standIns(extraction: Extraction): void {
  let clock: { hour: number; minute: number } | undefined;
  for (const note of extraction.notes) {
    const m = STAND_IN.exec(note.text);
    if (m) {
      clock = { hour: Number(m[1]), minute: Number(m[2]) };
      break;
    }
  }
  if (!clock) return;
  for (const item of extraction.items) {
    if (item.kind !== 'entry') continue;
    const { stamp } = item.entry;
    if (stamp.time && stamp.time.hour === clock.hour && stamp.time.minute === clock.minute && !stamp.time.second) item.entry.stamp = { ...stamp, hourOnly: true };
  }
}

/** How far a time quoted in an entry may be from the entry's own and still be the same moment. */
const SAME_MOMENT_MINUTES = 15;
const MAX_BODY_LINES = 12;
const QUOTED_CLOCK = /\b\d{1,2}(?::\d{2})/g;

/**
 * Ambiguous abbreviations whose summer meaning (BST as British Summer Time) the document
 * does not confirm. The summer meaning holds only where an entry quotes the same moment
 * in a zone that is not ambiguous ("Violation started: … at 4:32PM UTC" under "5:32 PM"
 * BST) within a quarter of an hour of the entry's instant on the clock, and no quoted time
 * contradicts it. Otherwise the abbreviation stays ambiguous: that a team is British is not
 * a statement of the zone.
 */
function contradictedSummer(model: PostMortemModel, events: readonly TimelineEvent[]): Set<string> {
  const agrees = new Map<string, number>();
  const disagrees = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    if (ev.utc === undefined || ev.dateOnly || ev.zone?.kind !== 'fixed' || !summerReading(ev.zone.label)) continue;
    const label = ev.zone.label;
    if (!agrees.has(label)) {
      agrees.set(label, 0);
      disagrees.set(label, 0);
    }
    const to = Math.min(events[i + 1]?.startLine ?? model.lines.lineCount, ev.startLine + MAX_BODY_LINES);
    const entryMinute = Math.floor(ev.utc / 60_000) % MINUTES_PER_DAY;
    for (let line = ev.startLine; line < to; line++) {
      const text = model.lines.lineText(line);
      QUOTED_CLOCK.lastIndex = 0;
      for (let m = QUOTED_CLOCK.exec(text); m; m = QUOTED_CLOCK.exec(text)) {
        const clock = parseStamp(text, m.index, 'MDY');
        const lookup = clock?.zone?.lookup;
        if (!clock?.time || lookup?.kind !== 'zone' || lookup.zone.kind !== 'fixed' || summerReading(lookup.zone.label)) continue;
        if (line === ev.stampRange.start.line && m.index < ev.stampRange.end.character) continue;
        const quoted = (clock.time.hour * 60 + clock.time.minute - lookup.zone.offsetMinutes + MINUTES_PER_DAY) % MINUTES_PER_DAY;
        const apart = Math.abs(entryMinute - quoted);
        const counts = Math.min(apart, MINUTES_PER_DAY - apart) <= SAME_MOMENT_MINUTES ? agrees : disagrees;
        counts.set(label, counts.get(label)! + 1);
      }
    }
  }
  const out = new Set<string>();
  for (const [label, n] of agrees) if (n === 0 || disagrees.get(label)! > 0) out.add(label);
  return out;
}

const MINUTES_PER_DAY = 1440;

const memo = new WeakMap<PostMortemModel, WeakMap<Settings, Timeline>>();

/** The timeline of a document under some settings, computed at most once for the pair. */
export function timelineFor(model: PostMortemModel, settings: Settings): Timeline {
  let bySettings = memo.get(model);
  if (!bySettings) memo.set(model, (bySettings = new WeakMap()));
  let t = bySettings.get(settings);
  if (!t) bySettings.set(settings, (t = buildTimeline(model, settings)));
  return t;
}

/** The zone the frontmatter's `timezone` names, or undefined when it has none or an invalid one. */
export function frontmatterZone(model: PostMortemModel): Zone | undefined {
  const v = frontmatterString(model.frontmatter, 'timezone');
  return v ? parseZoneName(v) : undefined;
}

/** The zone of the `postmortem.defaultTimezone` setting, or undefined. */
export function settingZone(settings: Settings): Zone | undefined {
  return settings.defaultTimezone ? parseZoneName(settings.defaultTimezone) : undefined;
}

function buildTimeline(model: PostMortemModel, settings: Settings): Timeline {
  const order = dateOrderOf(model, settings);
  const section = model.canonical.get('timeline');
  const ambiguousZones: AmbiguousZone[] = [];
  const untitled = section ? undefined : untitledTimeline(model, order);
  const extraction = section ? extractTimeline(model, section, order) : untitled ? extractBlocks(model, untitled, order) : { items: [], notes: [] };
  const statements = section ? zoneStatements(model, section, extraction.notes) : zoneStatements(model, undefined, extraction.notes);
  /** Where each further timeline's events start: the order is checked within each. */
  const parts: number[] = [];
  /** Zone statements of further timelines: they hold from where they are written, never for the first. */
  const further: ZoneStatement[] = [];
  for (const more of section ? furtherTimelines(model, section) : []) {
    // "## Follow-up timeline", a second "# Timeline" further down: read on from where the first stopped.
    const next = extractTimeline(model, more, order);
    // An entry read already (the first timeline's day sections run on over "#### Timeline" under "### 2023-05-01") is not read twice.
    const read = new Set(extraction.items.flatMap((it) => (it.kind === 'entry' ? [it.entry.startLine] : [])));
    next.items = next.items.filter((it) => it.kind !== 'entry' || !read.has(it.entry.startLine));
    // Its entries move among themselves only: groups are named by section.
    for (const it of next.items) if (it.kind === 'entry') it.entry.group = `${more.heading.startLine}/${it.entry.group}`;
    parts.push(extraction.items.reduce((n, it) => n + (it.kind === 'entry' ? 1 : 0), 0));
    extraction.items.push({ kind: 'marker', line: more.heading.startLine, date: undefined }, ...next.items);
    further.push(...zoneStatements(model, more, next.notes));
  }
  standIns(extraction);
  const fmZoneEarly = frontmatterZone(model);
  // No statement in the timeline or the frontmatter: the nearest one above the timeline ("at 7:29 UTC" in the summary).
  const start = section?.heading.startLine ?? untitled?.[0]?.startLine;
  const statement = statements[0] ?? (start !== undefined && !fmZoneEarly ? documentZoneStatement(model, start) : undefined);
  if (statement?.ambiguous) ambiguousZones.push({ range: statement.range, ...statement.ambiguous, count: 1 });
  const fmZone = frontmatterZone(model);
  const setZone = settingZone(settings);
  // An ambiguous statement ("All times IST") is reported; the frontmatter or the setting may still place the times.
  const zone = statement?.zone ?? fmZone ?? setZone;
  const zoneSource = statement?.zone ? 'statement' : fmZone ? 'frontmatter' : setZone ? 'setting' : undefined;
  const reference = referenceDate(model, extraction.items, order);
  const unplaced = !zone && statement?.ambiguous ? statement.ambiguous.label : undefined;
  const switches = [...switchesOf(statements), ...switchesOf([undefined, ...further])];
  const noted = ambiguousZones.slice();
  let events = resolveEvents(extraction.items, zone, reference, ambiguousZones, unplaced, switches);
  const contradicted = contradictedSummer(model, events);
  if (contradicted.size) {
    // The document's own times say the summer reading is wrong ("12:42 PM" BST beside "4:42PM UTC"): it stays ambiguous.
    ambiguousZones.splice(0, ambiguousZones.length, ...noted);
    events = resolveEvents(extraction.items, zone, reference, ambiguousZones, unplaced, switches, contradicted);
  }
  const fromFrontmatter = frontmatterMilestones(model, fmZone ?? zone ?? setZone, reference, order);
  const milestones = mergeMilestones(fromFrontmatter, events);
  return {
    section,
    events,
    seasonMismatches: [...seasonMismatches(events, statement?.range), ...besideOffset(model, statement, events)],
    zone,
    zoneSource,
    ambiguousZones,
    missingZone: events.some(needsZone),
    missingDate: events.some(needsDate),
    writtenDays: writtenDays(extraction.items, reference),
    order: partsOrder(events, parts),
    milestones,
    metrics: metricsOf(milestones),
  };
}
