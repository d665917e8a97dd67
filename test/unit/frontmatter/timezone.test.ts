import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions } from '../../../server/src/service.js';
import { isTimeZone, suggestTimeZones } from '../../../server/src/frontmatter/timezones.js';
import { fullPostMortem } from '../../helpers/docs.js';

const withZone = (zone: string) => ['---', `timezone: ${zone}`, '---', fullPostMortem()].join('\n');
const zoneFindings = (zone: string) => analyze(withZone(zone), { force: true }).findings.filter((f) => f.code === 'frontmatter.timezone');

test('IANA zones, UTC and fixed offsets are time zones', () => {
  for (const z of ['Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+2', '+02:00', '-0530', 'UTC+2', 'EST']) {
    assert.ok(isTimeZone(z), z);
    assert.deepEqual(zoneFindings(z), [], z);
  }
});

test('made-up zones and abbreviations are not, even those ICU accepts (BST is Dhaka to ICU, PST a Java id)', () => {
  for (const z of ['Mars/Olympus_Mons', 'CEST', 'BST', 'PST', 'IST', 'Berlin', 'Europe/Berln', '+25:00']) assert.ok(!isTimeZone(z), z);
});

test('frontmatter.timezone is an error on the value, with close zones suggested', () => {
  const [f] = zoneFindings('Europe/Berln');
  assert.equal(f!.severity, 'error');
  assert.deepEqual(f!.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 22 } });
  assert.match(f!.message, /"Europe\/Berln" is not an IANA time zone.*Did you mean "Europe\/Berlin"\?/);
});

test('suggestions: an abbreviation names its usual zones, a city its zone, a typo the zone it misses', () => {
  assert.deepEqual(suggestTimeZones('CEST'), ['Europe/Berlin', 'Europe/Paris', 'Europe/Amsterdam']);
  assert.deepEqual(suggestTimeZones('BST'), ['Europe/London']);
  assert.deepEqual(suggestTimeZones('Berlin'), ['Europe/Berlin']);
  assert.deepEqual(suggestTimeZones('america/new york'), ['America/New_York']);
  assert.deepEqual(suggestTimeZones('Eurpoe/Paris'), ['Europe/Paris']);
  assert.deepEqual(suggestTimeZones('Mars/Olympus_Mons'), []);
});

test('the "Did you mean" quick fix replaces the value with the zone, and the finding goes away', () => {
  const text = withZone('"Europe/Berln"');
  const a = analyze(text, { force: true });
  const f = a.findings.find((x) => x.code === 'frontmatter.timezone')!;
  const fixes = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']);
  const fix = fixes.find((x) => x.title === 'Change the time zone to Europe/Berlin');
  assert.ok(fix, fixes.map((x) => x.title).join(', '));
  assert.equal(fix.safe, false, 'a choice, never applied by fix-all');
  const after = applyEdits(text, fix.edits, a);
  assert.ok(after.startsWith('---\ntimezone: Europe/Berlin\n---\n'), after.slice(0, 40));
  assert.deepEqual(analyze(after, { force: true }).findings.filter((x) => x.code.startsWith('frontmatter.')), []);
});

test('several suggestions give several fixes, none preferred; no suggestion gives no zone fix', () => {
  const a = analyze(withZone('CEST'), { force: true });
  const f = a.findings.find((x) => x.code === 'frontmatter.timezone')!;
  const zoneFixes = codeActions(a, [{ code: f.code, range: f.range, data: f.data }]).filter((x) => x.title.startsWith('Change the time zone'));
  assert.deepEqual(zoneFixes.map((x) => x.title), ['Change the time zone to Europe/Berlin', 'Change the time zone to Europe/Paris', 'Change the time zone to Europe/Amsterdam']);
  assert.ok(zoneFixes.every((x) => !x.isPreferred));
  const mars = analyze(withZone('Mars/Olympus_Mons'), { force: true });
  const m = mars.findings.find((x) => x.code === 'frontmatter.timezone')!;
  assert.deepEqual(codeActions(mars, [{ code: m.code, range: m.range, data: m.data }]).filter((x) => x.title.startsWith('Change')), []);
});

test('a timezone that is not text is frontmatter.schema\'s, not frontmatter.timezone\'s', () => {
  const codes = analyze(withZone('5'), { force: true }).findings.filter((f) => f.code.startsWith('frontmatter.')).map((f) => f.code);
  assert.deepEqual(codes, ['frontmatter.schema']);
});
