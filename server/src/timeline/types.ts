/** The timeline of a post-mortem as data: entries as written, then resolved to instants. */
import type { Range } from '../model/text.js';
import type { Section } from '../model/sections.js';
import type { CivilDate, CivilTime } from '../time/civil.js';
import type { ParsedStamp, StampDate } from '../time/parse.js';
import type { Zone } from '../time/zones.js';
import type { IncidentMetrics, MilestoneName } from '../protocol.js';

export type { MilestoneName, IncidentMetrics } from '../protocol.js';

/** How an entry is written: a list item, a table row, or a line (or `<br>` part) of a paragraph. */
export type EntryShape = 'list' | 'table' | 'line';

/** A timeline entry as written, before its date and zone are resolved. */
export interface TimelineEntry {
  shape: EntryShape;
  /** Entries that may be reordered among each other share a group (same list level, table or paragraphs, same day heading). */
  group: string;
  /** Lines of the entry, [startLine, endLine). */
  startLine: number;
  endLine: number;
  /** Document offsets of the entry's own text (what the sort moves). */
  start: number;
  end: number;
  /** The timestamp as written and where. */
  raw: string;
  stampRange: Range;
  stamp: ParsedStamp;
  /** Where the clock of the stamp is (`3:26pm`), for the 24-hour fix. */
  clockRange?: Range;
  /** Plain text of the entry without its timestamp. */
  text: string;
  people: string[];
  milestone?: MilestoneName;
}

/** A day heading or a date line: the date the time-only entries under it happen on. */
export interface DateMarker {
  line: number;
  /** The date it gives; undefined for a heading without one (which still ends a group). */
  date: StampDate | undefined;
}

export type TimelineItem = { kind: 'entry'; entry: TimelineEntry } | ({ kind: 'marker' } & DateMarker);

/** Why an event has no instant. */
export type UnresolvedReason =
  | 'no-date'
  | 'no-zone'
  | 'no-date-no-zone'
  | 'ambiguous-zone'
  | 'invalid'
  | 'incomplete'
  | 'no-time'
  | 'nonexistent';

/** A timeline entry resolved as far as the document allows. */
export interface TimelineEvent extends TimelineEntry {
  index: number;
  date?: CivilDate;
  time?: CivilTime;
  /** A date without a time of day: ordered by date. */
  dateOnly: boolean;
  zone?: Zone;
  /** The instant (ms since the epoch, UTC). For a date-only entry, the start of its day. */
  utc?: number;
  reason?: UnresolvedReason;
  /** Why there is no instant, for people. */
  unresolved?: string;
  /** A local time inside a DST overlap: both instants (utc is the earlier). */
  overlap?: { earlier: number; later: number; offsets: [number, number] };
  /** A local time inside a DST gap: offsets before and after the jump. */
  gap?: { offsetBefore: number; offsetAfter: number };
  /** A seasonal abbreviation used out of its season (PST in June): read on the wall clock of `region`. */
  season?: { label: string; region: string };
  /** Ordering keys: the instant, the local wall-clock value, the day number, or a position on a dateless day count. */
  keys: { instant?: number; local?: number; day?: number; relative?: number };
}

export interface OrderIssue {
  /** The event earlier than the one before it. */
  index: number;
  previous: number;
}

export interface AmbiguousZone {
  range: Range;
  label: string;
  candidates: string[];
  count: number;
}

export interface MilestoneValue {
  name: MilestoneName;
  source: 'frontmatter' | 'event';
  utc?: number;
  /** Local wall-clock value, for ordering when no zone is known. */
  local?: number;
  /** Where it is written: the frontmatter value, or the event's timestamp. */
  range: Range;
  /** The frontmatter key, for milestone.order. */
  keyRange?: Range;
  raw: string;
  eventIndex?: number;
}

/** A seasonal abbreviation used out of its season, once per place it is written. */
export interface SeasonMismatch {
  range: Range;
  label: string;
  region: string;
  /** The first event it was found on. */
  eventIndex: number;
  count: number;
}

export interface Timeline {
  section: Section | undefined;
  events: TimelineEvent[];
  /** Standard-time abbreviations in their daylight season and the reverse. */
  seasonMismatches: SeasonMismatch[];
  /** The zone for the whole timeline (statement, frontmatter or setting) and where it came from. */
  zone: Zone | undefined;
  zoneSource: 'statement' | 'frontmatter' | 'setting' | undefined;
  /** Abbreviations that name several zones, once each. */
  ambiguousZones: AmbiguousZone[];
  /** True when some time of day has no zone from any source. */
  missingZone: boolean;
  /** True when some time of day has no date from any source (entry, day heading, document, file name). */
  missingDate: boolean;
  /** The first and last day (day numbers) the timeline itself writes (entries and day headings), if it writes any. */
  writtenDays: { first: number; last: number; openBefore: boolean } | undefined;
  order: OrderIssue[];
  milestones: Partial<Record<MilestoneName, MilestoneValue>>;
  metrics: IncidentMetrics;
}
