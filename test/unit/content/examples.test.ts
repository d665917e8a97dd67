import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/service.js';
import { ROOT } from '../../helpers/run.js';

const CONTENT = /^(frontmatter|summary|language|action|successes)\./;
const example = (name: string) => {
  const text = readFileSync(join(ROOT, 'examples/postmortems', name), 'utf8');
  return { text, lines: text.split(/\r?\n/), findings: analyze(text, { path: `examples/postmortems/${name}` }).findings.filter((f) => CONTENT.test(f.code)) };
};

test('the good example gets no finding from the frontmatter and content checks', () => {
  assert.deepEqual(example('2024-08-20-checkout-outage.md').findings, []);
});

test('the bad example: an incomplete summary, and two unowned, undated, vague action items', () => {
  const { lines, findings } = example('2024-09-14-dns-incident.md');
  const improve = lines.indexOf('- Improve monitoring');
  const careful = lines.indexOf('- Be more careful when upgrading the resolver');
  const summary = lines.indexOf('## Summary');
  // One finding per action, naming all it lacks.
  assert.deepEqual(findings.map((f) => `${f.code}@${f.range.start.line}${f.code.startsWith('action.') ? ` ${(f.data as { missing: string[] }).missing}` : ''}`), [
    `summary.incomplete@${summary}`,
    `action.owner-missing@${improve} owner,outcome,due`,
    `action.owner-missing@${careful} owner,outcome,due`,
  ]);
  // "for a while" is no duration, "TODO: add the impact" no impact, and nothing says how it was resolved.
  assert.deepEqual((findings[0]!.data as { missing: string[] }).missing, ['duration', 'impact', 'resolution']);
});
