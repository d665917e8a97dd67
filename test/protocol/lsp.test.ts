import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp.js';
import { md } from '../helpers/docs.js';

const THREE = md('# Outage', '', '## Summary', '', 'From 10:00 to 10:40 UTC checkout failed for 30% of users; a rollback resolved it.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Resolution', '', 'The change was rolled back.');
const URI = 'file:///work/postmortems/2024-08-20-outage.md';

const summary = (ds: Array<{ code?: unknown; range: { start: { line: number } } }>) =>
  ds.map((d) => `${String(d.code)}@${d.range.start.line}`).sort();

test('a pull client and a push-only client get the same diagnostics', async () => {
  const pull = await LspClient.start({ pull: true });
  const push = await LspClient.start({ pull: false });
  try {
    pull.open(URI, THREE);
    push.open(URI, THREE);
    const pulled = await pull.pullDiagnostics(URI);
    const pushed = await push.nextPublished(URI);
    assert.equal(pulled.length, 3);
    assert.deepEqual(summary(pushed), summary(pulled));
    assert.deepEqual(pulled.map((d) => d.source), ['postmortem', 'postmortem', 'postmortem']);
    assert.match(String(pulled[0]!.codeDescription?.href), /docs\/rules\.md#sectionmissing$/);
    assert.equal(push.capabilities.diagnosticProvider, undefined, 'no pull provider for a client that cannot pull');
    assert.ok(pull.capabilities.diagnosticProvider);
  } finally {
    await pull.stop();
    await push.stop();
  }
});

test('incremental changes are applied and diagnostics follow them (push, debounced)', async () => {
  const c = await LspClient.start({ pull: false });
  try {
    c.open(URI, THREE);
    assert.equal((await c.nextPublished(URI)).length, 3);
    // Append a Root cause section at the end through an incremental change.
    const end = { line: 13, character: 0 };
    c.change(URI, 2, [{ range: { start: end, end }, text: '\n## Root cause\n\nA config change.\n' }]);
    const after = await c.nextPublished(URI);
    // Preventive Actions and Successes would go after Resolution, that is before the new "## Root cause" (line 14).
    assert.deepEqual(summary(after), ['section.missing@14', 'section.missing@14']);
  } finally {
    await c.stop();
  }
});

test('a Markdown file that is not a post-mortem gets no diagnostics', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const uri = 'file:///work/README.md';
    c.open(uri, md('# Project', '', '## Install', '', 'TODO'));
    assert.deepEqual(await c.pullDiagnostics(uri), []);
  } finally {
    await c.stop();
  }
});

test('code actions: insert quick fix and source.fixAll.postmortem, keyed on code and data', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    c.open(URI, THREE);
    const diagnostics = await c.pullDiagnostics(URI);
    const actions = await c.codeActions(URI, diagnostics.slice(0, 1), ['quickfix']);
    assert.deepEqual(actions.map((a) => a.title), [
      'Insert section "Root Cause Analysis"',
      'Insert all missing sections',
      // In a postmortems/ folder by its path only: the user may say it is none.
      'This is not a post-mortem: add "postmortem: false" to the frontmatter',
      'Disable section.missing on this line',
      'Disable section.missing in this file',
      'Learn more about section.missing',
    ]);
    // It runs the client's command with the rule's documentation, never an edit.
    const learn = actions.at(-1)!;
    assert.equal(learn.edit, undefined);
    assert.equal(learn.command?.command, 'postmortem.learnMore');
    assert.equal(learn.command?.arguments?.[0], 'section.missing');
    assert.equal(learn.command?.arguments?.[1], diagnostics[0]!.codeDescription?.href);
    assert.equal(actions[0]!.kind, 'quickfix');
    const edits = actions[0]!.edit!.changes![URI]!;
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, edits[0]!.range.end, 'an insertion');
    const fixAll = await c.codeActions(URI, [], ['source.fixAll.postmortem']);
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0]!.kind, 'source.fixAll.postmortem');
    // A diagnostic whose message was changed (translated) still gets its fix: messages are not keys.
    const translated = await c.codeActions(URI, [{ ...diagnostics[0]!, message: 'Abschnitt fehlt' }], ['quickfix']);
    assert.equal(translated.length, 6);
  } finally {
    await c.stop();
  }
});

test('settings come from workspace/configuration and changes apply without a restart', async () => {
  const c = await LspClient.start({ pull: true, settings: { rules: {} } });
  try {
    c.open(URI, THREE);
    assert.equal((await c.pullDiagnostics(URI)).length, 3);
    c.settings = { rules: { 'section.missing': 'off' } };
    c.notifyConfigurationChanged();
    await c.refreshRequested();
    assert.deepEqual(await c.pullDiagnostics(URI), []);
  } finally {
    await c.stop();
  }
});

for (const transport of ['--node-ipc', '--socket'] as const) {
  test(`the server also speaks over ${transport}`, async () => {
    const c = await LspClient.start({ pull: true, transport });
    try {
      c.open(URI, THREE);
      assert.equal((await c.pullDiagnostics(URI)).length, 3);
    } finally {
      await c.stop();
    }
  });
}
