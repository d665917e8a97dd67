/**
 * Waiting on events with a deadline, never on fixed sleeps: every wait names what it waits for,
 * so a timeout says what never happened.
 */
import * as vscode from 'vscode';

/** How long one wait may take before the test fails (the machine is shared and slow). */
export const WAIT_MS = 30_000;

/** Resolves as `promise` does, or rejects after `ms` with "timed out waiting for <what>". */
export function withTimeout<T>(promise: Thenable<T>, what: string, ms = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * Resolves with the first value `check()` returns that is not undefined, checking now and after
 * each `event`; rejects after `ms` with `what` and, when given, `describe()` of the last state.
 */
export function until<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  what: string,
  { ms = WAIT_MS, describe }: { ms?: number; describe?: () => string } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const done = (f: () => void) => {
      clearTimeout(timer);
      sub?.dispose();
      f();
    };
    const timer = setTimeout(
      () => done(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`))),
      ms,
    );
    const test = () => {
      try {
        const value = check();
        if (value !== undefined) done(() => resolve(value));
      } catch (e) {
        done(() => reject(e instanceof Error ? e : new Error(String(e))));
      }
    };
    sub = event(test);
    test();
  });
}

/** One event that fires whenever any of `events` fires (to wait on a state that several events change). */
export function anyOf(...events: Array<vscode.Event<unknown>>): vscode.Event<unknown> {
  return (listener, thisArgs?, disposables?) => {
    const subs = events.map((e) => e(listener, thisArgs));
    const d = { dispose: () => subs.forEach((s) => s.dispose()) };
    disposables?.push(d);
    return d;
  };
}
