/**
 * Peak memory of one full analysis, measured in a fresh process so nothing else
 * the benchmark holds (markdownlint, other sizes) is counted.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MemoryFigures {
  bytes: number;
  /** Resident memory after loading the service and reading the text, MB. */
  baselineMb: number;
  /** Peak resident memory of the process after one analysis, MB. */
  peakMb: number;
  /** Heap still held by the analysis (model and findings) once it is done, MB. */
  retainedMb: number;
}

const CHILD = `
const { readFileSync } = require('node:fs');
const service = require(process.argv[1]);
const text = readFileSync(process.argv[2], 'utf8');
global.gc();
const baseline = process.memoryUsage();
const analysis = service.analyze(text, { force: true });
global.gc();
const after = process.memoryUsage();
process.stdout.write(JSON.stringify({
  baselineMb: baseline.rss / 1048576,
  peakMb: process.resourceUsage().maxRSS / 1024,
  retainedMb: (after.heapUsed - baseline.heapUsed) / 1048576,
  findings: analysis.findings.length,
}));
`;

/** Analyses `text` once in a child process that loads the service bundle at `bundleFile`. */
export function measureMemory(bundleFile: string, scratchDir: string, text: string): MemoryFigures {
  const input = join(scratchDir, 'memory-input.md');
  writeFileSync(input, text);
  const r = spawnSync(process.execPath, ['--expose-gc', '-e', CHILD, bundleFile, input], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`the memory measurement failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const m = JSON.parse(r.stdout) as Omit<MemoryFigures, 'bytes'>;
  return { bytes: Buffer.byteLength(text), baselineMb: m.baselineMb, peakMb: m.peakMb, retainedMb: m.retainedMb };
}
