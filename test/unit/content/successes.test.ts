import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, settingsFrom } from '../../../server/src/service.js';
import { buildModel } from '../../../server/src/model/document.js';
import { hasJustification, successItems } from '../../../server/src/content/successes.js';
import { fullPostMortem, md } from '../../helpers/docs.js';

const SUCCESS = '- The error-rate alert fired within two minutes, which kept the impact to 30% of users.';
const withSuccesses = (...lines: string[]) => fullPostMortem().replace(SUCCESS, lines.join('\n'));
// Off by default: these tests turn it on as a user would.
const ON = settingsFrom({ rules: { 'successes.missing-justification': 'information' } });
const findings = (text: string) => analyze(text, { force: true, settings: ON }).findings.filter((f) => f.code === 'successes.missing-justification');

test('successes.missing-justification is off until the user gives it a severity', () => {
  const text = withSuccesses('- Good teamwork');
  assert.deepEqual(analyze(text, { force: true }).findings.filter((f) => f.code === 'successes.missing-justification'), []);
  assert.equal(findings(text).length, 1);
});

test('a success that says what it brought passes; one that only says it worked is information', () => {
  const text = withSuccesses(SUCCESS, '- Good teamwork', '- The failover worked, so customers saw no errors');
  const line = text.split('\n').indexOf('- Good teamwork');
  assert.deepEqual(findings(text).map((f) => [f.severity, f.range.start.line]), [['information', line]]);
  assert.match(findings(text)[0]!.message, /^This success does not say what it prevented, saved or shortened\.$/);
});

test('benefits in the words teams use count', () => {
  for (const s of [
    'Idempotency keys prevented every double charge',
    'Backups saved a day of re-ingestion',
    'The runbook shortened the recovery',
    'Monitoring caught issues within 2 minutes',
    'Data integrity remained intact',
    'The canary stopped the rollout because the error rate rose',
    'Feature flags let us turn it off without a deploy, which meant no customer saw it',
    'The status page kept support tickets down',
  ]) assert.ok(hasJustification(s), s);
  for (const s of ['Good teamwork', 'Cross-team collaboration: teams worked together effectively', 'Monitoring', 'The on-call engineer was great']) {
    assert.ok(!hasJustification(s), s);
  }
});

test('items are list items and table rows, or paragraphs when there are neither (one ✅ paragraph each)', () => {
  const paragraphs = withSuccesses('✅ **Rapid detection** – monitoring caught it within 2 minutes', '', '✅ **Collaboration** – teams worked together');
  assert.deepEqual(successItems(buildModel(paragraphs)).map((i) => i.text), ['✅ Rapid detection – monitoring caught it within 2 minutes', '✅ Collaboration – teams worked together']);
  assert.equal(findings(paragraphs).length, 1);
  const table = withSuccesses('| What | Why it mattered |', '| --- | --- |', '| Alerting | caught it in 2 minutes |', '| Teamwork | |');
  assert.deepEqual(findings(table).map((f) => f.range.start.line), [table.split('\n').indexOf('| Teamwork | |')]);
  const mixed = withSuccesses('Some intro text.', '', '- Good teamwork');
  assert.deepEqual(successItems(buildModel(mixed)).map((i) => i.text), ['Good teamwork'], 'with a list, paragraphs are not items');
});

test('no Successes section, no finding', () => {
  assert.deepEqual(findings(md('# T', '## Summary', 'x')), []);
});
