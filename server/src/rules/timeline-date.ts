import { timelineOf } from '../timeline/context.js';
import { needsDate } from '../timeline/index.js';
import type { Rule } from './types.js';

/** Times of day with no date anywhere a reader would look: the timeline cannot be placed in time. */
export const timelineDate: Rule = {
  codes: {
    'timeline.date-missing': { severity: 'warning', description: 'The timeline gives times of day but no date for them anywhere (entry, day heading, title, summary, frontmatter, file name).' },
  },
  check(ctx) {
    const timeline = timelineOf(ctx);
    if (!timeline.missingDate || !timeline.section) return;
    const count = timeline.events.filter(needsDate).length;
    ctx.report({
      code: 'timeline.date-missing',
      message: `${count === 1 ? 'A time' : `${count} times`} in the timeline ${count === 1 ? 'has' : 'have'} no date. No entry, day heading, title, summary, frontmatter or file name gives one: state the day (\`date:\` in the frontmatter, or a day heading).`,
      range: ctx.model.lines.trimmedLineRange(timeline.section.heading.startLine),
    });
  },
};
