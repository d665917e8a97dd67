/**
 * Reading an action item's fields from its raw Markdown: who owns it, when it is
 * due, which ticket or link tracks it, whether it is done. Each returns the text as
 * written, or undefined.
 */
import { dropLinkTargets, firstReferenceLink, replaceComments } from '../model/spans.js';
import { unemphasised } from './text.js';

/** A table cell or label value that says nothing: "", "-", "?", "TBD", "n/a", "none", "unassigned". */
export function isBlankCell(value: string): boolean {
  return /^\s*(?:|[-–—?]+|tb[dc]|n\/?a|none|nobody|unassigned|unknown|todo|\?\?+)\s*$/i.test(value.replace(/[*_`~]/g, ''));
}

/** Inline code and URLs removed, so `@scope/pkg` in code or an e-mail in a link is not an owner. */
function visible(source: string): string {
  // Link targets and comments by linear scans (model/spans.ts), not from every unclosed opener.
  const text = dropLinkTargets(source.replace(/(`+)[^`]*?\1/g, ' ')).replace(/<?\bhttps?:\/\/[^\s)>\]]+>?/gi, ' ');
  return unemphasised(replaceComments(text, () => ' '));
}

const HANDLE = /(?<![\w.+\-/@])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?(?:\/[\w.-]+)?)/g;
/** Who proposed, reported or was thanked, before a handle: "as proposed by @x", "(proposal from @timja)", "cc @kim". */
const NOT_OWNER_CUE = /(?:(?:proposed|suggested|reported|raised|mentioned|noticed|found|requested)\s+by|(?:proposal|idea|suggestion|report)\s+(?:from|by)|thanks\s+to|h\/t|cc:?|from)\s*$/i;

/** The first `@handle` that names who does the work, not who proposed or was copied. */
function ownerHandle(text: string): string | undefined {
  HANDLE.lastIndex = 0;
  for (let m = HANDLE.exec(text); m; m = HANDLE.exec(text)) {
    if (!NOT_OWNER_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) return m[1];
  }
  return undefined;
}
const VALUE_END = String.raw`\s*(?=$|[,;|()\]\n]|\s[-–—]\s|\bdue\b|\bby\b)`;
// "**Owner**: Alice", "_Owner:_ Alice": the label may be emphasised, the colon inside or outside the emphasis.
const OWNER_LABEL = new RegExp(String.raw`(?<![A-Za-z0-9])(?:owners?|owner\(s\)|assignees?|assigned|responsible|dri|team|who|lead|poc|point\s+of\s+contact|driver)(?:\*\*|__|\*|_)?[ \t]*[:=][ \t]*(?:\*\*|__|\*|_)?[ \t]*([^,;|()\]\n]+?)` + VALUE_END, 'i');
const OWNER_DASH = new RegExp(String.raw`\b(?:owners?|assignees?)\s+[-–—]\s+([^,;|()\]\n]+?)` + VALUE_END, 'i');
const OWNED_BY = new RegExp(String.raw`\b(?:owned by|assigned to)\s+([^,;|()\]\n]+?)` + VALUE_END, 'i');

/** An `@handle`, or the value of `owner:` / `assignee:` / `owned by …`. */
export function ownerIn(source: string): string | undefined {
  const text = visible(source);
  const start = text.replace(/^\s*(?:\[[ xX]?\]\s*)?(?:\*\*)?/, '');
  // "Infra team: add…" names the team before any "team:" label can read what follows as its value.
  const team = TEAM_SUBJECT.exec(start)?.[1] ?? TEAM_LABEL.exec(start)?.[1];
  if (team) return team;
  const label = OWNER_LABEL.exec(text) ?? OWNER_DASH.exec(text) ?? OWNED_BY.exec(text);
  const value = label?.[1]?.replace(/[*_]/g, '').replace(/:\s*$/, '').trim();
  // "owner: @" as the quick fix leaves it is no owner until a name follows.
  if (value && !isBlankCell(value) && /[\p{L}\p{N}]/u.test(value)) return value;
  const handle = ownerHandle(text);
  if (handle) return `@${handle}`;
  // "[dustin] finish the patch", "[garndt?] more clarity on…": a handle in brackets before the item, as meeting notes assign work.
  const bracketed = LEADING_HANDLE.exec(start);
  if (bracketed && !NOT_HANDLES.test(bracketed[1]!)) return bracketed[1];
  // "Nóva to send the list…", "Kim and Bo to rotate…": a name as the subject of what is to be done.
  const subject = NAMED_SUBJECT.exec(start)?.[1];
  if (subject) return subject;
  // "… (Alice)", "… (Kim, Bo)", "… — Kim Lee", "… [SRE team]": who, in a trailing aside.
  return trailingNames(text);
}

/**
 * A team named as the subject or label of the action: "The SRE team will add…",
 * "Infra team to rotate…", "Platform team: rotate…". "The team", "our team" name no one.
 */
const TEAM_SUBJECT = /^((?:the\s+)?(?!(?:the|our|this|that|each|every|whole|entire|a|an|my|your|their)\s)[\p{L}\p{N}&/-]+(?:\s+[\p{L}\p{N}&/-]+){0,2}\s+team)(?:\*\*)?\s*(?::|will\b|to\s+\p{Ll}|should\b|is\s+going\s+to\b|plans?\s+to\b|owns\b)/iu;

/** Words that a trailing aside holds but that name no one: a state, a priority, a size, a hedge. */
const NOT_OWNER_WORDS = new Set(
  'optional done completed complete merged fixed closed open ongoing pending planned proposed blocked wip todo tbd stretch later now soon urgent critical high medium low minor major long short term immediate follow up see above below maybe deferred investigating in progress hard easy small large future next nice to have backlog priority won\'t wontfix draft new old all none other misc general etc example issue issues ticket pr link here docs documentation see also upstream'.split(' '),
);
/** A person's or team's name: "Kim", "Kim Lee", "SRE team", "team Infra". */
/** Teams known by their initials or a compound: "(SRE)", "— DevOps", "QA to verify…". */
const TEAM_ACRONYM = String.raw`(?:SREs?|QA|DBAs?|NOC|SOC|IT|(?:Dev|Sec|DevSec|Net|Fin|ML|Data|Cloud|Git)Ops)(?![\p{L}\p{N}])`;
/** A team's initials as the item's label: "SRE: add an alert…", "**QA**: verify…". */
const TEAM_LABEL = new RegExp(String.raw`^(${TEAM_ACRONYM})(?:\*\*)?\s*:\s`, 'u');

const NAME = String.raw`(?:@[\w.-]+|${TEAM_ACRONYM}|(?:\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}[\p{Ll}'’-]+){0,2}|(?:[\p{L}\p{N}&/-]+\s+){1,2}team|team[\s-][\p{L}\p{N}-]+)`;
const NAMES = String.raw`${NAME}(?:\s*(?:,|&|/|\band\b)\s*${NAME}){0,3}`;
/** Names written in capitals, as some teams sign their actions: "(GIORGIO)", "[NATHAN, LUKE]", "(PAUL S)". Four letters at least: "(DNS)" is an acronym. */
const CAPS_NAME = String.raw`\p{Lu}{4,}(?:\s+\p{Lu}\.?)?`;
const CAPS_NAMES = String.raw`${CAPS_NAME}(?:\s*(?:,|&|/|\band\b)\s*${CAPS_NAME}){0,3}`;
const TEAM_NAME = String.raw`(?:@[\w.-]+|${TEAM_ACRONYM}|(?:[\p{L}\p{N}&/-]+\s+){1,2}team|team[\s-][\p{L}\p{N}-]+)`;
// A bracket holds a team or handle only: "[Issue]" is what is left of a link.
const TRAILING_ASIDE = new RegExp(String.raw`(?:\((${NAMES})\)|\[(${TEAM_NAME})\]|\s[-–—]{1,2}\s*(${NAMES})|[([](${CAPS_NAMES})[)\]])[\s.*_]*$`, 'u');
/** A link or ticket key at the end, after the aside ("(GIORGIO) [ELPP-3148](…)"): what tracks the item, not who owns it. */
const TRAILING_REFERENCE = /(?:\[[^\]\n]{0,200}\]|[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7})[\s.]*$/u;
const MAX_TRAILING_REFERENCES = 4;

/** The text without the links and ticket keys that end it, a few at most (one expression per step keeps it linear). */
function withoutTrailingReferences(text: string): string {
  // Only a text that ends in "]" or a digit can end in a link or a ticket key.
  if (!/[\]\d][\s.]*$/.test(text)) return text;
  let out = text;
  for (let i = 0; i < MAX_TRAILING_REFERENCES; i++) {
    const m = TRAILING_REFERENCE.exec(out);
    if (!m) break;
    out = out.slice(0, m.index).trimEnd();
  }
  return out;
}

