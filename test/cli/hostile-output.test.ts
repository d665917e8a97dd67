// Output that cannot attack a terminal, a spreadsheet or a CI log (issue 17): document text
// and file names with escape sequences, bidirectional controls, formula prefixes and
// markup, through every format of lint, timeline and metrics, and the Mermaid and SVG exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempFiles } from '../helpers/run.js';
import { md } from '../helpers/docs.js';
import { analyze } from '../../server/src/service.js';
import { timelineView } from '../../server/src/timeline/view.js';
import { toMermaid } from '../../server/src/view/mermaid.js';
import { toSvg } from '../../server/src/view/svg.js';

/** What a terminal acts on: C0 controls (but tab, LF, CR), DEL, C1 controls, bidirectional controls, line separators. */
const ACTIVE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const OSC_TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const HOSTILE = [OSC_TITLE, CLEAR, '\u009b31m', '\u202eevil\u202c', '\u0000', '\u007f', '\u2028'];

const doc = md(
  '---',
  `title: "=HYPERLINK(\\"http://evil.example\\",\\"click\\") ${'\\u001b'}]0;pwned${'\\u0007'}"`,
  'severity: "+SEV1"',
  'status: "@draft"',
  'timezone: UTC',
  'started: 2024-08-20 14:00',
  'resolved: 2024-08-20 15:00',
  '---',
  '',
  `# Outage ${CLEAR}`,
  '',
  `## Summary ${OSC_TITLE}`,
  '',
  `On 2024-08-20 checkout failed for an hour. ${HOSTILE.join(' ')} <script>alert(1)</script>`,
  '',
  '## Timeline',
  '',
  `- 14:10 UTC - rollback ${OSC_TITLE}${CLEAR} \u009b2J \u202eevil\u202c`,
  `- 14:00 UTC - =cmd|' /C calc'!A0 <img src=x onerror=alert(1)>`,
  '- 14:20 UTC - -1+1 @SUM(A1) "quoted, with comma"',
);

function assertInert(output: string, what: string): void {
  const m = ACTIVE.exec(output);
  assert.equal(m, null, `${what}: a raw ${m ? JSON.stringify(m[0]) : ''} at ${m?.index}: ${JSON.stringify(output.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 40))}`);
}

/** The cells of simple CSV (quoted cells may hold commas and doubled quotes). */
function csvCells(csv: string): string[] {
  return [...csv.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,\r\n]*)/gm)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
}

test('every lint format shows the control characters of the document and of file names escaped', () => {
  const dir = tempFiles({ 'pm/a.md': doc });
  writeFileSync(join(dir, 'pm', `b${CLEAR}${OSC_TITLE}.md`), doc);
  for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
    const r = cli(['lint', '--format', format, 'pm'], { cwd: dir });
    assertInert(r.stdout, `lint --format ${format} (stdout)`);
    assertInert(r.stderr, `lint --format ${format} (stderr)`);
    assert.ok(r.stdout.length > 500, format);
  }
  // The data survives where the format can carry it.
  const json = JSON.parse(cli(['lint', '--format', 'json', 'pm'], { cwd: dir }).stdout) as Array<{ file: string }>;
  assert.ok(json.some((f) => f.file.includes(OSC_TITLE)), 'the JSON keeps the file name as it is');
  const stylish = cli(['lint', 'pm'], { cwd: dir }).stdout;
  assert.match(stylish, /b\\x1b\[2J\\x1b\[H\\x1b\]0;pwned\\x07\.md/, 'the file name, escaped');
  // Messages on stderr too: --fix notes, the dry-run diff.
  for (const args of [['--fix'], ['--fix-dry-run']]) {
    const r = cli(['lint', ...args, 'pm'], { cwd: dir });
    assertInert(r.stdout, `lint ${args[0]} (stdout)`);
    assertInert(r.stderr, `lint ${args[0]} (stderr)`);
  }
});

test('timeline and metrics in every format: control characters escaped, CSV cells that would be formulas prefixed', () => {
  const dir = tempFiles({ 'a.md': doc });
  for (const format of ['json', 'csv', 'mermaid']) {
    const r = cli(['timeline', '--format', format, 'a.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assertInert(r.stdout, `timeline --format ${format}`);
  }
  for (const format of ['table', 'json', 'csv']) {
    const r = cli(['metrics', '--format', format, 'a.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assertInert(r.stdout, `metrics --format ${format}`);
  }
  for (const args of [['timeline', '--format', 'csv', 'a.md'], ['metrics', '--format', 'csv', 'a.md']]) {
    const cells = csvCells(cli(args, { cwd: dir }).stdout);
    const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    assert.deepEqual(formulas, [], `${args.join(' ')}: cells a spreadsheet would evaluate`);
    assert.ok(cells.some((c) => c.startsWith("'=")), `${args.join(' ')}: the formula is kept as text, after a quote`);
  }
  const metrics = JSON.parse(cli(['metrics', '--format', 'json', 'a.md'], { cwd: dir }).stdout) as Array<{ title: string }>;
  assert.ok(metrics[0]!.title.startsWith('=HYPERLINK(') && metrics[0]!.title.includes(OSC_TITLE), 'JSON keeps the title as written');
});

test('the Mermaid and SVG exports of the same document: nothing active, no markup from the document', () => {
  const view = timelineView(analyze(doc, { force: true }), 'file:///a.md', 1);
  assert.ok(view.events.length === 3);
  assertInert(toMermaid(view), 'Mermaid');
  const svg = toSvg(view);
  assert.doesNotMatch(svg, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'SVG: characters XML forbids');
  assert.doesNotMatch(svg, /<script|<img|onerror=/i, 'SVG: markup from the document');
});
