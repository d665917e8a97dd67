/**
 * Configuration files on disk, for the CLI and the Node server: found upward from a
 * post-mortem, read, and cached until they change. Parsing is in parse.ts.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAMES, MAX_CONFIG_BYTES } from './names.js';
import { MAX_CONFIG_DEPTH, parseConfigText, unreadableConfig, type ConfigFile } from './parse.js';

export { CONFIG_NAMES, MAX_CONFIG_DEPTH, type ConfigFile };

/** The nearest configuration file in `dir` or a folder above it, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(current, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads, parses and validates one configuration file. Never throws. */
export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    const read = readSmallRegularFile(path);
    if (typeof read !== 'string') return unreadableConfig(path, read.problem);
    text = read;
  } catch (e) {
    return unreadableConfig(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseConfigText(path, dirname(path), text);
}

/**
 * The text of a regular file of at most MAX_CONFIG_BYTES, or why not: a FIFO or a device
 * is never opened for reading (O_NONBLOCK keeps even a FIFO swapped in from blocking the open).
 */
function readSmallRegularFile(path: string): string | { problem: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'is not a regular file; not read' };
    if (stat.size > MAX_CONFIG_BYTES) return { problem: `larger than ${MAX_CONFIG_BYTES / 1024} KB; not read` };
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_CONFIG_BYTES) return { problem: `larger than ${MAX_CONFIG_BYTES / 1024} KB; not read` };
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Configuration files by path, re-read only when their size or modification time
 * changes: cheap enough to consult on every analysis.
 */
export class ConfigCache {
  private readonly files = new Map<string, { stamp: string; file: ConfigFile }>();

  /** The configuration that applies to a file (the nearest one above it), or undefined. */
  forFile(filePath: string): ConfigFile | undefined {
    const path = findConfigFile(dirname(filePath));
    return path ? this.read(path) : undefined;
  }

  /** A configuration file, from the cache when it has not changed. */
  read(path: string): ConfigFile {
    let stamp: string;
    try {
      const s = statSync(path);
      stamp = `${s.size}:${s.mtimeMs}`;
    } catch {
      stamp = 'missing';
    }
    const cached = this.files.get(path);
    if (cached && cached.stamp === stamp) return cached.file;
    const file = readConfigFile(path);
    this.files.set(path, { stamp, file });
    return file;
  }

  clear(): void {
    this.files.clear();
  }
}
