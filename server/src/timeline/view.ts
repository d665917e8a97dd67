/**
 * The timeline as the client shows it (outline, preview) and the CLI prints it:
 * the types of protocol.ts, built from an analysis.
 */
import { frontmatterString } from '../model/frontmatter.js';
import { plainInline } from '../model/sections.js';
import { MILESTONES, type FindingView, type MilestoneName, type TimelineEventView, type TimelineView } from '../protocol.js';
import type { Analysis } from '../analysis.js';
import { formatDate, formatTime } from '../time/civil.js';
import { isoInstant, zoneId } from '../time/zones.js';
import { timelineFor } from './index.js';

/** The timeline view of an analysed document (call it for post-mortems only). */
export function timelineView(analysis: Analysis, uri: string, version: number): TimelineView {
  const { model, settings } = analysis;
  const timeline = timelineFor(model, settings);
  const byLine = new Map<number, FindingView[]>();
  for (const f of analysis.findings) {
    const list = byLine.get(f.range.start.line) ?? [];
    list.push({ code: f.code, severity: f.severity, message: f.message });
    byLine.set(f.range.start.line, list);
  }
  const events = timeline.events.map((ev): TimelineEventView => {
    const findings: FindingView[] = [];
    for (let line = ev.startLine; line < ev.endLine; line++) findings.push(...(byLine.get(line) ?? []));
    return {
      line: ev.startLine,
      raw: ev.raw,
      text: ev.text,
      utc: ev.utc !== undefined ? isoInstant(ev.utc) : null,
      ...(ev.utc === undefined && ev.unresolved ? { unresolved: ev.unresolved } : {}),
      ...(ev.utc === undefined && ev.date && ev.time && !ev.dateOnly && ev.reason !== 'invalid' ? { local: `${formatDate(ev.date)}T${formatTime(ev.time)}` } : {}),
      ...(ev.dateOnly ? { dateOnly: true } : {}),
      people: ev.people,
      ...(ev.milestone ? { milestone: ev.milestone } : {}),
      findings,
    };
  });
  const milestones: Partial<Record<MilestoneName, string>> = {};
  for (const name of MILESTONES) {
    const m = timeline.milestones[name];
    if (m?.utc !== undefined) milestones[name] = isoInstant(m.utc);
  }
  const title = model.title ? plainInline(model.title.text) : (frontmatterString(model.frontmatter, 'title') ?? '');
  return {
    uri,
    version,
    title,
    severity: frontmatterString(model.frontmatter, 'severity') ?? null,
    status: frontmatterString(model.frontmatter, 'status') ?? null,
    timezone: timeline.zone ? zoneId(timeline.zone) : null,
    events,
    milestones,
    metrics: timeline.metrics,
  };
}
