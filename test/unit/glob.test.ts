import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatcher, globProblem, MAX_ALTERNATIVES } from '../../server/src/model/glob.js';
import { pathMatches, DEFAULT_FILE_GLOBS } from '../../server/src/model/classify.js';
import { readConfigFile } from '../../server/src/config/load.js';
import { join } from 'node:path';
import { tempFiles } from '../helpers/run.js';

const matches = (glob: string, path: string) => globMatcher([glob])(path);

test("the `files` globs: VS Code's syntax, ignoring case, dot files included", () => {
  assert.ok(matches('**/postmortems/**/*.md', '/work/postmortems/2024/a.md'));
  assert.ok(matches('**/postmortems/**/*.md', 'postmortems/a.md'));
  assert.ok(matches('**/*.postmortem.md', '/w/Outage.PostMortem.MD'));
  assert.ok(matches('incidents/*.md', 'incidents/.hidden.md'));
  assert.ok(!matches('incidents/*.md', 'incidents/2024/a.md'), '* stays in its folder');
  assert.ok(matches('incidents/**', 'incidents'), '** also matches no folder at all');
  assert.ok(matches('/abs/dir/**/*.md', '/abs/dir/x.md'));
  assert.ok(matches('{incidents,outages}/[0-9][0-9]??-*.md', 'outages/2024-x.md'));
  assert.ok(matches('pm-{1..3}.md', 'pm-2.md') && !matches('pm-{1..3}.md', 'pm-4.md'));
  assert.ok(matches('[!a]*.md', 'b.md') && !matches('[!a]*.md', 'a.md'), '[!…] negates');
  assert.ok(matches('a\\*b.md', 'a*b.md') && !matches('a\\*b.md', 'axb.md'), '\\ escapes');
  assert.ok(matches('!**/README.md', 'x.md') && !matches('!**/README.md', 'docs/README.md'), 'a leading ! negates');
  assert.ok(matches('[abc', '[abc'), 'an unclosed bracket is a character');
  assert.ok(pathMatches('C:\\work\\postmortems\\a.md', DEFAULT_FILE_GLOBS), 'Windows paths');
});

test('a glob that would expand to too many patterns, or is too long, is refused and says why', () => {
  const bomb = '{a,b}'.repeat(9) + '.md';
  assert.match(globProblem(bomb) ?? '', new RegExp(`more than ${MAX_ALTERNATIVES} patterns`));
  assert.equal(matches(bomb, 'aaaaaaaaa.md'), false);
  assert.match(globProblem('a'.repeat(2000)) ?? '', /longer than/);
  assert.equal(globProblem('**/{a,b}/{1..9}.md'), undefined);
});

test('a configuration file with such a glob says so, as it says what breaks its schema', () => {
  const dir = tempFiles({ '.postmortemrc.json': JSON.stringify({ files: ['ok/*.md', '{a,b}'.repeat(9)] }) });
  const config = readConfigFile(join(dir, '.postmortemrc.json'));
  assert.equal(config.problems.length, 1);
  assert.match(config.problems[0]!, /files\.1 cannot be used: the glob's braces expand to more than 256 patterns/);
});
