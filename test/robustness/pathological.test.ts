import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsolatedChecker } from './isolated.js';
import { fullPostMortem } from '../helpers/docs.js';
import { ROOT } from '../helpers/run.js';
import { generatePostMortem } from '../../scripts/bench/generate.js';
import { analyze } from '../../server/src/service.js';

// Every case runs in a worker: the test's timeout is its time budget, and a
// check that never returns fails the test instead of hanging the run.
const checker = new IsolatedChecker();
after(() => checker.stop());

const base = fullPostMortem();
const withFrontmatter = readFileSync(join(ROOT, 'examples', 'postmortems', '2024-08-20-checkout-outage.md'), 'utf8');
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** Where a pathological string goes in an otherwise complete post-mortem. */
const PLACES: Record<string, (s: string) => string> = {
  'a timeline entry': (s) => base.replace('- 14:10 UTC - @ana starts the rollback', `- 14:10 UTC - ${oneLine(s)}`),
  'a block of its own': (s) => base.replace('A connection pool limit was lowered', `${s}\n\nA connection pool limit was lowered`),
  'a heading': (s) => `${base}\n## ${oneLine(s)}\n\nText under it.\n`,
  'a table cell': (s) => `${base}\n| Time | Event |\n| --- | --- |\n| 14:02 UTC | ${oneLine(s)} |\n`,
  'the summary': (s) => base.replace('On 2024-08-20 from', `${oneLine(s)} On 2024-08-20 from`),
  'an action item': (s) => base.replace('- [ ] Canary configuration changes', `- [ ] ${oneLine(s)}`),
};

/** markdown-it's and cmark's pathological inputs, and the like for our own line scanning. */
const PATHOLOGICAL: Record<string, string> = {
  '60,000 *': '*'.repeat(60_000),
  '10,000 [a': '[a'.repeat(10_000),
  'nested strong and emphasis': '*a **a '.repeat(5_000) + 'b' + ' a** a*'.repeat(5_000),
  'emphasis closers without openers': 'a_ '.repeat(30_000),
  'emphasis openers without closers': '_a '.repeat(30_000),
  'link closers without openers': 'a]'.repeat(30_000),
  'nested brackets': '['.repeat(20_000) + 'a' + ']'.repeat(20_000),
  '[ (]( repeated': '[ (]('.repeat(30_000),
  'unclosed links': '[a](<b'.repeat(20_000),
  'backtick runs': Array.from({ length: 700 }, (_, i) => 'e' + '`'.repeat(i)).join(''),
  '60,000 <': '<'.repeat(60_000),
  'HTML comments on one line': '<!--a-->'.repeat(200) + 'x',
  'an unclosed { prompt': '{a '.repeat(30_000) + '{',
  'an unclosed [ prompt': '[' + 'a '.repeat(60_000),
  'an unclosed < tag': '<a ' + 'b '.repeat(30_000) + '<',
  'deeply nested lists': Array.from({ length: 1_000 }, (_, i) => '  '.repeat(i) + '* a').join('\n'),
  'deeply nested ordered lists': Array.from({ length: 1_000 }, (_, i) => '   '.repeat(i) + '1. a').join('\n'),
  'deeply nested block quotes': '> '.repeat(50_000) + 'a',
  'quotes and lists nested': Array.from({ length: 500 }, (_, i) => '> '.repeat(i) + '- a').join('\n'),
  'a table of 5,000 columns': '| a '.repeat(5_000) + '|\n' + '| --- '.repeat(5_000) + '|\n' + '| b '.repeat(5_000) + '|',
  '100,000 pipes': '|'.repeat(100_000),
  // What the checks' own line scans found hard (each was quadratic once: at 300 KB, minutes):
  'unclosed comments': '<!--'.repeat(75_000),
  'link targets without a closing parenthesis': '](x'.repeat(100_000),
  'a run of 300,000 digits': '0'.repeat(300_000),
  'unclosed autolinks': '<https://a'.repeat(30_000),
  'unclosed inline links': '[a]('.repeat(75_000),
  'unclosed images': '!['.repeat(150_000),
  'issue numbers': '#1 '.repeat(100_000),
  'ticket keys': 'OPS-1 '.repeat(50_000),
  '300,000 spaces between words': `a${' '.repeat(300_000)}b`,
  // An action item's trailing references (links, ticket keys) stripped before its owner aside is read:
  'bracketed links, then a word': '[a] '.repeat(50_000) + 'x',
  'ticket keys, then a word': 'OPS-1 '.repeat(50_000) + 'x',
};

for (const [name, text] of Object.entries(PATHOLOGICAL)) {
  test(`pathological Markdown: ${name}, in a timeline entry, a block, a heading, a table cell, the summary and an action item`, { timeout: 30_000 }, async (t) => {
    for (const [place, put] of Object.entries(PLACES)) {
      await checker.check(put(text), {}, t.signal).catch((e: Error) => assert.fail(`in ${place}: ${e.message}`));
    }
  });
}

