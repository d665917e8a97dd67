import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, allCodes, DEFAULT_SETTINGS, settingsFrom } from '../../../server/src/service.js';
import { md } from '../../helpers/docs.js';
import { ROOT } from '../../helpers/run.js';
import { codesAt, timelineOfText, timelineSettings } from '../../helpers/timeline.js';

const TIMELINE_CODES = ['timeline.', 'milestone.', 'summary.duration-mismatch'];
const check = (text: string) => analyze(text, { force: true });
const findings = (text: string, code: string) => check(text).findings.filter((f) => f.code === code);

test('the codes and default severities are the contract of the issue', () => {
  const codes = allCodes();
  const expected: Record<string, string> = {
    'timeline.order': 'error',
    'timeline.timezone-missing': 'warning',
    'timeline.invalid-time': 'error',
    'timeline.nonexistent-time': 'error',
    'timeline.ambiguous-time': 'warning',
    'timeline.ambiguous-zone': 'warning',
    'milestone.order': 'error',
    'summary.duration-mismatch': 'warning',
    'timeline.12-hour-time': 'hint',
  };
  for (const [code, severity] of Object.entries(expected)) assert.equal(codes[code]?.severity, severity, code);
});

test('the good example has no timeline finding; the bad one gets timeline.order on 09:50 and one timezone-missing', () => {
  const good = check(readFileSync(join(ROOT, 'examples/postmortems/2024-08-20-checkout-outage.md'), 'utf8'));
  assert.deepEqual(codesAt(good, ...TIMELINE_CODES), []);
  const badPath = join(ROOT, 'examples/postmortems/2024-09-14-dns-incident.md');
  const badText = readFileSync(badPath, 'utf8');
  // Its file name dates it; without it, "On 14 September" gives no year and the times no date.
  const bad = analyze(badText, { force: true, path: badPath });
  assert.ok(check(badText).findings.some((f) => f.code === 'timeline.date-missing'));
  const lines = badText.split('\n');
  const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  assert.deepEqual(codesAt(bad, ...TIMELINE_CODES).sort(), [`timeline.order@${at('- 09:50')}`, `timeline.timezone-missing@${at('## Timeline')}`].sort());
});

test('timeline.order: on the first entry earlier than the one before it, on its timestamp; equal times are fine', () => {
  const text = md('## Timeline', '', 'All times in UTC.', '', '- 2024-01-01 10:00 - a', '- 2024-01-01 10:00 - same time', '- 2024-01-01 09:59 - earlier', '- 2024-01-01 10:30 - later');
  const f = findings(text, 'timeline.order');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.deepEqual(f[0]!.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 18 } });
  assert.deepEqual(f[0]!.data, { line: 6, previousLine: 5 });
  assert.match(f[0]!.message, /2024-01-01 09:59.*2024-01-01 10:00 \(line 6\)/);
});

test('timeline.order compares instants across zones, not the numbers written', () => {
  // 10:00 Europe/Berlin (UTC+1 in January) is 09:00 UTC; 09:30 UTC is after it.
  assert.equal(findings(md('## Timeline', '', '- 2024-01-01 10:00 Europe/Berlin - a', '- 2024-01-01 09:30 UTC - b'), 'timeline.order').length, 0);
  assert.equal(findings(md('## Timeline', '', '- 2024-01-01 10:00 UTC - a', '- 2024-01-01 10:30 Europe/Berlin - b'), 'timeline.order').length, 1);
});

test('timeline.timezone-missing: one warning on the timeline heading for all its times, none once a zone is known', () => {
  const body = ['## Timeline', '', '- 2024-01-01 10:00 - a', '- 2024-01-01 10:05 - b', '- 2024-01-01 10:10 - c'];
  const f = findings(md(...body), 'timeline.timezone-missing');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.deepEqual(f[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 11 } });
  assert.match(f[0]!.message, /^3 times/);
  assert.equal(findings(md('---', 'timezone: UTC', '---', ...body), 'timeline.timezone-missing').length, 0);
  assert.equal(findings(md(...body, '', 'All times in UTC.'), 'timeline.timezone-missing').length, 0);
  const withSetting = analyze(md(...body), { force: true, settings: timelineSettings({ defaultTimezone: 'Europe/Berlin' }) });
  assert.equal(withSetting.findings.some((x) => x.code === 'timeline.timezone-missing'), false);
  assert.equal(findings(md('## Timeline', '', '- 2024-01-01 - a date needs no zone'), 'timeline.timezone-missing').length, 0);
});

