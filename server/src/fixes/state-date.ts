import type { Analysis } from '../analysis.js';
import { frontmatterKeyEdit } from './state-timezone.js';
import type { FixProvider } from './types.js';

/** Today's date (UTC): the value offered for a timeline nobody dated, for the author to correct. */
const today = (): string => new Date().toISOString().slice(0, 10);

/** "State the date": adds `date:` to the frontmatter. Not safe: the day is the author's to give. */
export const stateDateFix: FixProvider = {
  codes: ['timeline.date-missing'],
  fixes(analysis: Analysis, finding) {
    const day = today();
    const edit = frontmatterKeyEdit(analysis, 'date', day);
    if (!edit) return [];
    return [{ title: `State the date: add "date: ${day}" to the frontmatter (today; change it to the incident's day)`, kind: 'quickfix', edits: [edit], findings: [finding], safe: false }];
  },
};
