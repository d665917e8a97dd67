import { canonicalSection, type Section } from '../model/sections.js';
import { preambleSummary } from '../model/document.js';
import { customDefinition, isCanonicalId } from '../config/presets.js';
import { foundSections, sectionDef } from '../config/sections.js';
import type { Analysis } from '../analysis.js';
import type { Finding } from '../rules/types.js';
import type { ActionItemView, FindingView, OutlineSection, OutlineView, TimelineView } from '../protocol.js';
import { extractActionItems } from '../content/actions.js';
import { timelineView } from '../timeline/view.js';

/** The whole outline: sections, the timeline with its milestones and metrics, and the action items. */
export function fullOutlineView(analysis: Analysis, uri: string, version: number): OutlineView {
  const view = outlineView(analysis, uri, version, {
    timeline: timelineView(analysis, uri, version),
    actions: actionsOf(analysis),
  });
  if (!analysis.incidents) return view;
  // A log of incidents: each with its own sections; the progress is theirs together.
  const incidents = analysis.incidents.map((p) => {
    const o = outlineView(p.analysis, uri, version);
    return { title: p.incident.title, line: p.incident.startLine, sections: o.sections, progress: o.progress };
  });
  const progress = incidents.reduce(
    (sum, i) => ({ present: sum.present + i.progress.present, required: sum.required + i.progress.required, clean: sum.clean + i.progress.clean }),
    { present: 0, required: 0, clean: 0 },
  );
  return { ...view, sections: [], progress, incidents };
}

/** The action items, each incident's in a log. */
function actionsOf(analysis: Analysis): ActionItemView[] {
  const models = analysis.incidents ? analysis.incidents.map((p) => p.analysis.model) : [analysis.model];
  return models.flatMap((model) =>
    extractActionItems(model).map((a) => ({
      line: a.line,
      text: a.text,
      owner: a.owner ?? null,
      due: a.due ?? null,
      ticket: a.ticket ?? a.link ?? null,
      done: a.done,
    })),
  );
}

/** Extra parts of the outline that other modules compute (the timeline, the action items). */
export interface OutlineParts {
  timeline?: TimelineView | null;
  actions?: ActionItemView[];
}

/**
 * The outline of an analysed post-mortem: the sections of the active preset in its
 * order (required ones even when missing) with their status, then the document's
 * other sections. A section's status comes from the findings inside it, so the outline,
 * the status bar and the Problems panel never disagree: ✓ only when it has none.
 */
export function outlineView(analysis: Analysis, uri: string, version: number, parts: OutlineParts = {}): OutlineView {
  const { model, settings, findings } = analysis;
  const required = new Set(settings.requiredSections);
  const found = foundSections(model, settings);
  const ids = [...settings.sectionDefs.map((d) => d.id), ...settings.requiredSections.filter((id) => !settings.sectionDefs.some((d) => d.id === id))];
  const sections: OutlineSection[] = [];
  // A missing section's finding sits where that section would go (a neighbour's heading); it is listed under the missing section, not the neighbour.
  const incomplete = findingsByLine(findings.filter((f) => f.code !== 'section.missing'));
  let present = 0;
  for (const id of ids) {
    const name = (sectionDef(settings, id) ?? (isCanonicalId(id) ? canonicalSection(id) : customDefinition(id))).name;
    const section = found.get(id);
    if (section) {
      if (required.has(id)) present++;
      sections.push(sectionEntry(section, id, name, incomplete));
    } else if (id === 'summary' && preambleSummary(model)) {
      if (required.has(id)) present++;
      const inside = between(incomplete, model.preamble.startLine, model.preamble.endLine);
      sections.push({ id, name, heading: null, status: inside.length ? 'incomplete' : 'complete', line: model.preamble.startLine, findings: inside.map(view) });
    } else if (required.has(id)) {
      const missing = findings.filter((f) => f.code === 'section.missing' && (f.data as { sectionId?: string } | undefined)?.sectionId === id);
      // Absent, but its content is told elsewhere (a resolution in the timeline): nothing to fix.
      sections.push({ id, name, heading: null, status: missing.length ? 'missing' : 'covered', line: null, findings: missing.map(view) });
    }
  }
  const shown = new Set(found.values());
  for (const s of model.allSections) {
    if (s.level !== model.sectionLevel || shown.has(s)) continue;
    sections.push(sectionEntry(s, null, s.title, incomplete));
  }
  const clean = sections.filter((s) => s.id !== null && required.has(s.id) && (s.status === 'complete' || s.status === 'covered')).length;
  return {
    uri,
    version,
    title: model.title ? model.title.text : '',
    sections,
    progress: { present, required: required.size, clean },
    timeline: parts.timeline ?? null,
    actions: parts.actions ?? [],
  };
}

interface Indexed {
  finding: Finding;
  /** Its place among the findings, to list a section's findings in their order. */
  index: number;
}

/** The findings, sorted by the line they start on. */
function findingsByLine(findings: readonly Finding[]): Indexed[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.index - b.index);
}

/** Index of the first finding starting on `line` or later: a binary search, so the outline stays linear in the document. */
function firstFrom(sorted: readonly Indexed[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.finding.range.start.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The findings starting on a line in [start, end), in their original order. */
function between(sorted: readonly Indexed[], start: number, end: number): Finding[] {
  const from = firstFrom(sorted, start);
  const to = firstFrom(sorted, end);
  return from >= to ? [] : sorted.slice(from, to).sort((a, b) => a.index - b.index).map((x) => x.finding);
}

function sectionEntry(section: Section, id: string | null, name: string, incomplete: readonly Indexed[]): OutlineSection {
  const inside = between(incomplete, section.heading.startLine, section.endLine);
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