/** The lower-case words of an aside that could name someone ("and" and "team" join or qualify names). */
const asideWords = (names: string) => names.toLowerCase().split(/[^\p{L}'’]+/u).filter((w) => w && w !== 'and' && w !== 'team');

function trailingNames(text: string): string | undefined {
  const trimmed = text.trimEnd();
  const bare = withoutTrailingReferences(trimmed);
  const m = TRAILING_ASIDE.exec(trimmed) ?? (bare !== trimmed ? TRAILING_ASIDE.exec(bare) : null);
  const names = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
  if (!names) return asideParts(bare);
  if (asideWords(names).some((w) => NOT_OWNER_WORDS.has(w))) return undefined;
  // Capitals name people only when they read as names: "(HTTPS)" and "(DMARC)" are acronyms.
  if (m?.[4] && names.split(/[\s,&/]+/).some((w) => w.length >= 4 && (!/[AEIOUY]/.test(w) || ACRONYMS.has(w)))) return undefined;
  return names.trim();
}

/** A trailing aside of several parts, one of which names who: "(Alice, Q3)", "(Kim; #123)", "(by Alice)", "(owner Kim)", "(Alice to follow up)". */
const ASIDE = /\(([^()\n]{1,80})\)[\s.*_]*$/u;
const WHO_LEAD = /^(?:by|owner|owners|assignee|assigned\s+to|cc)\s+/i;
const TO_DO = /\s+to\s+\p{Ll}[\p{L}\s-]*$/u;
const WHO_PART = new RegExp(String.raw`^(?:${NAMES})$`, 'u');

function asideParts(text: string): string | undefined {
  if (!/\)[\s.*_]*$/.test(text)) return undefined;
  const inner = ASIDE.exec(text)?.[1];
  if (!inner) return undefined;
  const parts = inner.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  for (const raw of parts) {
    const part = raw.replace(WHO_LEAD, '').replace(TO_DO, '').trim();
    // Beside the name, a part says when or where it is tracked ("(Alice, Q3)"), or the part says it is who ("by", "to …"):
    // "(Postgres, 2 nodes)" names things.
    const said = part !== raw || parts.some((o) => o !== raw && (DUE_LABEL.test(`due ${o}`) || QUARTER.test(o) || ticketIn(o) !== undefined));
    if (!said || !WHO_PART.test(part)) continue;
    if (!asideWords(part).some((w) => NOT_OWNER_WORDS.has(w) || MONTH_WORD.test(w))) return part;
  }
  return undefined;
}

const QUARTER = /^(?:q[1-4]|h[12])$/i;
const MONTH_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;

/** Acronyms of four letters or more that have a vowel, which an aside in capitals may hold: technology, not people. */
const ACRONYMS = new Set('JSON YAML AJAX OAUTH SAML LDAP CORS CSRF DMARC GRPC SOAP UUID ASAP NOTE TODO DONE AUTH CACHE QUEUE REDIS NGINX MYSQL LINUX MACOS'.split(' '));

/** A lower-case handle in brackets opening the item (its checkbox already stripped), a "?" allowed: `[dustin]`, `[garndt?]`. */
const LEADING_HANDLE = /^\[([a-z][a-z0-9._-]{1,30})\??\]\s+\S/;
/** Bracketed words that mark a state or a priority, not a person. */
const NOT_HANDLES = /^(?:done|todo|tbd|tba|wip|fixed|closed|open|resolved|optional|later|maybe|blocked|draft|p\d|sev\d|low|medium|high|critical)$/;

// Roles said of everyone ("Developer to take responsibility…") name no one either.
const NOT_NAMES = String.raw`We|They|It|This|That|These|Those|There|Someone|Everyone|Anyone|Nobody|Developers?|Engineers?|Reviewers?|Authors?|Users?|Staff|People|Each|Every|All|Whoever|Need|Needs|Want|Plan|Plans|Try|Going|Ability|Also|Then|How|What|When|Who|Able|Have|Has|Make|Get|Start|Continue|Begin|Learn|Remember|Tell|Ask|Allow|Use|Attempt|Work|Prefer|Look|Reach|Link|Point|Redirect|Forward|Map|Connect|Attach|Apply|Expose|Escalate|Report|Stick|Lock|Fall|Fail|Refer|Switch|Move|Migrate|Upgrade|Downgrade|Change|Revert|Return|Add|Write|Send|Go|Set|Listen|Respond|Subscribe|Commit|Push|Post|Publish|Deploy|Roll|Pin|Bump|Limit|Restrict|Default|Due|Owner|Note|Back|Up|Down`;
/** "Nóva to send the list…", "Kim and Bo to rotate…": a name, then what they are to do. */
// Not a past tense ("Optimized `X` to load…" once the code is blanked): a name rarely ends in "-ized" or "-ated".
const NAMED_SUBJECT = new RegExp(String.raw`^((?!(?:${NOT_NAMES})\b)(?!\p{Lu}\p{Ll}{3,}(?:ed|ing)\b)(?:${TEAM_ACRONYM}|\p{Lu}\p{Ll}+(?:\s+and\s+\p{Lu}\p{Ll}+)?))\s+to\s+(?!(?:the|a|an|all|our|its|their|this|that|these|those|be|do|using|use)\b)\p{Ll}`, 'u');

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
  // "by 3/12" (month/day or day/month, either way a date): only after a due word.
  '\\d{1,2}/\\d{1,2}(?!/)',
].join('|');
const DUE_LABEL = new RegExp(`\\b(?:due(?:\\s+(?:date|by|on))?|deadline|eta|target(?:\\s+date)?|by|until|before|no later than)\\s*[:=]?\\s*(${DATE_LIKE})\\b`, 'i');
const DATE_ANYWHERE = new RegExp(`\\b(\\d{4}-\\d{2}-\\d{2}|(?:q[1-4]|h[12])\\s*'?\\d{4}|\\d{4}\\s*[-/]?\\s*q[1-4])\\b`, 'i');

