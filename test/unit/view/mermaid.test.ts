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
      '    title DB outage#58; primary lost#59; #35;2 (SEV1, resolved) - times in UTC',
      '    section Wed 1 May 2024',
      '        10#58;00 : Impact started - Primary fails (@ana)',
      '        : Replica promoted#58; manual',
      '        10#58;07 : Alert #35;42 fires#59; paged',
      '    section Without a time',
      '        No time : later - Status page updated',
      '',
    ].join('\n'),
  );
});

test('toMermaid writes times in the zone asked for', () => {
  const view = viewOf([entry(1, '2024-05-01T22:30:00Z', 'late')], { timezone: 'Asia/Tokyo' });
  // Tokyo is UTC+9: 07:30 on 2 May.
  assert.match(toMermaid(view), /section Thu 2 May 2024\n {8}07#58;30 : late\n/);
  assert.match(toMermaid(view, { zone: 'utc' }), /section Wed 1 May 2024\n {8}22#58;30 : late\n/);
  assert.match(toMermaid(view, { zone: 'local', localZone: 'America/New_York' }), /times in America\/New_York\n    section Wed 1 May 2024\n {8}18#58;30 : late\n/);
});

test('mermaidText escapes everything but letters, digits, spaces and harmless punctuation', () => {
  assert.equal(mermaidText('a#b:c;d'), 'a#35;b#58;c#59;d');
  assert.equal(mermaidText('%%{init: {"theme":"dark"}}%%'), '#37;#37;#123;init#58; #123;#34;theme#34;#58;#34;dark#34;#125;#125;#37;#37;');
  assert.equal(mermaidText('<b>x</b> & `y`'), '#60;b#62;x#60;/b#62; #38; #96;y#96;');
  assert.equal(mermaidText('line one\n    section Evil\r\nend'), 'line one section Evil end');
  assert.equal(mermaidText('Café déjà vu 事故'), 'Café déjà vu 事故', 'letters of any script pass through');
  assert.equal(mermaidText('x'.repeat(300)), 'x'.repeat(199) + '#8230;');
});

test('hostile text cannot add a statement, a directive or markup to the diagram', () => {
  const corpus = JSON.parse(readFileSync(join(__dirname, '..', '..', 'webview', 'fixtures', 'xss-corpus.json'), 'utf8')) as { payloads: string[]; handles: string[] };
  const hostile = [...corpus.payloads, 'ok\n    section Evil', '%%{init: {"securityLevel": "loose"}}%%', 'click x call alert(1)'];
  const view = viewOf(
    hostile.map((p, i) => entry(i, i % 4 === 3 ? null : new Date(Date.UTC(2024, 4, 1, 10, i)).toISOString(), p, { raw: p, people: corpus.handles })),
    { title: hostile.join(' '), severity: hostile[0]!, status: hostile[1]! },
  );
  const lines = toMermaid(view).trimEnd().split('\n');
  // Entities are the only place '#' and ';' appear; ':' only as the separator of a period and its events.
  const SAFE = /^[\p{L}\p{N}\p{M} .,'()\-_/@!?+E]*$/u;
  for (const line of lines.slice(1)) {
    const plain = line.replace(/#\d+;/g, 'E');
    const m = /^ {4}(?:title|section) (.*)$/.exec(plain) ?? /^ {8}(?:(.*?) )?: (.*)$/.exec(plain);
    assert.ok(m, `an allowed statement: ${line}`);
    for (const part of m.slice(1)) if (part !== undefined) assert.match(part, SAFE, line);
  }
  const sections = lines.filter((l) => l.startsWith('    section '));
  assert.deepEqual(sections, ['    section Wed 1 May 2024', '    section Without a time']);
});
