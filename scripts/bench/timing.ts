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
  /** Unmeasured runs first (default 1; 0 when a run takes a minute and the code is already warm). */
  warmup?: number;
}

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
  for (const c of candidates) for (let i = 0; i < (c.warmup ?? 1); i++) once(c.run);
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
