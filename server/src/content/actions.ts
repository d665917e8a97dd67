import type { PostMortemModel } from '../model/document.js';
import { isWithin, sectionBlocks } from '../model/document.js';
import type { Section } from '../model/sections.js';
import type { Block, ListItem, TableBlock } from '../model/markdown.js';
import { plainInline } from '../model/sections.js';
import type { Range } from '../model/text.js';
import { dueIn, doneIn, linkIn, ownerIn, ticketIn, isBlankCell } from './action-fields.js';
import { itemSource, plainText, straightQuotes, wordsOf } from './text.js';

/**
 * One preventive action, as the checks, the outline view and the metrics CLI see it.
 * Owner, due date, ticket and link come from the item's own text (its nested
 * bullets included), from its table row's columns, or from the sub-heading it sits
 * under ("### Long-term (Q4 2025)").
 */
export interface ActionItem {
  /** 0-based line where the item starts. */
  line: number;
  /** Its first line without the list marker or checkbox, for diagnostics. */
  range: Range;
  /** Plain text of the whole item. */
  text: string;
  /** `@handle`, `owner: …` or the Owner column, as written. */
  owner: string | undefined;
  /** The due date as written (`2024-08-30`, `Q4 2025`, `end of September`). */
  due: string | undefined;
  /** A ticket reference (`STO-3`, `#123`), or a remark that one was filed. */
  ticket: string | undefined;
  /** The first link (URL or Markdown link target). */
  link: string | undefined;
  /** Checked, struck through, marked done or written as already done. */
  done: boolean;
  source: 'list' | 'table';
}

/** The action items of the document's Preventive Actions section (under any of its names), in order. */
export function extractActionItems(model: PostMortemModel): readonly ActionItem[] {
  let items = memo.get(model);
  if (!items) memo.set(model, (items = buildActionItems(model)));
  return items;
}

// The rules, the outline view and the metrics all ask for the same document's items: extract them once per model.
const memo = new WeakMap<PostMortemModel, readonly ActionItem[]>();

function buildActionItems(model: PostMortemModel): ActionItem[] {
  const out: ActionItem[] = [];
  for (const section of actionSections(model)) {
    // What a sub-heading says (a quarter, a ticket, "Completed") applies to the items under it.
    let inherited: Inherited = headingFields(section.title);
    // A part of another kind inside ("What went wrong" beside "Action items") holds no actions.
    let skipBelow = Infinity;
    let intro: Inherited = {};
    for (const block of sectionBlocks(model, section)) {
      if (block.kind === 'heading') {
        if (block.level <= skipBelow) skipBelow = Infinity;
        const sub = model.allSections.find((s) => s.heading.startLine === block.startLine);
        if (sub && sub !== section && notActions(model, sub)) skipBelow = block.level;
        inherited = merge(headingFields(block.text), headingFields(section.title));
        // What resolved the incident ("### Resolution", "### Mitigation" inside the actions) is work done.
        // ("### Fixes" may list fixes still to make: there an item is done by what it says or links.)
        if (sub && sub !== section && sub.canonical === 'resolution' && !namedForActions(sub) && !inherited.fixes) inherited.done = true;
        intro = {};
        continue;
      }
      if (skipBelow !== Infinity) continue;
      if (block.kind === 'paragraph') intro = introFields(block.content);
      else if (block.kind === 'list' && !observations(model, block.items)) for (const item of block.items) out.push(...listItems(model, item, merge(intro, inherited)));
      else if (block.kind === 'table') out.push(...tableItems(model, block, merge(intro, inherited)));
    }
  }
  return out;
}

/** A sub-section that is not about actions: named for another part, or beside a sibling named for actions. */
function notActions(model: PostMortemModel, sub: Section): boolean {
  if (namedForActions(sub)) return false;
  // "Fixes" or "Resolution" inside the actions lists work done, which the done checks read.
  if (sub.canonical && sub.canonical !== 'resolution' && !sub.weak) return true;
  const siblings = model.allSections.filter((s) => s.parent === sub.parent && s !== sub);
  // A part named for nothing inside a part named for actions is a group of them ("Code and configuration
  // changes" beside "Process improvements"), unless a sibling is the list of actions ("What went wrong" beside "Action items").
  if (!sub.canonical && sub.parent && namedForActions(sub.parent)) return siblings.some((s) => namedForActions(s) && ACTION_LIST_TITLE.test(s.title));
  return siblings.some(namedForActions);
}

