/**
 * A configuration file's text to settings: parsed (JSON or YAML), checked against
 * schemas/postmortemrc.schema.json, and `files` globs anchored to its folder. No file
 * system here: the CLI and the Node server read the text from disk (load.ts), the server
 * in a browser worker asks the editor for it (remote.ts).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { MAX_CONFIG_BYTES } from './names.js';
import { globProblem } from '../model/glob.js';
import { tooDeepAt } from '../model/frontmatter.js';
import { setOwn } from '../own.js';

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

/** A configuration file that could not be read at all: `problem` says why. */
export function unreadableConfig(path: string, problem: string): ConfigFile {
  return { path, raw: {}, problems: [`${path}: ${problem}`], unreadable: true };
}

// A plain require: the schema lives outside server/src, and esbuild inlines it into the bundles.
const RC_SCHEMA: object = require('../../../schemas/postmortemrc.schema.json');
let validator: ValidateFunction | undefined;

/**
 * Parses and validates the text of the configuration file at `path`, whose folder is `dir`
 * (the anchor of its `files` globs). Never throws.
 */
export function parseConfigText(path: string, dir: string, text: string): ConfigFile {
  const fail = (message: string): ConfigFile => unreadableConfig(path, message);
  text = text.replace(/^\uFEFF/, '');
  if (text.length > MAX_CONFIG_BYTES) return fail(`larger than ${MAX_CONFIG_BYTES / 1024} KB; not read`);
  const json = path.endsWith('.json');
  if (json ? jsonTooDeep(text, MAX_CONFIG_DEPTH) : tooDeepAt(text, MAX_CONFIG_DEPTH) !== undefined) {
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
  return { path, raw: anchorGlobs(ownData(value) as Record<string, unknown>, dir), problems, unreadable: false };
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
