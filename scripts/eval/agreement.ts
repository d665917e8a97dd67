/**
 * How far two readers' labels of the same documents agree: the committed labels
 * (first reader) against a second reader's, written independently into another
 * folder with the same layout. Prints agreement on sections, timeline entries and
 * instants, actions and problems, and every disagreement to settle by reading the
 * document again.
 * Usage: node --import tsx scripts/eval/agreement.ts SECOND_LABELS_DIR
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS_DIR, SECTION_IDS, type Labels } from './corpus.js';
import { expectedFindings } from './score.js';

export interface Agreement {
  documents: number;
  sections: { same: number; total: number };
  entries: { same: number; total: number };
  instants: { same: number; total: number };
  actions: { same: number; total: number };
  problems: { same: number; total: number };
  postMortem: { same: number; total: number };
  disagreements: string[];
}

const key = (e: { code: string; line: number; sectionId?: string }) => `${e.code}@${e.sectionId ?? e.line}`;

export function compareLabels(a: Labels, b: Labels): Omit<Agreement, 'documents'> {
  const out: Omit<Agreement, 'documents'> = {
    sections: { same: 0, total: 0 },
    entries: { same: 0, total: 0 },
    instants: { same: 0, total: 0 },
    actions: { same: 0, total: 0 },
    problems: { same: 0, total: 0 },
    postMortem: { same: a.postMortem === b.postMortem ? 1 : 0, total: 1 },
    disagreements: [],
  };
  const say = (s: string) => out.disagreements.push(`${a.document}: ${s}`);
  if (a.postMortem !== b.postMortem) say(`postMortem ${a.postMortem} / ${b.postMortem}`);
  for (const id of SECTION_IDS) {
    const x = a.sections[id];
    const y = b.sections[id];
    out.sections.total++;
    const sx = x ? `${x.line} ${x.form}` : 'absent';
    const sy = y ? `${y.line} ${y.form}` : 'absent';
    // A covered section and an absent one are close calls; lines must agree otherwise.
    if ((x?.line ?? null) === (y?.line ?? null)) out.sections.same++;
    else say(`section ${id}: ${sx} / ${sy}`);
  }
  const ea = new Map(a.timeline.entries.map((e) => [e.line, e]));
  const eb = new Map(b.timeline.entries.map((e) => [e.line, e]));
  const lines = new Set([...ea.keys(), ...eb.keys()]);
  for (const line of [...lines].sort((p, q) => p - q)) {
    out.entries.total++;
    const x = ea.get(line);
    const y = eb.get(line);
    if (!x || !y) {
      say(`entry line ${line}: only the ${x ? 'first' : 'second'} reader lists it`);
      continue;
    }
    out.entries.same++;
    out.instants.total++;
    const vx = x.instant ?? x.date ?? `none (${x.why})`;
    const vy = y.instant ?? y.date ?? `none (${y.why})`;
    if (vx === vy) out.instants.same++;
    else say(`entry line ${line}: ${vx} / ${vy}`);
  }
  const aa = new Map(a.actions.map((x) => [x.line, x]));
  const ab = new Map(b.actions.map((x) => [x.line, x]));
  for (const line of new Set([...aa.keys(), ...ab.keys()])) {
    out.actions.total++;
    const x = aa.get(line);
    const y = ab.get(line);
    const f = (v?: typeof x) => (v ? `owner ${v.owner} due ${v.due} done ${v.done} vague ${!!v.vague}` : 'not an action');
    if (f(x) === f(y)) out.actions.same++;
    else say(`action line ${line}: ${f(x)} / ${f(y)}`);
  }
  const pa = expectedFindings(a).map(key);
  const pb = expectedFindings(b).map(key);
  const rest = [...pb];
  for (const p of pa) {
    out.problems.total++;
    const i = rest.indexOf(p);
    if (i >= 0) {
      out.problems.same++;
      rest.splice(i, 1);
    } else say(`problem ${p}: first reader only`);
  }
  for (const p of rest) {
    out.problems.total++;
    say(`problem ${p}: second reader only`);
  }
  return out;
}

export function agreement(secondDir: string): Agreement {
  const total: Agreement = {
    documents: 0,
    sections: { same: 0, total: 0 },
    entries: { same: 0, total: 0 },
    instants: { same: 0, total: 0 },
    actions: { same: 0, total: 0 },
    problems: { same: 0, total: 0 },
    postMortem: { same: 0, total: 0 },
    disagreements: [],
  };
  for (const source of readdirSync(secondDir)) {
    for (const file of readdirSync(join(secondDir, source)).filter((f) => f.endsWith('.json'))) {
      const first = join(LABELS_DIR, source, file);
      if (!existsSync(first)) continue;
      const c = compareLabels(JSON.parse(readFileSync(first, 'utf8')), JSON.parse(readFileSync(join(secondDir, source, file), 'utf8')));
      total.documents++;
      for (const k of ['sections', 'entries', 'instants', 'actions', 'problems', 'postMortem'] as const) {
        total[k].same += c[k].same;
        total[k].total += c[k].total;
      }
      total.disagreements.push(...c.disagreements);
    }
  }
  return total;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node --import tsx scripts/eval/agreement.ts SECOND_LABELS_DIR');
    process.exit(2);
  }
  const r = agreement(dir);
  const pct = (x: { same: number; total: number }) => `${x.same}/${x.total} (${x.total ? ((100 * x.same) / x.total).toFixed(1) : '—'}%)`;
  console.log(`documents read twice: ${r.documents}`);
  for (const k of ['postMortem', 'sections', 'entries', 'instants', 'actions', 'problems'] as const) console.log(`${k.padEnd(11)} ${pct(r[k])}`);
  console.log('\nDisagreements:');
  for (const d of r.disagreements) console.log(`  ${d}`);
}
