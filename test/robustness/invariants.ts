/**
 * What must hold for any text whatsoever, whatever rules and fixes are
 * registered: the service does not throw, no rule fails (the service turns a
 * rule's exception into an `internal.rule-error` finding, which counts as a
 * failure here), every range lies inside the document, and every quick fix and
 * the fix-all apply cleanly, only insert or move text (a fix offered as a choice,
 * not safe, may rewrite the text its findings point at, and nothing else), and
 * change nothing when applied a second time. Throws an Error saying what broke.
 */
import { analyze, applyEdits, codeActions, fixAll, allCodes, type Analysis, type Finding, type Fix, type Settings } from '../../server/src/service.js';
import { keepsEveryLine } from '../../server/src/cli/fix.js';

export interface CheckOptions {
  settings?: Settings;
  path?: string;
  /** Check each finding's quick fixes (one more analysis per fix); off for multi-megabyte inputs. */
  quickFixes?: boolean;
}

export interface CheckSummary {
  findings: number;
  codes: string[];
  fixesChecked: number;
}

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

/** The document's line lengths, split as LSP does (\r\n, \r or \n), computed here rather than by the code under test. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function describe(r: Rng): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function isPos(p: unknown): p is Pos {
  const q = p as Pos | undefined;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character);
}

/** Throws unless the range is well-formed, ordered and inside the document. */
export function assertRangeInside(r: Rng, lengths: readonly number[], what: string): void {
  if (!isPos(r?.start) || !isPos(r?.end)) throw new Error(`${what}: malformed range ${JSON.stringify(r)}`);
  for (const p of [r.start, r.end]) {
    if (p.line < 0 || p.line >= lengths.length) throw new Error(`${what}: line ${p.line} outside the document (${lengths.length} lines), range ${describe(r)}`);
    if (p.character < 0 || p.character > lengths[p.line]!) {
      throw new Error(`${what}: character ${p.character} outside line ${p.line} (length ${lengths[p.line]}), range ${describe(r)}`);
    }
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
    throw new Error(`${what}: range ${describe(r)} ends before it starts`);
  }
}

const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** True when `after` is `before` with characters inserted (nothing removed or reordered). */
export function isSupersequence(original: string, after: string): boolean {
  let i = 0;
  for (let j = 0; j < after.length && i < original.length; j++) if (after.charCodeAt(j) === original.charCodeAt(i)) i++;
  return i === original.length;
}

function analyzeOrThrow(text: string, options: CheckOptions, what: string): Analysis {
  let analysis: Analysis;
  try {
    analysis = analyze(text, { force: true, ...(options.settings ? { settings: options.settings } : {}), ...(options.path ? { path: options.path } : {}) });
  } catch (e) {
    throw new Error(`analyze threw on ${what}: ${(e as Error)?.stack ?? String(e)}`);
  }
  const failed = analysis.findings.find((f) => f.code === 'internal.rule-error');
  if (failed) throw new Error(`a rule failed on ${what}: ${failed.message}`);
  return analysis;
}

/** Applies a fix, checking it is applicable and loses nothing; returns the new text. */
function applyChecked(text: string, fix: Fix, findings: readonly Finding[], what: string): string {
  const lengths = lineLengths(text);
  const edits = [...fix.edits].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  edits.forEach((e, i) => {
    assertRangeInside(e.range, lengths, `${what}, edit ${i}`);
    if (typeof e.newText !== 'string') throw new Error(`${what}: edit ${i} has no text`);
    const next = edits[i + 1];
    if (next && before(next.range.start, e.range.end)) throw new Error(`${what}: edits ${describe(e.range)} and ${describe(next.range)} overlap`);
    if (next && !before(e.range.start, next.range.start) && !before(e.range.start, e.range.end) && !before(next.range.start, next.range.end)) {
      throw new Error(`${what}: two insertions at ${describe(e.range)}, their order is undefined`);
    }
  });
  let after: string;
  try {
    after = applyEdits(text, fix.edits);
  } catch (e) {
    throw new Error(`${what}: applying the edits threw: ${(e as Error)?.message}`);
  }
  // keepsEveryLine treats a leading byte order mark as the file's: it must stay first.
  if (keepsEveryLine(text, after) || isSupersequence(text, after) || movesOnly(text, edits)) return after;
  // A fix that needs a human choice (not safe: never applied by fix-all or --fix) may
  // rewrite text, "3:26pm" as "15:26", but only on lines a finding points at.
  if (fix.safe) throw new Error(`${what}: a safe fix removes or rewrites text the user wrote (not an insertion, nor a move of whole lines)`);
  const stray = fix.edits.find(
    (e) => before(e.range.start, e.range.end) && !findings.some((f) => f.range.start.line <= e.range.start.line && e.range.end.line <= f.range.end.line),
  );
  if (stray) throw new Error(`${what}: it rewrites ${describe(stray.range)}, where no finding points`);
  return after;
}