test('timeline.timezone-missing: a timeline under no heading of its own is reported on its first entry that needs a zone', () => {
  const body = ['# Outage', '', 'The API failed on 2024-01-01.', '', '02.01.2024', '', '- 10:00 - a', '- 10:05 - b', '- 10:10 - c'];
  const f = findings(md(...body), 'timeline.timezone-missing');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character]), [[6, 0]]);
  const stated = md('# Outage', '', 'The API failed on 2024-01-01. All times in UTC.', '', ...body.slice(4));
  assert.equal(findings(stated, 'timeline.timezone-missing').length, 0);
  assert.equal(timelineOfText(stated).timeline.events[0]!.utc, Date.UTC(2024, 0, 2, 10), 'the statement above places the untitled timeline\'s times');
});

test('timeline.invalid-time: 13:55 PM, 25:10, 10:61, 2023-02-30 are errors on their timestamps', () => {
  const text = md('## Timeline', '', 'All times in UTC.', '', '- 2023-01-02 13:55 PM - a', '- 2023-01-02 25:10 - b', '- 2023-01-02 10:61 - c', '- 2023-02-30 10:00 - d', '- 2023-01-02 23:59 - fine');
  const f = findings(text, 'timeline.invalid-time');
  assert.deepEqual(f.map((x) => x.range.start.line), [4, 5, 6, 7]);
  assert.ok(f.every((x) => x.severity === 'error'));
  assert.match(f[3]!.message, /February 2023 has no day 30/);
});

test('timeline.nonexistent-time and timeline.ambiguous-time: the DST gap and overlap of America/New_York', () => {
  const text = md('## Timeline', '', 'All times America/New_York.', '', '- 2024-03-10 02:30 - in the gap', '- 2024-11-03 01:30 - in the overlap', '- 2024-11-03 03:00 - plain');
  const gap = findings(text, 'timeline.nonexistent-time');
  assert.deepEqual(gap.map((x) => [x.range.start.line, x.severity]), [[4, 'error']]);
  assert.match(gap[0]!.message, /2024-03-10 02:30 does not exist in America\/New_York.*forward 60 minutes, from UTC−05:00 to UTC−04:00/);
  const overlap = findings(text, 'timeline.ambiguous-time');
  assert.deepEqual(overlap.map((x) => [x.range.start.line, x.severity]), [[5, 'warning']]);
  assert.match(overlap[0]!.message, /2024-11-03 05:30 UTC \(UTC−04:00\) and at 2024-11-03 06:30 UTC \(UTC−05:00\)/);
});

test('timeline.ambiguous-zone: once per abbreviation, on the abbreviation, for entries and statements', () => {
  const entries = md('## Timeline', '', '- 2024-01-01 10:00 IST - a', '- 2024-01-01 10:05 IST - b', '- 2024-01-01 10:10 CST - c');
  const f = findings(entries, 'timeline.ambiguous-zone');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[2, 19, 22], [4, 19, 22]]);
  assert.match(f[0]!.message, /"IST" names several time zones.*India.*used 2 times/);
  assert.equal(findings(entries, 'timeline.timezone-missing').length, 0, 'an ambiguous zone is its own finding');
  const statement = md('## Timeline', '', 'All times are IST.', '', '- 2024-01-01 10:00 - a');
  assert.deepEqual(findings(statement, 'timeline.ambiguous-zone').map((x) => x.range.start.line), [2]);
  assert.equal(timelineOfText(statement).timeline.events[0]!.reason, 'ambiguous-zone');
});

