/**
 * What the extension sees in one document, in the terms of the labels: where it
 * finds each canonical section, which timeline entries it reads and their instants,
 * and its findings. Analysed as the editor would (default settings, the file's
 * original repository path for the `files` globs), not forced like the CLI.
 */
import { analyze, type Finding } from '../../server/src/service.js';
import { ACTION_CODES, type ActionFindingData } from '../../server/src/rules/action-items.js';
import { timelineFor } from '../../server/src/timeline/index.js';
import { SECTION_IDS, type SectionId } from './corpus.js';

export interface ObservedEntry {
  /** 1-based line of the timestamp. */
  line: number;
  /** UTC ms, for an entry with a time of day. */
  utc?: number;
  /** YYYY-MM-DD, for a date-only entry. */
  date?: string;
}

export interface ObservedFinding {
  code: string;
  /** 1-based start line. */
  line: number;
  severity: string;
  message: string;
  sectionId?: string;
}

export interface Observation {
  postMortem: boolean;
  sections: Record<SectionId, number | null>;
  entries: ObservedEntry[];
  findings: ObservedFinding[];
}

export function observe(text: string, path: string): Observation {
  const analysis = analyze(text, { path });
  const { model, settings } = analysis;
  const sections = {} as Record<SectionId, number | null>;
  for (const id of SECTION_IDS) {
    const s = model.canonical.get(id);
    sections[id] = s ? s.heading.startLine + 1 : null;
  }
  if (model.summary?.kind === 'preamble') sections.summary = model.summary.startLine + 1;
  const timeline = timelineFor(model, settings);
  const entries: ObservedEntry[] = timeline.events.map((e) => {
    const line = e.stampRange.start.line + 1;
    if (e.dateOnly && e.date) return { line, date: civil(e.date) };
    return e.utc === undefined ? { line } : { line, utc: e.utc };
  });
  return { postMortem: !!analysis.postMortem, sections, entries, findings: analysis.findings.flatMap(perPart).map(observed) };
}

function civil(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * An action finding names every part the action lacks; the labels expect one finding
 * per part (owner, due date, vague), so it is scored once per part it names.
 */
function perPart(f: Finding): Finding[] {
  const missing = (f.data as Partial<ActionFindingData> | undefined)?.missing;
  if (!Object.values(ACTION_CODES).includes(f.code) || !Array.isArray(missing)) return [f];
  return missing.map((part) => ({ ...f, code: ACTION_CODES[part] }));
}

function observed(f: Finding): ObservedFinding {
  const data = f.data as { sectionId?: unknown } | undefined;
  const sectionId = typeof data?.sectionId === 'string' ? data.sectionId : undefined;
  return { code: f.code, line: f.range.start.line + 1, severity: f.severity, message: f.message, ...(sectionId ? { sectionId } : {}) };
}
