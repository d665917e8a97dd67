import { extractActionItems } from '../content/actions.js';
import { short } from './action-owner.js';
import type { Rule } from './types.js';

export const actionDue: Rule = {
  codes: {
    'action.due-missing': { severity: 'information', description: 'A preventive action has no due date and no ticket or link that tracks it.' },
  },
  check({ model, report }) {
    for (const item of extractActionItems(model)) {
      if (item.done || item.due || item.ticket || item.link) continue;
      report({
        code: 'action.due-missing',
        message: `"${short(item.text)}" has no due date and no ticket or link: give it one ("due 2024-09-30", a ticket key, a link) so it can be followed up.`,
        range: item.range,
      });
    }
  },
};
