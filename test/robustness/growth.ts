/**
 * Size-doubling checks: the time a case takes on an input of size 2n against size n,
 * measured in one worker in one run (never against a wall-clock limit). Linear work
 * doubles; quadratic work quadruples. Each measurement keeps the fastest of several
 * interleaved rounds, and a ratio over the bound is measured again before it fails,
 * so a burst of load on a shared machine does not fail a linear case, while a
 * superlinear one fails every attempt. In a worker, the test's timeout stops a case
 * that never returns.
 */
import { Worker } from 'node:worker_threads';
import type { GrowthReply, GrowthRequest } from './growth-worker.js';

const WORKER = require.resolve('./growth-worker.ts');

/** time(2n) / time(n) must stay under this: well above linear (2) and n log n, well under quadratic (4). */
export const MAX_DOUBLING_RATIO = 3;

export interface GrowthOptions {
  /** Interleaved rounds per measurement (the fastest of each size counts). */
  rounds?: number;
  /** Measurements before a ratio over the bound fails. */
  attempts?: number;
  signal?: AbortSignal;
}

export interface Growth {
  ratio: number;
  smallMs: number;
  largeMs: number;
}

function measureOnce(name: string, n: number, rounds: number, signal?: AbortSignal): Promise<Growth> {
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)});`, { eval: true });
  return new Promise<Growth>((resolve, reject) => {
    const stop = (e: Error) => {
      void worker.terminate();
      reject(e);
    };
    const onAbort = () => stop(new Error(`${name}: the time budget (the test timeout) ran out at n = ${n}`));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('error', (e) => stop(e));
    worker.on('message', (reply: GrowthReply) => {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (!reply.ok) return reject(new Error(`${name}: ${reply.error}`));
      resolve({ ratio: reply.largeMs / Math.max(reply.smallMs, 0.001), smallMs: reply.smallMs, largeMs: reply.largeMs });
    });
    const request: GrowthRequest = { id: 0, name, n, rounds };
    worker.postMessage(request);
  });
}

/** Measures a case at n and 2n; rejects when every attempt doubles the input for more than MAX_DOUBLING_RATIO times the time. */
export async function assertLinear(name: string, n: number, options: GrowthOptions = {}): Promise<Growth> {
  const attempts = options.attempts ?? 3;
  const seen: Growth[] = [];
  for (let i = 0; i < attempts; i++) {
    const g = await measureOnce(name, n, options.rounds ?? 5, options.signal);
    if (g.ratio < MAX_DOUBLING_RATIO) return g;
    seen.push(g);
  }
  const detail = seen.map((g) => `${g.ratio.toFixed(2)}× (${g.smallMs.toFixed(1)} ms → ${g.largeMs.toFixed(1)} ms)`).join(', ');
  throw new Error(`${name}: doubling the input from n = ${n} multiplied the time by ${detail}; linear work would double it (bound ${MAX_DOUBLING_RATIO}×)`);
}
