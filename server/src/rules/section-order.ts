import { CANONICAL_ORDER, canonicalSection, type Section } from '../model/sections.js';
import type { Rule } from './types.js';

export const sectionOrder: Rule = {
  codes: {
    'section.order': { severity: 'information', description: 'The canonical sections are not in the usual order.' },
  },
  check({ model, report }) {
    const firsts: Section[] = [];
    const ids = new Set<string>();
    for (const s of model.allSections) {
      if (s.canonical && s.level === model.sectionLevel && !ids.has(s.canonical)) {
        ids.add(s.canonical);
        firsts.push(s);
      }
    }
    let latest: Section | undefined;
    for (const s of firsts) {
      const index = CANONICAL_ORDER.indexOf(s.canonical!);
      if (latest && index < CANONICAL_ORDER.indexOf(latest.canonical!)) {
        report({
          code: 'section.order',
          message: `"${s.title}" (${canonicalSection(s.canonical!).name}) comes after "${latest.title}" (${canonicalSection(latest.canonical!).name}); the usual order is ${CANONICAL_ORDER.map((id) => canonicalSection(id).name).join(', ')}.`,
          range: model.lines.trimmedLineRange(s.heading.startLine),
        });
        return;
      }
      latest = s;
    }
  },
};
