import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORPUS } from './run.js';

/**
 * The shared corpus of real post-mortems (read-only, never committed). It sits
 * next to the checkout; POSTMORTEM_CORPUS points elsewhere. Its absence is an error,
 * not a skip: a test that silently checks nothing would pass for the wrong reason.
 */
export function corpusDir(): string {
  const candidates = [process.env['POSTMORTEM_CORPUS'], CORPUS, '/work/shared/corpus'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`the post-mortem corpus was not found (looked in ${candidates.join(', ')}); set POSTMORTEM_CORPUS`);
  return found;
}

/** Every Markdown file of the corpus, relative to it, sorted. */
export function corpusFiles(): string[] {
  const root = corpusDir();
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) out.push(relative(root, p));
    }
  };
  walk(root);
  return out;
}
