/**
 * Checks the evaluation corpus's files against their formats: every source.json
 * complete, every document present, every labels file valid against
 * schemas/eval-labels.schema.json with lines inside its document and in order.
 * Usage: node --import tsx scripts/eval/check.ts [SOURCE...]   (exit 1 on a problem)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { CORPUS_DIR, LABELS_DIR, NEGATIVES_DIR, ROOT, labelsPath, readSources, type Labels, type Source } from './corpus.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'eval-labels.schema.json'), 'utf8'));

export function checkCorpus(only: string[] = []): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const problems: string[] = [];
  const seenRepos = new Map<string, string>();
  for (const [dir, labelled] of [[CORPUS_DIR, true], [NEGATIVES_DIR, false]] as const) {
    const folder = dir === CORPUS_DIR ? 'corpus' : 'not-postmortems';
    const sources = readSources(dir).filter((s) => !only.length || only.includes(s.id));
    problems.push(...checkSources(sources, dir, folder, labelled, validate, seenRepos));
  }
  return problems;
}

function checkSources(
  sources: Source[],
  dir: string,
  folder: string,
  labelled: boolean,
  validate: ReturnType<Ajv['compile']>,
  seenRepos: Map<string, string>,
): string[] {
  const problems: string[] = [];
  for (const s of sources) {
    const where = `${folder}/${s.id}/source.json`;
    for (const key of ['id', 'organisation', 'repository', 'commit', 'licence', 'licenceFile', 'documents'] as const) {
      if (!s[key]) problems.push(`${where}: no ${key}`);
    }
    if (!/^[0-9a-f]{40}$/.test(s.commit ?? '')) problems.push(`${where}: commit is not 40 hex digits`);
    if (!existsSync(join(dir, s.id, 'LICENSE'))) problems.push(`${folder}/${s.id}: no LICENSE copy`);
    if (seenRepos.has(s.repository)) problems.push(`${where}: repository also used by ${seenRepos.get(s.repository)}`);
    seenRepos.set(s.repository, s.id);
    const names = new Set<string>();
    for (const d of s.documents ?? []) {
      if (names.has(d.file)) problems.push(`${where}: ${d.file} twice`);
      names.add(d.file);
      if (!existsSync(join(dir, s.id, d.file))) problems.push(`${where}: ${d.file} is not in the folder`);
      if (d.commit !== undefined && !/^[0-9a-f]{40}$/.test(d.commit)) problems.push(`${where}: ${d.file}'s commit is not 40 hex digits`);
    }
    const onDisk = readdirSync(join(dir, s.id)).filter((f) => f.toLowerCase().endsWith('.md'));
    for (const f of onDisk) if (!names.has(f)) problems.push(`${folder}/${s.id}/${f}: not listed in source.json`);
    if (!labelled) continue;
    for (const d of s.documents ?? []) problems.push(...checkLabels(s, d.file, validate));
    const labelDir = join(LABELS_DIR, s.id);
    if (existsSync(labelDir)) {
      for (const f of readdirSync(labelDir)) {
        if (!names.has(f.replace(/\.json$/, '.md'))) problems.push(`labels/${s.id}/${f}: no such document`);
      }
    }
  }
  return problems;
}

function checkLabels(source: Source, file: string, validate: ReturnType<Ajv['compile']>): string[] {
  const p = labelsPath(source.id, file);
  const where = `labels/${source.id}/${file.replace(/\.md$/i, '.json')}`;
  if (!existsSync(p)) return [`${where}: missing`];
  let labels: Labels;
  try {
    labels = JSON.parse(readFileSync(p, 'utf8'));
  } catch (e) {
    return [`${where}: not JSON (${(e as Error).message})`];
  }
  const out: string[] = [];
  if (!validate(labels)) {
    for (const e of validate.errors ?? []) out.push(`${where}: ${e.instancePath || '/'} ${e.message}`);
    return out;
  }
  if (labels.document !== `${source.id}/${file}`) out.push(`${where}: document is "${labels.document}", expected "${source.id}/${file}"`);
  const lineCount = readFileSync(join(CORPUS_DIR, source.id, file), 'utf8').split(/\r\n|\r|\n/).length;
  const inside = (line: number, what: string) => {
    if (line > lineCount) out.push(`${where}: ${what} line ${line} is past the end (${lineCount} lines)`);
  };
  for (const [id, s] of Object.entries(labels.sections)) if (s) inside(s.line, `sections.${id}`);
  let previous = 0;
  for (const e of labels.timeline.entries) {
    inside(e.line, 'timeline entry');
    if (e.line <= previous) out.push(`${where}: timeline entry line ${e.line} is not after ${previous}`);
    previous = e.line;
    const has = [e.instant !== undefined, e.date !== undefined].filter(Boolean).length;
    if (has !== 1) out.push(`${where}: timeline entry line ${e.line} needs exactly one of instant or date`);
    if (e.instant === null && !e.why) out.push(`${where}: timeline entry line ${e.line} has no instant and no why`);
    if (e.instant && e.why) out.push(`${where}: timeline entry line ${e.line} has an instant and a why`);
  }
  previous = 0;
  for (const a of labels.actions) {
    inside(a.line, 'action');
    if (a.line <= previous) out.push(`${where}: action line ${a.line} is not after ${previous}`);
    previous = a.line;
  }
  for (const pr of labels.problems) {
    inside(pr.line, `problem ${pr.code}`);
    if (pr.endLine !== undefined && pr.endLine < pr.line) out.push(`${where}: problem ${pr.code} ends before it starts`);
    if (pr.code === 'section.missing' || pr.code.startsWith('action.')) out.push(`${where}: ${pr.code} is derived from sections/actions; do not list it in problems`);
  }
  return out;
}

if (require.main === module) {
  const problems = checkCorpus(process.argv.slice(2));
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : 'corpus and labels are consistent');
  process.exit(problems.length ? 1 : 0);
}