test('timeline.12-hour-time: off by default; when given a severity, on the clock of each 12-hour entry', () => {
  const text = md('## Timeline', '', '- 2018-08-22, 03:26pm: noticed', '- 2018-08-22 16:12 - checked');
  assert.deepEqual(findings(text, 'timeline.12-hour-time'), []);
  const on = settingsFrom({ rules: { 'timeline.12-hour-time': 'hint' } }, DEFAULT_SETTINGS);
  const f = analyze(text, { force: true, settings: on }).findings.filter((x) => x.code === 'timeline.12-hour-time');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character, x.severity]), [[2, 14, 21, 'hint']]);
});

test('milestone.order: frontmatter milestones out of order, on the offending key', () => {
  const text = md('---', 'timezone: UTC', 'started: 2024-08-20 14:02', 'detected: 2024-08-20 14:09', 'mitigated: 2024-08-20 15:21', 'resolved: 2024-08-20 15:10', '---', '# X');
  const f = findings(text, 'milestone.order');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'error');
  assert.deepEqual(f[0]!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 8 } });
  assert.match(f[0]!.message, /`resolved` \(2024-08-20 15:10\) is before `mitigated` \(2024-08-20 15:21\)/);
  assert.equal(findings(text.replace('15:10', '15:40'), 'milestone.order').length, 0);
  // Without a zone the values are compared as written.
  assert.equal(findings(text.replace('timezone: UTC\n', ''), 'milestone.order').length, 1);
});

test('summary.duration-mismatch: a stated duration against resolved − started, beyond max(5 minutes, 10%)', () => {
  const pm = (summary: string, fm = ['started: 2024-08-20 14:00', 'resolved: 2024-08-20 16:35']) =>
    md('---', 'timezone: UTC', ...fm, '---', '# Outage', '', '## Summary', '', summary, '', '## Timeline', '', '- 14:00 - a');
  const f = findings(pm('Checkout failed. Duration: 1 hour 35 minutes.'), 'summary.duration-mismatch');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'warning');
  assert.deepEqual(f[0]!.range, { start: { line: 9, character: 17 }, end: { line: 9, character: 44 } }, '"Duration: 1 hour 35 minutes" on line 9');
  assert.match(f[0]!.message, /1 h 35 min.*2 h 35 min/);
  assert.equal(findings(pm('Duration: 2 hours 35 minutes'), 'summary.duration-mismatch').length, 0);
  assert.equal(findings(pm('It lasted 2h 45m.'), 'summary.duration-mismatch').length, 0, '10 minutes off 155 is within 10%');
  assert.equal(findings(pm('It lasted 2h 55m.'), 'summary.duration-mismatch').length, 1, '20 minutes off is not');
  assert.equal(findings(pm('It broke for 45 minutes.', ['started: 2024-08-20 14:00', 'resolved: 2024-08-20 14:48']), 'summary.duration-mismatch').length, 0, '3 minutes is within 5');
  assert.equal(findings(pm('It broke for 45 minutes.', ['started: 2024-08-20 14:00', 'resolved: 2024-08-20 14:52']), 'summary.duration-mismatch').length, 1, '7 minutes is not');
  assert.equal(findings(pm('It failed for 30% of users.'), 'summary.duration-mismatch').length, 0, 'no duration stated');
  // From the timeline's milestones when the frontmatter has none.
  const fromTimeline = md('# Outage', '', '## Summary', '', 'Checkout was down for 1h 38m.', '', '## Timeline', '', 'All times in UTC.', '', '- 2024-08-20 14:02 - deploy [started]', '- 2024-08-20 15:20 - fixed [resolved]');
  assert.equal(findings(fromTimeline, 'summary.duration-mismatch').length, 1, '78 minutes, not 98');
  assert.equal(findings(fromTimeline.replace('15:20', '15:40'), 'summary.duration-mismatch').length, 0);
});

