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
const PART = /(\d+(?:\.\d+)?|an?|one|half an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(d|days?|h|hrs?|hours?|m|mins?|minutes?)(?![A-Za-z])/iy;
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
    const n = m[1]!.toLowerCase();
    const count = own(NUMBER_WORDS, n) ?? Number(n);
    minutes += count * UNIT_MINUTES[m[2]![0]!.toLowerCase()]!;
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
/** "0:32", "03:47" after such a label: hours and minutes. */
const CLOCK_DURATION = /(\d{1,3}):([0-5]\d)(?![\d:])/y;

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

export const summaryDuration: Rule = {
  codes: {
    'summary.duration-mismatch': {
      severity: 'warning',
      description: 'The duration the summary states differs from the one the milestones give.',
    },
  },
  check(ctx) {
    const timeline = timelineOf(ctx);
    const milestones = timeline.metrics.durationMinutes;
    // Without started/resolved milestones, the entries' own words may bound the incident ("Problem starts" … "issue goes away").
    const worded = milestones === null ? wordedSpanMinutes(ctx.model.lines, timeline.events) : null;
    const computed = milestones ?? worded?.minutes ?? null;
    if (computed === null) return;
    const summary = ctx.model.canonical.get('summary');
    const blocks = summary ? sectionBlocks(ctx.model, summary) : preambleSummary(ctx.model);
        const timelineSection = ctx.model.canonical.get('timeline');
    const inTimeline = (line: number) => !!timelineSection && line >= timelineSection.heading.startLine && line < timelineSection.endLine;
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
