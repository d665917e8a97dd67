import { extractActionItems, PULL_OR_COMMIT, type ActionItem } from '../content/actions.js';
import { vaguePhrase } from '../content/vague.js';
import { suppressionsOf } from '../model/suppressions.js';
import type { Settings } from '../settings.js';
import type { CodeInfo, Rule } from './types.js';

/** What an action can lack, each with the code that reports it. */
export type ActionPart = 'owner' | 'due' | 'outcome';

/** Data carried by an action finding: every part the action lacks, for the quick fixes and the eval. */
export interface ActionFindingData {
  missing: ActionPart[];
  /** The vague phrase, when the outcome is missing. */
  phrase?: string;
}

export const ACTION_CODES: Readonly<Record<ActionPart, string>> = {
  owner: 'action.owner-missing',
  outcome: 'action.vague',
  due: 'action.due-missing',
};

const CODES: Record<string, CodeInfo> = {
  'action.owner-missing': { severity: 'warning', description: 'A preventive action has no owner (an @handle, "owner:", or an Owner column).' },
  'action.due-missing': { severity: 'information', description: 'A preventive action has no due date and no ticket or link that tracks it.' },
  'action.vague': { severity: 'warning', description: 'A preventive action is not a specific measure ("be more careful", "improve monitoring").' },
};

const WORDS: Record<ActionPart, string> = { owner: 'an owner', due: 'a due date', outcome: 'a measurable outcome' };

/**
 * One finding per action item, naming everything it lacks: an owner, a due date (or a
 * ticket that tracks it), a measurable outcome. Its code is that of the first part it
 * lacks (owner, outcome, due date), so each code's severity and switch still apply; a
 * part whose code is off or disabled on the line is left out. Done items need no
 * owner or date.
 */
export const actionItems: Rule = {
  readsEnglish: true,
  codes: CODES,
  check({ model, settings, report }) {
    const suppressions = suppressionsOf(model);
    for (const item of extractActionItems(model)) {
      // A pull request or a commit is the measure itself ("Stable: <…/pull/164>"), however short the words beside it.
      const phrase = item.link && PULL_OR_COMMIT.test(item.link) ? undefined : vaguePhrase(item.text);
      const missing = lacking(item, phrase).filter((part) => {
        const code = ACTION_CODES[part];
        return enabled(settings, code) && !suppressions.isSuppressed(code, item.range.start.line);
      });
      if (!missing.length) continue;
      const data: ActionFindingData = { missing, ...(phrase && missing.includes('outcome') ? { phrase } : {}) };
      report({ code: ACTION_CODES[missing[0]!], message: messageFor(missing, data.phrase), range: item.range, data });
    }
  },
};

function lacking(item: ActionItem, phrase: string | undefined): ActionPart[] {
  const out: ActionPart[] = [];
  if (!item.done && !item.owner) out.push('owner');
  if (phrase) out.push('outcome');
  if (!item.done && !item.due && !item.ticket && !item.link) out.push('due');
  return out;
}

function enabled(settings: Settings, code: string): boolean {
  const setting = settings.rules[code];
  return setting !== 'off' && (setting !== undefined || CODES[code]!.enabled !== false);
}

/** "This action has no owner and no due date." in at most 80 characters, then the vague phrase. */
export function messageFor(missing: readonly ActionPart[], phrase: string | undefined): string {
  const words = missing.map((p) => WORDS[p]);
  const list = words.length <= 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `This action lacks ${list}.${phrase ? ` "${phrase}" is not a specific measure.` : ''}`;
}
