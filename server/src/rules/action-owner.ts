import { extractActionItems } from '../content/actions.js';
import type { Rule } from './types.js';

export const actionOwner: Rule = {
  codes: {
    'action.owner-missing': { severity: 'warning', description: 'A preventive action has no owner (an @handle, "owner:", or an Owner column).' },
  },
  check({ model, report }) {
    for (const item of extractActionItems(model)) {
      if (item.done || item.owner) continue;
      report({
        code: 'action.owner-missing',
        message: `No owner for "${short(item.text)}": add one (@handle, "owner: …", or an Owner column) so the action does not go unowned.`,
        range: item.range,
      });
    }
  },
};

export function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