/** A title that names the list of actions itself, not a kind of improvement. */
const ACTION_LIST_TITLE = /\b(?:actions?|action\s+items?|follow[- ]?ups?|to-?dos?|next\s+steps|tasks)\b/i;

function namedForActions(s: Section): boolean {
  return !s.weak && (s.canonical === 'preventive-actions' || s.also.includes('preventive-actions'));
}

/** "The infrastructure team will take the following actions:": who owns the list that follows. */
function introFields(paragraph: string): Inherited {
  const text = plainText(paragraph);
  if (!/:\s*$/.test(text)) return {};
  // A named team: "the team" or "our team" names no one.
  // "Owned by the platform team:", "Owner: @ops": a labelled owner for the whole list.
  const labelled = /\b(?:owners?|assignees?|owned\s+by|assigned\s+to|dri)\b/i.test(text) ? ownerIn(paragraph) : undefined;
  if (labelled) return { owner: labelled };
  const team = /\b((?:[Tt]he\s+)?(?!(?:The|Our|This|That|Each|Every|Whole|Entire|A|An|My|Your|Their)\s)\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}\s+team)\s+(?:is|are|will|has|have|owns|plans?\s+to)\b/u.exec(text);
  return team ? { owner: team[1]! } : {};
}

/**
 * The parts that hold the actions: the Preventive Actions section, and every other part
 * named for actions beside it ("Short-term improvements" and "Long-term improvements"
 * under one "Remediation"), each once (not a part inside another).
 */
function actionSections(model: PostMortemModel): Section[] {
  const main = model.canonical.get('preventive-actions');
  // A part named only weakly ("Lessons learned", "Takeaways") lists lessons, not actions to own.
  if (!main || main.weak) return [];
  const named = model.allSections.filter((s) => !s.weak && (s.canonical === 'preventive-actions' || s.also.includes('preventive-actions')) && !insideTimeline(s));
  return named.filter((s) => !named.some((o) => o !== s && isWithin(s, o)));
}

/** A label inside the timeline ("Inadvertently added in the Todo column" between two entries) is part of the story, not a list of actions. */
function insideTimeline(s: Section): boolean {
  if (s.form !== 'label') return false;
  for (let p = s.parent; p; p = p.parent) if (p.canonical === 'timeline' && !p.weak) return true;
  return false;
}

interface Inherited {
  owner?: string;
  due?: string;
  ticket?: string;
  link?: string;
  done?: boolean;
  /** Under "Fixes" or "Resolved": an item that links a pull request or a commit is done. */
  fixes?: boolean;
}

function headingFields(heading: string): Inherited {
  const out: Inherited = {};
  const owner = ownerIn(heading);
  const due = dueIn(heading);
  const ticket = ticketIn(heading);
  const link = linkIn(heading);
  if (owner) out.owner = owner;
  if (due) out.due = due;
  if (ticket) out.ticket = ticket;
  if (link) out.link = link;
  // "Completed", "Actions taken", "Mitigations applied", "What we did": work already done.
  // Not what could or is to be done: "What could be done to avoid this in future?", "Actions to be taken".
  if (/(?<!\b(?:could|should|would|can|will|must|might|may|shall|to|yet\s+to)\s+(?:still\s+)?be\s+)\b(?:done|completed?|finished|shipped|taken|applied)\b|\balready\b|\bwhat\s+we\s+(?:did|changed|fixed)\b/i.test(heading)) out.done = true;
  if (/\b(?:fix(?:es|ed)?|resolved|merged|implemented)\b/i.test(heading)) out.fixes = true;
  return out;
}

function merge(a: Inherited, b: Inherited): Inherited {
  return { ...b, ...a };
}

