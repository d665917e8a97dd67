/**
 * A/B speed of the analysis in several checkouts, measured in one process and one run:
 *
 *   git worktree add --detach /tmp/v01 <commit>     # a checkout to compare with
 *   npm run bench:compare -- /tmp/v01 . 10000 100000 1000000
 *
 * Each checkout's `server/src/service.ts` is bundled with esbuild, then each size of
 * generated post-mortem is analysed by every bundle in turn, interleaved and rotated so
 * that no bundle always goes first, in rounds. Per round, the median CPU time of each
 * bundle is divided by the first one's; the figure printed is the median of those ratios,
 * with their range over the rounds. A ratio whose range overlaps 1.00 is no difference the
 * machine's noise can show. Run with `--expose-gc` (the npm script does) to collect
 * garbage before each analysis. Figures only: nothing is asserted.
 *
 * The two modes measure different things. A full collection discards V8's compiled
 * regular expressions, so with `--expose-gc` every analysis first recompiles each
 * expression it runs (at 10 KB that is most of its time: ~15 ms against ~4 ms warm),
 * and a checkout with more expressions pays more. Without it (`node --import tsx
 * scripts/bench/compare.ts …`), expressions stay compiled between analyses, as they do
 * in the editor between full collections. Report both.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatePostMortem } from './generate.js';

interface Service {
  analyze(text: string, options: { force: boolean }): unknown;
}

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const dirs = args.filter((a) => !/^\d+$/.test(a)).map((d) => resolve(d));
if (dirs.length < 2 || !sizes.length) {
  console.error('usage: npm run bench:compare -- DIR_A DIR_B [DIR…] SIZE [SIZE…]   (checkouts, then sizes in bytes)');
  process.exit(2);
}

async function main(): Promise<void> {
const services: Service[] = [];
for (const [i, dir] of dirs.entries()) {
  const outfile = resolve(`.bench-compare-${process.pid}-${i}.cjs`);
  await build({ entryPoints: [`${dir}/server/src/service.ts`], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'error', outfile });
  services.push(require(outfile) as Service);
  rmSync(outfile);
}

const median = (a: readonly number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const gc = (globalThis as { gc?: () => void }).gc;
const ROUNDS = 7;

for (const size of sizes) {
  const text = generatePostMortem(size);
  const runs = size >= 1_000_000 ? 4 : size >= 100_000 ? 12 : 40;
  for (let w = 0; w < 3; w++) for (const s of services) s.analyze(text, { force: true });
  const ratios: number[][] = dirs.map(() => []);
  const absolute: number[][] = dirs.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    const times: number[][] = dirs.map(() => []);
    for (let k = 0; k < runs; k++) {
      for (let i = 0; i < services.length; i++) {
        const j = (i + r) % services.length;
        gc?.();
        const before = process.cpuUsage();
        services[j]!.analyze(text, { force: true });
        const used = process.cpuUsage(before);
        times[j]!.push((used.user + used.system) / 1000);
      }
    }
    dirs.forEach((_, i) => {
      absolute[i]!.push(median(times[i]!));
      ratios[i]!.push(median(times[i]!) / median(times[0]!));
    });
  }
  const cells = dirs.map((d, i) => `${d} ${median(absolute[i]!).toFixed(1)} ms ×${median(ratios[i]!).toFixed(3)} [${Math.min(...ratios[i]!).toFixed(2)}–${Math.max(...ratios[i]!).toFixed(2)}]`);
  console.log(`${size} bytes: ${cells.join(', ')}`);
}
}

void main();
