/**
 * What must hold for any text whatsoever, whatever rules and fixes are
 * registered: the service does not throw, no rule fails (the service turns a
 * rule's exception into an `internal.rule-error` finding, which counts as a
 * failure here), every range lies inside the document, and every quick fix and
 * the fix-all apply cleanly, only insert or move text, and change nothing when
 * applied a second time. Throws an Error saying what broke.
 */
import { analyze, applyEdits, codeActions, fixAll, allCodes, type Analysis, type Fix, type Settings } from '../../server/src/service.js';
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
function applyChecked(text: string, fix: Fix, what: string): string {
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
  if (!isSupersequence(text, after) && !keepsEveryLine(text, after)) {
    throw new Error(`${what}: the fix removes or rewrites text the user wrote (not an insertion, nor a move of whole lines)`);
  }
  return after;
}

const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
    for (const f of analysis.findings) {
      const fixes = codeActions(analysis, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']);
      for (const fix of fixes) {
        const what = `quick fix "${fix.title}" for ${f.code}`;
        const after = applyChecked(text, fix, what);
        fixesChecked++;
        // The same fix, asked again of the fixed text, must change nothing.
        const again = analyzeOrThrow(after, options, `the text after ${what}`);
        for (const g of again.findings.filter((g) => g.code === f.code && sameData(g.data, f.data))) {
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
    const after = applyChecked(text, all, 'fix-all');
    fixesChecked++;
    const again = fixAll(analyzeOrThrow(after, options, 'the text after fix-all'));
    if (again && applyEdits(after, again.edits) !== after) {
      throw new Error(`fix-all is not idempotent: a second application changes the text again (${(again.parts ?? [again.title]).join('; ')})`);
    }
  }
  return { findings: analysis.findings.length, codes: [...new Set(analysis.findings.map((f) => f.code))].sort(), fixesChecked };
}
