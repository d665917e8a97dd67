import { canonicalSection } from '../model/sections.js';
import { preambleSummary } from '../model/document.js';
import type { Rule } from './types.js';

/** Data carried by `section.missing` for its quick fix. */
export interface MissingSectionData {
  sectionId: string;
}

export const sectionMissing: Rule = {
  codes: {
    'section.missing': { severity: 'warning', description: 'A required section of a post-mortem is missing.' },
  },
  check({ model, settings, report }) {
    const range = model.title
      ? model.lines.trimmedLineRange(model.title.startLine)
      : model.lines.trimmedLineRange(model.frontmatter ? Math.min(model.frontmatter.endLine + 1, model.lines.lineCount - 1) : 0);
    for (const id of settings.requiredSections) {
      if (model.canonical.has(id)) continue;
      if (id === 'summary' && preambleSummary(model)) continue;
      const section = canonicalSection(id);
      const examples = section.examples;
      const data: MissingSectionData = { sectionId: id };
      report({
        code: 'section.missing',
        message: `Missing section "${section.name}" ("${examples.join('" or "')}" also count): ${lowerFirst(section.prompt)}`,
        range,
        data,
      });
    }
  },
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