/** True when every line the edits remove comes back in the text they insert (insertions, and moves within the fix). */
function movesOnly(text: string, edits: readonly { range: Rng; newText: string }[]): boolean {
  const starts = lineStarts(text);
  const offset = (p: Pos) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const inserted = new Map<string, number>();
  for (const e of edits) for (const l of e.newText.split(/\r\n|\r|\n/)) inserted.set(l, (inserted.get(l) ?? 0) + 1);
  for (const e of edits) {
    const removed = text.slice(offset(e.range.start), offset(e.range.end));
    if (!removed) continue;
    for (const l of removed.split(/\r\n|\r|\n/)) {
      const n = inserted.get(l) ?? 0;
      if (n === 0) return false;
      inserted.set(l, n - 1);
    }
  }
  return true;
}

const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const samePos = (a: Pos, b: Pos) => a.line === b.line && a.character === b.character;

/** Offsets of line starts, splitting as LSP does. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** Where the text at a position of `before` is in `after`, once `edits` are applied (inside a replaced range: the start of its text). */
function mapPosition(before: string, after: string, edits: readonly { range: Rng; newText: string }[], pos: Pos): Pos {
  const starts = lineStarts(before);
  const offset = (p: Pos) => Math.min((starts[p.line] ?? before.length) + p.character, before.length);
  const at = offset(pos);
  let shift = 0;
  for (const e of edits) {
    const start = offset(e.range.start);
    const end = offset(e.range.end);
    if (end <= at) shift += e.newText.length - (end - start); // before it, or inserted right at it
    else if (start < at) shift += start - at; // inside the replaced text: to its start
  }
  const moved = at + shift;
  const afterStarts = lineStarts(after);
  let line = 0;
  while (line + 1 < afterStarts.length && afterStarts[line + 1]! <= moved) line++;
  return { line, character: moved - afterStarts[line]! };
}

/**
 * The findings whose quick fixes are checked: the first and the last of each code
 * (each fix costs an analysis, and a document can have hundreds of findings of a kind).
 */
function sample(findings: readonly Finding[]): Finding[] {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode.values()].flatMap((fs) => (fs.length > 2 ? [fs[0]!, fs[fs.length - 1]!] : fs));
}

/** Checks every invariant on `text`; throws an Error naming the first that fails. */
export function checkInvariants(text: string, options: CheckOptions = {}): CheckSummary {
  const analysis = analyzeOrThrow(text, options, 'the input');
  const lengths = lineLengths(text);
  const codes = allCodes();
  for (const f of analysis.findings) {
    if (!(f.code in codes)) throw new Error(`finding with undeclared code ${f.code}`);
    if (typeof f.message !== 'string' || !f.message.trim()) throw new Error(`${f.code}: empty message`);
    assertRangeInside(f.range, lengths, `finding ${f.code}`);
  }
  let fixesChecked = 0;

  if (options.quickFixes !== false) {
    for (const f of sample(analysis.findings)) {
      const fixes = codeActions(analysis, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']);
      for (const fix of fixes) {
        const what = `quick fix "${fix.title}" for ${f.code}`;
        const after = applyChecked(text, fix, analysis.findings, what);
        fixesChecked++;
        // The same fix for the same finding (its code and data, where the edits moved it), asked again, must change nothing.
        const again = analyzeOrThrow(after, options, `the text after ${what}`);
        const moved = mapPosition(text, after, fix.edits, f.range.start);
        for (const g of again.findings.filter((g) => g.code === f.code && sameData(g.data, f.data) && samePos(g.range.start, moved))) {
          for (const second of codeActions(again, [{ code: g.code, range: g.range, data: g.data }], ['quickfix'])) {
            if (second.title !== fix.title) continue;
            if (applyEdits(after, second.edits) !== after) throw new Error(`${what}: applying it a second time changes the text again`);
          }
        }
      }
    }
  }

  const all = fixAll(analysis);
  if (all) {
    const after = applyChecked(text, all, analysis.findings, 'fix-all');
    fixesChecked++;
    const again = fixAll(analyzeOrThrow(after, options, 'the text after fix-all'));
    if (again && applyEdits(after, again.edits) !== after) {
      throw new Error(`fix-all is not idempotent: a second application changes the text again (${(again.parts ?? [again.title]).join('; ')})`);
    }
  }
  return { findings: analysis.findings.length, codes: [...new Set(analysis.findings.map((f) => f.code))].sort(), fixesChecked };
}
