import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, DEFAULT_SETTINGS, settingsFrom } from '../../server/src/service.js';
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

test('three recognised sections one of which is a timeline make a post-mortem', () => {
  assert.equal(reason(md('# x', '## Summary', 'a', '## Timeline', 'b', '## Action items', 'c')), 'sections');
  assert.equal(reason(md('# x', '## Summary', 'a', '## Root cause', 'b', '## Action items', 'c')), undefined, 'no timeline');
  assert.equal(reason(md('# x', '## Summary', 'a', '## Timeline', 'b')), undefined, 'two sections');
  assert.equal(reason(fullPostMortem()), 'sections');
});
