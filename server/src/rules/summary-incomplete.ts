import { summaryFacts } from '../content/summary.js';
import type { Rule } from './types.js';
import { placeholderAt } from './section-placeholder.js';

/** Data carried by `summary.incomplete`: which of the five parts are missing. */
export interface SummaryIncompleteData {
  missing: Array<'nature' | 'start' | 'duration' | 'impact' | 'resolution'>;
}

const PARTS = ['nature', 'start', 'duration', 'impact', 'resolution'] as const;

export const summaryIncomplete: Rule = {
  readsEnglish: true,
  codes: {
    'summary.incomplete': {
      severity: 'warning',
      description: 'The incident summary does not say what happened, when it started, how long it lasted, its impact or its resolution.',
    },
  },
  check({ model, report, cached }) {
    const facts = cached('content.summary', () => summaryFacts(model));
    // An empty summary is section.empty's to report.
    if (!facts || !facts.lines.some((l) => l.text.trim())) return;
    // A summary that is still the template's prompt is section.placeholder's to report: asking it for a duration says nothing new.
    const promptOnly = facts.lines.every((l) => {
      const raw = model.lines.lineText(l.line);
      if (!raw.trim()) return true;
      const hit = placeholderAt(raw, 'prose');
      return !!hit && !raw.slice(0, hit.start).trim() && !raw.slice(hit.end).trim();
    });
    if (promptOnly) return;
    const missing = PARTS.filter((k) => !facts[k]);
    if (!missing.length) return;
    const data: SummaryIncompleteData = { missing: [...missing] };
    report({ code: 'summary.incomplete', message: messageFor(missing), range: facts.anchor, data });
  },
};

/** "The summary lacks its duration and resolution.": at most 80 characters, naming each missing part. */
export function messageFor(missing: readonly SummaryIncompleteData['missing'][number][]): string {
  const own = missing.filter((m) => m !== 'nature');
  const its = own.length ? `its ${list(own)}` : '';
  return `The summary lacks ${missing.includes('nature') ? `what happened${its ? ` and ${its}` : ''}` : its}.`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
