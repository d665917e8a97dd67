import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { globProblem } from '../model/glob.js';
import { tooDeepAt } from '../model/frontmatter.js';
import { setOwn } from '../own.js';

/** The names a configuration file may have, looked for in this order in each folder. */
export const CONFIG_NAMES: readonly string[] = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'];

/** Larger configuration files are refused: a real one is a few hundred bytes. */
const MAX_CONFIG_BYTES = 64 * 1024;
/** Deeper nesting is refused: a real one is three levels deep, and deep values overflow recursive code. */
export const MAX_CONFIG_DEPTH = 32;

/** A configuration file as read: its raw values (globs made absolute) and what is wrong with it. */
export interface ConfigFile {
  path: string;
  /** The parsed object; `{}` when the file could not be read. Malformed values are left for `settingsFrom` to ignore. */
  raw: Record<string, unknown>;
  /** Problems as "file:line: message", for the CLI's stderr and the server's log. */
  problems: string[];
  /** True when the file could not be read or parsed at all. */
  unreadable: boolean;
}

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

// A plain require: the schema lives outside server/src, and esbuild inlines it into the bundles.
const RC_SCHEMA: object = require('../../../schemas/postmortemrc.schema.json');
let validator: ValidateFunction | undefined;

/** Reads, parses and validates one configuration file. Never throws. */
export function readConfigFile(path: string): ConfigFile {
  const fail = (message: string): ConfigFile => ({ path, raw: {}, problems: [`${path}: ${message}`], unreadable: true });
  let text: string;
  try {
    const read = readSmallRegularFile(path);
    if (typeof read !== 'string') return fail(read.problem);
    text = read.replace(/^\uFEFF/, '');
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const json = basename(path).endsWith('.json');
  if ((json ? jsonTooDeep(text, MAX_CONFIG_DEPTH) : tooDeepAt(text, MAX_CONFIG_DEPTH) !== undefined)) {
    return fail(`nests more than ${MAX_CONFIG_DEPTH} levels deep; not read`);
  }
  let value: unknown;
  if (json) {
    try {
      value = text.trim() ? JSON.parse(text) : {};
    } catch (e) {
      return fail(`is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
    const error = doc.errors[0];
    if (error) return fail(`is not valid YAML (line ${lineOf(text, error.pos[0])}): ${error.message.split('\n')[0]}`);
    try {
      value = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      return fail(`cannot be read: ${(e as Error).message}`);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('must hold an object of settings');
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(RC_SCHEMA);
  const problems = validator(value)
    ? []
    : (validator.errors ?? []).map((e) => {
        const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the file';
        const extra = e.keyword === 'additionalProperties' ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"` : '';
        const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
        return `${path}: ${where} ${e.message ?? 'is not valid'}${extra}${allowed}`;
      });
  const files = (value as Record<string, unknown>)['files'];
  if (Array.isArray(files)) {
    files.forEach((g, i) => {
      const problem = typeof g === 'string' ? globProblem(g) : undefined;
      if (problem) problems.push(`${path}: files.${i} cannot be used: ${problem}`);
    });
  }
  return { path, raw: anchorGlobs(ownData(value) as Record<string, unknown>, dirname(path)), problems, unreadable: false };
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

/** True when brackets outside strings nest deeper than `max` (JSON.parse would build it, recursive code would not survive it). */
function jsonTooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * A copy of parsed data whose objects have no prototype: a key such as "constructor" or
 * "__proto__" is then a key like any other, never Object.prototype's member.
 */
function ownData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownData);
  if (!value || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) setOwn(out, k, ownData(v));
  return out;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** `files` globs are relative to the configuration file's folder; make them absolute (with forward slashes). */
function anchorGlobs(raw: Record<string, unknown>, dir: string): Record<string, unknown> {
  const files = raw['files'];
  if (!Array.isArray(files)) return raw;
  const base = dir.replace(/\\/g, '/').replace(/\/$/, '');
  const anchored = files.map((g) => (typeof g === 'string' && !g.startsWith('/') && !/^[A-Za-z]:/.test(g) && !g.startsWith('**/') ? `${base}/${g.replace(/^\.\//, '')}` : g));
  return Object.assign(Object.create(null) as Record<string, unknown>, raw, { files: anchored });
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
