import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, hover } from '../../../server/src/service.js';
import { timelineView } from '../../../server/src/timeline/view.js';
import { md } from '../../helpers/docs.js';
import { ROOT } from '../../helpers/run.js';

const EXAMPLE = readFileSync(join(ROOT, 'examples/postmortems/2024-08-20-checkout-outage.md'), 'utf8');

test('hover on a timestamp: UTC, the document zone with its offset, since the previous entry and since the start', () => {
  const a = analyze(EXAMPLE, { force: true });
  const line = EXAMPLE.split('\n').findIndex((l) => l.startsWith('- **14:25**'));
  const h = hover(a, { line, character: 6 });
  assert.ok(h);
  assert.deepEqual(h!.range, { start: { line, character: 4 }, end: { line, character: 9 } });
  // 14:25 in Berlin in August (CEST, UTC+2) is 12:25 UTC; the entry before is 14:12; the incident started at 14:02.
  assert.match(h!.markdown, /UTC: 2024-08-20 12:25 UTC/);
  assert.match(h!.markdown, /Europe\/Berlin: 2024-08-20 14:25 \(UTC\+02:00\)/);
  assert.match(h!.markdown, /Since the previous entry \(14:12, line \d+\): 13 min/);
  assert.match(h!.markdown, /Since the incident started: 23 min/);
  assert.equal(hover(a, { line, character: 30 }), undefined, 'only on the timestamp');
});

test('hover says why an entry has no instant, and shows earlier entries with a minus', () => {
  const noZone = analyze(md('## Timeline', '', '- 2024-01-01 10:00 - a'), { force: true });
  assert.match(hover(noZone, { line: 2, character: 4 })!.markdown, /No instant: no time zone/);
  const back = analyze(md('## Timeline', '', '- 2024-01-01 10:00 UTC - a', '- 2024-01-01 09:30 UTC - b'), { force: true });
  assert.match(hover(back, { line: 3, character: 4 })!.markdown, /Since the previous entry .*: −30 min \(earlier\)/);
});

test('hover is only for post-mortems', () => {
  const a = analyze(md('## Timeline', '', '- 2024-01-01 10:00 UTC - a'), {});
  assert.equal(a.postMortem, undefined);
  assert.equal(hover(a, { line: 2, character: 4 }), undefined);
});

test('timelineView: the protocol shape, milestones and metrics of the example', () => {
  const a = analyze(EXAMPLE, { force: true });
  const v = timelineView(a, 'file:///x.md', 7);
  assert.equal(v.uri, 'file:///x.md');
  assert.equal(v.version, 7);
  assert.equal(v.title, 'Checkout failures after a connection pool change');
  assert.equal(v.severity, 'SEV2');
  assert.equal(v.status, 'final');
  assert.equal(v.timezone, 'Europe/Berlin');
  assert.equal(v.events.length, 8);
  assert.deepEqual(v.events[2], {
    line: 40,
    raw: '14:12',
    text: '@ana acknowledges the page and opens the incident channel.',
    utc: '2024-08-20T12:12:00Z',
    people: ['ana'],
    milestone: 'acknowledged',
    findings: [],
  });
  // Frontmatter: started 14:02, detected 14:09, acknowledged 14:12, mitigated 15:21, resolved 15:40 (UTC+2).
  assert.deepEqual(v.milestones, {
    started: '2024-08-20T12:02:00Z',
    detected: '2024-08-20T12:09:00Z',
    acknowledged: '2024-08-20T12:12:00Z',
    mitigated: '2024-08-20T13:21:00Z',
    resolved: '2024-08-20T13:40:00Z',
  });
  assert.deepEqual(v.metrics, { timeToDetectMinutes: 7, timeToAcknowledgeMinutes: 3, timeToMitigateMinutes: 72, timeToResolveMinutes: 91, durationMinutes: 98 });
});

test('timelineView: unresolved entries say why, date-only entries say so, findings sit on their entry', () => {
  const a = analyze(md('## Timeline', '', '- 2024-01-02 - a day', '- 2024-01-01 10:00 - no zone'), { force: true });
  const v = timelineView(a, 'u', 1);
  assert.equal(v.timezone, null);
  assert.deepEqual([v.events[0]!.dateOnly, v.events[0]!.utc], [true, null]);
  assert.deepEqual([v.events[1]!.utc, v.events[1]!.unresolved], [null, 'no time zone: neither the entry, the timeline, the frontmatter nor the settings give one']);
  assert.deepEqual(v.events[1]!.findings.map((f) => f.code), ['timeline.order']);
  assert.deepEqual(v.metrics, { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, durationMinutes: null });
});
