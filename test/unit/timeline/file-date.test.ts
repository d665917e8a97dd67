import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileNameDate } from '../../../server/src/timeline/dates.js';
import { analyze } from '../../../server/src/service.js';
import { timelineFor } from '../../../server/src/timeline/index.js';
import { isoInstant } from '../../../server/src/time/zones.js';
import { md } from '../../helpers/docs.js';

test('a file name dates the document: year first, with or without separators; not an impossible or partial date', () => {
  assert.deepEqual(fileNameDate('/repo/incidents/2019-11-14-hub-fio.md'), { year: 2019, month: 11, day: 14 });
  assert.deepEqual(fileNameDate('C:\\pm\\20240914_dns.md'), { year: 2024, month: 9, day: 14 });
  assert.equal(fileNameDate('/pm/2023-02-30-outage.md'), undefined);
  assert.equal(fileNameDate('/pm/2023-02-outage.md'), undefined);
  assert.equal(fileNameDate('/2019-11-14/outage.md'), undefined, 'only the file name, not its folders');
  assert.equal(fileNameDate(undefined), undefined);
});

test('time-only entries take their date from the file name when the text gives none', () => {
  const text = md('## Timeline', '', '* **17:30 UTC** - monitoring reports issues', '* **18:00 UTC** - cause found');
  const a = analyze(text, { force: true, path: '/pm/2019-11-14-hub-fio.md' });
  assert.deepEqual(timelineFor(a.model, a.settings).events.map((e) => (e.utc === undefined ? null : isoInstant(e.utc))), ['2019-11-14T17:30:00Z', '2019-11-14T18:00:00Z']);
});
