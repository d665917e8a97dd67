import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entryAtLine, layoutTimeline, metricItems, type Row } from '../../../server/src/view/layout.js';
import { resolveZone } from '../../../server/src/view/time-format.js';
import { entry, viewOf } from './views.js';

const utc = resolveZone('utc', null, undefined);
const shape = (rows: Row[]) =>
  rows.map((r) => (r.kind === 'space' ? `space ${r.px}` : r.kind === 'gap' ? `gap ${r.label}` : r.kind === 'day' ? `day ${r.label}` : r.kind === 'event' ? `event #${r.index} ${r.at.clock}` : `milestone ${r.name} ${r.at.clock}`));

test('entries are sorted by instant; space is proportional; long intervals become gaps', () => {
  const view = viewOf([
    entry(1, '2024-05-01T10:00:00Z', 'a'),
    entry(2, '2024-05-01T10:10:00Z', 'b'),
    entry(3, '2024-05-01T10:05:00Z', 'c (out of order)'),
    entry(4, '2024-05-01T10:25:00Z', 'd'),
    entry(5, '2024-05-01T14:25:00Z', 'e'),
  ]);
  const layout = layoutTimeline(view, utc);
  // Intervals 5, 5, 15, 240 min: median 10, threshold max(60, 50) = 60, scale min(48/10, 240/60) = 4 px/min.
  assert.equal(layout.gapThreshold, 60);
  assert.equal(layout.scale, 4);
  assert.deepEqual(shape(layout.rows), ['day Wed 1 May 2024', 'event #0 10:00', 'space 20', 'event #2 10:05', 'space 20', 'event #1 10:10', 'space 60', 'event #3 10:25', 'gap — 4 h —', 'event #4 14:25']);
});

test('the gap threshold grows with the typical interval: sparse timelines keep their hours', () => {
  const at = (h: number, m: number) => new Date(Date.UTC(2024, 4, 1, h, m)).toISOString();
  const view = viewOf([entry(1, at(8, 0), 'a'), entry(2, at(8, 20), 'b'), entry(3, at(8, 40), 'c'), entry(4, at(9, 0), 'd'), entry(5, at(10, 30), 'e')]);
  // Intervals 20, 20, 20, 90 min: median 20, threshold max(60, 100) = 100, so 90 min is space, not a gap;
  // scale min(48/20, 240/100) = 2.4 px/min: 20 min → 48 px, 90 min → 216 px.
  assert.deepEqual(shape(layoutTimeline(view, utc).rows).filter((r) => !r.startsWith('event') && !r.startsWith('day')), ['space 48', 'space 48', 'space 48', 'space 216']);
});

test('a new day gets a separator, in the chosen zone', () => {
  const view = viewOf([entry(1, '2024-05-01T21:00:00Z', 'late'), entry(2, '2024-05-01T23:30:00Z', 'later')], { timezone: 'Europe/Paris' });
  // Paris is UTC+2 in May: 23:00 on the 1st, then 01:30 on the 2nd. The only interval (150 min)
  // is the median, so it is no gap: threshold 750 min, scale min(48/150, 240/750) = 0.32 → 48 px.
  assert.deepEqual(shape(layoutTimeline(view, resolveZone('document', 'Europe/Paris', undefined)).rows), ['day Wed 1 May 2024', 'event #0 23:00', 'space 48', 'day Thu 2 May 2024', 'event #1 01:30']);
  assert.deepEqual(shape(layoutTimeline(view, utc).rows), ['day Wed 1 May 2024', 'event #0 21:00', 'space 48', 'event #1 23:30']);
});

test('phases follow the milestones; a milestone with no entry gets its own row; entries with no instant are kept apart', () => {
  const view = viewOf(
    [
      entry(1, '2024-05-01T10:00:00Z', 'deploy', { milestone: 'started' }),
      entry(2, '2024-05-01T10:20:00Z', 'rollback'),
      entry(3, null, 'status page', { unresolved: 'No time.' }),
      entry(4, '2024-05-01T10:40:00Z', 'all good', { milestone: 'resolved' }),
      entry(5, 'not a date', 'broken'),
    ],
    { milestones: { started: '2024-05-01T10:00:00Z', detected: '2024-05-01T10:10:00Z', mitigated: '2024-05-01T10:30:00Z', resolved: '2024-05-01T10:40:00Z' } },
  );
  const layout = layoutTimeline(view, utc);
  const phases = layout.rows.filter((r) => r.kind !== 'day').map((r) => `${r.kind === 'event' ? '#' + r.index : r.kind === 'milestone' ? r.name : r.kind}:${r.phase}`);
  // detected (10:10) and mitigated (10:30) have no entry: they get rows, and open their phases.
  assert.deepEqual(phases, ['#0:impact', 'space:impact', 'detected:response', 'space:response', '#1:response', 'space:response', 'mitigated:recovery', 'space:recovery', '#3:null']);
  assert.deepEqual(layout.undated.map((u) => [u.index, u.reason]), [[2, 'No time.'], [4, '"not a date" is not an instant.']]);
});

test('seconds are shown only when some entry has them; no entries give no rows', () => {
  const view = viewOf([entry(1, '2024-05-01T10:00:00Z', 'a'), entry(2, '2024-05-01T10:00:30Z', 'b')]);
  assert.deepEqual(shape(layoutTimeline(view, utc).rows).filter((r) => r.startsWith('event')), ['event #0 10:00:00', 'event #1 10:00:30']);
  assert.deepEqual(layoutTimeline(viewOf([]), utc).rows, []);
});

test('entryAtLine finds the entry the cursor is in', () => {
  const events = [entry(10, null, 'a'), entry(12, null, 'b'), entry(15, null, 'c')];
  assert.equal(entryAtLine(events, 9), undefined);
  assert.equal(entryAtLine(events, 10), 0);
  assert.equal(entryAtLine(events, 11), 0, 'a continuation line of entry a');
  assert.equal(entryAtLine(events, 14), 1);
  assert.equal(entryAtLine(events, 15), 2);
  assert.equal(entryAtLine(events, 16), undefined, 'past the last entry only its own line counts');
});

test('metricItems lists the metrics with readable values', () => {
  const items = metricItems({ timeToDetectMinutes: 5, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: 95, timeToResolveMinutes: 1500, durationMinutes: 1500 });
  assert.deepEqual(items.map((m) => `${m.label}: ${m.value}`), ['Time to detect: 5 min', 'Time to acknowledge: unknown', 'Time to mitigate: 1 h 35 min', 'Time to resolve: 1 d 1 h', 'Duration: 1 d 1 h']);
});
