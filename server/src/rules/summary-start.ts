import { dateOrderOf } from '../timeline/date-order.js';
import { firstFullDateAt } from '../timeline/dates.js';
import { timelineOf } from '../timeline/context.js';
import { range, type Range } from '../model/text.js';
import { addDays, dayNumber, formatDate, type CivilDate } from '../time/civil.js';
import type { Rule } from './types.js';

const MAX_SUMMARY_LINES = 40;
/** The date opens the sentence that tells what happened: "On Oct 10, 2017, some pods…". */
const ON_DATE = /(?:^|[.!?]\s+)[\s*_>-]*On\s+$/;

/**
 * The title or the summary dating the incident to a day the timeline does not cover:
 * the first full date each writes, more than a day outside the days the timeline's own
 * entries and day headings write. Only full dates count, so nothing is guessed; a later
 * date counts only where it opens the story ("On Oct 10, 2017, …"), since a later
 * date is often when the text was written.
 */
export const summaryStart: Rule = {
  codes: {
    'summary.start-mismatch': { severity: 'warning', description: "The title or summary dates the incident to a day outside the timeline's own dates." },
  },
  check(ctx) {
    const { model } = ctx;
    const days = timelineOf(ctx).writtenDays;
    if (!days) return;
    const order = dateOrderOf(model, ctx.settings);
    const places: Array<{ what: string; date: CivilDate; range: Range; incident: boolean }> = [];
    if (model.title) {
      const line = model.title.startLine;
      const text = model.lines.lineText(line);
      const hit = firstFullDateAt(text, order);
      if (hit) places.push({ what: 'The title', date: hit.date, range: range(line, hit.start, line, hit.end), incident: false });
    }
    const summary = model.summary;
    const span = summary?.kind === 'section' ? { from: summary.section.bodyStartLine, to: summary.section.endLine } : summary ? { from: summary.startLine, to: model.preamble.endLine } : undefined;
    if (span) {
      const end = Math.min(span.to, span.from + MAX_SUMMARY_LINES);
      for (let line = span.from; line < end; line++) {
        const text = model.lines.lineText(line);
        const hit = firstFullDateAt(text, order);
        if (hit) {
          places.push({ what: 'The summary', date: hit.date, range: range(line, hit.start, line, hit.end), incident: ON_DATE.test(text.slice(0, hit.start)) });
          break;
        }
      }
    }
    // The summary speaks for the document before the title; one contradiction is enough.
    places.reverse();
    for (const p of places) {
      const day = dayNumber(p.date);
      if (day >= days.first - 1 && day <= days.last + 1) continue;
      // A later date is often when the text was written ("Date: Mar 20", "As of 8 February"): only "On <date>" dates the incident.
      if (day > days.last && !p.incident) continue;
      const span = days.first === days.last ? `on ${dayText(days.first, p.date)}` : `from ${dayText(days.first, p.date)} to ${dayText(days.last, p.date)}`;
      ctx.report({
        code: 'summary.start-mismatch',
        message: `${p.what} dates the incident ${formatDate(p.date)}, but the timeline runs ${span}. Correct whichever is wrong.`,
        range: p.range,
      });
      return;
    }
  },
};

/** A day number as YYYY-MM-DD, counted from a known date. */
function dayText(day: number, known: CivilDate): string {
  return formatDate(addDays(known, day - dayNumber(known)));
}
