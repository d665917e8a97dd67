import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, jsonSafe, visible, visibleLines } from '../../server/src/cli/neutral.js';
import { xmlEscape } from '../../server/src/cli/junit.js';

test('visible: control characters as escapes, the rest as written', () => {
  assert.equal(visible('a\u001b[2Jb\u0007\u009b\u202e\n\t é 😀'), 'a\\x1b[2Jb\\x07\\x9b\\u202e\\n\\t é 😀');
  assert.equal(visibleLines('a\nb\r\n\tc\u001b'), 'a\nb\r\n\tc\\x1b');
});

test('csvCell: text a spreadsheet would evaluate gets a quote (OWASP); numbers stay numbers', () => {
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  for (const s of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), JSON.stringify(s));
  assert.equal(csvCell(-5), '-5');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell('a, "b"\nc'), '"a, ""b""\nc"');
  assert.equal(csvCell('x\u001b]0;t\u0007'), 'x\\x1b]0;t\\x07');
});

test('jsonSafe and xmlEscape: the same data, written so that a terminal does not act on it', () => {
  const value = { s: 'a\u009b2J\u202e\u2028\u001b' };
  const json = jsonSafe(JSON.stringify(value));
  assert.doesNotMatch(json, /[\u0000-\u001f\u007f-\u009f\u202e\u2028]/);
  assert.deepEqual(JSON.parse(json), value);
  assert.equal(xmlEscape('a\u009b\u202e<'), 'a&#x9B;&#x202E;&lt;');
});
