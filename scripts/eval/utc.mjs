#!/usr/bin/env node
// A labeller's helper: the UTC instant of a local wall-clock time in an IANA zone,
// computed with the platform's Intl data only (none of the extension's code), so the
// labels of the evaluation corpus stay independent of what they measure.
// Usage: node scripts/eval/utc.mjs 2021-03-14T01:30 America/New_York
const [local, zone] = process.argv.slice(2);
const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local ?? '');
if (!m || !zone) {
  console.error('usage: node scripts/eval/utc.mjs YYYY-MM-DDTHH:MM[:SS] IANA/Zone');
  process.exit(2);
}
const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
const wall = Date.UTC(y, mo - 1, d, h, mi, s);
const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const offsetAt = (t) => {
  const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - t;
};
// Candidate instants: the wall time minus each offset the zone has within a day of it.
const offsets = new Set([offsetAt(wall - 86400000), offsetAt(wall), offsetAt(wall + 86400000)]);
const hits = [...offsets].map((o) => wall - o).filter((t) => offsetAt(t) === wall - t).sort((a, b) => a - b);
const iso = (t) => new Date(t).toISOString().replace(/\.000Z$/, 'Z').replace(/:00Z$/, s ? ':00Z' : 'Z');
if (hits.length === 0) console.log(`nonexistent: ${local} falls in a DST gap in ${zone}`);
else if (hits.length > 1) console.log(`ambiguous: ${hits.map(iso).join(' or ')} (DST overlap in ${zone})`);
else console.log(iso(hits[0]));
