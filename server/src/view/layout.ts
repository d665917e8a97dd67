/**
 * The time-scaled layout of a timeline, shared by the preview page and the SVG
 * export so both draw the same picture: a list of rows from top to bottom where
 * the vertical space between events is proportional to the time between them,
 * long gaps are replaced by a break marker, each new day starts with a day
 * separator, and every row knows the incident phase it falls in.
 * Pure: imports types only, so the browser bundle stays small.
 */
import type { IncidentMetrics, MilestoneName, TimelineEventView, TimelineView } from '../protocol.js';
import { clockText, dateKey, dayText, durationText, offsetText, partsIn, WALL_CLOCK_ID, type ResolvedZone } from './time-format.js';

/** The view without its document URI: what the preview page and the exports need. */
export type ViewData = Omit<TimelineView, 'uri'>;

/** The stretches of an incident between its milestones. */
export type Phase = 'impact' | 'response' | 'recovery';

export const PHASE_LABELS: Record<Phase, string> = {
  impact: 'Impact, not yet detected',
  response: 'Detected, responding',
  recovery: 'Mitigated, recovering',
};

export const MILESTONE_LABELS: Record<MilestoneName, string> = {
  started: 'Impact started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** Milestone order, repeated here so the page bundle need not import protocol.ts's values. */
const MILESTONE_ORDER: readonly MilestoneName[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

/** Which milestone opens which phase (null: the incident is over). */
const PHASE_OPENERS: ReadonlyArray<[MilestoneName, Phase | null]> = [
  ['started', 'impact'],
  ['detected', 'response'],
  ['mitigated', 'recovery'],
  ['resolved', null],
];

/** An instant as the chosen zone shows it. */
export interface Stamp {
  ms: number;
  /** "2024-03-05" in the zone. */
  date: string;
  /** "14:05" (or "14:05:09" when any entry has seconds). */
  clock: string;
  /** "+01:00": the zone's offset at that instant. */
  offset: string;
}

export type Row =
  | { kind: 'space'; px: number; phase: Phase | null }
  | { kind: 'gap'; minutes: number; label: string; phase: Phase | null }
  | { kind: 'day'; date: string; label: string; phase: Phase | null }
  | { kind: 'event'; index: number; event: TimelineEventView; at: Stamp; phase: Phase | null }
  | { kind: 'milestone'; name: MilestoneName; at: Stamp; phase: Phase | null };

export interface UndatedEntry {
  index: number;
  event: TimelineEventView;
  reason: string;
}

export interface TimelineLayout {
  zone: ResolvedZone;
  rows: Row[];
  /** Entries with no instant, in document order: listed apart, never dropped. */
  undated: UndatedEntry[];
  /** Pixels per minute for the spaces between events. */
  scale: number;
  /** Intervals longer than this many minutes become a gap marker. */
  gapThreshold: number;
}

/** Space, in pixels, given to the typical (median) interval between entries. */
export const TYPICAL_SPACE = 48;
/** The most space an interval gets before it is shown as a gap instead. */
export const MAX_SPACE = 240;
/** Intervals of at least this many minutes may become gaps, whatever the median. */
export const MIN_GAP_MINUTES = 60;

type Item = { ms: number; line: number } & ({ kind: 'event'; index: number; event: TimelineEventView } | { kind: 'milestone'; name: MilestoneName });

/** The clock of a timeline whose entries have no zone: their times as written. */
export const WALL_CLOCK: ResolvedZone = { zone: { id: WALL_CLOCK_ID, fixedOffset: 0 }, note: 'The document does not state its time zone; times are shown as written.' };

/**
 * Lays out `view` in `zone`: see the module comment. When no entry has an instant but
 * some have a date and a time, those are laid out on their wall clock (`WALL_CLOCK`).
 */
export function layoutTimeline(view: ViewData, requested: ResolvedZone): TimelineLayout {
  const items: Item[] = [];
  const undated: UndatedEntry[] = [];
  const wallClock = !view.events.some((e) => e.utc !== null) && view.events.some((e) => e.local);
  const zone = wallClock ? WALL_CLOCK : requested;
  view.events.forEach((event, index) => {
    const ms = event.utc !== null ? Date.parse(event.utc) : wallClock && event.local ? Date.parse(`${event.local}Z`) : NaN;
    if (Number.isFinite(ms)) items.push({ kind: 'event', ms, line: event.line, index, event });
    else undated.push({ index, event, reason: event.unresolved ?? (event.utc === null ? 'No time could be read.' : `"${event.utc}" is not an instant.`) });
  });
  const marked = new Set(items.flatMap((i) => (i.kind === 'event' && i.event.milestone ? [i.event.milestone] : [])));
  const milestoneMs = new Map<MilestoneName, number>();
  for (const name of MILESTONE_ORDER) {
    const ms = Date.parse(view.milestones[name] ?? '');
    if (!Number.isFinite(ms)) continue;
    milestoneMs.set(name, ms);
    if (!marked.has(name)) items.push({ kind: 'milestone', ms, line: Infinity, name });
  }
  items.sort((a, b) => a.ms - b.ms || a.line - b.line);

  const seconds = items.some((i) => i.ms % 60_000 !== 0);
  const deltas = items.slice(1).map((item, k) => (item.ms - items[k]!.ms) / 60_000).filter((d) => d > 0);
  const median = medianOf(deltas);
  const gapThreshold = Math.max(MIN_GAP_MINUTES, 5 * median);
  const scale = median > 0 ? Math.min(TYPICAL_SPACE / median, MAX_SPACE / gapThreshold) : MAX_SPACE / gapThreshold;
  const phaseAt = phaseFinder(milestoneMs);

  const rows: Row[] = [];
  let previous: { ms: number; date: string } | undefined;
  for (const item of items) {
    const parts = partsIn(item.ms, zone.zone);
    const at: Stamp = { ms: item.ms, date: dateKey(parts), clock: clockText(parts, seconds), offset: offsetText(parts.offset) };
    const phase = phaseAt(item.ms);
    if (previous) {
      const minutes = (item.ms - previous.ms) / 60_000;
      const before = phaseAt(previous.ms);
      if (minutes > gapThreshold) rows.push({ kind: 'gap', minutes, label: `— ${durationText(minutes)} —`, phase: before });
      else if (minutes > 0) rows.push({ kind: 'space', px: Math.max(1, Math.round(minutes * scale)), phase: before });
    }
    if (previous?.date !== at.date) rows.push({ kind: 'day', date: at.date, label: dayText(parts), phase: previous ? phaseAt(previous.ms) : phase });
    rows.push(item.kind === 'event' ? { kind: 'event', index: item.index, event: item.event, at, phase } : { kind: 'milestone', name: item.name, at, phase });
    previous = { ms: item.ms, date: at.date };
  }
  return { zone, rows, undated, scale, gapThreshold };
}

/** The phase at an instant: opened by the latest milestone at or before it. */
function phaseFinder(milestones: Map<MilestoneName, number>): (ms: number) => Phase | null {
  return (ms) => {
    let best: { at: number; phase: Phase | null } | null = null;
    for (const [name, phase] of PHASE_OPENERS) {
      const at = milestones.get(name);
      if (at !== undefined && at <= ms && (best === null || at >= best.at)) best = { at, phase };
    }
    return best ? best.phase : null;
  };
}

function medianOf(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The header's metrics, in reading order, with their values as text. */
export function metricItems(metrics: IncidentMetrics): { label: string; value: string; known: boolean }[] {
  const entries: [string, number | null][] = [
    ['Time to detect', metrics.timeToDetectMinutes],
    ['Time to acknowledge', metrics.timeToAcknowledgeMinutes],
    ['Time to mitigate', metrics.timeToMitigateMinutes],
    ['Time to resolve', metrics.timeToResolveMinutes],
    ['Duration', metrics.durationMinutes],
  ];
  return entries.map(([label, minutes]) => ({ label, value: durationText(minutes), known: minutes !== null }));
}

/** One line describing an entry for screen readers, tooltips and the SVG's <title>. */
export function describeEvent(event: TimelineEventView, at: Stamp | undefined, zoneName: string): string {
  const parts: string[] = [];
  if (at) parts.push(event.dateOnly ? `${at.date} (no time of day)` : `${at.date} ${at.clock} ${zoneName}`);
  else parts.push(event.raw ? `"${event.raw}" (no time)` : 'no time');
  if (event.milestone) parts.push(`milestone: ${MILESTONE_LABELS[event.milestone]}`);
  parts.push(event.text || '(no text)');
  if (event.people.length) parts.push(`people: ${event.people.map((p) => '@' + p).join(', ')}`);
  for (const f of event.findings) parts.push(`${f.severity}: ${f.message}`);
  return parts.join('. ');
}

/**
 * The entry the editor's cursor is in: the one on `line`, or the nearest one
 * above it when another entry follows (a wrapped, multi-line entry). Past the
 * last entry only its own line counts. Returns the entry's index in `events`.
 */
export function entryAtLine(events: readonly TimelineEventView[], line: number): number | undefined {
  let best: number | undefined;
  let last = -1;
  events.forEach((e, i) => {
    if (e.line <= line && (best === undefined || e.line > events[best]!.line)) best = i;
    last = Math.max(last, e.line);
  });
  if (best === undefined) return undefined;
  const at = events[best]!.line;
  return at === line || at < last ? best : undefined;
}
