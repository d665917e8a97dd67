import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigCache, findConfigFile, readConfigFile } from '../../../server/src/config/load.js';
import { mergeRaw, resolveSettings, withoutDefaults } from '../../../server/src/config/resolve.js';
import { EXTRA_SECTIONS } from '../../../server/src/config/presets.js';
import { CANONICAL_ORDER } from '../../../server/src/model/sections.js';
import { allCodes } from '../../../server/src/rules/registry.js';
import { analyze } from '../../../server/src/service.js';
import { ROOT, tempFiles } from '../../helpers/run.js';

test('the nearest configuration file above a post-mortem applies; JSON and YAML alike', () => {
  const dir = tempFiles({
    '.postmortemrc.json': JSON.stringify({ preset: 'google-sre' }),
    'team/.postmortemrc.yaml': 'preset: pagerduty\nrules:\n  action.vague: "off"\n',
    'team/incidents/2024/a.md': '# x',
    'b.md': '# y',
  });
  assert.equal(findConfigFile(join(dir, 'team/incidents/2024')), join(dir, 'team/.postmortemrc.yaml'));
  assert.equal(resolveSettings(join(dir, 'team/incidents/2024/a.md'), { cache: new ConfigCache() }).settings.preset, 'pagerduty');
  assert.equal(resolveSettings(join(dir, 'team/incidents/2024/a.md'), { cache: new ConfigCache() }).settings.rules['action.vague'], 'off');
  assert.equal(resolveSettings(join(dir, 'b.md'), { cache: new ConfigCache() }).settings.preset, 'google-sre');
  assert.equal(resolveSettings(undefined, { cache: new ConfigCache() }).settings.preset, 'default', 'an untitled document looks for no file');
});

test('.json wins over .yaml in the same folder; an explicit configPath wins over the search', () => {
  const dir = tempFiles({ '.postmortemrc.json': '{"preset":"atlassian"}', '.postmortemrc.yaml': 'preset: pagerduty', 'other.yml': 'preset: google-sre', 'a.md': '' });
  assert.equal(resolveSettings(join(dir, 'a.md'), { cache: new ConfigCache() }).settings.preset, 'atlassian');
  assert.equal(resolveSettings(join(dir, 'a.md'), { cache: new ConfigCache(), configPath: join(dir, 'other.yml') }).settings.preset, 'google-sre');
});

test('files globs are relative to the configuration file\'s folder', () => {
  const dir = tempFiles({ '.postmortemrc.json': JSON.stringify({ files: ['incidents/*.md', '**/*.pm.md'] }), 'incidents/a.md': '', 'notes/b.md': '' });
  const { settings } = resolveSettings(join(dir, 'incidents/a.md'), { cache: new ConfigCache() });
  assert.deepEqual(settings.files, [`${dir.replace(/\\/g, '/')}/incidents/*.md`, '**/*.pm.md']);
  const body = '# Title\n\nSome notes.\n';
  assert.equal(analyze(body, { path: join(dir, 'incidents/a.md'), settings }).postMortem, 'path');
  assert.equal(analyze(body, { path: join(dir, 'notes/b.md'), settings }).postMortem, undefined);
});

test('a file that cannot be parsed is reported and ignored; schema problems are reported with the values kept', () => {
  const dir = tempFiles({ 'bad/.postmortemrc.json': '{ "preset": ', 'odd/.postmortemrc.yaml': 'preset: sideways\nsections:\n  order: strict\ncolour: red\n' });
  const bad = readConfigFile(join(dir, 'bad/.postmortemrc.json'));
  assert.equal(bad.unreadable, true);
  assert.match(bad.problems[0]!, /is not valid JSON/);
  const odd = readConfigFile(join(dir, 'odd/.postmortemrc.yaml'));
  assert.equal(odd.unreadable, false);
  assert.equal(odd.problems.length, 2, odd.problems.join('\n'));
  assert.ok(odd.problems.some((p) => /preset must be equal to one of the allowed values \(default, google-sre, atlassian, pagerduty\)/.test(p)));
  assert.ok(odd.problems.some((p) => /must NOT have additional properties "colour"/.test(p)));
  const { settings } = resolveSettings(join(dir, 'odd/a.md'), { cache: new ConfigCache() });
  assert.equal(settings.preset, 'default', 'the bad preset is ignored');
  assert.equal(settings.sectionOrder, 'strict', 'the good value is kept');
});

