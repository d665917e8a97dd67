import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToInstant, offsetAt, parseZoneName, zoneId, isoInstant, type Zone } from '../../../server/src/time/zones.js';
import { lookupZoneWord } from '../../../server/src/time/abbreviations.js';
import { zonesIn, bestZone } from '../../../server/src/time/zone-token.js';

const NY: Zone = { kind: 'iana', name: 'America/New_York', label: 'America/New_York' };
const BERLIN: Zone = { kind: 'iana', name: 'Europe/Berlin', label: 'Europe/Berlin' };
const wall = (s: string) => Date.parse(s + 'Z');

test('offsets of an IANA zone follow its DST rules, whatever zone the machine is in', () => {
  // New York: EST (−5) until 2024-03-10 07:00 UTC, then EDT (−4) until 2024-11-03 06:00 UTC.
  assert.equal(offsetAt(NY, Date.parse('2024-03-10T06:59:00Z')), -300);
  assert.equal(offsetAt(NY, Date.parse('2024-03-10T07:00:00Z')), -240);
  assert.equal(offsetAt(NY, Date.parse('2024-11-03T05:59:00Z')), -240);
  assert.equal(offsetAt(NY, Date.parse('2024-11-03T06:00:00Z')), -300);
  assert.equal(offsetAt(BERLIN, Date.parse('2024-08-20T12:00:00Z')), 120);
  assert.equal(offsetAt(BERLIN, Date.parse('2024-01-20T12:00:00Z')), 60);
});

test('a local time inside the spring-forward gap does not exist (2024-03-10 02:30 in New York)', () => {
  const r = localToInstant(NY, wall('2024-03-10T02:30:00'));
  assert.equal(r.kind, 'gap');
  assert.deepEqual(r.kind === 'gap' && [r.offsetBefore, r.offsetAfter], [-300, -240]);
  // Just outside the gap both sides exist, once.
  const before = localToInstant(NY, wall('2024-03-10T01:59:00'));
  const after = localToInstant(NY, wall('2024-03-10T03:00:00'));
  assert.equal(before.kind === 'ok' && isoInstant(before.utc), '2024-03-10T06:59:00Z');
  assert.equal(after.kind === 'ok' && isoInstant(after.utc), '2024-03-10T07:00:00Z');
});

test('a local time inside the fall-back overlap happens twice (2024-11-03 01:30 in New York)', () => {
  const r = localToInstant(NY, wall('2024-11-03T01:30:00'));
  assert.equal(r.kind, 'overlap');
  if (r.kind !== 'overlap') return;
  assert.equal(isoInstant(r.earlier.utc), '2024-11-03T05:30:00Z'); // 01:30 EDT (−4)
  assert.equal(isoInstant(r.later.utc), '2024-11-03T06:30:00Z'); // 01:30 EST (−5)
  assert.deepEqual([r.earlier.offset, r.later.offset], [-240, -300]);
  const plain = localToInstant(NY, wall('2024-11-03T02:30:00'));
  assert.equal(plain.kind === 'ok' && isoInstant(plain.utc), '2024-11-03T07:30:00Z');
});

test('fixed offsets never have gaps or overlaps', () => {
  const r = localToInstant({ kind: 'fixed', offsetMinutes: 330, label: '+05:30' }, wall('2024-03-10T02:30:00'));
  assert.equal(r.kind === 'ok' && isoInstant(r.utc), '2024-03-09T21:00:00Z');
});

test('zone names from frontmatter or settings: IANA (any case), UTC, offsets; anything else is unknown', () => {
  assert.equal(zoneId(parseZoneName('Europe/Berlin')!), 'Europe/Berlin');
  assert.equal(zoneId(parseZoneName('europe/berlin')!), 'Europe/Berlin');
  assert.equal(zoneId(parseZoneName('UTC')!), 'UTC');
  assert.equal(zoneId(parseZoneName('+02:00')!), '+02:00');
  assert.equal(zoneId(parseZoneName('UTC-5')!), '-05:00');
  assert.equal(parseZoneName('Mars/Olympus'), undefined);
  assert.equal(parseZoneName('+25:00'), undefined);
  assert.equal(parseZoneName(''), undefined);
});

