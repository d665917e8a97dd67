import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service.js';
import { fullPostMortem, md } from '../../helpers/docs.js';
import { newPostMortem } from '../../../server/src/templates/postmortem.js';

const SUMMARY = 'On 2024-08-20 from 14:02 to 15:40 UTC checkout failed for 30% of users; a rollback resolved it.';
const withSummary = (...lines: string[]) => fullPostMortem().replace(SUMMARY, lines.join('\n'));
const summaryFindings = (text: string) => analyze(text, { force: true }).findings.filter((f) => f.code.startsWith('summary.'));

test('a summary with nature, duration, impact, resolution and a zone has no finding', () => {
  assert.deepEqual(summaryFindings(fullPostMortem()), []);
});

test('summary.incomplete lists exactly what is missing, on the summary heading', () => {
  const cases: Array<[string, string[]]> = [
    ['On Monday checkout failed for 30% of users for 98 minutes until we rolled back the release.', []],
    ['On Monday checkout failed for 30% of users until we rolled back the release.', ['duration']],
    ['On Monday checkout failed for 98 minutes until we rolled back the release.', ['impact']],
    ['On Monday checkout failed for 30% of users for 98 minutes.', ['resolution']],
    ['Checkout failed for 30% of users for 98 minutes until we rolled back the release.', ['start']],
    ['Internal services in eu-west could not resolve each other\'s names for a while.', ['start', 'duration', 'impact', 'resolution']],
  ];
  for (const [summary, missing] of cases) {
    const found = summaryFindings(withSummary(summary)).filter((f) => f.code === 'summary.incomplete');
    assert.deepEqual(found.map((f) => (f.data as { missing: string[] }).missing), missing.length ? [missing] : [], summary);
    if (missing.length) assert.deepEqual(found[0]!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } }, 'on "## Incident Summary"');
  }
  const [f] = summaryFindings(withSummary('Internal services could not resolve names for a while.'));
  assert.equal(f!.message, 'The summary lacks its start, duration, impact and resolution.');
  const [g] = summaryFindings(withSummary('It was a Monday.'));
  assert.equal(g!.message, 'The summary lacks what happened and its duration, impact and resolution.');
});

test('durations come as "for N minutes", a range of times or dates, or two times; "for a while" is none', () => {
  const duration = (s: string) => !summaryFindings(withSummary(`${s} Customers could not pay; we rolled back.`)).some((f) => (f.data as { missing?: string[] } | undefined)?.missing?.includes('duration'));
  assert.ok(duration('The outage lasted 1 hour and 48 minutes.'));
  assert.ok(duration('From 14:02 to 15:40 UTC checkout was down.'));
  assert.ok(duration('Between 29 November and 5 December the cluster was short of addresses.'));
  assert.ok(duration('It began at 14:02 UTC; at 15:40 UTC it was over.'));
  assert.ok(duration('On 29 November the cluster ran short of addresses; on December 5th the last subnet was moved.'));
  assert.ok(duration('Over a 10-day period the service failed four times.'));
  assert.ok(duration('At 6.00 AM the update failed and the site went down. At 11.27 AM it came back online.'), 'two 12-hour times written with a dot');
  assert.ok(duration('On Thursday evening the extension was taken down; on Friday afternoon it was back in the store.'), 'two weekdays bound it');
  assert.ok(!duration('On Thursday evening the extension was taken down; since then it is back.'), 'one weekday bounds nothing');
  assert.ok(!duration('Checkout was down for a while.'));
  assert.ok(!duration('The timeout went from 1 second to 300 milliseconds and checkout failed.'), 'a timeout value is not the duration');
});

test('a TODO about the impact is not the impact', () => {
  const found = summaryFindings(withSummary('On Monday checkout failed for 98 minutes until we rolled back. TODO: add the impact.'));
  assert.deepEqual(found.map((f) => (f.data as { missing: string[] }).missing), [['impact']]);
});

test('"unaccessible", "unreachable" say the impact', () => {
  const missing = (s: string) => summaryFindings(withSummary(s)).flatMap((f) => ((f.data as { missing?: string[] } | undefined)?.missing ?? []));
  assert.ok(!missing('On 2018-11-09 from 06:00 to 11:27 UTC an update failed, leading to the website being unaccessible. We failed over to a new cluster.').includes('impact'));
  assert.ok(!missing('On 2018-11-09 from 06:00 to 11:27 UTC an update failed and the API was unreachable. We failed over to a new cluster.').includes('impact'));
  assert.ok(missing('On 2018-11-09 from 06:00 to 11:27 UTC an update failed. We failed over to a new cluster.').includes('impact'));
});

