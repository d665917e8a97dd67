import type { PostMortemModel } from '../model/document.js';
import { blocksBetween, isEditorialNote, isMetadataLine, sectionBlocks } from '../model/document.js';
import type { Range } from '../model/text.js';
import type { Block } from '../model/markdown.js';
import type { Section } from '../model/sections.js';
import { proseLines, type ProseLine } from './text.js';
import { mentionsZone } from './zones.js';
import { writesFourDigitClocks } from '../model/meaning.js';

/**
 * What an incident summary says: the four things the guide asks of it (the nature
 * of the incident, its duration, its impact, its resolution), the clock times it
 * gives and whether it names their zone. The opening paragraphs under the title
 * count as summary too, whether or not a Summary section follows.
 */
export interface SummaryFacts {
  /** Where findings about the summary as a whole go: its heading, or its first line. */
  anchor: Range;
  lines: ProseLine[];
  nature: boolean;
  duration: boolean;
  impact: boolean;
  resolution: boolean;
  /** When it started: a date or a time (the title's date counts), or "this morning", "on Monday". */
  start: boolean;
  /** Clock times, in order. */
  times: ClockTime[];
  /** True when the summary names a time zone (UTC, CEST, Europe/Berlin, +02:00…). */
  zoneStated: boolean;
}

export interface ClockTime {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** The summary's facts, or undefined when the document has no summary (section.missing reports that). */
export function summaryFacts(model: PostMortemModel): SummaryFacts | undefined {
  const section = model.canonical.get('summary');
  // A note about the document ("**! This document is open to feedback … !**") summarises nothing.
  const preamble = blocksBetween(model.blocks, model.preamble.startLine, model.preamble.endLine).filter((b) => b.kind !== 'paragraph' || !isEditorialNote(b.content));
  // Under the title, a block of fields ("**Date:** …", "**Duration:** 12:00am to 9:00am") heads the report; with a
  // summary of its own, the summary is that section's text, not the fields above it.
  const opening = proseLines(model, preamble).filter((l) => !(section && isMetadataLine(l.text)));
  // "**Author**: Jane", "Status: draft": fields about the document, not what summarises the incident.
  const lines = [...opening, ...(section ? proseLines(model, summaryBlocks(model, section)) : [])].filter((l) => !DOCUMENT_FIELD.test(l.text));
  if (!section && !lines.length) return undefined;
  // A "TODO: add the impact" is a note that the impact is missing, not the impact.
  const text = lines.map((l) => l.text.replace(/\b(?:TODO|TBD|FIXME|XXX)\b.*$/, '')).join('\n');
  const fourDigit = writesFourDigitClocks(model);
  const times = lines.flatMap((l) => (fourDigit ? [...clockTimes(l), ...fourDigitTimes(l)].sort((a, b) => a.start - b.start) : clockTimes(l)));
  const anchorLine = section?.heading.startLine ?? lines[0]!.line;
  // A vulnerability found before anyone was harmed has no outage to time.
  const outage = OUTAGE.test(text) || !DISCLOSURE.test(text);
  return {
    anchor: model.lines.trimmedLineRange(anchorLine),
    lines,
    start: DATE_ONE.test(text) || VERSION_SPAN.test(text) || /\b\d{1,2}:\d{2}/.test(text) || times.length > 0 || START.test(text) || !!model.title && (DATE_ONE.test(model.title.text) || /\b\d{4}-\d{2}-\d{2}\b/.test(model.title.text)),
    nature: NATURE.test(text) || text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 12,
    // Two clock times or two dates bound the incident as well as "for 98 minutes" does.
    duration: !outage || DURATION.test(text) || RANGE.test(text) || VERSION_SPAN.test(text) || new Set(times.map((t) => t.text)).size >= 2 || distinctDates(text) >= 2,
    impact: IMPACT.test(text),
    resolution: RESOLUTION.test(text),
    times,
    zoneStated: mentionsZone(text),
  };
}

/** The summary's blocks, up to a sub-part that is another section ("# Summary" over "## Timeline"). */
function summaryBlocks(model: PostMortemModel, section: Section): Block[] {
  const other = section.children.find((c) => c.canonical && c.canonical !== 'summary' && !c.weak);
  return other ? blocksBetween(model.blocks, section.bodyStartLine, other.heading.startLine) : sectionBlocks(model, section);
}

const DOCUMENT_FIELD = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:authors?|written\s+by|status|(?:severity|sev|priority)(?:\s+level)?|owner|reviewers?|editors?|last\s+updated|updated|published|version|incident\s+(?:id|number|commander|lead)|id|ticket|contributors?|participants|attendees|tags?|category|document\s+owner)\s*(?:\*\*|__)?\s*:/i;
const OUTAGE = /\b(?:outages?|down|downtime|unavailab\w*|degrad\w*|fail\w*|errors?|unable|could\s+not|couldn'?t|disrupt\w*|interrupt\w*|slow\w*|latency|time[sd]?\s?outs?|crash\w*|stopped|stuck|lost|loss|[45]\d\d)\b/i;
const DISCLOSURE = /\b(?:vulnerab\w*|exploit\w*|disclos\w*|security\s+(?:bug|issue|flaw))\b/i;
const START = /\b(?:yesterday|today|this\s+(?:morning|afternoon|evening)|last\s+night|tonight|(?:on|last)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

// "6.00 AM": a dot for the colon, as British and European writers put it, only with its AM/PM ("3.50" alone is a number).
// A hyphen before a time is a range's when a 12-hour time stands before it ("4am-7am EST"); else it may be an offset ("-05:00").
const CLOCK = /(?:(?<![\w:./-])|(?<=\d\s?[ap]\.?m\.?-))(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])(?:\.[0-5]\d)?\s?[ap]\.?m\.?)(?![\w:])/gi;

