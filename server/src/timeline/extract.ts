/**
 * Extraction of the Timeline section's entries in every shape real post-mortems
 * use: list items that start with a timestamp, timeline tables, paragraphs of
 * `HH:MM - text` lines (also joined with `<br>`), and day headings or date lines
 * that give their date to the time-only entries under them. Only the timeline
 * section's blocks are read, so the work is proportional to the timeline.
 */
import type { PostMortemModel } from '../model/document.js';
import { sectionBlocks } from '../model/document.js';
import { writesFourDigitClocks } from '../model/meaning.js';
import type { Block, ListItem } from '../model/markdown.js';
import type { Section } from '../model/sections.js';
import { parseDateAt, type DateOrder, type ParsedStamp, type StampDate } from '../time/parse.js';
import { entryStartAt, makeEntry } from './entry-text.js';
import { stampHeaderCell, tableEntries, timelineColumns, rowCells } from './table.js';
import type { TimelineEntry, TimelineItem } from './types.js';

/** Text in the timeline that is not an entry, where a zone statement may be ("All times in UTC."). */
export interface Note {
  kind: 'paragraph' | 'header';
  line: number;
  /** Offset of `text` in its line. */
  character: number;
  text: string;
}

export interface Extraction {
  items: TimelineItem[];
  notes: Note[];
}

const LINE_LEAD = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
const ITEM_LEAD = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?/;
const BR = /<br\s*\/?>/gi;
const DATE_LINE_WRAP = /^[\s*_`#]*(?:on[ \t]+(?:the[ \t]+)?)?(.*?)[\s*_`:]*$/i;

/** Entries, date markers and notes of a timeline section, in document order. */
export function extractTimeline(model: PostMortemModel, section: Section, order: DateOrder): Extraction {
  return extractBlocks(model, sectionBlocks(model, section), order, section);
}

const MIN_UNTITLED_ENTRIES = 3;

/**
 * A timeline under no heading of its own: the first list whose items, at least three,
 * all start with a time of day ("* **23:00 UTC(*April 5*)** - CI runs fail", "1. November
 * 4th -- 16:30 to 15:00 UTC"), the first run of paragraphs or lines, three or more, each
 * opening with a time of day ("13:15 CEST: New estimate…", a status page's "[Update -
 * 2023-03-29 15:50 UTC]" over its text, "08.02.2022 20:10 - Deploy" line after line), or a
 * table whose first column holds a time in every row (three or more), with a date alone on
 * the line above as their day. A list or table of dates alone (a changelog, a roadmap) is
 * not one, nor is prose with a time here and there.
 */
export function untitledTimeline(model: PostMortemModel, order: DateOrder): Block[] | undefined {
  const found = untitledBlocks(model, order);
  if (!found) return undefined;
  // A date alone on the line above ("02.07.2019" over "- 14:16: …") is the day of the entries under it.
  const i = model.blocks.indexOf(found[0]!);
  const before = i > 0 ? model.blocks[i - 1] : undefined;
  // So is a heading that is only a day ("### Tues 22 Nov 2016" over "10:15: …").
  const dated =
    (before?.kind === 'paragraph' && before.endLine - before.startLine === 1 && !!dateLine(model.lines.lineText(before.startLine).trim(), order)) ||
    (before?.kind === 'heading' && !!dateLine(before.text, order));
  return dated ? [before, ...found] : found;
}

/** Blocks between two runs of entries that may join them: a day heading and a remark, say. */
const MAX_PENDING = 2;
/** A line that is a remark as a whole: in brackets or emphasis ("[continued reports throughout the day]", "_no change_"). */
const REMARK = /^\s*(?:\[[^\]]+\]|\([^)]+\)|\*[^*]+\*|_[^_]+_)\s*$/;

