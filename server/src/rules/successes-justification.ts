import { hasJustification, successItems } from '../content/successes.js';
import type { Rule } from './types.js';

export const successesJustification: Rule = {
  readsEnglish: true,
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
        message: 'This success does not say what it prevented, saved or shortened.',
        range: item.range,
      });
    }
  },
};
