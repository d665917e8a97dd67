/** Helpers for timeline tests: the resolved timeline of an inline document. */
import { analyze, DEFAULT_SETTINGS, settingsFrom, type Analysis, type Settings } from '../../server/src/service.js';
import { timelineFor, type Timeline } from '../../server/src/timeline/index.js';
import { isoInstant } from '../../server/src/time/zones.js';

/** Settings with timeline options (`defaultTimezone`, `dateOrder`) over the defaults. */
export function timelineSettings(raw: { defaultTimezone?: string; dateOrder?: 'DMY' | 'MDY' } = {}): Settings {
  return settingsFrom(raw, DEFAULT_SETTINGS);
}

/** The analysis and timeline of a document checked as a post-mortem. */
export function timelineOfText(text: string, settings: Settings = DEFAULT_SETTINGS): { analysis: Analysis; timeline: Timeline } {
  const analysis = analyze(text, { force: true, settings });
  return { analysis, timeline: timelineFor(analysis.model, settings) };
}

/** Each event's instant as ISO 8601 (or null). */
export function instants(timeline: Timeline): Array<string | null> {
  return timeline.events.map((e) => (e.utc !== undefined ? isoInstant(e.utc) : null));
}

/** `code@line` of every finding whose code starts with one of the prefixes (0-based lines). */
export function codesAt(analysis: Analysis, ...prefixes: string[]): string[] {
  return analysis.findings.filter((f) => prefixes.some((p) => f.code.startsWith(p))).map((f) => `${f.code}@${f.range.start.line}`);
}
