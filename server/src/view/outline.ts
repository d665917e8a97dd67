import { CANONICAL_ORDER, canonicalSection, type Section, type SectionId } from '../model/sections.js';
import { preambleSummary } from '../model/document.js';
import type { Analysis, Finding } from '../service.js';
import type { ActionItemView, FindingView, OutlineSection, OutlineView, TimelineView } from '../protocol.js';

/** Extra parts of the outline that other modules compute (the timeline, the action items). */
export interface OutlineParts {
  timeline?: TimelineView | null;
  actions?: ActionItemView[];
}

const INCOMPLETE = new Set(['section.empty', 'section.placeholder']);

/** The outline of an analysed post-mortem: canonical sections with their status, then the document's other sections. */
export function outlineView(analysis: Analysis, uri: string, version: number, parts: OutlineParts = {}): OutlineView {
  const { model, settings, findings } = analysis;
  const required = new Set<SectionId>(settings.requiredSections);
  const sections: OutlineSection[] = [];
  let present = 0;
  for (const id of CANONICAL_ORDER) {
    const section = model.canonical.get(id);
    const meta = canonicalSection(id);
    if (!section) {
      if (id === 'summary' && preambleSummary(model)) {
        if (required.has(id)) present++;
        sections.push({ id, name: meta.name, heading: null, status: 'complete', line: model.preamble.startLine, findings: [] });
        continue;
      }
      if (!required.has(id)) continue;
      const missing = findings.filter((f) => f.code === 'section.missing' && (f.data as { sectionId?: string } | undefined)?.sectionId === id);
      sections.push({ id, name: meta.name, heading: null, status: 'missing', line: null, findings: missing.map(view) });
      continue;
    }
    if (required.has(id)) present++;
    sections.push(sectionEntry(section, id, meta.name, findings));
  }
  const canonicalSections = new Set(model.canonical.values());
  for (const s of model.allSections) {
    if (s.level !== model.sectionLevel || canonicalSections.has(s)) continue;
    sections.push(sectionEntry(s, null, s.title, findings));
  }
  return {
    uri,
    version,
    title: model.title ? model.title.text : '',
    sections,
    progress: { present, required: required.size },
    timeline: parts.timeline ?? null,
    actions: parts.actions ?? [],
  };
}

function sectionEntry(section: Section, id: SectionId | null, name: string, findings: Finding[]): OutlineSection {
  const inside = findings.filter(
    (f) => INCOMPLETE.has(f.code) && f.range.start.line >= section.heading.startLine && f.range.start.line < section.endLine,
  );
  return {
    id,
    name,
    heading: section.title,
    status: inside.length ? 'incomplete' : 'complete',
    line: section.heading.startLine,
    findings: inside.map(view),
  };
}

function view(f: Finding): FindingView {
  return { code: f.code, severity: f.severity, message: f.message };
}
