import { preambleSummary, sectionBlocks } from '../model/document.js';
import type { Block } from '../model/markdown.js';
import { walkBlocks } from '../model/markdown.js';
import { range } from '../model/text.js';
import { formatMinutes } from '../time/civil.js';
import { timelineOf } from '../timeline/context.js';
import type { Rule } from './types.js';

const CUE = /\b(?:duration|lasted|lasting|lasts|for|outage of|down for)\b[\s:*_|]*(?:about|approximately|approx\.?|around|roughly|nearly|almost|over|~)?\s*/gi;
const PART = /(\d+(?:\.\d+)?|an?|one|half an)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?)(?![A-Za-z])/iy;
const JOIN = /\s*(?:,|and|&)?\s*/y;
const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };

/** A duration written at `pos` ("2 hours 35 minutes", "1h 38m", "45 minutes"): its minutes and end, or undefined. */
export function durationAt(text: string, pos: number): { minutes: number; end: number } | undefined {
  let minutes = 0;
  let end = pos;
  let p = pos;
  for (;;) {
    PART.lastIndex = p;
    const m = PART.exec(text);
    if (!m) break;
    const n = m[1]!.toLowerCase();
    const count = n === 'a' || n === 'an' || n === 'one' ? 1 : n === 'half an' ? 0.5 : Number(n);
    minutes += count * UNIT_MINUTES[m[2]![0]!.toLowerCase()]!;
    end = p + m[0].length;
    JOIN.lastIndex = end;
    p = end + (JOIN.exec(text)?.[0].length ?? 0);
  }
  return end > pos ? { minutes, end } : undefined;
}

/** The first duration the summary states, with its line and character range. */
function statedDuration(lines: { lineText(l: number): string }, blocks: readonly Block[]) {
  let found: { minutes: number; line: number; start: number; end: number } | undefined;
  walkBlocks(blocks, (b) => {
    if (found || (b.kind !== 'paragraph' && b.kind !== 'table')) return;
    const from = b.kind === 'table' ? b.header.line : b.startLine;
    for (let line = from; line < b.endLine && !found; line++) {
      const text = lines.lineText(line);
      CUE.lastIndex = 0;
      for (let m = CUE.exec(text); m && !found; m = CUE.exec(text)) {
        const d = durationAt(text, m.index + m[0].length);
        if (d) found = { minutes: d.minutes, line, start: m.index, end: d.end };
      }
    }
  });
  return found;
}

export const summaryDuration: Rule = {
  codes: {
    'summary.duration-mismatch': {
      severity: 'warning',
      description: 'The duration the summary states differs from the one the milestones give.',
    },
  },
  check(ctx) {
    const computed = timelineOf(ctx).metrics.durationMinutes;
    if (computed === null) return;
    const summary = ctx.model.canonical.get('summary');
    const blocks = summary ? sectionBlocks(ctx.model, summary) : preambleSummary(ctx.model);
    if (!blocks) return;
    const stated = statedDuration(ctx.model.lines, blocks);
    if (!stated) return;
    const tolerance = Math.max(5, Math.abs(computed) * 0.1);
    if (Math.abs(stated.minutes - computed) <= tolerance) return;
    ctx.report({
      code: 'summary.duration-mismatch',
      message: `The summary says the incident lasted ${formatMinutes(stated.minutes)}, but its milestones (started → resolved) give ${formatMinutes(computed)}. Correct one of them.`,
      range: range(stated.line, stated.start, stated.line, stated.end),
      data: { statedMinutes: stated.minutes, computedMinutes: computed },
    });
  },
};