test('"we freed up capacity", "I forced a restart" are resolutions', () => {
  const missing = (s: string) => summaryFindings(withSummary(s)).flatMap((f) => ((f.data as { missing?: string[] } | undefined)?.missing ?? []));
  assert.ok(!missing('On 2023-01-27 from 14:00 to 16:00 UTC 2 users could not open the editor. We freed up capacity on the platform.').includes('resolution'));
  assert.ok(!missing('On 2023-01-27 from 14:00 to 16:00 UTC 2 users could not open the editor. I forced a restart.').includes('resolution'));
  assert.ok(!missing('On 2023-01-27 from 14:00 to 16:00 UTC 2 users could not open the editor. We performed a manual failover.').includes('resolution'));
  assert.ok(missing('On 2023-01-27 from 14:00 to 16:00 UTC 2 users could not open the editor. The platform ran out of capacity.').includes('resolution'));
});

test('"could not resolve names" is DNS, not the resolution', () => {
  const found = summaryFindings(withSummary('On Monday, for 40 minutes 20% of requests failed because pods could not resolve service names.'));
  assert.deepEqual(found.map((f) => (f.data as { missing: string[] }).missing), [['resolution']]);
});

test('a failover that started the incident is not its resolution; failing over to a standby is', () => {
  const missingOf = (summary: string) =>
    summaryFindings(withSummary(summary)).filter((f) => f.code === 'summary.incomplete').map((f) => (f.data as { missing: string[] }).missing);
  assert.deepEqual(missingOf('On Monday orders were confirmed late for 40 minutes after a broker failover.'), [['resolution']]);
  assert.deepEqual(missingOf('On Monday orders were confirmed late for 40 minutes until we failed over to the standby broker.'), []);
});

test('the opening paragraphs under the title are part of the summary', () => {
  const text = fullPostMortem().replace('# Checkout outage\n', `# Checkout outage\n\nFrom 14:02 to 15:40 UTC, 30% of checkouts failed.\n`).replace(SUMMARY, 'A rollback resolved it.');
  assert.deepEqual(summaryFindings(text), []);
  // And a summary written only as the preamble (no Summary heading) is checked too.
  const preamble = md('# Outage', '', 'On 20 August checkout broke for many of our customers, which we noticed from the support queue that afternoon.', '', '## Timeline', '', '- 10:00 UTC x');
  assert.deepEqual(analyze(preamble, { force: true }).findings.filter((f) => f.code === 'summary.incomplete').map((f) => [f.range.start.line, (f.data as { missing: string[] }).missing]), [[2, ['duration', 'resolution']]]);
});

test('an empty summary is section.empty\'s, not summary.incomplete\'s', () => {
  const text = fullPostMortem().replace(`${SUMMARY}\n`, '');
  assert.deepEqual(summaryFindings(text), []);
  assert.ok(analyze(text, { force: true }).findings.some((f) => f.code === 'section.empty'));
});

