import type { Analysis } from '../analysis.js';
import type { Range } from '../model/text.js';
import { timelineView } from '../timeline/view.js';
import { METRIC_DEFINITIONS, NO_METRICS, NO_METRICS_TOOLTIP, PREVIEW_TITLE, PREVIEW_TOOLTIP, lensTooltip, type MetricLabel } from './lens-text.js';

export { METRIC_DEFINITIONS, lensTooltip, type MetricLabel };

/** A code lens as the service describes it: where, what it says, its tooltip, and the client command it runs. */
export interface LensView {
  range: Range;
  title: string;
  tooltip: string;
  command: string;
  arguments: unknown[];
}


/** "1h 38m", "7m", "2d 3h": short enough for a lens in a split editor. */
export function shortDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const total = Math.round(Math.abs(minutes));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m && !d ? `${m}m` : ''].filter(Boolean);
  return sign + (parts.length ? parts.join(' ') : '0m');
}

/**
 * The lenses above the timeline's heading: one short lens per known metric ("TTD 7m", which
 * reveals the outline; its tooltip says what it measures) and "Preview".
 */
export function timelineLenses(analysis: Analysis, uri: string, version: number): LensView[] {
  const section = analysis.model.canonical.get('timeline');
  if (!analysis.postMortem || !section) return [];
  const range = analysis.model.lines.trimmedLineRange(section.heading.startLine);
  const { metrics } = timelineView(analysis, uri, version);
  const known: Array<[MetricLabel, number | null]> = [
    ['Duration', metrics.durationMinutes],
    ['TTD', metrics.timeToDetectMinutes],
    ['TTA', metrics.timeToAcknowledgeMinutes],
    ['TTM', metrics.timeToMitigateMinutes],
    ['TTR', metrics.timeToResolveMinutes],
  ];
  const lenses: LensView[] = known
    .filter((k): k is [MetricLabel, number] => k[1] !== null)
    .map(([label, m]) => ({ range, title: `${label} ${shortDuration(m)}`, tooltip: METRIC_DEFINITIONS[label], command: 'postmortem.showOutline', arguments: [uri] }));
  if (!lenses.length) lenses.push({ range, title: NO_METRICS, tooltip: NO_METRICS_TOOLTIP, command: 'postmortem.showOutline', arguments: [uri] });
  lenses.push({ range, title: PREVIEW_TITLE, tooltip: PREVIEW_TOOLTIP, command: 'postmortem.openPreview', arguments: [uri] });
  return lenses;
}

