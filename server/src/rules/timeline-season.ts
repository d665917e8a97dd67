import { summaryFacts } from '../content/summary.js';
import { timelineOf } from '../timeline/context.js';
import { dateOrderOf } from '../timeline/date-order.js';
import { documentDate } from '../timeline/dates.js';
import { seasonalRegion } from '../time/abbreviations.js';
import { dayNumber, formatDate, MS_PER_DAY, type CivilDate } from '../time/civil.js';
import { zoneAfterTime } from '../time/zone-token.js';
import { localToInstant } from '../time/zones.js';
import type { Rule, RuleContext } from './types.js';

/** A standard-time abbreviation in its daylight season (PST in June) or the reverse: the times are read on the region's clock. */
export const timelineSeason: Rule = {
  codes: {
    'timeline.dst-abbreviation': {
      severity: 'warning',
      description: 'A standard-time abbreviation used in its daylight-saving season (PST in June) or the reverse (PDT in January).',
    },
  },
  check(ctx) {
    for (const m of timelineOf(ctx).seasonMismatches) {
      const ev = timelineOf(ctx).events[m.eventIndex]!;
      const when = ev.date ? formatDate(ev.date) : 'that date';
      ctx.report({
        code: 'timeline.dst-abbreviation',
        message: `"${m.label}" is the other season's abbreviation on ${when}. ${m.region} kept the other offset that day. The times are read as ${m.region} wall-clock time${m.count > 1 ? ` (${m.count} entries)` : ''}; write the zone name or the offset to say it plainly.`,
        range: m.range,
        data: { label: m.label, region: m.region },
      });
    }
    summarySeason(ctx);
  },
};

const BESIDE_OFFSET = /^\s*[(/,]?\s*(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?([0-5]\d))?(?!\d)/;

/** The offset in minutes written right after an abbreviation ("PST (UTC-7)"), or undefined. */
function besideOffset(after: string): number | undefined {
  const m = BESIDE_OFFSET.exec(after);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '+' ? minutes : -minutes;
}

/**
 * The same in the summary ("12:22PM PST to 3:00PM PST" on 16 July), on the document's
 * day: once per abbreviation, and not on a day the region changed its clocks.
 */
function summarySeason(ctx: RuleContext): void {
  const { model } = ctx;
  const facts = ctx.cached('content.summary', () => summaryFacts(model));
  if (!facts?.times.length) return;
  // The document's day is looked for only once a summary time has a seasonal abbreviation.
  let day: CivilDate | undefined | null = null;
  const seen = new Set<string>();
  // A summary line that is also an entry of the timeline has had its say there.
  const reported = new Set(timelineOf(ctx).seasonMismatches.map((m) => m.range.start.line));
  for (const t of facts.times) {
    if (reported.has(t.line)) continue;
    const text = model.lines.lineText(t.line);
    const token = zoneAfterTime(text, t.end);
    if (token?.lookup.kind !== 'zone' || token.lookup.zone.kind !== 'fixed') continue;
    // "PST (UTC-8)" in July: the offset written beside it says which clock was meant ("PST (UTC-7)" is still the wrong name).
    const beside = besideOffset(text.slice(token.end));
    const zone = token.lookup.zone;
    const name = seasonalRegion(zone.label);
    if (!name || seen.has(zone.label)) continue;
    seen.add(zone.label);
    if (day === null) day = documentDate(model, dateOrderOf(model, ctx.settings)) ?? timelineOf(ctx).events.find((e) => e.date)?.date;
    if (!day) return;
    const region = { kind: 'iana' as const, name, label: name };
    const start = dayNumber(day) * MS_PER_DAY;
    const morning = localToInstant(region, start);
    const evening = localToInstant(region, start + MS_PER_DAY - 60_000);
    if (morning.kind !== 'ok' || evening.kind !== 'ok' || morning.offset !== evening.offset || morning.offset === zone.offsetMinutes) continue;
    if (beside !== undefined && beside !== morning.offset) continue;
    ctx.report({
      code: 'timeline.dst-abbreviation',
      message: `"${zone.label}" is the other season's abbreviation on ${formatDate(day)}. ${name} kept the other offset that day; write the zone name or the offset to say it plainly.`,
      range: { start: { line: t.line, character: token.start }, end: { line: t.line, character: token.end } },
      data: { label: zone.label, region: name },
    });
  }
}
