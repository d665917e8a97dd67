/** Small builders of TimelineView values for the view tests. */
import type { TimelineEventView, TimelineView } from '../../../server/src/protocol.js';

/** An entry at `utc` (or with no instant when null) on `line`. */
export function entry(line: number, utc: string | null, text: string, extra: Partial<TimelineEventView> = {}): TimelineEventView {
  return { line, raw: utc ? utc.slice(11, 16) : 'sometime', text, utc, people: [], findings: [], ...extra };
}

/** A view of the given entries, in UTC unless `timezone` says otherwise. */
export function viewOf(events: TimelineEventView[], extra: Partial<TimelineView> = {}): TimelineView {
  return {
    uri: 'file:///work/pm.md',
    version: 1,
    title: 'Outage',
    severity: null,
    status: null,
    timezone: 'UTC',
    events,
    milestones: {},
    metrics: { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, durationMinutes: null },
    ...extra,
  };
}