test('summary.duration-mismatch: a labelled figure outside the summary ("MTTR: 18h25m" under Impact), as hours and minutes or H:MM', () => {
  const doc = (figure: string, summary = 'Uploads failed.') =>
    md('---', 'timezone: UTC', 'started: 2019-02-15 14:57', 'resolved: 2019-02-18 09:22', '---', '# Upload failure', '', '## Summary', '', summary, '', '## Impact', '', 'Some users.', '', figure, '', '## Timeline', '', '- 2019-02-15 14:57 - a');
  const f = findings(doc('MTTR: 18h25m'), 'summary.duration-mismatch');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[15, 0, 12]]);
  assert.match(f[0]!.message, /lasted 18 h 25 min.*give 2 d 18 h 25 min/);
  assert.equal(findings(doc('MTTR: 66h25m from the revert to the fix'), 'summary.duration-mismatch').length, 0);
  assert.equal(findings(doc('**Time to resolve:** 2 days 18 hours 25 minutes'), 'summary.duration-mismatch').length, 0);
  assert.equal(findings(doc('Total downtime: 12:00'), 'summary.duration-mismatch').length, 1, 'H:MM after a label is a duration');
  assert.equal(findings(doc('Total downtime: 66:20'), 'summary.duration-mismatch').length, 0);
  assert.equal(findings(doc('**Duration:** 12:00am to 9:00am'), 'summary.duration-mismatch').length, 0, 'a window of clocks is not 12 hours');
  assert.equal(findings(doc('Duration: 12:00 - 14:00'), 'summary.duration-mismatch').length, 0);
  assert.equal(findings(doc('MTTR: 18h25m', 'Uploads failed for 66 hours.'), 'summary.duration-mismatch').length, 0, 'the summary\'s own statement comes first');
  assert.equal(findings(doc('We cut our MTTR: a lot.'), 'summary.duration-mismatch').length, 0, 'a label only at the start of its line');
});

test('summary.duration-mismatch: a window stated with its own length on one line, by plain arithmetic ("11:07 UTC => 13:40 UTC (02h 37min)")', () => {
  const found = (line: string) => findings(md('# Outage', '', '## Impact', '', line, '', '## Timeline', '', '- 2021-11-18 11:07 UTC - down'), 'summary.duration-mismatch');
  const f = found('* 2021-11-18 - 11:07 UTC => 13:40 UTC (02h 37min of outage)');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[4, 39, 48]], 'on "02h 37min"');
  assert.match(f[0]!.message, /lasts 2 h 33 min, not 2 h 37 min/);
  assert.equal(found('* 2021-11-18 - 15:30 UTC => 17:11 UTC (01h 41min of outage)').length, 0);
  assert.equal(found('From 23:50 to 00:20 (30 minutes) it was down.').length, 0, 'over midnight');
  assert.equal(found('From 2:00PM to 7:30PM (6 hours).').length, 1);
  assert.equal(found('From 14:02 to 15:40 (about 95 minutes) checkout failed.').length, 0, 'about: within 10%');
  assert.equal(found('- 14:02 - 14:10: rollback (5 minutes later it worked)').length, 0, 'an entry, not a window with its length');
  assert.equal(found('from about 7:08 UTC until 10:40 UTC, and again from 19:03 UTC').length, 0, '"and" is not "an d(ay)"');
  // Inside the timeline a range is an entry's, not a stated window.
  assert.equal(findings(md('# Outage', '', '## Timeline', '', '- 11:07 UTC => 13:40 UTC (02h 37min) down'), 'summary.duration-mismatch').length, 0);
});

test('a document without a timeline section has no timeline finding and does not fail', () => {
  assert.deepEqual(codesAt(check(md('# X', '', '## Summary', '', 'Broke for 2 hours.')), ...TIMELINE_CODES), []);
});

test('every timeline code has its section in docs/rules.md and a row in the README', () => {
  const docs = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const code of Object.keys(allCodes()).filter((c) => TIMELINE_CODES.some((p) => c.startsWith(p)))) {
    assert.match(docs, new RegExp(`^## ${code.replace(/\./g, '\\.')}$`, 'm'), code);
    assert.ok(readme.includes(`| \`${code}\` |`), code);
  }
});

test('timeline.invalid-time in the prose: a 24-hour time with PM, once per line, never in code or as a ratio', () => {
  const text = md(
    '# Outage',
    '',
    '## Summary',
    '',
    '* Date: May 28 2025, 11:30 AM UTC - May 29 2025, ~17:30 PM UTC',
    '* Window: 20:30 PM UTC - 15:30 PM UTC',
    '* Ratio 13:45 of requests failed; at 11:30 PM all was well.',
    '',
    '```',
    'log 13:06PM',
    '```',
    '',
    '## Timeline',
    '',
    '- 2025-05-28 13:55 PM UTC - the timeline reports its own',
  );
  assert.deepEqual(
    findings(text, 'timeline.invalid-time').map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]),
    [
      [4, 50, 58],
      [5, 10, 18],
      [14, 2, 25],
    ],
  );
});

