/**
 * The timeline over the real post-mortems of ../shared/corpus. Expectations come
 * from reading the files; the per-folder counts are printed as test diagnostics
 * (run: node scripts/run-tests.mjs test/corpus).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/service.js';
import { timelineFor } from '../../server/src/timeline/index.js';
import { isoInstant } from '../../server/src/time/zones.js';
import { corpusDir, corpusFiles } from '../helpers/corpus.js';

const root = corpusDir();
const files = corpusFiles();
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const load = (file: string) => {
  const analysis = analyze(read(file), { path: file, force: true });
  return { analysis, timeline: timelineFor(analysis.model, analysis.settings) };
};

test('Log4Shell: the 14:30 row that follows 15:50 gets timeline.order, and no other row does', () => {
  const file = 'dfds/PM2021-011 - Log4Shell.md';
  const lines = read(file).split('\n');
  const row = lines.findIndex((l) => l.startsWith('| 2021-12-13   14:30'));
  assert.ok(lines[row - 1]!.startsWith('| 2021-12-13   15:50'));
  const order = load(file).analysis.findings.filter((f) => f.code === 'timeline.order');
  assert.deepEqual(order.map((f) => f.range.start.line), [row]);
});

test('dfds: every row of every timeline table is an event; only the typos and placeholders have no instant', () => {
  // Read by hand: PM2020-003 writes the year 20202 (five rows); PM2022-004 has "2022-02-?? ??:??",
  // PM2022-006 "2021/22-??-?? HH:mm" and "2022-05-?? HH:mm"; the template "20xx-MM-DD HH:mm";
  // PM2024-001 "2024-03-13 14:??" twice (the hour is given, the minutes are not: no instant, and not the whole day).
  const expectedUnresolved: Record<string, string[]> = {
    'dfds/PM2024-001 - Two Kubernetes nodes went into NotReady state.md': ['no-time', 'no-time'],
    'dfds/PM2020-003 - Postmortem for ADSync migration.md': ['invalid', 'invalid', 'invalid', 'invalid', 'invalid'],
    'dfds/PM2022-004 - Kafka metrics missing from Prometheus.md': ['incomplete'],
    'dfds/PM2022-006 - ALB 502 errors.md': ['incomplete', 'incomplete'],
    'dfds/PMyyyy-nnn - Postmortem template.md': ['incomplete'],
  };
  const dfds = files.filter((f) => f.startsWith('dfds/PM'));
  assert.ok(dfds.length >= 39);
  for (const file of dfds) {
    // The rows of the table under "## Timeline", counted from the text: every line starting with "|", minus the header and the rule.
    const lines = read(file).split('\n');
    const start = lines.findIndex((l) => /^## Timeline/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    const rows = lines.slice(start, end < 0 ? undefined : end).filter((l) => l.startsWith('|')).length - 2;
    const { timeline } = load(file);
    assert.equal(timeline.events.length, rows, file);
    assert.deepEqual(timeline.events.filter((e) => e.utc === undefined).map((e) => e.reason), expectedUnresolved[file] ?? [], file);
    assert.ok(timeline.zone, `${file}: "All times in UTC/CET." or a "Date and Time in CET" column states the zone`);
  }
});

test('dfds: timeline.order only where the file is out of order (Log4Shell, and 11:08 before 11:07 in PM2023-001)', () => {
  const withOrder = files.filter((f) => f.startsWith('dfds/') && load(f).timeline.order.length > 0);
  assert.deepEqual(withOrder, ['dfds/PM2021-011 - Log4Shell.md', 'dfds/PM2023-001 - Total node failure.md']);
});

test('dfds: "CET" and "UTC" statements and the date-only rows are read as written', () => {
  const cet = load('dfds/PM2019-010 - Hellman Kubernetes cluster node deletion.md').timeline; // "Date and Time in CET"
  assert.equal(isoInstant(cet.events[0]!.utc!), '2019-12-03T23:30:00Z'); // 2019-12-04 00:30 at UTC+01:00
  const log4 = load('dfds/PM2021-011 - Log4Shell.md').timeline;
  assert.deepEqual([log4.events[0]!.dateOnly, isoInstant(log4.events[0]!.utc!)], [true, '2021-12-10T00:00:00Z']);
});

test('posthog: bold UTC times get the date of the title; "Jan 14, 10:18 AM" the year of the Date line; "(Oct 30)" its day', () => {
  const flags = load('posthog/2025-09-29-flags-is-down.md').timeline;
  assert.equal(flags.events.length, 8);
  assert.deepEqual([isoInstant(flags.events[0]!.utc!), isoInstant(flags.events[7]!.utc!)], ['2025-09-29T16:58:00Z', '2025-09-29T18:46:00Z']);
  const replay = load('posthog/2026-01-17-replay-sdk-fetch-wrapper-incident.md').timeline;
  assert.equal(replay.events.length, 10);
  assert.equal(isoInstant(replay.events[0]!.utc!), '2026-01-14T10:18:00Z');
  assert.equal(isoInstant(replay.events[1]!.utc!), '2026-01-15T17:33:00Z', '5:33 PM');
  const recurring = load('posthog/2025-10-21-feature-flags-recurring-outages.md').timeline;
  const last = recurring.events.slice(-2).map((e) => isoInstant(e.utc!));
  assert.deepEqual(last, ['2025-10-30T00:03:00Z', '2025-10-30T05:39:00Z']);
  assert.ok(recurring.events.every((e) => e.utc !== undefined));
  assert.deepEqual(recurring.order, []);
});

test('learningequality: 12-hour times are read, and having no zone is one warning, not four', () => {
  const { analysis, timeline } = load('learningequality/004-sushibar-certificate-expired.md');
  assert.deepEqual(timeline.events.map((e) => `${e.date?.day} ${e.time?.hour}:${e.time?.minute}`), ['22 15:26', '22 16:12', '22 16:24', '23 10:8']);
  assert.deepEqual(timeline.events.map((e) => e.reason), ['no-zone', 'no-zone', 'no-zone', 'no-zone']);
  assert.equal(analysis.findings.filter((f) => f.code === 'timeline.timezone-missing').length, 1);
});

test('every corpus timeline: events and unresolved events per folder (printed), no rule failure', (t) => {
  const perFolder = new Map<string, { files: number; events: number; unresolved: Map<string, number> }>();
  for (const file of files) {
    const { analysis, timeline } = load(file);
    assert.ok(!analysis.findings.some((f) => f.code === 'internal.rule-error'), file);
    const folder = file.split('/')[0]!;
    const s = perFolder.get(folder) ?? { files: 0, events: 0, unresolved: new Map() };
    s.files++;
    s.events += timeline.events.length;
    for (const e of timeline.events) if (e.utc === undefined) s.unresolved.set(e.reason!, (s.unresolved.get(e.reason!) ?? 0) + 1);
    perFolder.set(folder, s);
    // Unresolved only for want of a date, a zone or a readable timestamp (or minutes: "14:??").
    for (const e of timeline.events) if (e.utc === undefined) assert.ok(['no-zone', 'no-date', 'no-date-no-zone', 'incomplete', 'invalid'].includes(e.reason!) || (e.reason === 'no-time' && e.stamp.hourOnly), `${file}:${e.startLine + 1} ${e.reason}`);
  }
  for (const [folder, s] of perFolder) {
    const reasons = [...s.unresolved].map(([r, n]) => `${r} ${n}`).join(', ') || 'none';
    t.diagnostic(`${folder}: ${s.files} files, ${s.events} events, ${[...s.unresolved.values()].reduce((a, b) => a + b, 0)} unresolved (${reasons})`);
  }
  assert.ok((perFolder.get('dfds')?.events ?? 0) > 300);
});
