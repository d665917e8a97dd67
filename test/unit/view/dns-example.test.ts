import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/service.js';
import { timelineView } from '../../../server/src/timeline/view.js';
import { layoutTimeline, WALL_CLOCK } from '../../../server/src/view/layout.js';
import { resolveZone } from '../../../server/src/view/time-format.js';
import { ROOT } from '../../helpers/run.js';
import { entry, viewOf } from './views.js';

test('the examples\' DNS post-mortem (dated by its file name, no zone) places its four entries on Sat 14 Sep 2024 in the preview', () => {
  const path = join(ROOT, 'examples/postmortems/2024-09-14-dns-incident.md');
  const view = timelineView(analyze(readFileSync(path, 'utf8'), { path }), 'file:///dns.md', 1);
  assert.deepEqual(
    view.events.map((e) => [e.utc, e.local]),
    [
      [null, '2024-09-14T09:40'],
      [null, '2024-09-14T09:55'],
      [null, '2024-09-14T09:50'],
      [null, '2024-09-14T10:30'],
    ],
  );
  const layout = layoutTimeline(view, resolveZone('document', view.timezone, undefined));
  assert.equal(layout.zone, WALL_CLOCK);
  assert.deepEqual(layout.undated, []);
  const rows = layout.rows.flatMap((r) => (r.kind === 'day' ? [`day ${r.label}`] : r.kind === 'event' ? [`#${r.index} ${r.at.clock}`] : []));
  assert.deepEqual(rows, ['day Sat 14 Sep 2024', '#0 09:40', '#2 09:50', '#1 09:55', '#3 10:30']);
});

test('an entry with an instant keeps the requested zone; wall-clock readings are used only when no entry has one', () => {
  const utc = resolveZone('utc', null, undefined);
  const mixed = viewOf([entry(1, '2024-05-01T10:00:00Z', 'a'), entry(2, null, 'b', { local: '2024-05-01T11:00' })]);
  const layout = layoutTimeline(mixed, utc);
  assert.equal(layout.zone, utc);
  assert.deepEqual(layout.undated.map((u) => u.index), [1]);
});
