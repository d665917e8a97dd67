/**
 * Runs in a worker thread (see growth.ts): times one growth case at a size and at
 * twice that size, so that a case that never returns cannot block the test runner.
 */
import { parentPort } from 'node:worker_threads';
import { GROWTH_CASES } from './growth-cases.js';

export interface GrowthRequest {
  id: number;
  name: string;
  n: number;
  rounds: number;
}

/** The fastest of the rounds at n and at 2n, in milliseconds of CPU time. */
export type GrowthReply = { id: number; ok: true; smallMs: number; largeMs: number } | { id: number; ok: false; error: string };

/**
 * CPU time (user and system) rather than wall-clock time: on a shared machine another
 * process taking the core stretches the wall clock, not the work done. The process's
 * other threads are idle meanwhile (the test runner waits for this worker).
 */
function time(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

parentPort!.on('message', (request: GrowthRequest) => {
  let reply: GrowthReply;
  try {
    const growthCase = GROWTH_CASES[request.name];
    if (!growthCase) throw new Error(`no growth case named ${request.name}`);
    const small = growthCase.make(request.n);
    const large = growthCase.make(2 * request.n);
    // One unmeasured run of each, so the JIT has compiled what the rounds measure.
    const once = time(() => growthCase.run(small));
    growthCase.run(large);
    // A run that takes a fraction of a millisecond is timed in batches of at least 20 ms,
    // the same number of runs at both sizes: timer and allocation noise would swamp it.
    const reps = Math.min(1000, Math.max(1, Math.ceil(20 / Math.max(once, 0.01))));
    const batch = (input: string) => time(() => {
      for (let i = 0; i < reps; i++) growthCase.run(input);
    }) / reps;
    let smallMs = Infinity;
    let largeMs = Infinity;
    // Interleaved, so a burst of load from another process hits both sizes alike; the
    // minimum of each is the run least disturbed.
    for (let r = 0; r < request.rounds; r++) {
      smallMs = Math.min(smallMs, batch(small));
      largeMs = Math.min(largeMs, batch(large));
    }
    reply = { id: request.id, ok: true, smallMs, largeMs };
  } catch (e) {
    reply = { id: request.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
