/**
 * The benchmark's output: a readable table, the figures against the targets of
 * issue #9 (reported, never asserted: shared machines are noisy), and the
 * one-line JSON summary.
 */
import type { EditTiming } from './lsp-edit';
import type { ClientFigures } from './client';
import type { MemoryFigures } from './memory';

export interface SizeResult {
  bytes: number;
  serviceMs: number;
  markdownItMs: number;
  markdownlintMs: number;
  serviceCpuMs: number;
  markdownItCpuMs: number;
  markdownlintCpuMs: number;
  /** markdown-it with the inline pass off, as the service configures it. */
  blocksMs: number;
  findings: number;
  /** Measured runs behind the medians: the service (and markdown-it), markdownlint. */
  runs: number;
  lintRuns: number;
}

export interface Doubling {
  fromBytes: number;
  toBytes: number;
  factor: number;
}

export interface BenchResult {
  sizes: SizeResult[];
  doublings: Doubling[];
  edits: EditTiming[];
  debounceMs: number;
  memory: MemoryFigures;
  client: ClientFigures;
  machine: string;
}

/** The one JSON object the issue specifies, nothing more. */
export function summaryJson(r: BenchResult): string {
  const oneMb = r.edits.reduce((a, b) => (Math.abs(b.bytes - 1e6) < Math.abs(a.bytes - 1e6) ? b : a));
  return JSON.stringify({
    sizes: r.sizes.map((s) => ({ bytes: s.bytes, serviceMs: round(s.serviceMs), markdownItMs: round(s.markdownItMs), markdownlintMs: round(s.markdownlintMs) })),
    scaling: round(Math.max(...r.doublings.map((d) => d.factor)), 3),
    editMs: round(oneMb.pushMs),
    clientBundleBytes: r.client.bytes,
    clientRequireMs: round(r.client.requireMs),
  });
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`);
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
}

function targets(r: BenchResult): Target[] {
  const worstFloor = Math.max(...r.sizes.map((s) => s.serviceMs / s.markdownItMs));
  const worstLint = Math.min(...r.sizes.map((s) => s.markdownlintMs / s.serviceMs));
  const scaling = Math.max(...r.doublings.map((d) => d.factor));
  const oneMb = r.sizes.find((s) => s.bytes >= 9e5 && s.bytes < 2e6);
  const edit250 = r.edits.find((e) => e.bytes < 5e5);
  const out: Target[] = [
    { what: 'full validation vs bare markdown-it parse (worst size)', target: '≤ 2×', measured: `${worstFloor.toFixed(2)}×`, met: worstFloor <= 2 },
    { what: 'speed-up over markdownlint default rules (worst size)', target: '≥ 20×', measured: `${worstLint.toFixed(1)}×`, met: worstLint >= 20 },
    { what: 'cost when the input doubles (worst pair)', target: '≤ 2.2×', measured: `${scaling.toFixed(2)}×`, met: scaling <= 2.2 },
  ];
  if (oneMb) out.push({ what: `full validation of ${kb(oneMb.bytes)}`, target: '< 100 ms', measured: `${ms(oneMb.serviceMs)} ms`, met: oneMb.serviceMs < 100 });
  if (edit250) {
    const worst = Math.max(edit250.pullMs, edit250.pushMs);
    out.push({ what: `edit-to-diagnostics, ${kb(edit250.bytes)} (worse of pull, push − debounce)`, target: '< 50 ms + debounce', measured: `${ms(worst)} ms + ${r.debounceMs} ms`, met: worst < 50 });
  }
  out.push({ what: 'client bundle (production build)', target: '≤ 100 KB', measured: `${(r.client.bytes / 1000).toFixed(1)} KB`, met: r.client.bytes <= 100_000 });
  return out;
}

/** The human-readable report. */
export function renderReport(r: BenchResult): string {
  const parts: string[] = [];
  parts.push(`Post-mortem benchmark — ${r.machine}`, '');
  parts.push(
    'Median wall-clock time per full run on the same text (CPU time of the process in brackets):',
    '',
    table(
      ['size', 'service ms', 'markdown-it ms', 'md-it blocks ms', 'markdownlint ms', 'vs md-it', 'vs mdlint', 'findings', 'runs'],
      r.sizes.map((s) => [
        kb(s.bytes),
        `${ms(s.serviceMs)} (${ms(s.serviceCpuMs)})`,
        `${ms(s.markdownItMs)} (${ms(s.markdownItCpuMs)})`,
        ms(s.blocksMs),
        `${ms(s.markdownlintMs)} (${ms(s.markdownlintCpuMs)})`,
        `${(s.serviceMs / s.markdownItMs).toFixed(2)}×`,
        `${(s.markdownlintMs / s.serviceMs).toFixed(0)}× faster`,
        String(s.findings),
        `${s.runs}/${s.lintRuns}`,
      ]),
    ),
    '',
    'service = analyze(text, {force: true}) from the minified bundle: parse + every registered rule.',
    'markdown-it = new MarkdownIt().parse(text); md-it blocks = the same with the inline pass off, as the service parses.',
    'markdownlint = lint({strings}) from markdownlint/sync with its default rules.',
    'runs = measured runs behind each median (service and markdown-it / markdownlint).',
    '',
    table(
      ['doubling', 'factor'],
      r.doublings.map((d) => [`${kb(d.fromBytes)} → ${kb(d.toBytes)}`, `${d.factor.toFixed(2)}×`]),
    ),
    '',
    `One-character edits through dist/server.js over stdio (median; push has the ${r.debounceMs} ms debounce subtracted):`,
    '',
    table(
      ['document', 'pull ms', 'push ms', 'server peak RSS'],
      r.edits.map((e) => [kb(e.bytes), ms(e.pullMs), ms(e.pushMs), e.serverPeakMb === undefined ? 'n/a' : `${e.serverPeakMb.toFixed(0)} MB`]),
    ),
    '',
    `Memory, one analysis of ${kb(r.memory.bytes)} in a fresh process: peak RSS ${r.memory.peakMb.toFixed(0)} MB ` +
      `(${r.memory.baselineMb.toFixed(0)} MB before the analysis); the analysis holds ${r.memory.retainedMb.toFixed(1)} MB of heap.`,
    `Client bundle (dist/client.js, production build): ${(r.client.bytes / 1000).toFixed(1)} KB; require() in a fresh process: ${ms(r.client.requireMs)} ms.`,
    `Web extension (production build): dist/web/extension.js ${(r.client.webBytes / 1000).toFixed(1)} KB (the client with its language client), ` +
      `dist/web/server.js ${(r.client.webServerBytes / 1000).toFixed(1)} KB (the server, in a browser worker).`,
    '',
    'Targets (issue #9; reported, not asserted):',
    '',
    table(
      ['', 'target', 'measured', ''],
      targets(r).map((t) => [t.what, t.target, t.measured, t.met ? 'met' : 'NOT MET']),
    ),
  );
  return parts.join('\n');
}
