import { formatTime } from '../time/civil.js';
import { parseClockAt } from '../time/parse.js';
import { timelineFor } from '../timeline/index.js';
import type { TimelineEvent } from '../timeline/types.js';
import type { Analysis } from '../analysis.js';
import type { Range } from '../model/text.js';
import type { Fix, FixProvider, TextEdit } from './types.js';

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s?([aApP])/;

/** The 24-hour spelling of a 12-hour clock as written ("3:26 p.m." → "15:26"; "13:55 PM" → "13:55"), or undefined. */
export function twentyFourHour(clock: string): string | undefined {
  const parsed = parseClockAt(clock, 0);
  if (parsed?.time && parsed.twelveHour && parsed.end === clock.length) return formatTime(parsed.time);
  // "13:55 PM", "00:30 AM": already a 24-hour time with a stray AM/PM.
  const m = CLOCK.exec(clock);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const pm = m[4]!.toLowerCase() === 'p';
  if ((pm && hour >= 13 && hour <= 23) || (!pm && hour === 0)) return `${String(hour).padStart(2, '0')}:${m[2]}${m[3] ? `:${m[3]}` : ''}`;
  return undefined;
}

function editFor(analysis: Analysis, ev: TimelineEvent): TextEdit | undefined {
  if (!ev.clockRange || !ev.stamp.clock?.twelveHour) return undefined;
  const r = ev.clockRange;
  const written = analysis.model.lines.lineText(r.start.line).slice(r.start.character, r.end.character);
  const newText = twentyFourHour(written);
  return newText ? { range: r, newText } : undefined;
}

/** "Use 24-hour time" for a 12-hour entry (or a 24-hour one with a stray AM/PM), and for every one at once. */
export const use24hFix: FixProvider = {
  codes: ['timeline.12-hour-time', 'timeline.invalid-time'],
  fixes(analysis, finding) {
    const timeline = timelineFor(analysis.model, analysis.settings);
    const at = (r: Range | undefined) => !!r && r.start.line === finding.range.start.line && r.start.character === finding.range.start.character;
    const ev = timeline.events.find((e) => at(e.clockRange) || at(e.stampRange));
    const target = ev && editFor(analysis, ev);
    if (!target) return [];
    const out: Fix[] = [{ title: `Use 24-hour time (${target.newText})`, kind: 'quickfix', edits: [target], findings: [finding], isPreferred: true, safe: false }];
    // Only the entries a finding points at: with timeline.12-hour-time off, valid 12-hour times are left alone.
    const findings = analysis.findings.filter((f) => f.code === 'timeline.12-hour-time' || f.code === 'timeline.invalid-time');
    const pointed = new Set(findings.map((f) => `${f.range.start.line}:${f.range.start.character}`));
    const key = (r: Range | undefined) => (r ? `${r.start.line}:${r.start.character}` : '');
    const all = timeline.events
      .filter((e) => pointed.has(key(e.clockRange)) || pointed.has(key(e.stampRange)))
      .map((e) => editFor(analysis, e))
      .filter((e): e is TextEdit => !!e);
    if (all.length > 1) {
      out.push({ title: 'Use 24-hour time throughout the timeline', kind: 'quickfix', edits: all, findings, safe: false });
    }
    return out;
  },
};
