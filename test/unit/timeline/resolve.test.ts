import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md } from '../../helpers/docs.js';
import { instants, timelineOfText, timelineSettings } from '../../helpers/timeline.js';

const tl = (text: string, settings = timelineSettings()) => timelineOfText(text, settings).timeline;

test('the zone comes from the entry, else the timeline statement, else frontmatter timezone, else the setting', () => {
  const body = ['## Timeline', '', '- 2024-08-20 14:02 - local', '- 2024-08-20 14:02 UTC - own zone'];
  // Berlin in August is UTC+2; Lisbon UTC+1; New York UTC−4; Tokyo UTC+9.
  const setting = timelineSettings({ defaultTimezone: 'Asia/Tokyo' });
  assert.deepEqual(instants(tl(md(...body), setting)), ['2024-08-20T05:02:00Z', '2024-08-20T14:02:00Z']);
  const fm = md('---', 'timezone: America/New_York', '---', ...body);
  assert.deepEqual(instants(tl(fm, setting)), ['2024-08-20T18:02:00Z', '2024-08-20T14:02:00Z']);
  const stated = md('---', 'timezone: America/New_York', '---', '## Timeline', '', 'Times are Europe/Lisbon.', '', ...body.slice(2));
  assert.deepEqual(instants(tl(stated, setting)), ['2024-08-20T13:02:00Z', '2024-08-20T14:02:00Z']);
  const heading = md('## Timeline (all times Europe/Berlin)', '', ...body.slice(2));
  assert.deepEqual(instants(tl(heading)), ['2024-08-20T12:02:00Z', '2024-08-20T14:02:00Z']);
  assert.equal(tl(heading).zoneSource, 'statement');
});

test('an invalid frontmatter timezone is unknown, not an error here and not a crash', () => {
  const t = tl(md('---', 'timezone: Mars/Olympus', '---', '## Timeline', '', '- 2024-08-20 14:02 - a'));
  assert.equal(t.zone, undefined);
  assert.equal(t.events[0]!.reason, 'no-zone');
});

test('pairs like PST/PDT follow DST: the same statement gives −8 in January and −7 in July', () => {
  const t = tl(md('## Timeline (all times PST/PDT)', '', '- 2024-01-15 09:00 - winter', '- 2024-07-15 09:00 - summer', '- 2024-01-15 09:00 PST - a PST entry in its season'));
  assert.deepEqual(instants(t), ['2024-01-15T17:00:00Z', '2024-07-15T16:00:00Z', '2024-01-15T17:00:00Z']);
  assert.deepEqual(t.seasonMismatches, []);
});

test('a seasonal abbreviation out of its season is read on its region\'s wall clock and noted once where it is written', () => {
  const t = tl(md('## Timeline', '', 'All times in PST', '', '- 2017-09-27 13:06 - summer, PST written', '- 13:35 - same', '- 2024-01-15 09:00 CEST - summer time in winter'));
  assert.deepEqual(instants(t), ['2017-09-27T20:06:00Z', '2017-09-27T20:35:00Z', '2024-01-15T08:00:00Z']);
  assert.deepEqual(
    t.seasonMismatches.map((m) => [m.range.start.line, m.range.start.character, m.label, m.region, m.count]),
    [
      [2, 13, 'PST', 'America/Los_Angeles', 2],
      [6, 19, 'CEST', 'Europe/Paris', 1],
    ],
  );
  const ok = tl(md('## Timeline', '', '- 2024-07-15 09:00 MST - Arizona keeps MST all year', '- 2024-07-15 09:00 PDT - in season'));
  assert.deepEqual(instants(ok), ['2024-07-15T16:00:00Z', '2024-07-15T16:00:00Z']);
  assert.deepEqual(ok.seasonMismatches, []);
});

test('midnight roll-over: a drop of more than 12 hours is the next day', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2023-08-25 23:50 - late', '- 23:55 - later', '- 00:10 - after midnight', '- 00:20 - next'));
  assert.deepEqual(instants(t), ['2023-08-25T23:50:00Z', '2023-08-25T23:55:00Z', '2023-08-26T00:10:00Z', '2023-08-26T00:20:00Z']);
  assert.deepEqual(t.order, []);
});

