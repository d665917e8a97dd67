/**
 * Hover on a timeline timestamp: its instant in UTC and in the document's zone with
 * the offset, the time since the previous entry and since the incident started.
 */
import type { Position, Range } from '../model/text.js';
import { formatMinutes, MS_PER_MINUTE } from '../time/civil.js';
import { inZone, localText, utcText } from '../timeline/format.js';
import { timelineFor } from '../timeline/index.js';
import type { Timeline, TimelineEvent } from '../timeline/types.js';
import type { HoverProvider } from './types.js';

function contains(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

function since(from: number, to: number): string {
  const minutes = Math.round((to - from) / MS_PER_MINUTE);
  return minutes < 0 ? `${formatMinutes(minutes)} (earlier)` : formatMinutes(minutes);
}

/** The instant an event is measured from: the previous timed entry with an instant. */
function previousInstant(timeline: Timeline, ev: TimelineEvent): TimelineEvent | undefined {
  for (let i = ev.index - 1; i >= 0; i--) {
    const p = timeline.events[i]!;
    if (p.keys.instant !== undefined) return p;
  }
  return undefined;
}

function incidentStart(timeline: Timeline): { utc: number; what: string } | undefined {
  const started = timeline.milestones.started;
  if (started?.utc !== undefined) return { utc: started.utc, what: 'the incident started' };
  const first = timeline.events.find((e) => e.keys.instant !== undefined);
  return first?.keys.instant !== undefined ? { utc: first.keys.instant, what: 'the first entry' } : undefined;
}

/** The Markdown of the hover for one event. */
export function eventHoverMarkdown(timeline: Timeline, ev: TimelineEvent): string {
  const lines: string[] = [`**${ev.raw}**`, ''];
  if (ev.utc === undefined) {
    lines.push(`No instant: ${ev.unresolved ?? 'the timestamp cannot be placed'}.`);
    if (ev.date || ev.time) lines.push('', `Read as ${localText(ev)}${ev.dateOnly ? ' (a date without a time; ordered by date)' : ''}.`);
    return lines.join('\n');
  }
  if (ev.dateOnly) {
    lines.push(`A date without a time of day: ${localText(ev)}, ordered by date.`);
    return lines.join('\n');
  }
  const zone = timeline.zone ?? ev.zone;
  lines.push(`- UTC: ${utcText(ev.utc)}`);
  if (zone && !(zone.kind === 'fixed' && zone.offsetMinutes === 0)) lines.push(`- ${zone.kind === 'iana' ? zone.name : zone.label}: ${inZone(ev.utc, zone)}`);
  if (ev.zone && zone !== ev.zone) lines.push(`- As written (${ev.zone.kind === 'iana' ? ev.zone.name : ev.zone.label}): ${inZone(ev.utc, ev.zone)}`);
  if (ev.overlap) lines.push(`- Also happened at ${utcText(ev.overlap.later)}: the clocks went back over this time; the earlier is assumed.`);
  const prev = previousInstant(timeline, ev);
  if (prev?.keys.instant !== undefined) lines.push(`- Since the previous entry (${prev.raw}, line ${prev.startLine + 1}): ${since(prev.keys.instant, ev.utc)}`);
  const start = incidentStart(timeline);
  if (start && start.utc !== ev.utc) lines.push(`- Since ${start.what}: ${since(start.utc, ev.utc)}`);
  return lines.join('\n');
}

export const timestampHover: HoverProvider = {
  hover(analysis, position) {
    const timeline = timelineFor(analysis.model, analysis.settings);
    const ev = timeline.events.find((e) => contains(e.stampRange, position));
    return ev ? { markdown: eventHoverMarkdown(timeline, ev), range: ev.stampRange } : undefined;
  },
};
