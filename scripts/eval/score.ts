/**
 * Scores observations against labels: which findings a reader expected (true
 * positives), which they did not (false positives), which were missed, whether
 * each section was found where the reader found it, and which timeline entries
 * were read and given the reader's instant.
 */
import { SECTION_IDS, type Labels } from './corpus.js';
import type { Observation, ObservedFinding } from './observe.js';

/** A finding a reader expects: from a labelled problem, a missing section or an action's missing part. */
export interface Expected {
  code: string;
  line: number;
  endLine: number;
  sectionId?: string;
  why: string;
}

export function expectedFindings(labels: Labels): Expected[] {
  if (!labels.postMortem) return [];
  const out: Expected[] = [];
  for (const id of SECTION_IDS) {
    if (labels.sections[id] === null) out.push({ code: 'section.missing', line: 0, endLine: 0, sectionId: id, why: `no ${id} anywhere` });
  }
  for (const a of labels.actions) {
    if (a.done) continue;
    if (!a.owner) out.push({ code: 'action.owner-missing', line: a.line, endLine: a.line, why: 'open action without an owner' });
    if (!a.due) out.push({ code: 'action.due-missing', line: a.line, endLine: a.line, why: 'open action without a due date or ticket' });
  }
  for (const a of labels.actions) if (a.vague) out.push({ code: 'action.vague', line: a.line, endLine: a.line, why: 'vague action' });
  for (const p of labels.problems) {
    // A problem about a whole section also counts when reported on the section's own line.
    const scope = SECTION_SCOPED[p.code];
    const section = scope ? labels.sections[scope] : null;
    const start = section && section.form !== 'covered' && section.line <= p.line ? section.line : p.line;
    out.push({ code: p.code, line: start, endLine: p.endLine ?? p.line, why: p.why });
  }
  return out;
}

/** Codes whose problem is about a whole section, and that section. */
const SECTION_SCOPED: Record<string, (typeof SECTION_IDS)[number]> = {
  'summary.incomplete': 'summary',
  'summary.timezone-missing': 'summary',
  'timeline.timezone-missing': 'timeline',
  'timeline.date-missing': 'timeline',
};

function matches(f: ObservedFinding, e: Expected): boolean {
  if (f.code !== e.code) return false;
  if (e.code === 'section.missing') return f.sectionId === e.sectionId;
  return f.line >= e.line && f.line <= e.endLine;
}

export interface DocumentScore {
  id: string;
  postMortem: boolean;
  detected: boolean;
  truePositives: ObservedFinding[];
  falsePositives: ObservedFinding[];
  falseNegatives: Expected[];
  sections: { total: number; correct: number; wrong: Array<{ id: string; labelled: number | null; form: string | null; observed: number | null }> };
  entries: {
    labelled: number;
    read: number;
    resolvable: number;
    correct: number;
    /** Entries the labels give no instant (with why) that got one. */
    instantWithoutLabel: Array<{ line: number; why: string }>;
    /** Entries read where the labels have none. */
    spurious: number[];
    wrong: Array<{ line: number; expected: string; observed: string }>;
    missed: number[];
  };
}

export function scoreDocument(id: string, labels: Labels, obs: Observation): DocumentScore {
  // Findings on a document that is not a post-mortem are all false positives.
  const expected = expectedFindings(labels);
  const open = [...expected];
  const tp: ObservedFinding[] = [];
  const fp: ObservedFinding[] = [];
  for (const f of obs.findings) {
    const i = open.findIndex((e) => matches(f, e));
    if (i >= 0) {
      tp.push(f);
      open.splice(i, 1);
    } else fp.push(f);
  }

  const sections = { total: 0, correct: 0, wrong: [] as DocumentScore['sections']['wrong'] };
  if (labels.postMortem) {
    for (const sid of SECTION_IDS) {
      const l = labels.sections[sid];
      const o = obs.sections[sid];
      sections.total++;
      const ok = l === null ? o === null : l.form === 'covered' ? o === null || o === l.line : o === l.line;
      if (ok) sections.correct++;
      else sections.wrong.push({ id: sid, labelled: l?.line ?? null, form: l?.form ?? null, observed: o });
    }
  }

  const byLine = new Map(obs.entries.map((e) => [e.line, e]));
  const labelledLines = new Set(labels.timeline.entries.map((e) => e.line));
  const entries: DocumentScore['entries'] = { labelled: 0, read: 0, resolvable: 0, correct: 0, instantWithoutLabel: [], spurious: [], wrong: [], missed: [] };
  for (const e of labels.timeline.entries) {
    entries.labelled++;
    const o = byLine.get(e.line);
    if (o) entries.read++;
    else entries.missed.push(e.line);
    if (e.instant) {
      entries.resolvable++;
      const want = Date.parse(e.instant);
      if (o?.utc === want && o.date === undefined) entries.correct++;
      else if (o) entries.wrong.push({ line: e.line, expected: e.instant, observed: describe(o) });
    } else if (e.date) {
      entries.resolvable++;
      if (o?.date === e.date) entries.correct++;
      else if (o) entries.wrong.push({ line: e.line, expected: e.date, observed: describe(o) });
    } else if (o && (o.utc !== undefined || o.date !== undefined)) {
      entries.instantWithoutLabel.push({ line: e.line, why: e.why ?? 'none' });
    }
  }
  for (const o of obs.entries) if (!labelledLines.has(o.line)) entries.spurious.push(o.line);

  return { id, postMortem: labels.postMortem, detected: obs.postMortem, truePositives: tp, falsePositives: fp, falseNegatives: open, sections, entries };
}

