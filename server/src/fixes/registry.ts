import type { FixProvider } from './types.js';
import { insertSectionFix } from './insert-section.js';
import { timezoneSuggestFix } from './timezone-suggest.js';
import { disableCommentFix } from './disable-comment.js';
import { sortTimelineFix } from './sort-timeline.js';
import { stateTimezoneFix } from './state-timezone.js';
import { use24hFix } from './use-24h.js';

/** Every fix provider, each keyed on the codes it fixes. The disable comments come last: fixing beats silencing. */
export const FIX_PROVIDERS: readonly FixProvider[] = [insertSectionFix, sortTimelineFix, stateTimezoneFix, use24hFix, timezoneSuggestFix, disableCommentFix];