test('abbreviations: unambiguous ones are offsets, pairs and names follow DST, ambiguous ones say so', () => {
  const offset = (w: string) => {
    const r = lookupZoneWord(w);
    return r?.kind === 'zone' && r.zone.kind === 'fixed' ? r.zone.offsetMinutes : undefined;
  };
  const iana = (w: string) => {
    const r = lookupZoneWord(w);
    return r?.kind === 'zone' && r.zone.kind === 'iana' ? r.zone.name : undefined;
  };
  assert.equal(offset('PST'), -480);
  assert.equal(offset('PDT'), -420);
  assert.equal(offset('CEST'), 120);
  assert.equal(offset('UTC'), 0);
  assert.equal(iana('PST/PDT'), 'America/Los_Angeles');
  assert.equal(iana('PT'), 'America/Los_Angeles');
  assert.equal(iana('Pacific'), 'America/Los_Angeles');
  assert.equal(iana('Eastern Time'), 'America/New_York');
  assert.equal(iana('CET/CEST'), 'Europe/Berlin');
  for (const a of ['IST', 'CST', 'BST', 'AST']) assert.equal(lookupZoneWord(a)?.kind, 'ambiguous', a);
  assert.equal(lookupZoneWord('est'), undefined, 'lower-case words in prose are not zones');
  assert.equal(lookupZoneWord('pacific'), undefined);
});

test('statements: the most specific zone mentioned wins', () => {
  const best = (text: string) => {
    const b = bestZone(zonesIn(text));
    return b && (b.lookup.kind === 'zone' ? zoneId(b.lookup.zone) : `ambiguous ${b.lookup.label}`);
  };
  assert.equal(best('All times are Europe/Berlin (CEST, UTC+02:00).'), 'Europe/Berlin');
  assert.equal(best('All times in UTC.'), 'UTC');
  assert.equal(best('Timeline (all times PST/PDT)'), 'America/Los_Angeles');
  assert.equal(best('Times are in IST'), 'ambiguous IST');
  assert.equal(best('Times are approximate'), undefined);
});

test('the machine zone does not change any instant (run under TZ=Asia/Kolkata and TZ=America/Los_Angeles)', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = [
    "const { localToInstant, isoInstant } = require('./server/src/time/zones.ts');",
    "const ny = { kind: 'iana', name: 'America/New_York', label: '' };",
    "const o = localToInstant(ny, Date.parse('2024-11-03T01:30:00Z'));",
    "const g = localToInstant(ny, Date.parse('2024-03-10T02:30:00Z'));",
    "process.stdout.write([o.kind, isoInstant(o.earlier.utc), isoInstant(o.later.utc), g.kind].join(' '));",
  ].join('\n');
  for (const tz of ['Asia/Kolkata', 'America/Los_Angeles']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
    assert.equal(r.stdout, 'overlap 2024-11-03T05:30:00Z 2024-11-03T06:30:00Z gap', `${tz}: ${r.stderr}`);
  }
});

test('a bare offset counts only standing alone, not inside a name such as a node "pool1-...-13"', () => {
  assert.deepEqual(zonesIn('By this time, node pool1-19522833-13 was stuck').map((t) => t.raw), []);
  assert.deepEqual(zonesIn('All times are (+02:00)').map((t) => t.raw), ['+02:00']);
  assert.deepEqual(zonesIn('All times are -05:00').map((t) => t.raw), ['-05:00']);
});

test('a city the tz database names a zone after: "Denver time" anywhere, "16:37 Denver -" after a time; not a given name, nor a city in a sentence', async () => {
  const { zoneAfterTime } = await import('../../../server/src/time/zone-token.js');
  const zoneOf = (text: string) => {
    const t = zoneAfterTime(text, text.indexOf(' '));
    return t?.lookup.kind === 'zone' && t.lookup.zone.kind === 'iana' ? t.lookup.zone.name : undefined;
  };
  assert.equal(zoneOf('16:37 Denver - Mark updated plugins'), 'America/Denver');
  assert.equal(zoneOf('11am Berlin time: we restarted'), 'Europe/Berlin');
  assert.equal(zoneOf('09:00 (Tokyo) paged'), 'Asia/Tokyo');
  assert.equal(zoneOf('16:37 Denver engineers joined the call'), undefined);
  assert.equal(zoneOf('14:02 Sofia - restarted the primary'), undefined);
  const r = lookupZoneWord('New York time');
  assert.ok(r?.kind === 'zone' && r.zone.kind === 'iana' && r.zone.name === 'America/New_York');
});
