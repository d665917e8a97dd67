import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

export class UsageError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/**
 * Expands command-line paths into Markdown files: a file is taken as given,
 * a folder is searched for *.md (node_modules and .git skipped), anything with
 * glob characters is a glob. Paths come back as given or as found, in order, once each.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const p of paths) {
    if (/[*?[\]{}]/.test(p) && !exists(p)) {
      const found = await glob(p, { ignore: ['**/node_modules/**', '**/.git/**'], dot: false, expandDirectories: false });
      if (!found.length) throw new UsageError(`no files match ${p}`);
      for (const f of found.sort()) add(f);
      continue;
    }
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      for (const f of walk(p)) add(f);
    } else {
      add(p);
    }
  }
  return out;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...walk(path));
    } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}
