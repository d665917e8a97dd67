// The evaluation corpus is complete and consistent, and no figure of `npm run eval`
// drops below the floor last recorded in test/eval/floor.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCorpus } from '../../scripts/eval/check.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEGATIVES_DIR, ROOT, readSources, readSplit } from '../../scripts/eval/corpus.js';
import { belowFloor, floorFrom, readFloor } from '../../scripts/eval/floor.js';
import { runEval } from '../../scripts/eval/run.js';

const KEPT_APART = [
  'Chia-Network/post-mortem',
  'flutter/flutter',
  'ministryofjustice/cloud-platform',
  'kubernetes/test-infra',
  'ethereum/go-ethereum',
  'TorBox-App/torbox-post-mortems',
  'LIQD-Labs/post-mortems',
  // The shared corpus the rules were first written on.
  'dfds/postmortems',
  'learningequality/postmortems',
  'PostHog/post-mortems',
];

test('every source has its manifest and licence, every document its labels, valid against the schema', () => {
  assert.deepEqual(checkCorpus(), []);
});

test('at least 150 documents from at least 12 sources, none kept apart for the independent evaluation', () => {
  const sources = readSources();
  assert.ok(sources.length >= 12, `${sources.length} sources`);
  const docs = sources.reduce((n, s) => n + s.documents.length, 0);
  assert.ok(docs >= 150, `${docs} documents`);
  for (const s of sources) assert.ok(!KEPT_APART.some((r) => r.toLowerCase() === s.repository.toLowerCase()), `${s.id} is ${s.repository}`);
});

test('each source is in exactly one half, and both halves have documents', () => {
  const split = readSplit();
  for (const s of readSources()) {
    const inDev = split.dev.includes(s.id);
    const inTest = split.test.includes(s.id);
    assert.ok(inDev !== inTest, `${s.id}: dev ${inDev}, test ${inTest}`);
  }
  const r = runEval();
  assert.ok(r.dev.documents > 0 && r.test.documents > 0);
});

test('no figure of the eval is below its floor', () => {
  const floor = readFloor();
  assert.ok(floor, 'test/eval/floor.json is missing: run npm run eval -- --raise-floor');
  assert.deepEqual(belowFloor(floor, floorFrom(runEval())), []);
});

test('Markdown that is not a post-mortem gets no finding at all, as the editor sees it (by its path and content)', () => {
  const r = runEval();
  assert.ok(r.negatives.documents >= 100, `${r.negatives.documents} documents`);
  assert.deepEqual(r.negatives.withFindings, []);
});

test('NOTICE credits every source the repository holds', () => {
  const notice = readFileSync(join(ROOT, 'NOTICE'), 'utf8');
  for (const s of [...readSources(), ...readSources(NEGATIVES_DIR)]) {
    assert.ok(notice.includes(`https://github.com/${s.repository} at commit ${s.commit}`), s.id);
    for (const d of s.documents) if (d.commit && d.commit !== s.commit) assert.ok(notice.includes(`${d.file}: ${d.path} at commit ${d.commit}.`), `${s.id}/${d.file}`);
  }
});
