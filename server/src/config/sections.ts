import sectionData from '../data/sections.json';
import { defaultAliasTable, normalizeHeading, recognizeHeading, type AliasTable, type Section, type SectionId } from '../model/sections.js';
import type { PostMortemModel } from '../model/document.js';
import type { Settings } from '../settings.js';
import { PRESETS, isCanonicalId, type SectionDef } from './presets.js';
import { own } from '../own.js';

/**
 * Section recognition under the active preset. The model recognises the canonical
 * six through the table `aliasTableFor` builds; the preset's own sections (Impact,
 * Trigger…) are recognised here, among the headings the model left unrecognised.
 */

const tables = new WeakMap<Settings, { canonical: AliasTable; extra: AliasTable }>();

function tablesFor(settings: Settings): { canonical: AliasTable; extra: AliasTable } {
  let t = tables.get(settings);
  if (!t) {
    const exactOnly = new Set([...sectionData.exactOnly, ...(own(PRESETS, settings.preset)?.exactOnly ?? [])].map(normalizeHeading));
    const canonicalDefs = settings.sectionDefs.filter((d) => isCanonicalId(d.id));
    const extraDefs = settings.sectionDefs.filter((d) => !isCanonicalId(d.id));
    const plain = settings.preset === 'default' && !Object.values(settings.sectionAliases).some((a) => a?.length);
    const extra = buildTable(extraDefs, settings, exactOnly);
    // The preset's own sections ("Lessons Learned" under google-sre) keep their names: those name no canonical section.
    const canonical = plain ? defaultAliasTable() : { ...buildTable(canonicalDefs, settings, exactOnly), reserved: new Set(extra.exact.keys()) };
    t = { canonical, extra };
    tables.set(settings, t);
  }
  return t;
}

/**
 * The table the model recognises canonical sections with. The default preset
 * without extra aliases gets the shared default table, so nothing changes for it.
 */
export function aliasTableFor(settings: Settings): AliasTable {
  return tablesFor(settings).canonical;
}

/** The same lookup structure as the model's, for any section ids (the type says SectionId; the values are ids). */
function buildTable(defs: readonly SectionDef[], settings: Settings, exactOnly: Set<string>): AliasTable {
  const exact = new Map<string, SectionId>();
  for (const def of defs) {
    for (const name of [def.name, ...def.aliases, ...(own(settings.sectionAliases, def.id) ?? [])]) {
      const key = normalizeHeading(name);
      if (key && !exact.has(key)) exact.set(key, def.id as SectionId);
    }
  }
  const prefixes = [...exact.entries()].filter(([name]) => !exactOnly.has(name)).sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}

/** The id a section stands for under the settings: its canonical id, or one of the preset's own sections. */
export function sectionIdOf(section: Section, settings: Settings): string | undefined {
  if (section.canonical) return section.canonical;
  return recognizeHeading(section.heading.text, tablesFor(settings).extra) as string | undefined;
}

/**
 * The section that stands for each known id: the canonical map of the model, plus
 * the first section of each of the preset's own ids (at the section level first).
 */
export function foundSections(model: PostMortemModel, settings: Settings): Map<string, Section> {
  const out = new Map<string, Section>(model.canonical);
  if (!settings.sectionDefs.some((d) => !isCanonicalId(d.id))) return out;
  const extra: Array<[string, Section]> = [];
  for (const s of model.allSections) {
    if (s.canonical) continue;
    const id = sectionIdOf(s, settings);
    if (id) extra.push([id, s]);
  }
  for (const [id, s] of extra) if (s.level === model.sectionLevel && !out.has(id)) out.set(id, s);
  for (const [id, s] of extra) if (!out.has(id)) out.set(id, s);
  return out;
}

/** The definition of a section id under the settings (undefined for an id they do not know). */
export function sectionDef(settings: Settings, id: string): SectionDef | undefined {
  return settings.sectionDefs.find((d) => d.id === id);
}