test('a YAML alias bomb in a configuration file is refused, not expanded', () => {
  const laughs = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill('*' + 'abcdefgh'[i]).join(',')}]`)];
  const dir = tempFiles({ '.postmortemrc.yaml': laughs.join('\n') });
  const file = readConfigFile(join(dir, '.postmortemrc.yaml'));
  assert.equal(file.unreadable, true);
});

test('the cache re-reads a file when it changes on disk, and keeps it when it does not', () => {
  const dir = tempFiles({ '.postmortemrc.json': '{"preset":"atlassian"}', 'a.md': '' });
  const cache = new ConfigCache();
  const first = cache.forFile(join(dir, 'a.md'))!;
  assert.equal(cache.forFile(join(dir, 'a.md')), first, 'unchanged: the same object');
  writeFileSync(join(dir, '.postmortemrc.json'), '{"preset":"pagerduty" }');
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dir, '.postmortemrc.json'), later, later);
  assert.equal(cache.forFile(join(dir, 'a.md'))!.raw['preset'], 'pagerduty');
});

test('VS Code settings override the file, except those left at their defaults', () => {
  const dir = tempFiles({ '.postmortemrc.json': JSON.stringify({ preset: 'atlassian', files: ['x/*.md'], rules: { 'action.vague': 'off', 'section.order': 'off' }, sections: { order: 'strict', aliases: { impact: ['Blast radius'] } } }), 'a.md': '' });
  const editor = {
    preset: 'default',
    files: ['**/postmortems/**/*.md', '**/post-mortems/**/*.md', '**/postmortem/**/*.md', '**/*.postmortem.md'],
    rules: { 'action.vague': 'error' },
    sections: {},
    blameWords: [],
    trace: { server: 'off' },
  };
  const { settings } = resolveSettings(join(dir, 'a.md'), { cache: new ConfigCache(), editor });
  assert.equal(settings.preset, 'atlassian', 'preset left at "default" in VS Code');
  assert.deepEqual(settings.files, [`${dir.replace(/\\/g, '/')}/x/*.md`], 'files left at the default');
  assert.deepEqual(settings.rules, { 'action.vague': 'error', 'section.order': 'off' }, 'rules merge code by code');
  assert.equal(settings.sectionOrder, 'strict');
  const set = resolveSettings(join(dir, 'a.md'), { cache: new ConfigCache(), editor: { ...editor, preset: 'pagerduty', sections: { order: 'none' } } }).settings;
  assert.equal(set.preset, 'pagerduty');
  assert.equal(set.sectionOrder, 'none');
  assert.deepEqual(set.sectionAliases, { impact: ['Blast radius'] }, 'sections merge field by field');
});

test('mergeRaw and withoutDefaults', () => {
  assert.deepEqual(mergeRaw({ a: 1, rules: { x: 'off' }, sections: { order: 'strict', aliases: { s: ['A'] } } }, { a: 2, rules: { y: 'error' }, sections: { aliases: { t: ['B'] } } }), {
    a: 2,
    rules: { x: 'off', y: 'error' },
    sections: { order: 'strict', aliases: { s: ['A'], t: ['B'] } },
  });
  assert.deepEqual(withoutDefaults({ preset: 'default', dateOrder: 'auto', blameWords: [], rules: {}, defaultTimezone: null, sections: { order: 'none' } }), { sections: { order: 'none' } });
  assert.deepEqual(withoutDefaults('nonsense'), {});
});

test('the rc schema knows every section id the presets know, and no code that does not exist', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/postmortemrc.schema.json'), 'utf8'));
  const ids: string[] = schema.definitions.sectionId.anyOf[0].enum;
  assert.deepEqual([...ids].sort(), [...CANONICAL_ORDER, ...Object.keys(EXTRA_SECTIONS)].sort());
  const codes = Object.keys(allCodes());
  for (const code of Object.keys(schema.properties.rules.properties)) assert.ok(codes.includes(code), `schema lists ${code}, which no rule reports`);
  for (const code of ['frontmatter.schema', 'frontmatter.timezone', 'summary.incomplete', 'summary.timezone-missing', 'language.blame', 'action.owner-missing', 'action.due-missing', 'action.vague', 'successes.missing-justification']) {
    assert.ok(schema.properties.rules.properties[code], `schema documents ${code}`);
  }
});

test('the manifest has VS Code validate .postmortemrc.json and .yaml with that schema, and mirrors the new settings', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.postmortemrc.json', url: './schemas/postmortemrc.schema.json' }]);
  assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['.postmortemrc.yaml', '.postmortemrc.yml'], url: './schemas/postmortemrc.schema.json' }]);
  assert.ok(existsSync(join(ROOT, 'schemas/postmortemrc.schema.json')));
  const props = pkg.contributes.configuration.properties;
  for (const key of ['postmortem.preset', 'postmortem.sections', 'postmortem.blameWords', 'postmortem.blameAllow']) assert.ok(props[key], key);
  assert.deepEqual(props['postmortem.preset'].enum, ['default', 'google-sre', 'atlassian', 'pagerduty']);
  // What vsce packages: the two schemas users need, not the evaluation corpus's label schema.
  const listed = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  assert.deepEqual(listed.stdout.split('\n').filter((f) => f.startsWith('schemas/')).sort(), ['schemas/postmortem.schema.json', 'schemas/postmortemrc.schema.json']);
});

test('docs/rules.md has a section for every finding code, and the README a row', () => {
  const docs = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const code of Object.keys(allCodes())) {
    assert.match(docs, new RegExp(`^## ${code.replace(/\./g, '\\.')}$`, 'm'), `docs/rules.md: ${code}`);
    if (code !== 'internal.rule-error') assert.ok(readme.includes(`| \`${code}\` |`), `README: ${code}`);
  }
});
