import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, DEFAULT_SETTINGS, settingsFrom } from '../../../server/src/service.js';
import { fullPostMortem, md } from '../../helpers/docs.js';

const missing = (text: string, raw: Record<string, unknown>) =>
  analyze(text, { force: true, settings: settingsFrom(raw) }).findings.filter((f) => f.code === 'section.missing').map((f) => (f.data as { sectionId: string }).sectionId);

test('sections.required replaces the preset\'s set; sections.optional takes ids out of it', () => {
  const doc = md('# T', '## Summary', 'x', '## Timeline', '- 10:00 UTC x');
  assert.deepEqual(missing(doc, { sections: { required: ['summary', 'root-cause'] } }), ['root-cause']);
  assert.deepEqual(missing(doc, { sections: { optional: ['successes', 'resolution'] } }), ['root-cause', 'preventive-actions']);
});

test('a required id outside the preset is a section of that name; catalogue ids keep their names', () => {
  const found = analyze(fullPostMortem(), { force: true, settings: settingsFrom({ sections: { required: ['summary', 'customer-comms', 'impact'] } }) })
    .findings.filter((f) => f.code === 'section.missing');
  assert.deepEqual(found.map((f) => f.message.match(/"([^"]+)"/)![1]), ['Customer Comms', 'Impact']);
  const withComms = fullPostMortem().replace('## Successes', '## Customer comms\n\nEmailed.\n\n## Successes');
  assert.deepEqual(missing(withComms, { sections: { required: ['customer-comms'] } }), []);
});

test('sections.aliases adds heading names for a section', () => {
  const doc = fullPostMortem({ actions: 'Homework' });
  assert.ok(missing(doc, {}).includes('preventive-actions'));
  assert.deepEqual(missing(doc, { sections: { aliases: { 'preventive-actions': ['Homework'] } } }), []);
});

test('rules, files, defaultTimezone, dateOrder, blameWords and blameAllow are read; malformed values keep the defaults', () => {
  const s = settingsFrom({
    rules: { 'action.vague': 'error', 'language.blame': 'off', 'x.y': 'loud' },
    files: ['incidents/*.md'],
    defaultTimezone: 'Europe/Berlin',
    dateOrder: 'MDY',
    blameWords: ['cowboy', ''],
    blameAllow: ['forgot to'],
    preset: 'nonsense',
    sections: { order: 'sideways', required: 'summary' },
  });
  assert.deepEqual(s.rules, { 'action.vague': 'error', 'language.blame': 'off' });
  assert.deepEqual(s.files, ['incidents/*.md']);
  assert.equal(s.defaultTimezone, 'Europe/Berlin');
  assert.equal(s.dateOrder, 'MDY');
  assert.deepEqual(s.blameWords, ['cowboy']);
  assert.deepEqual(s.blameAllow, ['forgot to']);
  assert.equal(s.preset, 'default');
  assert.equal(s.sectionOrder, 'none');
  assert.deepEqual(s.requiredSections, DEFAULT_SETTINGS.requiredSections);
});

test('the blame word lists reach the rule', () => {
  // Two lines: the rule reports the first blaming phrase of a line.
  const doc = fullPostMortem().replace('A connection pool limit', 'A cowboy change:\na careless review; a connection pool limit');
  const blamed = (raw: Record<string, unknown>) =>
    analyze(doc, { force: true, settings: settingsFrom(raw) }).findings.filter((f) => f.code === 'language.blame').map((f) => doc.split('\n')[f.range.start.line]!.slice(f.range.start.character, f.range.end.character));
  assert.deepEqual(blamed({}), ['careless']);
  assert.deepEqual(blamed({ blameWords: ['cowboy'] }), ['cowboy', 'careless']);
  assert.deepEqual(blamed({ blameWords: ['cowboy'], blameAllow: ['careless'] }), ['cowboy']);
});