test('a 10 MB post-mortem (a section missing, so fix-all rewrites 10 MB)', { timeout: 180_000 }, async (t) => {
  // Renamed, not unmarked: an unmarked "Successes and Positive Outcomes" line before its list is a label that still names the section.
  const big = generatePostMortem(10_000_000).replace('## Successes and Positive Outcomes', '## Notes');
  assert.ok(big.length > 9_900_000);
  const summary = await checker.check(big, { quickFixes: false }, t.signal);
  assert.ok(summary.codes.includes('section.missing'), 'the heading that was taken out is reported');
  assert.ok(summary.fixesChecked >= 1, 'fix-all was applied and checked');
});

test('a 1 MB line in a timeline entry, a block, a heading, a table cell, the summary and an action item', { timeout: 60_000 }, async (t) => {
  const line = 'checkout failed at 14:02 UTC for 31% of users {see} [graph] <b> '.repeat(16_000);
  assert.ok(line.length > 1_000_000);
  for (const [place, put] of Object.entries(PLACES)) {
    await checker.check(put(line), { quickFixes: false }, t.signal).catch((e: Error) => assert.fail(`in ${place}: ${e.message}`));
  }
});

/** Codes and lines of the findings: what must not change when only the encoding of lines changes. */
function shape(text: string, lineShift = 0): string[] {
  return analyze(text, { force: true })
    .findings.map((f) => `${f.code}@${f.range.start.line + lineShift}-${f.range.end.line + lineShift}`)
    .sort();
}

const MISSING_SOME = base.replace('## Root Cause Analysis', 'Root cause').replace('## Successes and Positive Outcomes\n', '');

test('NUL bytes in the frontmatter, a heading, a timeline entry, and a document of nothing else', { timeout: 30_000 }, async (t) => {
  const cases = [
    withFrontmatter.replace('status: final', 'status: fi\u0000nal'),
    base.replace('## Timeline of Events', '## Time\u0000line of Events'),
    base.replace('Error rate alert fires', 'Error\u0000rate alert\u0000fires'),
    '\u0000'.repeat(100_000),
    '\u0000\n'.repeat(10_000),
  ];
  for (const text of cases) await checker.check(text, {}, t.signal);
});

test('lone surrogates in a heading, an entry and the frontmatter, and a pair split by a line break', { timeout: 30_000 }, async (t) => {
  const cases = [
    base.replace('## Timeline of Events', '## Timeline \uD83D of Events'),
    base.replace('Error rate alert fires', '\uDE00 Error rate alert fires \uD800'),
    withFrontmatter.replace('title: Checkout', 'title: \uD800Checkout'),
    base.replace('Root Cause Analysis', 'Root Cause Analysis \uD83D\n\uDE00'),
    '\uD800'.repeat(50_000) + '\n' + '\uDC00a'.repeat(50_000),
  ];
  for (const text of cases) await checker.check(text, {}, t.signal);
});

test('letters outside the Basic Multilingual Plane (surrogate pairs) at the start of the title, a heading and lines', { timeout: 30_000 }, async (t) => {
  // A /u search restarted one code unit into a pair goes back to the pair's start: a loop that never ends.
  const cases = [
    base.replace('# Checkout outage', '# \u{2A6D4}\u{20000} Checkout outage - 20 August 2024'),
    base.replace('On 2024-08-20 from', '\u{20000}On 2024-08-20 from'),
    base.replace('## Timeline of Events', '## \u{1D400}Timeline of Events'),
    base.replace('- 14:02 UTC', '- \u{20000}14:02 UTC'),
  ];
  for (const text of cases) await checker.check(text, {}, t.signal);
});

test('a byte order mark: handled, and the same findings as without it', { timeout: 30_000 }, async (t) => {
  for (const text of [base, MISSING_SOME, withFrontmatter, withFrontmatter.replace('## Timeline of Events', '## Events')]) {
    await checker.check('\uFEFF' + text, {}, t.signal);
    assert.deepEqual(shape('\uFEFF' + text), shape(text));
  }
  await checker.check('\uFEFF\uFEFF' + base, {}, t.signal);
});

test('CRLF, CR and mixed line endings: handled, and the same findings as with LF', { timeout: 30_000 }, async (t) => {
  for (const text of [base, MISSING_SOME, withFrontmatter]) {
    let i = 0;
    // Mixed in an order where a \r is never followed by a \n (that pair would be one line break, not two).
    const variants = [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/\n/g, () => ['\r\n', '\n', '\r'][i++ % 3]!)];
    for (const v of variants) {
      await checker.check(v, {}, t.signal);
      assert.deepEqual(shape(v), shape(text));
    }
  }
});

test('past markdown-it\'s nesting limit, the sections below are still read', () => {
  // 1,000 nested list levels: markdown-it stops at 50 and skipped the rest of the document.
  const deep = Array.from({ length: 1_000 }, (_, i) => '  '.repeat(i) + '* a').join('\n');
  const quotes = '> '.repeat(5_000) + 'a';
  for (const block of [deep, quotes]) {
    const text = base.replace('A connection pool limit was lowered', `${block}\n\nA connection pool limit was lowered`);
    assert.deepEqual(shape(text), shape(base), 'the same findings as without the deep block');
    // At the end of the root cause and of the resolution: prose sections, where "* a" asks for nothing.
    const twice = base.replace('## Resolution and Recovery', `${block}\n\n## Resolution and Recovery`).replace('## Preventive Actions', `${block}\n\n## Preventive Actions`);
    assert.deepEqual(shape(twice), shape(base));
  }
});
