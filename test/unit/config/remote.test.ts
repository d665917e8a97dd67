import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configOf, RemoteConfigFiles } from '../../../server/src/config/remote.js';
import { settingsWith } from '../../../server/src/config/resolve.js';
import { parentPath, uriPath } from '../../../server/src/uri-path.js';
import { analyze } from '../../../server/src/service.js';
import type { FoundConfig } from '../../../server/src/protocol.js';

test('uriPath: the decoded path of a URI in a tree; nothing for untitled and malformed URIs', () => {
  assert.equal(uriPath('vscode-vfs://github/acme/ops/postmortems/a%20b.md'), '/acme/ops/postmortems/a b.md');
  assert.equal(uriPath('vscode-remote://127.0.0.1:8080/work/ws/x.md?ref=main#L3'), '/work/ws/x.md');
  assert.equal(uriPath('file:///c%3A/work/x.md'), '/c:/work/x.md');
  assert.equal(uriPath('memfs:/notes/x.md'), '/notes/x.md');
  assert.equal(uriPath('vscode-vfs://github'), '/');
  assert.equal(uriPath('untitled:Untitled-1'), undefined);
  assert.equal(uriPath('no scheme/x.md'), undefined);
  assert.equal(uriPath('vscode-vfs://github/a/%E0%A4%A.md'), undefined, 'a malformed escape');
  assert.equal(parentPath('/acme/ops/.postmortemrc.json'), '/acme/ops');
  assert.equal(parentPath('/x.md'), '/');
});

const RC = { uri: 'vscode-vfs://github/acme/ops/.postmortemrc.json', path: '/acme/ops/.postmortemrc.json' };

test('a configuration file the editor sent is parsed and checked as one on disk, its globs anchored to its folder', () => {
  const config = configOf({ ...RC, text: '\uFEFF{ "files": ["incidents/*.md"], "rules": { "section.order": "off" }, "colour": "red" }' });
  assert.equal(config.unreadable, false);
  assert.deepEqual(config.raw['files'], ['/acme/ops/incidents/*.md']);
  assert.deepEqual(config.problems, ['/acme/ops/.postmortemrc.json: the file must NOT have additional properties "colour"']);
  const settings = settingsWith(config, { rules: { 'action.vague': 'off' } });
  assert.equal(settings.rules['section.order'], 'off');
  assert.equal(settings.rules['action.vague'], 'off', 'VS Code settings over the file');
  // A document on the same file system counts as a post-mortem by the file's glob, matched on its URI's path.
  assert.equal(analyze('# Notes\n', { path: uriPath('vscode-vfs://github/acme/ops/incidents/a.md'), settings }).postMortem, 'path');
  assert.equal(analyze('# Notes\n', { path: uriPath('vscode-vfs://github/acme/ops/notes/a.md'), settings }).postMortem, undefined);
});

test('what cannot be read is reported with the reason, never thrown', () => {
  assert.deepEqual(configOf({ ...RC, problem: 'larger than 64 KB; not read' }).problems, ['/acme/ops/.postmortemrc.json: larger than 64 KB; not read']);
  assert.match(configOf({ uri: RC.uri, path: '/acme/ops/.postmortemrc.yaml', text: 'preset: [' }).problems[0]!, /is not valid YAML \(line 1\)/);
  assert.equal(configOf({ ...RC, text: '[1, 2]' }).unreadable, true);
  assert.equal(configOf({ ...RC, text: 'x'.repeat(70 * 1024) }).unreadable, true, 'over the size limit, whoever read it');
  assert.equal(configOf({ uri: RC.uri } as FoundConfig).unreadable, true, 'no path');
});

test('the editor is asked once per folder until a configuration file changes; untitled documents are not asked about', async () => {
  const asked: string[] = [];
  const files = new RemoteConfigFiles(async (uri) => {
    asked.push(uri);
    return uri.includes('/incidents/') ? { ...RC, text: '{"preset":"atlassian"}' } : null;
  });
  const a = await files.forDocument('vscode-vfs://github/acme/ops/incidents/a.md');
  const b = await files.forDocument('vscode-vfs://github/acme/ops/incidents/b.md');
  assert.equal(a?.raw['preset'], 'atlassian');
  assert.equal(b, a, 'the same folder: the same file, not asked again');
  assert.equal(await files.forDocument('vscode-vfs://github/acme/ops/notes/c.md'), undefined);
  assert.equal(await files.forDocument('untitled:Untitled-1'), undefined);
  assert.deepEqual(asked, ['vscode-vfs://github/acme/ops/incidents/a.md', 'vscode-vfs://github/acme/ops/notes/c.md']);
  files.clear();
  await files.forDocument('vscode-vfs://github/acme/ops/incidents/b.md');
  assert.equal(asked.length, 3, 'asked again after clear()');
});

test('an editor that cannot answer means no configuration file: the failure is reported and the editor asked again next time', async () => {
  const errors: string[] = [];
  let calls = 0;
  const files = new RemoteConfigFiles(
    async () => {
      calls++;
      throw new Error('Unhandled method postmortem/findConfig');
    },
    (message) => errors.push(message),
  );
  assert.equal(await files.forDocument('vscode-vfs://github/acme/ops/a.md'), undefined);
  assert.equal(await files.forDocument('vscode-vfs://github/acme/ops/a.md'), undefined);
  assert.equal(calls, 2);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /could not look for a configuration file for vscode-vfs:\/\/github\/acme\/ops\/a\.md: Unhandled method/);
});
