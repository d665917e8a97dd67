import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI, cli, tempFiles } from '../helpers/run.js';
import { md, fullPostMortem } from '../helpers/docs.js';

const THREE = md('# Outage', '', '## Summary', '', 'On 1 May 2024 from 10:00 to 10:40 UTC checkout failed for 30% of users; a rollback resolved it.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Resolution', '', 'The change was rolled back.');

test('lint --format json prints one array with an object per file and 0-based LSP ranges', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const r = cli(['lint', '--format', 'json', 'a.md'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.length, 1);
  assert.equal(out[0].file, 'a.md');
  const missing = out[0].diagnostics.filter((d: { code: string }) => d.code === 'section.missing');
  assert.equal(missing.length, 3);
  assert.deepEqual(missing.map((d: { message: string }) => d.message.match(/"([^"]+)"/)![1]), [
    'Root Cause Analysis',
    'Preventive Actions',
    'Successes and Positive Outcomes',
  ]);
  assert.deepEqual(missing[0], {
    code: 'section.missing',
    severity: 'warning',
    message: missing[0].message,
    // Where "Insert section" would put it: before "## Resolution" (0-based line 10, 13 characters).
    range: { start: { line: 10, character: 0 }, end: { line: 10, character: 13 } },
  });
});

test('lint walks folders (skipping node_modules) and expands globs; paths come back as found', () => {
  const dir = tempFiles({
    'pm/b.md': fullPostMortem(),
    'pm/sub/c.md': THREE,
    'pm/node_modules/x.md': THREE,
    'pm/notes.txt': 'x',
    'other/d.md': THREE,
  });
  const folder = JSON.parse(cli(['lint', '--format', 'json', 'pm'], { cwd: dir }).stdout);
  assert.deepEqual(folder.map((f: { file: string }) => f.file), ['pm/b.md', 'pm/sub/c.md']);
  const glob = JSON.parse(cli(['lint', '--format', 'json', '**/d.md'], { cwd: dir }).stdout);
  assert.deepEqual(glob.map((f: { file: string }) => f.file), ['other/d.md']);
});

test('exit codes: 0 without errors, 1 with an error-severity finding, 2 for usage and I/O errors', () => {
  const dir = tempFiles({ 'a.md': THREE, 'ok.md': fullPostMortem() });
  assert.equal(cli(['lint', 'ok.md'], { cwd: dir }).code, 0);
  assert.equal(cli(['lint', 'a.md'], { cwd: dir }).code, 0, 'warnings only');
  const missing = cli(['lint', 'nope.md'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), 'postmortem: no such file or folder: nope.md', 'one clear line, no stack trace');
  assert.equal(cli(['lint', '--format', 'xml', 'a.md'], { cwd: dir }).code, 2);
  assert.equal(cli(['lint'], { cwd: dir }).code, 2);
  assert.equal(cli(['frobnicate'], { cwd: dir }).code, 2);
  assert.equal(cli(['lint', '--bogus', 'a.md'], { cwd: dir }).code, 2);
});

test('stylish output names the file, 1-based positions, the severity, message and code', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const r = cli(['lint', 'a.md'], { cwd: dir });
  // Root cause would go before "## Resolution" (line 11); the others at the end, so on the title.
  assert.match(r.stdout, /^a\.md\n {2}11:1 {2}warning {2}Missing section "Root Cause Analysis".* {2}section\.missing$/m);
  assert.match(r.stdout, /^ {2}1:1 +warning {2}Missing section "Preventive Actions".* {2}section\.missing$/m);
  assert.match(r.stdout, /3 problems \(0 errors, 2 warnings, 1 info\) in 1 file/);
  assert.doesNotMatch(r.stdout, /\x1b\[/, 'NO_COLOR turns colours off');
});

test('the CLI checks every file it is given, even one nothing marks as a post-mortem', () => {
  const dir = tempFiles({ 'README.md': md('# Readme', 'Hello.') });
  const out = JSON.parse(cli(['lint', '--format', 'json', 'README.md'], { cwd: dir }).stdout);
  assert.equal(out[0].diagnostics.filter((d: { code: string }) => d.code === 'section.missing').length, 6);
});

test('exit code 1 when a finding has error severity (unreadable frontmatter)', () => {
  const dir = tempFiles({
    'bad.md': md('---', 'title: [unclosed', '---', fullPostMortem()),
    'dup.md': md('---', 'title: a', 'title: b', '---', fullPostMortem()),
  });
  assert.equal(cli(['lint', 'bad.md'], { cwd: dir }).code, 1);
  const r = cli(['lint', '--format', 'json', 'dup.md'], { cwd: dir });
  assert.equal(r.code, 1);
  const d = JSON.parse(r.stdout)[0].diagnostics.find((x: { code: string }) => x.code === 'frontmatter.yaml');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.line, 2, 'on the duplicate key');
});

test('lint … | head -1: the closed pipe ends the run quietly, no EPIPE and no stack trace (issue 17)', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) files[`pm/f${i}.md`] = md(`# T${i}`, '', 'TODO', '', '## Timeline', '', '- 25:99 x');
  const dir = tempFiles(files);
  for (const format of ['json', 'stylish', 'sarif']) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" lint --format ${format} pm | head -1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
      assert.equal(r.stderr, '', `${format}: ${r.stderr}`);
    }
  }
});

test('the built CLI runs as the `postmortem` bin, without node in front (npx postmortem in a clone)', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const r = spawnSync(CLI, ['lint', '--format', 'json', 'a.md'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.error, undefined, String(r.error));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).length, 1);
});
