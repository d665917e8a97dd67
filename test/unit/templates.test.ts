import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snippets, snippetsFileText } from '../../server/src/templates/snippets.js';
import { newFileName, newPostMortem, slug } from '../../server/src/templates/postmortem.js';
import { analyze, fixAll, DEFAULT_SETTINGS } from '../../server/src/service.js';
import type { SectionId } from '../../server/src/model/sections.js';
import { expandSnippet } from '../helpers/snippet.js';
import { ROOT } from '../helpers/run.js';

const VARS = { CURRENT_YEAR: '2024', CURRENT_MONTH: '08', CURRENT_DATE: '20', CURRENT_HOUR: '14', CURRENT_MINUTE: '05' };
const SIX = ['summary', 'timeline', 'root-cause', 'resolution', 'preventive-actions', 'successes'];

test('the committed snippets file is the one the template generates (run `npm run snippets` after changing it)', () => {
  assert.equal(readFileSync(join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8'), snippetsFileText());
});

test('every snippet body parses', () => {
  for (const [name, s] of Object.entries(snippets())) {
    assert.doesNotThrow(() => expandSnippet(s.body.join('\n'), VARS), name);
  }
  assert.throws(() => expandSnippet('${1:unclosed', VARS), 'the expander itself rejects bad syntax');
});

test('the postmortem snippet expands to frontmatter and all six sections, in order', () => {
  const s = snippets()['Post-mortem']!;
  assert.equal(s.prefix, 'postmortem');
  const text = expandSnippet(s.body.join('\n'), VARS);
  const a = analyze(text, { force: true });
  assert.deepEqual([...a.model.canonical.keys()], SIX);
  assert.deepEqual(a.findings.filter((f) => f.code === 'section.missing' || f.code === 'frontmatter.yaml'), []);
  assert.equal(a.model.frontmatter?.data?.['status'], 'draft');
  assert.equal(a.model.frontmatter?.data?.['severity'], 'SEV1');
  assert.equal(a.model.frontmatter?.data?.['started'], '2024-08-20 HH:MM');
  assert.equal(a.model.title?.text, 'Title of the incident', 'the title tab stop is mirrored into the heading');
  // Each section's prompt is a placeholder the checker flags until it is replaced.
  assert.equal(a.findings.filter((f) => f.code === 'section.placeholder').length, 6);
});

test('section snippets insert the same text as the "Insert section" quick fix', () => {
  const insertedBy = (id: string) => {
    const a = analyze('# T\n', { force: true, settings: { ...DEFAULT_SETTINGS, requiredSections: [id as SectionId] } });
    const fix = fixAll(a)!;
    return fix.edits[0]!.newText.trim();
  };
  const byPrefix = Object.fromEntries(Object.values(snippets()).map((s) => [s.prefix, s]));
  const pairs: Array<[string, string]> = [['pm-summary', 'summary'], ['pm-timeline', 'timeline'], ['pm-root-cause', 'root-cause'], ['pm-resolution', 'resolution'], ['pm-actions', 'preventive-actions'], ['pm-successes', 'successes']];
  for (const [prefix, id] of pairs) {
    const expanded = expandSnippet(byPrefix[prefix]!.body.join('\n'), VARS).trim();
    assert.equal(expanded, insertedBy(id), prefix);
  }
});

test('the timeline entry and preventive action snippets', () => {
  const byPrefix = Object.fromEntries(Object.values(snippets()).map((s) => [s.prefix, s]));
  assert.equal(expandSnippet(byPrefix['pm-event']!.body.join('\n'), VARS), '- **14:05** - what happened @who');
  assert.equal(expandSnippet(byPrefix['pm-action']!.body.join('\n'), VARS), '- [ ] a specific measure — owner: @owner, due 2024-08-20, TICKET-123');
});

test('a new post-mortem: frontmatter, title, six sections, the cursor on the summary prompt', () => {
  const { text, summaryLine } = newPostMortem({ title: 'Checkout: 503s', severity: 'SEV2', date: '2024-08-20', timezone: 'Europe/Berlin' });
  const a = analyze(text, { force: true });
  assert.deepEqual([...a.model.canonical.keys()], SIX);
  assert.deepEqual(a.model.frontmatter?.data, { title: 'Checkout: 503s', id: 'PM-2024-NNN', status: 'draft', severity: 'SEV2', authors: ['your name'], timezone: 'Europe/Berlin' });
  assert.ok(text.split('\n')[summaryLine]!.startsWith('{Briefly describe the incident'));
  assert.equal(a.model.title?.text, 'Checkout: 503s');
});

test('file names: date and a lower-case ASCII slug', () => {
  assert.equal(newFileName('2024-08-20', 'Checkout: 503s in EU-West!'), '2024-08-20-checkout-503s-in-eu-west.md');
  assert.equal(slug('Ärger mit DNS — café'), 'arger-mit-dns-cafe');
  assert.equal(slug('!!!'), 'incident');
  assert.ok(slug('x'.repeat(100)).length <= 60);
});
