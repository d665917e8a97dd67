/** Small builders for inline test documents. */

/** Joins lines with \n and ends with a newline. */
export function md(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A post-mortem with every canonical section filled, under the given headings. */
export function fullPostMortem(headings: Partial<Record<'summary' | 'timeline' | 'root' | 'resolution' | 'actions' | 'successes', string>> = {}): string {
  const h = {
    summary: 'Incident Summary',
    timeline: 'Timeline of Events',
    root: 'Root Cause Analysis',
    resolution: 'Resolution and Recovery',
    actions: 'Preventive Actions',
    successes: 'Successes and Positive Outcomes',
    ...headings,
  };
  return md(
    '# Checkout outage',
    '',
    `## ${h.summary}`,
    '',
    'On 2024-08-20 from 14:02 to 15:40 UTC checkout failed for 30% of users; a rollback resolved it.',
    '',
    `## ${h.timeline}`,
    '',
    '- 14:02 UTC - Error rate alert fires',
    '- 14:10 UTC - @ana starts the rollback',
    '',
    `## ${h.root}`,
    '',
    'A connection pool limit was lowered by a configuration change that had no canary.',
    '',
    `## ${h.resolution}`,
    '',
    'The change was rolled back at 15:30 UTC; errors stopped by 15:40 UTC.',
    '',
    `## ${h.actions}`,
    '',
    '- [ ] Canary configuration changes — owner: @ops, due 2024-09-01, OPS-12',
    '',
    `## ${h.successes}`,
    '',
    '- The error-rate alert fired within two minutes, which kept the impact to 30% of users.',
  );
}
