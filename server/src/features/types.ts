import type { Analysis } from '../analysis.js';
import type { Position, Range } from '../model/text.js';

export interface HoverResult {
  /** Markdown shown in the hover. */
  markdown: string;
  range?: Range;
}

export type CompletionKind = 'property' | 'value' | 'enum' | 'snippet' | 'text' | 'constant';

export interface CompletionResult {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown documentation. */
  documentation?: string;
  /** Text inserted instead of the label; replaces `range` when given. */
  insertText?: string;
  range?: Range;
  sortText?: string;
}

/** Answers hovers for one kind of place in a document (a timestamp, a frontmatter key…). */
export interface HoverProvider {
  hover(analysis: Analysis, position: Position): HoverResult | undefined;
}

/** Offers completions for one kind of place in a document. */
export interface CompletionProvider {
  complete(analysis: Analysis, position: Position): CompletionResult[];
}
