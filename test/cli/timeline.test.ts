import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, tempFiles } from '../helpers/run.js';
import { md } from '../helpers/docs.js';

const EXAMPLE = 'examples/postmortems/2024-08-20-checkout-outage.md';

test('timeline --format json prints exactly the documented shape', () => {
  const r = cli(['timeline', '--format', 'json', EXAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['timezone', 'events', 'milestones', 'metrics']);
  assert.equal(out.timezone, 'Europe/Berlin');
  assert.equal(out.events.length, 8);
  // "- **14:02** - Configuration release … [started]" is line 38 (0-based); 14:02 CEST is 12:02 UTC.
  assert.deepEqual(out.events[0], { line: 38, utc: '2024-08-20T12:02:00Z', text: 'Configuration release 2024.08.20-3 reaches production; it lowers pool.max to 5.' });
  assert.ok(out.events.every((e: object) => Object.keys(e).join() === 'line,utc,text'));
  assert.equal(out.milestones.resolved, '2024-08-20T13:40:00Z');
  assert.deepEqual(out.metrics, { timeToDetectMinutes: 7, timeToAcknowledgeMinutes: 3, timeToMitigateMinutes: 72, timeToResolveMinutes: 91, durationMinutes: 98 });
});

test('timeline: json is the default; unresolved times are null with the reason (and the wall clock when known), and the zone null when none is stated', () => {
  const dir = tempFiles({ 'pm.md': md('# X', '', '## Timeline', '', '- 10:00 - no date, no zone', '- 2024-01-01 - a date', '- 2024-01-02 09:30 - a date and time, no zone') });
  const undated = tempFiles({ 'pm.md': md('# X', '', '## Timeline', '', '- 10:00 - no date, no zone') });
  assert.deepEqual(JSON.parse(cli(['timeline', 'pm.md'], { cwd: undated }).stdout).events, [{ line: 4, utc: null, text: 'no date, no zone', unresolved: 'no date and no time zone' }]);
  const out = JSON.parse(cli(['timeline', 'pm.md'], { cwd: dir }).stdout);
  assert.equal(out.timezone, null);
  assert.deepEqual(out.events, [
    // Dated by the timeline's first full date (2024-01-01), as a reader dates it.
    { line: 4, utc: null, text: 'no date, no zone', unresolved: 'no time zone: neither the entry, the timeline, the frontmatter nor the settings give one', local: '2024-01-01T10:00' },
    { line: 5, utc: null, text: 'a date', unresolved: 'no time zone, so the day has no start instant' },
    { line: 6, utc: null, text: 'a date and time, no zone', unresolved: 'no time zone: neither the entry, the timeline, the frontmatter nor the settings give one', local: '2024-01-02T09:30' },
  ]);
  assert.deepEqual(out.milestones, {});
  assert.equal(out.metrics.durationMinutes, null);
});

test('timeline --timezone and --date-order act as the settings', () => {
  const dir = tempFiles({ 'pm.md': md('## Timeline', '', '- 03/04/2024 10:00 - a') });
  const dmy = JSON.parse(cli(['timeline', '--timezone', 'Europe/Berlin', 'pm.md'], { cwd: dir }).stdout);
  assert.deepEqual([dmy.timezone, dmy.events[0].utc], ['Europe/Berlin', '2024-04-03T08:00:00Z']); // 3 April, CEST
  const mdy = JSON.parse(cli(['timeline', '--timezone', 'UTC', '--date-order', 'MDY', 'pm.md'], { cwd: dir }).stdout);
  assert.equal(mdy.events[0].utc, '2024-03-04T10:00:00Z');
});

test('timeline --format csv: a header and one RFC 4180 row per entry', () => {
  const dir = tempFiles({ 'pm.md': md('## Timeline', '', 'All times in UTC.', '', '- 2024-01-01 10:00 - said "hi", then left [started]', '- 2024-01-01 - a day') });
  const r = cli(['timeline', '--format', 'csv', 'pm.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trimEnd().split('\r\n'), [
    'line,utc,date_only,raw,text,milestone,people,unresolved,local',
    '4,2024-01-01T10:00:00Z,,2024-01-01 10:00,"said ""hi"", then left",started,,,',
    '5,2024-01-01T00:00:00Z,true,2024-01-01,a day,,,,',
  ]);
});

test('timeline: usage and I/O errors exit 2 with one line on stderr', () => {
  const cases: Array<[string[], RegExp]> = [
    [['timeline'], /exactly one file/],
    [['timeline', 'a.md', 'b.md'], /exactly one file/],
    [['timeline', '--format', 'xml', EXAMPLE], /unknown format "xml"/],
    [['timeline', '--timezone', 'Mars/Olympus', EXAMPLE], /unknown time zone/],
    [['timeline', '--date-order', 'YMD', EXAMPLE], /unknown date order/],
    [['timeline', 'no-such-file.md'], /cannot read no-such-file.md: ENOENT/],
  ];
  for (const [args, message] of cases) {
    const r = cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  }
  const help = cli(['timeline', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--format json\|csv/);
  assert.match(cli(['--help']).stdout, /timeline FILE/);
});
