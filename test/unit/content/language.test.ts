import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service.js';
import { countsAsEnglish } from '../../../server/src/content/language.js';
import { md } from '../../helpers/docs.js';

// Written for this test: a post-mortem in Norwegian, with its sections under Norwegian names.
const NORWEGIAN = md(
  '# Postmortem: søknader kunne ikke sendes inn',
  '',
  '**Sammendrag**',
  'Det var ikke mulig å sende inn søknader i fire timer fordi tjenesten for journalføring ikke svarte. Vi har rettet feilen og sendt søknadene på nytt.',
  '',
  '**Rotårsaker**',
  'En endring i nettverksoppsettet gjorde at kallene mot arkivet fikk tidsavbrudd, og det ble ikke oppdaget før brukerne meldte fra.',
  '',
  '## Tidslinje',
  '',
  '- 24.05.2023 kl 01:10 : tjenesten varslet om feil',
  '- 24.05.2023 kl 00:52 : første tidsavbrudd',
  '- 24.05.2023 ca kl 07:25 : teamet oppdaget varslene',
  '',
  '## Aksjonspunkter',
  '',
  '- Bedre overvåking av arkivet',
);

test('a post-mortem in another language gets no finding that reads English words; the timeline is still checked', () => {
  const codes = analyze(NORWEGIAN, { force: true }).findings.map((f) => f.code);
  for (const prefix of ['section.missing', 'section.order', 'summary.', 'language.', 'action.', 'successes.']) {
    assert.ok(!codes.some((c) => c.startsWith(prefix)), `${prefix}: ${codes.join(' ')}`);
  }
  assert.ok(codes.includes('timeline.order'), `01:10 before 00:52 is still out of order: ${codes.join(' ')}`);
});

test('the same post-mortem in English gets the findings its words call for', () => {
  const english = md(
    '# Postmortem: applications could not be submitted',
    '',
    '## Summary',
    '',
    'It was not possible to submit applications because the archive service did not answer. We have fixed the fault and sent the applications again.',
    '',
    '## Timeline',
    '',
    '- 24.05.2023 01:10 : the service warned about errors',
    '- 24.05.2023 00:52 : first timeout',
    '- 24.05.2023 07:25 : the team saw the alerts',
    '',
    '## Action items',
    '',
    '- Better monitoring of the archive',
  );
  const codes = analyze(english, { force: true }).findings.map((f) => f.code);
  assert.ok(codes.includes('section.missing') && codes.includes('summary.incomplete') && codes.includes('action.owner-missing') && codes.includes('timeline.order'), codes.join(' '));
});

test('terse English, short notes and prose that quotes another language are English', () => {
  assert.equal(countsAsEnglish(['- 14:02 deploy started', '- 14:05 alerts fire on p99 latency', '- 14:20 rollback done, errors gone', '- 15:00 root cause: bad config in the cache layer of the api']), true);
  assert.equal(countsAsEnglish(['Die Datenbank ist nicht erreichbar.']), true, 'under 40 words: too little to tell');
  assert.equal(
    countsAsEnglish([
      'The German error page said "Die Seite ist nicht erreichbar und wir arbeiten daran", which users reported to us in the forum.',
      'We found that the cache of the gateway was full and the proxy could not reach the upstream service, so all of the requests failed for an hour until we restarted it.',
    ]),
    true,
  );
  assert.equal(
    countsAsEnglish([
      'Die Datenbank war nicht erreichbar, weil der Speicher voll war. Wir haben das Problem um 14:20 behoben und die Ursache ist eine fehlerhafte Konfiguration, die bei der letzten Änderung nicht geprüft wurde.',
      'Nach der Änderung wurden alle Anfragen abgelehnt und es gab auch keine Warnung.',
    ]),
    false,
  );
});

test('the judgement reads the first 250 words of prose, even inside one long line', () => {
  const english = Array.from({ length: 25 }, () => 'the service was down for an hour and we rolled it back').join(' ').split(' ').slice(0, 250).join(' ');
  const norwegian = Array.from({ length: 60 }, () => 'det var ikke mulig og vi har').join(' ');
  assert.equal(countsAsEnglish([`${english} ${norwegian}`]), true, 'the first 250 words are English');
  assert.equal(countsAsEnglish([`${norwegian} ${english}`]), false);
  assert.equal(countsAsEnglish([english.split(' ').slice(0, 30).join(' ')]), true, 'fewer than 40 words: taken for English');
});
