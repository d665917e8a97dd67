import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';

export class UsageError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git']);

export interface ExpandOptions {
  /** Folder that relative paths and --ignore globs are relative to. */
  cwd: string;
  /** --ignore globs: apply to every file, named or found. */
  ignore?: readonly string[];
  /** --follow-symlinks: follow symbolic links found in folders and by globs wherever they lead. */
  followSymlinks?: boolean;
}

/** A file to check: the path as given or found (for messages), and the file it is. */
export interface FoundFile {
  path: string;
  /** The real path: symbolic links resolved. */
  real: string;
}

export interface Expanded {
  files: FoundFile[];
  /** What was found but is not read, and why (one line each, for stderr). */
  skipped: Array<{ path: string; reason: string }>;
}

/**
 * Expands command-line paths into Markdown files: a file is taken as given, a folder
 * is searched for *.md, anything with glob characters is a glob. Folders and globs are
 * walked the same way: they skip node_modules, .git and what .gitignore files exclude;
 * they follow a symbolic link only when it leads to a place inside the folder (or the
 * glob's base folder) named, unless --follow-symlinks; they take only regular files
 * (never a FIFO or a device). A file named on the command line is taken even when it is
 * a link. --ignore globs apply to all. Paths come back once each (by real path), in order.
 */
export async function expandPaths(paths: readonly string[], options: ExpandOptions): Promise<Expanded> {
  const cwd = options.cwd;
  const follow = !!options.followSymlinks;
  const ignoreGlob = options.ignore?.length ? picomatch(options.ignore as string[], { dot: true }) : undefined;
  const gitignored = gitignoreMatcher(cwd);
  const userIgnored = (p: string) => !!ignoreGlob && ignoreGlob(posix(relative(cwd, resolve(cwd, p))));
  const out: Expanded = { files: [], skipped: [] };
  const seen = new Set<string>();
  const add = (path: string, real: string, found: boolean) => {
    if (seen.has(real) || userIgnored(path) || (found && gitignored(resolve(cwd, path)))) return;
    seen.add(real);
    out.files.push({ path, real });
  };
  const skip = (path: string, reason: string) => {
    if (!userIgnored(path)) out.skipped.push({ path, reason });
  };
  for (const p of paths) {
    if (/[*?[\]{}]/.test(p) && !existsSync(resolve(cwd, p))) {
      const given = p.replace(/^\.\//, '');
      const { base, glob } = picomatch.scan(given);
      const wanted = picomatch(given, { dot: false });
      const before = out.files.length;
      if (statOrUndefined(resolve(cwd, base || '.'))?.isDirectory()) {
        new Walker(cwd, base || '.', follow, { add, skip, gitignored, userIgnored }, {
          wants: (path) => wanted(posix(path)),
          maxDepth: glob.includes('**') ? Infinity : glob.split('/').length - 1,
          dotFolders: /(^|\/)\./.test(glob),
        }).walk();
      }
      if (out.files.length === before && !out.skipped.some((s) => wanted(posix(s.path)))) throw new UsageError(`no files match ${p}`);
      continue;
    }
    let stat: Stats;
    try {
      stat = statSync(resolve(cwd, p));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && lstatOrUndefined(resolve(cwd, p))?.isSymbolicLink()) {
        skip(p, 'a symbolic link to nothing');
        continue;
      }
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) {
      new Walker(cwd, p, follow, { add, skip, gitignored, userIgnored }, { wants: (path) => /\.md$/i.test(path), maxDepth: Infinity, dotFolders: true }).walk();
    } else if (stat.isFile()) {
      add(p, realpathSync(resolve(cwd, p)), false);
    } else {
      skip(p, `not a regular file (${kindOf(stat)}); not read`);
    }
  }
  return out;
}

interface Sinks {
  add(path: string, real: string, found: boolean): void;
  skip(path: string, reason: string): void;
  gitignored(absPath: string): boolean;
  userIgnored(path: string): boolean;
}

interface WalkRules {
  /** Whether a file (path relative to cwd, as found) is one to check. */
  wants(path: string): boolean;
  /** How many folders deep below the root to go. */
  maxDepth: number;
  /** Whether to go into folders whose name starts with a dot. */
  dotFolders: boolean;
}

/** One folder tree, walked under the link policy of expandPaths. */
class Walker {
  private readonly root: string;
  private readonly rootReal: string;
  /** Real paths of the folders entered, so that followed links cannot loop. */
  private readonly entered = new Set<string>();

  constructor(
    private readonly cwd: string,
    root: string,
    private readonly follow: boolean,
    private readonly sinks: Sinks,
    private readonly rules: WalkRules,
  ) {
    this.root = root;
    this.rootReal = realpathSync(resolve(cwd, root));
  }

  walk(): void {
    this.folder(this.root, this.rootReal, 0);
  }

  private folder(dir: string, real: string, depth: number): void {
    if (this.entered.has(real)) return;
    this.entered.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(resolve(this.cwd, dir), { withFileTypes: true });
    } catch (e) {
      throw new UsageError(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = dir === '.' ? entry.name : join(dir, entry.name);
      const abs = resolve(this.cwd, path);
      if (entry.isSymbolicLink()) {
        this.link(path, abs, depth);
      } else if (entry.isDirectory()) {
        if (this.entersFolder(entry.name, path, depth)) this.folder(path, join(real, entry.name), depth + 1);
      } else if (this.rules.wants(path)) {
        if (entry.isFile()) this.sinks.add(path, join(real, entry.name), true);
        else this.sinks.skip(path, `not a regular file (${kindOfEntry(entry)}); not read`);
      }
    }
  }

  private entersFolder(name: string, path: string, depth: number): boolean {
    if (SKIP_DIRS.has(name) || depth >= this.rules.maxDepth || (!this.rules.dotFolders && name.startsWith('.'))) return false;
    return !this.sinks.gitignored(resolve(this.cwd, path) + sep) && !this.sinks.userIgnored(path);
  }

  private link(path: string, abs: string, depth: number): void {
    let real: string;
    let stat: Stats;
    try {
      real = realpathSync(abs);
      stat = statSync(real);
    } catch {
      if (this.rules.wants(path)) this.sinks.skip(path, 'a symbolic link to nothing; not read');
      return;
    }
    const inside = real === this.rootReal || isInside(this.rootReal, real);
    if (stat.isDirectory()) {
      // A link to a folder inside the root adds nothing the walk does not reach anyway.
      if (this.follow && this.entersFolder(path.split(sep).pop()!, path, depth)) this.folder(path, real, depth + 1);
      else if (!inside && !this.follow && this.rules.maxDepth > depth) this.sinks.skip(path, `a symbolic link to ${real}, outside ${this.root}; not followed (--follow-symlinks follows it)`);
      return;
    }
    if (!this.rules.wants(path)) return;
    if (!inside && !this.follow) this.sinks.skip(path, `a symbolic link to ${real}, outside ${this.root}; not read (--follow-symlinks follows it)`);
    else if (!stat.isFile()) this.sinks.skip(path, `a symbolic link to ${real}, not a regular file (${kindOf(stat)}); not read`);
    else this.sinks.add(path, real, true);
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** What a file system entry is, for messages. */
export function kindOf(stat: Stats | Dirent): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

const kindOfEntry = kindOf;

function posix(p: string): string {
  return p.split(sep).join('/');
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
        const path = join(dir, '.gitignore');
        if (statSync(path).isFile()) ig = ignore().add(readFileSync(path, 'utf8'));
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
