/**
 * A configuration file's text to settings: parsed (JSON or YAML), checked against
 * schemas/postmortemrc.schema.json, and `files` globs anchored to its folder. No file
 * system here: the CLI and the Node server read the text from disk (load.ts), the server
 * in a browser worker asks the editor for it (remote.ts).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { MAX_CONFIG_BYTES } from './names.js';

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
  let value: unknown;
  if (path.endsWith('.json')) {
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
  return { path, raw: anchorGlobs(value as Record<string, unknown>, dir), problems, unreadable: false };
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
  return { ...raw, files: anchored };
}
