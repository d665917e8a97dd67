import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, settingsFrom } from '../../../server/src/service.js';
import { fullPostMortem } from '../../helpers/docs.js';

/** A post-mortem whose frontmatter holds the given lines (frontmatter line n is document line n). */
const withFrontmatter = (...lines: string[]) => ['---', ...lines, '---', fullPostMortem()].join('\n');
const fm = (text: string, settings = settingsFrom({})) =>
  analyze(text, { force: true, settings }).findings.filter((f) => f.code.startsWith('frontmatter.'));
const at = (f: { code: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.code}/${f.severity}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

test('done when: SEV9, status done and Mars/Olympus_Mons give two schema errors and a timezone error, each on its value', () => {
  const text = withFrontmatter('title: Quota outage', 'severity: SEV9', 'status: done', 'timezone: Mars/Olympus_Mons');
  // Values start after "severity: " (10), "status: " (8), "timezone: " (10).
  assert.deepEqual(fm(text).map(at), [
    'frontmatter.schema/error@2:10-2:14',
    'frontmatter.schema/error@3:8-3:12',
    'frontmatter.timezone/error@4:10-4:27',
  ]);
  const [severity, status] = fm(text);
  assert.match(severity!.message, /"SEV9" is not a valid severity: use SEV1, SEV2, SEV3, SEV4, SEV5\./);
  assert.match(status!.message, /"done" is not a valid status: use draft, in-review, final\./);
});

test('a complete, valid frontmatter has no finding', () => {
  const text = withFrontmatter(
    'title: Checkout failures',
    'id: 14',
    'status: in-review',
    'severity: SEV2',
    'priority: P1',
    'authors: [Ana Lima, "@bo"]',
    'owners: "@checkout"',
    'timezone: Europe/Berlin',
    'started: 2024-08-20 14:02',
    'detected: 2024-08-20T14:09:00+02:00',
    'acknowledged: 2024-08-20 14:12 UTC',
    'mitigated: 2024-08-20T12:21Z',
    'resolved: 2024-08-20 15:40:30',
    'services: [checkout-api]',
    'impact: 31% of checkouts failed',
    'tags: [database]',
    'related: PM-2024-009',
    'postmortem: true',
    'type: postmortem',
  );
  assert.deepEqual(fm(text), []);
});

test('wrong types are errors on the value; items of a list on the item itself', () => {
  const text = withFrontmatter('title: 5', 'authors: [Ana, 3]', 'postmortem: yes', 'tags: {a: 1}');
  const found = fm(text);
  assert.deepEqual(found.map(at), [
    'frontmatter.schema/error@1:7-1:8',
    'frontmatter.schema/error@2:15-2:16',
    'frontmatter.schema/error@3:12-3:15',
    'frontmatter.schema/error@4:6-4:12',
  ]);
  assert.match(found[0]!.message, /"title" must be text, not a number/);
  assert.match(found[1]!.message, /"authors\[1\]" must be text, not a number/);
  assert.match(found[2]!.message, /"postmortem" must be true or false, not text/);
});

test('a milestone must be a real date and time', () => {
  const found = fm(withFrontmatter('started: 2024-13-01 10:00', 'resolved: yesterday', 'mitigated: 2024-08-20'));
  assert.deepEqual(found.map((f) => f.range.start.line), [1, 2, 3]);
  assert.ok(found.every((f) => /must be a date and time such as 2024-08-20 14:02/.test(f.message)));
});

test('an empty value is reported on its key', () => {
  const [f] = fm(withFrontmatter('severity:'));
  assert.equal(at(f!), 'frontmatter.schema/error@1:0-1:8');
  assert.match(f!.message, /not empty/);
});

test('unknown keys are warnings on the key, with "Did you mean" for a near miss', () => {
  const found = fm(withFrontmatter('sevrity: SEV1', 'colour: blue', 'postmortem: true'));
  assert.deepEqual(found.map(at), ['frontmatter.schema/warning@1:0-1:7', 'frontmatter.schema/warning@2:0-2:6']);
  assert.match(found[0]!.message, /"sevrity" is not a post-mortem frontmatter key\. Did you mean "severity"\?/);
  assert.match(found[1]!.message, /Known keys: title, id, status, severity/);
});

test('P1–P5 are not severities: the message points to priority', () => {
  const [f] = fm(withFrontmatter('severity: P2'));
  assert.equal(f!.severity, 'error');
  assert.match(f!.message, /"P2" is a priority, not a severity: .*`priority: P2`/);
});

test('a value wrong only in case gets "Did you mean"; a value near several gets none', () => {
  assert.match(fm(withFrontmatter('status: Final', 'postmortem: true'))[0]!.message, /Did you mean "final"\?/);
  assert.doesNotMatch(fm(withFrontmatter('severity: SEV9'))[0]!.message, /Did you mean/);
});

test('frontmatter that is not a mapping is one schema error', () => {
  const found = fm(withFrontmatter('- just', '- a list'));
  assert.deepEqual(found.map((f) => f.code), ['frontmatter.schema']);
  assert.match(found[0]!.message, /key: value/);
});

test('no schema findings when the YAML itself is broken (frontmatter.yaml says so)', () => {
  assert.deepEqual(fm(withFrontmatter('title: [unclosed', 'severity: SEV9')).map((f) => f.code), ['frontmatter.yaml']);
});

test('the user setting for frontmatter.schema overrides both severities', () => {
  const settings = settingsFrom({ rules: { 'frontmatter.schema': 'hint' } });
  const found = fm(withFrontmatter('severity: SEV9', 'colour: blue'), settings);
  assert.deepEqual(found.map((f) => f.severity), ['hint', 'hint']);
});

test('a site generator\'s frontmatter (a blog, a wiki, GitBook) is not checked against the post-mortem schema', () => {
  assert.deepEqual(fm(withFrontmatter('layout: post', 'title: "Post-mortem: outage"', 'nav_order: 4', 'parent: Postmortems', 'date: 2023-01-01 10:00:00 +0000')), []);
  assert.deepEqual(fm(withFrontmatter('description: >-', '  An RCA of the upgrade.')), []);
  // One key only post-mortems have makes it ours: then every key is checked.
  assert.deepEqual(fm(withFrontmatter('nav_order: 4', 'severity: SEV2')).map((f) => f.message.slice(0, 30)), ['"nav_order" is not a post-mort']);
});

test('a status page\'s frontmatter that shares our key names with values of its own kind is not checked (cState)', () => {
  const cState = ['title: Azure VMs outage', 'date: 2024-09-09T15:00:00-00:00', 'resolved: true', 'resolvedWhen: 2024-09-13T21:30:00-00:00', 'severity: disrupted', 'affected:', '  - ci.jenkins.io', 'section: issue'];
  assert.deepEqual(fm(withFrontmatter(...cState)), []);
  // One of our keys with a value we accept makes it ours again: then the others are checked.
  const ours = fm(withFrontmatter(...cState, 'started: 2024-09-09 15:00'));
  assert.ok(ours.some((f) => f.message.startsWith('"resolved" must be text')), ours.map((f) => f.message).join('\n'));
  assert.ok(ours.some((f) => f.message.includes('"affected" is not a post-mortem frontmatter key')));
});

test('own keys whose values the schema rejects are ours written wrong, unless two or more keys of another schema sit beside them', () => {
  assert.deepEqual(fm(withFrontmatter('severity: SEV9', 'timezone: UTC')).map((f) => f.code), ['frontmatter.schema']);
  assert.deepEqual(fm(withFrontmatter('severity: P1', 'colour: blue')).length, 2);
  assert.deepEqual(fm(withFrontmatter('severity: disrupted', 'affected: [api]', 'section: issue')), []);
});
