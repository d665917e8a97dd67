/**
 * The invariant check (invariants.ts) in a worker thread. A synchronous check
 * that never returns would block the test runner's own timeout; in a worker it
 * cannot, so the test's timeout is the time budget: when the test's signal
 * aborts, the worker is terminated and the next check starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckSummary } from './invariants.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

const WORKER = require.resolve('./worker.ts');

export class IsolatedChecker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (s: CheckSummary) => void; reject: (e: Error) => void }>();

  /**
   * Checks the invariants on `text` in the worker; rejects with what broke, when
   * `signal` aborts (the test's timeout), or after `budgetMs` for this one text
   * (so that a property names the input that hangs, not the test as a whole).
   */
  check(text: string, options: CheckOptions = {}, signal?: AbortSignal, budgetMs?: number): Promise<CheckSummary> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<CheckSummary>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const stopWith = (why: string) => {
        this.pending.delete(id);
        this.stop();
        reject(new Error(`${why}; the input (${text.length} characters) began ${JSON.stringify(text.slice(0, 300))}`));
      };
      const onAbort = () => stopWith('the check was stopped: the time budget (the test timeout) ran out');
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (budgetMs !== undefined) timer = setTimeout(() => stopWith(`the check of one input took more than ${budgetMs} ms`), budgetMs);
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      this.pending.set(id, {
        resolve: (s) => {
          settle();
          resolve(s);
        },
        reject: (e) => {
          settle();
          reject(e);
        },
      });
      const request: WorkerRequest = { id, text, options };
      worker.postMessage(request);
    });
  }

  /** Terminates the worker (tests call this when done). */
  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    for (const [, p] of this.pending) p.reject(new Error('the worker was stopped'));
    this.pending.clear();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The worker loads TypeScript through tsx, as the test runner does.
    const w = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER)});`, { eval: true });
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.summary);
      else p.reject(new Error(reply.error));
    });
    w.on('error', (e) => {
      for (const [, p] of this.pending) p.reject(e);
      this.pending.clear();
      if (this.worker === w) this.worker = undefined;
    });
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
    });
    this.worker = w;
    return w;
  }
}
