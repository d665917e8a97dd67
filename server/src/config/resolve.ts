import { DEFAULT_SETTINGS, settingsFrom, type Settings } from '../settings.js';
import type { ConfigFile } from './parse.js';

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

/** Resolves the settings for a file path (undefined for untitled documents: no file is looked for). */
export function resolveSettings(filePath: string | undefined, options: ResolveOptions): ResolvedSettings {
  const { cache } = options;
  const config = options.configPath ? cache.read(options.configPath) : filePath ? cache.forFile(filePath) : undefined;
  return { settings: settingsWith(config, options.editor), config };
}

/**
 * The settings from a configuration file already found (or none) with VS Code's `postmortem`
 * section over it: for callers that find the file their own way (the server in a browser worker).
 */
export function settingsWith(config: ConfigFile | undefined, editor: unknown): Settings {
  return settingsOf(mergeRaw(config?.raw ?? {}, withoutDefaults(editor)));
}

// Settings objects are reused while their inputs are unchanged, so per-settings caches (alias tables) stay warm.
const memo = new Map<string, Settings>();

function settingsOf(raw: Record<string, unknown>): Settings {
  const key = JSON.stringify(raw);
  let s = memo.get(key);
  if (!s) {
    s = Object.keys(raw).length ? settingsFrom(raw, DEFAULT_SETTINGS) : DEFAULT_SETTINGS;
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
    if ((key === 'rules' || key === 'sections') && isObject(value) && isObject(out[key])) {
      const merged: Record<string, unknown> = { ...(out[key] as Record<string, unknown>), ...value };
      const lowerAliases = (out[key] as Record<string, unknown>)['aliases'];
      if (key === 'sections' && isObject(lowerAliases) && isObject(value['aliases'])) merged['aliases'] = { ...lowerAliases, ...value['aliases'] };
      out[key] = merged;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * VS Code sends every `postmortem.*` setting, set or not. A value equal to its
 * default in the manifest counts as not set, so the configuration file shows through.
 */
export function withoutDefaults(editor: unknown): Record<string, unknown> {
  if (!isObject(editor)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(editor)) {
    if (value === null || value === undefined || value === '') continue;
    if (isObject(value) && Object.keys(value).length === 0) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === 'preset' && value === DEFAULT_SETTINGS.preset) continue;
    if (key === 'dateOrder' && value === DEFAULT_SETTINGS.dateOrder) continue;
    if (key === 'files' && JSON.stringify(value) === JSON.stringify(DEFAULT_SETTINGS.files)) continue;
    if (key === 'trace') continue;
    out[key] = value;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
