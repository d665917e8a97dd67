import type { FixProvider } from './types.js';
import { insertSectionFix } from './insert-section.js';

/** Every fix provider, each keyed on the codes it fixes. */
export const FIX_PROVIDERS: readonly FixProvider[] = [insertSectionFix];