test('a drop of less than 12 hours is out of order, not a new day; exactly 12 in a timeline written oldest first is the next day', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2023-08-25 12:00 - noon', '- 01:00 - eleven hours earlier', '- 23:00 - evening'));
  assert.deepEqual(instants(t), ['2023-08-25T12:00:00Z', '2023-08-25T01:00:00Z', '2023-08-25T23:00:00Z']);
  assert.deepEqual(t.order, [{ index: 1, previous: 0 }]);
  const midnight = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2023-08-25 12:00 - noon', '- 00:00 - midnight', '- 01:00 - night'));
  assert.deepEqual(instants(midnight), ['2023-08-25T12:00:00Z', '2023-08-26T00:00:00Z', '2023-08-26T01:00:00Z']);
  assert.deepEqual(midnight.order, []);
});

test('roll-over with day headings: the heading gives the date; a drop under one heading still rolls over', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '### 2023-08-25', '', '- 23:50 - a', '- 00:05 - b', '', '### 2023-08-27', '', '- 00:30 - c'));
  assert.deepEqual(instants(t), ['2023-08-25T23:50:00Z', '2023-08-26T00:05:00Z', '2023-08-27T00:30:00Z']);
});

test('a heading without a date does not stop the roll-over: "Day 2" after 23:00 is the next day', () => {
  const t = tl(md('## Timeline', '', '### Day 1', '', '- 23:00 UTC - a', '', '### Day 2', '', '- 01:00 UTC - b'));
  assert.deepEqual(t.order, []);
  assert.deepEqual(t.events.map((e) => e.keys.relative! > 86_400_000), [false, true]);
});

test('without any date, roll-over still keeps the order checkable', () => {
  const t = tl(md('## Timeline', '', '- 23:50 UTC - a', '- 00:05 UTC - b', '- 00:01 UTC - c', '- 00:30 UTC - d'));
  assert.deepEqual(instants(t), [null, null, null, null]);
  assert.deepEqual(t.events.map((e) => e.reason), ['no-date', 'no-date', 'no-date', 'no-date']);
  assert.deepEqual(t.order, [{ index: 2, previous: 1 }], '00:01 after 00:05: 4 minutes back is out of order; 00:05 after 23:50 is the next day');
});

test('a time-only timeline gets its date from frontmatter started, else the first dated entry, else the title', () => {
  const entries = ['## Timeline', '', '- 10:00 UTC - a'];
  assert.deepEqual(instants(tl(md('---', 'started: 2024-08-20 09:00', '---', ...entries))), ['2024-08-20T10:00:00Z']);
  assert.deepEqual(instants(tl(md(...entries, '- 2024-09-01 11:00 UTC - b'))), ['2024-09-01T10:00:00Z', '2024-09-01T11:00:00Z']);
  assert.deepEqual(instants(tl(md('# Outage - September 29, 2025', '', ...entries))), ['2025-09-29T10:00:00Z']);
  assert.deepEqual(instants(tl(md('# Outage', '', '**Date:** January 14-19, 2026', '', ...entries))), ['2026-01-14T10:00:00Z']);
});

test('dates without a year take the year that puts them nearest the date before them', () => {
  const t = tl(md('# Outage', '', 'Started on 30 December 2023.', '', '## Timeline', '', 'All times in UTC.', '', '- Dec 31, 23:00 - a', '- Jan 1, 01:00 - b'));
  assert.deepEqual(instants(t), ['2023-12-31T23:00:00Z', '2024-01-01T01:00:00Z']);
});

test('date-only entries are ordered by date and placed at the start of their day in the zone', () => {
  const t = tl(md('## Timeline', '', 'All times are Europe/Berlin.', '', '| Time | Event |', '|---|---|', '| 2021-12-10 | published |', '| 2021-12-10 15:40 | aware |', '| 2021-12-09 | before |'));
  assert.deepEqual(instants(t), ['2021-12-09T23:00:00Z', '2021-12-10T14:40:00Z', '2021-12-08T23:00:00Z']);
  assert.deepEqual(t.events.map((e) => e.dateOnly), [true, false, true]);
  assert.deepEqual(t.order, [{ index: 2, previous: 1 }]);
});

test('entries in a DST gap have no instant; in an overlap the earlier instant, with both noted', () => {
  const t = tl(md('## Timeline', '', 'All times America/New_York.', '', '- 2024-03-10 02:30 - gap', '- 2024-11-03 01:30 - overlap', '- 2024-11-03T01:30-05:00 - with its offset'));
  assert.deepEqual(instants(t), [null, '2024-11-03T05:30:00Z', '2024-11-03T06:30:00Z']);
  assert.equal(t.events[0]!.reason, 'nonexistent');
  assert.deepEqual(t.events[1]!.overlap?.offsets, [-240, -300]);
  assert.equal(t.events[2]!.overlap, undefined);
});

