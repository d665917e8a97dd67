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

const dated = (text: string, path?: string) => {
  const a = analyze(text, { force: true, ...(path ? { path } : {}) });
  return timelineFor(a.model, a.settings).events.map((e) => (e.utc === undefined ? null : isoInstant(e.utc)));
};

test('a date in a link target is not the document\'s date; the file name is', () => {
  const text = md('## Summary', '', 'After the [maintenance](https://status.example.com/2021-02-07-source) the factory failed.', '', '## Timeline', '', '* **11:30 UTC** - post-check failed');
  assert.deepEqual(dated(text, '/pm/2021-02-08-factory.md'), ['2021-02-08T11:30:00Z']);
});

test('the frontmatter title and a "Date:" line above the timeline date the document before its file name', () => {
  const fm = ['---', 'title: "Post-mortem: Downtime on November 30, 2022"', '---', '', '## Timeline', '', 'All times in UTC.', '', '- 09:49 Start of the deployment'].join('\n');
  assert.deepEqual(dated(fm, '/pm/2022-12-01-post-mortem.md'), ['2022-11-30T09:49:00Z']);
  const label = md('## Absence of notifications', '', '**Date**: 27.11.2023', '', '## Timeline', '', 'All times in UTC.', '', '* *10:32* First error');
  assert.deepEqual(dated(label, '/pm/2023-12-01-post-mortem.md'), ['2023-11-27T10:32:00Z']);
});

test('a date line with a note in brackets gives the date, and the note may state the zone', () => {
  const text = md('## Timeline', '', '**April 15, 2021 (all times in UTC)**', '', '* 11:12 AM: etherscan went down');
  assert.deepEqual(dated(text), ['2021-04-15T11:12:00Z']);
});

test('a day line may open with "On" or "On the" and carry its zone in brackets: "On the 15/12/21 (in CET):"', () => {
  const text = md('# Cloud outage', '', '## Event timeline', '', 'On the 15/12/21 (in CET):', '- 9:30 - 10:30: High CPU usage.', '- 21:00: A fix is tested.', '', 'On the 16/12/21:', '- 10:00: A fix is rolled out.');
  // The second day line starts a new day (not 10:00 on the 15th, before 21:00), in the zone the first stated.
  assert.deepEqual(dated(text), ['2021-12-15T08:30:00Z', '2021-12-15T20:00:00Z', '2021-12-16T09:00:00Z']);
  const onDay = md('## Timeline', '', 'On March 3, 2024 (all times in UTC):', '- 11:12 AM: the site went down');
  assert.deepEqual(dated(onDay), ['2024-03-03T11:12:00Z']);
  // The remark in emphasis: "2019-09-26 **(all times in UTC-5)**", and the next day line keeps the zone.
  const bold = md('---', 'date: 2019-09-30', '---', '', '# Patch', '', '## Timeline', '', '2019-09-26 **(all times in UTC-5)**', '', '- 10:00 Test the patch', '', '2019-09-27', '', '- 09:00 Release');
  assert.deepEqual(dated(bold), ['2019-09-26T15:00:00Z', '2019-09-27T14:00:00Z']);
});

test('the summary\'s day outranks a title dated the day after (or before): the title may carry the report\'s or the UTC date', () => {
  const doc = (summary: string) => md('# 2017-02-24 - Proxy eviction strands user', '', '## Summary', '', summary, '', '## Timeline', '', 'All times in PST', '', '### 21:10', 'The proxy pod is evicted.');
  assert.deepEqual(dated(doc('On the evening of Feb 23, several students saw errors.')), ['2017-02-24T05:10:00Z']);
  assert.deepEqual(dated(doc('On 2017-02-25 students saw errors.')), ['2017-02-26T05:10:00Z']);
  // A date further off is background (a change made days before), not the incident's day.
  assert.deepEqual(dated(doc('A change deployed on Feb 20 broke the proxy.')), ['2017-02-25T05:10:00Z']);
  assert.deepEqual(dated(doc('Students saw errors for an hour.')), ['2017-02-25T05:10:00Z']);
});

