/**
 * Reading an action item's fields from its raw Markdown: who owns it, when it is
 * due, which ticket or link tracks it, whether it is done. Each returns the text as
 * written, or undefined.
 */
import { dropLinkTargets, firstReferenceLink, replaceComments } from '../model/spans.js';

/** A table cell or label value that says nothing: "", "-", "?", "TBD", "n/a", "none", "unassigned". */
export function isBlankCell(value: string): boolean {
  return /^\s*(?:|[-–—?]+|tb[dc]|n\/?a|none|nobody|unassigned|unknown|todo|\?\?+)\s*$/i.test(value.replace(/[*_`~]/g, ''));
}

/** Inline code and URLs removed, so `@scope/pkg` in code or an e-mail in a link is not an owner. */
function visible(source: string): string {
  // Link targets and comments by linear scans (model/spans.ts), not from every unclosed opener.
  const text = dropLinkTargets(source.replace(/(`+)[^`]*?\1/g, ' ')).replace(/<?\bhttps?:\/\/[^\s)>\]]+>?/gi, ' ');
  return replaceComments(text, () => ' ');
}

const HANDLE = /(?<![\w.+\-/@])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?(?:\/[\w.-]+)?)/;
const VALUE_END = String.raw`\s*(?=$|[,;|()\]\n]|\s[-–—]\s|\bdue\b|\bby\b)`;
const OWNER_LABEL = new RegExp(String.raw`\b(?:owners?|assignees?|responsible|dri|team|who)\s*[:=]\s*([^,;|()\]\n]+?)` + VALUE_END, 'i');
const OWNER_DASH = new RegExp(String.raw`\b(?:owners?|assignees?)\s+[-–—]\s+([^,;|()\]\n]+?)` + VALUE_END, 'i');
const OWNED_BY = new RegExp(String.raw`\b(?:owned by|assigned to)\s+([^,;|()\]\n]+?)` + VALUE_END, 'i');

/** An `@handle`, or the value of `owner:` / `assignee:` / `owned by …`. */
export function ownerIn(source: string): string | undefined {
  const text = visible(source);
  const label = OWNER_LABEL.exec(text) ?? OWNER_DASH.exec(text) ?? OWNED_BY.exec(text);
  const value = label?.[1]?.replace(/[*_]/g, '').trim();
  // "owner: @" as the quick fix leaves it is no owner until a name follows.
  if (value && !isBlankCell(value) && /[\p{L}\p{N}]/u.test(value)) return value;
  const handle = HANDLE.exec(text);
  if (handle) return `@${handle[1]}`;
  // "[dustin] finish the patch", "[garndt?] more clarity on…": a handle in brackets before the item, as meeting notes assign work.
  const bracketed = LEADING_HANDLE.exec(text);
  if (bracketed && !NOT_HANDLES.test(bracketed[1]!)) return bracketed[1];
  // "Nóva to send the list…", "Kim and Bo will rotate…": a name as the subject of what is to be done.
  return NAMED_SUBJECT.exec(text.replace(/^\s*(?:\[[ xX]?\]\s*)?(?:\*\*)?/, ''))?.[1];
}

/** A lower-case handle in brackets opening the item (after a checkbox), a "?" allowed: `[dustin]`, `[garndt?]`. */
const LEADING_HANDLE = /^\s*(?:\[[ xX]?\]\s*)?\[([a-z][a-z0-9._-]{1,30})\??\]\s+\S/;
/** Bracketed words that mark a state or a priority, not a person. */
const NOT_HANDLES = /^(?:done|todo|tbd|tba|wip|fixed|closed|open|resolved|optional|later|maybe|blocked|draft|p\d|sev\d|low|medium|high|critical|x)$/;

const NOT_NAMES = String.raw`We|They|It|This|That|These|Those|There|Someone|Everyone|Nobody|Need|Needs|Want|Plan|Plans|Try|Going|Ability|Also|Then|How|What|When|Who|Able|Have|Has|Make|Get|Start|Continue|Begin|Learn|Remember|Tell|Ask|Allow|Use|Attempt|Work|Prefer|Look|Reach|Link|Point|Redirect|Forward|Map|Connect|Attach|Apply|Expose|Escalate|Report|Stick|Lock|Fall|Fail|Refer|Switch|Move|Migrate|Upgrade|Downgrade|Change|Revert|Return|Add|Write|Send|Go|Set|Listen|Respond|Subscribe|Commit|Push|Post|Publish|Deploy|Roll|Pin|Bump|Limit|Restrict|Default|Due|Owner|Note|Back|Up|Down`;
/** "Nóva to send the list…", "Kim and Bo to rotate…": a name, then what they are to do. */
const NAMED_SUBJECT = new RegExp(String.raw`^((?!(?:${NOT_NAMES})\b)\p{Lu}\p{Ll}+(?:\s+and\s+\p{Lu}\p{Ll}+)?)\s+to\s+(?!(?:the|a|an|all|our|its|their|this|that|these|those|be|do|using|use)\b)\p{Ll}`, 'u');

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const DATE_LIKE = [
  '\\d{4}-\\d{2}-\\d{2}',
  '\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}',
  `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?`,
  `${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
  `${MONTH}\\s+\\d{4}`,
  "(?:q[1-4]|h[12])\\s*(?:fy)?\\s*'?\\d{2,4}",
  '\\d{4}\\s*[-/]?\\s*(?:q[1-4]|h[12])',
  `(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:${MONTH}|this\\s+\\w+|next\\s+\\w+|week|month|quarter|year|sprint|q[1-4])`,
  '(?:next|this|the\\s+next)\\s+(?:week|sprint|month|quarter|release|iteration)',
  '(?:sprint|iteration)\\s+\\d+',
  `(?:next\\s+)?${WEEKDAY}`,
  'eo[dwmqy]',
].join('|');
const DUE_LABEL = new RegExp(`\\b(?:due(?:\\s+(?:date|by|on))?|deadline|eta|target(?:\\s+date)?|by|until|before|no later than)\\s*[:=]?\\s*(${DATE_LIKE})\\b`, 'i');
const DATE_ANYWHERE = new RegExp(`\\b(\\d{4}-\\d{2}-\\d{2}|(?:q[1-4]|h[12])\\s*'?\\d{4}|\\d{4}\\s*[-/]?\\s*q[1-4])\\b`, 'i');

