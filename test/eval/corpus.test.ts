// The evaluation corpus is complete and consistent, and no figure of `npm run eval`
// drops below the floor last recorded in test/eval/floor.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCorpus } from '../../scripts/eval/check.js';
import { readSources, readSplit } from '../../scripts/eval/corpus.js';
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
