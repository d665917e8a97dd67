/**
 * The texts of the CodeLens and the outline's metrics: what each metric measures, and each
 * lens's tooltip from its title. Text only: the client imports it, and must not pull the
 * analysis (markdown-it, YAML, the timeline) into its bundle with it.
 */
export const METRIC_DEFINITIONS = {
  Duration: 'Duration: from the start of the impact to the resolution.',
  TTD: 'Time to detect: from the start of the impact to its detection.',
  TTA: 'Time to acknowledge: from detection until someone took the incident on.',
  TTM: 'Time to mitigate: from detection until the impact stopped.',
  TTR: 'Time to resolve: from detection until the cause was fixed for good.',
} as const;

export type MetricLabel = keyof typeof METRIC_DEFINITIONS;

export const PREVIEW_TITLE = 'Preview';
export const PREVIEW_TOOLTIP = 'Open the timeline preview beside this post-mortem';
export const NO_METRICS = 'No milestones yet';
export const NO_METRICS_TOOLTIP = 'Add started, detected, mitigated and resolved (in the frontmatter or as timeline entries) to see the duration and the time to detect, mitigate and resolve.';

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
