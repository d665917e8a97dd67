import type { Analysis } from '../analysis.js';
import type { Range } from '../model/text.js';
import type { Finding } from '../rules/types.js';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A code action the service offers. Edits are against the analysed text and never overlap. */
export interface Fix {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: TextEdit[];
  /** The findings this fix resolves. */
  findings: Finding[];
  isPreferred?: boolean;
  /**
   * Safe fixes only insert text, or move whole entries, and never need a human choice:
   * `--fix` and `source.fixAll.postmortem` apply them.
   */
  safe: boolean;
  /** For a fix made of several (fix-all): the title of each part. */
  parts?: string[];
}

/** Quick fixes for some finding codes, keyed on `code` and `data`, never on message text. */
export interface FixProvider {
  codes: readonly string[];
  /** Fixes for one finding. */
  fixes(analysis: Analysis, finding: Finding): Fix[];
  /** One fix for all of these findings together (all of this provider's codes), if it has one. */
  fixAll?(analysis: Analysis, findings: Finding[]): Fix | undefined;
}
