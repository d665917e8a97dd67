import type { Analysis } from '../analysis.js';
import type { Range } from '../model/text.js';
import { timelineView } from '../timeline/view.js';
import { durationText } from './time-format.js';

/** A code lens as the service describes it: where, what it says, and the client command it runs. */
export interface LensView {
  range: Range;
  title: string;
  command: string;
  arguments: unknown[];
}

/**
 * The lenses above the timeline's heading: the incident's metrics ("Duration 1 h 38 min ·
 * TTD 7 min · TTM 1 h 12 min", which reveals the outline) and "Open Timeline Preview".
 */
export function timelineLenses(analysis: Analysis, uri: string, version: number): LensView[] {
  const section = analysis.model.canonical.get('timeline');
  if (!analysis.postMortem || !section) return [];
  const range = analysis.model.lines.trimmedLineRange(section.heading.startLine);
  const { metrics } = timelineView(analysis, uri, version);
  const known: Array<[string, number | null]> = [
    ['Duration', metrics.durationMinutes],
    ['TTD', metrics.timeToDetectMinutes],
    ['TTA', metrics.timeToAcknowledgeMinutes],
    ['TTM', metrics.timeToMitigateMinutes],
    ['TTR', metrics.timeToResolveMinutes],
  ];
  const parts = known.filter(([, m]) => m !== null).map(([label, m]) => `${label} ${durationText(m)}`);
  return [
    {
      range,
      title: parts.length ? parts.join(' · ') : 'No milestones yet: add started/detected/mitigated/resolved to see the metrics',
      command: 'postmortem.showOutline',
      arguments: [],
    },
    { range, title: 'Open Timeline Preview', command: 'postmortem.openPreview', arguments: [uri] },
  ];
}
