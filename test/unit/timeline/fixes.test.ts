import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions, DEFAULT_SETTINGS, fixAll, settingsFrom } from '../../../server/src/service.js';
import { md } from '../../helpers/docs.js';
import { timelineSettings } from '../../helpers/timeline.js';

const run = (text: string, settings = timelineSettings()) => analyze(text, { force: true, settings });
function fixFor(text: string, code: string, title: RegExp, settings = timelineSettings()) {
  const a = run(text, settings);
  const finding = a.findings.find((f) => f.code === code);
  assert.ok(finding, `no ${code} in the document`);
  const fix = codeActions(a, [finding]).find((f) => title.test(f.title));
  return { a, fix };
}
const sortedLines = (text: string) => text.split('\n').sort();

test('Sort timeline chronologically: moves whole multi-line list items, stable, every line kept, safe', () => {
  const text = md(
    '## Timeline',
    '',
    'All times in UTC.',
    '',
    '- 2024-01-01 10:00 - first',
    '- 2024-01-01 10:20 - third, with',
    '  a second line',
    '  - and a nested note',
    '- 2024-01-01 10:10 - second',
    '- 2024-01-01 10:10 - second again (same time: keeps its place after the other)',
    '',
    '## Root cause',
  );
  const { fix } = fixFor(text, 'timeline.order', /^Sort timeline/);
  assert.ok(fix?.safe);
  const out = applyEdits(text, fix!.edits);
  assert.equal(
    out,
    md(
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      '- 2024-01-01 10:00 - first',
      '- 2024-01-01 10:10 - second',
      '- 2024-01-01 10:10 - second again (same time: keeps its place after the other)',
      '- 2024-01-01 10:20 - third, with',
      '  a second line',
      '  - and a nested note',
      '',
      '## Root cause',
    ),
  );
  assert.deepEqual(sortedLines(out), sortedLines(text));
  assert.equal(run(out).findings.filter((f) => f.code === 'timeline.order').length, 0);
});

test('Sort timeline: table rows move as whole lines; date-only rows keep their place within their day', () => {
  const text = md(
    '## Timeline',
    '',
    'All times in UTC.',
    '',
    '| Time | Event |',
    '| --- | --- |',
    '| 2021-12-13 | day |',
    '| 2021-12-13 15:50 | scan |',
    '| 2021-12-13 14:30 | contact |',
    '| 2021-12-17 14:40 | terminated |',
    '| 2021-12-17 | published, later that day |',
    '| 2021-12-14 | next day |',
  );
  const { fix } = fixFor(text, 'timeline.order', /^Sort timeline/);
  const out = applyEdits(text, fix!.edits);
  assert.deepEqual(out.split('\n').slice(6, 12), [
    '| 2021-12-13 | day |',
    '| 2021-12-13 14:30 | contact |',
    '| 2021-12-13 15:50 | scan |',
    '| 2021-12-14 | next day |',
    '| 2021-12-17 14:40 | terminated |',
    '| 2021-12-17 | published, later that day |',
  ]);
  assert.deepEqual(sortedLines(out), sortedLines(text));
});

test('Sort timeline: what follows an entry (an image, a code block) moves with it; blank lines stay', () => {
  const text = md('## Timeline', '', '- **17:02 UTC** - b', '', '<img src="b.png" />', '', '- **16:58 UTC** - a', '', '```', 'log of a', '```', '', '- **17:05 UTC** - c');
  const { fix } = fixFor(text, 'timeline.order', /^Sort timeline/);
  const out = applyEdits(text, fix!.edits);
  assert.equal(out, md('## Timeline', '', '- **16:58 UTC** - a', '', '```', 'log of a', '```', '', '- **17:02 UTC** - b', '', '<img src="b.png" />', '', '- **17:05 UTC** - c'));
});

test('Sort timeline: paragraph lines and <br> parts; the separators stay in place', () => {
  const text = md('## Timeline', '', '### 2024-01-01', '', '10:10 - b<br>10:00 - a<br>10:20 - c', '', 'All times in UTC.');
  const out = applyEdits(text, fixFor(text, 'timeline.order', /^Sort timeline/).fix!.edits);
  assert.equal(out.split('\n')[4], '10:00 - a<br>10:10 - b<br>10:20 - c');
});