test('the summary\'s day outranks a frontmatter date after it: on a blog that is the day the post went up', () => {
  const doc = (summary: string) => md('---', 'date: 2026-07-21T06:00:00+01:00', '---', '', '## Executive Summary', '', summary, '', '## Timeline', '', '| Time (UTC) | Event |', '| --- | --- |', '| **05:04 UTC** | The attack starts |');
  assert.deepEqual(dated(doc('On the morning of July 14, 2026, the team responded to an attack.')), ['2026-07-14T05:04:00Z'], 'the incident, a week before the post; the bold time cell is read');
  // A date after the post, or months before it, is not the incident's day: the frontmatter stands.
  assert.deepEqual(dated(doc('We will publish the full report on July 30, 2026.')), ['2026-07-21T05:04:00Z']);
  assert.deepEqual(dated(doc('The package was first published on January 3, 2026.')), ['2026-07-21T05:04:00Z']);
  assert.deepEqual(dated(doc('The team responded to an attack.')), ['2026-07-21T05:04:00Z']);
});

test('entries before the timeline\'s first day line are on the day the document gives, not on that later day', () => {
  const doc = md('# 2017-09-09 Journal stack disappearing', '', '## Timeline', '', 'All times UTC.', '', '16:08 stack deletion begins', '', '17:28 bot re-enabled', '', '2017-09-11', '', '09:03 CDN recreated');
  assert.deepEqual(dated(doc), ['2017-09-09T16:08:00Z', '2017-09-09T17:28:00Z', '2017-09-11T09:03:00Z']);
  const a = analyze(doc, { force: true });
  assert.ok(!a.findings.some((f) => f.code === 'timeline.order' || f.code === 'summary.start-mismatch'), a.findings.map((f) => f.code).join(' '));
  // With no date in the document, the first day line is the best there is.
  assert.deepEqual(dated(md('## Timeline', '', 'All times UTC.', '', '16:08 stack deletion begins', '', '2017-09-11', '', '09:03 CDN recreated')), ['2017-09-11T16:08:00Z', '2017-09-11T09:03:00Z']);
});

test('an offset in the frontmatter\'s date is when the post went up, not the zone of the times', () => {
  const doc = md('---', 'title: "OpenShift Service Disruption"', 'date: 2020-03-26 12:34:00 +0000', '---', '', '**What Happened**', '', 'At ~11:30am today we became aware of an issue.', '', 'At ~11:59am we found the cause.', '', 'At ~12:04pm a fix was in place.');
  const a = analyze(doc, { force: true });
  const t = timelineFor(a.model, a.settings);
  assert.equal(t.events.length, 3);
  assert.deepEqual(t.events.map((e) => e.utc), [undefined, undefined, undefined], 'no zone is stated: no instant, rather than a guess');
  assert.ok(a.findings.some((f) => f.code === 'timeline.timezone-missing'));
});

test('the line that opens the document dates the incident before a frontmatter date a day later, even under a "TL;DR" summary', () => {
  const doc = md('---', 'date: 2021-01-29 18:54:16 +0000', '---', '', 'On Thursday January 28th, 2021 there was a partial outage from ~13:22 PST to ~16:17 PST.', '', '# TL;DR', '', 'A rollback triggered the issue.', '', '# Play by Play', '', '13:22 Alerts were triggered', '', '16:17 All API pods have rolled out');
  assert.deepEqual(dated(doc), ['2021-01-28T21:22:00Z', '2021-01-29T00:17:00Z']);
});

test('a date in the timeline\'s own heading dates the times under it, before the title\'s or the post\'s date', () => {
  const doc = (heading: string, fm = 'date: 2026-10-02') =>
    md('---', fm, '---', '', '# Preview site down', '', '## Summary', '', 'The preview site was down for two hours.', '', heading, '', '| Time | Event |', '| --- | --- |', '| 9:36 | Alert fired |', '| 11:30 | Restarted |');
  assert.deepEqual(dated(doc('## Timeline (30/09/2026, UTC)')), ['2026-09-30T09:36:00Z', '2026-09-30T11:30:00Z']);
  assert.deepEqual(dated(doc('## Timeline (UTC): September 29th, 2026')), ['2026-09-29T09:36:00Z', '2026-09-29T11:30:00Z']);
  assert.deepEqual(dated(doc('## Timeline (UTC)')), ['2026-10-02T09:36:00Z', '2026-10-02T11:30:00Z'], 'no date in the heading: the document\'s');
  assert.deepEqual(dated(doc('## Timeline (31/02/2026, UTC)')), ['2026-10-02T09:36:00Z', '2026-10-02T11:30:00Z'], 'an impossible date in the heading dates nothing');
  assert.deepEqual(dated(doc('## Timeline (30/09/2026, UTC)', 'started: 2026-09-29 09:00')), ['2026-09-29T09:36:00Z', '2026-09-29T11:30:00Z'], 'the frontmatter\'s start comes first');
});