test('summary.timezone-missing: clock times without a zone, on the first time', () => {
  const text = withSummary('From 14:02 to 15:40 checkout failed for 30% of users; a rollback resolved it.');
  const found = summaryFindings(text);
  assert.deepEqual(found.map((f) => [f.code, f.range]), [['summary.timezone-missing', { start: { line: 4, character: 5 }, end: { line: 4, character: 10 } }]]);
  assert.match(found[0]!.message, /^The summary's clock times \(14:02\) have no time zone\./);
});

test('a zone stated any way satisfies it: UTC, GMT, Z, offsets, abbreviations, IANA names, spelled out', () => {
  for (const zone of ['UTC', 'GMT', '(UTC+2)', '+02:00', 'CEST', 'PDT', 'Europe/Berlin', 'Pacific Time']) {
    assert.deepEqual(summaryFindings(withSummary(`From 14:02 to 15:40 ${zone} checkout failed for 30% of users; a rollback resolved it.`)), [], zone);
  }
  assert.deepEqual(summaryFindings(withSummary('From 14:02Z to 15:40Z checkout failed for 30% of users; a rollback resolved it.')), []);
});

test('a document that writes its times as four digits ("1727: …") has them in its summary too: "(~1727)"; "~1727" is no UTC offset', () => {
  const timeline = (t: string) => t.replace(/## Timeline[^]*?(?=\n## )/, md('## Timeline', '', '### 3 Nov 2016', '', '1727: noticed the icons', '', '1900: purged the cache').trimEnd());
  const text = timeline(withSummary('Date: ~Thur 3 Nov 2016 (~1727) to Thur 3 Nov 2016 (~1900): icons were black for all users; a purge resolved it.'));
  const found = summaryFindings(text);
  assert.deepEqual(found.map((f) => [f.code, f.message.slice(0, 36)]), [['summary.timezone-missing', "The summary's clock times (1727) hav"]]);
  assert.deepEqual(summaryFindings(timeline(withSummary('Date: ~Thur 3 Nov 2016 (~1727) to (~1900) UTC: icons were black for all users; a purge resolved it.'))), [], 'with its zone');
  assert.deepEqual(
    summaryFindings(withSummary('In 2016 (release 1727) icons were black for all users on 2016-11-03 for an hour; a purge resolved it.')),
    [],
    'in a document whose times have colons, four digits are a year or a number',
  );
  // An offset is a sign and four digits: "~", a letter or a digit before them is none.
  assert.deepEqual(summaryFindings(withSummary('From 14:02 to 15:40 +0530 checkout failed for 30% of users; a rollback resolved it.')), []);
  assert.equal(summaryFindings(withSummary('From 14:02 to 15:40 (~1540) checkout failed for 30% of users; a rollback resolved it.')).length, 1);
});

test('a summary in underscore emphasis is read through it: "_On 2024-08-20 … resolved it._"; snake_case stays one word', () => {
  assert.deepEqual(summaryFindings(withSummary('_On 2024-08-20 from 14:02 to 15:40 UTC checkout failed for 30% of users; a rollback resolved it._')), []);
  assert.deepEqual(summaryFindings(withSummary('Checkout failed for 30% of users on 2024-08-20 _for 98 minutes_; a rollback _resolved_ it.')), []);
  assert.deepEqual(summaryFindings(withSummary('__Impact__: checkout failed for 30% of users on 2024-08-20 for 98 minutes (UTC); a rollback resolved it.')), []);
  const snake = summaryFindings(withSummary('The job_lasted_2_hours flag broke checkout for 30% of users on 2024-08-20; a rollback resolved it.'));
  assert.deepEqual(snake.map((f) => f.message), ['The summary lacks its duration.'], 'a snake_case name is no duration');
});

test('12-hour times count; numbers, versions, ratios and dates are not clock times', () => {
  assert.equal(summaryFindings(withSummary('At 3:26pm checkout failed for 30% of users for an hour; a rollback resolved it.')).length, 1);
  assert.equal(summaryFindings(withSummary('At 4 PM checkout failed for 30% of users for an hour; a rollback resolved it.')).length, 1);
  assert.deepEqual(summaryFindings(withSummary('At 6.00 AM checkout failed for 30% of users for an hour; a rollback resolved it.')).map((f) => f.code), ['summary.timezone-missing'], 'a dot for the colon, with AM');
  assert.deepEqual(summaryFindings(withSummary('Version 3.50 failed for 30% of users on 2024-08-20 for an hour; a rollback resolved it.')), [], 'a dotted number without AM/PM is no time');
  assert.deepEqual(summaryFindings(withSummary('Version 1.13 with a 16:9 layout failed for 30% of users on 2024-08-20 for an hour; a rollback resolved it.')), []);
});

test('the frontmatter zone is mentioned, but the summary must still say it', () => {
  const text = `---\ntimezone: Europe/Berlin\n---\n${withSummary('From 14:02 to 15:40 checkout failed for 30% of users; a rollback resolved it.')}`;
  const [f] = summaryFindings(text);
  assert.match(f!.message, /The frontmatter says Europe\/Berlin/);
});

test('fields about the document ("**Author**:") are not the summary; a vulnerability found before any harm needs no duration', () => {
  const missingOf = (...lines: string[]) =>
    summaryFindings(withSummary(...lines)).filter((f) => f.code === 'summary.incomplete').map((f) => (f.data as { missing: string[] }).missing);
  assert.deepEqual(missingOf('**Author**: Jane, paged when checkout failed for 30% of users for 98 minutes; she rolled back', 'It was a Monday.'), [['nature', 'duration', 'impact', 'resolution']]);
  assert.deepEqual(missingOf('On 2025-09-15 a vulnerability was found that let one account charge its fees to any other account; the amendment was fixed before it was enabled for users.'), []);
});

test('a summary that is still the template prompt gets section.placeholder only; a prompt beside real text is still checked', () => {
  const { text } = newPostMortem({ title: 'Checkout outage', severity: 'SEV2', date: '2024-08-20', timezone: 'UTC' });
  const codes = analyze(text, { force: true }).findings.map((f) => f.code);
  assert.ok(!codes.includes('summary.incomplete'), codes.join(', '));
  assert.ok(codes.includes('section.placeholder'));
  assert.ok(codes.every((c) => c === 'section.placeholder'), `a fresh post-mortem reports only its template text: ${codes.join(', ')}`);
  const started = text.replace(/^\{Briefly describe the incident[^\n]*\}$/m, (prompt) => `Checkout failed for 30% of users.\n\n${prompt}`);
  assert.notEqual(started, text);
  assert.ok(analyze(started, { force: true }).findings.some((f) => f.code === 'summary.incomplete'));
});

test('the parts said in other words: a duration in words, a range to a time without its colon, who could not do what, a remedy verb', () => {
  const missing = (s: string) => (summaryFindings(withSummary(s)).find((f) => f.code === 'summary.incomplete')?.data as { missing: string[] } | undefined)?.missing ?? [];
  // Duration in words.
  assert.ok(!missing('On Sunday the build queue stalled for our users and lasted most of the day; banning the repository fixed it.').includes('duration'));
  assert.ok(!missing('On Sunday builds stalled the whole morning for our users until we rolled back.').includes('duration'));
  assert.ok(!missing('From early March 20 till about 1300, new servers were stuck for students; we restored them.').includes('duration'));
  assert.ok(missing('On Sunday builds stalled for our users until we rolled back.').includes('duration'), 'no duration at all');
  // Impact as who could not do what, or what was prevented from happening.
  assert.ok(!missing('On 2024-08-20 from 14:02 to 15:40 UTC a quota bug was preventing the hub from creating new pods; deleting the quota restored it.').includes('impact'));
  assert.ok(!missing('On 2024-08-20 from 14:02 to 15:40 UTC nobody could log in after a bad deploy; we rolled back.').includes('impact'));
  assert.ok(missing('On 2024-08-20 from 14:02 to 15:40 UTC names could not resolve; we rolled back.').includes('impact'), '"could not resolve" says no one affected');
  assert.ok(!missing('From 14:02 to 15:40 UTC some new student servers were stuck; we rolled back.').includes('impact'), 'counted units with two modifiers');
  assert.ok(missing('On 14 September internal services could not resolve names from 14:02 to 15:40 UTC; we rolled back.').includes('impact'), '"14 September internal services" is a date, not 14 services');
  // Resolution by a remedy verb.
  assert.ok(!missing('On 2024-08-20 from 14:02 to 15:40 UTC keys for our users leaked; the keys were revoked within minutes.').includes('resolution'));
  assert.ok(!missing('On 2024-08-20 from 14:02 to 15:40 UTC users saw errors; the team corrected the firewall configuration.').includes('resolution'));
  assert.ok(!missing('On 2024-08-20 from 14:02 to 15:40 UTC users saw errors; we changed the architecture to fix it.').includes('resolution'));
  assert.ok(missing('On 2024-08-20 from 14:02 to 15:40 UTC users saw errors; we tried to fix it.').includes('resolution'), 'trying is not fixing');
});

test('the summary ends where a sub-part that is another section begins ("# Summary" over "## Timeline")', () => {
  const text = md(
    '# Summary',
    '',
    'On 2024-08-20 checkout failed for 30% of users for 98 minutes; a rollback resolved it.',
    '',
    '## Timeline',
    '',
    '- between ~4pm and ~5:15pm the proxy was killed',
    '',
    '## Root cause',
    '',
    'A leak.',
  );
  assert.deepEqual(summaryFindings(text).map((f) => f.code), [], 'the timeline\'s "4pm" is not the summary\'s');
  const sub = text.replace('## Timeline', '## Details');
  assert.deepEqual(summaryFindings(sub).map((f) => f.code), ['summary.timezone-missing'], 'a sub-part named for nothing is still the summary');
});

test('a bug\'s releases say when and how long; updating to a fixed release is its resolution', () => {
  const missingOf = (summary: string) =>
    summaryFindings(withSummary(summary)).filter((f) => f.code === 'summary.incomplete').map((f) => (f.data as { missing: string[] }).missing);
  assert.deepEqual(missingOf('Between Monero versions v0.14.1.0 and v0.17.2.2, the wallet leaked which outputs users spent; patched in v0.17.2.3.'), []);
  assert.deepEqual(missingOf('- Affected versions: GUI/CLI wallet versions v0.13.0.2 to v0.18.2.1\n- Impact: loss of sender anonymity for users\n- What to do: Update to v0.18.2.2 and above'), []);
  assert.deepEqual(missingOf('The wallet leaked which outputs users spent; patched in v0.17.2.3.'), [['start', 'duration']], 'one release is no span');
  assert.deepEqual(missingOf('Between versions v0.14.1.0 and v0.17.2.2 the wallet leaked which outputs users spent.'), [['resolution']]);
  assert.deepEqual(missingOf('On Monday checkout failed for 30% of users for 98 minutes; we plan to update the runbook to cover it.'), [['resolution']], 'an update to a document is no release');
});

test('a block of fields under the title heads the report: with a summary section of its own, the summary is that section', () => {
  const report = (summary: string) =>
    md('# The One Where the Database Took a Nap', '', '**Date:** 2025-04-27', '', '**Duration:** 12:00am to 9:00am', '', '**Impact:** API and dashboard', '', '## Issue Summary', '', summary, '', '## Timeline', '', '_All times in Pacific Time (PT)_', '', '- 12:00am errors start', '- 8:26am restored');
  const found = (summary: string) => analyze(report(summary), { force: true }).findings.filter((f) => f.code.startsWith('summary.'));
  const f = found('On April 27 the API returned 500 errors to all users until we restored the database.');
  assert.deepEqual(f.map((x) => [x.code, x.range.start.line, (x.data as { missing?: string[] } | undefined)?.missing]), [['summary.incomplete', 8, ['duration']]], 'the header\'s times are not the summary\'s: no zone asked of them, and its duration is not the summary\'s');
  assert.deepEqual(found('On April 27 the API returned 500 errors to all users for 8 hours until we restored the database.'), []);
  // Without a summary section, the fields and the prose under the title are the summary.
  const untitled = md('# Outage', '', '**Duration:** 9 hours', '', 'On April 27 the API returned 500 errors to all users until we restored the database.', '', '## Timeline', '', '- 2025-04-27 10:00 UTC errors start');
  assert.deepEqual(analyze(untitled, { force: true }).findings.filter((x) => x.code === 'summary.incomplete'), []);
});

test('"- Severity Level: P2" and "- Incident Commander: @x" are fields: the summary and its finding start at the prose under them', () => {
  const text = md('# 2025-10-20 Incident Report', '', '- Incident Commander: @bmuenzenmeyer', '- Severity Level: P2', '', 'For a brief period of time, the downloads page was blank due to a false assumption.', '', '## Timeline', '', '- **2025-10-20 11:58 PM UTC**: Start of impact.');
  const f = analyze(text, { force: true }).findings.filter((x) => x.code === 'summary.incomplete');
  assert.deepEqual(f.map((x) => x.range.start.line), [5]);
});

test('a note about the document in emphasis ("**! This document is open to feedback until … !**") is not the summary; with nothing else, "Impacts" is', () => {
  const doc = (...impacts: string[]) =>
    md('# 2021-05-25 - Weekly Release Done Twice', '', '**! This document is open to feedback until the 1th of June 2021 then this document will be archived !**', '', '## Chronology', '', '* 2021-05-25 - 09:30 UTC: the release starts', '', ...impacts);
  const found = (...impacts: string[]) => analyze(doc(...impacts), { force: true }).findings.filter((f) => f.code === 'summary.incomplete' || (f.code === 'section.missing' && (f.data as { sectionId?: string }).sectionId === 'summary'));
  const f = found('## Impacts', '', '* The Windows package was unavailable from 2021-05-25 11:30 UTC until 2021-05-26 07:51 UTC for all users.');
  assert.deepEqual(f.map((x) => [x.code, x.range.start.line, (x.data as { missing?: string[] }).missing]), [['summary.incomplete', 8, ['resolution']]]);
  assert.deepEqual(found().map((x) => x.code), ['section.missing'], 'without Impacts the note does not stand in for a summary');
  // Emphasis that is the summary stays the summary.
  const bold = md('# Outage', '', '**On 2024-03-02 checkout failed for 30% of users for 40 minutes until we rolled back.**', '', '## Timeline', '', '- 2024-03-02 10:00 UTC x');
  assert.deepEqual(analyze(bold, { force: true }).findings.filter((x) => x.code.startsWith('summary.') || (x.data as { sectionId?: string } | undefined)?.sectionId === 'summary'), []);
});

test('a zone said in words beside the country ("eastern US time", "US Pacific time") is a zone', () => {
  const tz = (s: string) => summaryFindings(withSummary(s)).filter((f) => f.code === 'summary.timezone-missing').length;
  assert.equal(tz('From late last night (April 5th) eastern US time until about 10:45am, 30% of users could not log in for 12 hours; we rotated the logs.'), 0);
  assert.equal(tz('Until 10:45am US Pacific time, 30% of users could not log in for 12 hours; we rotated the logs.'), 0);
  assert.equal(tz('Until 10:45am, 30% of users could not log in for 12 hours; we rotated the logs.'), 1);
});
