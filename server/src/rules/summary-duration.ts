import { preambleSummary, sectionBlocks } from '../model/document.js';
import type { Block } from '../model/markdown.js';
import { walkBlocks } from '../model/markdown.js';
import { range } from '../model/text.js';
import { formatMinutes } from '../time/civil.js';
import { timelineOf } from '../timeline/context.js';
import { wordedSpanMinutes } from '../timeline/bounds.js';
import { own } from '../own.js';
import type { Rule } from './types.js';

const MAX_EXCERPT = 40;
const excerpt = (text: string) => (text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text || 'its entry');

const CUE =
  /\b(?:duration|lasted|lasting|lasts|for|outage of|down for|(?:fixed|resolved|restored|mitigated|recovered) (?:with)?in|within)\b[\s:*_|]*(?:(about|approximately|approx\.?|around|roughly|nearly|almost|over|~)\s*)?/gi;
/** "a 7 minute cascading failure", "a two-hour outage": a duration said of the incident itself. */
const ADJECTIVE = /\b(?:an?\s+)?(?:(about|approximately|roughly|around|~)\s*)?(?=(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-](?:minute|hour|day)[\s-](?:long\s+)?(?:[a-z]+\s+){0,2}?(?:outage|failure|downtime|incident|disruption|degradation|interruption)\b)/gi;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, 'half an': 0.5, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
// A number in words needs a space before its unit, and a whole word for it: "and" is not "an" day.
const PART = /(?:(\d+(?:\.\d+)?)[\s-]*(d|days?|h|hrs?|hours?|m|mins?|minutes?)|(an?|one|half an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]+(days?|hrs?|hours?|mins?|minutes?))(?![A-Za-z])/iy;
const JOIN = /\s*(?:,|and|&)?\s*/y;
const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };

/** A duration written at `pos` ("2 hours 35 minutes", "1h 38m", "45 minutes"): its minutes and end, or undefined. */
export function durationAt(text: string, pos: number): { minutes: number; end: number } | undefined {
  let minutes = 0;
  let end = pos;
  let p = pos;
  for (;;) {
    PART.lastIndex = p;
    const m = PART.exec(text);
    if (!m) break;
    const n = (m[1] ?? m[3]!).toLowerCase();
    const count = own(NUMBER_WORDS, n) ?? Number(n);
    minutes += count * UNIT_MINUTES[(m[2] ?? m[4])![0]!.toLowerCase()]!;
    end = p + m[0].length;
    JOIN.lastIndex = end;
    p = end + (JOIN.exec(text)?.[0].length ?? 0);
  }
  return end > pos ? { minutes, end } : undefined;
}

/**
 * A duration stated as a labelled figure on a line of its own, anywhere in the document
 * ("MTTR: 7h34m from alert to /ping working again", "**Time to resolve:** 2 hours",
 * "Total downtime: 0:45"), as teams write their incident's numbers under Impact.
 */
const METRIC_LABEL =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:mttr|ttr|time\s+to\s+(?:resolve|resolution|recover|recovery|restore|restoration|mitigate|mitigation)|total\s+(?:downtime|duration|outage)|(?:incident\s+|outage\s+)?duration|downtime)(?:\s*\([^)]{0,20}\))?(?:\s*(?:\*\*|__))?\s*[:|](?:\s*(?:\*\*|__))?\s*(?:(about|approximately|approx\.?|around|roughly|~)\s*)?/i;
/** "0:32", "03:47" after such a label: hours and minutes; not a clock ("12:00am to 9:00am" is a window, not 12 hours). */
const CLOCK_DURATION = /(\d{1,3}):([0-5]\d)(?![\d:])(?!\s?[ap]\.?m)(?!\s*(?:-|–|—|=>|→|to\b|until\b)\s*\d)/iy;

function metricDuration(lines: { lineText(l: number): string; lineCount: number }, skip: (line: number) => boolean): Stated | undefined {
  for (let line = 0; line < lines.lineCount; line++) {
    if (skip(line)) continue;
    const text = lines.lineText(line);
    const m = METRIC_LABEL.exec(text);
    if (!m) continue;
    const at = m[0].length;
    CLOCK_DURATION.lastIndex = at;
    const clock = CLOCK_DURATION.exec(text);
    const d = clock ? { minutes: Number(clock[1]) * 60 + Number(clock[2]), end: at + clock[0].length } : durationAt(text, at);
    if (d) return { minutes: d.minutes, line, start: text.search(/\S/), end: d.end, approximate: !!m[1] };
  }
  return undefined;
}

/** The first duration the summary states, with its line and character range, and whether it is given as approximate. */
interface Stated {
  minutes: number;
  line: number;
  start: number;
  end: number;
  approximate: boolean;
}

function statedDuration(lines: { lineText(l: number): string }, blocks: readonly Block[]): Stated | undefined {
  let found: Stated | undefined;
  walkBlocks(blocks, (b) => {
    if (found || (b.kind !== 'paragraph' && b.kind !== 'table')) return;
    const from = b.kind === 'table' ? b.header.line : b.startLine;
    for (let line = from; line < b.endLine && !found; line++) {
      const text = lines.lineText(line);
      let best: Stated | undefined = undefined as Stated | undefined;
      for (const re of [CUE, ADJECTIVE]) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0].length === 0) re.lastIndex++;
          const d = durationAt(text, m.index + m[0].length);
          if (!d) continue;
          if (!best || m.index < best.start) best = { minutes: d.minutes, line, start: m.index, end: d.end, approximate: !!m[1] };
          break;
        }
      }
      found = best;
    }
  });
  return found;
}

