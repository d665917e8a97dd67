import { after, test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IsolatedChecker } from './isolated.js';
import { mutated, postMortem, rawSettings } from './arbitraries.js';
import { corpusDir, corpusFiles } from '../helpers/corpus.js';
import { ROOT } from '../helpers/run.js';
import { settingsFrom } from '../../server/src/service.js';

// Each property's runs share one worker; the test's timeout bounds them all, and
// a budget per input makes a property that hangs name (and shrink) the input.
const checker = new IsolatedChecker();
const PER_INPUT_MS = 30_000;
after(() => checker.stop());

const examples = readdirSync(join(ROOT, 'examples', 'postmortems'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(ROOT, 'examples', 'postmortems', f), 'utf8'));
const corpus = corpusFiles().map((f) => readFileSync(join(corpusDir(), f), 'utf8'));

test('generated post-mortems: the service never throws, ranges stay inside, fixes apply cleanly and once', { timeout: 120_000 }, async (t) => {
  await fc.assert(
    fc.asyncProperty(postMortem, async (text) => {
      await checker.check(text, {}, t.signal, PER_INPUT_MS);
    }),
    { numRuns: 400 },
  );
});

test('generated post-mortems under any settings a client may send', { timeout: 120_000 }, async (t) => {
  await fc.assert(
    fc.asyncProperty(postMortem, rawSettings, async (text, raw) => {
      await checker.check(text, { settings: settingsFrom(raw) }, t.signal, PER_INPUT_MS);
    }),
    { numRuns: 150 },
  );
});

test('every example and corpus file as it is', { timeout: 120_000 }, async (t) => {
  if (examples.length < 2 || corpus.length < 20) throw new Error(`expected the examples and the corpus, found ${examples.length} and ${corpus.length} files`);
  for (const text of [...examples, ...corpus]) await checker.check(text, {}, t.signal, PER_INPUT_MS);
});

test('mutations of the examples', { timeout: 120_000 }, async (t) => {
  await fc.assert(
    fc.asyncProperty(mutated(examples), async (text) => {
      await checker.check(text, {}, t.signal, PER_INPUT_MS);
    }),
    { numRuns: 300 },
  );
});

test('mutations of the corpus', { timeout: 180_000 }, async (t) => {
  await fc.assert(
    fc.asyncProperty(mutated(corpus), async (text) => {
      await checker.check(text, {}, t.signal, PER_INPUT_MS);
    }),
    { numRuns: 500 },
  );
});