/** A list item, or the items nested under it when it is only a label ("Short term:"). */
function listItems(model: PostMortemModel, item: ListItem, inherited: Inherited): ActionItem[] {
  const nested = item.children.filter((c): c is Extract<Block, { kind: 'list' }> => c.kind === 'list');
  const own = item.children.find((c) => c.kind === 'paragraph');
  const label = own?.kind === 'paragraph' ? plainInline(own.content) : '';
  // "Short term:", "Monitoring" over items: a label of the actions under it. "Improve the status page update:" over
  // its details is one action, told in its own words, whose sub-items say how.
  if (nested.length && ((/:\s*$/.test(label) && !ACTION_SENTENCE.test(label)) || wordsOf(label).length <= 3)) {
    const under = merge(groupFields(label), inherited);
    return nested.flatMap((l) => l.items.flatMap((i) => listItems(model, i, under)));
  }
  // The checks read "didn’t" as "didn't"; the item's text is shown as written.
  const raw = itemSource(model, item);
  const source = straightQuotes(raw);
  if (!/[\p{L}\p{N}]/u.test(source.replace(/^\[[ xX]?\]/, ''))) return [];
  const plain = plainText(source);
  // A question ("Should we use PRs?", "Maybe using a bot to simplify the update?") asks the readers; it is no action to own.
  // An imperative with a question mark ("Cull nodes older than 3-5 days?") is still a proposal to act on.
  if (!nested.length && QUESTION.test(plain.replace(/^\[[ xX]?\]\s*/, ''))) return [];
  // A timeline entry ("4:09: parithosh announces…") or an account of what was ("The mapper knows…") is no action.
  if (CLOCK_START.test(source) || STATEMENT.test(source) || PAST_ACCOUNT.test(source) || HINDSIGHT.test(plain)) return [];
  const first = model.lines.lineText(item.startLine);
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s*(?:\[[ xX]?\]\s*)?/.exec(first)?.[0].length ?? 0;
  const end = first.trimEnd().length;
  return [
    {
      line: item.startLine,
      range: { start: { line: item.startLine, character: Math.min(marker, end) }, end: { line: item.startLine, character: end } },
      text: plainText(raw.replace(/^\[[ xX]?\]\s*/, '')),
      // A reply under the item ("  * @olblak: The motivation is…") names who commented, not who owns it.
      owner: ownerIn(itemSource(model, item, (line) => REPLY.test(line))) ?? inherited.owner,
      due: dueIn(source) ?? inherited.due,
      ticket: ticketIn(source) ?? inherited.ticket,
      link: linkIn(source) ?? inherited.link,
      // An unticked box ("- [ ] …") says the item is open, whatever the part it sits under suggests ("Immediate actions").
      // A change told as a thing with its pull request ("Configuration fix for X: <…/pull/1196>", "Adding a note on the
      // status page: <…/pull/18>") was made; an imperative with one ("Reduce the interval… [PR]") may still be open.
      // A link to a commit is a change made, whatever the words ("[Write tests](…/commit/bdcdd5f) to ensure…").
      done:
        doneIn(source) ||
        (!UNTICKED.test(source) && (!!inherited.done || COMMIT.test(source) || (PULL_OR_COMMIT.test(source) && (!!inherited.fixes || MADE_CHANGE.test(plain))))),
      source: 'list',
    },
  ];
}

/** An imperative of four words or more: a verb that acts, then what it acts on. */
const ACTION_SENTENCE = /^(?:improve|add|create|write|update|fix|implement|document|automate|ensure|make|set\s+up|migrate|remove|replace|define|establish|introduce|build|enable|configure|reduce|increase|upgrade|refactor|rewrite|publish|evaluate|explore|investigate|review|audit|deploy|schedule|adopt|switch|move|test|monitor|alert|track|limit|prevent|avoid|harden|clarify|standardi[sz]e)\b(?:\s+\S+){3,}/i;
/**
 * Hindsight, not a measure: a subject, then what could or should have been done, in the first sentence ("The only
 * thing we could have done was to…", "We should have noticed the queue sooner").
 */
const HINDSIGHT = /^(?:the|this|that|we|i|it|there|our|they|nothing|all)\b[^.;!?]{0,80}?\b(?:could|should|would|might)(?:\s+not)?\s+have\s+(?:been|done|had|known|seen|taken|gone|made|caught|[a-z]{3,}ed)\b/i;

/** A change named as a thing, not asked for: a gerund ("Adding a note…") or "X fix for …", "Patch to …". */
const MADE_CHANGE = /^(?:\p{L}+ing\b(?<!\b(?:bring|string|thing|nothing|something|everything|anything|morning|evening|spring|ring|king|wing|ping|ceiling|sibling|during))|(?:[\p{L}-]+\s+){0,2}(?:fix|fixes|patch|patches|change|changes|update|updates)\s+(?:for|to|of|in|on)\b)/iu;

