import { test } from 'node:test';
import assert from 'node:assert/strict';
import { md } from '../../helpers/docs.js';
import { instants, timelineOfText } from '../../helpers/timeline.js';

/** A post-mortem whose timeline section holds the given lines (starting on line 2). */
const doc = (...lines: string[]) => md('## Timeline', '', ...lines);
const events = (text: string) => timelineOfText(text).timeline.events;

test('list items starting with a timestamp: plain, bold, backticks, brackets, links; separators - — – : |', () => {
  const t = events(
    doc(
      'All times in UTC.',
      '',
      '- 2024-08-20 14:02 - plain with a hyphen',
      '- **2024-08-20 14:03** — bold with an em dash',
      '* `2024-08-20 14:04` – backticks with an en dash',
      '- [2024-08-20 14:05]: brackets with a colon',
      '1. [2024-08-20 14:06](https://chat/p1) | a link with a pipe',
      '2. __2024-08-20 14:07:__ bold with the colon inside',
      '- 2024-08-20 14:08 UTC a space is enough after a time',
      '- Not an entry: no timestamp first',
      '- 2 engineers joined (a number, not a time)',
    ),
  );
  assert.deepEqual(
    t.map((e) => [e.startLine, e.raw, e.text]),
    [
      [4, '2024-08-20 14:02', 'plain with a hyphen'],
      [5, '2024-08-20 14:03', 'bold with an em dash'],
      [6, '2024-08-20 14:04', 'backticks with an en dash'],
      [7, '2024-08-20 14:05', 'brackets with a colon'],
      [8, '2024-08-20 14:06', 'a link with a pipe'],
      [9, '2024-08-20 14:07', 'bold with the colon inside'],
      [10, '2024-08-20 14:08 UTC', 'a space is enough after a time'],
    ],
  );
  // The timestamp's range is the text inside the wrapper: "**" + 16 characters on line 5.
  assert.deepEqual(t[1]!.stampRange, { start: { line: 5, character: 4 }, end: { line: 5, character: 20 } });
});

test('an entry carries its source range (all lines of a multi-line item), its text and the @people it mentions', () => {
  const t = events(doc('- 10:00 UTC - @ana pages @bo-smith,', '  who joins at once (mail: ops@example.com)', '- 10:05 UTC - @bo-smith rolls back'));
  assert.equal(t.length, 2);
  assert.deepEqual([t[0]!.startLine, t[0]!.endLine], [2, 4]);
  assert.equal(t[0]!.text, '@ana pages @bo-smith, who joins at once (mail: ops@example.com)');
  assert.deepEqual(t[0]!.people, ['ana', 'bo-smith'], 'no e-mail address, no trailing comma');
  assert.deepEqual(t[1]!.people, ['bo-smith']);
});

test('tables: the Time column, a first column, date-only rows, a Date and a Time column read together', () => {
  const timeCol = events(doc('| Who | Time (UTC) | Event |', '| --- | --- | --- |', '| @ana | 2021-12-10 15:40 | Aware |', '| @bo | 2021-12-10 | Published |'));
  assert.deepEqual(timeCol.map((e) => [e.startLine, e.raw, e.text, e.dateOnly, e.people]), [
    [4, '2021-12-10 15:40', 'Aware', false, ['ana']],
    [5, '2021-12-10', 'Published', true, ['bo']],
  ]);
  const first = events(doc('| At | Event |', '|---|---|', '| 2021-12-13 15:50 | Scan &amp; fix |'));
  assert.deepEqual(first.map((e) => [e.raw, e.text]), [['2021-12-13 15:50', 'Scan & fix']]);
  const split = events(doc('All times in UTC.', '', '| Date | Time | What |', '|---|---|---|', '| 2023-08-25 | 23:50 | a |'));
  assert.deepEqual(instants({ events: split } as never), ['2023-08-25T23:50:00Z']);
});