test('timeline.date-missing: times with no date anywhere, once on the timeline; none when the file name, a heading or the summary dates them', () => {
  const undated = md('## Timeline', '', 'All times in UTC.', '', '- 09:40 - restarts', '- 09:55 - paged');
  const f = findings(undated, 'timeline.date-missing');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.severity]), [[0, 'warning']]);
  assert.match(f[0]!.message, /^2 times in the timeline have no date/);
  assert.deepEqual(analyze(undated, { force: true, path: '/pm/2024-09-14-dns.md' }).findings.filter((x) => x.code === 'timeline.date-missing'), []);
  assert.deepEqual(findings(md('## Timeline', '', 'All times in UTC.', '', '### 2024-09-14', '', '- 09:40 - restarts'), 'timeline.date-missing'), []);
  assert.deepEqual(findings(md('## Summary', '', 'On 14 September 2024 DNS failed.', '', '## Timeline', '', '- 09:40 UTC - restarts'), 'timeline.date-missing'), []);
});

test('summary.start-mismatch: the summary or title dating the incident outside the timeline\'s own days; a later "Date:" or "As of" is when it was written', () => {
  const tl = ['## Timeline', '', 'All times in UTC.', '', '### 2017-05-09 10:45', '', 'report', '', '### 13:27', '', 'fixed'];
  const on = md('# Docker dies', '', '## Summary', '', 'On Oct 10, 2017, some user pods were not starting.', '', ...tl);
  assert.deepEqual(findings(on, 'summary.start-mismatch').map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]), [[4, 3, 15]]);
  const title = md('# 2017-01-27 - Pod limit', '', '## Summary', '', 'Pods could not start.', '', ...tl);
  assert.deepEqual(findings(title, 'summary.start-mismatch').map((f) => f.range.start.line), [0]);
  const written = md('# Holesky', '', '## Summary', '', 'Date: Oct 10, 2017', '', 'As of the 8th February 2018, all is well.', '', ...tl);
  assert.deepEqual(findings(written, 'summary.start-mismatch'), []);
  const near = md('# Outage', '', '## Summary', '', 'On May 10, 2017, pods failed.', '', ...tl);
  assert.deepEqual(findings(near, 'summary.start-mismatch'), [], 'a day apart is not a contradiction');
  // A later date that opens the incident's period ("… (~1324) to …") dates the incident, not the writing.
  const period = md('# Markets offline', '', '## Summary', '', 'Date: ~Fri 11 Nov 2017 (~1324) to Fri 11 Nov 2017 (~1452)', '', ...tl);
  assert.deepEqual(findings(period, 'summary.start-mismatch').map((f) => f.range.start.line), [4]);
  assert.deepEqual(findings(md('# Markets offline', '', '## Summary', '', 'Date: Nov 11, 2017 (written after the review)', '', ...tl), 'summary.start-mismatch'), []);
});

test('summary.start-mismatch: the frontmatter\'s title when the heading has no date; a later date with the timeline\'s own day and month is a year mistyped', () => {
  const tl = ['## Timeline', '', 'All times in UTC.', '', '### 2017-05-09 10:45', '', 'report', '', '### 13:27', '', 'fixed'];
  const fm = md('---', 'title: 09.05.2016 - Problems with the form', '---', '', '# Problems with the form', '', '## Summary', '', 'Pods could not start.', '', ...tl);
  assert.deepEqual(findings(fm, 'summary.start-mismatch').map((f) => [f.range.start.line, f.range.start.character]), [[1, 7]]);
  const year = md('# 2018-05-09 - Pod limit', '', '## Summary', '', 'Pods could not start.', '', ...tl);
  assert.deepEqual(findings(year, 'summary.start-mismatch').map((f) => f.range.start.line), [0], 'the same day a year later: a year mistyped');
  const later = md('# 2017-06-02 - Pod limit', '', '## Summary', '', 'Pods could not start.', '', ...tl);
  assert.deepEqual(findings(later, 'summary.start-mismatch'), [], 'another later day is when the post was written');
  // The frontmatter's date last: on a blog it is when the post went up.
  const post = (date: string) => md('---', `date: ${date}`, '---', '', '# Pod limit', '', '## Summary', '', 'Pods could not start.', '', ...tl);
  assert.deepEqual(findings(post('2021-05-09'), 'summary.start-mismatch').map((f) => [f.range.start.line, f.range.start.character]), [[1, 6]], 'the same day, four years on');
  assert.deepEqual(findings(post('2017-05-20'), 'summary.start-mismatch'), [], 'published eleven days later');
  assert.deepEqual(findings(post('2017-04-20'), 'summary.start-mismatch').length, 1, 'published before the incident');
});

