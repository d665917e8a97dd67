import { allCodes } from '../rules/registry.js';
import { frontmatterKeyEdit } from './state-timezone.js';
import type { FixProvider } from './types.js';

/**
 * "This is not a post-mortem": on any finding of a document taken for a post-mortem by
 * its path or its content (not by its own frontmatter), adds `postmortem: false`, which
 * wins over both. A choice, never applied by "fix all".
 */
export const notPostMortemFix: FixProvider = {
  get codes() {
    return Object.keys(allCodes());
  },
  fixes(analysis, finding) {
    if (analysis.postMortem !== 'path' && analysis.postMortem !== 'evidence') return [];
    const edit = frontmatterKeyEdit(analysis, 'postmortem', 'false');
    if (!edit) return [];
    return [{ title: 'This is not a post-mortem: add "postmortem: false" to the frontmatter', kind: 'quickfix', edits: [edit], findings: [finding], safe: false }];
  },
};
