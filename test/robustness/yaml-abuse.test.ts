import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { IsolatedChecker } from './isolated.js';
import { fullPostMortem } from '../helpers/docs.js';
import { analyze } from '../../server/src/service.js';

// Hostile frontmatter: each case must end within its budget (the test timeout,
// in a worker) with at least one frontmatter.* finding, and the invariants hold.
const checker = new IsolatedChecker();
after(() => checker.stop());

const withFrontmatter = (yaml: string) => `---\n${yaml}\n---\n${fullPostMortem()}`;

const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

const CASES: Record<string, string> = {
  'billion laughs (nine levels of aliases to aliases)': laughs,
  'a circular alias in a sequence': 'title: x\nloop: &a [*a]',
  'a circular alias in a mapping': 'title: x\nloop: &a\n  self: *a',
  '5,000-deep flow sequences': `title: x\ndeep: ${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  '5,000-deep flow mappings': `title: x\ndeep: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`,
  '5,000-deep block mappings': Array.from({ length: 5_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1',
  'an unknown tag (!!python/object)': 'title: x\ncmd: !!python/object/apply:os.system ["rm -rf /"]',
  'an unknown local tag (!custom)': 'title: x\nvalue: !custom foo',
  'a JavaScript function tag': "title: x\nfn: !<tag:yaml.org,2002:js/function> 'function () { return 1 }'",
  'duplicate keys': 'title: first\ntitle: second',
  // "severity" makes it a post-mortem's frontmatter, so the schema reads every key.
  'a __proto__ key (flow)': 'severity: SEV2\n__proto__: {polluted: true}',
  'a __proto__ key (block)': 'severity: SEV2\n__proto__:\n  polluted: true',
};

for (const [name, yaml] of Object.entries(CASES)) {
  test(`YAML abuse: ${name} gives a frontmatter finding, in time`, { timeout: 30_000 }, async (t) => {
    const summary = await checker.check(withFrontmatter(yaml), {}, t.signal);
    assert.ok(summary.codes.some((c) => c.startsWith('frontmatter.')), `expected a frontmatter.* finding, got ${summary.codes.join(', ') || 'none'}`);
  });
}

test('a __proto__ key pollutes no prototype and does not become the data\'s prototype', () => {
  for (const yaml of [CASES['a __proto__ key (flow)']!, CASES['a __proto__ key (block)']!, 'constructor: {prototype: {polluted: true}}']) {
    const analysis = analyze(withFrontmatter(yaml), { force: true });
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    const data = analysis.model.frontmatter?.data;
    if (data) assert.equal((data as Record<string, unknown>)['polluted'], undefined, 'polluted is not inherited by the data');
  }
});
