import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service.js';
import { blameIn } from '../../../server/src/content/blame.js';
import { fullPostMortem } from '../../helpers/docs.js';

const ROOT_CAUSE = 'A connection pool limit was lowered by a configuration change that had no canary.';
const withRootCause = (...lines: string[]) => fullPostMortem().replace(ROOT_CAUSE, lines.join('\n'));
const phrases = (line: string, options = {}) => blameIn(line, options).map((m) => m.phrase);

test('done when: "because Dave carelessly lowered the quota; this was human error" gets language.blame on its line', () => {
  const sentence = 'The outage happened because Dave carelessly lowered the quota; this was human error';
  const text = withRootCause(sentence);
  const line = text.split('\n').indexOf(sentence);
  const found = analyze(text, { force: true }).findings.filter((f) => f.code === 'language.blame');
  // One finding per line, on its first blaming phrase.
  assert.deepEqual(found.map((f) => [f.severity, f.range]), [['information', { start: { line, character: 33 }, end: { line, character: 43 } }]]);
  assert.equal(found[0]!.message, '"carelessly" blames a person. Say what in the system allowed it.');
});

test('the words of the issue: human error, careless, should have known, fault of, negligent, incompetent, forgot to, failed to notice', () => {
  assert.deepEqual(phrases('It was human error.'), ['human error']);
  assert.deepEqual(phrases('A careless change.'), ['careless']);
  assert.deepEqual(phrases('The on-call engineer should have known the limit.'), ['should have known']);
  assert.deepEqual(phrases('It was the fault of the on-call engineer.'), ['fault of the on-call engineer']);
  // One finding per line: the first phrase.
  assert.deepEqual(phrases('That was negligent and incompetent.'), ['negligent']);
  assert.deepEqual(phrases('He forgot to renew the certificate.'), ['He forgot to']);
  assert.deepEqual(phrases('Kim failed to notice the alert.'), ['failed to notice']);
});

test('a person or @handle as the cause', () => {
  assert.deepEqual(phrases('The outage was caused by @dave.'), ['caused by @dave']);
  assert.deepEqual(phrases('It happened because @dave pushed on Friday.'), ['because @dave']);
  assert.deepEqual(phrases("It was Dave's mistake."), ["Dave's mistake"]);
  assert.deepEqual(phrases('A mistake by Dave took the site down.'), ['mistake by Dave']);
  assert.deepEqual(phrases('@aron looked over it without being thorough.'), ['without being thorough']);
});

test('the writer blaming themselves is blame: "I\'m an idiot", "my fault", "I messed up"; "we" owning a mistake and "not my fault" are not', () => {
  assert.deepEqual(phrases("Yes, I'm an idiot. Yes, this was avoidable."), ["I'm an idiot"]);
  assert.deepEqual(phrases('This was entirely my fault.'), ['entirely my fault']);
  assert.deepEqual(phrases('I messed up the config.'), ['I messed up']);
  assert.deepEqual(phrases('I made a careless mistake in the migration.'), ['I made a careless mistake']);
  for (const s of ['We made a mistake.', "It's not my fault alone.", 'A foolproof script.']) assert.deepEqual(phrases(s), [], s);
  // "I" is a person before "forgot to" / "neglected to", as "he" is; "the fault lies with me" names the writer.
  assert.deepEqual(phrases('And I neglected to tweet out that I would be gone.'), ['neglected to']);
  assert.deepEqual(phrases('It was MongoDB again, even though the fault lies with me.'), ['fault lies with me']);
  assert.deepEqual(phrases('The blame rests squarely on the operator.'), ['blame rests squarely on the operator']);
  for (const s of ['We neglected to tweet.', 'The fault lies with the vendor.', 'The fault lies with us.']) assert.deepEqual(phrases(s), [], s);
});

test('typographic apostrophes read as straight ones: "He didn’t check" is blame, "This wasn’t human error" and "We can’t blame anyone" are not', () => {
  assert.deepEqual(phrases('He didn’t check the config.'), ['He didn’t check'], 'the phrase as written');
  assert.deepEqual(phrases('It’s Dave’s fault.'), ['Dave’s fault']);
  for (const s of ['This wasn’t human error.', 'We can’t blame anyone; the sloppy fix was ours.']) assert.deepEqual(phrases(s), [], s);
});

test('the normal words of incident prose are not blame: failed, crash, hang, kill, execute, fire, abort', () => {
  const prose = [
    'The deploy failed and the pods crash-looped; requests hang until the proxy times out.',
    'We killed the stuck process, executed the runbook, and the alert fired at 14:09.',
    'We aborted the rollout; the job failed to start; the pipeline failed to notice the drift.',
    'We lazy-load the extension; lazy loading hid the error.',
    'A faulty disk; the fault of the load balancer; the node was at fault-tolerance limits.',
  ];
  for (const line of prose) assert.deepEqual(phrases(line), [], line);
});

