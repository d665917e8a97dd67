import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service.js';
import { fullPostMortem } from '../../helpers/docs.js';

/**
 * Hostile frontmatter gives a frontmatter.* finding and never a crash or a hang.
 * Each case is bounded by the test's timeout, not by a timed assertion.
 */
const doc = (yaml: string) => `---\n${yaml}\n---\n${fullPostMortem()}`;
const frontmatterFindings = (yaml: string) => {
  const a = analyze(doc(yaml), { force: true });
  assert.ok(!a.findings.some((f) => f.code === 'internal.rule-error'), 'no rule threw');
  return a.findings.filter((f) => f.code.startsWith('frontmatter.'));
};
const LIMIT = { timeout: 10_000 };

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
  laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}

test('an alias bomb (billion laughs) is refused with frontmatter.yaml', LIMIT, () => {
  const found = frontmatterFindings(laughs.join('\n'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'frontmatter.yaml');
  assert.match(found[0]!.message, /more than 100 aliases/);
});

test('a circular alias is reported on the alias and the data is not built', LIMIT, () => {
  const found = frontmatterFindings('title: x\ntags: &t [a, *t]');
  assert.deepEqual(found.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`), ['frontmatter.yaml@2:13']);
  assert.match(found[0]!.message, /\*t refers to a node that contains it/);
  const map = frontmatterFindings('owners: &o {lead: *o}');
  assert.deepEqual(map.map((f) => f.code), ['frontmatter.yaml']);
});

test('5,000-deep nesting, flow or block, is refused before parsing', LIMIT, () => {
  for (const yaml of [
    'tags: ' + '['.repeat(5000) + ']'.repeat(5000),
    'tags: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000),
    // Indentation 5,000 deep would be 12 MB (refused for its size); 100 levels show the depth check on block nesting.
    'tags:\n' + Array.from({ length: 100 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n'),
    'tags:\n  ' + '- '.repeat(5000) + 'x',
  ]) {
    const found = frontmatterFindings(yaml);
    assert.deepEqual(found.map((f) => f.code), ['frontmatter.yaml'], yaml.slice(0, 30));
    assert.match(found[0]!.message, /nests more than 64 levels/);
  }
});

test('a megabyte of frontmatter is refused on the opening fence', LIMIT, () => {
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += `key${i}: "a value of some length, number ${i}"\n`;
  const found = frontmatterFindings(big.trimEnd());
  assert.deepEqual(found.map((f) => `${f.code}@${f.range.start.line}`), ['frontmatter.yaml@0']);
  assert.match(found[0]!.message, /frontmatter over 32 KB is not read/);
});

test('duplicate keys are a frontmatter.yaml error on the second key', LIMIT, () => {
  const found = frontmatterFindings('title: a\nseverity: SEV2\ntitle: b');
  assert.deepEqual(found.map((f) => `${f.code}/${f.severity}@${f.range.start.line}`), ['frontmatter.yaml/error@3']);
});

test('an unknown tag is a frontmatter.yaml warning; the rest is still read', LIMIT, () => {
  const found = frontmatterFindings('title: !shout hello\nseverity: SEV9');
  assert.deepEqual(found.map((f) => `${f.code}/${f.severity}@${f.range.start.line}`), ['frontmatter.yaml/warning@1', 'frontmatter.schema/error@2']);
  assert.match(found[0]!.message, /!shout/);
});

test('a __proto__ key is an unknown key, and pollutes nothing', LIMIT, () => {
  const found = frontmatterFindings('__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\npostmortem: true');
  assert.deepEqual(found.map((f) => `${f.code}/${f.severity}@${f.range.start.line}`), ['frontmatter.schema/warning@1', 'frontmatter.schema/warning@2']);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
});

test('the post-mortem is still checked below hostile frontmatter', LIMIT, () => {
  const a = analyze(doc(laughs.join('\n')).replace('## Preventive Actions', '## Notes'), { force: true });
  assert.ok(a.findings.some((f) => f.code === 'section.missing'));
});

test('thousands of unknown keys: the first 100 are listed, the rest summed up in one finding', LIMIT, () => {
  const yaml = [...Array.from({ length: 1000 }, (_, i) => `key${i}: ${i}`), 'severity: SEV2'].join('\n');
  const found = frontmatterFindings(yaml);
  assert.equal(found.length, 101);
  assert.ok(found.slice(0, 100).every((f) => /^"key\d+" is not a post-mortem frontmatter key/.test(f.message)));
  assert.match(found[100]!.message, /^900 more problems in the frontmatter are not listed\.$/);
});
