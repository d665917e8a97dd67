/** Runs the extension over the labelled corpus and scores each half (shared by `npm run eval` and its test). */
import { readDocuments, readNegatives, readSources, readSplit, type CorpusDocument } from './corpus.js';
import { observe } from './observe.js';
import { figuresOf, scoreDocument, type DocumentScore, type Figures } from './score.js';

export type Half = 'dev' | 'test';

export interface EvalResult {
  documents: number;
  sources: number;
  unlabelled: string[];
  unsplit: string[];
  scores: Array<DocumentScore & { half: Half; source: string }>;
  dev: Figures;
  test: Figures;
  all: Figures;
  /** The Markdown that is not a post-mortem: how much of it got findings, and which. */
  negatives: { documents: number; sources: number; withFindings: string[]; findings: number; byCode: Record<string, number> };
}

export function runEval(): EvalResult {
  const sources = readSources();
  const split = readSplit();
  const halfOf = (source: string): Half | undefined => (split.dev.includes(source) ? 'dev' : split.test.includes(source) ? 'test' : undefined);
  const docs = readDocuments(sources);
  const unlabelled = docs.filter((d) => !d.labels).map((d) => d.id);
  const unsplit = sources.filter((s) => !halfOf(s.id)).map((s) => s.id);
  const scores: EvalResult['scores'] = [];
  for (const d of docs) {
    const half = halfOf(d.source.id);
    if (!d.labels || !half) continue;
    scores.push({ ...scoreDocument(d.id, d.labels, observe(d.text, d.file.path)), half, source: d.source.id });
  }
  const labelledSources = new Set(scores.map((s) => s.source));
  const negatives: EvalResult['negatives'] = { documents: 0, sources: 0, withFindings: [], findings: 0, byCode: {} };
  const negativeSources = new Set<string>();
  for (const n of readNegatives()) {
    negativeSources.add(n.source.id);
    const obs = observe(n.text, n.file.path);
    negatives.documents++;
    if (!obs.findings.length) continue;
    negatives.withFindings.push(n.id);
    negatives.findings += obs.findings.length;
    for (const f of obs.findings) negatives.byCode[f.code] = (negatives.byCode[f.code] ?? 0) + 1;
  }
  negatives.sources = negativeSources.size;
  return {
    documents: scores.length,
    sources: labelledSources.size,
    unlabelled,
    unsplit,
    scores,
    dev: figuresOf(scores.filter((s) => s.half === 'dev')),
    test: figuresOf(scores.filter((s) => s.half === 'test')),
    all: figuresOf(scores),
    negatives,
  };
}

export type { CorpusDocument };
