/**
 * The evaluation corpus on disk: sources, documents and their labels
 * (test/eval/README.md). Read-only helpers shared by the eval, its checks and its test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const EVAL_DIR = join(ROOT, 'test', 'eval');
export const CORPUS_DIR = join(EVAL_DIR, 'corpus');
export const LABELS_DIR = join(EVAL_DIR, 'labels');
/** Real Markdown that is not a post-mortem (plans, RFCs, notes, runbooks…): it must get no finding. */
export const NEGATIVES_DIR = join(EVAL_DIR, 'not-postmortems');

export interface SourceDocument {
  file: string;
  path: string;
  /** For the documents that are not post-mortems: what they are (plan, rfc, adr…). */
  kind?: string;
  /**
   * The commit this document was taken at, when it is not the source's: a blog keeps each
   * post at the commit that last changed it, so its posts may share no commit.
   */
  commit?: string;
}

export interface Source {
  id: string;
  organisation: string;
  repository: string;
  commit: string;
  licence: string;
  licenceFile: string;
  documents: SourceDocument[];
}

export type SectionForm = 'heading' | 'label' | 'preamble' | 'covered';
export interface SectionLabel {
  line: number;
  form: SectionForm;
  title?: string;
}

export const SECTION_IDS = ['summary', 'timeline', 'root-cause', 'resolution', 'preventive-actions', 'successes'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface EntryLabel {
  line: number;
  instant?: string | null;
  date?: string;
  local?: string;
  why?: string;
  note?: string;
}

export interface ActionLabel {
  line: number;
  owner: boolean;
  due: boolean;
  done: boolean;
  vague?: boolean;
  note?: string;
}

export interface ProblemLabel {
  code: string;
  line: number;
  endLine?: number;
  why: string;
}

export interface Labels {
  document: string;
  reader: string;
  checkedBy?: string;
  postMortem: boolean;
  incidents?: Array<{ line: number; endLine: number; title?: string }>;
  sections: Record<SectionId, SectionLabel | null>;
  timeline: { zone?: string; entries: EntryLabel[] };
  actions: ActionLabel[];
  problems: ProblemLabel[];
  notes?: string;
}

export interface CorpusDocument {
  /** `<source>/<file>`, as in the labels' `document`. */
  id: string;
  source: Source;
  file: SourceDocument;
  text: string;
  labels: Labels | undefined;
}

export function readSources(dir: string = CORPUS_DIR): Source[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .filter((name) => existsSync(join(dir, name, 'source.json')))
    .map((name) => JSON.parse(readFileSync(join(dir, name, 'source.json'), 'utf8')) as Source);
}

/** The documents that are not post-mortems, with their text. */
export function readNegatives(): Array<{ id: string; source: Source; file: SourceDocument; text: string }> {
  return readSources(NEGATIVES_DIR).flatMap((source) =>
    source.documents.map((file) => ({ id: `${source.id}/${file.file}`, source, file, text: readFileSync(join(NEGATIVES_DIR, source.id, file.file), 'utf8') })),
  );
}

export function labelsPath(sourceId: string, file: string): string {
  return join(LABELS_DIR, sourceId, file.replace(/\.md$/i, '.json'));
}

export function readDocuments(sources: Source[] = readSources()): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const source of sources) {
    for (const file of source.documents) {
      const text = readFileSync(join(CORPUS_DIR, source.id, file.file), 'utf8');
      const lp = labelsPath(source.id, file.file);
      const labels = existsSync(lp) ? (JSON.parse(readFileSync(lp, 'utf8')) as Labels) : undefined;
      out.push({ id: `${source.id}/${file.file}`, source, file, text, labels });
    }
  }
  return out;
}

export interface Split {
  dev: string[];
  test: string[];
}

export function readSplit(): Split {
  const p = join(EVAL_DIR, 'split.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Split) : { dev: [], test: [] };
}
