import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, tempFiles } from '../helpers/run.js';
import { md } from '../helpers/docs.js';

const env = { POSTMORTEM_TODAY: '2024-09-10' };

/** A post-mortem with frontmatter milestones (Europe/Berlin) and two action items. */
const A = md(
  '---',
  'title: Checkout outage',
  'status: final',
  'severity: SEV2',
  'timezone: Europe/Berlin',
  'started: 2024-08-20 14:00',
  'detected: 2024-08-20 14:10',
  'mitigated: 2024-08-20 15:00',
  'resolved: 2024-08-20 16:00',
  '---',
  '# Checkout outage',
  '## Preventive Actions',
  '- [ ] Canary config changes — owner: @ops, due 2024-09-01',
  '- [x] Roll back faster — owner: @ana, due 2024-08-25',
  '- [ ] Alert on pool waits — owner: @bo, due 2024-10-01',
);

/** A draft whose timeline gives the milestones (UTC): 23:50 → 00:20 the next day. */
const B = md(
  '---',
  'title: DNS failures',
  'status: draft',
  'severity: SEV3',
  '---',
  '# DNS failures',
  '## Timeline',
  'All times in UTC.',
  '- 2024-09-01 23:50 - Resolvers fail [started]',
  '- 2024-09-02 00:05 - Paged [detected]',
  '- 2024-09-02 00:20 - Memory raised [resolved]',
);

test('metrics --format json: one row per post-mortem, with durations, open and past-due actions', () => {
  const dir = tempFiles({ 'pm/a.md': A, 'pm/b.md': B });
  const r = cli(['metrics', '--format', 'json', 'pm'], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [
    {
      file: 'pm/a.md',
      date: '2024-08-20',
      title: 'Checkout outage',
      severity: 'SEV2',
      status: 'final',
      durationMinutes: 120,
      timeToDetectMinutes: 10,
      timeToMitigateMinutes: 50,
      timeToResolveMinutes: 110,
      openActions: 2,
      pastDueActions: 1, // due 2024-09-01 is before 2024-09-10; the done one does not count
      draft: false,
    },
    {
      file: 'pm/b.md',
      date: '2024-09-01',
      title: 'DNS failures',
      severity: 'SEV3',
      status: 'draft',
      durationMinutes: 30,
      timeToDetectMinutes: 15,
      timeToMitigateMinutes: null,
      timeToResolveMinutes: 15,
      openActions: 0,
      pastDueActions: 0,
      draft: true,
    },
  ]);
});

test('metrics table: totals, medians, drafts and past-due actions', () => {
  const dir = tempFiles({ 'pm/a.md': A, 'pm/b.md': B });
  const r = cli(['metrics', 'pm'], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  // Medians of (120, 30) = 75, (10, 15) = 12.5 ≈ 13, (50) and (110, 15) = 62.5 ≈ 63 minutes.
  assert.match(r.stdout, /^2 post-mortems\. Medians: duration 1 h 15 min, time to detect 13 min, to mitigate 50 min, to resolve 1 h 3 min\.$/m);
  assert.match(r.stdout, /^Open action items: 2, 1 past due\.$/m);
  assert.match(r.stdout, /^Still in draft: pm\/b\.md\.$/m);
  assert.match(r.stdout, /^Past-due actions in: pm\/a\.md \(1\)\.$/m);
});

test('metrics --format csv: a header and one row per post-mortem', () => {
  const dir = tempFiles({ 'pm/a.md': A, 'pm/b.md': B.replace('DNS failures', 'DNS, "again"') });
  const lines = cli(['metrics', '--format', 'csv', 'pm'], { cwd: dir, env }).stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], 'file,date,title,severity,status,durationMinutes,timeToDetectMinutes,timeToMitigateMinutes,timeToResolveMinutes,openActions,pastDueActions,draft');
  assert.equal(lines[2], 'pm/b.md,2024-09-01,"DNS, ""again""",SEV3,draft,30,15,,15,0,0,true');
});

test('metrics: usage errors exit 2', () => {
  const dir = tempFiles({ 'pm/a.md': A });
  assert.equal(cli(['metrics'], { cwd: dir }).code, 2);
  assert.equal(cli(['metrics', '--format', 'xml', 'pm'], { cwd: dir }).code, 2);
  assert.equal(cli(['metrics', 'nope'], { cwd: dir }).code, 2);
});
