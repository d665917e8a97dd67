// Configuration is untrusted input (issue 17): files and settings come from the workspace.
// Keys that name members of Object.prototype, and values nested thousands of levels deep,
// must give a clear message (the CLI: one line, exit 2; the editor: a config.invalid
// finding), never a crash, a stack trace, or requests that all fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, tempFiles } from '../../helpers/run.js';
import { LspClient } from '../../helpers/lsp.js';
import { md } from '../../helpers/docs.js';
import { ConfigCache } from '../../../server/src/config/load.js';
import { resolveSettings } from '../../../server/src/config/resolve.js';
import { analyze } from '../../../server/src/service.js';
import { timelineView } from '../../../server/src/timeline/view.js';

const DOC = md('# Outage', '', '## Summary', '', 'From 10:00 to 10:40 UTC checkout failed for 30% of users; a rollback resolved it.', '', '## Timeline', '', '- 10:00 UTC alert');
const deepJson = (levels: number) => `{"sections": {"aliases": ${'['.repeat(levels)}${']'.repeat(levels)}}}`;
const deepYaml = (levels: number) => `sections:\n  aliases: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |internal error|TypeError|RangeError/, stderr);

test('keys such as "constructor" and "__proto__" in a configuration file are keys like any other', () => {
  const config = {
    sections: { required: ['summary', 'timeline', 'constructor'], aliases: { constructor: ['Builder'], tostring: ['X'] } },
    rules: { 'section.order': 'off' },
  };
  const dir = tempFiles({ '.postmortemrc.json': JSON.stringify(config), 'pm.md': DOC });
  const r = cli(['lint', '--format', 'json', 'pm.md'], { cwd: dir });
  noStack(r.stderr);
  assert.equal(r.code, 0, r.stderr);
  const missing = (JSON.parse(r.stdout)[0].diagnostics as Array<{ code: string; message: string }>).filter((d) => d.code === 'section.missing');
  assert.deepEqual(missing.map((d) => d.message.match(/"([^"]+)"/)![1]), ['Constructor'], 'a section of that name is required, as for any other id');
  const yaml = tempFiles({ '.postmortemrc.yaml': 'sections:\n  required: [constructor]\n', 'pm.md': DOC });
  const y = cli(['lint', 'pm.md'], { cwd: yaml });
  noStack(y.stderr);
  assert.match(y.stdout, /Missing section "Constructor"/);
  // Where the schema allows no such key, it says so, one line per problem.
  const proto = tempFiles({ '.postmortemrc.json': '{"__proto__": {"preset": "pagerduty"}, "rules": {"constructor": "off"}}', 'pm.md': DOC });
  const p = cli(['lint', 'pm.md'], { cwd: proto });
  noStack(p.stderr);
  assert.equal(p.code, 2);
  assert.match(p.stderr, /^postmortem: invalid configuration: .*must NOT have additional properties "__proto__"$/m);
});

test('a configuration nested thousands of levels deep: one line on stderr and exit 2, JSON and YAML alike', () => {
  for (const [name, text] of [['.postmortemrc.json', deepJson(5000)], ['.postmortemrc.yaml', deepYaml(5000)]] as const) {
    const dir = tempFiles({ [name]: text, 'pm.md': DOC });
    const r = cli(['lint', 'pm.md'], { cwd: dir });
    noStack(r.stderr);
    assert.equal(r.code, 2, `${name}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`^postmortem: invalid configuration: .*${name.replace('.', '\\.')}: nests more than 32 levels deep; not read\\n$`));
  }
});

test('in the editor, such a file gives a config.invalid finding and every request is still answered', { timeout: 60_000 }, async () => {
  const dir = tempFiles({ '.postmortemrc.json': deepJson(5000) });
  const uri = pathToFileURL(join(dir, 'postmortems', 'a.md')).href;
  const c = await LspClient.start({ pull: true });
  try {
    c.open(uri, DOC);
    const ds = await c.pullDiagnostics(uri);
    const config = ds.filter((d) => d.code === 'config.invalid');
    assert.equal(config.length, 1, JSON.stringify(ds));
    assert.match(config[0]!.message, /nests more than 32 levels deep/);
    assert.ok(ds.some((d) => d.code === 'section.missing'), 'the other checks ran with the defaults');
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 3 } }],
      ['textDocument/codeLens', { textDocument: { uri } }],
      ['postmortem/outline', { uri }],
    ] as const) {
      const s = await c.settle(method, params);
      assert.ok('result' in s, `${method}: ${JSON.stringify(s.error)}`);
    }
  } finally {
    await c.stop();
  }
});

test("deep or prototype-keyed editor settings: a finding, and the settings' other values still apply", async () => {
  let deep: unknown = [];
  for (let i = 0; i < 5000; i++) deep = [deep];
  const editor = { sections: { aliases: { constructor: ['Builder'], timeline: deep } }, rules: { 'section.order': 'off' }, __proto__: { preset: 'pagerduty' } };
  const { settings } = resolveSettings(undefined, { editor, cache: new ConfigCache() });
  assert.equal(settings.rules['section.order'], 'off');
  assert.equal(settings.preset, 'default', 'nothing comes from a prototype');
  assert.match(settings.configProblems.join('\n'), /postmortem\.sections nests more than 32 levels deep/);
  const findings = analyze(DOC, { force: true, settings }).findings;
  assert.equal(findings.filter((f) => f.code === 'config.invalid').length, 1);
  const protoKeyed = resolveSettings(undefined, { editor: JSON.parse('{"sections":{"aliases":{"constructor":["Builder"]},"required":["constructor"]}}'), cache: new ConfigCache() });
  assert.deepEqual(protoKeyed.settings.configProblems, []);
  assert.ok(analyze(md('# T', '## Builder', 'x'), { force: true, settings: protoKeyed.settings }).findings.every((f) => f.code !== 'internal.rule-error'));
});

test('document text that names a prototype member is text: "[constructor]" is no milestone and stays in the entry', () => {
  const text = md('# X', '', '## Timeline', '', '- 14:00 UTC [constructor] started', '- 14:05 UTC (toString) and &constructor; x');
  const view = timelineView(analyze(text, { force: true }), 'file:///x.md', 1);
  assert.deepEqual(view.events.map((e) => [e.text, e.milestone ?? null]), [['[constructor] started', null], ['(toString) and &constructor; x', null]]);
  const format = cli(['timeline', '--format', 'constructor', 'x.md'], { cwd: tempFiles({ 'x.md': text }) });
  assert.equal(format.code, 2);
  assert.match(format.stderr, /^postmortem: unknown format "constructor"/);
});
