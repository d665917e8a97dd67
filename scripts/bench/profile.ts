/**
 * Runs the full analysis of one generated post-mortem many times, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/pm-prof --import tsx scripts/bench/profile.ts [bytes] [runs]
 * The service is the same bundle the benchmark times (identifiers kept, so the profile names functions).
 */
import { loadServiceBundle } from './bundle';
import { generatePostMortem } from './generate';

async function main(): Promise<void> {
  const bytes = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 30);
  const bundle = await loadServiceBundle();
  try {
    const text = generatePostMortem(bytes);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) bundle.service.analyze(text, { force: true });
    const cpu = process.cpuUsage(cpu0);
    const each = (ms: number) => (ms / runs).toFixed(2);
    console.error(`${runs} analyses of ${text.length} characters: ${each(performance.now() - t0)} ms each, ${each((cpu.user + cpu.system) / 1000)} ms CPU`);
  } finally {
    bundle.dispose();
  }
}

void main();
