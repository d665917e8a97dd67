/**
 * `npm run bench [-- --json] [-- --quick]`: builds for production, generates
 * post-mortems of about 10 KB, 100 KB, 1 MB and 5 MB, and measures the service
 * against a bare markdown-it parse and markdownlint, the scaling when the input
 * doubles, one-character edits through the real server, peak memory, the
 * client bundle and the web extension's bundles. Progress goes to stderr; the report to stdout, and with --json
 * its last line is the summary object. The development build is restored at the end.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import MarkdownIt from 'markdown-it';
import { generatePostMortem } from './generate';
import { ROOT, loadServiceBundle } from './bundle';
import { measureInterleaved } from './timing';
import { measureEdits, pushDebounceMs } from './lsp-edit';
import { measureClient } from './client';
import { measureMemory } from './memory';
import type { lint as Lint } from 'markdownlint/sync' with { 'resolution-mode': 'import' };
import { renderReport, summaryJson, type BenchResult, type Doubling, type SizeResult } from './report';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const quick = args.has('--quick');
for (const a of args) {
  if (a !== '--json' && a !== '--quick') {
    console.error(`unknown option ${a}; usage: npm run bench [-- --json] [-- --quick]`);
    process.exit(2);
  }
}

/**
 * Sizes with their number of measured runs (service and markdown-it; markdownlint
 * takes seconds at 1 MB and over a minute at 5 MB, where one run, already warm, must do).
 */
const SIZES = [
  { bytes: 10_000, runs: 41, lintRuns: 15, lintWarmup: 1 },
  { bytes: 100_000, runs: 21, lintRuns: 7, lintWarmup: 1 },
  { bytes: 1_000_000, runs: 11, lintRuns: 3, lintWarmup: 1 },
  { bytes: 5_000_000, runs: 7, lintRuns: 1, lintWarmup: 0 },
];
const DOUBLINGS = [
  { bytes: 1_000_000, runs: 11 },
  { bytes: 2_500_000, runs: 9 },
];
const EDIT_SIZES = [250_000, 1_000_000];
const scaled = (n: number) => (quick ? Math.max(1, Math.ceil(n / 3)) : n);

const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);

function run(cmd: string[], what: string): void {
  const r = spawnSync(process.execPath, cmd, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
}

async function main(): Promise<void> {
  progress('production build');
  run(['scripts/build.mjs', '--production'], 'the production build');
  const bundle = await loadServiceBundle();
  try {
    const { analyze } = bundle.service;
    const { lint } = (await import('markdownlint/sync')) as { lint: typeof Lint };
    const markdownIt = new MarkdownIt();
    const blocksOnly = new MarkdownIt('default', { html: true });
    blocksOnly.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

    const sizes: SizeResult[] = [];
    for (const size of SIZES) {
      const text = generatePostMortem(size.bytes);
      progress(`${text.length} characters: service, markdown-it, markdownlint`);
      const analysis = analyze(text, { force: true });
      const broken = analysis.findings.filter((f) => f.code === 'internal.rule-error');
      if (broken.length) progress(`WARNING: a rule failed on the generated text, so it was not measured: ${broken[0]!.message}`);
      const m = measureInterleaved([
        { name: 'service', run: () => analyze(text, { force: true }), runs: scaled(size.runs) },
        { name: 'markdown-it', run: () => markdownIt.parse(text, {}), runs: scaled(size.runs) },
        { name: 'blocks', run: () => blocksOnly.parse(text, {}), runs: scaled(size.runs) },
        { name: 'markdownlint', run: () => lint({ strings: { doc: text } }), runs: scaled(size.lintRuns), warmup: size.lintWarmup },
      ]);
      const get = (n: string) => m.get(n)!;
      sizes.push({
        bytes: Buffer.byteLength(text),
        serviceMs: get('service').wallMs,
        markdownItMs: get('markdown-it').wallMs,
        markdownlintMs: get('markdownlint').wallMs,
        serviceCpuMs: get('service').cpuMs,
        markdownItCpuMs: get('markdown-it').cpuMs,
        markdownlintCpuMs: get('markdownlint').cpuMs,
        blocksMs: get('blocks').wallMs,
        findings: analysis.findings.length,
        runs: get('service').runs,
        lintRuns: get('markdownlint').runs,
      });
    }

    const doublings: Doubling[] = [];
    for (const d of DOUBLINGS) {
      const small = generatePostMortem(d.bytes);
      const large = generatePostMortem(d.bytes * 2);
      progress(`doubling ${small.length} → ${large.length} characters`);
      const m = measureInterleaved([
        { name: 'small', run: () => analyze(small, { force: true }), runs: scaled(d.runs) },
        { name: 'large', run: () => analyze(large, { force: true }), runs: scaled(d.runs) },
      ]);
      doublings.push({ fromBytes: Buffer.byteLength(small), toBytes: Buffer.byteLength(large), factor: m.get('large')!.wallMs / m.get('small')!.wallMs });
    }

    const edits = [];
    for (const bytes of EDIT_SIZES) {
      progress(`one-character edits in ${bytes} bytes through dist/server.js`);
      edits.push(await measureEdits(generatePostMortem(bytes), scaled(9)));
    }

    progress('peak memory (5 MB, fresh process)');
    const memory = measureMemory(bundle.file, bundle.dir, generatePostMortem(5_000_000));
    progress('client bundle');
    const client = measureClient(scaled(7));

    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    const result: BenchResult = {
      sizes,
      doublings,
      edits,
      debounceMs: pushDebounceMs(),
      memory,
      client,
      machine: `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${load}`,
    };
    process.stdout.write(renderReport(result) + '\n');
    if (json) process.stdout.write(summaryJson(result) + '\n');
  } finally {
    bundle.dispose();
    progress('restoring the development build');
    run(['scripts/build.mjs'], 'the development build');
  }
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
