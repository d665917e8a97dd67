import { timelineOf } from '../timeline/context.js';
import { needsZone } from '../timeline/index.js';
import type { Rule } from './types.js';

export const timelineTimezone: Rule = {
  codes: {
    'timeline.timezone-missing': { severity: 'warning', description: 'The timeline gives times of day but no time zone for them.' },
    'timeline.ambiguous-zone': { severity: 'warning', description: 'A time zone abbreviation that names several zones (IST, CST, BST, AST…).' },
  },
  check(ctx) {
    const timeline = timelineOf(ctx);
    // A timeline under no heading of its own (a list or lines of times) is reported on its first entry needing a zone.
    const first = timeline.events.find(needsZone);
    const line = timeline.section?.heading.startLine ?? first?.startLine;
    if (timeline.missingZone && line !== undefined) {
      const count = timeline.events.filter(needsZone).length;
      ctx.report({
        code: 'timeline.timezone-missing',
        message: `${count === 1 ? 'A time' : `${count} times`} in the timeline ${count === 1 ? 'has' : 'have'} no time zone. Without one, ${count === 1 ? 'it does' : 'they do'} not say when things happened: state the zone once ("All times in UTC."), add \`timezone:\` to the frontmatter, or write it on each entry.`,
        range: ctx.model.lines.trimmedLineRange(line),
      });
    }
    for (const a of timeline.ambiguousZones) {
      ctx.report({
        code: 'timeline.ambiguous-zone',
        message: `"${a.label}" names several time zones. It may be ${a.candidates.join('; ')}${a.count > 1 ? ` (used ${a.count} times)` : ''}. Write the IANA name (like Asia/Kolkata) or the offset (like +05:30) instead.`,
        range: a.range,
        data: { label: a.label },
      });
    }
  },
};