test('timeline.invalid-time: a range that ends before it starts, on a list of periods; the start keeps its instant', () => {
  const text = md('## Timeline', '', '1. November 4th, 2013 -- 16:30 to 15:00 UTC', '2. November 13th, 2013 -- 15:00 to 19:30 UTC', '3. November 15th, 2013 -- 23:30 to 01:00 UTC');
  const f = findings(text, 'timeline.invalid-time');
  assert.deepEqual(f.map((x) => x.range.start.line), [2]);
  assert.match(f[0]!.message, /16:30 to 15:00 UTC ends before it starts/);
  assert.equal(timelineOfText(text).timeline.events[0]!.utc, Date.UTC(2013, 10, 4, 16, 30));
});

test('timeline.dst-abbreviation in the summary: "12:22PM PST" on a July day, once per abbreviation; the right season, another offset beside it, or a day the clocks changed say nothing', () => {
  const doc = (summary: string, date = '2025-07-16') => md(`# ${date} Outage`, '', '## Summary', '', summary, '', '## Timeline', '', 'All times UTC.', '', `- ${date} 19:22 - alert`, `- ${date} 22:00 - fixed`);
  const f = findings(doc('From 12:22PM PST to 3:00PM PST the builder failed for all users; a rollback fixed it.'), 'timeline.dst-abbreviation');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[4, 13, 16]]);
  assert.match(f[0]!.message, /^"PST" is the other season's abbreviation on 2025-07-16\. America\/Los_Angeles/);
  assert.deepEqual(findings(doc('From 12:22PM PDT to 3:00PM PDT the builder failed; a rollback fixed it.'), 'timeline.dst-abbreviation'), []);
  assert.deepEqual(findings(doc('From 12:22PM PST (UTC-8) to 3:00PM the builder failed; a rollback fixed it.'), 'timeline.dst-abbreviation'), [], 'the offset says which clock');
  assert.equal(findings(doc('From 12:22PM PST (UTC-7) to 3:00PM the builder failed; a rollback fixed it.'), 'timeline.dst-abbreviation').length, 1, 'the right offset, the wrong name: as in the timeline');
  assert.deepEqual(findings(doc('From 12:22PM PST to 3:00PM PST the builder failed; a rollback fixed it.', '2025-01-16'), 'timeline.dst-abbreviation'), []);
  assert.deepEqual(findings(doc('From 12:22PM PST to 3:00PM PST the builder failed; a rollback fixed it.', '2025-03-09'), 'timeline.dst-abbreviation'), [], 'the day the clocks changed');
  // A range of 12-hour times with the zone after its end, and times written in code spans, are read too.
  assert.deepEqual(findings(doc('Between 4am-7am PST the builder failed for all users; a rollback fixed it.'), 'timeline.dst-abbreviation').map((x) => x.range.start.character), [16]);
  assert.deepEqual(findings(doc('On `2025-07-16` at `12:19 PM PST` the builder failed for all users; a rollback fixed it.'), 'timeline.dst-abbreviation').map((x) => x.range.start.character), [29]);
  assert.deepEqual(findings(doc('Run `make 12:19 PM PST` to see the builder fail; a rollback fixed it.'), 'timeline.dst-abbreviation'), [], 'a code span with more than a timestamp is code');
});