test('Sort timeline is part of fix-all and never crosses a day heading', () => {
  const text = md('## Timeline', '', 'All times in UTC.', '', '### 2024-01-02', '', '- 09:00 - x', '', '### 2024-01-01', '', '- 10:00 - y', '- 09:00 - z');
  const all = fixAll(run(text));
  assert.ok(all);
  const out = applyEdits(text, all!.edits).split('\n');
  const at = out.indexOf('### 2024-01-02');
  assert.deepEqual(out.slice(at, at + 8), ['### 2024-01-02', '', '- 09:00 - x', '', '### 2024-01-01', '', '- 09:00 - z', '- 10:00 - y']);
});

test('State the time zone: adds timezone: to existing frontmatter, or creates it; UTC or the setting', () => {
  const body = ['## Timeline', '', '- 2024-01-01 10:00 - a'];
  const withFm = md('---', 'title: X', '---', ...body);
  const one = fixFor(withFm, 'timeline.timezone-missing', /State the time zone/).fix!;
  assert.equal(one.safe, false, 'the zone is a choice');
  assert.equal(applyEdits(withFm, one.edits), md('---', 'title: X', 'timezone: UTC', '---', ...body));
  const none = md(...body);
  const created = applyEdits(none, fixFor(none, 'timeline.timezone-missing', /State the time zone/).fix!.edits);
  assert.equal(created, md('---', 'timezone: UTC', '---', ...body));
  assert.equal(run(created).findings.some((f) => f.code === 'timeline.timezone-missing'), false);
  const crlf = none.replace(/\n/g, '\r\n');
  assert.ok(applyEdits(crlf, fixFor(crlf, 'timeline.timezone-missing', /State/).fix!.edits).startsWith('---\r\ntimezone: UTC\r\n---\r\n'));
  // An invalid timezone key is not duplicated (the frontmatter check reports it).
  const invalid = md('---', 'timezone: Mars/Olympus', '---', ...body);
  assert.equal(fixFor(invalid, 'timeline.timezone-missing', /State/).fix, undefined);
});

test('State the time zone uses postmortem.defaultTimezone when it is a zone', () => {
  const text = md('## Timeline', '', '- 2024-01-01 10:00 - a');
  const bad = timelineSettings({ defaultTimezone: 'Nowhere/Land' });
  const fix = fixFor(text, 'timeline.timezone-missing', /State/, bad).fix!;
  assert.match(fix.title, /timezone: UTC/, 'an invalid setting places nothing, so UTC is offered');
});

test('Use 24-hour time: one entry or all; 12:00 AM becomes 00:00; 13:55 PM becomes 13:55', () => {
  const text = md('## Timeline', '', 'All times in UTC.', '', '- 2024-01-01 12:00 AM - midnight', '- 2024-01-01 1:26 p.m. - afternoon', '- 2024-01-01 13:55 PM - stray PM');
  const a = run(text, settingsFrom({ rules: { 'timeline.12-hour-time': 'hint' } }, DEFAULT_SETTINGS));
  const hint = a.findings.find((f) => f.code === 'timeline.12-hour-time')!;
  const fixes = codeActions(a, [hint], ['quickfix']);
  assert.deepEqual(fixes.map((f) => f.title).filter((t) => !t.startsWith('Disable ')), ['Use 24-hour time (00:00)', 'Use 24-hour time throughout the timeline']);
  const out = applyEdits(text, fixes[1]!.edits);
  assert.deepEqual(out.split('\n').slice(4, 7), ['- 2024-01-01 00:00 - midnight', '- 2024-01-01 13:26 - afternoon', '- 2024-01-01 13:55 - stray PM']);
  const invalid = a.findings.find((f) => f.code === 'timeline.invalid-time')!;
  assert.deepEqual(codeActions(a, [invalid]).map((f) => f.title)[0], 'Use 24-hour time (13:55)');
  assert.deepEqual(run(out).findings.filter((f) => f.code.startsWith('timeline.')), []);
});

test('State the date: adds "date:" (today, for the author to correct) to the frontmatter; not safe; never twice', () => {
  const text = md('---', 'title: X', '---', '## Timeline', '', 'All times in UTC.', '', '- 09:40 - restarts');
  const { fix } = fixFor(text, 'timeline.date-missing', /State the date/);
  assert.ok(fix);
  assert.equal(fix!.safe, false, 'the day is a choice');
  const out = applyEdits(text, fix!.edits);
  const day = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(out)?.[1];
  assert.ok(day, out);
  assert.equal(out, md('---', 'title: X', `date: ${day}`, '---', '## Timeline', '', 'All times in UTC.', '', '- 09:40 - restarts'), 'only inserts');
  assert.deepEqual(run(out).findings.filter((f) => f.code === 'timeline.date-missing'), []);
});