test('negated and quoted blame is not blame', () => {
  assert.deepEqual(phrases('This was not human error: the console allowed a quota below usage.'), []);
  assert.deepEqual(phrases('Human error is not the root cause.'), []);
  assert.deepEqual(phrases('No one is to blame.'), []);
  assert.deepEqual(phrases('We avoid the words "human error" in reviews.'), []);
});

test('found in lists, tables and quotes anywhere, not in code, links or frontmatter', () => {
  const text = `---\ntitle: human error\n---\n${withRootCause(
    '- The operator was careless.',
    '',
    '| Factor | Note |',
    '| --- | --- |',
    '| Review | negligent review |',
    '',
    '> Dave forgot to page the DBA',
    '',
    '```',
    'human error',
    '```',
    '',
    'See `careless_mode` and [the human error page](https://example.com/human-error).',
  )}`;
  const lines = text.split('\n');
  const found = analyze(text, { force: true }).findings.filter((f) => f.code === 'language.blame');
  assert.deepEqual(found.map((f) => lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character)), ['careless', 'negligent', 'Dave forgot to', 'human error']);
  assert.ok(lines[found[3]!.range.start.line]!.startsWith('See `careless_mode`'), 'the link text is prose; its target and the code are not');
});

test('blameWords add phrases (whole words, any case); blameAllow drops built-in ones', () => {
  assert.deepEqual(phrases('A COWBOY deploy by cowboys', { extra: ['cowboy'] }), ['COWBOY']);
  assert.deepEqual(phrases('He went rogue on prod', { extra: ['went rogue'] }), ['went rogue']);
  assert.deepEqual(phrases('We forgot to renew it; a careless change', { allow: ['forgot to'] }), ['careless']);
  assert.deepEqual(phrases('Use a.b (regex chars) safely', { extra: ['a.b', '('] }), ['a.b']);
});

test('collective and cleared sentences are not blame; one person as the subject of a lapse is', () => {
  assert.deepEqual(phrases('We forgot to renew the certificate.'), []);
  assert.deepEqual(phrases('We cannot blame anyone for the sloppy bug fixes. Our team is solely responsible.'), []);
  assert.deepEqual(phrases('The team assumed user error at the time.'), []);
  // Naming human error to turn from the person to the system is the blameless stance itself.
  assert.deepEqual(phrases('While it can be attributed to human error, it is incorrect to focus on the individual, and instead consider the tooling.'), []);
  assert.deepEqual(phrases('We look at the process rather than the individual who made the human error.'), []);
  assert.deepEqual(phrases('It was human error. We will focus on the tooling.'), ['human error'], 'another sentence clears nothing');
  // "On our part", "our mistake": the team owns it together.
  assert.deepEqual(phrases('This was caused by human error on our part, where we approved the plugin.'), []);
  assert.deepEqual(phrases('It was our own mistake to approve it.'), []);
  assert.deepEqual(phrases("He wasn't fully aware in which terraform workspace he was."), ["He wasn't fully aware"]);
  assert.deepEqual(phrases('The operator did not check the plan.'), ['The operator did not check']);
  assert.deepEqual(phrases('User error was made here.'), ['User error']);
  // A capitalised subject may be a system: only a lapse of mind counts for a name.
  assert.deepEqual(phrases("Travis didn't check the branch."), []);
  assert.deepEqual(phrases("Kim didn't realize the flag was global."), ["Kim didn't realize"]);
});

test('a paragraph that owns the failure together blames no one on any of its lines', () => {
  const text = withRootCause('We cannot blame anyone here:', 'the sloppy bug fixes came from all of us,', 'and our team is solely responsible.');
  assert.deepEqual(analyze(text, { force: true }).findings.filter((f) => f.code === 'language.blame'), []);
});

test('"should have known/realized/noticed" blames a person who is its subject, not "we" nor a thing', () => {
  assert.deepEqual(phrases('Looking back, we should have realized that the design we introduced was flawed.'), []);
  assert.deepEqual(phrases('The alert should have caught it, but its threshold was too high.'), []);
  assert.deepEqual(phrases('Someone should have noticed the disk filling up.'), ['should have noticed']);
  assert.deepEqual(phrases('Dave should have known better.'), ['should have known']);
  assert.deepEqual(phrases('Should have double-checked the region before deleting.'), ['Should have double-checked']);
});

test('one person who erred is blamed: "Dave made a mistake", "she made a careless error", "Kim messed up"; we, a system or a negation are not', () => {
  assert.deepEqual(phrases('Dave made a mistake in the config.'), ['Dave made a mistake']);
  assert.deepEqual(phrases('She made a typing error in the zone file.'), ['She made a typing error']);
  assert.deepEqual(phrases('Then Kim messed up the rollout.'), ['Kim messed up']);
  assert.deepEqual(phrases('We made a mistake in the config.'), []);
  assert.deepEqual(phrases('The deploy made an error in the config.'), []);
  assert.deepEqual(phrases('Nobody thinks Dave made a mistake.'), []);
});
