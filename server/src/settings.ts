import { DEFAULT_FILE_GLOBS } from './model/classify.js';
import { PRESET_NAMES, customDefinition, presetSections, type PresetName, type SectionDef } from './config/presets.js';
import { own, setOwn } from './own.js';

export type { PresetName, SectionDef } from './config/presets.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';
/** How strictly section order is checked: every section the preset names, only the canonical six, or not at all. */
export type OrderMode = 'strict' | 'relaxed' | 'none';

/** Everything a user can configure, resolved to values. Shared by the server, the CLI and the tests. */
export interface Settings {
  /** Globs of Markdown files that are post-mortems. */
  files: readonly string[];
  /** Severity overrides per finding code. */
  rules: Readonly<Record<string, RuleSetting>>;
  /** The section preset the definitions below come from. */
  preset: PresetName;
  /** Every section the checks know, in the preset's order (canonical ids and the preset's own). */
  sectionDefs: readonly SectionDef[];
  /** The ids of the sections a post-mortem must have. */
  requiredSections: readonly string[];
  /** Extra heading names per section id. */
  sectionAliases: Readonly<Partial<Record<string, readonly string[]>>>;
  /** How `section.order` checks the order. */
  sectionOrder: OrderMode;
  /** Phrases `language.blame` reports besides its own. */
  blameWords: readonly string[];
  /** Built-in phrases `language.blame` does not report. */
  blameAllow: readonly string[];
  /** The zone for times no other source places (IANA name), or undefined. */
  defaultTimezone: string | undefined;
  /** How numeric dates like 03/04 are read. */
  /** How numeric dates (`03/04`) are read; `auto`: from the document's own evidence. */
  dateOrder: 'DMY' | 'MDY' | 'auto';
  /** What could not be used of the configuration file and the editor's settings (`config.invalid` reports each). */
  configProblems: readonly string[];
}

const DEFAULT_SECTIONS = presetSections('default');

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  files: DEFAULT_FILE_GLOBS,
  rules: {},
  preset: 'default',
  sectionDefs: DEFAULT_SECTIONS.defs,
  requiredSections: DEFAULT_SECTIONS.required,
  sectionAliases: {},
  // Teams order their sections their own way; only a preset that names an order checks it.
  sectionOrder: 'none',
  blameWords: [],
  blameAllow: [],
  defaultTimezone: undefined,
  dateOrder: 'auto',
  configProblems: [],
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
      if (typeof value === 'string' && SEVERITIES.has(value)) setOwn(rules, code, value as RuleSetting);
    }
    out.rules = rules;
  }
  if (typeof r['defaultTimezone'] === 'string' && r['defaultTimezone'].trim()) out.defaultTimezone = r['defaultTimezone'].trim();
  if (r['dateOrder'] === 'DMY' || r['dateOrder'] === 'MDY' || r['dateOrder'] === 'auto') out.dateOrder = r['dateOrder'];
  const sections = isObject(r['sections']) ? r['sections'] : undefined;
  if ((PRESET_NAMES as readonly unknown[]).includes(r['preset']) || sections) {
    Object.assign(out, sectionSettings((PRESET_NAMES as readonly unknown[]).includes(r['preset']) ? (r['preset'] as PresetName) : base.preset, sections, base));
  }
  if (isStringArray(r['blameWords'])) out.blameWords = r['blameWords'].filter((w) => w.trim());
  if (isStringArray(r['blameAllow'])) out.blameAllow = r['blameAllow'].filter((w) => w.trim());
  return out;
}

const ORDER_MODES = new Set<unknown>(['strict', 'relaxed', 'none']);
const SECTION_ID = /^[a-z][a-z0-9-]*$/;

/**
 * The section settings of a preset with a `sections` object applied: `required`
 * replaces the preset's required set, `optional` takes ids out of it, `aliases` adds
 * heading names, `order` sets the order mode. Ids the preset does not name are added
 * from the catalogue of template sections, or made up from the id.
 */
function sectionSettings(preset: PresetName, sections: Record<string, unknown> | undefined, base: Settings): Partial<Settings> {
  const { defs, required } = presetSections(preset);
  const out: Partial<Settings> = { preset, sectionDefs: defs, requiredSections: required, sectionOrder: preset === 'default' ? base.sectionOrder : 'relaxed' };
  if (!sections) return out;
  const ids = (v: unknown) => (isStringArray(v) ? v.map((s) => s.trim().toLowerCase()).filter((s) => SECTION_ID.test(s)) : undefined);
  let req = ids(sections['required']) ?? required;
  const optional = ids(sections['optional']);
  if (optional) req = req.filter((id) => !optional.includes(id));
  const aliases: Record<string, readonly string[] | undefined> = { ...base.sectionAliases };
  if (isObject(sections['aliases'])) {
    for (const [id, names] of Object.entries(sections['aliases'])) {
      if (SECTION_ID.test(id) && isStringArray(names)) setOwn<readonly string[] | undefined>(aliases, id, [...(own(aliases, id) ?? []), ...names.filter((n) => n.trim())]);
    }
  }
  const all = [...defs];
  for (const id of [...req, ...Object.keys(aliases)]) if (!all.some((d) => d.id === id)) all.push(customDefinition(id));
  out.sectionDefs = all;
  out.requiredSections = [...new Set(req)];
  out.sectionAliases = aliases;
  if (ORDER_MODES.has(sections['order'])) out.sectionOrder = sections['order'] as OrderMode;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
