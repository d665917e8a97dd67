import { hasContent } from '../model/content.js';
import { ownBlocks, type PostMortemModel } from '../model/document.js';
import type { Section } from '../model/sections.js';
import type { Rule } from './types.js';

export const sectionEmpty: Rule = {
  codes: {
    'section.empty': { severity: 'warning', description: 'A section has a heading but no content.' },
  },
  check({ model, report }) {
    const memo = new Map<Section, boolean>();
    for (const section of model.allSections) {
      if (LABELLED.test(section.title) || SENTENCE.test(section.title) || hasSectionContent(model, section, memo)) continue;
      report({
        code: 'section.empty',
        message: `Section "${shortTitle(section.title || '(untitled)')}" is empty.`,
        range: model.lines.trimmedLineRange(section.heading.startLine),
      });
    }
  },
};

function shortTitle(title: string): string {
  return title.length > 50 ? `${title.slice(0, 49).trimEnd()}…` : title;
}

/** A heading that carries its own value ("Owner: @someone") is a field, not an empty section. */
const LABELLED = /^[^:]{1,40}:\s*\S/;
/** A sentence set as a heading, a caption ("Big Sur is where a good many new ideas are thought."): five words or more and a full stop. */
const SENTENCE = /^(?:\S+\s+){4,}\S*[^.\s]\.[*_]*$/;

/** A section has content when a block of its own does, or a sub-section does. */
function hasSectionContent(model: PostMortemModel, section: Section, memo: Map<Section, boolean>): boolean {
  let result = memo.get(section);
  if (result === undefined) {
    result = ownBlocks(model, section).some(hasContent) || section.children.some((c) => hasSectionContent(model, c, memo));
    memo.set(section, result);
  }
  return result;
}
