import type { CompletionProvider, HoverProvider } from './types.js';
import { frontmatterCompletion } from '../frontmatter/complete.js';
import { frontmatterHover } from '../frontmatter/hover.js';
import { timestampHover } from './timestamp-hover.js';

/** Hover providers, asked in order; the first answer wins. */
export const HOVER_PROVIDERS: readonly HoverProvider[] = [frontmatterHover, timestampHover];

/** Completion providers; their items are merged. */
export const COMPLETION_PROVIDERS: readonly CompletionProvider[] = [frontmatterCompletion];