test('timeline.dst-abbreviation: "PST (UTC-7)" in July, on PST; the offset settles the times; "PDT (UTC-7)" and "PST (UTC-8)" in January are fine', () => {
  const doc = (zone: string, date: string) => md('## Timeline', '', `All times in ${zone}`, '', `### ${date} 11:20`, '', 'Launches fail.');
  const f = findings(doc('PST (UTC-7)', '2018-07-30'), 'timeline.dst-abbreviation');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[2, 13, 16]]);
  assert.equal(timelineOfText(doc('PST (UTC-7)', '2018-07-30')).timeline.events[0]!.utc, Date.UTC(2018, 6, 30, 18, 20));
  assert.equal(findings(doc('PDT (UTC-7)', '2018-07-30'), 'timeline.dst-abbreviation').length, 0);
  assert.equal(findings(doc('PST (UTC-8)', '2018-01-30'), 'timeline.dst-abbreviation').length, 0);
  assert.equal(findings(doc('PST (UTC-5)', '2018-07-30'), 'timeline.dst-abbreviation').length, 0, 'an offset the region did not keep says nothing about the season');
});

test('summary.duration-mismatch without milestones: from a first entry that says the impact began to the first that says it ended', () => {
  const pm = (summary: string, start = 'Problem starts', end = 'Delete the quota object and issue goes away') =>
    md('# Outage', '', '## Summary', '', summary, '', '## Timeline', '', 'All times in UTC.', '', `### 2022-06-02 10:00 - ${start}`, '', 'Nothing launches.', '', '### 21:00 - Team alerted', '', `### 21:24 - ${end}`);
  const f = findings(pm('This effect lasted approximately nine hours before normal operation was restored.'), 'summary.duration-mismatch');
  assert.equal(f.length, 1, '9 h stated, 11 h 24 min written');
  assert.match(f[0]!.message, /9 h 00 min.*11 h 24 min from "Problem starts" \(line 11\) to "issue goes away" \(line 17\)/);
  assert.equal(findings(pm('This effect lasted approximately eleven hours.'), 'summary.duration-mismatch').length, 0, 'within a writer\'s rounding');
  assert.equal(findings(pm('It lasted about ten hours.'), 'summary.duration-mismatch').length, 0, '"about" ten hours: 84 minutes off 684 is within 20%');
  assert.equal(findings(pm('It lasted nine hours.', 'Deploy of version 2'), 'summary.duration-mismatch').length, 0, 'a first entry that does not say the impact began bounds nothing');
  assert.equal(findings(pm('It lasted nine hours.', 'Problem starts', 'Team keeps investigating'), 'summary.duration-mismatch').length, 0, 'no entry says it ended');
  // Under a heading entry, the words of the text below it count.
  const heading = md('# Proxy', '', '## Summary', '', 'Everything was fixed in about 40 minutes.', '', '## Timeline', '', 'All times in UTC', '', '### 2017-02-23 21:10', 'The pod is evicted. Users start running into issues now.', '', '### 21:34', 'Most users are fine.', '', '### 22:03', 'The hub is fully operational again.');
  assert.equal(findings(heading, 'summary.duration-mismatch').length, 1, '40 minutes stated, 53 written');
  assert.equal(findings(heading.replace('about 40', 'about 50'), 'summary.duration-mismatch').length, 0);
});

test('summary.duration-mismatch reads "a 7 minute cascading failure" and number words as durations', () => {
  const pm = (summary: string) => md('---', 'timezone: UTC', 'started: 2024-08-20 14:00', 'resolved: 2024-08-20 14:14', '---', '# Outage', '', '## Summary', '', summary, '', '## Timeline', '', '- 14:00 - a');
  assert.equal(findings(pm('Hachyderm experienced a 7 minute cascading failure.'), 'summary.duration-mismatch').length, 1);
  assert.equal(findings(pm('Hachyderm experienced a 14-minute outage.'), 'summary.duration-mismatch').length, 0);
  assert.equal(findings(pm('We shipped a 7 minute fix to the cache.'), 'summary.duration-mismatch').length, 0, 'not said of the incident');
  assert.equal(findings(pm('It was down for two hours.'), 'summary.duration-mismatch').length, 1);
});

