import type { FixProvider } from './types.js';
import { insertSectionFix } from './insert-section.js';
import { timezoneSuggestFix } from './timezone-suggest.js';
import { blameRewriteFix } from './blame-rewrite.js';
import { disableCommentFix } from './disable-comment.js';
import { sortTimelineFix } from './sort-timeline.js';
import { stateTimezoneFix } from './state-timezone.js';
import { stateDateFix } from './state-date.js';
import { use24hFix } from './use-24h.js';
import { notPostMortemFix } from './not-postmortem.js';
import { actionPartsFix } from './action-parts.js';

/** Every fix provider, each keyed on the codes it fixes. Saying the document is no post-mortem and the disable comments come last: fixing beats silencing. */
export const FIX_PROVIDERS: readonly FixProvider[] = [insertSectionFix, sortTimelineFix, stateTimezoneFix, stateDateFix, use24hFix, timezoneSuggestFix, blameRewriteFix, actionPartsFix, notPostMortemFix, disableCommentFix];
