// What the CLI follows, reads and writes (issue 17): a glob or folder never leads it out
// of the folder named through a symbolic link, it reads regular files only (never a FIFO
// or a device) of at most 32 MB, and --fix writes only the regular UTF-8 files it read,
// atomically, and never one that changed since it was read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cli, tempFiles } from '../helpers/run.js';
import { md } from '../helpers/docs.js';
import { readInput } from '../../server/src/cli/read.js';
import { writeAtomically, WriteRefused } from '../../server/src/cli/write.js';

/** Three sections missing: --fix inserts about 700 bytes. */
const THREE = md('# Outage', '', '## Summary', '', 'From 10:00 to 10:40 UTC checkout failed for 30% of users; a rollback resolved it.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Root cause', '', 'A config change.');
const files = (stdout: string) => (JSON.parse(stdout) as Array<{ file: string }>).map((f) => f.file);
const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |internal error/, stderr);

/** repo/postmortems/{a.md, evil.md → ../../outside/notes.txt} and outside/notes.txt. */
function repoWithLinkOut(): { root: string; repo: string; outside: string } {
  const root = tempFiles({ 'repo/postmortems/a.md': THREE, 'outside/notes.txt': 'notes outside the repository\n' });
  symlinkSync('../../outside/notes.txt', join(root, 'repo/postmortems/evil.md'));
  return { root, repo: join(root, 'repo'), outside: join(root, 'outside/notes.txt') };
}

test('--fix with a glob does not follow a symbolic link out of the folder, and says it skipped it', () => {
  const { repo, outside } = repoWithLinkOut();
  for (const target of ['postmortems/**/*.md', 'postmortems']) {
    const r = cli(['lint', '--fix', target], { cwd: repo });
    noStack(r.stderr);
    assert.equal(readFileSync(outside, 'utf8'), 'notes outside the repository\n', `${target}: the file outside was rewritten`);
    assert.match(r.stderr, /^postmortem: skipped postmortems\/evil\.md: a symbolic link to .*outside\/notes\.txt, outside postmortems; not read \(--follow-symlinks follows it\)$/m, target);
    assert.doesNotMatch(r.stdout, /evil/);
  }
  assert.match(readFileSync(join(repo, 'postmortems/a.md'), 'utf8'), /## Preventive Actions/, 'the file inside was fixed');
  // Asked to, it follows the link (and checks what it finds there).
  const followed = cli(['lint', '--follow-symlinks', '--format', 'json', 'postmortems/**/*.md'], { cwd: repo });
  assert.deepEqual(files(followed.stdout), ['postmortems/a.md', 'postmortems/evil.md']);
});

test('a link that stays inside the folder is followed, and the file it names checked once', () => {
  const dir = tempFiles({ 'pm/2024/a.md': THREE });
  symlinkSync('2024/a.md', join(dir, 'pm/latest.md'));
  symlinkSync('.', join(dir, 'pm/loop'));
  const r = cli(['lint', '--format', 'json', 'pm/**/*.md'], { cwd: dir });
  assert.deepEqual(files(r.stdout), ['pm/2024/a.md']);
  const f = cli(['lint', '--format', 'json', '--follow-symlinks', 'pm'], { cwd: dir, timeoutMs: 20_000 });
  assert.deepEqual(files(f.stdout), ['pm/2024/a.md'], 'a link loop is entered once');
});

test('a FIFO and a link to /dev/zero matched by a glob are skipped, never read: no hang, no out-of-memory', () => {
  const dir = tempFiles({ 'pm/a.md': THREE });
  execFileSync('mkfifo', [join(dir, 'pm/pipe.md')]);
  symlinkSync('pipe.md', join(dir, 'pm/pipe-link.md'));
  symlinkSync('/dev/zero', join(dir, 'pm/zero.md'));
  for (const extra of [[], ['--follow-symlinks']]) {
    const r = cli(['lint', ...extra, '--format', 'json', 'pm/**/*.md'], { cwd: dir, timeoutMs: 20_000 });
    assert.equal(r.signal, null, `killed after 20 s (${extra.join(' ')}): it hung`);
    noStack(r.stderr);
    assert.deepEqual(files(r.stdout), ['pm/a.md']);
    assert.match(r.stderr, /^postmortem: skipped pm\/pipe\.md: not a regular file \(a FIFO\); not read$/m);
    assert.match(r.stderr, /^postmortem: skipped pm\/pipe-link\.md: a symbolic link to .*pipe\.md, not a regular file \(a FIFO\); not read$/m);
    assert.match(r.stderr, extra.length ? /^postmortem: skipped pm\/zero\.md: a symbolic link to \/dev\/zero, not a regular file \(a character device\); not read$/m : /^postmortem: skipped pm\/zero\.md: a symbolic link to \/dev\/zero, outside pm; not read/m);
  }
  // Named on the command line, a FIFO is not read either.
  const named = cli(['lint', 'pm/pipe.md'], { cwd: dir, timeoutMs: 20_000 });
  assert.equal(named.signal, null, 'it hung');
  assert.equal(named.code, 2);
  assert.match(named.stderr, /^postmortem: skipped pm\/pipe\.md: not a regular file \(a FIFO\); not read\npostmortem: no Markdown files in pm\/pipe\.md\n$/);
  const timeline = cli(['timeline', 'pm/zero.md'], { cwd: dir, timeoutMs: 20_000 });
  assert.equal(timeline.code, 2);
  assert.match(timeline.stderr, /not a regular file \(a character device\)/);
});

test('a file over 32 MB is skipped with its size', () => {
  const dir = tempFiles({ 'pm/a.md': THREE, 'pm/huge.md': '' });
  truncateSync(join(dir, 'pm/huge.md'), 33 * 1024 * 1024); // sparse: no disk used
  const r = cli(['lint', '--format', 'json', 'pm'], { cwd: dir });
  assert.deepEqual(files(r.stdout), ['pm/a.md']);
  assert.match(r.stderr, /^postmortem: skipped pm\/huge\.md: larger than 32 MB \(33\.0 MB\); not read$/m);
});

test('--fix leaves a Latin-1 or UTF-16 file byte for byte as it was, and says why', () => {
  const latin1 = Buffer.from(THREE.replace('checkout failed', 'caf\u00e9 checkout failed'), 'latin1');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(THREE, 'utf16le')]);
  const dir = tempFiles({});
  writeFileSync(join(dir, 'latin1.md'), latin1);
  writeFileSync(join(dir, 'utf16.md'), utf16);
  const r = cli(['lint', '--fix', 'latin1.md', 'utf16.md'], { cwd: dir });
  noStack(r.stderr);
  assert.ok(readFileSync(join(dir, 'latin1.md')).equals(latin1), 'latin1.md changed');
  assert.ok(readFileSync(join(dir, 'utf16.md')).equals(utf16), 'utf16.md changed');
  assert.doesNotMatch(r.stdout, /Fixed/);
  assert.match(r.stderr, /^postmortem: latin1\.md is not valid UTF-8 \(byte \d+ is not: Latin-1 or another encoding\?\); checked with U\+FFFD in its place, never fixed$/m);
  assert.match(r.stderr, /^postmortem: utf16\.md is UTF-16 \(little-endian\); checked, never fixed/m);
  // They are still checked: each file misses Preventive Actions and Successes (its summary's
  // "a rollback resolved it" covers Resolution), so two section.missing findings per file.
  assert.equal((r.stdout.match(/section\.missing/g) ?? []).length, 4);
  assert.equal((r.stdout.match(/Missing section "Preventive Actions"/g) ?? []).length, 2);
});

