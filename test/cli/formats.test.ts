import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { cli, tempFiles } from '../helpers/run.js';
import { md, fullPostMortem } from '../helpers/docs.js';

const THREE = md('# Outage', '', '## Summary', '', 'On 1 May 2024 from 10:00 to 10:40 UTC checkout failed for 30% of users; a rollback resolved it.', '', '## Timeline', '', '- 10:00 UTC - alert', '', '## Resolution', '', 'The change was rolled back.');

function sarifValidator() {
  const require = createRequire(__filename);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}

test('--format sarif: valid SARIF 2.1.0, one run, every rule, three results with 1-based regions', () => {
  const dir = tempFiles({ 'pm/three sections.md': THREE });
  const r = cli(['lint', '--format', 'sarif', 'pm'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  // Untyped on purpose: its shape is checked against the SARIF schema just below.
  const log: any = JSON.parse(r.stdout);
  const validate = sarifValidator();
  const valid: boolean = validate(log as object);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0].tool.driver;
  const ids = driver.rules.map((x: { id: string }) => x.id);
  for (const code of ['section.missing', 'section.empty', 'section.placeholder', 'section.duplicate', 'section.order', 'frontmatter.yaml']) {
    assert.ok(ids.includes(code), code);
  }
  for (const rule of driver.rules) {
    assert.match(rule.helpUri, /^https:\/\/.+docs\/rules\.md#[a-z0-9-]+$/);
    assert.ok(rule.shortDescription.text.length > 10);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  // A code that is off until the user turns it on says so.
  const successes = driver.rules.find((x: { id: string }) => x.id === 'successes.missing-justification');
  assert.equal(successes.defaultConfiguration.enabled, false);
  assert.equal(driver.rules.find((x: { id: string }) => x.id === 'section.missing').defaultConfiguration.enabled, undefined);
  const results = log.runs[0].results;
  assert.equal(results.length, 3);
  // Root cause and actions are warnings; a missing "What went well" is information (a note) without our template.
  assert.deepEqual(results.map((r: { level: string }) => r.level), ['warning', 'warning', 'note']);
  for (const res of results) {
    assert.equal(res.ruleId, 'section.missing');
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'pm/three%20sections.md');
    // Root cause would go before "## Resolution" (line 11, 13 characters); the others at the end, so on the title.
    const region = res.message.text.includes('Root Cause') ? { startLine: 11, startColumn: 1, endLine: 11, endColumn: 14 } : { startLine: 1, startColumn: 1, endLine: 1, endColumn: 9 };
    assert.deepEqual(loc.region, region, res.message.text);
  }
});

test('--format junit: one test case per file, one failure per finding, XML-escaped', () => {
  const dir = tempFiles({ 'a.md': THREE + md('', '## Q&A "raw" a<b', ''), 'b.md': fullPostMortem() });
  const r = cli(['lint', '--format', 'junit', 'a.md', 'b.md'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
  const cases = r.stdout.match(/<testcase [^>]*>/g)!;
  assert.equal(cases.length, 2);
  assert.match(cases[1]!, /name="b\.md"\/>/, 'a clean file is a passing test case');
  assert.equal((r.stdout.match(/<failure /g) ?? []).length, 4, 'three missing sections and one empty section');
  assert.ok(!r.stdout.includes('a<b') && !r.stdout.includes('Q&A'), 'text is escaped');
  assert.match(r.stdout, /Section &quot;Q&amp;A &quot;raw&quot; a&lt;b&quot; is empty/);
});

test('--format github: one workflow command per finding, with escaped properties and message', () => {
  const dir = tempFiles({ 'a, b.md': THREE });
  const r = cli(['lint', '--format', 'github', 'a, b.md'], { cwd: dir });
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.ok(lines.some((l) => /^::warning file=a%2C b\.md,line=11,col=1,endLine=11,endColumn=14,title=section\.missing::Missing section "Root Cause Analysis"/.test(l)), lines.join('\n'));
});

test('--quiet shows errors only; --max-warnings turns too many warnings into exit 1', () => {
  const dir = tempFiles({ 'a.md': THREE });
  const quiet = JSON.parse(cli(['lint', '--quiet', '--format', 'json', 'a.md'], { cwd: dir }).stdout);
  assert.deepEqual(quiet[0].diagnostics, []);
  assert.equal(cli(['lint', '--max-warnings', '2', 'a.md'], { cwd: dir }).code, 0, 'two warnings and one note');
  const over = cli(['lint', '--max-warnings', '1', 'a.md'], { cwd: dir });
  assert.equal(over.code, 1);
  assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  assert.equal(cli(['lint', '--max-warnings', 'many', 'a.md'], { cwd: dir }).code, 2);
});

test('--help documents the formats and the exit codes', () => {
  const r = cli(['--help']);
  assert.equal(r.code, 0);
  for (const word of ['stylish', 'json', 'sarif', 'junit', 'github', '--fix', '--fix-dry-run', '--max-warnings', '--ignore', 'Exit codes']) assert.ok(r.stdout.includes(word), word);
});
