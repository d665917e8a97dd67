import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempFiles } from '../helpers/run.js';
import { md } from '../helpers/docs.js';

const PM = md('# x', '## Summary', 'y');
const files = (stdout: string) => JSON.parse(stdout).map((f: { file: string }) => f.file);

test('folders skip what .gitignore excludes, from the repository root down, with ! re-including', () => {
  const dir = tempFiles({
    '.gitignore': 'drafts/\n*.tmp.md\n',
    'pm/a.md': PM,
    'pm/b.tmp.md': PM,
    'pm/drafts/c.md': PM,
    'pm/keep/.gitignore': '!*.tmp.md\n',
    'pm/keep/d.tmp.md': PM,
  });
  mkdirSync(join(dir, '.git'));
  assert.deepEqual(files(cli(['lint', '--format', 'json', 'pm'], { cwd: dir }).stdout), ['pm/a.md', 'pm/keep/d.tmp.md']);
  // Run from a sub-folder: the root's .gitignore still applies.
  assert.deepEqual(files(cli(['lint', '--format', 'json', '.'], { cwd: join(dir, 'pm') }).stdout), ['a.md', 'keep/d.tmp.md']);
  // A file named on the command line is checked even if .gitignore excludes it.
  assert.deepEqual(files(cli(['lint', '--format', 'json', 'pm/b.tmp.md'], { cwd: dir }).stdout), ['pm/b.tmp.md']);
});

test('--ignore GLOB skips files found in folders, by globs and named (repeatable)', () => {
  const dir = tempFiles({ 'pm/a.md': PM, 'pm/old/b.md': PM, 'pm/c.md': PM });
  assert.deepEqual(files(cli(['lint', '--format', 'json', '--ignore', 'pm/old/**', '--ignore', '**/c.md', 'pm'], { cwd: dir }).stdout), ['pm/a.md']);
  assert.deepEqual(files(cli(['lint', '--format', 'json', '--ignore', 'pm/old/**', 'pm/**/*.md'], { cwd: dir }).stdout), ['pm/a.md', 'pm/c.md']);
});

test('a glob that matches nothing, or only ignored files, is a usage error', () => {
  const dir = tempFiles({ 'pm/a.md': PM });
  const r = cli(['lint', 'nothing/**/*.md'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), 'postmortem: no files match nothing/**/*.md');
});