function untitledBlocks(model: PostMortemModel, order: DateOrder): Block[] | undefined {
  const fourDigit = writesFourDigitClocks(model);
  const timedAt = (line: number, lead: RegExp, strict: boolean) => {
    const text = model.lines.lineText(line);
    const at = lead.exec(text)?.[0].length;
    const stamp = at === undefined ? undefined : entryStartAt(text, at, order, strict, fourDigit)?.stamp;
    return !!stamp && !stamp.after && (!!stamp.time || !!stamp.problem);
  };
  let run: Block[] = [];
  // Entries in the run: a paragraph counts each of its lines that opens with a time ("08.02.2022 20:10 - Deploy" on seven lines).
  let entries = 0;
  // A remark between entries ("[continued reports throughout the day]") or a heading that is only a day
  // ("### Weds 23 Nov 2016") belongs to the run when more entries follow it; prose between them ends it.
  let pending: Block[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'paragraph' && timedAt(block.startLine, LINE_LEAD, true)) {
      run.push(...pending, block);
      pending = [];
      for (let line = block.startLine; line < block.endLine; line++) if (line === block.startLine || timedAt(line, LINE_LEAD, true)) entries++;
      continue;
    }
    if (run.length && pending.length < MAX_PENDING && ((block.kind === 'paragraph' && block.endLine - block.startLine === 1 && REMARK.test(model.lines.lineText(block.startLine))) || (block.kind === 'heading' && !!dateLine(block.text, order)))) {
      pending.push(block);
      continue;
    }
    pending = [];
    if (entries >= MIN_UNTITLED_ENTRIES) return run;
    run = [];
    entries = 0;
    // A table whose rows, three or more, each open with a time ("| 15:15 | Alert fired |"), whatever its header says.
    if (block.kind === 'table' && block.rows.length >= MIN_UNTITLED_ENTRIES) {
      const header = rowCells(model.lines.lineText(block.header.line)).map((c) => c.text);
      const rows = timelineColumns(header).stamp[0] === 0 ? tableEntries(model, block, 'untitled', order) : [];
      if (rows.length === block.rows.length && rows.every((e) => !!e.stamp.time && !e.stamp.after)) return [block];
      continue;
    }
    if (block.kind !== 'list' || block.items.length < MIN_UNTITLED_ENTRIES) continue;
    if (block.items.every((item) => timedAt(item.startLine, ITEM_LEAD, false))) return [block];
  }
  return entries >= MIN_UNTITLED_ENTRIES ? run : undefined;
}

/** Entries, date markers and notes of a timeline's blocks (and of the day sections after its section), in document order. */
export function extractBlocks(model: PostMortemModel, blocks: readonly Block[], order: DateOrder, section?: Section): Extraction {
  const items: TimelineItem[] = [];
  const notes: Note[] = [];
  const state: ParagraphState = { context: 0, dayLines: new Map(), fourDigit: writesFourDigitClocks(model) };
  const visit = (blocks: readonly Block[], listGroup: string) => {
    for (const block of blocks) {
      switch (block.kind) {
        case 'heading': {
          state.context++;
          const entry = headingEntry(model, block.startLine, order);
          if (entry) items.push({ kind: 'entry', entry });
          else items.push({ kind: 'marker', line: block.startLine, date: dateOf(block.text, order) });
          break;
        }
        case 'paragraph':
          // Under a timeline's own heading a line that opens with a time is an entry ("09:01 #xpub-tech first message");
          // elsewhere a time must be followed by a separator, as prose may open with one.
          paragraph(model, block.startLine, block.endLine, order, items, notes, state, LINE_LEAD, !section);
          break;
        case 'list':
          for (const item of block.items) listItem(model, item, order, `${listGroup}:${state.context}`, items, notes, state, visit);
          break;
        case 'table': {
          const header = rowCells(model.lines.lineText(block.header.line)).map((c) => c.text);
          const entries = tableEntries(model, block, `table:${block.startLine}:${state.context}`, order);
          const cols = timelineColumns(header);
          if (cols.named || entries.length) {
            const cell = stampHeaderCell(model, block);
            if (cell) notes.push({ kind: 'header', line: cell.line, character: cell.cell.start, text: cell.cell.text });
          }
          for (const entry of entries) items.push({ kind: 'entry', entry });
          break;
        }
        case 'blockquote':
          visit(block.children, listGroup);
          break;
        case 'code':
          // A list indented four spaces by mistake ("    - 11:16 ::::: deploy") is a code block to Markdown
          // but a list to its writer and readers: its items are read as lines. Fenced code is code.
          if (!block.fenced && indentedList(model, block.startLine, block.endLine)) paragraph(model, block.startLine, block.endLine, order, items, notes, state, ITEM_LEAD);
          break;
        default:
          break;
      }
    }
  };
  visit(blocks, 'list');
  // Day headings written at the timeline's own level ("## Timeline", then "## July 22") go on with it.
  for (const day of section ? daySections(model, section, order) : []) {
    state.context++;
    items.push({ kind: 'marker', line: day.heading.startLine, date: dateOf(day.heading.text, order) });
    visit(sectionBlocks(model, day), 'list');
  }
  datedDays(items, notes, state.dayLines);
  return { items, notes };
}

/**
 * A day line whose events under it have no time ("2019-02-18:" over "* [CVE-…] reported to…")
 * is itself the entry of that day, with a date and no time: the events are told, only
 * their day is known. A day line with timed entries under it stays a date for them.
 */
