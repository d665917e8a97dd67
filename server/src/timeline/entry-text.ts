/**
 * Reading one timeline entry's start and text: a timestamp (plain, **bold**,
 * `backticks`, [brackets] or a link) followed by `-`, `—`, `–`, `:` or `|`; the
 * people it mentions; the milestone it marks.
 */
import { plainInline } from '../model/sections.js';
import { parseStamp, type DateOrder, type ParsedStamp } from '../time/parse.js';
import { range } from '../model/text.js';
import type { EntryShape, MilestoneName, TimelineEntry } from './types.js';
import { own } from '../own.js';

export interface EntryStart {
  stamp: ParsedStamp;
  /** Where the entry's text starts, after the timestamp and its separator. */
  textStart: number;
}

/** A word that opens an entry before its time: "At 15:10 we deployed", "On Monday 30th January, …", "From 10:30: degraded", "Around 14:00, …". */
const SENTENCE_LEAD = /(At|On|From|Since|Around|About|Approximately|Approx\.|By)\s+(?=[\dA-Z~])/y;
const WRAPPER = /\*\*|__|\*|_|`+|\[|\(/y;
/** A status page's update label before its time, inside the brackets or emphasis: "[Update - 2023-03-29 15:50 UTC]", "**Resolved on 2024-09-10**". */
const STATUS_LEAD = /(?:update[ds]?|edit(?:ed)?|investigating|identified|monitoring|mitigated|resolved|post-?mortem)(?:\s*(?:[-–—:]|on\b|at\b)\s*|\s+(?=\d))/iy;
const SEPARATOR = /\s*(?:=>|[-—–:|,→⇒»>]|\.(?=\s))\s*/y;
const INNER_TAIL = /^\s*[-—–:|,]?\s*$/;
const SPACE = /\s+/y;
const LINK_TARGET = /\([^)\s]*(?:\s+"[^"]*")?\)/y;
/** "2026-06-12 evening": a date with a part of the day, which gives no time; the entry is the day's. */
const PART_OF_DAY = /,?\s+(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night)\b/iy;

/** Where a stamp's text ends: after a part of the day that follows a date without a time. */
function pastPartOfDay(line: string, stamp: ParsedStamp): number {
  if (!stamp.date || stamp.time || stamp.timeUnknown) return stamp.end;
  const m = at(PART_OF_DAY, line, stamp.end);
  return m ? stamp.end + m[0].length : stamp.end;
}

function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * The timestamp an entry starts with at `pos` of `line`, or undefined. `strict`
 * requires a separator after a bare timestamp (paragraph lines); list items may
 * also separate a time from the text with a space. `fourDigit`: the timeline writes its
 * times as four digits ("1727: …"), which are read as clocks before a separator.
 */
export function entryStartAt(line: string, pos: number, order: DateOrder, strict: boolean, fourDigit = false): EntryStart | undefined {
  const lead = at(SENTENCE_LEAD, line, pos);
  if (lead) {
    // "At 15:10 we deployed…", "On Monday 30th January, the team…": a sentence that opens with its time.
    // "On" opens a day; every other word a time of day.
    const stamp = parseStamp(line, pos + lead[0].length, order, fourDigit);
    const fits = stamp && !stamp.problem && (lead[1] === 'On' ? stamp.date && !stamp.time : stamp.time);
    if (!fits) return undefined;
    if (stamp.end >= line.length || /^[\s,]/.test(line[stamp.end]!)) return { stamp, textStart: skipSpace(line, stamp.end + (line[stamp.end] === ',' ? 1 : 0)) };
    const sep = at(SEPARATOR, line, stamp.end);
    return sep ? { stamp, textStart: stamp.end + sep[0].length } : undefined;
  }
  const wrap = at(WRAPPER, line, pos);
  if (wrap) {
    const open = wrap[0];
    const innerStart = pos + open.length;
    const close = line.indexOf(open === '[' ? ']' : open === '(' ? ')' : open, innerStart);
    if (close < 0) return undefined;
    const status = at(STATUS_LEAD, line, innerStart);
    let stamp = parseStamp(line, innerStart + (status?.[0].length ?? 0), order, fourDigit);
    // Emphasis around the whole entry, not the stamp alone ("**15 December 2024, 07:24 – Second Request for ETA**",
    // "_**13:16:59**: paged_"): the stamp, a separator and the text inside it, nothing after it.
    const whole = !status && open !== '[' && open !== '(' && !open.startsWith('`') && !line.slice(close + open.length).trim();
    if (!stamp && !status) {
      // Emphasis or a link inside the emphasis: "**_02:00_**", "**[02:00](…)**".
      const inner = entryStartAt(line.slice(0, close), innerStart, order, false, fourDigit);
      if (inner && /^\s*$/.test(line.slice(inner.textStart, close))) stamp = inner.stamp;
      else if (inner && whole && inner.textStart > inner.stamp.end) return inner;
      else return undefined;
    } else if (!stamp || !INNER_TAIL.test(line.slice(pastPartOfDay(line, stamp), close))) {
      if (!stamp || !whole) return undefined;
      const end = pastPartOfDay(line, stamp);
      const sep = at(SEPARATOR, line, end);
      if (!sep || !/\S/.test(line.slice(end + sep[0].length, close))) return undefined;
      return { stamp, textStart: end + sep[0].length };
    }
    let after = close + (open === '[' ? 1 : open.length);
    if (open === '[') {
      const link = at(LINK_TARGET, line, after);
      if (link) after += link[0].length;
    }
    const sep = at(SEPARATOR, line, after);
    return { stamp, textStart: sep ? after + sep[0].length : skipSpace(line, after) };
  }
  const stamp = parseStamp(line, pos, order, fourDigit);
  if (!stamp) return undefined;
  const end = pastPartOfDay(line, stamp);
  if (end >= line.length || !line.slice(end).trim()) return { stamp, textStart: line.length };
  const sep = at(SEPARATOR, line, end);
  if (sep) return { stamp, textStart: end + sep[0].length };
  if (!strict && (stamp.time || stamp.timeUnknown || stamp.problem) && /\s/.test(line[stamp.end] ?? '')) return { stamp, textStart: skipSpace(line, stamp.end) };
  return undefined;
}

