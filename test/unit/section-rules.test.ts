import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, DEFAULT_SETTINGS, settingsFrom } from '../../server/src/service.js';
import { md, fullPostMortem } from '../helpers/docs.js';

const run = (text: string, settings = DEFAULT_SETTINGS) => analyze(text, { force: true, settings }).findings;
const codes = (text: string) => run(text).map((f) => `${f.code}@${f.range.start.line}`);

test('a complete post-mortem has no section findings', () => {
  assert.deepEqual(run(fullPostMortem()), []);
});

test('only summary, timeline and root cause: exactly three section.missing naming the other three', () => {
  const text = md('# Outage', '', '## Summary', '', 'It broke.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Root cause', '', 'A config change.');
  const missing = run(text).filter((f) => f.code === 'section.missing');
  assert.equal(missing.length, 3);
  assert.deepEqual(
    missing.map((f) => (f.data as { sectionId: string }).sectionId),
    ['resolution', 'preventive-actions', 'successes'],
  );
  assert.match(missing[0]!.message, /Resolution and Recovery/);
  assert.match(missing[1]!.message, /Preventive Actions/);
  assert.match(missing[2]!.message, /Successes and Positive Outcomes/);
  assert.deepEqual(missing[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } }, 'on the title heading');
});

test('the names real teams use count: Summary / Timeline / Root causes / Remediation / Action items / What went well', () => {
  const text = fullPostMortem({ summary: 'Summary', timeline: 'Timeline', root: 'Root causes', resolution: 'Remediation', actions: 'Action items', successes: 'What went well' });
  assert.deepEqual(run(text).filter((f) => f.code === 'section.missing'), []);
});

test('section.missing without a title sits on line 0, or on the first line after the frontmatter', () => {
  assert.equal(run(md('Some text')).find((f) => f.code === 'section.missing')?.range.start.line, 0);
  assert.equal(run(md('---', 'a: 1', '---', 'Some text')).find((f) => f.code === 'section.missing')?.range.start.line, 3);
});

test('a summary written as the opening paragraphs under the title counts', () => {
  const text = fullPostMortem().replace(
    '## Incident Summary\n\n',
    'On 20 August 2024, checkout failed for a third of our users for ninety-eight minutes, until we rolled back the configuration change.\n\n## Impact\n\n',
  );
  assert.ok(!run(text).some((f) => f.code === 'section.missing'));
  // "Impact" alone stands for the summary when nothing else does; "Detection" never does.
  const short = fullPostMortem().replace('## Incident Summary\n\n', 'Internal link: x\n\n## Detection\n\n');
  assert.ok(run(short).some((f) => f.code === 'section.missing' && (f.data as { sectionId: string }).sectionId === 'summary'));
});

test('section.empty: a heading with nothing before the next heading of the same or higher level', () => {
  const text = md('# T', '## Summary', '', '## Timeline', '- 10:00 x', '## Notes', '<!-- fill in -->', '## Lessons', '### Good', 'fine', '## Stats', '-', '');
  assert.deepEqual(
    run(text).filter((f) => f.code === 'section.empty').map((f) => f.range.start.line),
    [1, 5, 10],
    'Summary (blank), Notes (only a comment) and Stats (an empty bullet); Lessons has a sub-heading with content',
  );
});

test('section.empty: a sub-heading without content does not count as content', () => {
  const text = md('# T', '## Lessons', '### Good', '## Next', 'x');
  assert.deepEqual(run(text).filter((f) => f.code === 'section.empty').map((f) => f.range.start.line), [1, 2]);
});

test('section.empty: a heading that carries its value ("Owner: @ana") is a field, not a section', () => {
  assert.ok(!run(md('## Owner: @ana', '## Summary', 'x')).some((f) => f.code === 'section.empty'));
});

test('section.empty: a sentence set as a heading (a caption under a photo) is no section; a short name ending in a full stop still is', () => {
  const empty = (text: string) => run(text).filter((f) => f.code === 'section.empty').map((f) => f.range.start.line);
  assert.deepEqual(empty(md('## Summary', 'x', '', '![](tent.jpg)', '', '###### Big Sur is where a good many new ideas are thought.')), []);
  assert.deepEqual(empty(md('## Summary', 'x', '', '## Next steps.', '', '## Root cause', 'y')), [3]);
});

test('section.placeholder: TODO, TBD, FIXME, XXX, lorem ipsum and whole-line prompts', () => {
  const text = md(
    '# T',
    '## Summary',
    'TODO: write this',
    'The owner is TBD.',
    'Lorem ipsum dolor sit amet.',
    '{describe the impact}',
    '<describe the impact>',
    '[Add the customer impact here]',
    'Owner: <Your name goes here>',
    '- {owner}',
    '',
    '| Time | Event |',
    '| - | - |',
    '| {time} | {what happened} |',
  );
  assert.deepEqual(
    run(text).filter((f) => f.code === 'section.placeholder').map((f) => f.range.start.line),
    [2, 3, 4, 5, 6, 7, 8, 9, 13],
  );
});