function datedDays(items: TimelineItem[], notes: readonly Note[], dayLines: ReadonlyMap<number, TimelineEntry>): void {
  if (!dayLines.size) return;
  const noteLines = notes.map((n) => n.line).sort((a, b) => a - b);
  /** True when a note lies strictly between two lines (binary search: linear overall, however many days and notes). */
  const noteBetween = (from: number, to: number) => {
    let lo = 0;
    let hi = noteLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (noteLines[mid]! <= from) lo = mid + 1;
      else hi = mid;
    }
    return lo < noteLines.length && noteLines[lo]! < to;
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'marker') continue;
    const day = dayLines.get(item.line);
    if (!day) continue;
    let j = i + 1;
    while (j < items.length && items[j]!.kind !== 'marker' && items[j]!.kind !== 'entry') j++;
    if (j < items.length && items[j]!.kind === 'entry') continue;
    const after = items[j];
    const next = after?.kind === 'marker' ? after.line : Infinity;
    if (noteBetween(item.line, next)) items[i] = { kind: 'entry', entry: day };
  }
}

interface ParagraphState {
  context: number;
  /** Day lines that are only a date, with the date-only entry each would be. */
  dayLines: Map<number, TimelineEntry>;
  /** The document writes its times as four digits ("1727: …"). */
  fourDigit: boolean;
}

/** True when every line that is not blank is a list item ("- …", "* …", "1. …"). */
function indentedList(model: PostMortemModel, startLine: number, endLine: number): boolean {
  let items = 0;
  for (let line = startLine; line < endLine; line++) {
    const text = model.lines.lineText(line);
    if (!text.trim()) continue;
    if (!ITEM_LEAD.test(text)) return false;
    items++;
  }
  return items > 0;
}

/** The sections right after the timeline, at its level, whose headings are only a date. */
function daySections(model: PostMortemModel, section: Section, order: DateOrder): Section[] {
  const siblings = section.parent ? section.parent.children : model.sections;
  const out: Section[] = [];
  for (let i = siblings.indexOf(section) + 1; i > 0 && i < siblings.length; i++) {
    const s = siblings[i]!;
    if (s.form !== 'heading' || !dateLine(s.heading.text, order)) break;
    out.push(s);
  }
  return out;
}

const HEADING_LEAD = /^[ \t]*#{1,6}[ \t]+/;
const HEADING_CLOSE = /[ \t]+#+[ \t]*$/;

/**
 * A heading that starts with a time ("### 20:15", "### July 11, 2025, 12:42 PM",
 * "### 10:07-10:29 AM: Emergency call"): an entry on its own line, which nothing moves.
 */
function headingEntry(model: PostMortemModel, line: number, order: DateOrder): TimelineEntry | undefined {
  const full = model.lines.lineText(line);
  const lead = HEADING_LEAD.exec(full)?.[0].length;
  if (lead === undefined) return undefined;
  const close = HEADING_CLOSE.exec(full);
  const text = close ? full.slice(0, close.index) : full;
  const start = entryStartAt(text, lead, order, false);
  if (!start || (!start.stamp.time && !start.stamp.timeUnknown && !start.stamp.problem)) return undefined;
  const lineStart = model.lines.lineStart(line);
  const span = { startLine: line, endLine: line + 1, start: lineStart, end: lineStart + full.length };
  return makeEntry('line', `heading:${line}`, span, line, start.stamp, text.slice(start.textStart));
}

