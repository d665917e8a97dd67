import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions } from '../../../server/src/service.js';
import { fullPostMortem, md } from '../../helpers/docs.js';

const ACTIONS = '- [ ] Canary configuration changes — owner: @ops, due 2024-09-01, OPS-12';
/** A complete post-mortem whose action list is replaced by the given lines. */
const withActions = (...lines: string[]) => fullPostMortem().replace(ACTIONS, lines.join('\n'));
const found = (text: string, code?: string) =>
  analyze(text, { force: true }).findings.filter((f) => !code || f.code === code).map((f) => `${f.code}@${f.range.start.line}`);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

test('without comments, both vague items are reported', () => {
  const text = withActions('- Improve monitoring — owner: @ops, OPS-1', '- Be more careful — owner: @ops, OPS-2');
  assert.deepEqual(found(text, 'action.vague'), [`action.vague@${lineOf(text, 'Improve')}`, `action.vague@${lineOf(text, 'careful')}`]);
});

test('disable-next-line silences the code on the next line only', () => {
  const text = withActions('<!-- postmortem-disable-next-line action.vague -->', '- Improve monitoring — owner: @ops, OPS-1', '- Be more careful — owner: @ops, OPS-2');
  assert.deepEqual(found(text, 'action.vague'), [`action.vague@${lineOf(text, 'careful')}`]);
});

test('disable … enable silences a stretch; other codes still report', () => {
  const text = withActions(
    '<!-- postmortem-disable action.vague, action.owner-missing -->',
    '- Improve monitoring, OPS-1',
    '<!-- postmortem-enable action.vague -->',
    '- Be more careful, OPS-2',
  );
  // The owner stays silenced after the enable (it named only action.vague).
  assert.deepEqual(found(text).filter((c) => c.startsWith('action.')), [`action.vague@${lineOf(text, 'careful')}`]);
});

test('a prefix with * and a comment without codes silence whole families', () => {
  const prefix = withActions('<!-- postmortem-disable action.* -->', '- Improve monitoring');
  assert.deepEqual(found(prefix).filter((c) => c.startsWith('action.')), []);
  const all = withActions('<!-- postmortem-disable -->', '- Improve monitoring');
  assert.deepEqual(found(all).filter((c) => c.startsWith('action.')), []);
});

test('a disable before any content covers the whole file, frontmatter and title included', () => {
  const body = md('# T', '', '## Summary', '', 'x');
  const text = md('---', 'severity: SEV9', '---', '<!-- postmortem-disable frontmatter.schema section.missing -->', body);
  assert.deepEqual(found(text).filter((c) => /^(frontmatter|section\.missing)/.test(c)), []);
  const late = md('---', 'severity: SEV9', '---', body, '<!-- postmortem-disable frontmatter.schema -->');
  assert.deepEqual(found(late, 'frontmatter.schema'), ['frontmatter.schema@1'], 'after content, it starts where it is');
});

test('a directive inside a code block is text, not a directive', () => {
  const text = withActions('```', '<!-- postmortem-disable -->', '```', '', '- Improve monitoring, OPS-1 — owner: @ops');
  assert.deepEqual(found(text, 'action.vague'), [`action.vague@${lineOf(text, 'Improve')}`]);
});

test('quick fix "Disable CODE on this line" inserts disable-next-line above, indented, and silences it', () => {
  const text = withActions('- Improve monitoring — owner: @ops, OPS-1', '- Short term:', '  - Be more careful — owner: @ops, OPS-2');
  const a = analyze(text, { force: true });
  const f = a.findings.find((x) => x.code === 'action.vague' && x.range.start.line === lineOf(text, 'careful'))!;
  const fix = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).find((x) => x.title === 'Disable action.vague on this line')!;
  assert.ok(fix);
  assert.equal(fix.safe, false);
  const after = applyEdits(text, fix.edits, a);
  assert.ok(after.includes('Short term:\n  <!-- postmortem-disable-next-line action.vague -->\n  - Be more careful'), after);
  assert.deepEqual(found(after, 'action.vague'), [`action.vague@${lineOf(after, 'Improve')}`]);
});

test('quick fix "Disable CODE in this file" adds a comment at the top of the body, or the code to one already there', () => {
  const text = md('---', 'severity: SEV9', 'colour: red', '---', fullPostMortem());
  const a = analyze(text, { force: true });
  const f = a.findings.find((x) => x.code === 'frontmatter.schema')!;
  const titles = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).map((x) => x.title);
  assert.ok(!titles.includes('Disable frontmatter.schema on this line'), 'no comment can go inside the frontmatter');
  const fix = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).find((x) => x.title === 'Disable frontmatter.schema in this file')!;
  const after = applyEdits(text, fix.edits, a);
  assert.ok(after.startsWith('---\nseverity: SEV9\ncolour: red\n---\n<!-- postmortem-disable frontmatter.schema -->\n# Checkout outage'), after.slice(0, 120));
  assert.deepEqual(found(after, 'frontmatter.schema'), []);
  // Once more for another code: the same comment grows.
  const vague = withActions('- Improve monitoring — owner: @ops, OPS-1');
  const b0 = analyze(`<!-- postmortem-disable section.order -->\n${vague}`, { force: true });
  const v = b0.findings.find((x) => x.code === 'action.vague')!;
  const grow = codeActions(b0, [{ code: v.code, range: v.range, data: v.data }], ['quickfix']).find((x) => x.title === 'Disable action.vague in this file')!;
  assert.ok(applyEdits(b0.model.text, grow.edits, b0).startsWith('<!-- postmortem-disable section.order action.vague -->\n# Checkout outage'));
});

test('on a table row the line fix becomes "for this table": comments around the table, which stays a table', () => {
  const text = fullPostMortem().replace(ACTIONS, md('| Action | Owner | Due |', '| --- | --- | --- |', '| Improve monitoring | @ops | 2024-09-01 |').trimEnd());
  const a = analyze(text, { force: true });
  const f = a.findings.find((x) => x.code === 'action.vague')!;
  const fixes = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).map((x) => x.title);
  assert.deepEqual(fixes.filter((t) => t.startsWith('Disable')), ['Disable action.vague for this table', 'Disable action.vague in this file']);
  const fix = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix'])[0]!;
  const after = applyEdits(text, fix.edits, a);
  assert.ok(after.includes('<!-- postmortem-disable action.vague -->\n| Action | Owner | Due |'), after);
  assert.ok(after.includes('| Improve monitoring | @ops | 2024-09-01 |\n\n<!-- postmortem-enable action.vague -->\n'), after);
  const b = analyze(after, { force: true });
  assert.deepEqual(b.findings.filter((x) => x.code.startsWith('action.')), []);
  assert.ok(b.model.blocks.some((x) => x.kind === 'table' && x.rows.length === 1), 'still a table with its row');
});
