import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, settingsFrom, type Analysis } from '../../server/src/service.js';
import { extractActionItems } from '../../server/src/content/actions.js';
import { corpusDir, corpusFiles } from '../helpers/corpus.js';

// The content checks over real post-mortems. Every expectation below was read off
// the files by hand; where a count is asserted, the comment says how it was made.

const root = corpusDir();
const files = corpusFiles().filter((f) => !/(^|\/)README\.md$/.test(f));
const analyses = new Map<string, Analysis>(files.map((f) => [f, analyze(readFileSync(join(root, f), 'utf8'), { path: f, force: true })]));
const findingsOf = (code: string) =>
  [...analyses].flatMap(([file, a]) => a.findings.filter((f) => f.code === code).map((f) => ({ file, f, text: a.model.lines.lineText(f.range.start.line) })));

test('language.blame: exactly the two lines that blame someone', () => {
  // dfds PM2022-002 lists "Human error in not knowing…" as a contributing factor;
  // learningequality 002 says "@aronasorman looked over it without being thorough".
  const found = findingsOf('language.blame').map(({ file, f, text }) => `${file}: ${text.slice(f.range.start.character, f.range.end.character)}`);
  assert.deepEqual(found, [
    'dfds/PM2022-002 -  Logs not shipped to CloudWatch.md: Human error',
    'learningequality/002-cloudflare-incomplete-migration.md: without being thorough',
  ]);
});

test('language.blame: the corpus is full of failed, crash, hang, kill, execute, fire, abort and lazy, and none of it is blame', () => {
  const normal = /\b(?:fail(?:ed|s|ing|ure)?|crash\w*|hang\w*|hung|kill\w*|execut\w*|fir(?:e|ed|es|ing)|abort\w*|lazy)\b/i;
  let lines = 0;
  for (const [, a] of analyses) {
    for (let l = 0; l < a.model.lines.lineCount; l++) {
      if (!normal.test(a.model.lines.lineText(l))) continue;
      lines++;
      assert.ok(!a.findings.some((f) => f.code === 'language.blame' && f.range.start.line === l && !/human error|without being thorough/i.test(a.model.lines.lineText(l))), a.model.lines.lineText(l));
    }
  }
  assert.ok(lines > 100, `only ${lines} lines with those words`);
});

test('action items: every top-level bullet of every dfds "## Action Items" section, once', () => {
  // Oracle: the non-empty lines starting with "- " between "## Action Items" and the next "#" or "##" heading.
  for (const file of files.filter((f) => f.startsWith('dfds/PM2'))) {
    const lines = readFileSync(join(root, file), 'utf8').split(/\r?\n/);
    const start = lines.findIndex((l) => /^## Action Items/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
    const bullets = lines.slice(start + 1, end < 0 ? undefined : end).map((l, i) => [l, start + 1 + i] as const).filter(([l]) => /^- \S/.test(l)).map(([, i]) => i);
    assert.deepEqual(extractActionItems(analyses.get(file)!.model).map((i) => i.line), bullets, file);
  }
});

test('action items: PostHog\'s surveys post-mortem has three short-term items with pull requests, and three long-term items owned by @lucasheriques, due from the heading', () => {
  // "Short-term Improvements" and "Long-term Improvements" both hold actions, under a "Remediation"
  // that starts with what was done ("Immediate Actions", the resolution).
  const items = extractActionItems(analyses.get('posthog/2025-10-03-surveys-sdk-bug.md')!.model);
  assert.deepEqual(items.map((i) => [i.line + 1, i.owner, i.due, i.done]), [
    [94, undefined, undefined, false],
    [96, undefined, undefined, false],
    [98, undefined, undefined, false],
    [102, '@lucasheriques', 'Q4 2025', false],
    [104, '@lucasheriques', 'Q4 2025', false],
    [106, '@lucasheriques', 'Q4 2025', false],
  ]);
});

test('action items: "(done)" and a past-tense report are done, so they need no owner', () => {
  const owners = findingsOf('action.owner-missing').map(({ text }) => text);
  assert.ok(!owners.some((t) => t.includes('Implement guards against invalid container runtime selection (done)')));
  assert.ok(!owners.some((t) => t.includes("We've significantly tightened our package release workflows")));
  assert.ok(!owners.some((t) => t.includes('Switched to pnpm 10')));
});

test('action.vague: the one generic improvement in the corpus', () => {
  const vague = [...analyses].flatMap(([file, a]) =>
    a.findings.filter((f) => (f.data as { missing?: string[] } | undefined)?.missing?.includes('outcome')).map((f) => `${file}: ${a.model.lines.lineText(f.range.start.line)}`),
  );
  assert.deepEqual(vague, ['dfds/PM2022-006 - ALB 502 errors.md: - Better monitoring of namespaces.']);
});

test('successes.missing-justification (when turned on): the three successes that do not say what they brought', () => {
  assert.deepEqual(findingsOf('successes.missing-justification'), [], 'off by default');
  const on = settingsFrom({ rules: { 'successes.missing-justification': 'information' } });
  const found = files.flatMap((file) =>
    analyze(readFileSync(join(root, file), 'utf8'), { path: file, force: true, settings: on })
      .findings.filter((f) => f.code === 'successes.missing-justification')
      .map((f) => `${file}:${f.range.start.line + 1}`),
  );
  assert.deepEqual(found, [
    'posthog/2025-10-21-feature-flags-recurring-outages.md:234', // ✅ Systematic investigation – Teams methodically identified overload patterns
    'posthog/2025-10-21-feature-flags-recurring-outages.md:236', // ✅ Cross-team collaboration – … worked together effectively
    'posthog/2025-11-15-persons-db-migration.md:188', // ✅ Transparent customer communication / We provided regular … updates
  ]);
});

test('summary.timezone-missing: every corpus summary that gives clock times says UTC', () => {
  assert.deepEqual(findingsOf('summary.timezone-missing'), []);
});

test('summary.incomplete: PostHog\'s flags outage states all four in its opening paragraph and summary; dfds\' inotify summary has no duration', () => {
  const flags = analyses.get('posthog/2025-09-29-flags-is-down.md')!;
  assert.ok(!flags.findings.some((f) => f.code === 'summary.incomplete'));
  const inotify = analyses.get('dfds/PM2020-001 - Inotify file watches exhaustion.md')!.findings.filter((f) => f.code === 'summary.incomplete');
  assert.deepEqual(inotify.map((f) => (f.data as { missing: string[] }).missing), [['duration']]);
});

test('content, section and timeline findings say the problem in a first sentence of at most 80 characters', () => {
  const content = /^(?:section|summary|language|action|successes|timeline)\./;
  let checked = 0;
  for (const [file, a] of analyses) {
    for (const f of a.findings.filter((x) => content.test(x.code))) {
      checked++;
      const first = f.message.split(/(?<=[.!?])\s/)[0]!;
      assert.ok(first.length <= 80, `${file} ${f.code}: ${first}`);
    }
  }
  assert.ok(checked > 50, `only ${checked} findings`);
});
