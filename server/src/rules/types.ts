import type { PostMortemModel } from '../model/document.js';
import type { Range } from '../model/text.js';
import type { Settings, Severity } from '../settings.js';

/** What a rule reports. Severity comes from the code's default or the user's setting. */
export interface FindingInput {
  code: string;
  message: string;
  range: Range;
  /** Whatever the code's quick fixes need; travels as `Diagnostic.data`. */
  data?: unknown;
  /** Marks text the finding makes unnecessary or deprecated, as LSP tags do. */
  tags?: Array<'unnecessary' | 'deprecated'>;
  /**
   * This finding's own default severity, for a code whose findings differ in weight
   * (an unknown frontmatter key is a warning, a wrong value an error). The user's
   * setting for the code still wins.
   */
  severity?: Severity;
}

export interface Finding extends FindingInput {
  severity: Severity;
}

/** A finding code's contract: its default severity and a one-line description (also the SARIF short description). */
export interface CodeInfo {
  severity: Severity;
  description: string;
  /** False for a code that reports nothing until the user gives it a severity (too often wrong to be on by default). */
  enabled?: boolean;
}

/** What a rule sees: the model of the document and the resolved settings. */
export interface RuleContext {
  model: PostMortemModel;
  settings: Settings;
  report(finding: FindingInput): void;
  /** Computes a value once per analysis and shares it between rules (the timeline, say). */
  cached<T>(key: string, compute: () => T): T;
}

/** One rule: the codes it may report and a check that reports them. */
export interface Rule {
  /** Codes this rule reports, with their defaults. A code belongs to exactly one rule. */
  codes: Readonly<Record<string, CodeInfo>>;
  /** The check reads English words (section names, phrases): in a post-mortem written in another language it stays silent. */
  readsEnglish?: boolean;
  check(context: RuleContext): void;
}
