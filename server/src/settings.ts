import { DEFAULT_FILE_GLOBS } from './model/classify.js';
import type { SectionId } from './model/sections.js';
import { CANONICAL_ORDER } from './model/sections.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

/** Everything a user can configure, resolved to values. Shared by the server, the CLI and the tests. */
export interface Settings {
  /** Globs of Markdown files that are post-mortems. */
  files: readonly string[];
  /** Severity overrides per finding code. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** The canonical sections a post-mortem must have. */
  requiredSections: readonly SectionId[];
  /** Extra heading names per canonical section. */
  sectionAliases: Readonly<Partial<Record<SectionId, readonly string[]>>>;
  /** The zone for times no other source places (IANA name), or undefined. */
  defaultTimezone: string | undefined;
  /** How numeric dates like 03/04 are read. */
  dateOrder: 'DMY' | 'MDY';
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  files: DEFAULT_FILE_GLOBS,
  rules: {},
  requiredSections: CANONICAL_ORDER,
  sectionAliases: {},
  defaultTimezone: undefined,
  dateOrder: 'DMY',
});

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/**
 * Settings from untrusted input (VS Code's `postmortem.*` section, a config file):
 * unknown or malformed values fall back to the defaults instead of failing.
 */
export function settingsFrom(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  const out: Settings = { ...base };
  if (Array.isArray(r['files']) && r['files'].every((g) => typeof g === 'string')) out.files = r['files'] as string[];
  if (r['rules'] && typeof r['rules'] === 'object' && !Array.isArray(r['rules'])) {
    const rules: Record<string, RuleSetting> = { ...base.rules };
    for (const [code, value] of Object.entries(r['rules'] as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[code] = value as RuleSetting;
    }
    out.rules = rules;
  }
  if (typeof r['defaultTimezone'] === 'string' && r['defaultTimezone'].trim()) out.defaultTimezone = r['defaultTimezone'].trim();
  if (r['dateOrder'] === 'DMY' || r['dateOrder'] === 'MDY') out.dateOrder = r['dateOrder'];
  return out;
}