test('no zone in the timeline: the nearest one stated above it (a time with a zone in the summary) places its times', () => {
  const t = tl(md('## Summary', '', 'On March 5, 2025, at 7:29 UTC the upgrade went live.', '', '## Timeline', '', '- 9:44 - report', '- 10:07 - call'));
  assert.deepEqual(instants(t), ['2025-03-05T09:44:00Z', '2025-03-05T10:07:00Z']);
  const ambiguous = tl(md('## Summary', '', 'On March 5, 2025, at 7:29 IST the upgrade went live.', '', '## Timeline', '', '- 9:44 - report'));
  assert.deepEqual(instants(ambiguous), [null], 'an ambiguous abbreviation above places nothing');
  const none = tl(md('## Summary', '', 'On March 5, 2025, 3 nodes failed.', '', '## Timeline', '', '- 9:44 - report'));
  assert.deepEqual(instants(none), [null]);
});

test('a zone stated again further down the timeline holds for the entries after it', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2024-03-01 10:00 - in UTC', '', 'Times below are in CET.', '', '- 2024-03-01 12:00 - in CET'));
  assert.deepEqual(instants(t), ['2024-03-01T10:00:00Z', '2024-03-01T11:00:00Z']);
});

test('a timeline written newest first throughout (three steps back or more) is in order; one step back in an oldest-first timeline is not', () => {
  const newest = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2023-01-13 20:30 - still running', '- 2023-01-13 18:00 - script starts', '- 2023-01-13 15:30 - fixed by hand', '- 2023-01-13 14:30 - report'));
  assert.deepEqual(newest.order, []);
  const mixed = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2023-01-13 14:30 - report', '- 2023-01-13 18:00 - script', '- 2023-01-13 15:00 - out of place', '- 2023-01-13 20:30 - done'));
  assert.deepEqual(mixed.order, [{ index: 2, previous: 1 }]);
  const three = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2023-01-13 18:00 - c', '- 2023-01-13 14:30 - b', '- 2023-01-13 14:00 - a'));
  assert.deepEqual(three.order, [{ index: 1, previous: 0 }, { index: 2, previous: 1 }], 'two steps back are problems, not yet a newest-first timeline');
});

test('in a timeline of AM/PM times, a bare "1:17" after "11:57" goes on into the afternoon; without AM/PM anywhere it does not', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '### March 5, 2025', '', '### 10:45-11:37 AM: fixes', '- 11:57: discussion', '- 1:17: updated test', '', '### 1:42-1:59 PM: releases', '- 1:42: passes'));
  assert.deepEqual(instants(t), ['2025-03-05T10:45:00Z', '2025-03-05T11:57:00Z', '2025-03-05T13:17:00Z', '2025-03-05T13:42:00Z', '2025-03-05T13:42:00Z']);
  assert.deepEqual(t.order, []);
  const plain = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2025-03-05 11:57: discussion', '- 1:17: earlier, out of order'));
  assert.deepEqual(instants(plain), ['2025-03-05T11:57:00Z', '2025-03-05T01:17:00Z']);
});

test('a day heading written "19. April, 11:00" gives its date', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '### 2018-04-18 19:47', '', '### 19. April, 11:00', '', '### 11:07'));
  assert.deepEqual(instants(t), ['2018-04-18T19:47:00Z', '2018-04-19T11:00:00Z', '2018-04-19T11:07:00Z']);
});

test('BST is ambiguous (Britain, Bangladesh) unless the document settles it; in winter it cannot be British Summer Time', () => {
  const summer = timelineOfText(md('## Timeline (times in BST)', '', '- 2025-08-12 5:00 PM Incident declared', '- 6:11 PM Incident resolved'));
  assert.deepEqual(instants(summer.timeline), [null, null], 'a British team is no statement of the zone');
  assert.deepEqual(summer.timeline.ambiguousZones.map((a) => a.label), ['BST']);
  const entry = timelineOfText(md('## Timeline', '', '- 2025-07-02 11:30 BST upgrade started'));
  assert.deepEqual(instants(entry.timeline), [null]);
  const winter = timelineOfText(md('## Timeline (times in BST)', '', '- 2025-01-12 5:00 PM Incident declared'));
  assert.deepEqual(instants(winter.timeline), [null]);
  assert.deepEqual(winter.timeline.ambiguousZones.map((a) => a.label), ['BST']);
  const dateless = timelineOfText(md('## Timeline (times in BST)', '', '- 5:00 PM Incident declared'));
  assert.deepEqual(dateless.timeline.ambiguousZones.map((a) => a.label), ['BST']);
});

