import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions, DEFAULT_SETTINGS, settingsFrom } from '../../server/src/service.js';
import { md, fullPostMortem } from '../helpers/docs.js';

const reason = (text: string, path?: string, settings = DEFAULT_SETTINGS) => analyze(text, { path, settings }).postMortem;

test('an ordinary Markdown file is not a post-mortem and gets no findings', () => {
  const readme = md('# My project', '', '## Install', '', 'npm i', '', '## Usage', '', 'TODO');
  const a = analyze(readme, { path: '/repo/README.md' });
  assert.equal(a.postMortem, undefined);
  assert.deepEqual(a.findings, []);
});

test('frontmatter postmortem: true or type: postmortem marks a post-mortem; postmortem: false opts out', () => {
  assert.equal(reason(md('---', 'postmortem: true', '---', '# x')), 'frontmatter');
  assert.equal(reason(md('---', 'type: post-mortem', '---', '# x')), 'frontmatter');
  assert.equal(reason(md('---', 'type: Postmortem', '---', '# x')), 'frontmatter');
  assert.equal(reason(md('---', 'postmortem: false', '---', '# x'), '/r/postmortems/a.md'), undefined);
});

test('the default globs: postmortems/, post-mortems/, postmortem/ folders and *.postmortem.md', () => {
  assert.equal(reason('# x', '/r/docs/postmortems/2024/a.md'), 'path');
  assert.equal(reason('# x', 'C:\\r\\post-mortems\\a.md'), 'path');
  assert.equal(reason('# x', 'postmortem/a.md'), 'path');
  assert.equal(reason('# x', '/r/outage.postmortem.md'), 'path');
  assert.equal(reason('# x', '/r/docs/a.md'), undefined);
  assert.equal(reason('# x', '/r/docs/a.md', settingsFrom({ files: ['**/docs/*.md'] })), 'path');
});

test('evidence: a timeline of timed entries beside two more sections, or incident words in the title', () => {
  assert.equal(reason(fullPostMortem()), 'evidence');
  const timed = ['## Timeline', '- 14:02 UTC - alert fires', '- 14:10 UTC - rollback starts'];
  assert.equal(reason(md('# Checkout', '## Summary', 'a', ...timed, '## Action items', '- c')), 'evidence');
  assert.equal(reason(md('# Checkout', ...timed, '## Action items', '- c')), undefined, 'one other section');
  // A list indented four spaces by mistake is a code block to Markdown but timed entries to its readers (and the timeline).
  const indented = ['## Timeline (PST)', '    - 11:16 ::::: deploy', '    - 11:54 ::::: rollback'];
  assert.equal(reason(md('# Credentials in logs', '## Background', 'a', ...indented, '## Action Items', '- c')), 'evidence');
  // A plan with a Timeline of dates, a Summary and Action items is not a post-mortem.
  const plan = md('# Release 1.30', '## Summary', 'The release.', '## Timeline', '- 2024-03-01: beta', '- 2024-04-01: GA', '## Action items', '- ship');
  assert.equal(reason(plan), undefined, 'a plan');
  // The sections only an incident has: a timeline, a root cause, a resolution and one more.
  assert.equal(reason(md('# x', '## Summary', 'a', '## Timeline', '- May 2: reported', '## Root cause', 'b', '## Resolution', 'c')), 'evidence');
  // Words naming an incident in the title, beside a section.
  assert.equal(reason(md('# Checkout outage on 2024-08-20', '## Root cause', 'b')), 'evidence');
  assert.equal(reason(md('# Post-mortem: checkout', '## Action items', '- x')), 'evidence');
  // A blog exported from WordPress to Jekyll writes its keys as Ruby symbols (":title:").
  assert.equal(reason(md('---', ":title: 'Wiki and issue tracker outage over the weekend'", ':created: 1438701000', '---', 'The wiki was down from Thursday to Sunday.')), 'evidence');
  assert.equal(reason(md('# Incident 2024-08-20', '## Root cause', 'b')), 'evidence', 'incident with a date');
  // "Incident" naming a process, a guide, or a template is not an incident.
  assert.equal(reason(md('# Incident response', '## Summary', 'a', '## Resolution', 'b')), undefined);
  assert.equal(reason(md('# After an incident', '## Resolution', 'b')), undefined, 'incident without a date or times');
  assert.equal(reason(md('# Post-mortem template', '## Summary', 'a', ...timed, '## Root cause', 'b')), undefined, 'a template');
  assert.equal(reason(fullPostMortem(), '/repo/templates/incident.md'), undefined, 'a template by its path');
});

test('evidence: a post told in prose under a title that names an outage or a post-mortem, not a guide to writing them', () => {
  const prose = 'An update to the firewall today had several unintended consequences and caused a widespread service disruption for our users, until we turned it off.';
  assert.equal(reason(md('# OpenShift Partial Outage', '', prose)), 'evidence');
  assert.equal(reason(md('---', 'title: "A Post-Mortem of the burning bug"', '---', '', prose)), 'evidence', 'the frontmatter title');
  assert.equal(reason(md('# Notes', '', prose), '/blog/2020-03-03-outage.md'), undefined, 'a file name alone is not enough for prose');
  assert.equal(reason(md('# Post-mortem process', '', prose)), undefined, 'a process');
  assert.equal(reason(md('# Writing effective post-mortems', '', prose)), undefined, 'a guide');
  assert.equal(reason(md('# Outage', '', 'Short.')), undefined, 'no summary: too little to tell');
  // Its plans are sentences among the others: no "Preventive Actions" is asked of it.
  const findings = analyze(md('# OpenShift Partial Outage', '', prose), { force: true }).findings;
  assert.ok(!findings.some((f) => (f.data as { sectionId?: string } | undefined)?.sectionId === 'preventive-actions'), findings.map((f) => f.message).join('\n'));
  assert.ok(findings.some((f) => (f.data as { sectionId?: string } | undefined)?.sectionId === 'timeline'));
});

test('"This is not a post-mortem" adds postmortem: false, for documents taken for one by their path or content', () => {
  const text = fullPostMortem();
  const a = analyze(text, { path: '/r/docs/a.md' });
  assert.equal(a.postMortem, 'evidence');
  const withFinding = analyze(text.replace('## Successes and Positive Outcomes', '## Notes'), { path: '/r/docs/a.md' });
  const f = withFinding.findings[0]!;
  const fix = codeActions(withFinding, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).find((x) => x.title.startsWith('This is not a post-mortem'));
  assert.ok(fix, 'offered');
  const after = applyEdits(withFinding.model.text, fix.edits, withFinding);
  assert.ok(after.startsWith('---\npostmortem: false\n---\n# Checkout outage'), after.slice(0, 60));
  const again = analyze(after, { path: '/r/docs/a.md' });
  assert.equal(again.postMortem, undefined);
  assert.deepEqual(again.findings, []);
  // A document that says it is one in its frontmatter is not offered the fix.
  const own = analyze(md('---', 'postmortem: true', '---', '# x', '## Summary', 'y'));
  const g = own.findings[0]!;
  assert.ok(!codeActions(own, [{ code: g.code, range: g.range, data: g.data }], ['quickfix']).some((x) => x.title.startsWith('This is not')));
});
