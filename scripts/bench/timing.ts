/**
 * Timing helpers: several candidates measured in turn on the same input, so
 * that a burst of load from another process hits all of them alike and their
 * ratios stay meaningful on a shared machine.
 */

export interface Sample {
  /** Median wall-clock time, ms. */
  wallMs: number;
  /** Median CPU time of this process (user + system), ms: less sensitive to other processes. */
  cpuMs: number;
  runs: number;
}

export interface Candidate {
  name: string;
  run: () => unknown;
  /** How many measured runs. */
  runs: number;
  /**
   * Unmeasured runs first, so the JIT has compiled the code: at least this many
   * (default 1) and until half a second has passed. 0 skips the warm-up, for a
   * run that takes a minute on code already warm from smaller inputs.
   */
  warmup?: number;
}

const WARMUP_MS = 500;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// No forced collection between runs: a full GC shrinks the young generation, and
// the next run then pays for growing it again (it doubled every figure here).
function once(run: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * Warms every candidate up, then runs them round-robin, the order rotating
 * each round, until each has its number of runs. Returns medians by name.
 */
export function measureInterleaved(candidates: readonly Candidate[]): Map<string, Sample> {
  const times = new Map(candidates.map((c) => [c.name, { wall: [] as number[], cpu: [] as number[] }]));
  for (const c of candidates) {
    const min = c.warmup ?? 1;
    if (min === 0) continue;
    const t0 = performance.now();
    for (let i = 0; i < min || (performance.now() - t0 < WARMUP_MS && i < 2000); i++) once(c.run);
  }
  const rounds = Math.max(...candidates.map((c) => c.runs));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[(r + k) % candidates.length]!;
      const t = times.get(c.name)!;
      if (t.wall.length >= c.runs) continue;
      const { wall, cpu } = once(c.run);
      t.wall.push(wall);
      t.cpu.push(cpu);
    }
  }
  const out = new Map<string, Sample>();
  for (const [name, t] of times) out.set(name, { wallMs: median(t.wall), cpuMs: median(t.cpu), runs: t.wall.length });
  return out;
}
