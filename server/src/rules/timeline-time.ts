import { localText, utcOffsetText, utcText } from '../timeline/format.js';
import { timelineOf } from '../timeline/context.js';
import { proseTimeProblems } from '../timeline/prose-times.js';
import type { Rule } from './types.js';

export const timelineTime: Rule = {
  codes: {
    'timeline.invalid-time': { severity: 'error', description: 'An impossible time or date: 13:55 PM, 25:10, 10:61, 2023-02-30.' },
    'timeline.nonexistent-time': { severity: 'error', description: 'A local time the clocks skipped when daylight saving time began.' },
    'timeline.ambiguous-time': { severity: 'warning', description: 'A local time that happened twice when daylight saving time ended, with no offset to say which.' },
    'timeline.12-hour-time': { severity: 'hint', description: 'A 12-hour clock time (3:26 PM); 24-hour times are unambiguous across teams. Off unless given a severity: a valid 12-hour time is not a problem.' },
  },
  check(ctx) {
    const timeline = timelineOf(ctx);
    for (const p of proseTimeProblems(ctx.model)) {
      ctx.report({ code: 'timeline.invalid-time', message: `${p.written} is not a time: a 12-hour clock runs from 12:00 to 11:59.`, range: p.range });
    }
    // A style preference, so reported only when the user asks for it by giving the code a severity.
    const twelveHour = ctx.settings.rules['timeline.12-hour-time'] !== undefined;
    for (const ev of timeline.events) {
      if (ev.reason === 'invalid') {
        ctx.report({ code: 'timeline.invalid-time', message: `${ev.unresolved}.`, range: ev.stampRange });
      } else if (ev.stamp.rangeProblem) {
        ctx.report({ code: 'timeline.invalid-time', message: `${ev.stamp.rangeProblem}: correct the start or the end (a period past midnight this long needs its dates).`, range: ev.stampRange });
      } else if (ev.gap) {
        const jump = ev.gap.offsetAfter - ev.gap.offsetBefore;
        ctx.report({
          code: 'timeline.nonexistent-time',
          message: `${ev.unresolved} (they moved forward ${jump} minutes, from ${utcOffsetText(ev.gap.offsetBefore)} to ${utcOffsetText(ev.gap.offsetAfter)}). Correct the time, or write it with its offset.`,
          range: ev.stampRange,
        });
      } else if (ev.overlap) {
        const zone = ev.zone?.kind === 'iana' ? ev.zone.name : 'its zone';
        const [a, b] = ev.overlap.offsets;
        ctx.report({
          code: 'timeline.ambiguous-time',
          message: `${localText(ev)} happened twice in ${zone}, when the clocks went back: at ${utcText(ev.overlap.earlier)} (${utcOffsetText(a)}) and at ${utcText(ev.overlap.later)} (${utcOffsetText(b)}). The earlier is assumed; write the offset to say which.`,
          range: ev.stampRange,
        });
      }
      if (twelveHour && ev.stamp.clock?.twelveHour && ev.clockRange && ev.reason !== 'invalid') {
        ctx.report({
          code: 'timeline.12-hour-time',
          message: `${ctx.model.lines.lineText(ev.clockRange.start.line).slice(ev.clockRange.start.character, ev.clockRange.end.character)} is on a 12-hour clock; a 24-hour time reads the same for everyone.`,
          range: ev.clockRange,
        });
      }
    }
  },
};