test('--fix on a full disk leaves the file whole (temporary file, then rename) and exits 2', () => {
  const long = THREE.replace('A config change.', 'A config change. '.repeat(60));
  const dir = tempFiles({ 'a.md': long, 'b.md': THREE });
  assert.ok(Buffer.byteLength(long) > 1024 && Buffer.byteLength(long) < 2048);
  // A file size limit of 1 KB (bash counts 1024-byte blocks) fails every write past it, as a full disk does.
  const r = spawnSync('bash', ['-c', `ulimit -f 1; exec "${process.execPath}" "${CLI}" lint --fix a.md`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  noStack(r.stderr);
  assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), long, 'the file was cut off');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^postmortem: a\.md cannot be written \(EFBIG\); it is unchanged$/m);
  assert.deepEqual(readdirSync(dir).sort(), ['a.md', 'b.md'], 'no temporary file left behind');
});

test('a fix is not written over a file that changed since it was read, and keeps the permissions', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const path = join(dir, 'a.md');
  const input = readInput(path);
  assert.ok(!('reason' in input));
  writeFileSync(path, THREE + '\nA line an editor saved meanwhile.\n');
  assert.throws(() => writeAtomically(path, input, THREE + '\n## Fixed\n'), (e: unknown) => e instanceof WriteRefused && /changed since it was read/.test(e.message));
  assert.match(readFileSync(path, 'utf8'), /an editor saved meanwhile/);
  // Unchanged, it is written, with the mode it had.
  execFileSync('chmod', ['640', path]);
  const again = readInput(path);
  assert.ok(!('reason' in again));
  writeAtomically(path, again, 'fixed\n');
  assert.equal(readFileSync(path, 'utf8'), 'fixed\n');
  assert.equal(statSync(path).mode & 0o777, 0o640);
  mkdirSync(join(dir, 'sub'));
  assert.deepEqual(readdirSync(dir).sort(), ['a.md', 'sub']);
});
