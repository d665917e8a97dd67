// The outline request through the built server (issue 17: 256 KB of headings took 12.8 s,
// and a hover queued behind it waited as long): doubling the headings about doubles its
// time. Measured as in growth.ts (fastest of interleaved rounds, measured again before a
// ratio over the bound fails), in wall-clock time since the work is in the server process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp.js';
import { MAX_DOUBLING_RATIO } from './growth.js';

const HEAD = '# Outage\n\n## Summary\n\nOn 2024-08-20 checkout failed for 40 minutes for 30% of users; a rollback resolved it.\n\n';
const headings = (n: number) => HEAD + '## Heading\n\n'.repeat(Math.round(n / 12));

test('linear time: the postmortem/outline request on a document of headings, and a hover right behind it', { timeout: 300_000 }, async (t) => {
  const c = await LspClient.start({ pull: true });
  try {
    const n = 60_000;
    const small = 'file:///work/postmortems/small.md';
    const large = 'file:///work/postmortems/large.md';
    c.open(small, headings(n));
    c.open(large, headings(2 * n));
    const outline = async (uri: string) => {
      const t0 = performance.now();
      const s = await c.settle('postmortem/outline', { uri });
      assert.ok(s.result, `the outline of ${uri}: ${JSON.stringify(s.error)}`);
      return performance.now() - t0;
    };
    await outline(small);
    await outline(large);
    const ratios: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      let a = Infinity;
      let b = Infinity;
      for (let r = 0; r < 5; r++) {
        a = Math.min(a, await outline(small));
        b = Math.min(b, await outline(large));
      }
      ratios.push(`${(b / a).toFixed(2)}× (${a.toFixed(0)} ms → ${b.toFixed(0)} ms)`);
      if (b / a < MAX_DOUBLING_RATIO) {
        t.diagnostic(`n = ${n}: ${ratios[ratios.length - 1]}`);
        // A hover sent right behind an outline request is answered.
        const [o, h] = await Promise.all([c.settle('postmortem/outline', { uri: large }), c.settle('textDocument/hover', { textDocument: { uri: small }, position: { line: 4, character: 3 } })]);
        assert.ok(o.result && 'result' in h);
        return;
      }
    }
    assert.fail(`doubling the headings multiplied the outline's time by ${ratios.join(', ')} (bound ${MAX_DOUBLING_RATIO}×)`);
  } finally {
    await c.stop();
  }
});
