import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../helpers/lsp.js';
import { ROOT } from '../helpers/run.js';
import { md } from '../helpers/docs.js';

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string; arguments?: unknown[]; tooltip?: string };
}

test('code lenses above the timeline heading: one short lens per metric with its definition, and Preview', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const uri = 'file:///work/postmortems/2024-08-20-checkout-outage.md';
    const text = readFileSync(join(ROOT, 'examples/postmortems/2024-08-20-checkout-outage.md'), 'utf8');
    c.open(uri, text);
    const lenses = (await c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as Lens[];
    const timelineLine = text.split('\n').indexOf('## Timeline of Events');
    assert.deepEqual(lenses.map((l) => l.range.start.line), Array(6).fill(timelineLine));
    // started 14:02, detected 14:09, acknowledged 14:12, mitigated 15:21, resolved 15:40:
    // duration 98 min; from detection: 3, 72 and 91 min.
    assert.deepEqual(lenses.map((l) => l.command.title), ['Duration 1h 38m', 'TTD 7m', 'TTA 3m', 'TTM 1h 12m', 'TTR 1h 31m', 'Preview']);
    assert.equal(lenses[0]!.command.command, 'postmortem.showOutline');
    assert.match(lenses[1]!.command.tooltip ?? '', /^Time to detect: from the start of the impact to its detection/);
    assert.deepEqual(lenses[5]!.command, { title: 'Preview', command: 'postmortem.openPreview', arguments: [uri], tooltip: 'Open the timeline preview beside this post-mortem' });

    const readme = 'file:///work/README.md';
    c.open(readme, md('# Readme', '## Timeline', 'x'));
    assert.deepEqual(await c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: readme } }), []);
  } finally {
    await c.stop();
  }
});