/** `due 2024-08-30`, `by end of September`, `ETA: Q4 2025`, or a bare ISO date or quarter. */
export function dueIn(source: string): string | undefined {
  const text = visible(source);
  const labelled = DUE_LABEL.exec(text);
  if (labelled) return labelled[1]!.trim();
  return (DATE_ANYWHERE.exec(text) ?? MONTH_TARGET.exec(text))?.[1]?.trim();
}

/** "we'll try this out in June", "by early March": a month named as the time to do it (written with its capital, so "may" is a verb). */
const MONTH_TARGET = /\b(?:in|by|before|until|during)\s+((?:(?:early|mid|late)[-\s]+)?(?:January|February|March|April|May|June|July|August|September|October|November|December))\b/;

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
  return (FILED.exec(text) ?? TRACKED.exec(text) ?? MERGE_REQUEST.exec(text))?.[0];
}

/** "tracked in our internal tracker", "see the tracking issue", "gh-123", "GH#12". */
const TRACKED = /\btracked\s+(?:in|by|at|as|on|under)\b|\btracking\s+(?:issue|ticket|bug|epic)\b|\bgh[-#]\d{1,7}\b/i;
/** A GitLab merge request ("!123") or a pull request named by number ("PR 12", "MR #3"). */
const MERGE_REQUEST = /(?<![\w!])![0-9]{1,7}\b|\b(?:PR|MR|pull\s+request|merge\s+request)\s*#?\d{1,7}\b/i;

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
  // "Wrote a runbook", "Held a retrospective": an irregular past tense, which no imperative shares.
  /^\s*(?:\*\*)?(?:built|wrote|rewrote|rebuilt|ran|made|took|began|brought|sent|held|gave|found|kept|spun|shut|threw|drew|chose)\s+(?:the|our|a|an|up|down|out|off|it|its|their|this|these|those|new|all|two|three|several)\b/i,
  // "Switched to pnpm 10", "Increased the scrutiny…": a past-tense verb, then what it acted on (not "Automated process to…").
  /^\s*(?:\*\*)?(?:[a-z]+-)?[a-z]+ed\s+(?:the|our|a|an|to|all|it|its|their|this|these|that|those|from|up|out|off|over)\b/i,
  /\b(?:has|have)\s+(?:already\s+)?been\s+(?:[a-z]+ed|done|set\s+up|put\s+in\s+place)\b/i,
  // "(Done!)", "(completed 2024-03-02)", "(done in #12)", "[DONE]", "DONE: …".
  /\((?:done|completed?|fixed|resolved|closed|shipped|implemented|merged|landed|deployed)\b[^)]*\)|\[(?:done|completed?|fixed|resolved|closed|shipped|merged)\]|^\s*(?:\*\*)?DONE\b/i,
  // "… Done.", "… **Completed**", "… | done": the state written after the item.
  /(?:[-–—:.;,|]\s*|\*\*|__|\s_)(?:done|completed?)(?:\*\*|__|_)?[.!]?\s*$/i,
  // "The deploy script now checks the quota", "Alerts now fire at 80%": the new state, already in place.
  /^\s*(?:\*\*)?(?:(?!(?:should|must|will|would|could|need|needs|to|ensure|make|if|when|once|after|until)\b)[\w`'’.@/-]+\s+){1,6}now\s+(?:(?:also|always|automatically|only)\s+)?(?!(?:needs|has\s+to|have\s+to|is\s+to)\b)(?:[a-z]+s|is|are|has|have|does|do|can|gets|get)\b/i,
  // "To deal with the load, the team created a larger node": a purpose, then what was done.
  /^\s*(?:\*\*)?to\s[^,.;]{3,120},\s*(?:we|the\s+team|team|they|\p{Lu}[\w-]*)\s+(?:already\s+)?(?:[a-z]+ed|built|made|wrote|ran|set\s+up|put)\b/iu,
  // "… _done in grafana_.": a last sentence that says where it was done.
  /[.;!]\s+(?:\*\*|__|_)?(?:done|completed)\s+(?:in|on|via|with)\b[^.;!]{0,40}(?:\*\*|__|_)?[.!]?\s*$/i,
  // A state written as done: "EIP-6110 is updated to…", "Blockchain tests were extended…", "Execution clients implemented a fix…".
  /^\s*(?:\*\*)?(?!(?:ensure|make|verify|check|confirm|validate|test|guarantee|document|monitor|alert|track|determine|investigate|find|see|decide|consider)\b)(?:(?!(?:that|if|whether|when|while|until|unless|so|and|or|how|why|what|where|which|who)\b)[^\s]+\s+){1,6}?(?:is|are|was|were)\s+(?:now\s+|already\s+|also\s+)?(?!(?:needed|required|expected|recommended|suggested|proposed|planned|scheduled|intended|supposed|advised|encouraged|desired|wanted|tracked|blocked|limited|based|used|designed|meant|allowed|concerned|interested|related|located|exposed|affected|caused|owned|assigned|considered|discussed|missing|pending)\b)[a-z]+ed\b(?!\s+(?:to\s+be|by\s+\w+\s+to)\b)/i,
  /^\s*(?:\*\*)?(?:the\s+|our\s+|all\s+)?\p{Lu}[\w.-]*(?:\s+(?!(?:that|if|whether|when|to|and|or)\b)[\w.-]+){0,2}\s+(?:added|fixed|implemented|introduced|merged|released|shipped|deployed|upgraded|patched|rotated|revoked|migrated|replaced|published|updated|removed|disabled|enabled|created|rebuilt|reverted)\s+(?:a|an|the|its|their|our|all|it|them|support|new|\p{Lu})/u,
];

/** "Fixed in #123", "done via PR 7", "resolved by [the patch](…)", unless it is still to be ("will be fixed in #9"). */
const DONE_IN = /\b(?:fixed|resolved|addressed|done|implemented|landed|merged|shipped|deployed|completed)\s+(?:in|by|via|with)\s+(?:#\d|PRs?\b|pull\s+requests?\b|commits?\b|\[|https?:|v?\d+\.\d|[A-Z][A-Z0-9]+-\d)/i;
const STILL_TO_BE = /\b(?:will|to|should|must|can|could|would|shall|needs?\s+to)\s+(?:be\s+|get\s+)?(?:\w+\s+)?$/i;

/** Checked (`[x]`), ticked (✅), struck through, marked "(done)" or "(merged)", or written as already done ("We added…", "Fixed …"). */
export function doneIn(source: string): boolean {
  if (DONE.some((re) => re.test(source))) return true;
  const m = DONE_IN.exec(source);
  return !!m && !STILL_TO_BE.test(source.slice(Math.max(0, m.index - 30), m.index));
}
