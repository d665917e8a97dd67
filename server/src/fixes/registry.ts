import type { FixProvider } from './types.js';
import { insertSectionFix } from './insert-section.js';
import { timezoneSuggestFix } from './timezone-suggest.js';
import { disableCommentFix } from './disable-comment.js';

/** Every fix provider, each keyed on the codes it fixes. The disable comments come last: fixing beats silencing. */
export const FIX_PROVIDERS: readonly FixProvider[] = [insertSectionFix, timezoneSuggestFix, disableCommentFix];
