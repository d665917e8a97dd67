import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mermaidText, toMermaid } from '../../../server/src/view/mermaid.js';
import { entry, viewOf } from './views.js';

test('toMermaid writes a timeline: title with severity and status, a section per day, a period per time', () => {
  const view = viewOf(
    [
      entry(1, '2024-05-01T10:00:00Z', 'Primary fails', { people: ['ana'], milestone: 'started' }),
      entry(2, '2024-05-01T10:00:00Z', 'Replica promoted: manual'),
      entry(3, '2024-05-01T10:07:00Z', 'Alert #42 fires; paged'),
      entry(4, null, 'Status page updated', { raw: 'later' }),
    ],
    { title: 'DB outage: primary lost; #2', severity: 'SEV1', status: 'resolved' },
  );
  assert.equal(
    toMermaid(view),
    [
      'timeline',
      '    title DB outage∶ primary lost； ＃2 (SEV1, resolved) - times in UTC',
      '    section Wed 1 May 2024',
      '        10∶00 : Impact started - Primary fails (@ana)',
      '        : Replica promoted∶ manual',
      '        10∶07 : Alert ＃42 fires； paged',
      '    section Without a time',
      '        No time : later - Status page updated',
      '',
    ].join('\n'),
  );
});

test('toMermaid writes times in the zone asked for', () => {
  const view = viewOf([entry(1, '2024-05-01T22:30:00Z', 'late')], { timezone: 'Asia/Tokyo' });
  // Tokyo is UTC+9: 07:30 on 2 May.
  assert.match(toMermaid(view), /section Thu 2 May 2024\n {8}07∶30 : late\n/);
  assert.match(toMermaid(view, { zone: 'utc' }), /section Wed 1 May 2024\n {8}22∶30 : late\n/);
  assert.match(toMermaid(view, { zone: 'local', localZone: 'America/New_York' }), /times in America\/New_York\n    section Wed 1 May 2024\n {8}18∶30 : late\n/);
});

test('mermaidText writes look-alikes for what Mermaid or HTML would read, never entity codes', () => {
  assert.equal(mermaidText('a#b:c;d'), 'a＃b∶c；d');
  assert.equal(mermaidText('%%{init: {"theme":"dark"}}%%'), '％％｛init∶ ｛＂theme＂∶＂dark＂｝｝％％');
  assert.equal(mermaidText('<b>x</b> & `y`'), '‹b›x‹/b› ＆ ˋyˋ');
  assert.equal(mermaidText('right\u202eleft\u0007'), 'rightleft', 'control and bidi characters go');
  assert.doesNotMatch(mermaidText('22:10 #1; 50% <x> & {y}'), /[:;#%<>&{}]|#\d+;/);
  assert.equal(mermaidText('line one\n    section Evil\r\nend'), 'line one section Evil end');
  assert.equal(mermaidText('Café déjà vu 事故'), 'Café déjà vu 事故', 'letters of any script pass through');
  assert.equal(mermaidText('x'.repeat(300)), 'x'.repeat(199) + '…');
});

test('hostile text cannot add a statement, a directive or markup to the diagram', () => {
  const corpus = JSON.parse(readFileSync(join(__dirname, '..', '..', 'webview', 'fixtures', 'xss-corpus.json'), 'utf8')) as { payloads: string[]; handles: string[] };
  const hostile = [...corpus.payloads, 'ok\n    section Evil', '%%{init: {"securityLevel": "loose"}}%%', 'click x call alert(1)'];
  const view = viewOf(
    hostile.map((p, i) => entry(i, i % 4 === 3 ? null : new Date(Date.UTC(2024, 4, 1, 10, i)).toISOString(), p, { raw: p, people: corpus.handles })),
    { title: hostile.join(' '), severity: hostile[0]!, status: hostile[1]! },
  );
  const lines = toMermaid(view).trimEnd().split('\n');
  // No character Mermaid or HTML reads in a label (look-alikes instead); ':' only as the separator of a period and its events.
  const MEANINGFUL = /[:;#%<>&{}[\]"`\\|*=\p{Cc}\p{Cf}]/u;
  for (const line of lines.slice(1)) {
    const m = /^ {4}(?:title|section) (.*)$/.exec(line) ?? /^ {8}(?:(.*?) )?: (.*)$/.exec(line);
    assert.ok(m, `an allowed statement: ${line}`);
    for (const part of m.slice(1)) if (part !== undefined) assert.doesNotMatch(part, MEANINGFUL, line);
  }
  const sections = lines.filter((l) => l.startsWith('    section '));
  assert.deepEqual(sections, ['    section Wed 1 May 2024', '    section Without a time']);
});

test('an entry whose text is only control characters gets "(no text)", not an empty period (found by the properties, seed -677367456)', () => {
  const view = viewOf([entry(1, '2024-05-01T10:00:00Z', '\u0000\u200b'), entry(2, null, '\u0007', { raw: '' })]);
  const lines = toMermaid(view).trimEnd().split('\n');
  assert.equal(lines[3], '        10∶00 : (no text)');
  assert.equal(lines[5], '        No time : (no text)');
});
