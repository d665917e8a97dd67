import type { PostMortemModel } from '../model/document.js';
import { isWithin, sectionBlocks } from '../model/document.js';
import type { Section } from '../model/sections.js';
import type { Block, ListItem, TableBlock } from '../model/markdown.js';
import { plainInline } from '../model/sections.js';
import type { Range } from '../model/text.js';
import { dueIn, doneIn, linkIn, ownerIn, ticketIn, isBlankCell } from './action-fields.js';
import { itemSource, plainText, wordsOf } from './text.js';

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
    for (const block of sectionBlocks(model, section)) {
      if (block.kind === 'heading') inherited = merge(headingFields(block.text), headingFields(section.title));
      else if (block.kind === 'list') for (const item of block.items) out.push(...listItems(model, item, inherited));
      else if (block.kind === 'table') out.push(...tableItems(model, block, inherited));
    }
  }
  return out;
}

/**
 * The parts that hold the actions: the Preventive Actions section, and every other part
 * named for actions beside it ("Short-term improvements" and "Long-term improvements"
 * under one "Remediation"), each once (not a part inside another).
 */
function actionSections(model: PostMortemModel): Section[] {
  const main = model.canonical.get('preventive-actions');
  if (!main) return [];
  if (main.weak) return [main];
  const named = model.allSections.filter((s) => !s.weak && (s.canonical === 'preventive-actions' || s.also.includes('preventive-actions')));
  return named.filter((s) => !named.some((o) => o !== s && isWithin(s, o)));
}

interface Inherited {
  owner?: string;
  due?: string;
  ticket?: string;
  link?: string;
  done?: boolean;
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
  if (/\b(?:done|completed?|finished|shipped)\b/i.test(heading)) out.done = true;
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
  if (nested.length && (/:\s*$/.test(label) || wordsOf(label).length <= 3)) {
    const under = merge(headingFields(label), inherited);
    return nested.flatMap((l) => l.items.flatMap((i) => listItems(model, i, under)));
  }
  const source = itemSource(model, item);
  if (!plainText(source.replace(/^\[[ xX]?\]/, ''))) return [];
  const first = model.lines.lineText(item.startLine);
  const marker = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s*(?:\[[ xX]?\]\s*)?/.exec(first)?.[0].length ?? 0;
  const end = first.trimEnd().length;
  return [
    {
      line: item.startLine,
      range: { start: { line: item.startLine, character: Math.min(marker, end) }, end: { line: item.startLine, character: end } },
      text: plainText(source.replace(/^\[[ xX]?\]\s*/, '')),
      owner: ownerIn(source) ?? inherited.owner,
      due: dueIn(source) ?? inherited.due,
      ticket: ticketIn(source) ?? inherited.ticket,
      link: linkIn(source) ?? inherited.link,
      done: doneIn(source) || !!inherited.done,
      source: 'list',
    },
  ];
}

const COLUMNS: Array<[keyof Pick<ActionItem, 'owner' | 'due' | 'ticket' | 'done'> | 'text', RegExp]> = [
  ['owner', /\b(?:owners?|assignees?|assigned|who|responsible|dri|team)\b/i],
  ['due', /\b(?:due|deadline|eta|target|when|by|date)\b/i],
  ['ticket', /\b(?:tickets?|issues?|jira|bugs?|links?|tracking|pr|references?|refs?)\b/i],
  ['done', /\b(?:status|state|done|completed?)\b/i],
  ['text', /\b(?:actions?|items?|tasks?|descriptions?|what|title|follow[- ]?ups?|measures?|remediations?)\b/i],
];

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
    const ticketCell = column(row.cells, 'ticket');
    out.push({
      line: row.line,
      range: model.lines.trimmedLineRange(row.line),
      text: plainText(text),
      owner: (roles.size && [...roles.values()].includes('owner') ? column(row.cells, 'owner') : ownerIn(whole)) ?? ownerIn(text) ?? inherited.owner,
      due: column(row.cells, 'due') ?? dueIn(text) ?? inherited.due,
      // Whatever the Ticket column holds counts, even without a recognisable key.
      ticket: ticketIn(whole) ?? (ticketCell && !linkIn(ticketCell) ? ticketCell : undefined) ?? inherited.ticket,
      link: linkIn(whole) ?? inherited.link,
      done: (status ? /\b(?:done|complete|completed|closed|fixed|resolved|shipped|yes)\b|✅|✔|☑|\[x\]/i.test(status) : false) || doneIn(text) || !!inherited.done,
      source: 'table',
    });
  }
  return out;
}