function skipSpace(line: string, pos: number): number {
  const s = at(SPACE, line, pos);
  return s ? pos + s[0].length : pos;
}

const PEOPLE = /(?<![\w@./-])@([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?)/g;

/** The `@handles` a text mentions, without the @, once each, in order. */
export function peopleIn(text: string): string[] {
  const out: string[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(PEOPLE)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

const MILESTONE_WORDS: Record<string, MilestoneName> = {
  start: 'started',
  started: 'started',
  begin: 'started',
  'problem started': 'started',
  'incident started': 'started',
  'impact started': 'started',
  'outage started': 'started',
  'start of outage': 'started',
  'start of incident': 'started',
  'start of impact': 'started',
  detected: 'detected',
  detection: 'detected',
  discovery: 'detected',
  discovered: 'detected',
  acknowledged: 'acknowledged',
  ack: 'acknowledged',
  acked: 'acknowledged',
  mitigated: 'mitigated',
  mitigation: 'mitigated',
  recovery: 'mitigated',
  recovered: 'mitigated',
  resolved: 'resolved',
  resolution: 'resolved',
  end: 'resolved',
  'end of outage': 'resolved',
  'end of incident': 'resolved',
  'end of impact': 'resolved',
  'outage ended': 'resolved',
  'impact ended': 'resolved',
};

const TAG = /\[([A-Za-z ]{2,20})\](?!\()|<\s*((?:start|end) of (?:outage|incident|impact))\s*>|\*\*([A-Za-z ]{2,20}?)\s*:?\s*\*\*|\(([A-Za-z ]{2,20})\)/gi;

/**
 * The milestone an entry marks: a `[detected]`-style tag, a `<START OF OUTAGE>` /
 * `<END OF OUTAGE>` marker, a bold label (`**START**`, `**Detection:**`), or a
 * parenthesised one (`(resolved)`). The first one found counts.
 */
export function milestoneIn(text: string): MilestoneName | undefined {
  // Every tag is bracketed, angled, bold or in parentheses.
  if (!TAG_OPENER.test(text)) return undefined;
  for (const m of text.matchAll(TAG)) {
    const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    const hit = own(MILESTONE_WORDS, word);
    if (hit) return hit;
  }
  return undefined;
}

const TAG_OPENER = /[[<*(]/;

/** Removes milestone tags and markers from an entry's text. */
function withoutTags(text: string): string {
  return text.replace(TAG, (all, a: string | undefined, b: string | undefined, _c: string | undefined, d: string | undefined) => {
    const word = (a ?? b ?? d ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    return (a || b || d) && own(MILESTONE_WORDS, word) ? '' : all;
  });
}

/** A character that any of the steps below acts on. */
const MARKUP = /[[\]<>*(_`~&!]/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The plain text of an entry's Markdown: tags, emphasis, links and HTML removed, entities decoded, spaces collapsed. */
export function entryPlainText(markdown: string): string {
  // Most entries are plain words: nothing to unwrap (no link, tag, emphasis, code, remark or entity).
  if (!MARKUP.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  const plain = plainInline(withoutTags(markdown).replace(/<br\s*\/?>/gi, ' '));
  return plain
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => own(ENTITIES, e) ?? _)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A timeline entry with every field set, in one order, so that all entries share one
 * object shape (long timelines stay fast). `markdown` is the entry's text as written.
 */
export function makeEntry(
  shape: EntryShape,
  group: string,
  lines: { startLine: number; endLine: number; start: number; end: number },
  stampLine: number,
  stamp: ParsedStamp,
  markdown: string,
  peopleText: string = markdown,
): TimelineEntry {
  return {
    shape,
    group,
    startLine: lines.startLine,
    endLine: lines.endLine,
    start: lines.start,
    end: lines.end,
    raw: stamp.raw,
    stampRange: range(stampLine, stamp.start, stampLine, stamp.end),
    stamp,
    clockRange: stamp.clock ? range(stampLine, stamp.clock.start, stampLine, stamp.clock.end) : undefined,
    text: entryPlainText(markdown),
    people: peopleIn(peopleText),
    milestone: milestoneIn(markdown),
  };
}