/** A nested line that is someone's reply: "* @olblak: The motivation is…", "- @kim : agreed". */
const REPLY = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(?:\*\*)?@[\w.-]+(?:\*\*)?\s*:/;
const QUESTION = /^(?:should|shall|could|would|can|do|does|did|is|are|was|were|will|what|why|how|when|where|who|which|whether|maybe|perhaps)\b[^]*\?[\s*_)]*$/i;
const UNTICKED = /^\[ \]/;
export const PULL_OR_COMMIT = /\/(?:pull|pulls|merge_requests)\/\d+|\/commit\/[0-9a-f]{7,}/i;
const COMMIT = /\/commits?\/[0-9a-f]{7,40}\b/i;
const CLOCK_START = /^(?:\*\*)?\d{1,2}:\d{2}\b/;
/**
 * A list of observations, not of actions: every item states what is or was ("The proxy is
 * written in JavaScript", "Only testing in production is dangerous") and none asks for
 * anything (no "should", "need", "will", no bare imperative). Two items at least: one
 * statement among actions is an action's background.
 */
function observations(model: PostMortemModel, items: readonly ListItem[]): boolean {
  if (items.length < 2) return false;
  return items.every((item) => {
    const first = plainText(straightQuotes(model.lines.lineText(item.startLine)).replace(/^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s*(?:\[[ xX]?\]\s*)?/, ''));
    const clause = first.split(/[.;:!?](?:\s|$)/)[0]!;
    return OBSERVATION.test(clause) && !ASKS.test(clause);
  });
}

/**
 * A subject (a determiner, then up to six words), then a verb that states: is, was, has, had,
 * can, does… Not a capitalised first word: "Determine how many nodes are…" is an imperative.
 */
