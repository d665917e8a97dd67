import type { Analysis } from '../analysis.js';
import type { Range } from '../model/text.js';
import { timelineView } from '../timeline/view.js';

/** A code lens as the service describes it: where, what it says, its tooltip, and the client command it runs. */
export interface LensView {
  range: Range;
  title: string;
  tooltip: string;
  command: string;
  arguments: unknown[];
}

/** What each metric of the lenses (and of the outline) measures, for their tooltips. */
export const METRIC_DEFINITIONS = {
  Duration: 'Duration: from the start of the impact to the resolution.',
  TTD: 'Time to detect: from the start of the impact to its detection.',
  TTA: 'Time to acknowledge: from detection until someone took the incident on.',
  TTM: 'Time to mitigate: from detection until the impact stopped.',
  TTR: 'Time to resolve: from detection until the cause was fixed for good.',
} as const;

export type MetricLabel = keyof typeof METRIC_DEFINITIONS;

const PREVIEW_TITLE = 'Preview';
const PREVIEW_TOOLTIP = 'Open the timeline preview beside this post-mortem';
const NO_METRICS = 'No milestones yet';
const NO_METRICS_TOOLTIP = 'Add started, detected, mitigated and resolved (in the frontmatter or as timeline entries) to see the duration and the time to detect, mitigate and resolve.';

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

/**
 * The tooltip of a lens, from its title: the language client drops a command's `tooltip` on the
 * way (vscode-languageclient 9), so the client puts it back with this.
 */
export function lensTooltip(title: string): string | undefined {
  if (title === PREVIEW_TITLE) return PREVIEW_TOOLTIP;
  if (title === NO_METRICS) return NO_METRICS_TOOLTIP;
  const label = title.split(' ')[0] as MetricLabel;
  return Object.prototype.hasOwnProperty.call(METRIC_DEFINITIONS, label) ? METRIC_DEFINITIONS[label] : undefined;
}
