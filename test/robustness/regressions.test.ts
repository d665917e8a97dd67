// Inputs the properties found once, kept as fixed cases so they are checked on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInvariants } from './invariants.js';
import { analyze, applyEdits, codeActions, fixAll, settingsFrom } from '../../server/src/service.js';
import { md } from '../helpers/docs.js';
import { keepsEveryLine } from '../../server/src/cli/fix.js';

test('a document that is only frontmatter: ranges inside it', () => {
  checkInvariants('---\n\n---');
  checkInvariants('---\ntitle: x\n---');
});

test('a byte order mark stays first when a fix inserts at the start', () => {
  const text = '\uFEFF# Timeline (all times UTC)';
  checkInvariants(text);
  const fix = fixAll(analyze(text, { force: true }));
  assert.ok(fix, 'sections are missing, so there is a fix-all');
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed.charCodeAt(0), 0xfeff);
  assert.equal(fixed.split('\uFEFF').length, 2, 'one mark, at the start');
  assert.match(fixed, /^\uFEFF# Incident Summary$/m);
});

test('a document ending inside an unclosed fence or comment: no fix that would not fix', () => {
  for (const open of ['```', '~~~', '<!--']) {
    const text = md('# Outage', '', '## Summary', '', 'It broke.', '', open, 'the rest of the document');
    checkInvariants(text);
    const analysis = analyze(text, { force: true });
    assert.ok(analysis.findings.some((f) => f.code === 'section.missing'));
    const fix = fixAll(analysis);
    if (fix) {
      const again = analyze(applyEdits(text, fix.edits), { force: true });
      assert.ok(!fix.findings.every((f) => again.findings.some((g) => g.code === f.code && JSON.stringify(g.data) === JSON.stringify(f.data))), 'a fix offered resolves something');
    }
  }
});

test('fix-all on a file that starts with a byte order mark keeps the mark first and every line (found by the properties)', () => {
  const text = '\uFEFF## Contributing factors\n\n- 2:01 p.m. - checkout\n- ~14:00 - checkout\n\n# Preventive Actions';
  const a = analyze(text, { force: true });
  const fix = fixAll(a);
  assert.ok(fix, 'there is something to fix');
  const after = applyEdits(text, fix.edits, a);
  assert.ok(after.startsWith('\uFEFF') && after.indexOf('\uFEFF', 1) === -1, 'one mark, at the start');
  for (const line of text.slice(1).split('\n')) assert.ok(after.slice(1).split('\n').includes(line), `kept ${JSON.stringify(line)}`);
  assert.ok(keepsEveryLine(text, after));
  assert.equal(keepsEveryLine(text, after.slice(1)), false, 'dropping the mark counts as a loss');
});

test('a document ending inside an unclosed comment or fence without a final newline: no fix inserts into it (issue 17)', () => {
  for (const open of ['<!-- an unclosed comment', '<!--', '```', '~~~ js', '```\ncode', 'Text.\n<!-- a comment on the last line', '<!--\nopen comment on its own line']) {
    const text = ['# Outage', '', '## Summary', '', 'It broke.', '', '## Timeline', '', '- 14:00 UTC alert', '', open].join('\n');
    checkInvariants(text);
    const analysis = analyze(text, { force: true });
    const missing = analysis.findings.filter((f) => f.code === 'section.missing');
    assert.ok(missing.length > 0);
    const fixes = [fixAll(analysis), ...codeActions(analysis, missing.slice(0, 1), ['quickfix'])].filter((f) => f !== undefined && f.safe);
    for (const fix of fixes) {
      const after = analyze(applyEdits(text, fix!.edits), { force: true });
      const left = fix!.findings.filter((f) => after.findings.some((g) => g.code === f.code && JSON.stringify(g.data) === JSON.stringify(f.data)));
      assert.deepEqual(left.map((f) => f.code), [], `${JSON.stringify(open)}: "${fix!.title}" inserted where it does not count`);
    }
  }
});

test('Sort timeline in a file with mixed line endings keeps every line: a lone CR is never joined to a following LF (found by the properties)', () => {
  const text = '# checkout\r\n\n# Incident Summary\r\r\n# Incident Summary\n\r# Timeline of Events\r\n\ncheckout\r\r\n- 00:00 EDT - checkout\n\rcheckout\r\n\n- 2023-01-01 00:00 - checkout\r\r\n# Incident Summary';
  const settings = settingsFrom({ defaultTimezone: 'UTC' });
  checkInvariants(text, { settings });
  const analysis = analyze(text, { force: true, settings });
  const fix = fixAll(analysis);
  assert.ok(fix);
  assert.ok(keepsEveryLine(text, applyEdits(text, fix.edits)));
});

test('under a level-6 title, an inserted section is a level-6 heading, and inserting it once is enough (found by the properties)', () => {
  const text = '###### What happened\n\ncheckout checkout checkout <Your name here> checkout checkout';
  checkInvariants(text);
  const analysis = analyze(text, { force: true });
  const missing = analysis.findings.find((f) => f.code === 'section.missing' && (f.data as { sectionId?: string } | undefined)?.sectionId === 'timeline');
  assert.ok(missing, 'the timeline is missing');
  const fix = codeActions(analysis, [{ code: missing.code, range: missing.range, data: missing.data }], ['quickfix']).find((f) => f.title.startsWith('Insert section'));
  assert.ok(fix);
  const after = applyEdits(text, fix.edits);
  assert.match(after, /^###### Timeline of Events$/m);
  assert.doesNotMatch(after, /^#######/m);
  const again = analyze(after, { force: true });
  assert.ok(!again.findings.some((f) => f.code === 'section.missing' && (f.data as { sectionId?: string } | undefined)?.sectionId === 'timeline'), 'the timeline is no longer missing');
});

test('in a log of incidents, "Disable on this line" above an incident heading silences the finding on it (found by the properties, seed -1887216717)', () => {
  // The second incident lacks the action items the first has: they would go at its end, so the finding is on its heading (line 17).
  const text = '# Incident log\n\n### 2024-01-02 Database down\n\n#### Summary\n\nThe database was down.\n\n#### Root cause\n\nA full disk.\n\n#### Action items\n\n- Alert on disk usage (owner: @kim, due: 2024-02-01)\n\n### 2024-02-03 Cache down\n\n#### Summary\n\nThe cache was down.\n\n#### Root cause\n\nAn expired certificate.\n';
  checkInvariants(text);
  const analysis = analyze(text, { force: true });
  assert.equal(analysis.incidents?.length, 2, 'a log of two incidents');
  const missing = analysis.findings.find((f) => f.code === 'section.missing' && f.range.start.line === 16);
  assert.ok(missing, 'the second incident misses its action items, reported on its heading');
  const fix = codeActions(analysis, [{ code: missing.code, range: missing.range, data: missing.data }], ['quickfix']).find((f) => f.title === 'Disable section.missing on this line');
  assert.ok(fix);
  const after = applyEdits(text, fix.edits);
  assert.match(after, /<!-- postmortem-disable-next-line section\.missing -->\n### 2024-02-03/);
  const again = analyze(after, { force: true });
  assert.equal(again.incidents?.length, 2);
  assert.deepEqual(again.findings.filter((f) => f.code === 'section.missing'), [], 'the finding on the heading, now line 18, is silenced');
});
