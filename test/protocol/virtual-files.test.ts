/**
 * Documents that are not files on this machine (github.dev's `vscode-vfs:`, any virtual file
 * system): dist/server.js matches them by their URI's path and asks the editor for their
 * configuration file (postmortem/findConfig), as the server in a browser worker does for all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp.js';
import { md } from '../helpers/docs.js';
import { tempFiles } from '../helpers/run.js';

const NOTES = md('# Queue backlog', '', 'Some notes.');
const RC = { uri: 'vscode-vfs://github/acme/ops/.postmortemrc.json', path: '/acme/ops/.postmortemrc.json' };

const codes = (ds: Array<{ code?: unknown }>) => ds.map((d) => String(d.code)).sort();

test('a virtual document: its path matches the globs, and the editor finds its configuration file', async () => {
  const c = await LspClient.start({ pull: true });
  const asked: string[] = [];
  c.connection.onRequest('postmortem/findConfig', (params: { uri: string }) => {
    asked.push(params.uri);
    return params.uri.startsWith('vscode-vfs://github/acme/ops/') ? { ...RC, text: JSON.stringify({ files: ['incidents/*.md'], rules: { 'section.missing': 'warning' } }) } : null;
  });
  try {
    // By the default globs, on the URI's path (acme/web has no configuration file).
    const inFolder = 'vscode-vfs://github/acme/web/postmortems/2025-01-01-queue.md';
    c.open(inFolder, NOTES);
    assert.ok(codes(await c.pullDiagnostics(inFolder)).includes('section.missing'));

    // By acme/ops's configuration file's glob, anchored to its folder on that file system; its
    // `files` replace the default globs there.
    const byConfig = 'vscode-vfs://github/acme/ops/incidents/queue.md';
    c.open(byConfig, NOTES);
    assert.ok(codes(await c.pullDiagnostics(byConfig)).includes('section.missing'));
    assert.ok(asked.includes(byConfig));
    const notByConfig = 'vscode-vfs://github/acme/ops/postmortems/queue.md';
    c.open(notByConfig, NOTES);
    assert.deepEqual(await c.pullDiagnostics(notByConfig), []);

    // Neither: ordinary Markdown elsewhere.
    const other = 'vscode-vfs://github/acme/web/README.md';
    c.open(other, NOTES);
    assert.deepEqual(await c.pullDiagnostics(other), []);

    // Untitled documents and files on disk are not asked about.
    c.open('untitled:Untitled-1', NOTES);
    await c.pullDiagnostics('untitled:Untitled-1');
    const dir = tempFiles({ 'postmortems/x.md': NOTES });
    const file = pathToFileURL(join(dir, 'postmortems', 'x.md')).href;
    c.open(file, NOTES);
    assert.ok(codes(await c.pullDiagnostics(file)).includes('section.missing'));
    assert.ok(!asked.some((u) => u.startsWith('untitled:') || u.startsWith('file:')), asked.join(', '));
  } finally {
    await c.stop();
  }
});

test('a configuration file changed (a watched-file event): the editor is asked again and the new rules apply', async () => {
  const c = await LspClient.start({ pull: true });
  let rules: Record<string, string> = {};
  c.connection.onRequest('postmortem/findConfig', () => ({ ...RC, text: JSON.stringify({ rules }) }));
  try {
    const uri = 'vscode-vfs://github/acme/ops/postmortems/a.md';
    c.open(uri, NOTES);
    assert.ok(codes(await c.pullDiagnostics(uri)).includes('section.missing'));
    rules = { 'section.missing': 'off' };
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: RC.uri, type: 2 }] });
    assert.ok(!codes(await c.pullDiagnostics(uri)).includes('section.missing'));
  } finally {
    await c.stop();
  }
});

test('an editor without postmortem/findConfig: no configuration file, and the diagnostics still come', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const uri = 'vscode-vfs://github/acme/ops/postmortems/a.md';
    c.open(uri, NOTES);
    assert.ok(codes(await c.pullDiagnostics(uri)).includes('section.missing'));
    assert.ok(c.running, 'the server is still running');
  } finally {
    await c.stop();
  }
});