/** The clock times in a line of prose ("14:02", "3:26pm", "4 PM"). */
export function clockTimes(line: ProseLine): ClockTime[] {
  return [...line.text.matchAll(CLOCK)].map((m) => ({ line: line.line, start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

/**
 * "(~1727) to … (~1900)": where the document writes its times as four digits, its summary does too. A
 * number that could be a year (1900–2039) counts only when marked as a time by "~" or "at".
 */
const FOUR_DIGIT_TIME = /(?<![\w:./,-])(~\s?|\bat\s+)?((?:[01]\d|2[0-3])[0-5]\d)(?![\w:./,%-])/g;
function fourDigitTimes(line: ProseLine): ClockTime[] {
  const out: ClockTime[] = [];
  for (const m of line.text.matchAll(FOUR_DIGIT_TIME)) {
    const value = Number(m[2]);
    if (!m[1] && value >= 1900 && value <= 2039) continue;
    const start = m.index! + (m[1]?.length ?? 0);
    out.push({ line: line.line, start, end: start + m[2]!.length, text: m[2]! });
  }
  return out;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = new RegExp(String.raw`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?${MONTH}(?!\w)|\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`, 'gi');

const DATE_ONE = new RegExp(DATE.source, 'i');

/** The days a text names: its dates, or its weekdays ("on Thursday evening … by Friday afternoon"), whichever are more. */
function distinctDates(text: string): number {
  const dates = new Set([...text.matchAll(DATE)].map((m) => m[0].toLowerCase().replace(/\W+/g, ' ').replace(/\b(?:st|nd|rd|th|of)\b/g, '').trim())).size;
  const weekdays = new Set([...text.matchAll(WEEKDAY)].map((m) => m[1]!.toLowerCase())).size;
  return Math.max(dates, weekdays);
}

const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;

const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety|a\s+few|few|several|a\s+couple\s+of|couple\s+of|half\s+an?|many)`;
const DURATION = new RegExp(
  String.raw`\b\d+h\d+m?\b|\b${NUMBER}[\s-]*(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\b|\b(?:for|lasting|lasted|of)\s+${NUMBER}\s*(?:seconds?|secs?)\b|\b(?:all\s+day|overnight|over\s+the\s+weekend|half\s+a\s+day)\b` +
    // In words: "lasted most of Sunday", "the whole morning", "all afternoon".
    String.raw`|\b(?:lasted|lasting)\s+(?:(?:for\s+)?(?:most|much|all|part|the\s+(?:whole|entire|rest))\s+(?:of\s+)?|(?:until|till|through)\s+)|\b(?:the\s+)?(?:whole|entire)\s+(?:day|morning|afternoon|evening|night|weekend)\b|\ball\s+(?:morning|afternoon|evening|night|weekend)\b`,
  'i',
);
// "till about 1300": a 24-hour time written without its colon counts inside a range.
const CLOCK_TOKEN = String.raw`(?:\d{1,2}:\d{2}|\d{1,2}\s?[ap]\.?m\.?|noon|midnight|(?:[01]\d|2[0-3])[0-5]\d\b(?!\s*(?:users?|people|requests|%)))`;
const DAY_TOKEN = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?${MONTH}|${MONTH}\s+\d{1,2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)`;
const TOKEN = String.raw`(?:${CLOCK_TOKEN}|${DAY_TOKEN})`;
/** "from 14:02 to 15:40", "between Monday and Wednesday", "14:02–15:40", "from November 11 … to November 14". */
const RANGE = new RegExp(
  String.raw`\bfrom\s+(?:[^.;]{0,40}?\s)?${TOKEN}[^.;]{0,60}?\b(?:to|until|till|through)\s+(?:[^.;]{0,30}?\s)?${TOKEN}|\bbetween\s+(?:[^.;]{0,40}?\s)?${TOKEN}[^.;]{0,40}?\band\s+(?:[^.;]{0,30}?\s)?${TOKEN}|\b\d{1,2}:\d{2}\s*[-–—]\s*\d{1,2}:\d{2}\b`,
  'i',
);

/**
 * A bug's "when" and "how long" as its releases: "Between Monero versions v0.14.1.0 and v0.17.2.2",
 * "Affected versions: GUI/CLI wallet versions v0.13.0.2 to v0.18.2.1", "from 2.3.0 to 2.4.1".
 */
const VERSION = String.raw`v?\d+(?:\.\d+)+`;
const VERSION_SPAN = new RegExp(
  String.raw`\bbetween\s+(?:[\w-]+\s+){0,3}?(?:versions?|releases?)\s+${VERSION}\s+and\s+${VERSION}\b|\b(?:versions?|releases?)(?:\s*:\s*|\s+)(?:[\w/-]+\s+){0,3}?${VERSION}\s*(?:to|through|until|up\s+to|[-–—])\s*${VERSION}\b|\bfrom\s+(?:versions?\s+)?${VERSION}\s+(?:to|through|until)\s+${VERSION}\b`,
  'i',
);

const NATURE = /\b(?:outages?|down|downtime|fail\w*|errors?|unavailab\w*|degrad\w*|broke\w*|broken|crash\w*|bugs?|incidents?|issues?|problems?|disrupt\w*|interrupt\w*|time[sd]?\s?outs?|timed\s+out|latency|slow\w*|expired?|leak\w*|vulnerab\w*|attacks?|breach\w*|compromis\w*|loss|lost|missing|could\s+not|couldn'?t|unable|stopped|stuck|exhaust\w*|overload\w*|misconfigur\w*|regressions?|corrupt\w*|[45]\d\d)\b/i;

/**
 * Who or what was affected: people, counted units of work, money, or a share.
 * Functions named in the singular ("checkout failed") are the nature, not the impact.
 */
const IMPACT = /\b(?:impact\w*|affect\w*|users?|customers?|clients?|visitors?|members?|tenants?|accounts?|merchants?|shoppers?|players?|subscribers?|people|students?|learners?|developers|contributors|maintainers|readers|viewers|employees|staff|operators|partners|teams|requests|queries|calls|orders|payments|transactions|checkouts|purchases|sign-?ins|logins|builds|deployments|jobs|messages|e-?mails|notifications|events|data|traffic|revenue|sales|sites|pages|website|applications|apps|workloads|downtime|outages?|unavailable|inaccessible|unaccessible|unreachable|degraded|lost|loss)\b|(?<!\d)\d+(?:[.,]\d+)?\s*%|\bper\s*cent\b|\b(?:all|every|many|several|some|most|other|one|a|two|three|four|five|\d+|a\s+(?:large\s+|small\s+)?number\s+of)\s+(?:of\s+(?:the|our)\s+)?(?:other\s+)?(?:(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[\w-]+\s+){0,2}(?:pods|services|workloads|nodes|clusters|teams?|components|instances|servers|hosts|domains|namespaces)\b|\b(?:could\s+not|couldn'?t|cannot|can'?t|unable\s+to|(?:no\s*one|nobody)\s+(?:could|was\s+able\s+to)|prevent(?:ed|ing|s)?\s+[^.;]{1,40}?\s+from)\s+(?:\w+\s+){0,2}?(?:log\s*in|logging\s+in|sign\s*in|access\w*|reach\w*|connect\w*|use|using|launch\w*|start\w*|creat\w*|build\w*|deploy\w*|load\w*|open\w*|download\w*|upload\w*|send\w*|receiv\w*|view\w*|post\w*|pay\w*|push\w*|pull\w*|install\w*|spawn\w*|run\w*|get(?:ting)?)\b/i;

/** Said as done (a bare "resolve" is often DNS's: "could not resolve names"). */
const RESOLUTION = /\b(?:resolved|resolution|fixed|fix(?:es)?\b(?!\s+(?:the|this|it|that|these|those|our|all|a|an)\b)|solved|solve\s+(?:the|this|it)|solution|mitigated|mitigation|roll(?:ed|ing)\s*back|rollbacks?|reverted|reverting|restored|recover(?:ed|y|s|ing)?|restarted|rebooted|patched|workaround|back\s+to\s+normal|back\s+online|healthy\s+again|returned\s+to\s+normal|remediated|terminated|removed|deleted|disabled|replaced|redeployed|fail(?:ed)?\s+over\s+to\b|raised|increased|scaled|renewed|rotated|reissued|re-?enabled|switched|migrated|stopped|revoked|invalidated|corrected|repaired|unblocked|cleared|cleaned\s+up|freed\s+up|rebuilt|reinstalled|recreated|re-?created|redeployed|resumed|resolves|fixed\s+by|banned|(?:forced|did|performed|issued|triggered|ran)\s+an?\s+(?:(?:manual|full|hard|forced)\s+)?(?:restart|reboot|rollback|roll-?back|failover|fail-?over|redeploy(?:ment)?)\b)\b|\b(?:update|upgrade)(?:d|s)?\s+(?:\w+\s+){0,2}?to\s+(?:v(?:ersion)?\s*)?\d+\.\d|\b(?!(?:tried|attempted|wanted|needed|planned|hoped|worked|started|struggled|failed|managed|used|continued)\b)\w+ed\b[^.;]{0,60}\bto\s+fix\s+(?:it|this|the)\b/i;