/** `due 2024-08-30`, `by end of September`, `ETA: Q4 2025`, or a bare ISO date or quarter. */
export function dueIn(source: string): string | undefined {
  const text = visible(source);
  const labelled = DUE_LABEL.exec(text);
  if (labelled) return labelled[1]!.trim();
  return DATE_ANYWHERE.exec(text)?.[1]?.trim();
}

/** Upper-case prefixes that look like ticket keys but are not (SEV-1, UTF-8, CVE-2021-44228…). */
const NOT_TICKETS = new Set(['SEV', 'UTF', 'ISO', 'HTTP', 'HTTPS', 'TLS', 'SSL', 'SHA', 'MD', 'AES', 'RSA', 'CVE', 'CWE', 'RFC', 'IPV', 'IP', 'TCP', 'UDP', 'COVID', 'GMT', 'UTC', 'PM', 'INC', 'P', 'SEVERITY']);
const TICKET_KEY = /\b([A-Z][A-Z0-9]{1,9})-(\d{1,7})\b/g;
const ISSUE_NUMBER = /(?<![\w&#])#(\d{1,7})\b/;
/** A Bugzilla-style reference: "bug 1604925", "Bug #1587511" (four digits or more: "bug 2" is prose). */
const BUG_NUMBER = /\bbug\s*#?\s*\d{4,8}\b/i;
const FILED = /\b(?:issue|ticket|bug|story|task|card|jira)s?\s+(?:has\s+been\s+|was\s+|were\s+)?(?:created|filed|opened|raised|logged)\b|\b(?:created|filed|opened|raised)\s+(?:an?\s+)?(?:issue|ticket|bug)\b/i;

/** A ticket key (`STO-3`), an issue number (`#123`, `bug 1604925`), or a remark that a ticket was filed. */
export function ticketIn(source: string): string | undefined {
  const text = visible(source);
  for (const m of text.matchAll(TICKET_KEY)) if (!NOT_TICKETS.has(m[1]!)) return m[0];
  const issue = ISSUE_NUMBER.exec(text) ?? BUG_NUMBER.exec(text);
  if (issue) return issue[0];
  return FILED.exec(text)?.[0];
}

/** The first URL, autolink or Markdown link target (reference-style links included). */
export function linkIn(source: string): string | undefined {
  const s = source.replace(/(`+)[^`]*?\1/g, ' ');
  const inline = /\]\(\s*<?([^)\s>]+)>?/.exec(s);
  if (inline) return inline[1];
  const url = /\bhttps?:\/\/[^\s)>\]]+/i.exec(s);
  if (url) return url[0];
  return firstReferenceLink(s);
}

const DONE = [
  /^\[[xX]\]/,
  /^\s*(?:✅|✔️?|☑️?|✓)/u,
  /^\s*~~.+~~\s*$/,
  /\((?:done|completed?|fixed|resolved|closed|shipped|implemented)\)/i,
  /^\s*(?:\*\*)?(?:done|completed?|fixed|resolved)(?:\*\*)?\s*[:\-–—]/i,
  /[-–—:]\s*(?:\*\*)?(?:done|completed?)(?:\*\*)?\.?\s*$/i,
  /^\s*we(?:'ve|\s+have)?\s+(?:already\s+|\w+ly\s+)?(?!need\b|proceed|exceed|succeed)[a-z]+ed\b/i,
  /^\s*(?:\*\*)?already\s+\w+/i,
  /(?:✅|✔️?|☑️?|✓)\s*$/u,
  /\((?:merged|landed|released|deployed)\)|^\s*(?:\*\*)?(?:merged|landed)\b/i,
  // A report of work shipped: "Added `--flag` to…", "Fixed bugs with…", "Optimized `BlocksByRange`…".
  /^\s*(?:\*\*)?(?:[A-Z][a-z]+\s*:\s*)?(?:added|fixed|optimi[sz]ed|implemented|introduced|merged|released|shipped|deployed|upgraded|bumped|pinned|reverted|rotated|revoked|refactored|rewrote|documented|patched|disabled|enabled|removed|deleted|restored|migrated|replaced|created|published|configured|updated|improved)\b(?!\s+(?:by|to)\b)/i,
  // "Switched to pnpm 10", "Increased the scrutiny…": a past-tense verb, then what it acted on (not "Automated process to…").
  /^\s*(?:\*\*)?(?:[a-z]+-)?[a-z]+ed\s+(?:the|our|a|an|to|all|it|its|their|this|these|that|those|from|up|out|off|over)\b/i,
  /\b(?:has|have)\s+(?:already\s+)?been\s+(?:[a-z]+ed|done|set\s+up|put\s+in\s+place)\b/i,
];

/** Checked (`[x]`), ticked (✅), struck through, marked "(done)" or "(merged)", or written as already done ("We added…", "Fixed …"). */
export function doneIn(source: string): boolean {
  return DONE.some((re) => re.test(source));
}
