import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');

/**
 * Throws at once when a bundle the tests run is not built, instead of letting each
 * test wait for a server that never answers (npm test builds first; test:unit alone does not).
 */
export function requireBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test builds it).`);
}

/** Runs the built CLI and returns its exit code and output. */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}) {
  requireBuilt(CLI);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding the given files (paths relative to it). */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-test-'));
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}
