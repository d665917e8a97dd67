import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, tempFiles } from '../../helpers/run.js';
import { LspClient } from '../../helpers/lsp.js';
import { md } from '../../helpers/docs.js';

// These drive the built dist/cli.js and dist/server.js (npm test builds first).

// The summary does not say how it ended, so no part covers the resolution either.
const DOC = md('# Outage', '', '## Summary', '', 'From 10:00 to 10:40 UTC checkout failed for 30% of users.', '', '## Timeline', '', '- 10:00 UTC alert');
const missingOf = (stdout: string) =>
  (JSON.parse(stdout)[0].diagnostics as Array<{ code: string; message: string }>).filter((d) => d.code === 'section.missing').map((d) => d.message.match(/"([^"]+)"/)![1]);

test('the CLI uses the configuration found upward from each file', () => {
  const dir = tempFiles({ 'google/.postmortemrc.json': '{"preset":"google-sre","sections":{"optional":["timeline","successes","lessons-learned"]}}', 'google/pm.md': DOC, 'plain/pm.md': DOC });
  const google = cli(['lint', '--format', 'json', 'google/pm.md'], { cwd: dir });
  assert.equal(google.code, 0, google.stderr);
  assert.deepEqual(missingOf(google.stdout), ['Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Action Items']);
  const plain = cli(['lint', '--format', 'json', 'plain/pm.md'], { cwd: dir });
  assert.deepEqual(missingOf(plain.stdout), ['Root Cause Analysis', 'Resolution and Recovery', 'Preventive Actions', 'Successes and Positive Outcomes']);
});

test('--config FILE overrides the search; a missing or invalid configuration is a usage error (exit 2)', () => {
  const dir = tempFiles({ 'rc.yaml': 'sections:\n  required: [summary]\n', 'bad.json': '{"preset": "nope"}', 'broken.json': '{', 'pm.md': DOC });
  const given = cli(['lint', '--format', 'json', '--config', 'rc.yaml', 'pm.md'], { cwd: dir });
  assert.equal(given.code, 0, given.stderr);
  assert.deepEqual(missingOf(given.stdout), []);
  const missing = cli(['lint', '--config', 'nope.json', 'pm.md'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), 'postmortem: no such configuration file: nope.json');
  const bad = cli(['lint', '--config', 'bad.json', 'pm.md'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^postmortem: invalid configuration: bad\.json: preset must be equal to one of the allowed values/);
  const broken = cli(['lint', '--config', 'broken.json', 'pm.md'], { cwd: dir });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.json: is not valid JSON/);
});

test('the server applies the configuration file next to a document and re-validates when it changes', { timeout: 30_000 }, async () => {
  const dir = tempFiles({ '.postmortemrc.json': '{"rules":{"section.missing":"off"}}' });
  const uri = pathToFileURL(join(dir, 'postmortems', 'a.md')).href;
  const c = await LspClient.start({ pull: true });
  try {
    c.open(uri, DOC);
    assert.deepEqual((await c.pullDiagnostics(uri)).filter((d) => d.code === 'section.missing'), [], 'turned off by the file');
    writeFileSync(join(dir, '.postmortemrc.json'), '{"rules":{"section.missing":"error"}}');
    void c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.postmortemrc.json')).href, type: 2 }] });
    await c.refreshRequested();
    const after = (await c.pullDiagnostics(uri)).filter((d) => d.code === 'section.missing');
    assert.equal(after.length, 4);
    assert.ok(after.every((d) => d.severity === 1), 'errors now');
  } finally {
    await c.stop();
  }
});

test('in the server, VS Code settings override the file', { timeout: 30_000 }, async () => {
  const dir = tempFiles({ '.postmortemrc.json': '{"rules":{"section.missing":"off"}}' });
  const uri = pathToFileURL(join(dir, 'postmortems', 'a.md')).href;
  const c = await LspClient.start({ pull: true, settings: { rules: { 'section.missing': 'hint' }, preset: 'default' } });
  try {
    c.open(uri, DOC);
    const missing = (await c.pullDiagnostics(uri)).filter((d) => d.code === 'section.missing');
    assert.equal(missing.length, 4);
    assert.ok(missing.every((d) => d.severity === 4), 'hints, as VS Code says');
  } finally {
    await c.stop();
  }
});