test('paragraphs of HH:MM - text lines, with continuation lines, and lines joined with <br>', () => {
  const t = events(doc('### 2023-08-25', '', '09:00 - first', 'still the first', '09:10 - second<br>09:20 - third<br/> 09:30 - fourth', '', '09:40 - fifth'));
  assert.deepEqual(t.map((e) => [e.startLine, e.raw, e.text]), [
    [4, '09:00', 'first still the first'],
    [6, '09:10', 'second'],
    [6, '09:20', 'third'],
    [6, '09:30', 'fourth'],
    [8, '09:40', 'fifth'],
  ]);
  assert.deepEqual(t.map((e) => e.date?.day), [25, 25, 25, 25, 25]);
});

test('day sub-headings and date lines give their date to the time-only entries under them', () => {
  const t = events(
    doc(
      'All times in UTC.',
      '',
      '### Monday, 25 August 2023',
      '',
      '- 10:00 - a',
      '',
      '**2023-08-26**',
      '',
      '- 11:00 - b',
      '',
      '- 2023-08-27',
      '  - 12:00 - c',
    ),
  );
  assert.deepEqual(instants({ events: t } as never), ['2023-08-25T10:00:00Z', '2023-08-26T11:00:00Z', '2023-08-27T12:00:00Z']);
  assert.equal(t.length, 3, 'a bare date with entries nested under it is a date line, not an event');
});

