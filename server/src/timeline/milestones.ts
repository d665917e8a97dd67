/**
 * Milestones (started, detected, acknowledged, mitigated, resolved) and the
 * incident metrics computed from them. Each milestone comes from the frontmatter
 * key of its name (zone from `timezone`, else the timeline's), else from the first
 * timeline event marked with it.
 */
import type { PostMortemModel } from '../model/document.js';
import { frontmatterPair, nodeRange } from '../model/frontmatter.js';
import { MILESTONES, type IncidentMetrics, type MilestoneName } from '../protocol.js';
import { MS_PER_MINUTE, wallMs, type CivilDate } from '../time/civil.js';
import { parseStamp, type DateOrder } from '../time/parse.js';
import { localToInstant, type Zone } from '../time/zones.js';
import { completeDate } from './dates.js';
import type { MilestoneValue, TimelineEvent } from './types.js';

/** The milestones written in the frontmatter that can be read as a date and time. */
export function frontmatterMilestones(
  model: PostMortemModel,
  zone: Zone | undefined,
  reference: CivilDate | undefined,
  order: DateOrder,
): Partial<Record<MilestoneName, MilestoneValue>> {
  const out: Partial<Record<MilestoneName, MilestoneValue>> = {};
  const fm = model.frontmatter;
  if (!fm?.data) return out;
  for (const name of MILESTONES) {
    const value = fm.data[name];
    if (typeof value !== 'string') continue;
    const text = value.trim();
    const stamp = parseStamp(text, 0, order);
    if (!stamp || stamp.problem || stamp.end !== text.length || !stamp.date || !stamp.time) continue;
    const date = completeDate(stamp.date, reference);
    if (!date) continue;
    const pair = frontmatterPair(fm, name);
    const range = nodeRange(fm, model.lines, pair?.value as never) ?? { start: { line: fm.startLine, character: 0 }, end: { line: fm.startLine, character: 3 } };
    const keyRange = nodeRange(fm, model.lines, pair?.key as never) ?? range;
    const local = wallMs(date, stamp.time);
    const own = stamp.zone?.lookup.kind === 'zone' ? stamp.zone.lookup.zone : undefined;
    const z = stamp.zone ? own : zone;
    const m: MilestoneValue = { name, source: 'frontmatter', range, keyRange, raw: text };
    if (z) {
      const r = localToInstant(z, local);
      if (r.kind === 'ok') m.utc = r.utc;
      else if (r.kind === 'overlap') m.utc = r.earlier.utc;
    } else if (!stamp.zone) {
      m.local = local;
    }
    out[name] = m;
  }
  return out;
}

/** Frontmatter milestones, completed by the first event marked with each missing one. */
export function mergeMilestones(
  fromFrontmatter: Partial<Record<MilestoneName, MilestoneValue>>,
  events: readonly TimelineEvent[],
): Partial<Record<MilestoneName, MilestoneValue>> {
  const out = { ...fromFrontmatter };
  for (const ev of events) {
    if (!ev.milestone || out[ev.milestone]) continue;
    const m: MilestoneValue = { name: ev.milestone, source: 'event', range: ev.stampRange, raw: ev.raw, eventIndex: ev.index };
    if (ev.utc !== undefined) m.utc = ev.utc;
    else if (!ev.zone && ev.keys.local !== undefined) m.local = ev.keys.local;
    out[ev.milestone] = m;
  }
  return out;
}

/** Minutes from one milestone to another (two instants, or two local times in the same unknown zone), or null. */
export function minutesBetween(from: MilestoneValue | undefined, to: MilestoneValue | undefined): number | null {
  if (from?.utc !== undefined && to?.utc !== undefined) return Math.round((to.utc - from.utc) / MS_PER_MINUTE);
  if (from?.local !== undefined && to?.local !== undefined) return Math.round((to.local - from.local) / MS_PER_MINUTE);
  return null;
}

/**
 * The incident metrics: time to detect (started → detected), to acknowledge
 * (detected → acknowledged), to mitigate (detected → mitigated), to resolve
 * (detected → resolved), and the duration (started → resolved).
 */
export function metricsOf(m: Partial<Record<MilestoneName, MilestoneValue>>): IncidentMetrics {
  return {
    timeToDetectMinutes: minutesBetween(m.started, m.detected),
    timeToAcknowledgeMinutes: minutesBetween(m.detected, m.acknowledged),
    timeToMitigateMinutes: minutesBetween(m.detected, m.mitigated),
    timeToResolveMinutes: minutesBetween(m.detected, m.resolved),
    durationMinutes: minutesBetween(m.started, m.resolved),
  };
}
