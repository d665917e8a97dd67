import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';

export class UsageError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface ExpandOptions {
  /** Folder that relative paths and --ignore globs are relative to. */
  cwd: string;
  /** --ignore globs: apply to every file, named or found. */
  ignore?: readonly string[];
}

/**
 * Expands command-line paths into Markdown files: a file is taken as given,
 * a folder is searched for *.md, anything with glob characters is a glob.
 * Files found in folders or by globs skip node_modules, .git and what .gitignore
 * files (from the repository root down) exclude; --ignore globs apply to all.
 * Paths come back as given or as found, in order, once each.
 */
export async function expandPaths(paths: readonly string[], options: ExpandOptions): Promise<string[]> {
  const cwd = options.cwd;
  const ignoreGlob = options.ignore?.length ? picomatch(options.ignore as string[], { dot: true }) : undefined;
  const gitignored = gitignoreMatcher(cwd);
  const userIgnored = (p: string) => !!ignoreGlob && ignoreGlob(posix(relative(cwd, resolve(cwd, p))));
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string, found: boolean) => {
    const key = resolve(cwd, p);
    if (seen.has(key) || userIgnored(p) || (found && gitignored(key))) return;
    seen.add(key);
    out.push(p);
  };
  for (const p of paths) {
    if (/[*?[\]{}]/.test(p) && !existsSync(resolve(cwd, p))) {
      const found = await glob(p, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], dot: false, expandDirectories: false });
      const kept = found.sort().filter((f) => !userIgnored(f) && !gitignored(resolve(cwd, f)));
      if (!kept.length) throw new UsageError(`no files match ${p}`);
      for (const f of kept) add(f, true);
      continue;
    }
    let stat;
    try {
      stat = statSync(resolve(cwd, p));
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      for (const f of walk(p, cwd, (dir) => gitignored(resolve(cwd, dir) + sep) || userIgnored(dir))) add(f, true);
    } else {
      add(p, false);
    }
  }
  return out;
}

function posix(p: string): string {
  return p.split(sep).join('/');
}

function walk(dir: string, cwd: string, skipDir: (dir: string) => boolean): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(resolve(cwd, dir), { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !skipDir(path)) out.push(...walk(path, cwd, skipDir));
    } else if (entry.isFile() && /\.md$/i.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/**
 * Whether an absolute path is excluded by the .gitignore files between the
 * repository root (the nearest folder above `cwd` holding .git, else `cwd`) and
 * the path's folder; deeper files override shallower ones, `!` re-includes.
 * A path ending in the separator is tested as a folder.
 */
export function gitignoreMatcher(cwd: string): (absPath: string) => boolean {
  let root = resolve(cwd);
  for (let d = root; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) {
      root = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  const cache = new Map<string, Ignore | null>();
  const rulesIn = (dir: string): Ignore | null => {
    if (!cache.has(dir)) {
      let ig: Ignore | null = null;
      try {
        ig = ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
      } catch {
        ig = null;
      }
      cache.set(dir, ig);
    }
    return cache.get(dir)!;
  };
  return (absPath: string) => {
    const isDir = absPath.endsWith(sep);
    const target = isDir ? absPath.slice(0, -1) : absPath;
    if (!isAbsolute(target) || relative(root, target).startsWith('..')) return false;
    const dirs: string[] = [];
    for (let d = dirname(target); ; d = dirname(d)) {
      dirs.unshift(d);
      if (d === root || dirname(d) === d) break;
    }
    let ignored = false;
    for (const dir of dirs) {
      const ig = rulesIn(dir);
      if (!ig) continue;
      const rel = posix(relative(dir, target)) + (isDir ? '/' : '');
      const r = ig.test(rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  };
}