test('a time the entry quotes in another zone settles BST by evidence: it stays ambiguous when the quote contradicts British Summer Time', () => {
  const doc = (utc: string) =>
    md('## Timeline (times in BST)', '', '### July 11, 2025, 5:42 PM', 'Incident declared', `> Violation started: July 11, 2025 at ${utc} UTC`, '', '### 6:00 PM', 'Resolved');
  const agrees = timelineOfText(doc('4:42PM'));
  assert.deepEqual(instants(agrees.timeline), ['2025-07-11T16:42:00Z', '2025-07-11T17:00:00Z']);
  assert.deepEqual(agrees.timeline.ambiguousZones, []);
  const contradicts = timelineOfText(doc('9:42PM'));
  assert.deepEqual(instants(contradicts.timeline), [null, null]);
  assert.deepEqual(contradicts.timeline.ambiguousZones.map((a) => a.label), ['BST']);
  // Both: one quote that contradicts it leaves the reading in doubt.
  const both = timelineOfText(md('## Timeline (times in BST)', '', '### July 11, 2025, 5:42 PM', 'Declared', '> Violation started: July 11, 2025 at 4:42PM UTC', '', '### 6:00 PM', 'Paged', '> Alert: July 11, 2025 at 9:00PM UTC'));
  assert.deepEqual(instants(both.timeline), [null, null]);
});

test('"+10 minutes", "[+6.5 hrs]", "+2 Business Days Later" count from the last entry with its own date and time', () => {
  const text = md(
    '## Timeline',
    '',
    '| Time (UTC) | Event |',
    '| --- | --- |',
    '| May 28 2025, 11:30 AM UTC | Upgrade executed |',
    '| \\[+1 hrs] | Failure confirmed |',
    '| \\[+16.5 hrs] | Regression observed |',
    '| \\[+2 Business Days Later] | Fixes staged |',
    '| May 30 2025, 14:00 UTC | Release |',
    '| +10 minutes | Checks pass |',
  );
  const t = tl(text);
  assert.deepEqual(instants(t).slice(0, 4), ['2025-05-28T11:30:00Z', '2025-05-28T12:30:00Z', '2025-05-29T04:00:00Z', '2025-05-30T00:00:00Z']);
  // Wednesday 28 May 2025 plus two business days is Friday 30 May; a date without a time of day.
  assert.equal(t.events[3]!.dateOnly, true);
  assert.deepEqual(instants(t).slice(4), ['2025-05-30T14:00:00Z', '2025-05-30T14:10:00Z']);
  assert.deepEqual(t.order, []);
  const friday = tl(md('## Timeline', '', '- 2025-05-30 10:00 UTC release', '- +1 business day: checks'));
  assert.deepEqual(friday.events[1]!.date, { year: 2025, month: 6, day: 2 }, 'Friday plus one business day is Monday');
  const first = tl(md('## Timeline', '', '- +10 minutes: nothing before it to count from'));
  assert.equal(first.events[0]!.utc, undefined);
  assert.equal(first.events[0]!.reason, 'no-time');
});

test('elapsed time crosses a clock change as time, not as wall clock', () => {
  // Berlin moved from +01:00 to +02:00 at 02:00 on 2024-03-31: 01:30 plus one hour is 03:30 on the wall.
  const t = tl(md('## Timeline', '', 'All times Europe/Berlin.', '', '- 2024-03-31 01:30 start', '- +1 hour: next'));
  assert.deepEqual(instants(t), ['2024-03-31T00:30:00Z', '2024-03-31T01:30:00Z']);
  assert.deepEqual(t.events[1]!.time, { hour: 3, minute: 30, second: 0, millisecond: 0 });
});

test('a weekday beside a time dates its entry to the nearest such day; in a newest-first timeline it dates only its own entry', () => {
  // 2023-01-13 was a Friday.
  const newestFirst = tl(md('## Timeline', '', '* **15:00 UTC(Sat)** All restored.', '* **20:30 UTC** Script still running.', '* **14:30 UTC** First report.'), timelineSettings());
  const dated = (t: ReturnType<typeof tl>) => instants(t);
  const withDate = (text: string) => tl(md('---', 'date: 2023-01-13', '---', '', text));
  assert.deepEqual(dated(withDate(['## Timeline', '', '* **15:00 UTC(Sat)** All restored.', '* **20:30 UTC** Script still running.', '* **14:30 UTC** First report.'].join('\n'))), [
    '2023-01-14T15:00:00Z',
    '2023-01-13T20:30:00Z',
    '2023-01-13T14:30:00Z',
  ]);
  assert.deepEqual(dated(withDate(['## Timeline', '', '* **14:30 UTC** First report.', '* **02:00 UTC (Sat)** Restore done.', '* **03:00 UTC** Checks pass.'].join('\n'))), [
    '2023-01-13T14:30:00Z',
    '2023-01-14T02:00:00Z',
    '2023-01-14T03:00:00Z',
  ]);
  assert.equal(newestFirst.events.length, 3);
});

