import { DEFAULT_SETTINGS, settingsFrom, type Settings } from '../settings.js';
import { MAX_CONFIG_DEPTH, type ConfigFile } from './parse.js';
import { globProblem } from '../model/glob.js';
import { own, setOwn } from '../own.js';

/** Configuration files on disk, as config/load.ts's ConfigCache finds and reads them. */
export interface ConfigFiles {
  read(path: string): ConfigFile;
  forFile(filePath: string): ConfigFile | undefined;
}

/**
 * The settings for one file: the configuration file found upward from it (or the
 * one given), with VS Code's `postmortem.*` settings over it in the editor.
 */
export interface ResolvedSettings {
  settings: Settings;
  /** The configuration file that applied, if any. */
  config: ConfigFile | undefined;
}

export interface ResolveOptions {
  /** VS Code's `postmortem` section; values left at their defaults do not override the file. */
  editor?: unknown;
  /** Use this configuration file instead of looking upward (the CLI's --config). */
  configPath?: string;
  /** The configuration files on disk (a ConfigCache). */
  cache: ConfigFiles;
}

/**
 * Resolves the settings for a file path (undefined for untitled documents: no file is
 * looked for). Never throws: what cannot be used is left at its default, and
 * `settings.configProblems` says what and why.
 */
export function resolveSettings(filePath: string | undefined, options: ResolveOptions): ResolvedSettings {
  let config: ConfigFile | undefined;
  try {
    config = options.configPath ? options.cache.read(options.configPath) : filePath ? options.cache.forFile(filePath) : undefined;
  } catch (e) {
    const problem = `the configuration cannot be used (${(e as Error)?.message ?? String(e)}); the defaults apply`;
    return { settings: { ...DEFAULT_SETTINGS, configProblems: [problem] }, config };
  }
  return { settings: settingsWith(config, options.editor), config };
}

/**
 * The settings from a configuration file already found (or none) with VS Code's `postmortem`
 * section over it: for callers that find the file their own way (the server in a browser worker).
 * Never throws.
 */
export function settingsWith(config: ConfigFile | undefined, editor: unknown): Settings {
  const problems = [...(config?.problems ?? [])];
  try {
    const merged = mergeRaw(config?.raw ?? {}, withoutDefaults(editor, problems));
    return settingsOf(merged, problems);
  } catch (e) {
    const problem = `the configuration cannot be used (${(e as Error)?.message ?? String(e)}); the defaults apply`;
    return { ...DEFAULT_SETTINGS, configProblems: [...problems, problem] };
  }
}

// Settings objects are reused while their inputs are unchanged, so per-settings caches (alias tables) stay warm.
const memo = new Map<string, Settings>();

function settingsOf(raw: Record<string, unknown>, problems: readonly string[]): Settings {
  let key: string;
  try {
    key = JSON.stringify([raw, problems]);
  } catch (e) {
    // Depth is limited where values come in; this is the last line, should one get past.
    return { ...DEFAULT_SETTINGS, configProblems: [...problems, `the settings cannot be used (${(e as Error)?.message ?? String(e)}); the defaults apply`] };
  }
  let s = memo.get(key);
  if (!s) {
    s = Object.keys(raw).length || problems.length ? settingsFrom(raw, { ...DEFAULT_SETTINGS, configProblems: problems }) : DEFAULT_SETTINGS;
    if (memo.size >= 64) memo.delete(memo.keys().next().value!);
    memo.set(key, s);
  }
  return s;
}

/**
 * Layers raw settings: `upper` wins key by key; `rules`, `sections` and
 * `sections.aliases` merge entry by entry; lists and values are replaced.
 */
export function mergeRaw(lower: Record<string, unknown>, upper: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...lower };
  for (const [key, value] of Object.entries(upper)) {
    const below = own(out, key);
    if ((key === 'rules' || key === 'sections') && isObject(value) && isObject(below)) {
      const merged: Record<string, unknown> = { ...below, ...value };
      const lowerAliases = own(below, 'aliases');
      const upperAliases = own(value, 'aliases');
      if (key === 'sections' && isObject(lowerAliases) && isObject(upperAliases)) setOwn<unknown>(merged, 'aliases', { ...lowerAliases, ...upperAliases });
      setOwn<unknown>(out, key, merged);
    } else {
      setOwn<unknown>(out, key, value);
    }
  }
  return out;
}

/**
 * VS Code sends every `postmortem.*` setting, set or not. A value equal to its
 * default in the manifest counts as not set, so the configuration file shows through.
 */
export function withoutDefaults(editor: unknown, problems: string[] = []): Record<string, unknown> {
  if (!isObject(editor)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(editor)) {
    if (value === null || value === undefined || value === '') continue;
    if (nestsDeeper(value, MAX_CONFIG_DEPTH)) {
      problems.push(`the setting postmortem.${key} nests more than ${MAX_CONFIG_DEPTH} levels deep; not used`);
      continue;
    }
    if (key === 'files' && Array.isArray(value)) {
      const bad = value.map((g, i) => [i, typeof g === 'string' ? globProblem(g) : undefined] as const).filter(([, p]) => p);
      for (const [i, p] of bad) problems.push(`the setting postmortem.files[${i}] cannot be used: ${p}`);
    }
    if (isObject(value) && Object.keys(value).length === 0) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === 'preset' && value === DEFAULT_SETTINGS.preset) continue;
    if (key === 'dateOrder' && value === DEFAULT_SETTINGS.dateOrder) continue;
    if (key === 'files' && JSON.stringify(value) === JSON.stringify(DEFAULT_SETTINGS.files)) continue;
    if (key === 'trace') continue;
    setOwn<unknown>(out, key, value);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** True when a value nests deeper than `max` levels of objects and arrays (checked without recursion). */
function nestsDeeper(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
