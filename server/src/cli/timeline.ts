/**
 * `postmortem timeline --format json|csv FILE`: the timeline of one post-mortem as
 * data. JSON: {"timezone", "events": [{"line", "utc", "text"}], "milestones", "metrics"},
 * `line` 0-based, `utc` an ISO 8601 instant ending in Z or null; an event whose `utc` is
 * null also has `unresolved` (why) and, when its date and time are known, `local`.
 */
import { realpathSync } from 'node:fs';
import { readInput } from './read.js';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { analyze, DEFAULT_SETTINGS, settingsFrom, type Settings } from '../service.js';
import { toMermaid } from '../view/mermaid.js';
import type { TimelineView } from '../protocol.js';
import { timelineView } from '../timeline/view.js';
import { parseZoneName } from '../time/zones.js';
import { UsageError } from './files.js';
import { own } from '../own.js';
import { csvCell, jsonSafe } from './neutral.js';

/** Output formats by name. */
export const TIMELINE_FORMATS: Record<string, (view: TimelineView) => string> = {
  json: timelineJson,
  csv: timelineCsv,
  mermaid: (view) => toMermaid(view),
};

export const TIMELINE_HELP = `Usage: postmortem timeline [--format json|csv|mermaid] [--timezone ZONE] [--date-order DMY|MDY|auto] [--config FILE] FILE

Prints the timeline of a post-mortem: every entry with its instant, the milestones and the
incident metrics in minutes.

Options:
  --format json|csv|mermaid
                          Output format (default: json); mermaid is a diagram GitHub renders
  --timezone ZONE         Zone for times nothing else places (IANA name, UTC or +02:00);
                          like the postmortem.defaultTimezone setting
  --date-order DMY|MDY|auto  How numeric dates like 03/04 are read (default: auto, from the document)
  --config FILE           Use this .postmortemrc.json/.yaml instead of the one found upward
  -h, --help              Show this help`;

export interface TimelineOptions {
  format: string;
  timezone?: string;
  dateOrder?: string;
}

/** The timeline of one file in a format; UsageError for bad options or an unreadable file. */
export function timelineCommand(file: string, options: TimelineOptions, base: Settings = DEFAULT_SETTINGS): string {
  const render = own(TIMELINE_FORMATS, options.format);
  if (!render) throw new UsageError(`unknown format "${options.format}" (${Object.keys(TIMELINE_FORMATS).join(' or ')})`);
  if (options.timezone !== undefined && !parseZoneName(options.timezone)) {
    throw new UsageError(`unknown time zone "${options.timezone}" (an IANA name like Europe/Berlin, UTC, or an offset like +02:00)`);
  }
  if (options.dateOrder !== undefined && options.dateOrder !== 'DMY' && options.dateOrder !== 'MDY' && options.dateOrder !== 'auto') {
    throw new UsageError(`unknown date order "${options.dateOrder}" (DMY, MDY or auto)`);
  }
  let real: string;
  try {
    real = realpathSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const input = readInput(real);
  if ('reason' in input) throw new UsageError(`${file}: ${input.reason}`);
  const text = input.text;
  const settings = settingsFrom({ defaultTimezone: options.timezone, dateOrder: options.dateOrder }, base);
  const analysis = analyze(text, { path: file, settings, force: true });
  return render(timelineView(analysis, pathToFileURL(resolve(file)).href, 0));
}

/** The JSON the issue specifies: one object, events reduced to line, utc and text (and why there is no instant). */
export function timelineJson(view: TimelineView): string {
  return jsonSafe(JSON.stringify(
    {
      timezone: view.timezone,
      // An entry without an instant says why, and its wall-clock reading when it has one.
      events: view.events.map((e) => ({ line: e.line, utc: e.utc, text: e.text, ...(e.utc === null ? { unresolved: e.unresolved ?? null, ...(e.local ? { local: e.local } : {}) } : {}) })),
      milestones: view.milestones,
      metrics: view.metrics,
    },
    null,
    2,
  ));
}

const CSV_COLUMNS = ['line', 'utc', 'date_only', 'raw', 'text', 'milestone', 'people', 'unresolved', 'local'] as const;

/** RFC 4180 CSV, one row per event, with a header row; cells neutralised against formulas and control characters (csvCell). */
export function timelineCsv(view: TimelineView): string {
  const rows = view.events.map((e) =>
    [e.line, e.utc, e.dateOnly ? 'true' : '', e.raw, e.text, e.milestone, e.people.join(' '), e.unresolved, e.local].map(csvCell).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n');
}
