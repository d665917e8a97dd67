/**
 * Sorting a timeline chronologically by moving whole entries. Entries that may trade
 * places share a group (one table, one list level, the paragraphs under one day
 * heading); each entry moves with its own lines (a multi-line list item, a table
 * row, a paragraph line and its continuation) and the content after it up to the
 * next entry (an image, a code block), with the trailing white space and line
 * terminator of its last line, while the blank lines and `<br>` between entries stay
 * where they are. Entries without a time move with the entry before them. The sort
 * is stable and keeps every character: only the order changes.
 */
import type { PostMortemModel } from '../model/document.js';
import type { TextEdit } from '../fixes/types.js';
import type { Timeline, TimelineEvent } from './types.js';

interface Unit {
  start: number;
  end: number;
  key: number | undefined;
}

interface Segment {
  units: Unit[];
  /** Separators between units (separators[i] follows units[i]); they stay in place. */
  separators: Array<[number, number]>;
  start: number;
  end: number;
  /** The new order of the units, or undefined when they are in order. */
  order: number[] | undefined;
  children: Segment[];
}

const BR_ONLY = /^\s*<br\s*\/?>\s*$/i;

/**
 * The sort key of each event: its instant, else its local time when it has no zone,
 * else its place on a dateless day count. A date-only entry sorts with the entry
 * before it when that one is on the same day, else at the start of its day.
 */
export function sortKeys(events: readonly TimelineEvent[]): Array<number | undefined> {
  const keys: Array<number | undefined> = [];
  let last: { key: number; day: number | undefined } | undefined;
  for (const ev of events) {
    let key: number | undefined;
    if (ev.dateOnly) {
      const dayStart = ev.utc ?? ev.keys.local;
      key = last && last.day === ev.keys.day ? last.key : dayStart;
    } else {
      key = ev.keys.instant ?? (!ev.zone ? ev.keys.local : undefined) ?? ev.keys.relative;
    }
    keys.push(key);
    if (key !== undefined) last = { key, day: ev.keys.day };
  }
  return keys;
}

/**
 * `end` moved past the white space after it when only white space follows on its line:
 * trailing spaces (a Markdown hard break) belong to their line and move with it.
 */
function withTrailingSpace(text: string, end: number): number {
  let k = end;
  while (k < text.length && TRAILING_SPACE.test(text[k]!)) k++;
  return k === text.length || text[k] === '\n' || text[k] === '\r' ? k : end;
}

const TRAILING_SPACE = /[^\S\r\n]/;

/** The length of the line terminator at `offset` (\r\n, \r or \n), 0 when there is none. */
function terminatorAt(text: string, offset: number): number {
  if (text[offset] === '\r') return text[offset + 1] === '\n' ? 2 : 1;
  return text[offset] === '\n' ? 1 : 0;
}

/**
 * Takes each unit's line terminator into the unit, so that a line keeps its own ending
 * (a file with mixed endings keeps them line by line), when every unit ends at one and
 * the segment around (if any) does the same. Otherwise the terminators stay where they
 * are: a unit at the end of a file without a final newline, or one that ends mid-line
 * before a `<br>`, could not move before another without a line break of its own.
 */
function takeTerminators(text: string, s: Segment, parentTakes: boolean): void {
  let takes = parentTakes && s.units.every((u) => terminatorAt(text, u.end) > 0);
  // A lone \r moved in front of a \n (a blank line after another entry, or what follows
  // the group) would join it into one \r\n and lose a line: then they stay.
  if (takes && s.units.some((u) => terminatorAt(text, u.end) === 1 && text[u.end] === '\r')) {
    takes = !s.units.some((u) => text[u.end + terminatorAt(text, u.end)] === '\n');
  }
  if (takes) {
    for (const u of s.units) u.end += terminatorAt(text, u.end);
    s.separators = s.units.slice(1).map((u, i) => [s.units[i]!.end, u.start]);
    s.end = s.units[s.units.length - 1]!.end;
  }
  for (const c of s.children) takeTerminators(text, c, takes);
}

