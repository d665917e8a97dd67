import * as vscode from 'vscode';

const KEEP = 500;
const WRITERS = new Set(['appendLine', 'append', 'trace', 'debug', 'info', 'warn', 'error', 'replace']);

/** The "Post-Mortem" output channel, which also keeps its last lines for the in-editor tests. */
export interface RecordingChannel extends vscode.LogOutputChannel {
  /** The last lines written (at most 500), oldest first. */
  readonly lines: readonly string[];
  /** Fires with each line written. */
  readonly onDidWrite: vscode.Event<string>;
}

/** Creates the extension's log channel; everything written to it is also kept in `lines`. */
export function createLog(name: string): RecordingChannel {
  const channel = vscode.window.createOutputChannel(name, { log: true });
  const lines: string[] = [];
  const written = new vscode.EventEmitter<string>();
  return new Proxy(channel, {
    get(target, key, receiver) {
      if (key === 'lines') return lines;
      if (key === 'onDidWrite') return written.event;
      if (key === 'dispose') return () => (written.dispose(), target.dispose());
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (typeof key !== 'string' || !WRITERS.has(key)) return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        const line = `[${key}] ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`;
        lines.push(line);
        if (lines.length > KEEP) lines.splice(0, lines.length - KEEP);
        written.fire(line);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as RecordingChannel;
}
