import { canonicalSection, normalizeHeading, type Section, type SectionId } from '../model/sections.js';
import { isWithin } from '../model/document.js';
import type { Rule } from './types.js';

export const sectionDuplicate: Rule = {
  codes: {
    'section.duplicate': { severity: 'warning', description: 'The same canonical section appears twice.' },
  },
  check({ model, report }) {
    const seen = new Map<SectionId, Section>();
    for (const section of model.allSections) {
      const id = section.canonical;
      if (!id) continue;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, section);
        continue;
      }
      // A sub-heading inside the section it belongs to ("### Recovery" under "## Remediation") is not a duplicate.
      if (isWithin(section, first)) continue;
      // Nested under an unrelated heading while the first stands at the section level: a topic, not a second section.
      if (section.level !== first.level) continue;
      // Two parts that only share a meaning ("Timeline" and "Follow-up timeline", "Lessons learned"
      // and "Action items") are two parts of the document; a second "Timeline" is a duplicate.
      if (section.weak || first.weak || section.form !== 'heading' || normalizeHeading(section.title) !== normalizeHeading(first.title)) continue;
      report({
        code: 'section.duplicate',
        message: `A second ${canonicalSection(id).name} section; the first is on line ${first.heading.startLine + 1}.`,
        range: model.lines.trimmedLineRange(section.heading.startLine),
        data: { sectionId: id, firstLine: first.heading.startLine },
      });
    }
  },
};
