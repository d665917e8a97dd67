// Section recognition by meaning: the data's own examples are its tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MEANINGS, hasTimedLines, sectionsNamed } from '../../server/src/model/meaning.js';

test('every example of the meanings table is recognised as its entry says', () => {
  for (const entry of MEANINGS) {
    for (const example of entry.examples) {
      const facts = { times: entry.when === 'times' };
      const got = sectionsNamed(example, facts);
      if (entry.section === null) {
        assert.deepEqual(got, [], `${JSON.stringify(example)} should name no section`);
      } else {
        assert.ok(got.some((g) => g.id === entry.section && g.tier === entry.tier), `${JSON.stringify(example)} → ${JSON.stringify(got)}, expected ${entry.section} (${entry.tier})`);
      }
    }
  }
});

test('a heading of several parts names each of its sections, once', () => {
  const facts = { times: false };
  assert.deepEqual(sectionsNamed('Response, Cause, Prevention', facts).map((s) => s.id), ['resolution', 'root-cause', 'preventive-actions']);
  assert.deepEqual(sectionsNamed('Root cause and how it was fixed', facts).map((s) => s.id), ['root-cause', 'resolution']);
  // "What went wrong" is a lesson in Google's template ("What went well / What went wrong"), not the root cause.
  assert.deepEqual(sectionsNamed('What went wrong and how was it fixed?', facts).map((s) => s.id), ['resolution']);
  assert.deepEqual(sectionsNamed('Root cause and contributing factors', facts), [{ id: 'root-cause', tier: 'strong' }]);
  assert.deepEqual(sectionsNamed('Lessons learned and action items', facts), [{ id: 'preventive-actions', tier: 'strong' }]);
});

test('the head of a phrase decides: remediations of a root cause are actions, a timeline of a fix is a timeline', () => {
  const facts = { times: false };
  assert.deepEqual(sectionsNamed('Root Cause Remediations', facts).map((s) => s.id), ['preventive-actions']);
  assert.deepEqual(sectionsNamed('Timeline of the fix', facts).map((s) => s.id), ['timeline']);
  assert.deepEqual(sectionsNamed('Working theory (root cause)', facts).map((s) => s.id), ['root-cause']);
});

test('"What happened" is the timeline when its text has times, else a summary', () => {
  assert.deepEqual(sectionsNamed('What happened?', { times: true }), [{ id: 'timeline', tier: 'weak' }]);
  assert.deepEqual(sectionsNamed('What happened?', { times: false }), [{ id: 'summary', tier: 'weak' }]);
  assert.deepEqual(sectionsNamed('Leadup', { times: false }), []);
});

test('words that only look like a section name nothing', () => {
  const facts = { times: true };
  for (const h of ['Because of the cache', 'Fixed-width fonts', 'Impactful changes?', 'Incidents in 2023', 'Reactions', 'Causeway']) {
    assert.deepEqual(sectionsNamed(h, facts), [], h);
  }
});

test('timed lines: entries that start with a time of day, in the shapes timelines use', () => {
  const yes = ['- 14:05 deploy', '* **21:43** alert', '### 16:32', '| 2023-01-04 11:34 | x |', 'At 14:05 UTC we rolled back', '- ~22:00 restart', '- Dec 17th 21:43 page', '1. 10.42 cluster down', '- [03-26 23:04] flush'];
  for (const line of yes) assert.ok(hasTimedLines([line, line]), line);
  const no = ['- Improve monitoring', 'Version 1.2.3 shipped', '- 2024-03-01: beta', '| Owner | Due |'];
  for (const line of no) assert.equal(hasTimedLines([line, line]), false, line);
  assert.equal(hasTimedLines(['- 14:05 deploy']), false, 'one line is not a timeline');
});
