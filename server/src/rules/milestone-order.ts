import { MILESTONES } from '../protocol.js';
import { timelineOf } from '../timeline/context.js';
import type { MilestoneValue } from '../timeline/types.js';
import type { Rule } from './types.js';

/** Milliseconds from `a` to `b` when both are instants or both local times in the same unknown zone. */
function diff(a: MilestoneValue, b: MilestoneValue): number | undefined {
  if (a.utc !== undefined && b.utc !== undefined) return b.utc - a.utc;
  if (a.local !== undefined && b.local !== undefined) return b.local - a.local;
  return undefined;
}

export const milestoneOrder: Rule = {
  codes: {
    'milestone.order': {
      severity: 'error',
      description: 'Frontmatter milestones out of order: started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved.',
    },
  },
  check(ctx) {
    const { milestones } = timelineOf(ctx);
    let previous: MilestoneValue | undefined;
    for (const name of MILESTONES) {
      const m = milestones[name];
      if (!m || m.source !== 'frontmatter') continue;
      const d = previous ? diff(previous, m) : undefined;
      if (previous && d !== undefined && d < 0) {
        ctx.report({
          code: 'milestone.order',
          message: `\`${name}\` (${m.raw}) is before \`${previous.name}\` (${previous.raw}); milestones happen in the order started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved.`,
          range: m.keyRange ?? m.range,
          data: { key: name, previous: previous.name },
        });
      }
      previous = m;
    }
  },
};
