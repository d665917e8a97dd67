import { summaryFacts } from '../content/summary.js';
import { frontmatterString } from '../model/frontmatter.js';
import type { Rule } from './types.js';

export const summaryTimezone: Rule = {
  readsEnglish: true,
  codes: {
    'summary.timezone-missing': { severity: 'warning', description: 'The incident summary gives clock times without stating their time zone.' },
  },
  check({ model, report, cached }) {
    const facts = cached('content.summary', () => summaryFacts(model));
    if (!facts || facts.zoneStated) return;
    const first = facts.times[0];
    if (!first) return;
    const zone = frontmatterString(model.frontmatter, 'timezone');
    const hint = zone ? ` The frontmatter says ${zone}; readers of the summary may not see it.` : '';
    report({
      code: 'summary.timezone-missing',
      message: `The summary's clock times (${first.text.slice(0, 12)}) have no time zone.${hint} State it: UTC, +02:00, Europe/Berlin.`,
      range: { start: { line: first.line, character: first.start }, end: { line: first.line, character: first.end } },
    });
  },
};
