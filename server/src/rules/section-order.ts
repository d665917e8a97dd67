import type { Section } from '../model/sections.js';
import { isCanonicalId } from '../config/presets.js';
import { sectionDef, sectionIdOf } from '../config/sections.js';
import type { Rule } from './types.js';

export const sectionOrder: Rule = {
  readsEnglish: true,
  codes: {
    'section.order': { severity: 'information', description: 'The sections are not in the usual order.' },
  },
  /**
   * The first section (at the section level) of each known id must follow the
   * preset's order. `relaxed` (the default) orders the canonical six only; `strict`
   * orders every section the preset names; `none` does not check.
   */
  check({ model, settings, report }) {
    if (settings.sectionOrder === 'none') return;
    const ordered = settings.sectionDefs.filter((d) => settings.sectionOrder === 'strict' || isCanonicalId(d.id)).map((d) => d.id);
    const firsts: Array<{ id: string; section: Section }> = [];
    const ids = new Set<string>();
    for (const s of model.allSections) {
      if (s.level !== model.sectionLevel) continue;
      const id = settings.sectionOrder === 'strict' ? sectionIdOf(s, settings) : s.canonical;
      if (id && ordered.includes(id) && !ids.has(id)) {
        ids.add(id);
        firsts.push({ id, section: s });
      }
    }
    const name = (id: string) => sectionDef(settings, id)?.name ?? id;
    let latest: { id: string; section: Section } | undefined;
    for (const f of firsts) {
      const index = ordered.indexOf(f.id);
      if (latest && index < ordered.indexOf(latest.id)) {
        const usual = ordered.map(name).join(', ');
        report({
          code: 'section.order',
          message: `"${f.section.title}" (${name(f.id)}) comes after "${latest.section.title}" (${name(latest.id)}); the usual order is ${usual}.`,
          range: model.lines.trimmedLineRange(f.section.heading.startLine),
        });
        return;
      }
      latest = f;
    }
  },
};
