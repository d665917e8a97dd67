import { canonicalSection } from '../model/sections.js';
import { preambleSummary } from '../model/document.js';
import { firstContentLine } from '../model/suppressions.js';
import { customDefinition, isCanonicalId } from '../config/presets.js';
import { foundSections, sectionDef } from '../config/sections.js';
import type { Rule } from './types.js';
import type { PostMortemModel } from '../model/document.js';
import type { Settings } from '../settings.js';
import { insertionLine } from '../fixes/insert-section.js';
import { coveredSections } from '../content/coverage.js';
import { isPostMortemFrontmatter } from './frontmatter-schema.js';

/** Data carried by `section.missing` for its quick fix. */
export interface MissingSectionData {
  sectionId: string;
}

export const sectionMissing: Rule = {
  readsEnglish: true,
  codes: {
    'section.missing': { severity: 'warning', description: 'A required section of a post-mortem is missing.' },
  },
  check({ model, settings, report, cached }) {
    const found = cached('sections.found', () => foundSections(model, settings));
    const ownTemplate = !!model.frontmatter && isPostMortemFrontmatter(model.frontmatter.data);
    for (const id of settings.requiredSections) {
      if (found.has(id)) continue;
      if (id === 'summary' && preambleSummary(model)) continue;
      // Content the document plainly gives elsewhere (the fix told in the timeline): a reviewer would not ask for it.
      if (isCanonicalId(id) && coveredSections(model).has(id)) continue;
      // A post told in prose, with no part named for anything: its plans are sentences among the others, which words
      // alone cannot tell from the story ("we need to keep watching the metrics"). Asking for a list would be a guess.
      if (id === 'preventive-actions' && model.summary?.kind === 'preamble' && !model.allSections.some((s) => s.canonical)) continue;
      // The preset's name and prompt; canonical ids set directly in settings fall back to the canonical data.
      const section = sectionDef(settings, id) ?? (isCanonicalId(id) ? canonicalSection(id) : customDefinition(id));
      const examples = section.examples;
      const data: MissingSectionData = { sectionId: id };
      // What went well is worth asking for, but only our own template makes it a must.
      const mild = id === 'successes' && !ownTemplate;
      report({
        code: 'section.missing',
        ...(mild ? { severity: 'information' as const } : {}),
        message: `Missing section "${section.name}".${examples.length ? ` "${examples.join('" or "')}" also count.` : ''} ${section.prompt}`,
        range: model.lines.trimmedLineRange(whereItGoes(model, settings, id)),
        data,
      });
    }
  },
};

/**
 * Where the finding goes: the heading the section would be inserted before; when it
 * would go at the end, the document's first line (its title, else its first line of
 * content, so that a disable comment put before it covers it), not a timeline entry
 * or an action that happens to end the document.
 */
function whereItGoes(model: PostMortemModel, settings: Settings, id: string): number {
  const { lines } = model;
  const line = insertionLine(model, id, settings);
  if (line < lines.lineCount && lines.lineText(line).trim()) return line;
  return model.title?.startLine ?? Math.min(firstContentLine(model), lines.lineCount - 1);
}
