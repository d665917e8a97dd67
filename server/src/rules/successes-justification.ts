import { hasJustification, successItems } from '../content/successes.js';
import { short } from './action-owner.js';
import type { Rule } from './types.js';

export const successesJustification: Rule = {
  codes: {
    'successes.missing-justification': {
      severity: 'information',
      description: 'A success gives no reason or benefit: what it prevented, saved or shortened.',
      // Right about one time in five on real post-mortems ("The plugins were migrated to AndroidX!" is its own outcome).
      enabled: false,
    },
  },
  check({ model, report }) {
    for (const item of successItems(model)) {
      if (hasJustification(item.text)) continue;
      report({
        code: 'successes.missing-justification',
        message: `"${short(item.text)}" says what worked, not what it brought: add what it prevented, saved or shortened (that is what justifies its cost).`,
        range: item.range,
      });
    }
  },
};