test('section.placeholder: HTML, links, code, checkboxes and lower-case words are not placeholders', () => {
  const text = md(
    '# T',
    '## Summary',
    '<img src="graph.png" alt="errors">',
    '',
    '<details>',
    '',
    '</details>',
    '',
    '<https://example.com/incident>',
    '',
    'We found a `TODO` marker in the code.',
    '',
    'This is the todo list we follow.',
    '',
    '- [ ] Canary rollouts',
    '- [x] Roll back',
    '',
    '[Dashboard](https://example.com)',
    '',
    '```',
    'TODO inside code',
    '```',
  );
  assert.deepEqual(run(text).filter((f) => f.code === 'section.placeholder'), []);
});

test('section.placeholder: a prompt that spans lines is reported on its first line', () => {
  const text = md('# T', '## Overview', '', '<Short 1-2 sentences summarizing the root cause. e.g.', 'On the morning of…>');
  assert.deepEqual(run(text).filter((f) => f.code === 'section.placeholder').map((f) => f.range.start.line), [3]);
});

test('section.duplicate: the same section under the same name twice, not a sub-heading inside the first', () => {
  const text = md('# T', '## Summary', 'a', '## Remediation', 'b', '### Recovery', 'c', '## Summary', 'd');
  assert.deepEqual(codes(text).filter((c) => c.startsWith('section.duplicate')), ['section.duplicate@7']);
  // Two parts that share a meaning under their own names are two parts: "Summary" and "Overview",
  // "Lessons learned" and "Action items", "Timeline" and "Follow-up timeline".
  const parts = md('# T', '## Summary', 'a', '## Overview', 'b', '## Lessons learned', '- c', '## Action items', '- d', '## Timeline', 'e', '## Follow-up timeline', 'f');
  assert.deepEqual(codes(parts).filter((c) => c.startsWith('section.duplicate')), []);
});

test('section.order: off by default; under a preset that names an order, information on the first section out of it', () => {
  const text = fullPostMortem();
  const swapped = text.replace('## Timeline of Events', '## TMP').replace('## Incident Summary', '## Timeline of Events').replace('## TMP', '## Incident Summary');
  assert.deepEqual(run(swapped).filter((f) => f.code === 'section.order'), [], 'teams order their sections their own way');
  const order = run(swapped, settingsFrom({ sections: { order: 'relaxed' } })).filter((f) => f.code === 'section.order');
  assert.equal(order.length, 1);
  assert.equal(order[0]!.severity, 'information');
  assert.equal(order[0]!.range.start.line, 6);
});

test('rules can be turned off or change severity through settings', () => {
  const text = md('# Outage', '## Summary', 'x');
  const off = settingsFrom({ rules: { 'section.missing': 'off' } });
  assert.ok(!run(text, off).some((f) => f.code === 'section.missing'));
  const err = settingsFrom({ rules: { 'section.missing': 'error', 'bogus.code': 'loud' } });
  assert.ok(run(text, err).filter((f) => f.code === 'section.missing').every((f) => f.severity === 'error'));
});

test('a required-sections setting narrows section.missing', () => {
  const settings = { ...DEFAULT_SETTINGS, requiredSections: ['summary', 'timeline'] as const };
  assert.deepEqual(run(md('# T', '## Summary', 'x'), settings).filter((f) => f.code === 'section.missing').length, 1);
});

test('a missing "What went well" is information, unless the document uses our template (its frontmatter)', () => {
  const text = fullPostMortem({ successes: 'Notes' });
  const severity = (t: string) => run(t).find((f) => f.code === 'section.missing' && (f.data as { sectionId: string }).sectionId === 'successes')?.severity;
  assert.equal(severity(text), 'information');
  assert.equal(severity(md('---', 'postmortem: true', 'severity: SEV2', '---', text)), 'warning');
});

test('section.missing sits where the section would go: on the heading it would be inserted before, else on the title', () => {
  const text = md('# Outage', '', '## Summary', '', 'It broke.', '', '## Root cause', '', 'A config change.');
  const at = (id: string) => run(text).find((f) => f.code === 'section.missing' && (f.data as { sectionId: string }).sectionId === id)!.range.start.line;
  assert.equal(at('timeline'), 6, 'before "## Root cause", where Insert section puts it');
  assert.equal(at('resolution'), 0, 'at the end: on the title');
  for (const f of run(text).filter((x) => x.code === 'section.missing')) assert.ok(f.message.split('. ')[0]!.length <= 80, f.message);
});
