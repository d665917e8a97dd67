import { CANONICAL_ORDER, canonicalSection, type Section, type SectionId } from '../model/sections.js';
import type { PostMortemModel } from '../model/document.js';
import type { Finding } from '../rules/types.js';
import type { MissingSectionData } from '../rules/section-missing.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { isCanonicalId } from '../config/presets.js';
import { foundSections, sectionDef } from '../config/sections.js';
import type { Fix, FixProvider, TextEdit } from './types.js';
import { sectionText } from '../templates/postmortem.js';


/** The section id a `section.missing` finding names, if the settings know it. */
function missingId(finding: Finding, settings: Settings): string | undefined {
  const id = (finding.data as Partial<MissingSectionData> | undefined)?.sectionId;
  if (typeof id !== 'string') return undefined;
  return sectionDef(settings, id) || isCanonicalId(id) ? id : undefined;
}

/** The order sections go in under the settings: the preset's, with any other canonical id after. */
function orderOf(settings: Settings): string[] {
  const ids = settings.sectionDefs.map((d) => d.id);
  return [...ids, ...CANONICAL_ORDER.filter((id) => !ids.includes(id))];
}

/** The section-level section containing `s` (a sub-heading's top ancestor at the document's section level). */
function topLevel(model: PostMortemModel, s: Section): Section {
  let top = s;
  while (top.parent && top.parent.level >= model.sectionLevel) top = top.parent;
  return top;
}

/**
 * Where a missing section goes: after the nearest preceding canonical section
 * present, else before the nearest following one, else at the end.
 * Returns the line the new text is inserted before (lineCount = the end).
 */
export function insertionLine(model: PostMortemModel, id: string, settings: Settings = DEFAULT_SETTINGS): number {
  const order = orderOf(settings);
  const found = foundSections(model, settings);
  const index = order.indexOf(id);
  for (let i = index - 1; i >= 0; i--) {
    const s = found.get(order[i]!);
    if (s) return topLevel(model, s).endLine;
  }
  for (let i = index + 1; i < order.length; i++) {
    const s = found.get(order[i]!);
    if (s) return topLevel(model, s).heading.startLine;
  }
  return model.lines.lineCount;
}

/** Edits inserting the given sections, in canonical order where several share a place. Insert-only. */
export function insertSectionsEdits(model: PostMortemModel, ids: readonly string[], settings: Settings = DEFAULT_SETTINGS): TextEdit[] {
  const { lines } = model;
  const eol = lines.eol;
  const order = orderOf(settings);
  const found = foundSections(model, settings);
  const byLine = new Map<number, string[]>();
  for (const id of [...new Set(ids)].sort((a, b) => order.indexOf(a) - order.indexOf(b))) {
    if (found.has(id)) continue;
    const line = insertionLine(model, id, settings);
    byLine.set(line, [...(byLine.get(line) ?? []), id]);
  }
  const edits: TextEdit[] = [];
  for (const [line, group] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    const body = group.map((id) => sectionText(id, model.sectionLevel, eol, sectionDef(settings, id))).join(eol);
    if (line >= lines.lineCount) {
      // At the end: close the last line if it is open, and leave one blank line before the heading.
      const last = lines.lineCount - 1;
      const endsOpen = lines.lineLength(last) > 0;
      const lastText = endsOpen ? lines.lineText(last) : lines.lineText(last - 1);
      const prefix = (endsOpen ? eol : '') + (lastText.trim() && lines.text.length > 0 ? eol : '');
      const pos = lines.positionAt(lines.text.length);
      edits.push({ range: { start: pos, end: pos }, newText: prefix + body });
    } else {
      const before = line > 0 ? lines.lineText(line - 1) : '';
      const prefix = line > 0 && before.trim() ? eol : '';
      const pos = { line, character: 0 };
      edits.push({ range: { start: pos, end: pos }, newText: prefix + body + eol });
    }
  }
  return edits;
}

export const insertSectionFix: FixProvider = {
  codes: ['section.missing'],
  fixes(analysis, finding) {
    const id = missingId(finding, analysis.settings);
    if (!id) return [];
    const edits = insertSectionsEdits(analysis.model, [id], analysis.settings);
    if (!edits.length) return [];
    const one: Fix = {
      title: `Insert section "${sectionDef(analysis.settings, id)?.name ?? canonicalSection(id as SectionId).name}"`,
      kind: 'quickfix',
      edits,
      findings: [finding],
      isPreferred: true,
      safe: true,
    };
    const all = this.fixAll!(analysis, analysis.findings.filter((f) => f.code === 'section.missing'));
    return all && all.findings.length > 1 ? [one, { ...all, kind: 'quickfix' }] : [one];
  },
  fixAll(analysis, findings) {
    const ids = findings.map((f) => missingId(f, analysis.settings)).filter((id): id is string => !!id);
    if (!ids.length) return undefined;
    const edits = insertSectionsEdits(analysis.model, ids, analysis.settings);
    if (!edits.length) return undefined;
    return { title: 'Insert all missing sections', kind: 'source.fixAll', edits, findings, safe: true };
  },
};