const OBSERVATION =
  /^(?:the|this|that|these|those|it|there|its|our|their|some|many|most|all|only|every|each|no)\b(?:\s*[\p{L}\p{N}`'’().,/-]+){0,6}?\s+(?:is|are|was|were|has|have|had|can|could|does|did|isn't|aren't|wasn't|weren't|doesn't|didn't|hasn't|haven't|cannot|can't|takes|took|leaks|causes|caused|seems|seemed|remains|became|becomes|got|gets)\b/iu;
/** What asks for something: a modal, a need, a plan, or "we" deciding. */
const ASKS = /\b(?:should|must|shall|will|would|need|needs|needed|ought|plan|plans|going\s+to|have\s+to|has\s+to|want\s+to|let's|todo|tbd|to\s+be\s+(?:done|fixed|added|implemented|investigated))\b/i;

const STATEMENT =
  /^(?:(?:the|this|that|these|those|it|there|its|our)\s+|`[^`]{1,80}`\s+)(?:[\w`'’.-]+\s+){0,5}?(?:was|were|had|hadn't|didn't|did\s+not|wasn't|weren't|never|knows|wants|sees)\b/i;

/**
 * An account in the past tense, not a measure to take: "Didn't experience major issues…",
 * "Even when the block was invalid, it was added…", "After the network finalized, Nimbus took a while…".
 */
const PAST_ACCOUNT =
  /^(?:\*\*)?(?:(?:did\s+not|didn't|was\s+not|wasn't|were\s+not|weren't|could\s+not|couldn't|had\s+no)\s|(?:even\s+)?(?:when|while|after|once|although|though|because|since|as\s+soon\s+as)\s+(?:[^,.;:!?]*?\b(?:was|were|had|did|didn't|wasn't|weren't|couldn't|took)\b[^,.;:!?]*|[^,.;:!?]*?\b[a-z]{3,}ed),(?:(?!\b(?:should|must|will|need|needs|shall|would|could|can)\b)[^.;:!?])*(?:[.;:!?]|$))/i;

/** Words that name a kind or a time of action, not who owns it ("Short term", "Process", "Completed"). */
const GROUP_WORDS =
  /^(?:short|long|medium|mid|near|term|immediate(?:ly)?|now|later|future|next|soon|completed?|done|in|progress|open|ongoing|planned|pending|follow|ups?|action|actions|items?|process|processes|policy|technical|tech|monitoring|alerting|documentation|docs|testing|tests|infrastructure|infra|tooling|security|communication|people|product|engineering|other|misc|general|improvements?|fixes|changes|prevention|mitigations?|remediations?|detection|response|recovery|p[0-3]|high|low|medium|priority|must|should|could|nice|to|have|and|&|\/|-)$/i;

/** What a group label says: its quarter, ticket or "Completed", and as owner a name such as "Lighthouse" or "Prysm". */
function groupFields(label: string): Inherited {
  const out = headingFields(label);
  const words = label.replace(/[:*_]/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (!out.owner && words.length && words.length <= 3 && words.every((w) => /^\p{Lu}[\p{L}\p{N}.-]*$/u.test(w)) && !words.some((w) => GROUP_WORDS.test(w))) {
    out.owner = words.join(' ');
  }
  return out;
}

const COLUMNS: Array<[keyof Pick<ActionItem, 'owner' | 'due' | 'ticket' | 'done'> | 'text', RegExp]> = [
  ['owner', /\b(?:owners?|assignees?|assigned|who|responsible|dri|team|lead|poc|driver)\b/i],
  ['due', /\b(?:due|deadline|eta|target|when|by|date|timeframe|milestone|quarter)\b/i],
  ['ticket', /\b(?:tickets?|issues?|jira|bugs?|links?|tracking|tracker|pr|prs|references?|refs?|github|gitlab|url)\b/i],
  ['done', /\b(?:status|state|done|completed?)\b/i],
  ['text', /\b(?:actions?|items?|tasks?|descriptions?|what|title|follow[- ]?ups?|measures?|remediations?)\b/i],
];

/** A Status cell that says the work is done ("Done", "Merged", "Deployed to prod", ✅)… */
const DONE_STATUS = /\b(?:done|complete|completed|closed|fixed|resolved|shipped|merged|landed|deployed|released|implemented|finished|yes)\b|✅|✔|☑|\[x\]/i;
/** …unless it says it is not, or only partly ("Not done", "Partially deployed", "In progress"). */
const OPEN_STATUS = /\b(?:not|no|never|partially|partly|pending|in\s+progress|todo|yet\s+to)\b/i;

/** A cell that is a done state alone, or a ticket key and its state: "DONE", "Done ✅", "ABC-13 DONE". */
const DONE_CELL = /^\s*(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}\s*[-–—:,]?\s*)?(?:done|completed?|fixed|closed|resolved|merged|shipped)\s*[.!]?\s*(?:✅|✔️?)?\s*$/i;
/** A cell that holds only a state word, no reference: "DONE", "TODO", "WIP", "open". */
const STATE_WORDS = /^\s*(?:done|completed?|fixed|closed|resolved|merged|shipped|todo|to\s+do|wip|open|in\s+progress|pending|planned|not\s+started)\s*[.!]?\s*$/i;

/** One item per table row, its fields read from the columns their headers name. */
function tableItems(model: PostMortemModel, table: TableBlock, inherited: Inherited): ActionItem[] {
  const roles = new Map<number, string>();
  table.header.cells.forEach((cell, i) => {
    const role = COLUMNS.find(([, re]) => re.test(plainInline(cell)))?.[0];
    if (role && ![...roles.values()].includes(role)) roles.set(i, role);
  });
  let textColumn = [...roles.entries()].find(([, r]) => r === 'text')?.[0];
  if (textColumn === undefined) textColumn = table.header.cells.findIndex((_, i) => !roles.has(i));
  if (textColumn < 0) textColumn = 0;
  const column = (row: string[], role: string) => {
    const i = [...roles.entries()].find(([, r]) => r === role)?.[0];
    const v = i === undefined ? undefined : row[i];
    return v === undefined || isBlankCell(v) ? undefined : v.trim();
  };
  const out: ActionItem[] = [];
  for (const row of table.rows) {
    const text = row.cells[textColumn] ?? '';
    if (!plainText(text)) continue;
    const whole = row.cells.join(' | ');
    const status = column(row.cells, 'done');
    // A state written in another column ("| ABC-13 **DONE** |", "| **TODO** |" under Bug, as Google's template has it).
    const stated = row.cells.some((c, i) => i !== textColumn && DONE_CELL.test(plainText(c)));
    const rawTicket = column(row.cells, 'ticket');
    // The state is not the ticket: "**DONE**" alone tracks nothing, "ABC-13 **DONE**" is ABC-13.
    const ticketCell = rawTicket && STATE_WORDS.test(plainText(rawTicket)) ? undefined : rawTicket;
    out.push({
      line: row.line,
      range: model.lines.trimmedLineRange(row.line),
      text: plainText(text),
      owner: (roles.size && [...roles.values()].includes('owner') ? column(row.cells, 'owner') : ownerIn(whole)) ?? ownerIn(text) ?? inherited.owner,
      due: column(row.cells, 'due') ?? dueIn(text) ?? inherited.due,
      // Whatever the Ticket column holds counts, even without a recognisable key.
      ticket: ticketIn(whole) ?? (ticketCell && !linkIn(ticketCell) ? ticketCell : undefined) ?? inherited.ticket,
      link: linkIn(whole) ?? inherited.link,
      done: (status ? DONE_STATUS.test(status) && !OPEN_STATUS.test(status) : false) || stated || doneIn(straightQuotes(text)) || !!inherited.done,
      source: 'table',
    });
  }
  return out;
}
