import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions, fixAll } from '../../server/src/service.js';
import { md } from '../helpers/docs.js';

const analysis = (text: string) => analyze(text, { force: true });

/** Every original line is still there, in order. */
function assertKeepsLines(before: string, after: string) {
  const out = after.split(/\r?\n/);
  let i = 0;
  for (const line of before.split(/\r?\n/)) {
    while (i < out.length && out[i] !== line) i++;
    assert.ok(i < out.length, `line ${JSON.stringify(line)} was lost`);
    i++;
  }
}

function insertOne(text: string, sectionId: string): string {
  const a = analysis(text);
  const finding = a.findings.find((f) => f.code === 'section.missing' && (f.data as { sectionId: string }).sectionId === sectionId);
  assert.ok(finding, `no section.missing for ${sectionId}`);
  const fixes = codeActions(a, [{ code: finding.code, range: finding.range, data: finding.data }], ['quickfix']);
  const fix = fixes.find((f) => f.title.startsWith('Insert section'));
  assert.ok(fix, 'an "Insert section" quick fix is offered');
  return applyEdits(text, fix.edits, a);
}

const BASE = md('# Outage', '', '## Summary', '', 'It broke.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Root cause', '', 'Config.', '', '## Notes', '', '- x');

test('Insert section places the section after the nearest preceding canonical section', () => {
  const after = insertOne(BASE, 'resolution');
  assert.ok(after.includes('Config.\n\n## Resolution and Recovery\n\n{The steps taken'), after);
  assert.ok(after.indexOf('## Resolution and Recovery') < after.indexOf('## Notes'));
  assertKeepsLines(BASE, after);
  assert.ok(!analysis(after).findings.some((f) => f.code === 'section.missing' && (f.data as { sectionId: string }).sectionId === 'resolution'));
});

test('Insert section before the next canonical section when none precedes it', () => {
  const text = md('# Outage', '', '## Timeline', '', '- 10:00 x', '', '## Action items', '', '- y');
  const after = insertOne(text, 'summary');
  assert.ok(after.startsWith('# Outage\n\n## Incident Summary\n\n{Briefly describe'), after);
  assertKeepsLines(text, after);
});

test('Insert section at the end of a document without a final newline', () => {
  const text = '# Outage\n\n## Summary\n\nx';
  const after = insertOne(text, 'timeline');
  assert.equal(after, '# Outage\n\n## Summary\n\nx\n\n## Timeline of Events\n\n{A chronological account of the incident: each entry with its timestamp, who did what, and the key actions, notifications and resolution efforts. State the time zone.}\n');
});

test('Insert section uses the document\'s section level and line endings', () => {
  const text = '# Overview\r\nx\r\n# Timeline\r\ny\r\n';
  const after = insertOne(text, 'root-cause');
  assert.ok(after.includes('y\r\n\r\n# Root Cause Analysis\r\n\r\n{What led'), JSON.stringify(after));
  assert.ok(!/[^\r]\n/.test(after), 'no bare \\n in a CRLF document');
});

test('Insert all missing sections keeps every line, inserts in canonical order, and a second run finds nothing', () => {
  const a = analysis(BASE);
  const all = fixAll(a);
  assert.ok(all);
  assert.ok(all.safe);
  const after = applyEdits(BASE, all.edits, a);
  assertKeepsLines(BASE, after);
  const heads = after.split('\n').filter((l) => l.startsWith('## '));
  assert.deepEqual(heads, ['## Summary', '## Timeline', '## Root cause', '## Resolution and Recovery', '## Preventive Actions', '## Successes and Positive Outcomes', '## Notes']);
  const again = analysis(after);
  assert.ok(!again.findings.some((f) => f.code === 'section.missing'));
  assert.equal(fixAll(again), undefined, 'nothing left to fix: applying twice duplicates nothing');
});

test('the insert quick fix only inserts: no edit replaces or deletes text', () => {
  const a = analysis(BASE);
  for (const fix of codeActions(a, a.findings.map((f) => ({ code: f.code, range: f.range, data: f.data })))) {
    for (const e of fix.edits) assert.deepEqual(e.range.start, e.range.end, `${fix.title} replaces text`);
  }
});

test('code actions honour `only` and ignore findings the analysis does not have', () => {
  const a = analysis(BASE);
  const f = a.findings.find((x) => x.code === 'section.missing')!;
  const ref = { code: f.code, range: f.range, data: f.data };
  assert.deepEqual(codeActions(a, [ref], ['source.fixAll.postmortem']).map((x) => x.kind), ['source.fixAll']);
  assert.ok(codeActions(a, [ref], ['quickfix']).every((x) => x.kind === 'quickfix'));
  assert.deepEqual(codeActions(a, [{ ...ref, data: { sectionId: 'bogus' } }], ['quickfix']), []);
  assert.deepEqual(codeActions(a, [{ code: 'section.missing', range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } } }], ['quickfix']), []);
});

test('"Insert all missing sections" is offered next to a single insert when several are missing', () => {
  const a = analysis(BASE);
  const f = a.findings.find((x) => x.code === 'section.missing')!;
  const titles = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).map((x) => x.title);
  assert.deepEqual(titles, [
    'Insert section "Resolution and Recovery"',
    'Insert all missing sections',
    'Disable section.missing on this line',
    'Disable section.missing in this file',
  ]);
});

test('Insert section separates itself with a blank line when the section before ends right at the next heading', () => {
  const text = md('# Outage', '## Summary', 'x', '## Timeline', '- 10:00 y', '## Root cause', 'Config.', '## Notes', '- z');
  const after = insertOne(text, 'resolution');
  assert.ok(after.includes('Config.\n\n## Resolution and Recovery\n\n{The steps'), after);
  assert.ok(after.includes('recovery.}\n\n## Notes'), after);
});
