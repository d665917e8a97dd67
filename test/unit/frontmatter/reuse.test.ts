import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service.js';
import { buildModel } from '../../../server/src/model/document.js';
import { fullPostMortem } from '../../helpers/docs.js';

/** Parsed frontmatter is reused for a text with the same frontmatter: what is reused must be what that text's own reading gives. */
const yamlFindings = (text: string) => analyze(text, { force: true }).findings.filter((f) => f.code.startsWith('frontmatter.'));

test('the same frontmatter over another body: the same data and the same problems, at the same places', () => {
  const fm = ['---', 'title: Checkout', 'timezone: Europe/Berlin', 'title: Again', '---'];
  const first = [...fm, fullPostMortem()].join('\n');
  const edited = [...fm, fullPostMortem({ summary: 'Summary' }), 'One more line.'].join('\n');
  const a = yamlFindings(first);
  assert.deepEqual(a.map((f) => [f.code, f.range.start.line]), [['frontmatter.yaml', 3]]);
  assert.deepEqual(yamlFindings(edited), a);
  assert.deepEqual(buildModel(edited).frontmatter?.data, buildModel(first).frontmatter?.data);
});

test('an edit inside the frontmatter is read: the new value, not the one read before', () => {
  const doc = (zone: string) => ['---', `timezone: ${zone}`, '---', fullPostMortem()].join('\n');
  assert.equal(buildModel(doc('Europe/Berlin')).frontmatter?.data?.['timezone'], 'Europe/Berlin');
  assert.equal(buildModel(doc('Europe/Paris')).frontmatter?.data?.['timezone'], 'Europe/Paris');
  assert.equal(yamlFindings(doc('Europe/Berlin')).length, 0);
  assert.equal(yamlFindings(doc('Europe/Berln')).length, 1);
});

test('the same YAML with other line endings or after a byte order mark is placed in its own text', () => {
  const lines = ['---', 'timezone:   Europe/Berln', '---'];
  const lf = [...lines, fullPostMortem()].join('\n');
  const crlf = [...lines, fullPostMortem()].join('\r\n');
  const bom = '\uFEFF' + lf;
  for (const text of [lf, crlf, bom, lf]) {
    const [f] = yamlFindings(text);
    assert.deepEqual(f?.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 24 } }, JSON.stringify(text.slice(0, 5)));
    const fm = buildModel(text).frontmatter!;
    assert.equal(text.slice(fm.contentOffset, fm.contentOffset + 9), 'timezone:');
  }
});
