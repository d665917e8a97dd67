import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, completions, hover, settingsFrom } from '../../../server/src/service.js';
import { clock } from '../../../server/src/frontmatter/complete.js';
import { fullPostMortem } from '../../helpers/docs.js';

const doc = (...fm: string[]) => ['---', ...fm, '---', fullPostMortem()].join('\n');
const at = (text: string, line: number, character: number, settings = settingsFrom({})) =>
  completions(analyze(text, { force: true, settings }), { line, character });

test('at the start of a frontmatter line: the keys not yet used, with their descriptions', () => {
  const items = at(doc('title: x', 'sev'), 2, 3);
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('severity') && labels.includes('timezone') && labels.includes('started'));
  assert.ok(!labels.includes('title'), 'title is used already');
  const severity = items.find((i) => i.label === 'severity')!;
  assert.equal(severity.kind, 'property');
  assert.equal(severity.insertText, 'severity: ');
  assert.match(severity.documentation!, /SEV1 \(critical/);
  assert.deepEqual(severity.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
});

test('after status:, severity: and priority:, their allowed values', () => {
  assert.deepEqual(at(doc('status: '), 1, 8).map((i) => i.label), ['draft', 'in-review', 'final']);
  assert.deepEqual(at(doc('severity: SE'), 1, 12).map((i) => i.label), ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']);
  assert.deepEqual(at(doc('severity: SE'), 1, 12)[0]!.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } });
  assert.deepEqual(at(doc('priority: '), 1, 10).map((i) => i.label), ['P1', 'P2', 'P3', 'P4', 'P5']);
});

test('after timezone:, the IANA zones', () => {
  const labels = at(doc('timezone: '), 1, 10).map((i) => i.label);
  assert.ok(labels.includes('Europe/Berlin') && labels.includes('America/New_York') && labels.includes('UTC'));
  assert.ok(labels.length > 300);
});

test('after a milestone key, "now" in the document\'s zone, else the default zone, else UTC', () => {
  const saved = clock.now;
  clock.now = () => new Date('2024-08-20T12:02:30Z');
  try {
    // 12:02 UTC is 14:02 in Berlin (CEST, +02:00) and 08:02 in New York (EDT, -04:00).
    const berlin = at(doc('timezone: Europe/Berlin', 'started: '), 2, 9);
    assert.deepEqual(berlin.map((i) => [i.label, i.detail]), [['2024-08-20 14:02', 'now, Europe/Berlin']]);
    const fallback = at(doc('detected: '), 1, 10, settingsFrom({ defaultTimezone: 'America/New_York' }));
    assert.deepEqual(fallback.map((i) => i.label), ['2024-08-20 08:02']);
    assert.deepEqual(at(doc('resolved: '), 1, 10).map((i) => [i.label, i.detail]), [['2024-08-20 12:02', 'now, UTC']]);
    assert.deepEqual(at(doc('timezone: "+05:30"', 'mitigated: '), 2, 11).map((i) => i.label), ['2024-08-20 17:32']);
  } finally {
    clock.now = saved;
  }
});

test('no frontmatter completion outside the frontmatter or after a value that takes free text', () => {
  assert.deepEqual(at(doc('title: '), 1, 7), []);
  assert.deepEqual(at(doc('title: x'), 5, 0), []);
});

test('hover on a key shows its description; on an unknown key says so; elsewhere nothing', () => {
  const a = analyze(doc('severity: SEV2', 'colour: red'), { force: true });
  const h = hover(a, { line: 1, character: 3 });
  assert.ok(h);
  assert.match(h.markdown, /^\*\*severity\*\* — How bad the incident was/);
  assert.match(h.markdown, /One of: `SEV1`, `SEV2`/);
  assert.deepEqual(h.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  assert.match(hover(a, { line: 2, character: 1 })!.markdown, /not a post-mortem frontmatter key/);
  assert.equal(hover(a, { line: 1, character: 12 }), undefined, 'on the value');
  assert.equal(hover(a, { line: 6, character: 1 }), undefined, 'in the body');
});