test('milestones marked on entries: [tags], <START OF OUTAGE>, **START**, bold labels and (resolved)', () => {
  const t = events(
    doc(
      '- 10:00 UTC - deploy <START OF OUTAGE>',
      '- 10:05 UTC - **Detection:** alert fires',
      '- 10:07 UTC - paged [acknowledged]',
      '- 10:20 UTC - **MITIGATED** traffic drained',
      '- 10:30 UTC - target groups reattached (resolved)',
      '- 10:31 UTC - (Lloyd) writes the notes',
    ),
  );
  assert.deepEqual(t.map((e) => e.milestone ?? null), ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', null]);
  assert.equal(t[0]!.text, 'deploy', 'the marker is not part of the text');
  assert.equal(t[2]!.text, 'paged');
});

test('only the timeline section is read', () => {
  const text = md('## Summary', '', '- 10:00 UTC - not an event', '', '## Timeline', '', '- 11:00 UTC - an event', '', '## Root cause', '', '- 12:00 UTC - not one either');
  assert.deepEqual(events(text).map((e) => e.startLine), [6]);
});

test('paragraph sentences that open with their time or date are entries; "At" needs a time, "On" a date', () => {
  const t = events(
    doc(
      'At 15:10 we deployed and saw exceptions.',
      '',
      'At 09:41 (GMT+1), we deployed a new version.',
      '',
      'On Monday 30th January, the team started the upgrade.',
      '',
      'At first nobody noticed.',
      '',
      'On 14:00 nothing: a time after "On" is not a date.',
      '',
      'From 10:30: some customers saw slow pages.',
      '',
      'Around 11:05, the team rolled back.',
      '',
      'At 11:20: traffic recovered.',
      '',
      'From Monday the team worked in shifts: a day after "From" is no time.',
    ),
  );
  assert.deepEqual(
    t.map((e) => [e.startLine, e.raw, e.text]),
    [
      [2, '15:10', 'we deployed and saw exceptions.'],
      [4, '09:41 (GMT+1)', 'we deployed a new version.'],
      [6, 'Monday 30th January', 'the team started the upgrade.'],
      [12, '10:30', 'some customers saw slow pages.'],
      [14, '11:05', 'the team rolled back.'],
      [16, '11:20', 'traffic recovered.'],
    ],
  );
});

test('an approximate time after a date: "2018-07-30 ca. 11:20"', () => {
  const t = events(doc('### 2018-07-30 ca. 11:20', '', 'text'));
  assert.deepEqual(t.map((e) => [e.raw, e.stamp.time?.hour, e.stamp.approximate]), [['2018-07-30 ca. 11:20', 11, true]]);
});

test('a remark in brackets alone under the heading states the zone: "(UTC+1)", "(Paris, UTC+1)"; a remark without a zone states none', () => {
  const zoned = (remark: string) => instants(timelineOfText(doc(remark, '', '- 2019-03-06 10:42 - deploy', '- 2019-03-06 11:05 - rollback')).timeline);
  assert.deepEqual(zoned('(UTC+1)'), ['2019-03-06T09:42:00Z', '2019-03-06T10:05:00Z']);
  assert.deepEqual(zoned('(Paris, UTC+1)'), ['2019-03-06T09:42:00Z', '2019-03-06T10:05:00Z']);
  assert.deepEqual(zoned('(from the chat log)'), [null, null]);
});

test('a statement of the zone may be emphasised with underscores or asterisks: "_Times in UTC_", "*All times GMT*"', () => {
  const zoned = (statement: string) => instants(timelineOfText(doc(statement, '', '- 2019-03-06 10:42 - deploy')).timeline);
  for (const s of ['_Times in UTC_', '*Times in UTC*', '__All times in UTC__', '_Timezone: UTC_']) assert.deepEqual(zoned(s), ['2019-03-06T10:42:00Z'], s);
  assert.deepEqual(zoned('_Overtimes in UTC_'), [null], 'a word that only holds "times"');
});

test('further sections named as a timeline are read too, each in its own order and groups; a zone stated in one holds from there', () => {
  const text = md(
    '## Timeline (all times UTC)',
    '',
    '- 2025-08-12 17:00 Incident declared',
    '- 17:30 Resolved',
    '',
    '## What went well',
    '',
    'Quick response.',
    '',
    '## Follow-up timeline',
    '',
    'All times in CEST.',
    '',
    '- 20:16 More reports',
    '- 20:20 Acknowledged',
    '',
    '## Timeline of the planning',
    '',
    '- May 15, 2024: Proposal',
    '- June 3, 2024: Decision',
  );
  const { timeline } = timelineOfText(text);
  assert.deepEqual(timeline.events.map((e) => e.startLine), [2, 3, 13, 14, 18, 19]);
  assert.deepEqual(instants(timeline).slice(0, 4), ['2025-08-12T17:00:00Z', '2025-08-12T17:30:00Z', '2025-08-12T18:16:00Z', '2025-08-12T18:20:00Z']);
  assert.deepEqual(timeline.order, [], 'the planning timeline (2024) is not out of order after the incident (2025)');
  const groups = new Set(timeline.events.map((e) => e.group));
  assert.equal(groups.size, 3, 'entries move only within their own section');
});

test('a zone stated only in a further timeline does not place the first one', () => {
  const text = md('## Timeline', '', '- 2025-08-12 17:00 Incident declared', '', '## Follow-up timeline', '', 'All times in UTC.', '', '- 20:16 More reports');
  const { timeline } = timelineOfText(text);
  assert.deepEqual(instants(timeline), [null, '2025-08-12T20:16:00Z']);
});

test('with no timeline section, a list whose items (three or more) all start with a time of day is the timeline', () => {
  const text = md(
    '## CI Failures in AWS',
    '',
    '* **23:00 UTC(*April 5, 2022*)** - A CI run fails',
    '* **11:00 UTC** - More failures',
    '* **12:00 UTC** - Problem isolated',
    '',
    'Some prose.',
  );
  const { timeline } = timelineOfText(text, undefined);
  assert.deepEqual(timeline.events.map((e) => e.startLine), [2, 3, 4]);
  assert.equal(timeline.section, undefined);
  // 23:00, then 11:00 in a list written oldest first: the next morning.
  assert.equal(timeline.events[1]!.utc! - timeline.events[0]!.utc!, 12 * 3_600_000);
  const dates = timelineOfText(md('## Releases', '', '- 2024-01-01: v1', '- 2024-02-01: v2', '- 2024-03-01: v3')).timeline;
  assert.equal(dates.events.length, 0, 'a list of dates alone is not a timeline');
  const two = timelineOfText(md('## Notes', '', '- 10:00 UTC a', '- 11:00 UTC b')).timeline;
  assert.equal(two.events.length, 0, 'two timed items are not enough');
  const mixed = timelineOfText(md('## Notes', '', '- 10:00 UTC a', '- 11:00 UTC b', '- and then c', '- 12:00 UTC d')).timeline;
  assert.equal(mixed.events.length, 0, 'every item must start with a time');
});

test('with no timeline section, a run of three or more paragraphs each opening with a time is the timeline, a status page\'s "[Update - …]" labels included', () => {
  const status = timelineOfText(
    md(
      '[Final message]',
      'Outage finished.',
      '',
      '[Update - 2023-03-29 15h50 UTC]',
      'Queue cleaned up, the instance is back.',
      '',
      '[Update - 2023-03-29 14:00 UTC]',
      'Increased the VM capacity.',
      '',
      '[Resolved on 2023-03-28 21:00 UTC]',
      'Agents work again.',
    ),
  ).timeline;
  assert.deepEqual(status.events.map((e) => [e.startLine, e.text]), [
    [3, 'Queue cleaned up, the instance is back.'],
    [6, 'Increased the VM capacity.'],
    [9, 'Agents work again.'],
  ]);
  assert.deepEqual(instants(status), ['2023-03-29T15:50:00Z', '2023-03-29T14:00:00Z', '2023-03-28T21:00:00Z'], 'written newest first: no roll-over');
  const news = timelineOfText(md('Power is out. All times CEST, 2008-10-10.', '', '13:15 CEST: New estimate.', '', '16:45 CEST: Later still.', '', '18:05 CEST: Tomorrow morning.')).timeline;
  assert.deepEqual(news.events.map((e) => e.startLine), [2, 4, 6]);
  const prose = timelineOfText(md('We deployed at 10:00.', '', '10:00 UTC: deploy.', '', 'Then we waited.', '', '11:00 UTC: errors.', '', '12:00 UTC: rollback.')).timeline;
  assert.equal(prose.events.length, 0, 'the paragraphs must follow one another');
  const [a] = timelineOfText(md('## Timeline', '', '- [Update - 2023-03-29 14:00 UTC] capacity raised')).timeline.events;
  assert.equal(a?.utc, Date.UTC(2023, 2, 29, 14));
  assert.equal(timelineOfText(md('## Timeline', '', '- [Updated docs - 2023-03-29 14:00 UTC] x')).timeline.events.length, 0, 'a status word alone, not any words');
  const [b] = timelineOfText(md('## Timeline', '', '[Update 11th of February 2022 - 19:00 UTC]', 'The service is back.')).timeline.events;
  assert.equal(b?.utc, Date.UTC(2022, 1, 11, 19), 'the status word may be followed by the date with no separator');
});

test('with no timeline section (or one named in another language), a paragraph whose lines open with times, or a table whose first column holds them, is the timeline', () => {
  const lines = timelineOfText(md('## Tidslinje', '', '08.02.2022 20:10 - Deploy av dp-innsyn', '08.02.2022 21:10 - Første innslag i loggene', '09.02.2022 09:25 - Henvendelse i #alert', '09.02.2022 ca 12:00 - Fiks og deploy')).timeline;
  assert.deepEqual(lines.events.map((e) => [e.startLine, e.text]), [[2, 'Deploy av dp-innsyn'], [3, 'Første innslag i loggene'], [4, 'Henvendelse i #alert'], [5, 'Fiks og deploy']]);
  const table = timelineOfText(md('## Ablauf', '', '| Uhrzeit | Ereignis |', '| --- | --- |', '| 2024-03-12 15:15 | Alarm |', '| 2024-03-12 15:30 | Meldung |', '| 2024-03-12 21:30 | Behoben |')).timeline;
  assert.deepEqual(table.events.map((e) => e.startLine), [4, 5, 6]);
  // Two timed lines are no timeline; nor a table whose times are in a later column (a list of wallets and when each was hit).
  assert.equal(timelineOfText(md('## Notes', '', '08.02.2022 20:10 - Deploy', '08.02.2022 21:10 - Logs', 'Then it went quiet.')).timeline.events.length, 0);
  const wallets = md('| Owner | Amount | Time |', '| --- | --- | --- |', '| comdex1c36 | 4.41 | 16/12/2022 00:50:10 |', '| comdex1acs | 23.39 | 16/12/2022 02:59:44 |', '| comdex1v9w | 8.73 | 16/12/2022 13:31:17 |');
  assert.equal(timelineOfText(wallets).timeline.events.length, 0);
  // A table of dates alone is a changelog, not a timeline.
  assert.equal(timelineOfText(md('| Date | Change |', '| --- | --- |', '| 2024-01-02 | a |', '| 2024-01-09 | b |', '| 2024-01-16 | c |')).timeline.events.length, 0);
});

test('a date with a part of the day ("2026-06-12 evening") is a day entry with no time; a period of days ("2026-06-10 – 2026-06-12") is its first day', () => {
  const t = events(doc('All times CEST.', '', '- **2026-06-10 – 2026-06-12** — zero logins', '- **2026-06-12 evening** — root cause confirmed', '- 2026-06-13 early morning: fix deployed'));
  assert.deepEqual(
    t.map((e) => [e.startLine, e.date && `${e.date.year}-${e.date.month}-${e.date.day}`, e.time ?? null, e.text]),
    [
      [4, '2026-6-10', null, 'zero logins'],
      [5, '2026-6-12', null, 'root cause confirmed'],
      [6, '2026-6-13', null, 'fix deployed'],
    ],
  );
});

test('a time in parentheses, or followed by a comma, opens an entry', () => {
  const t = events(doc('All times in UTC.', '', '- (14:02) deploy starts', '- Around 14:10, errors rise', '- 14:20, rollback'));
  assert.deepEqual(t.map((e) => [e.startLine, e.text]), [[4, 'deploy starts'], [5, 'errors rise'], [6, 'rollback']]);
});

test('under a timeline heading, a line that opens with a time is an entry without a separator; elsewhere it needs one', () => {
  const t = events(doc('All times UTC.', '', '2019-03-10 21:15 daily updates reset the secrets', '', '09:01 #xpub-tech first message', '', 'Peter tries to log in, he can\'t', '', '09:02 Chris reproduces it'));
  assert.deepEqual(t.map((e) => [e.startLine, e.text]), [[4, 'daily updates reset the secrets'], [6, '#xpub-tech first message'], [10, 'Chris reproduces it']]);
  const untitled = timelineOfText(md('## What happened', '', '09:01 we saw errors', '', '09:02 we paged', '', '09:03 it recovered')).timeline;
  assert.equal(untitled.events.length, 0, 'prose paragraphs outside a timeline need a separator after the time');
});

test('a time in nested emphasis or a link inside emphasis opens an entry; arrows separate it from the text', () => {
  const t = events(doc('All times in UTC.', '', '- **_02:00_** under a weekday heading', '- _**02:10**_ the other way round', '- **[02:20](https://chat/p1)** a linked time', '- 02:30 → an arrow', '- 02:40 => another'));
  assert.deepEqual(t.map((e) => [e.startLine, e.text]), [
    [4, 'under a weekday heading'],
    [5, 'the other way round'],
    [6, 'a linked time'],
    [7, 'an arrow'],
    [8, 'another'],
  ]);
  assert.equal(events(doc('- **_not a time_** text')).length, 0);
});

test('emphasis around the whole entry, stamp, separator and text: "**15 December 2024, 07:24 – Second Request for ETA**", "_**13:16:59**: paged_"', () => {
  const read = (...lines: string[]) => timelineOfText(md('## Timeline', '', 'All times UTC.', '', ...lines)).timeline.events.map((e) => [e.startLine, e.utc === undefined ? null : new Date(e.utc).toISOString().slice(0, 16), e.text]);
  assert.deepEqual(read('7. **15 December 2024, 07:24 – Second Request for ETA**', '8. **15 December 2024, 09:10 – Reply**'), [
    [4, '2024-12-15T07:24', 'Second Request for ETA'],
    [5, '2024-12-15T09:10', 'Reply'],
  ]);
  assert.deepEqual(read('- _2024-12-15 13:16 UTC: first alert_', '- _2024-12-15 13:20 UTC: paged_').map((e) => e[1]), ['2024-12-15T13:16', '2024-12-15T13:20']);
  assert.deepEqual(read('_**2024-12-15 13:16:59**: first alert_', '', '_**2024-12-15 13:20:01**: paged_').map((e) => e[2]), ['first alert', 'paged']);
  // Not an entry: emphasis with text after it, or a time without a separator inside it.
  assert.deepEqual(read('- **2024-12-15 07:24 – deploy** and more after it', '- _2024-12-15 13:16 was when we noticed_'), []);
});

test('a list indented four spaces (a code block to Markdown) is read as the list its writer meant; fenced code and log lines are not', () => {
  const indented = events(doc('All times in UTC.', '', '    - 2019-03-20 11:16 ::::: deploy with new logging', '    - 2019-03-20 11:54 ::::: creds noticed in logs', ''));
  assert.equal(indented.length, 2);
  assert.deepEqual(instants(timelineOfText(doc('All times in UTC.', '', '    - 2019-03-20 11:16 deploy', '    - 2019-03-20 11:54 noticed', '')).timeline), ['2019-03-20T11:16:00Z', '2019-03-20T11:54:00Z']);
  assert.equal(events(doc('All times in UTC.', '', '```', '- 2019-03-20 11:16 deploy', '```', '')).length, 0);
  assert.equal(events(doc('All times in UTC.', '', '    2019-03-20 11:16:02 ERROR pool exhausted', '    2019-03-20 11:16:05 ERROR pool exhausted', '')).length, 0);
});

test('an entry under a timeline nested in the first timeline\'s day sections is read once (found by the properties, seed 416505692)', () => {
  const t = timelineOfText('### Events/Timeline\n\n### 2023-05-01\n\n#### IV) Timeline\n\n- 13:00 - checkout\n- 13:05 - checkout').timeline;
  assert.deepEqual(t.events.map((e) => e.startLine), [6, 7]);
});

test('a day line whose events have no time is the entry of that day, with its date; one with timed entries under it stays their date', () => {
  const t = timelineOfText(
    md(
      '# CVE post-mortem',
      '',
      '## Timeline',
      '',
      'All times US/Pacific',
      '',
      '2019-02-18:',
      '* [CVE-2019-9901] Path normalization issue was reported.',
      '',
      '2019-02-19:',
      '* [CVE-2019-9901] An issue was opened.',
      '* Reviewers speculated.',
      '',
      '2019-04-05:',
      '* 11:20 AM v1.11.2 pushed',
      '',
      '2019-04-06:',
    ),
  ).timeline.events;
  assert.deepEqual(
    t.map((e) => [e.startLine, e.date && `${e.date.year}-${e.date.month}-${e.date.day}`, e.time ? `${e.time.hour}:${e.time.minute}` : null]),
    [
      [6, '2019-2-18', null],
      [9, '2019-2-19', null],
      [14, '2019-4-5', '11:20'],
    ],
  );
});

test('times written as four digits ("1727: …", "~1442: …", "[1758](…): …") are read where the document writes its times so; years alone are not', () => {
  const t = events(
    doc(
      '### Thur 3 Nov 2016',
      '',
      '~1442: changes were deployed',
      '',
      '1727 : the image had turned black',
      '',
      '[1758](https://chat/p1): acknowledged in the channel',
      '',
      '- 2030: purged the cache',
    ),
  );
  assert.deepEqual(
    t.map((e) => [e.startLine, e.text, e.time?.hour, e.time?.minute]),
    [
      [4, 'changes were deployed', 14, 42],
      [6, 'the image had turned black', 17, 27],
      [8, 'acknowledged in the channel', 17, 58],
      [10, 'purged the cache', 20, 30],
    ],
  );
  assert.deepEqual(t.map((e) => e.date && `${e.date.year}-${e.date.month}-${e.date.day}`), ['2016-11-3', '2016-11-3', '2016-11-3', '2016-11-3'], 'the day heading with its weekday "Thur" dates them');
  // A history of years is no timeline of clocks: every number could be a year.
  assert.equal(events(doc('2015: founded', '', '2019: first release', '', '2021: second release')).length, 0);
});

test('an untitled timeline runs on over a one-line remark and a heading that is only a day, when entries follow them', () => {
  const t = timelineOfText(
    md('## How was it fixed', '', '### Tues 22 Nov 2016', '', '10:15: noticed a broken image', '', '10:22: alerted the team', '', '[continued reports throughout the day]', '', '12:30: deployed a change', '', '### Weds 23 Nov 2016', '', '10:45: further reports', '', '## Cause', '', 'A mismatch.', '', '11:00: not an entry: another section'),
  ).timeline.events;
  assert.deepEqual(
    t.map((e) => [e.startLine, e.date && e.date.day]),
    [
      [4, 22],
      [6, 22],
      [10, 22],
      [14, 23],
    ],
  );
});