function describe(o: { utc?: number; date?: string }): string {
  if (o.date) return o.date;
  if (o.utc !== undefined) return new Date(o.utc).toISOString().replace(/:00\.000Z$/, 'Z').replace(/\.000Z$/, 'Z');
  return 'no instant';
}

/** The figures of a set of documents (one half, or the whole corpus). */
export interface Figures {
  documents: number;
  postMortems: number;
  detected: number;
  precision: Record<string, number | null>;
  recall: Record<string, number | null>;
  counts: Record<string, { tp: number; fp: number; fn: number }>;
  findings: number;
  falsePositives: number;
  falsePositivesPerDocument: number;
  overallPrecision: number | null;
  problemsLabelled: number;
  problemsFound: number;
  problemRecall: number | null;
  sectionMapAccuracy: number | null;
  entriesLabelled: number;
  entriesRead: number;
  timelineRecall: number | null;
  instantsResolvable: number;
  instantsCorrect: number;
  instantAccuracy: number | null;
  instantsWithoutLabel: number;
  impossibleGivenInstant: number;
  spuriousEntries: number;
}

const ratio = (a: number, b: number): number | null => (b ? a / b : null);

export function figuresOf(scores: DocumentScore[]): Figures {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (code: string, k: 'tp' | 'fp' | 'fn') => ((counts[code] ??= { tp: 0, fp: 0, fn: 0 })[k]++);
  let sTotal = 0, sCorrect = 0, eLab = 0, eRead = 0, iRes = 0, iOk = 0, iNo = 0, imp = 0, spur = 0;
  for (const s of scores) {
    for (const f of s.truePositives) bump(f.code, 'tp');
    for (const f of s.falsePositives) bump(f.code, 'fp');
    for (const e of s.falseNegatives) bump(e.code, 'fn');
    sTotal += s.sections.total;
    sCorrect += s.sections.correct;
    eLab += s.entries.labelled;
    eRead += s.entries.read;
    iRes += s.entries.resolvable;
    iOk += s.entries.correct;
    iNo += s.entries.instantWithoutLabel.length;
    imp += s.entries.instantWithoutLabel.filter((x) => x.why === 'invalid' || x.why === 'placeholder').length;
    spur += s.entries.spurious.length;
  }
  const codes = Object.keys(counts).sort();
  const precision: Record<string, number | null> = {};
  const recall: Record<string, number | null> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const c of codes) {
    const k = counts[c]!;
    precision[c] = ratio(k.tp, k.tp + k.fp);
    recall[c] = ratio(k.tp, k.tp + k.fn);
    tp += k.tp;
    fp += k.fp;
    fn += k.fn;
  }
  return {
    documents: scores.length,
    postMortems: scores.filter((s) => s.postMortem).length,
    detected: scores.filter((s) => s.postMortem && s.detected).length,
    precision,
    recall,
    counts,
    findings: tp + fp,
    falsePositives: fp,
    falsePositivesPerDocument: scores.length ? fp / scores.length : 0,
    overallPrecision: ratio(tp, tp + fp),
    problemsLabelled: tp + fn,
    problemsFound: tp,
    problemRecall: ratio(tp, tp + fn),
    sectionMapAccuracy: ratio(sCorrect, sTotal),
    entriesLabelled: eLab,
    entriesRead: eRead,
    timelineRecall: ratio(eRead, eLab),
    instantsResolvable: iRes,
    instantsCorrect: iOk,
    instantAccuracy: ratio(iOk, iRes),
    instantsWithoutLabel: iNo,
    impossibleGivenInstant: imp,
    spuriousEntries: spur,
  };
}