test('the phrases that bound an incident match their examples and none of their counter-examples', async () => {
  const { START_PHRASES, END_PHRASES, marksStart, marksEnd } = await import('../../../server/src/timeline/bounds.js');
  for (const [table, marks] of [[START_PHRASES, marksStart], [END_PHRASES, marksEnd]] as const) {
    for (const e of table.examples) assert.ok(marks(e), e);
    for (const c of table.counterExamples) assert.ok(!marks(c), c);
  }
});

test('summary.start-mismatch: the summary\'s time reads the same on the clock as the timeline\'s first entry but on another day or in another zone', () => {
  const tl = ['## Timeline', '', 'All events in UTC.', '', ' - Dec 16th, 2022 **12:43** First report of media failures', ' - Dec 17th, 2022 **08:21** Second report'];
  const day = md('# Media', '', '## Summary', '', 'On Saturday, December 17th, 2022 at roughly 12:43 UTC we received our first report.', '', ...tl);
  const f = findings(day, 'summary.start-mismatch');
  assert.deepEqual(f.map((x) => x.range.start.line), [4]);
  assert.match(f[0]!.message, /same time of day on 2022-12-16/);
  assert.deepEqual(findings(day.replace('December 17th', 'December 16th'), 'summary.start-mismatch'), [], 'the same moment');
  assert.deepEqual(findings(day.replace('12:43 UTC we', '12:10 UTC we'), 'summary.start-mismatch'), [], 'another clock time may be another moment (impact before the first report)');
  const zone = md('# Upgrade', '', '## Summary', '', '* Date: May 28 2025, 11:30 AM UTC - May 29 2025, 17:30 UTC', '* SEV-1: May 28 2025, 11:30 AM BST - May 28 2025, 20:30 UTC', '', '## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |', '| May 28 2025, 11:30 AM UTC | Upgrade executed |');
  const z = findings(zone, 'summary.start-mismatch');
  assert.deepEqual(z.map((x) => x.range.start.line), [5]);
  assert.match(z[0]!.message, /10:30 UTC.*11:30 UTC/);
});

test('summary.start-mismatch: a summary window with a date and time at both ends that ends before it starts', () => {
  const tl = ['## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |', '| July 2 2025, 11:00 AM UTC | Snapshot |', '| +10 minutes | Upgrade |'];
  const doc = (window: string) => md('# Retrial', '', '## Summary', '', `* Date: ${window}`, '', ...tl);
  const f = findings(doc('July 2 2025, 9:30 AM UTC - July 2 2025, 12:30 AM UTC'), 'summary.start-mismatch');
  assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character]), [[4, 8]]);
  assert.match(f[0]!.message, /ends \(2025-07-02 00:30 UTC\) before it starts \(2025-07-02 09:30 UTC\)/);
  assert.deepEqual(findings(doc('July 2 2025, 9:30 AM UTC - July 2 2025, 12:30 PM UTC'), 'summary.start-mismatch'), []);
  assert.deepEqual(findings(doc('July 2 2025, 9:30 PM UTC - July 3 2025, 12:30 AM UTC'), 'summary.start-mismatch'), [], 'past midnight with its date');
});

test('summary.start-mismatch compares clock times to the minute, as both are written: "12:50:27.435Z" is the timeline\'s "1250 UTC"', () => {
  const text = md('# Credentials', '', '## Background', '', 'Level 1 credentials could create level-3 tasks between 2018-08-10T12:50:27.435Z and 2018-08-27T16:00Z.', '', '## Timeline', '', '- 2018-08-10 1250 UTC ::::: API call modifies the role', '- 2018-08-27 1600 UTC ::::: mis-configuration noticed');
  assert.deepEqual(findings(text, 'summary.start-mismatch'), []);
  const other = md('# Credentials', '', '## Background', '', 'It started on 2018-08-10 at 12:50 CEST and ended at 16:00 UTC.', '', '## Timeline', '', '- 2018-08-10 12:50 UTC API call modifies the role', '- 2018-08-10 16:00 UTC noticed');
  assert.equal(findings(other, 'summary.start-mismatch').length, 1);
});
