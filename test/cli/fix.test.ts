import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempFiles } from '../helpers/run.js';
import { md } from '../helpers/docs.js';

const THREE = md('# Outage', '', '## Summary', '', 'From 10:00 to 10:40 UTC checkout failed for 30% of users; a rollback resolved it.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Resolution', '', 'The change was rolled back.');

test('--fix inserts the three missing sections, keeps every original line in order, and a second --fix changes nothing', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const first = cli(['lint', '--fix', 'a.md'], { cwd: dir });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Fixed a\.md: Insert all missing sections$/m);
  const fixed = readFileSync(join(dir, 'a.md'), 'utf8');
  const lines = fixed.split('\n');
  let i = 0;
  for (const line of THREE.split('\n')) {
    while (i < lines.length && lines[i] !== line) i++;
    assert.ok(i < lines.length, `lost ${JSON.stringify(line)}`);
    i++;
  }
  for (const h of ['## Root Cause Analysis', '## Preventive Actions', '## Successes and Positive Outcomes']) assert.ok(lines.includes(h), h);
  const second = cli(['lint', '--fix', 'a.md'], { cwd: dir });
  assert.doesNotMatch(second.stdout, /Fixed/);
  assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), fixed);
});

test('--fix-dry-run prints a unified diff and leaves the file untouched', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const r = cli(['lint', '--fix-dry-run', 'a.md'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^--- a\/a\.md$/m);
  assert.match(r.stdout, /^\+\+\+ b\/a\.md$/m);
  assert.match(r.stdout, /^\+## Preventive Actions$/m);
  assert.doesNotMatch(r.stdout, /^-[^-]/m, 'nothing removed');
  assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), THREE);
});

test('--fix with a machine format keeps stdout parseable and reports fixes on stderr', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const r = cli(['lint', '--fix', '--format', 'json', 'a.md'], { cwd: dir });
  assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics.filter((d: { code: string }) => d.code === 'section.missing'), []);
  assert.match(r.stderr, /Fixed a\.md/);
});

test('--fix and --fix-dry-run together is a usage error', () => {
  const dir = tempFiles({ 'a.md': THREE });
  assert.equal(cli(['lint', '--fix', '--fix-dry-run', 'a.md'], { cwd: dir }).code, 2);
});

test('--fix sorts a timeline with a hard break, keeps the break on its line, and the run goes on to the next file', () => {
  const hardBreak = md('# Outage', '', '## Timeline', '', 'All times in UTC.', '', '14:10 - rollback', '> "it is fine"  ', '', '14:00 - alert  ', '', '## Root cause', '', 'A config change.');
  const dir = tempFiles({ 'a.md': hardBreak, 'b.md': THREE });
  const r = cli(['lint', '--fix', 'a.md', 'b.md'], { cwd: dir });
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error|lost text/, r.stderr);
  assert.notEqual(r.code, 2, r.stderr);
  const a = readFileSync(join(dir, 'a.md'), 'utf8');
  assert.match(a, /^14:00 - alert {2}\n\n14:10 - rollback\n> "it is fine" {2}\n/m, a);
  assert.match(r.stdout, /^Fixed a\.md: .*Sort timeline chronologically/m);
  assert.match(r.stdout, /^Fixed b\.md: Insert all missing sections$/m);
});

test('--fix keeps a CR-only file CR-only', () => {
  const dir = tempFiles({ 'a.md': THREE.replace(/\n/g, '\r') });
  const r = cli(['lint', '--fix', 'a.md'], { cwd: dir });
  assert.match(r.stdout, /^Fixed a\.md/m);
  const fixed = readFileSync(join(dir, 'a.md'), 'utf8');
  assert.match(fixed, /\r## Preventive Actions\r/);
  assert.doesNotMatch(fixed, /\n/, 'an LF was written');
});
