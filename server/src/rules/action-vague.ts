import { extractActionItems } from '../content/actions.js';
import { vaguePhrase } from '../content/vague.js';
import { short } from './action-owner.js';
import type { Rule } from './types.js';

export const actionVague: Rule = {
  codes: {
    'action.vague': { severity: 'warning', description: 'A preventive action is not a specific measure ("be more careful", "improve monitoring").' },
  },
  check({ model, report }) {
    for (const item of extractActionItems(model)) {
      const phrase = vaguePhrase(item.text);
      if (!phrase) continue;
      report({
        code: 'action.vague',
        message: `"${short(item.text)}" is not a specific measure ("${phrase}"). Name the change that prevents a repeat: what is added, changed or automated, and where (an alert at 80% of the quota, a check in the pipeline).`,
        range: item.range,
        data: { phrase },
      });
    }
  },
};
