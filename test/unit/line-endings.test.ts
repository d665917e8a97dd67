// Line endings and trailing white space belong to their line, through every fix (issue 17):
// "Sort timeline" once carried a Markdown hard break (two trailing spaces) to the entry it
// moved, and a CR-only file came out of --fix with CR, CRLF and LF mixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions, fixAll } from '../../server/src/service.js';
import { keepsEveryLine } from '../../server/src/cli/fix.js';
import { timelineSettings } from '../helpers/timeline.js';

const settings = timelineSettings();
/** The lines of a text with their terminators, as a sorted list. */
const linesWithEndings = (text: string) => (text.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? []).filter(Boolean).sort();

function sorted(text: string): string {
  const analysis = analyze(text, { force: true, settings });
  const finding = analysis.findings.find((f) => f.code === 'timeline.order');
  assert.ok(finding, 'the timeline is out of order');
  const fix = codeActions(analysis, [finding]).find((f) => /^Sort timeline/.test(f.title));
  assert.ok(fix, 'Sort timeline is offered');
  return applyEdits(text, fix.edits);
}

test('Sort timeline keeps a hard break (two trailing spaces) on the line it ends', () => {
  const cases = [
    ['## Timeline', '', '14:10 UTC - b', '> "quoted"  ', '', '14:00 UTC - a  ', ''],
    ['## Timeline', '', '**14:10 UTC** b  ', '> quote  ', '**14:00 UTC** a  ', 'more', ''],
    ['## Timeline', '', '- 14:10 UTC b  ', '  > quote\t ', '- 14:00 UTC a', ''],
  ];
  for (const lines of cases) {
    const text = ['# X', '', ...lines].join('\n');
    const out = sorted(text);
    assert.ok(keepsEveryLine(text, out), `a line changed: ${JSON.stringify(out)}`);
    assert.deepEqual(linesWithEndings(out), linesWithEndings(text));
    assert.ok(out.indexOf('14:00') < out.indexOf('14:10'), 'sorted');
  }
});

test('Sort timeline moves each line with its own ending in a file with mixed endings', () => {
  const text = '## Timeline\r\n\r\n- 14:10 UTC b\r\n- 14:20 UTC c\n- 14:00 UTC a\r\n\r\n## Root cause\n';
  assert.equal(sorted(text), '## Timeline\r\n\r\n- 14:00 UTC a\r\n- 14:10 UTC b\r\n- 14:20 UTC c\n\r\n## Root cause\n');
  // At the end of a file without a final newline the endings stay where they are, and nothing is lost.
  const open = '## Timeline\n\n- 14:10 UTC b\n- 14:00 UTC a';
  assert.equal(sorted(open), '## Timeline\n\n- 14:00 UTC a\n- 14:10 UTC b');
});

test('a CR-only file stays CR-only through fix-all (inserted sections, sorted timeline)', () => {
  const text = ['# Outage', '', '## Summary', '', 'On 2024-08-20 checkout failed for 40 minutes; a rollback resolved it.', '', '## Timeline', '', '- 14:10 UTC b', '- 14:00 UTC a', ''].join('\r');
  let current = text;
  for (let round = 0; round < 5; round++) {
    const fix = fixAll(analyze(current, { force: true }));
    if (!fix) break;
    current = applyEdits(current, fix.edits);
  }
  assert.notEqual(current, text, 'something was fixed');
  assert.doesNotMatch(current, /\n/, 'an LF or CRLF was inserted');
  assert.match(current, /\r## Preventive Actions\r/);
  assert.ok(current.indexOf('14:00') < current.indexOf('14:10'));
  assert.ok(keepsEveryLine(text, current));
});

test('keepsEveryLine counts line endings: a fix that drops or changes one loses text', () => {
  assert.equal(keepsEveryLine('a\r\nb\r\n', 'b\r\na\r\n'), true);
  assert.equal(keepsEveryLine('a\r\nb\r\n', 'a\nb\n'), false, 'CRLF turned into LF');
  assert.equal(keepsEveryLine('a  \nb\n', 'a\nb  \n'), false, 'trailing spaces moved to another line');
  assert.equal(keepsEveryLine('a\rb', 'a\rb\r\rc'), true, 'an insertion');
});
