// The eval's scoring, on labels and observations written here by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedFindings, figuresOf, scoreDocument } from '../../scripts/eval/score.js';
import type { Labels } from '../../scripts/eval/corpus.js';
import type { Observation } from '../../scripts/eval/observe.js';

function labels(over: Partial<Labels> = {}): Labels {
  return {
    document: 'x/a.md',
    reader: 'test',
    postMortem: true,
    sections: {
      summary: { line: 3, form: 'preamble' },
      timeline: { line: 5, form: 'heading' },
      'root-cause': { line: 12, form: 'label' },
      resolution: { line: 7, form: 'covered' },
      'preventive-actions': { line: 14, form: 'heading' },
      successes: null,
    },
    timeline: {
      entries: [
        { line: 6, instant: '2021-03-04T12:05Z' },
        { line: 7, date: '2021-03-05' },
        { line: 8, instant: null, why: 'invalid', local: '25:10' },
        { line: 9, instant: '2021-03-05T01:00Z' },
      ],
    },
    actions: [
      { line: 15, owner: false, due: true, done: false },
      { line: 16, owner: false, due: false, done: true },
      { line: 17, owner: true, due: false, done: false, vague: true },
    ],
    problems: [{ code: 'timeline.order', line: 9, why: 'before the 12:05 entry' }],
    ...over,
  };
}

function observation(over: Partial<Observation> = {}): Observation {
  return {
    postMortem: true,
    sections: { summary: 3, timeline: 5, 'root-cause': null, resolution: null, 'preventive-actions': 14, successes: null },
    entries: [
      { line: 6, utc: Date.parse('2021-03-04T12:05:00Z') },
      { line: 7, date: '2021-03-05' },
      { line: 8, utc: Date.parse('2021-03-05T01:10:00Z') },
      { line: 10, utc: 0 },
    ],
    findings: [
      { code: 'section.missing', line: 1, severity: 'warning', message: '', sectionId: 'successes' },
      { code: 'section.missing', line: 1, severity: 'warning', message: '', sectionId: 'resolution' },
      { code: 'action.owner-missing', line: 15, severity: 'warning', message: '' },
      { code: 'action.owner-missing', line: 16, severity: 'warning', message: '' },
      { code: 'timeline.order', line: 9, severity: 'error', message: '' },
      { code: 'timeline.order', line: 9, severity: 'error', message: '' },
    ],
    ...over,
  };
}

test('expected findings: a null section, open actions without owner or due date, vague actions, and the listed problems', () => {
  const got = expectedFindings(labels()).map((e) => `${e.code}@${e.sectionId ?? e.line}`);
  assert.deepEqual(got, ['section.missing@successes', 'action.owner-missing@15', 'action.due-missing@17', 'action.vague@17', 'timeline.order@9']);
  assert.deepEqual(expectedFindings(labels({ postMortem: false })), []);
});

test('findings: matched one to one by code and line (section.missing by its section); the rest are false positives', () => {
  const s = scoreDocument('x/a.md', labels(), observation());
  assert.deepEqual(s.truePositives.map((f) => `${f.code}@${f.sectionId ?? f.line}`), ['section.missing@successes', 'action.owner-missing@15', 'timeline.order@9']);
  // A covered resolution is not missing; a done action needs no owner; a second finding on one problem is noise.
  assert.deepEqual(s.falsePositives.map((f) => `${f.code}@${f.sectionId ?? f.line}`), ['section.missing@resolution', 'action.owner-missing@16', 'timeline.order@9']);
  assert.deepEqual(s.falseNegatives.map((e) => `${e.code}@${e.line}`), ['action.due-missing@17', 'action.vague@17']);
});

test('sections: right where labelled; a covered section may be absent; a label the tool misses is wrong', () => {
  const s = scoreDocument('x/a.md', labels(), observation());
  assert.equal(s.sections.total, 6);
  assert.equal(s.sections.correct, 5);
  assert.deepEqual(s.sections.wrong, [{ id: 'root-cause', labelled: 12, form: 'label', observed: null }]);
});

test('timeline: entries read by line, instants and dates compared, an instant for an invalid time counted', () => {
  const s = scoreDocument('x/a.md', labels(), observation());
  assert.equal(s.entries.labelled, 4);
  assert.equal(s.entries.read, 3);
  assert.deepEqual(s.entries.missed, [9]);
  assert.equal(s.entries.resolvable, 3);
  assert.equal(s.entries.correct, 2);
  assert.deepEqual(s.entries.instantWithoutLabel, [{ line: 8, why: 'invalid' }]);
  assert.deepEqual(s.entries.spurious, [10]);
  const f = figuresOf([s]);
  assert.equal(f.timelineRecall, 3 / 4);
  assert.equal(f.instantAccuracy, 2 / 3);
  assert.equal(f.impossibleGivenInstant, 1);
  assert.equal(f.precision['timeline.order'], 1 / 2);
  assert.equal(f.recall['action.vague'], 0);
  assert.equal(f.precision['action.vague'], null);
  assert.equal(f.falsePositivesPerDocument, 3);
  assert.equal(f.sectionMapAccuracy, 5 / 6);
});

test('a document that is not a post-mortem: every finding is a false positive, no section map', () => {
  const s = scoreDocument('x/a.md', labels({ postMortem: false }), observation());
  assert.equal(s.truePositives.length, 0);
  assert.equal(s.falsePositives.length, 6);
  assert.equal(s.sections.total, 0);
});

test('a problem about a whole section also matches a finding on the section\'s labelled line', () => {
  const l = labels({ problems: [{ code: 'timeline.timezone-missing', line: 7, endLine: 9, why: 'no zone' }] });
  const e = expectedFindings(l).find((x) => x.code === 'timeline.timezone-missing')!;
  assert.deepEqual([e.line, e.endLine], [5, 9]);
  const s = scoreDocument('x/a.md', l, observation({ findings: [{ code: 'timeline.timezone-missing', line: 5, severity: 'warning', message: '' }] }));
  assert.equal(s.truePositives.length, 1);
  // Not for a problem of another kind on the same lines.
  const o = expectedFindings(labels({ problems: [{ code: 'timeline.order', line: 7, why: 'x' }] })).find((x) => x.code === 'timeline.order')!;
  assert.deepEqual([o.line, o.endLine], [7, 7]);
});
