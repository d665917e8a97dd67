import { summaryFacts } from '../content/summary.js';
import type { Rule } from './types.js';

/** Data carried by `summary.incomplete`: which of the four parts are missing. */
export interface SummaryIncompleteData {
  missing: Array<'nature' | 'duration' | 'impact' | 'resolution'>;
}

const WHAT: Record<SummaryIncompleteData['missing'][number], string> = {
  nature: 'what happened',
  duration: 'how long it lasted',
  impact: 'who was affected and how much',
  resolution: 'how it was resolved',
};

export const summaryIncomplete: Rule = {
  codes: {
    'summary.incomplete': {
      severity: 'warning',
      description: 'The incident summary lacks the nature of the incident, its duration, its impact or its resolution.',
    },
  },
  check({ model, report, cached }) {
    const facts = cached('content.summary', () => summaryFacts(model));
    // An empty summary is section.empty's to report.
    if (!facts || !facts.lines.some((l) => l.text.trim())) return;
    const missing = (['nature', 'duration', 'impact', 'resolution'] as const).filter((k) => !facts[k]);
    if (!missing.length) return;
    const data: SummaryIncompleteData = { missing: [...missing] };
    report({
      code: 'summary.incomplete',
      message: `The summary does not say ${list(missing.map((m) => WHAT[m]))}. A summary gives the nature of the incident, its duration, its impact and its resolution.`,
      range: facts.anchor,
      data,
    });
  },
};

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
