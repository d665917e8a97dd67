/**
 * Timeline tables: the `Time`/`Timestamp`/`Date`/`When` column (or the first one)
 * holds the timestamp, a separate `Date` and `Time` pair is read together, and the
 * other columns are the entry's text. Rows with only a date are date-only entries.
 */
import type { PostMortemModel } from '../model/document.js';
import type { TableBlock } from '../model/markdown.js';
import { emptyStamp, parseStamp, type DateOrder, type ParsedStamp } from '../time/parse.js';
import { entryStartAt, makeEntry } from './entry-text.js';
import type { TimelineEntry } from './types.js';

export interface Cell {
  /** Offsets in the line, of the trimmed cell text. */
  start: number;
  end: number;
  text: string;
}

/** The cells of a table row line, split at unescaped pipes, with their positions. */
export function rowCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t' || line[i] === '>')) i++;
  if (line[i] === '|') i++;
  let start = i;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(line[s]!)) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
    cells.push({ start: s, end: e, text: line.slice(s, e) });
  };
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '|') {
      push(i);
      start = i + 1;
    }
  }
  if (line.slice(start).trim()) push(line.length);
  return cells;
}

const STAMP_HEADER = /\b(?:time(?:stamp)?s?|date|when|day)\b/i;
const DATE_ONLY_HEADER = /^\W*(?:date|day)\W*$/i;
const TIME_ONLY_HEADER = /^\W*(?:time|timestamp)\b/i;
const TEXT_HEADER = /\b(?:event|events|description|what|action|actions|details?|summary|notes?|activity|update|status)\b/i;

export interface TimelineColumns {
  /** The column of the timestamp, or a date column and a time column read together. */
  stamp: [number] | [number, number];
  text: number[];
  /** True when a header names the timestamp column (else the first column is assumed). */
  named: boolean;
}

/** Which columns hold the timestamp and the text, from the header cells. */
export function timelineColumns(header: readonly string[]): TimelineColumns {
  const dateCol = header.findIndex((h) => DATE_ONLY_HEADER.test(h));
  const timeCol = header.findIndex((h) => TIME_ONLY_HEADER.test(h) && !/\bdate\b/i.test(h));
  let stamp: [number] | [number, number];
  let named = true;
  if (dateCol >= 0 && timeCol >= 0 && dateCol !== timeCol) stamp = [dateCol, timeCol];
  else {
    const col = header.findIndex((h) => STAMP_HEADER.test(h));
    named = col >= 0;
    stamp = [Math.max(col, 0)];
  }
  const others = header.map((_, i) => i).filter((i) => !(stamp as number[]).includes(i));
  const named2 = others.filter((i) => TEXT_HEADER.test(header[i]!));
  return { stamp, text: named2.length ? named2 : others, named };
}

/** The header cell (and its position) of the timestamp column, where "Time (UTC)" states a zone. */
export function stampHeaderCell(model: PostMortemModel, table: TableBlock): { line: number; cell: Cell } | undefined {
  const cells = rowCells(model.lines.lineText(table.header.line));
  const col = timelineColumns(cells.map((c) => c.text)).stamp;
  const cell = cells[col[col.length - 1]!];
  return cell ? { line: table.header.line, cell } : undefined;
}

/** The entries of a timeline table; rows without a readable timestamp become entries only under a named column. */
export function tableEntries(model: PostMortemModel, table: TableBlock, group: string, order: DateOrder): TimelineEntry[] {
  const { lines } = model;
  const header = rowCells(lines.lineText(table.header.line)).map((c) => c.text);
  const cols = timelineColumns(header);
  const out: TimelineEntry[] = [];
  for (const row of table.rows) {
    const line = lines.lineText(row.line);
    const cells = rowCells(line);
    const first = cells[cols.stamp[0]];
    const second = cols.stamp[1] !== undefined ? cells[cols.stamp[1]] : undefined;
    if (!first || (!first.text && !second?.text)) continue;
    let stamp = first.text ? cellStamp(line, first.start, order) : undefined;
    if (second?.text) {
      const time = cellStamp(line, second.start, order);
      stamp = merge(stamp, time, line);
    }
    const last = second ?? first;
    if (!stamp) {
      if (!cols.named) continue;
      const raw = line.slice(first.start, last.end);
      stamp = { ...emptyStamp(first.start, last.end, raw), incomplete: true };
    }
    const textCells = cols.text.map((i) => cells[i]?.text ?? '').filter(Boolean);
    const markdown = textCells.join(' — ');
    const lineStart = lines.lineStart(row.line);
    const span = { startLine: row.line, endLine: row.line + 1, start: lineStart, end: lineStart + line.length };
    out.push(makeEntry('table', group, span, row.line, stamp, markdown, cells.map((c) => c.text).join(' ')));
  }
  return out;
}

/** The timestamp a cell opens with, emphasised or in backticks as an entry's may be ("**05:04 UTC**"). */
function cellStamp(line: string, start: number, order: DateOrder): ParsedStamp | undefined {
  return parseStamp(line, start, order) ?? entryStartAt(line, start, order, false)?.stamp;
}

/** A date cell and a time cell read as one timestamp. */
function merge(date: ParsedStamp | undefined, time: ParsedStamp | undefined, line: string): ParsedStamp | undefined {
  if (!date) return time;
  if (!time) return date;
  const start = Math.min(date.start, time.start);
  const end = Math.max(date.end, time.end);
  const problem = [date.problem, time.problem].filter(Boolean).join('; ');
  return {
    ...time,
    date: date.date ?? time.date,
    incomplete: date.incomplete || time.incomplete,
    problem: problem || undefined,
    start,
    end,
    raw: line.slice(start, end),
  };
}