test('a placeholder that gives the hour ("22:XX") keeps its day but gets no instant; one for the whole time ("HH:mm") is the day', () => {
  const t = tl(md('## Timeline', '', 'All times UTC.', '', ' - Dec 17th, 2022 **21:44** reports', ' - Dec 17th, 2022 **22:XX** More reports', ' - Dec 18th, 2022 HH:mm Fixed'));
  assert.deepEqual(instants(t).slice(0, 2), ['2022-12-17T21:44:00Z', null]);
  assert.equal(t.events[1]!.reason, 'no-time');
  assert.equal(t.events[1]!.dateOnly, false);
  assert.equal(t.events[2]!.dateOnly, true);
  assert.deepEqual(t.events[2]!.date, { year: 2022, month: 12, day: 18 });
});

test('a time exactly twelve hours before the one above it is the next day in a timeline written oldest first', () => {
  const t = tl(md('## Timeline', '', 'All times UTC.', '', '- 2022-04-05 23:00 first failure', '- 11:00 more failures', '- 12:00 isolated'));
  assert.deepEqual(instants(t), ['2022-04-05T23:00:00Z', '2022-04-06T11:00:00Z', '2022-04-06T12:00:00Z']);
  const back = tl(md('## Timeline', '', 'All times UTC.', '', '- 2022-04-05 23:00 restored', '- 22:00 fix deployed', '- 21:00 cause found', '- 11:00 first failure'));
  assert.deepEqual(instants(back).slice(3), ['2022-04-05T11:00:00Z'], 'newest first: half a day back stays on the day');
});

test('with no AM/PM anywhere, a bare "1:52" right after "12:16" is the afternoon (a 24-hour clock writes 13:52); after "11:57" it stays earlier; newest first it is not moved', () => {
  const noon = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2019-03-20 11:54 checks', '- 12:16 creds rolled', '- 1:52 log drains found', '- 3:31 cleanup complete'));
  assert.deepEqual(instants(noon), ['2019-03-20T11:54:00Z', '2019-03-20T12:16:00Z', '2019-03-20T13:52:00Z', '2019-03-20T15:31:00Z']);
  assert.deepEqual(noon.order, []);
  const morning = tl(md('## Timeline', '', 'All times in UTC.', '', '- 2025-03-05 11:57: discussion', '- 1:17: earlier, out of order'));
  assert.deepEqual(instants(morning), ['2025-03-05T11:57:00Z', '2025-03-05T01:17:00Z']);
});

test('a day heading with a date starts the 12-hour reading afresh: on the next morning, "8:30" after "9:00" is earlier, not the evening', () => {
  const t = tl(md('## Timeline', '', 'All times in UTC.', '', '### 2019-03-20', '', '- 11:54 checks', '- 12:16 creds rolled', '- 1:52 drains found', '- 3:31 cleanup', '', '### 2019-03-21', '', '- 9:00 review', '- 10:15 patch', '- 9:30 earlier, out of order'));
  assert.deepEqual(instants(t), ['2019-03-20T11:54:00Z', '2019-03-20T12:16:00Z', '2019-03-20T13:52:00Z', '2019-03-20T15:31:00Z', '2019-03-21T09:00:00Z', '2019-03-21T10:15:00Z', '2019-03-21T09:30:00Z']);
  assert.deepEqual(t.order, [{ index: 6, previous: 5 }]);
});

test('a clock time the timeline says stands in for times it does not know gives those entries their day, not a time', () => {
  const doc = (note: string) =>
    timelineOfText(md('# Breaking change', '', '## Timeline', '', note, '', '2019-09-23 **(all times in UTC-5)**', '', '- 09:00 reported as an issue', '- 13:06 reverted', '', '2019-09-30', '', '- 09:00 replied'));
  const t = doc('_Note: times that were hard to determine are marked as 09:00_').timeline;
  assert.deepEqual(instants(t), [null, '2019-09-23T18:06:00Z', null]);
  assert.deepEqual(t.events.map((e) => e.date?.day), [23, 23, 30], 'the day is known');
  assert.match(t.events[0]!.unresolved ?? '', /placeholder/);
  // Without the note, 09:00 is 09:00.
  assert.deepEqual(instants(doc('All entries are from the chat log.').timeline), ['2019-09-23T14:00:00Z', '2019-09-23T18:06:00Z', '2019-09-30T14:00:00Z']);
});