/** The date a heading gives, if its text is (or starts with) a date. */
function dateOf(text: string, order: DateOrder): StampDate | undefined {
  const t = text.replace(/^[\s*_`#]+/, '');
  return parseDateAt(t, 0, order)?.date;
}

const TRAILING_NOTE = /^\s*[*_]*\([^()]*\)[*_]*$/;

/** A whole line that is only a date ("**Monday, 25 August 2023**", "2023-08-25:"), or a date and a note in brackets ("April 15, 2021 (all times in UTC)"). */
function dateLine(text: string, order: DateOrder): StampDate | undefined {
  const inner = DATE_LINE_WRAP.exec(text)?.[1] ?? '';
  const hit = parseDateAt(inner, 0, order);
  return hit?.date && (hit.end === inner.length || TRAILING_NOTE.test(inner.slice(hit.end))) ? hit.date : undefined;
}

function paragraph(
  model: PostMortemModel,
  startLine: number,
  endLine: number,
  order: DateOrder,
  items: TimelineItem[],
  notes: Note[],
  state: ParagraphState,
  leadPattern: RegExp = LINE_LEAD,
  strictLines = true,
): void {
  const { lines } = model;
  /** The entry being read: its first line, its stamp, its span so far and its Markdown. */
  let current: { line: number; stamp: ParsedStamp; group: string; span: { startLine: number; endLine: number; start: number; end: number }; markdown: string } | undefined;
  const close = () => {
    if (current) items.push({ kind: 'entry', entry: makeEntry('line', current.group, current.span, current.line, current.stamp, current.markdown) });
    current = undefined;
  };
  for (let line = startLine; line < endLine; line++) {
    const text = lines.lineText(line);
    const lead = (leadPattern.exec(text) ?? LINE_LEAD.exec(text)!)[0].length;
    const marker = dateLine(text.slice(lead), order);
    if (marker) {
      close();
      state.context++;
      items.push({ kind: 'marker', line, date: marker });
      const day = entryStartAt(text, lead, order, false);
      if (day?.stamp.date && !day.stamp.time) {
        const lineStart = lines.lineStart(line);
        state.dayLines.set(line, makeEntry('line', `day:${line}`, { startLine: line, endLine: line + 1, start: lineStart, end: lineStart + text.length }, line, day.stamp, ''));
      }
      // The note beside the date may state the zone: "April 15, 2021 (all times in UTC)", "On the 15/12/21 (in CET):".
      const remark = /\([^()]*\)/.exec(text.slice(lead));
      if (remark) notes.push({ kind: 'paragraph', line, character: lead + remark.index, text: remark[0] });
      continue;
    }
    const lineStart = lines.lineStart(line);
    const parts = splitBr(text, lead);
    for (const [from, to] of parts) {
      // A line outside a timeline of its own heading is strict about what follows its stamp (prose may open with a time); an item of a list is not.
      const start = entryStartAt(text, from, order, leadPattern !== ITEM_LEAD && strictLines, state.fourDigit);
      if (start && start.stamp.end <= to) {
        close();
        current = {
          line,
          stamp: start.stamp,
          group: `line:${state.context}`,
          span: { startLine: line, endLine: line + 1, start: lineStart + (parts.length > 1 ? from : 0), end: lineStart + to },
          markdown: text.slice(Math.min(start.textStart, to), to),
        };
      } else if (current) {
        current.span.end = lineStart + to;
        current.span.endLine = line + 1;
        current.markdown += ' ' + text.slice(from, to);
      } else if (text.slice(from, to).trim()) {
        notes.push({ kind: 'paragraph', line, character: from, text: text.slice(from, to) });
      }
    }
  }
  close();
}

/** [from, to) parts of a line split at `<br>`, starting at `lead`. */
function splitBr(text: string, lead: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = lead;
  BR.lastIndex = lead;
  for (let m = BR.exec(text); m; m = BR.exec(text)) {
    parts.push([from, m.index]);
    from = m.index + m[0].length;
    while (text[from] === ' ') from++;
  }
  parts.push([from, text.length]);
  return parts;
}

function listItem(
  model: PostMortemModel,
  item: ListItem,
  order: DateOrder,
  group: string,
  items: TimelineItem[],
  notes: Note[],
  state: ParagraphState,
  visit: (blocks: readonly Block[], listGroup: string) => void,
): void {
  const { lines } = model;
  const first = item.children[0];
  const nested = first?.kind === 'paragraph' ? item.children.slice(1) : item.children;
  const text = lines.lineText(item.startLine);
  const lead = ITEM_LEAD.exec(text)?.[0].length;
  const start = first?.kind === 'paragraph' && first.startLine === item.startLine && lead !== undefined ? entryStartAt(text, lead, order, false, state.fourDigit) : undefined;
  if (!start) {
    if (first?.kind === 'paragraph') notes.push({ kind: 'paragraph', line: item.startLine, character: lead ?? 0, text: text.slice(lead ?? 0) });
    visit(nested, `list:${item.startLine}`);
    return;
  }
  const hasNestedList = nested.some((c) => c.kind === 'list');
  const bareDate = start.stamp.date && !start.stamp.time && !start.stamp.clock && !text.slice(start.textStart).trim() && first!.endLine - first!.startLine === 1;
  if (bareDate && hasNestedList) {
    // "- 2023-08-25" with the day's entries nested under it: a date line, not an event.
    state.context++;
    items.push({ kind: 'marker', line: item.startLine, date: start.stamp.date! });
    visit(nested, `list:${item.startLine}`);
    return;
  }
  let endLine = item.endLine;
  while (endLine > item.startLine + 1 && !lines.lineText(endLine - 1).trim()) endLine--;
  const paragraphText = [text.slice(start.textStart)];
  for (let l = item.startLine + 1; l < first!.endLine; l++) paragraphText.push(lines.lineText(l).trim());
  const markdown = paragraphText.join(' ');
  const span = { startLine: item.startLine, endLine, start: lines.lineStart(item.startLine), end: lines.lineStart(endLine - 1) + lines.lineLength(endLine - 1) };
  items.push({ kind: 'entry', entry: makeEntry('list', group, span, item.startLine, start.stamp, markdown) });
  visit(nested, `list:${item.startLine}`);
}
