import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions } from '../../server/src/service.js';
import { md } from '../helpers/docs.js';

function rewrite(sentence: string): { titles: string[]; text?: string } {
  const text = md('# Outage', '', '## Summary', '', sentence, '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Root cause', '', 'Config.');
  const a = analyze(text, { force: true });
  const blame = a.findings.find((f) => f.code === 'language.blame');
  assert.ok(blame, `no language.blame in ${JSON.stringify(sentence)}`);
  const fixes = codeActions(a, [{ code: blame.code, range: blame.range, data: blame.data }], ['quickfix']).filter((f) => f.title.startsWith('Rewrite'));
  return { titles: fixes.map((f) => f.title), text: fixes[0] ? applyEdits(text, fixes[0].edits, a).split('\n')[4] : undefined };
}

test('blame: a rewrite where the blameless form is clear', () => {
  assert.deepEqual(rewrite('Dave forgot to renew the certificate.'), {
    titles: ['Rewrite as "did not": say what did not happen, not who is to blame'],
    text: 'Dave did not renew the certificate.',
  });
  assert.equal(rewrite('The on-call engineer failed to notice the alert.').text, 'The on-call engineer did not notice the alert.');
  assert.equal(rewrite('Dave neglected to run the migration.').text, 'Dave did not run the migration.');
});

test('blame: no rewrite where the writer must say what allowed it', () => {
  assert.deepEqual(rewrite('The outage was caused by human error.').titles, []);
  assert.deepEqual(rewrite('A careless change to the config.').titles, []);
});