function segmentsOf(text: string, events: readonly TimelineEvent[], keys: ReadonlyArray<number | undefined>): Segment[] {
  const byGroup = new Map<string, number[]>();
  events.forEach((ev, i) => {
    const list = byGroup.get(ev.group);
    if (list) list.push(i);
    else byGroup.set(ev.group, [i]);
  });
  const segments: Segment[] = [];
  for (const indices of byGroup.values()) {
    const raw = indices.map((i, n) => {
      const ev = events[i]!;
      const next = indices[n + 1] !== undefined ? events[indices[n + 1]!]! : undefined;
      const gap = next ? text.slice(ev.end, next.start) : '';
      // Content between two entries (an image, a code block) moves with the first; blank lines and <br> stay.
      const end = withTrailingSpace(text, next && !BR_ONLY.test(gap) ? ev.end + gap.trimEnd().length : ev.end);
      return { start: ev.start, end, key: keys[i], nextStart: next?.start };
    });
    const units: Unit[] = [];
    const separators: Array<[number, number]> = [];
    for (const u of raw) {
      const last = units[units.length - 1];
      if (!last) {
        if (u.key !== undefined) units.push({ start: u.start, end: u.end, key: u.key });
      } else if (u.key === undefined) {
        last.end = u.end; // an entry without a time travels with the one before it
      } else {
        separators.push([last.end, u.start]);
        units.push({ start: u.start, end: u.end, key: u.key });
      }
    }
    if (units.length < 2) continue;
    const order = units.map((_, i) => i).sort((a, b) => units[a]!.key! - units[b]!.key! || a - b);
    segments.push({
      units,
      separators,
      start: units[0]!.start,
      end: units[units.length - 1]!.end,
      order: order.every((v, i) => v === i) ? undefined : order,
      children: [],
    });
  }
  return segments.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Edits that sort every group of the timeline, one per outermost group that changes;
 * empty when the timeline is sorted, or when groups interleave so that a move could
 * tear one apart.
 */
export function sortTimelineEdits(model: PostMortemModel, timeline: Timeline): TextEdit[] {
  const text = model.text;
  const segments = segmentsOf(text, timeline.events, sortKeys(timeline.events));
  if (segments.every((s) => !s.order)) return [];
  // Nest segments: each must lie inside one unit of the segment around it.
  const roots: Segment[] = [];
  const stack: Segment[] = [];
  for (const s of segments) {
    while (stack.length && stack[stack.length - 1]!.end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      if (s.end > parent.end || !parent.units.some((u) => u.start <= s.start && s.end <= u.end)) return [];
      parent.children.push(s);
    } else {
      roots.push(s);
    }
    stack.push(s);
  }
  for (const s of roots) takeTerminators(text, s, true);
  const render = (from: number, to: number, children: readonly Segment[]): string => {
    let out = '';
    let p = from;
    for (const c of children) {
      if (c.start < from || c.end > to) continue;
      out += text.slice(p, c.start) + renderSegment(c);
      p = c.end;
    }
    return out + text.slice(p, to);
  };
  const renderSegment = (s: Segment): string => {
    const order = s.order ?? s.units.map((_, i) => i);
    let out = '';
    order.forEach((u, i) => {
      if (i > 0) out += text.slice(s.separators[i - 1]![0], s.separators[i - 1]![1]);
      out += render(s.units[u]!.start, s.units[u]!.end, s.children);
    });
    return out;
  };
  const edits: TextEdit[] = [];
  for (const s of roots) {
    const newText = renderSegment(s);
    if (newText !== text.slice(s.start, s.end)) edits.push({ range: { start: model.lines.positionAt(s.start), end: model.lines.positionAt(s.end) }, newText });
  }
  return edits;
}
