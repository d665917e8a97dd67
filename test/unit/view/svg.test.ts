import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSvg, wrap, xmlText } from '../../../server/src/view/svg.js';
import { entry, viewOf } from './views.js';

/** The elements the SVG builder itself writes; anything else would come from document text. */
const OWN_TAGS = new Set(['svg', 'title', 'desc', 'style', 'rect', 'line', 'text', 'g', 'circle', 'path']);

function tagsOf(svg: string): string[] {
  const withoutStyle = svg.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...withoutStyle.matchAll(/<\/?([^\s>/]+)/g)].map((m) => m[1]!);
}

test('xmlText escapes markup characters and replaces characters XML forbids', () => {
  assert.equal(xmlText(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&apos;y&apos;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(xmlText('bell\u0007 nul\u0000 tab\t nl\n'), 'bell\uFFFD nul\uFFFD tab\t nl\n');
  assert.equal(xmlText('lone \uD83D and \uDE00, pair \uD83D\uDE00'), 'lone \uFFFD and \uFFFD, pair \uD83D\uDE00');
});

test('wrap cuts lines at word boundaries and splits words longer than a line', () => {
  assert.deepEqual(wrap('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
  assert.deepEqual(wrap('abcdefghij k', 4), ['abcd', 'efgh', 'ij k']);
  assert.deepEqual(wrap('', 10), ['']);
});

test('toSvg draws the header, the entries with their times and people, gaps, and the entries with no time', () => {
  const view = viewOf(
    [
      entry(1, '2024-05-01T10:00:00Z', 'Primary fails', { people: ['ana'], milestone: 'started' }),
      entry(2, '2024-05-01T10:05:00Z', 'Replica promoted'),
      entry(3, '2024-05-01T10:10:00Z', 'Paged', { findings: [{ code: 'timeline.order', severity: 'warning', message: 'Out of order.' }] }),
      entry(4, '2024-05-01T18:00:00Z', 'Fixed'),
      entry(5, null, 'Status page updated', { raw: 'later', unresolved: 'No time of day.' }),
    ],
    { title: 'DB outage', severity: 'SEV1', status: 'resolved', timezone: 'Europe/Paris' },
  );
  const svg = toSvg(view);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  assert.match(svg, /<title>DB outage<\/title>/);
  assert.match(svg, />Severity: SEV1 · Status: resolved · Times in Europe\/Paris</);
  // Paris is UTC+2 in May; 10:10 → 18:00 is 7 h 50 min, far above the 5-minute median.
  for (const clock of ['12:00', '12:05', '12:10', '20:00']) assert.match(svg, new RegExp(`>${clock}</text>`));
  assert.match(svg, />— 7 h 50 min —</);
  assert.match(svg, />Impact started: Primary fails</);
  assert.match(svg, />@ana</);
  assert.match(svg, />⚠</);
  assert.match(svg, /<title>2024-05-01 12:10 Europe\/Paris\. Paged\. warning: Out of order\.<\/title>/);
  assert.match(svg, />Without a time \(1\)</);
  assert.match(svg, />later — Status page updated</);
  assert.deepEqual([...new Set(tagsOf(svg))].filter((t) => !OWN_TAGS.has(t)), []);
});

test('hostile text in every field stays text: no element, attribute or entity comes from the document', () => {
  const corpus = JSON.parse(readFileSync(join(__dirname, '..', '..', 'webview', 'fixtures', 'xss-corpus.json'), 'utf8')) as { payloads: string[]; handles: string[] };
  const payloads = [...corpus.payloads, ']]><script>x</script>', '<?xml-stylesheet href="x"?>', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;'];
  const view = viewOf(
    payloads.map((p, i) => entry(i, i % 4 === 3 ? null : new Date(Date.UTC(2024, 4, 1, 10, i)).toISOString(), p, {
      raw: p,
      people: corpus.handles,
      findings: [{ code: p, severity: 'error', message: p }],
      ...(i % 4 === 3 ? { unresolved: p } : {}),
    })),
    { title: payloads.join(' '), severity: payloads[0]!, status: payloads[1]!, timezone: payloads[2]! },
  );
  const svg = toSvg(view);
  assert.deepEqual([...new Set(tagsOf(svg))].filter((t) => !OWN_TAGS.has(t)), [], 'only the builder’s own elements');
  const tags = svg.replace(/<style>[\s\S]*?<\/style>/, '').match(/<[^>]*>/g) ?? [];
  assert.deepEqual(tags.filter((t) => /\son[a-z]+\s*=|href|src=/i.test(t)), [], 'no event handler or link attribute');
  assert.doesNotMatch(svg, /<!|<\?|\]\]>/, 'no doctype, comment, processing instruction or CDATA end');
  const entities = new Set([...svg.matchAll(/&([^;\s]*);/g)].map((m) => m[1]));
  assert.deepEqual([...entities].filter((e) => !['amp', 'lt', 'gt', 'quot', 'apos'].includes(e!)), [], 'only the five XML entities');
  for (const p of payloads) assert.ok(svg.includes(xmlText(p.slice(0, 30))), `the payload is shown escaped: ${p}`);
});
