import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service.js';
import { md } from '../../helpers/docs.js';

const placeholders = (...lines: string[]) =>
  analyze(md(...lines), { force: true })
    .findings.filter((f) => f.code === 'section.placeholder')
    .map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character}`);

test('section.placeholder: markers, reference links, log lines and template tags written on purpose are not template text', () => {
  assert.deepEqual(
    placeholders(
      '# T',
      '## Timeline',
      '- 10:00 <START OF OUTAGE>',
      '- 11:00 [detected] paged',
      '',
      '[Katharine Berry]',
      '',
      '[Redacted]',
      '',
      '{"level":"error","msg":"TODO handler missing"}',
      '',
      '{% admonition type="info" name="Note" %}',
      '',
      '{% /admonition %}',
      '',
      '| Time | Event |',
      '| --- | --- |',
      '| 10:00 | paged |',
      '{: .table.table-striped }',
      '',
      '{:toc}',
      '',
      'The log said "TODO: remove this" for an hour.',
      '',
      '> TODO from the chat: restart it',
      '',
      'See [the TODO list](https://example.com/todo) and https://example.com/TODO.',
      '',
      '[Katharine Berry]: https://example.com/kb',
      '',
      '{/* truncate */}',
      '',
      'A blog excerpt ends here. {/* TODO: a comment in MDX, as Docusaurus writes it */}',
    ),
    [],
  );
  // An unclosed MDX comment is no comment: the prompt in braces is still template text.
  assert.deepEqual(placeholders('# T', '## Summary', '{/* what happened'), ['2:0-17']);
});

test('section.placeholder: the range is the template text, not the whole line', () => {
  assert.deepEqual(placeholders('# T', '## Summary', 'The impact was TBD at the time.'), ['2:15-18']);
  assert.deepEqual(placeholders('# T', '## Summary', '- Owner: <your name here>'), ['2:9-25']);
});

test('section.placeholder: a section that only says "TBA", and a clock time with placeholder minutes', () => {
  assert.deepEqual(placeholders('# T', '## Root cause', '', 'TBA.'), ['3:0-3']);
  assert.deepEqual(placeholders('# T', '## Timeline', '- Dec 17th **22:XX** more reports'), ['2:13-18']);
  // An hour that cannot be is the timeline's invalid time, not a placeholder.
  assert.deepEqual(placeholders('# T', '## Timeline', '- Dec 17th **24:XX** more reports'), []);
});

test('section.placeholder: an undecided "TBD" owner in an action list is the action checks\' to report', () => {
  assert.deepEqual(placeholders('# T', '## Action items', '- Add an alert on disk use. Owner: TBD', '- TODO: write the runbook'), ['3:2-6']);
});

test('section.placeholder: a paragraph that starts with a known template\'s guidance, as the data names it; the same words inside a paragraph, a quote or a list item are not', () => {
  const text = md(
    '# T',
    '## What went well',
    '',
    'List of things that went well. For example,',
    '',
    '1. The staging cluster caught it',
    '',
    '## Action items',
    '',
    'These are only sample subheadings. Every action item should have a GitHub',
    'issue (even a small skeleton of one) attached to it, so these do not get forgotten.',
    '',
    'We kept a list of things that went well. For example, the pager.',
    '',
    '> List of things that went well. For example,',
  );
  assert.deepEqual(placeholders(...text.split('\n')), ['3:0-43', '9:0-73']);
  const [f] = analyze(text, { force: true }).findings.filter((x) => x.code === 'section.placeholder');
  assert.match(f!.message, /the guidance of the Jupyter incident report template/);
});

test('template guidance data: every sentence is long enough to be no report\'s own words, and names its template', async () => {
  const data = (await import('../../../server/src/data/template-guidance.json', { with: { type: 'json' } })).default as { templates: Array<{ name: string; source: string; sentences: string[] }> };
  for (const t of data.templates) {
    assert.ok(t.name && t.source, 'a template has a name and a source');
    for (const s of t.sentences) assert.ok(s.split(/\s+/).length >= 5, s);
  }
});

test('section.placeholder: a number left as a letter before a unit ("wait approximately \'x\' minutes"); x as a variable or a size is not one', () => {
  assert.deepEqual(placeholders('# T', '## Resolution', '', "Users should wait approximately 'x' minutes before opening a PR.", '', 'It took about X hours to restore.'), ['3:32-43', '5:14-21']);
  assert.deepEqual(placeholders('# T', '## Resolution', '', 'We moved to x86 hosts and 2x faster disks.', '', 'Alert when the queue stays above N items for 5 minutes.', '', 'Pick x such that x minutes of retries fit the budget.'), []);
});
