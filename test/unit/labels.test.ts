// Sections written as labels, the summary's text, and sections covered without a heading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/service.js';
import { buildModel, isMetadataLine, sectionBlocks } from '../../server/src/model/document.js';
import { EVIDENCE, evidenceIn } from '../../server/src/content/coverage.js';
import { md } from '../helpers/docs.js';

const sectionsOf = (text: string) =>
  buildModel(text).allSections.map((s) => `${s.form}:${s.canonical ?? '-'}@${s.heading.startLine}`);

test('bold labels, "Label:" paragraphs and short label lines are sections when they name one', () => {
  const text = md(
    '# Checkout outage', //                          0
    '',
    '**Summary:** checkout failed for 30% of users from 14:02 to 15:40 UTC.', // 2
    '',
    'Timeline (all times in UTC)', //                 4
    '',
    '- 14:02 alert fires',
    '- 14:10 rollback starts',
    '',
    'Root cause: a lowered connection pool limit.', // 9
    '',
    '**Author:** Jane', //                            11
    '',
    'Action items', //                                13
    '',
    '- Canary configuration changes, owner @ops',
  );
  assert.deepEqual(sectionsOf(text), ['label:summary@2', 'label:timeline@4', 'label:root-cause@9', 'label:preventive-actions@13']);
  const m = buildModel(text);
  // The timeline label runs to the next label: its list is its content.
  const timeline = m.canonical.get('timeline')!;
  assert.equal(timeline.endLine, 9);
  assert.ok(sectionBlocks(m, timeline).some((b) => b.kind === 'list'));
  // "**Author:** Jane" names no section but ends the root cause before it.
  assert.equal(m.canonical.get('root-cause')!.endLine, 11);
  const a = analyze(text, { force: true });
  assert.deepEqual(a.findings.filter((f) => f.code === 'section.missing').map((f) => (f.data as { sectionId: string }).sectionId), ['successes']);
});

test('a bold list label is a section of its item, with the nested content', () => {
  const text = md('# Outage', '', '## Summary', '', 'It broke for an hour.', '', '- **Root cause**: the pool limit', '  - lowered on Monday', '  - without a canary', '- **Impact**: 30% of users');
  const m = buildModel(text);
  const rc = m.canonical.get('root-cause')!;
  assert.deepEqual([rc.form, rc.heading.startLine, rc.endLine, rc.parent?.title], ['label', 6, 9, 'Summary']);
  assert.equal(sectionBlocks(m, rc).length, 2, 'the item\'s paragraph and its nested list');
  // The label does not cut its heading's section short.
  assert.equal(m.canonical.get('summary')!.endLine, m.lines.lineCount);
});

test('field-like labels with text after them name a section only when named for it', () => {
  // "**Incident:** #123" is a field, not the summary; "**Background**" on its own line heads a summary.
  assert.deepEqual(sectionsOf(md('# T', '', '**Incident:** #123', '', '**Background**', '', 'The API was down for two hours after a deploy.')), ['label:summary@4']);
});

test('the summary is the first prose under the title, metadata lines skipped', () => {
  const m = buildModel(md('# API outage', '', '**Author**: Jane', 'Status: draft', 'On 2024-03-01 the API was down for two hours after a bad deploy.', '', '## Timeline', '', '- 10:00 deploy'));
  assert.equal(m.summary?.kind, 'preamble');
  assert.equal(m.summary?.kind === 'preamble' && m.summary.startLine, 4);
  for (const line of ['**Author**: Jane', 'Status: draft', '- **Date:** 2024-03-01', 'Severity - SEV2', '**Reviewers**: @a, @b']) assert.ok(isMetadataLine(line), line);
  for (const line of ['We found the cause: a full disk.', 'At 14:05 the alert fired.', 'The deploy went out on Monday.']) assert.ok(!isMetadataLine(line), line);
  // A section named for the summary wins over the prose; the prose wins over a weak "Background".
  assert.equal(buildModel(md('# T', '', 'On 2024-03-01 the API was down for two hours after a deploy.', '', '## Summary', '', 'x')).summary?.kind, 'section');
  const weak = buildModel(md('# T', '', 'On 2024-03-01 the API was down for two hours after a deploy.', '', '## Background', '', 'x'));
  assert.equal(weak.summary?.kind, 'preamble');
  assert.equal(weak.canonical.get('summary'), undefined, 'the weak section no longer stands for it');
});

test('a first heading that names nothing introduces the document like a title', () => {
  const m = buildModel(md('## Absence of notifications on the 27th', '', 'On November 27th users got no notifications for three hours.', '', '## Timeline', '', '- 10:00 x'));
  assert.equal(m.summary?.kind, 'preamble');
});

test('section evidence: every example of the data is found, no counter-example is', () => {
  for (const e of EVIDENCE) {
    for (const ex of e.examples) assert.ok(evidenceIn(ex).includes(e.section), `${e.section}: ${ex}`);
    for (const ex of e.counterExamples) assert.ok(!evidenceIn(ex).includes(e.section), `${e.section} in: ${ex}`);
  }
});

test('a section covered elsewhere is not missing: the fix told in the timeline, the cause in the summary', () => {
  const base = ['# Outage', '', '## Summary', '', 'Checkout failed for 30% of users.', '', '## Timeline', '', '- 14:02 UTC alert fires', '- 14:10 UTC the on-call engineer is paged'];
  const missing = (text: string) => analyze(text, { force: true }).findings.filter((f) => f.code === 'section.missing').map((f) => (f.data as { sectionId: string }).sectionId);
  assert.deepEqual(missing(md(...base)), ['root-cause', 'resolution', 'preventive-actions', 'successes']);
  assert.deepEqual(missing(md(...base, '- 15:40 UTC rolled back; service restored')), ['root-cause', 'preventive-actions', 'successes']);
  assert.deepEqual(missing(md(...base.slice(0, 4), 'Checkout failed because a pool limit was lowered.', ...base.slice(5))), ['resolution', 'preventive-actions', 'successes']);
});