/**
 * A window stated with its own length on one line, outside the timeline: "11:07 UTC => 13:40 UTC (02h 37min of
 * outage)", "from 14:02 to 15:40 (98 minutes)". The length is plain arithmetic on the two clocks (over midnight when
 * the end is earlier), so a difference of more than a minute is a mistake (more than 10%, at least 5 minutes, when
 * the length is given as "about").
 */
const CLOCK = String.raw`([01]?\d|2[0-3])[:.h]([0-5]\d)(?:\s?([ap])\.?m\.?)?`;
const WINDOW = new RegExp(
  String.raw`(?<![\d:.])${CLOCK}(?![\d:])[^\n]{0,12}?\s*(?:=>|→|->|–|—|-|\bto\b|\buntil\b|\btill\b)\s*(?:[^\d\n]{0,12}?)${CLOCK}(?![\d:])[ \t]*(?:(?:[A-Z]{2,5}(?:[+\-−]\d{1,2})?|[+\-−]\d{2}:?\d{2})[ \t]*)?(?:\(|,[ \t]*|\bfor\b|\blasting\b)\s*(?:(about|approximately|approx\.?|around|roughly|~)\s*)?`,
  'gi',
);
const H_M = /(\d{1,3})\s?h(?:ours?|rs?)?\s?(\d{1,2})\s?m(?:in(?:utes?|s)?)?(?![a-z])/iy;

function clockMinutes(h: string, m: string, ampm: string | undefined): number {
  let hour = Number(h) % 24;
  if (ampm) hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  return hour * 60 + Number(m);
}

interface WindowMismatch {
  line: number;
  start: number;
  end: number;
  stated: number;
  computed: number;
}

function windowMismatches(lines: { lineText(l: number): string; lineCount: number }, skip: (line: number) => boolean): WindowMismatch[] {
  const out: WindowMismatch[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    if (skip(line)) continue;
    const text = lines.lineText(line);
    WINDOW.lastIndex = 0;
    for (let m = WINDOW.exec(text); m; m = WINDOW.exec(text)) {
      const at = m.index + m[0].length;
      H_M.lastIndex = at;
      const hm = H_M.exec(text);
      const d = hm ? { minutes: Number(hm[1]) * 60 + Number(hm[2]), end: at + hm[0].length } : durationAt(text, at);
      if (!d || d.minutes <= 0) continue;
      // "10:07-10:29 AM": the end's AM/PM is the start's too when the start has none.
      const from = clockMinutes(m[1]!, m[2]!, m[3] ?? m[6]);
      const to = clockMinutes(m[4]!, m[5]!, m[6]);
      const computed = (to - from + 1440) % 1440;
      if (computed === 0) continue;
      const tolerance = m[7] ? Math.max(5, computed * 0.1) : 1;
      if (Math.abs(d.minutes - computed) > tolerance) out.push({ line, start: at, end: d.end, stated: d.minutes, computed });
    }
  }
  return out;
}

export const summaryDuration: Rule = {
  codes: {
    'summary.duration-mismatch': {
      severity: 'warning',
      description: 'The duration the summary states differs from the one the milestones give.',
    },
  },
  check(ctx) {
    const timelineSection = ctx.model.canonical.get('timeline');
    const inTimeline = (line: number) => !!timelineSection && line >= timelineSection.heading.startLine && line < timelineSection.endLine;
    for (const w of windowMismatches(ctx.model.lines, inTimeline)) {
      ctx.report({
        code: 'summary.duration-mismatch',
        message: `The window stated here lasts ${formatMinutes(w.computed)}, not ${formatMinutes(w.stated)}. Correct the times or the length.`,
        range: range(w.line, w.start, w.line, w.end),
        data: { statedMinutes: w.stated, computedMinutes: w.computed },
      });
    }
    const timeline = timelineOf(ctx);
    const milestones = timeline.metrics.durationMinutes;
    // Without started/resolved milestones, the entries' own words may bound the incident ("Problem starts" … "issue goes away").
    const worded = milestones === null ? wordedSpanMinutes(ctx.model.lines, timeline.events) : null;
    const computed = milestones ?? worded?.minutes ?? null;
    if (computed === null) return;
    const summary = ctx.model.canonical.get('summary');
    const blocks = summary ? sectionBlocks(ctx.model, summary) : preambleSummary(ctx.model);
        const stated = (blocks ? statedDuration(ctx.model.lines, blocks) : undefined) ?? metricDuration(ctx.model.lines, inTimeline);
    if (!stated) return;
    // Milestones are exact; words bound the incident less sharply, and "about 40 minutes" is rounded.
    const tolerance = worded ? Math.max(stated.approximate ? 10 : 5, Math.abs(computed) * (stated.approximate ? 0.2 : 0.15)) : Math.max(5, Math.abs(computed) * 0.1);
    if (Math.abs(stated.minutes - computed) <= tolerance) return;
    const from = worded ? `from "${excerpt(worded.startWords)}" (line ${worded.start.startLine + 1}) to "${excerpt(worded.endWords)}" (line ${worded.end.startLine + 1})` : '';
    ctx.report({
      code: 'summary.duration-mismatch',
      message: worded
        ? `The summary says the incident lasted ${formatMinutes(stated.minutes)}, but the timeline runs ${formatMinutes(computed)} ${from}. Correct one of them.`
        : `The summary says the incident lasted ${formatMinutes(stated.minutes)}, but its milestones (started → resolved) give ${formatMinutes(computed)}. Correct one of them.`,
      range: range(stated.line, stated.start, stated.line, stated.end),
      data: { statedMinutes: stated.minutes, computedMinutes: computed },
    });
  },
};
