// Paths that once grew superlinearly with their input (issue 17): each must take about
// twice as long when its input doubles. See growth.ts for how the ratio is measured.
import { test } from 'node:test';
import { assertLinear } from './growth.js';

const SIZES: Record<string, number> = {
  'the outline of a document of headings': 20_000,
  'disable/enable comment pairs around findings': 200_000,
  'fix-all on disable/enable comment pairs': 50_000,
  'disable/enable comments on one line': 200_000,
  'unclosed disable comments on one line': 200_000,
  'language.blame on one long line': 150_000,
  'the `files` globs on a long file name': 200_000,
  'an action owner before trailing links, ending in a word': 100_000,
  'an action owner after a run of spaces': 100_000,
  'a summary release range after a run of spaces': 40_000,
  'a duration figure label before a run of spaces': 40_000,
  'a stated window before a run of spaces': 40_000,
  "the client's pre-filter on a long file name": 200_000,
  "the client's pre-filter on a long heading line": 40_000,
};

for (const [name, n] of Object.entries(SIZES)) {
  test(`linear time: ${name}`, { timeout: 180_000 }, async (t) => {
    const g = await assertLinear(name, n, { signal: t.signal });
    t.diagnostic(`n = ${n}: ${g.smallMs.toFixed(1)} ms, 2n: ${g.largeMs.toFixed(1)} ms of CPU time (${g.ratio.toFixed(2)}×)`);
  });
}
