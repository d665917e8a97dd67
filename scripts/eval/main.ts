/**
 * npm run eval: the extension measured against the labelled corpus of real
 * post-mortems (test/eval/README.md), for the development half, the test half
 * and the whole.
 *
 *   npm run eval                     the figures
 *   npm run eval -- --json           the same, ending with one line of JSON
 *   npm run eval -- --details        every false positive, miss and wrong instant of the DEVELOPMENT half
 *   npm run eval -- --readme         rewrites the figures table in README.md
 *   npm run eval -- --notice         rewrites NOTICE from the sources' manifests
 *   npm run eval -- --raise-floor    records today's figures in test/eval/floor.json where they are better
 *
 * The test half's documents are measured, never listed: tune on the development half only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NEGATIVES_DIR, ROOT, readSources } from './corpus.js';
import { floorFrom, raiseFloor, readFloor, writeFloor } from './floor.js';
import { runEval, type EvalResult } from './run.js';
import type { Figures } from './score.js';

const args = new Set(process.argv.slice(2));
const result = runEval();

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(2));

function summaryRows(r: EvalResult): string[][] {
  const row = (name: string, f: (x: Figures) => string) => [name, f(r.dev), f(r.test), f(r.all)];
  return [
    row('documents (post-mortems)', (x) => `${x.documents} (${x.postMortems})`),
    row('detected as post-mortems', (x) => `${x.detected}/${x.postMortems}`),
    row('findings', (x) => String(x.findings)),
    row('precision (all findings)', (x) => pct(x.overallPrecision)),
    row('false positives per document', (x) => num(x.falsePositivesPerDocument)),
    row('labelled problems found', (x) => `${x.problemsFound}/${x.problemsLabelled} (${pct(x.problemRecall)})`),
    row('section-map accuracy', (x) => pct(x.sectionMapAccuracy)),
    row('timeline entries read', (x) => `${x.entriesRead}/${x.entriesLabelled} (${pct(x.timelineRecall)})`),
    row('instants correct', (x) => `${x.instantsCorrect}/${x.instantsResolvable} (${pct(x.instantAccuracy)})`),
    row('instants where the labels have none', (x) => String(x.instantsWithoutLabel)),
    row('entries read that are none', (x) => String(x.spuriousEntries)),
  ];
}

function codeRows(r: EvalResult): string[][] {
  const codes = Object.keys(r.all.counts).sort();
  const cell = (f: Figures, c: string) => {
    const k = f.counts[c];
    if (!k) return '—';
    return `${pct(f.precision[c] ?? null)} / ${pct(f.recall[c] ?? null)} (${k.tp}·${k.fp}·${k.fn})`;
  };
  return codes.map((c) => [`\`${c}\``, cell(r.dev, c), cell(r.test, c), cell(r.all, c)]);
}

function table(head: string[], rows: string[][], markdown: boolean): string {
  if (markdown) {
    return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function report(markdown: boolean): string {
  const head = ['', `dev (${result.dev.documents})`, `test (${result.test.documents})`, `all (${result.all.documents})`];
  return [
    table(head, summaryRows(result), markdown),
    '',
    markdown ? 'Per code: precision / recall (true positives · false positives · misses).' : 'Per code: precision / recall (true positives · false positives · misses)',
    '',
    table(['code', 'dev', 'test', 'all'], codeRows(result), markdown),
  ].join('\n');
}

function details(): string {
  const out: string[] = [];
  for (const s of result.scores.filter((x) => x.half === 'dev')) {
    const lines: string[] = [];
    if (s.postMortem && !s.detected) lines.push('  not detected as a post-mortem');
    for (const f of s.falsePositives) lines.push(`  FP ${f.code} line ${f.line}${f.sectionId ? ` (${f.sectionId})` : ''}: ${f.message.slice(0, 140)}`);
    for (const e of s.falseNegatives) lines.push(`  FN ${e.code} ${e.sectionId ?? `line ${e.line}`}: ${e.why}`);
    for (const w of s.sections.wrong) lines.push(`  section ${w.id}: labelled ${w.labelled ?? 'absent'}${w.form ? ` (${w.form})` : ''}, found ${w.observed ?? 'absent'}`);
    if (s.entries.missed.length) lines.push(`  entries not read: lines ${s.entries.missed.join(', ')}`);
    for (const w of s.entries.wrong) lines.push(`  instant line ${w.line}: expected ${w.expected}, got ${w.observed}`);
    for (const w of s.entries.instantWithoutLabel) lines.push(`  instant given at line ${w.line}, labels say none (${w.why})`);
    if (s.entries.spurious.length) lines.push(`  read as entries but none: lines ${s.entries.spurious.join(', ')}`);
    if (lines.length) out.push(`${s.id}\n${lines.join('\n')}`);
  }
  return out.join('\n');
}

function json(r: EvalResult) {
  const half = (f: Figures) => ({
    documents: f.documents,
    precision: f.precision,
    recall: f.recall,
    falsePositivesPerDocument: f.falsePositivesPerDocument,
    sectionMapAccuracy: f.sectionMapAccuracy,
    timelineRecall: f.timelineRecall,
    instantAccuracy: f.instantAccuracy,
    overallPrecision: f.overallPrecision,
    problemRecall: f.problemRecall,
    instantsWithoutLabel: f.instantsWithoutLabel,
    impossibleGivenInstant: f.impossibleGivenInstant,
    detected: f.postMortems ? f.detected / f.postMortems : null,
    counts: f.counts,
  });
  return {
    documents: r.documents,
    sources: r.sources,
    dev: half(r.dev),
    test: half(r.test),
    all: half(r.all),
    notPostMortems: { documents: r.negatives.documents, withFindings: r.negatives.withFindings.length, findings: r.negatives.findings },
  };
}

function notice(): string {
  const parts = [
    'This repository includes, under test/eval/, documents written by others, kept unchanged',
    'as test data for measuring the extension: public post-mortems and incident reports',
    '(test/eval/corpus/) and Markdown that is not a post-mortem (test/eval/not-postmortems/).',
    'Each is distributed under its own licence, whose text is in its folder as LICENSE:',
  ];
  for (const [folder, sources] of [['corpus', readSources()], ['not-postmortems', readSources(NEGATIVES_DIR)]] as const) {
    parts.push('');
    for (const s of sources) {
      parts.push(`- test/eval/${folder}/${s.id}/: ${s.documents.length} document(s) from ${s.organisation},`);
      parts.push(`  https://github.com/${s.repository} at commit ${s.commit}, licence ${s.licence} (${s.licenceFile} there).`);
      // A document taken at a commit of its own (a blog's posts may share none) says so.
      for (const d of s.documents) if (d.commit && d.commit !== s.commit) parts.push(`  ${d.file}: ${d.path} at commit ${d.commit}.`);
    }
  }
  return parts.join('\n') + '\n';
}

if (args.has('--notice')) {
  writeFileSync(join(ROOT, 'NOTICE'), notice());
  console.log('NOTICE written');
}
if (args.has('--readme')) {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const start = '<!-- eval:start -->';
  const end = '<!-- eval:end -->';
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) {
    console.error(`README.md has no ${start} … ${end} block`);
    process.exit(2);
  }
  const negatives = `Markdown that is not a post-mortem (${result.negatives.documents} plans, RFCs, meeting notes, runbooks, ADRs and READMEs from ${result.negatives.sources} repositories): ${result.negatives.withFindings.length} got findings.`;
  const block = `${start}\n${result.documents} labelled documents from ${result.sources} sources (\`npm run eval\`).\n\n${report(true)}\n\n${negatives}\n${end}`;
  writeFileSync(path, readme.slice(0, i) + block + readme.slice(j + end.length));
  console.log('README.md figures rewritten');
}
if (args.has('--raise-floor')) {
  const next = raiseFloor(readFloor(), floorFrom(result));
  writeFloor(next);
  console.log('test/eval/floor.json updated');
}

console.log(`${result.documents} labelled documents from ${result.sources} sources; development half: ${result.dev.documents}, test half: ${result.test.documents}`);
if (result.unlabelled.length) console.log(`not yet labelled: ${result.unlabelled.length} (${result.unlabelled.slice(0, 5).join(', ')}${result.unlabelled.length > 5 ? ', …' : ''})`);
if (result.unsplit.length) console.log(`sources in no half of split.json (not measured): ${result.unsplit.join(', ')}`);
console.log('');
console.log(report(false));
console.log(`\nMarkdown that is not a post-mortem: ${result.negatives.withFindings.length} of ${result.negatives.documents} documents got findings (${result.negatives.findings} in all${result.negatives.findings ? `: ${Object.entries(result.negatives.byCode).map(([c, n]) => `${c} ${n}`).join(', ')}` : ''})`);
if (args.has('--details')) {
  console.log('\nDevelopment half, document by document:\n');
  console.log(details());
}
if (args.has('--json')) console.log(JSON.stringify(json(result)));
