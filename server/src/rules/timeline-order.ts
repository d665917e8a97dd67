import { localText } from '../timeline/format.js';
import { timelineOf } from '../timeline/context.js';
import type { Rule } from './types.js';

/** Data of a timeline.order finding: the 0-based lines of the entry and of the later one before it. */
export interface TimelineOrderData {
  line: number;
  previousLine: number;
}

export const timelineOrder: Rule = {
  codes: {
    'timeline.order': { severity: 'error', description: 'A timeline entry is earlier than the entry before it.' },
  },
  check(ctx) {
    const timeline = timelineOf(ctx);
    for (const issue of timeline.order) {
      const ev = timeline.events[issue.index]!;
      const prev = timeline.events[issue.previous]!;
      const data: TimelineOrderData = { line: ev.startLine, previousLine: prev.startLine };
      ctx.report({
        code: 'timeline.order',
        message: `Out of order: ${localText(ev)} comes after ${localText(prev)} (line ${prev.startLine + 1}). The timeline must be chronological: move the entry, or correct its time.`,
        range: ev.stampRange,
        data,
      });
    }
  },
};
