import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { documentPath, mightBePostMortem, type DocumentLike } from '../../client/src/server/prefilter.js';
import { hasConfigFile } from '../../client/src/server/config-probe.js';
import { DEFAULT_FILE_GLOBS } from '../../server/src/model/classify.js';
import { analyze } from '../../server/src/service.js';
import { md, fullPostMortem } from '../helpers/docs.js';
import { readDocuments, readNegatives } from '../../scripts/eval/corpus.js';
import { tempFiles } from '../helpers/run.js';

const doc = (text: string, fsPath = '/work/docs/notes.md', languageId = 'markdown'): DocumentLike => ({
  languageId,
  uri: { scheme: 'file', fsPath, path: fsPath },
  getText: () => text,
});
const check = (d: DocumentLike) => mightBePostMortem(d, DEFAULT_FILE_GLOBS);

test('the client loads the language server for what the server would treat as a post-mortem', () => {
  const cases: Array<[string, DocumentLike]> = [
    ['six canonical sections', doc(fullPostMortem())],
    ['a timed timeline and two more sections, setext headings', doc(md('Summary', '=======', '', 'x', '', 'Timeline', '--------', '', '- 10:00 UTC alert', '- 10:05 UTC rollback', '', 'Root cause', '----------', '', 'z'))],
    ['sections written as labels', doc(md('**Summary:** it broke.', '', '**Timeline**', '', '- 10:00 UTC alert', '- 10:05 UTC rollback', '', 'Root cause: a config change.'))],
    ['incident words in the title', doc(md('# Checkout outage', '', '## Root cause', '', 'z'))],
    ['frontmatter flag', doc(md('---', 'postmortem: true', '---', '# x'))],
    ['frontmatter type', doc(md('---', 'type: post-mortem', '---', '# x'))],
    ['a postmortems/ folder', doc('# anything', '/work/postmortems/2024/x.md')],
  ];
  for (const [what, d] of cases) {
    assert.equal(check(d), true, what);
    // The pre-filter must never say no where the server says yes.
    const path = d.uri.fsPath;
    assert.ok(analyze(d.getText(), { path }).postMortem, `the server agrees: ${what}`);
  }
});

test('ordinary Markdown does not load it', () => {
  assert.equal(check(doc(md('# Project', '## Install', 'npm i', '## Usage', 'x'))), false);
  assert.equal(check(doc(md('# Notes', '## Timeline', 'x', '## Ideas', 'y'))), false, 'one section only');
  assert.equal(check(doc(fullPostMortem(), '/work/x.txt', 'plaintext')), false, 'not Markdown');
});

test('a .postmortemrc beside the file or above it (within the workspace) loads it: it may widen what counts', () => {
  const dir = tempFiles({ 'team/.postmortemrc.json': '{}', 'team/incidents/a.md': '# a', 'other/b.md': '# b' });
  assert.equal(hasConfigFile(join(dir, 'team', 'incidents', 'a.md'), [dir]), true);
  assert.equal(hasConfigFile(join(dir, 'other', 'b.md'), [dir]), false);
});

test('documents on other file systems are matched by their URI\'s path; untitled ones by their text only', () => {
  const vfs = { scheme: 'vscode-vfs', fsPath: '/acme/ops/postmortems/a.md', path: '/acme/ops/postmortems/a.md' };
  assert.equal(documentPath(vfs), '/acme/ops/postmortems/a.md');
  assert.equal(check({ languageId: 'markdown', uri: vfs, getText: () => '# anything' }), true);
  const untitled = { scheme: 'untitled', fsPath: 'Untitled-1', path: 'Untitled-1' };
  assert.equal(documentPath(untitled), undefined);
  assert.equal(check({ languageId: 'markdown', uri: untitled, getText: () => '# anything' }), false);
  assert.equal(check({ languageId: 'markdown', uri: untitled, getText: () => fullPostMortem() }), true);
});

test('on every real document of the evaluation corpus, the pre-filter says yes wherever the server does', () => {
  const docs = [...readDocuments().map((d) => ({ id: d.id, text: d.text, path: d.file.path })), ...readNegatives().map((n) => ({ id: n.id, text: n.text, path: n.file.path }))];
  assert.ok(docs.length > 300);
  for (const d of docs) {
    const fsPath = `/work/${d.path}`;
    if (analyze(d.text, { path: fsPath }).postMortem) assert.equal(check(doc(d.text, fsPath)), true, d.id);
  }
});
