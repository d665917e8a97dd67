import { timelineOf } from '../timeline/context.js';
import type { Rule } from './types.js';

/** A standard-time abbreviation in its daylight season (PST in June) or the reverse: the times are read on the region's clock. */
export const timelineSeason: Rule = {
  codes: {
    'timeline.dst-abbreviation': {
      severity: 'warning',
      description: 'A standard-time abbreviation used in its daylight-saving season (PST in June) or the reverse (PDT in January).',
    },
  },
  check(ctx) {
    for (const m of timelineOf(ctx).seasonMismatches) {
      const ev = timelineOf(ctx).events[m.eventIndex]!;
      const when = ev.date ? `${ev.date.year}-${String(ev.date.month).padStart(2, '0')}-${String(ev.date.day).padStart(2, '0')}` : 'that date';
      ctx.report({
        code: 'timeline.dst-abbreviation',
        message: `"${m.label}" is the other season's abbreviation on ${when}. ${m.region} kept the other offset that day. The times are read as ${m.region} wall-clock time${m.count > 1 ? ` (${m.count} entries)` : ''}; write the zone name or the offset to say it plainly.`,
        range: m.range,
        data: { label: m.label, region: m.region },
      });
    }
  },
};
