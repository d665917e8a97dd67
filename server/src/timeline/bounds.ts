/**
 * Where a timeline plainly says the incident began and ended, in its entries' own
 * words ("Problem starts", "Users start running into issues", "datahub is fully
 * operational again", "issue goes away"), for a timeline without `started`/`resolved`
 * milestones. The phrases are data with examples and counter-examples (a unit test
 * reads each); a timeline whose words mark no beginning or no end has no bounds.
 */
import type { LineIndex } from '../model/text.js';
import type { TimelineEvent } from './types.js';

export interface BoundPhrases {
  phrases: string[];
  examples: string[];
  counterExamples: string[];
}

export const START_PHRASES: BoundPhrases = {
  phrases: [
    '(?:problem|issue|outage|incident|impact|degradation|downtime|disruption)s? (?:starts?|started|begins?|began|beginning)',
    '(?:users?|customers?|students?|people|clients?) (?:start|started|starts|begin|began) (?:running into|experiencing|seeing|getting|hitting|to see|to get|to experience)',
    'start of (?:the )?(?:outage|incident|impact|downtime)',
    '(?:outage|incident|impact|downtime) start',
  ],
  examples: ['Problem starts', 'Users start running into issue now, with connection failures.', 'Start of outage', 'Outage began at the edge', 'customers started seeing 502s'],
  counterExamples: ['Deploy starts', 'We start investigating', 'Started the rollback', 'The issue is resolved'],
};

export const END_PHRASES: BoundPhrases = {
  phrases: [
    '(?:fully )?operational again',
    'back to normal',
    '(?:issue|problem|error|outage|incident)s? (?:goes|go|went) away',
    '(?:incident|outage|issue|problem|impact|downtime) (?:is |was |has been )?(?:resolved|over|ended|ends)',
    'end of (?:the )?(?:outage|incident|impact|downtime)',
    '(?:service|services|site|access|everything) (?:is |was |has been |have been )?(?:fully )?(?:restored|back)',
  ],
  examples: [
    'Last reported user with 500 error is fixed, and datahub is fully operational again.',
    'Delete gke-resource-quotas and issue goes away',
    'Incident resolved.',
    'Our on call people declared the incident resolved',
    'End of outage',
    'Service restored for all users',
  ],
  counterExamples: ['Most users are fine by now', 'Restore script begins execution', 'We believe the issue is in the proxy', 'The outage is ongoing'],
};

const compile = (b: BoundPhrases) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${b.phrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const START = compile(START_PHRASES);
const END = compile(END_PHRASES);

export const marksStart = (text: string): boolean => START.test(text);
export const marksEnd = (text: string): boolean => END.test(text);

/**
 * The span the timeline's words give the incident, in minutes: from the first entry, when
 * it says the impact began, to the first entry after it that says it ended; null when
 * either is not plainly written or an entry in between has no instant.
 */
export function wordedSpanMinutes(lines: LineIndex, events: readonly TimelineEvent[]): { minutes: number; start: TimelineEvent; end: TimelineEvent; startWords: string; endWords: string } | null {
  const first = events[0];
  const startWords = first ? wordsOf(lines, events, 0) : '';
  if (!first || first.utc === undefined || first.dateOnly || !marksStart(startWords)) return null;
  for (let i = 1; i < events.length; i++) {
    const ev = events[i]!;
    if (ev.utc === undefined || ev.dateOnly || ev.utc < first.utc) return null;
    const endWords = wordsOf(lines, events, i);
    if (marksEnd(endWords)) return { minutes: Math.round((ev.utc - first.utc) / 60_000), start: first, end: ev, startWords: phrase(START, startWords), endWords: phrase(END, endWords) };
  }
  return null;
}

const MAX_BODY_LINES = 12;

/** The words that matched, for the message. */
function phrase(re: RegExp, text: string): string {
  return re.exec(text)?.[0] ?? text;
}

/** An entry's words; for a heading entry ("### 21:10"), the text under it too, up to the next entry. */
function wordsOf(lines: LineIndex, events: readonly TimelineEvent[], i: number): string {
  const ev = events[i]!;
  if (!ev.group.includes('heading:')) return ev.text;
  const to = Math.min(events[i + 1]?.startLine ?? lines.lineCount, ev.startLine + MAX_BODY_LINES, lines.lineCount);
  const body: string[] = [ev.text];
  for (let line = ev.startLine + 1; line < to; line++) body.push(lines.lineText(line));
  return body.join(' ');
}
