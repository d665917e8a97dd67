import type { CodeInfo, Rule } from './types.js';
import { sectionMissing } from './section-missing.js';
import { sectionEmpty } from './section-empty.js';
import { sectionPlaceholder } from './section-placeholder.js';
import { sectionDuplicate } from './section-duplicate.js';
import { sectionOrder } from './section-order.js';
import { frontmatterYaml } from './frontmatter-yaml.js';
import { frontmatterSchema } from './frontmatter-schema.js';
import { frontmatterTimezone } from './frontmatter-timezone.js';
import { summaryIncomplete } from './summary-incomplete.js';
import { summaryTimezone } from './summary-timezone.js';
import { languageBlame } from './language-blame.js';
import { actionItems } from './action-items.js';
import { successesJustification } from './successes-justification.js';
import { timelineOrder } from './timeline-order.js';
import { timelineTimezone } from './timeline-timezone.js';
import { timelineSeason } from './timeline-season.js';
import { timelineDate } from './timeline-date.js';
import { summaryStart } from './summary-start.js';
import { timelineTime } from './timeline-time.js';
import { milestoneOrder } from './milestone-order.js';
import { summaryDuration } from './summary-duration.js';
import { configInvalid } from './config-invalid.js';

/** Every rule the service runs, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  configInvalid,
  frontmatterYaml,
  frontmatterSchema,
  frontmatterTimezone,
  sectionMissing,
  sectionEmpty,
  sectionPlaceholder,
  sectionDuplicate,
  sectionOrder,
  summaryIncomplete,
  summaryTimezone,
  languageBlame,
  actionItems,
  successesJustification,
  timelineOrder,
  timelineTimezone,
  timelineTime,
  timelineSeason,
  timelineDate,
  summaryStart,
  milestoneOrder,
  summaryDuration,
];

/** Reported when a rule throws: a bug of ours, never the user's. */
export const INTERNAL_ERROR = 'internal.rule-error';

/** Every finding code with its default severity and description. */
export function allCodes(): Record<string, CodeInfo> {
  const out: Record<string, CodeInfo> = {
    [INTERNAL_ERROR]: { severity: 'warning', description: 'A check failed on this document; the other checks still ran.' },
  };
  for (const rule of RULES) {
    for (const [code, info] of Object.entries(rule.codes)) {
      if (out[code]) throw new Error(`finding code ${code} is declared twice`);
      out[code] = info;
    }
  }
  return out;
}

/** Where a code is documented: its section of docs/rules.md in the repository. */
export const RULES_DOC_URL = 'https://github.com/postmortem-tools/vscode-postmortem/blob/main/docs/rules.md';

export function ruleHelpUri(code: string): string {
  return `${RULES_DOC_URL}#${code.replace(/[^a-z0-9-]/gi, '').toLowerCase()}`;
}
