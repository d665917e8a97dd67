/**
 * The post-mortem service: text in, data out. The LSP server, the CLI and the
 * tests all call these functions; nothing here knows about a connection or an editor.
 */
import { buildModel, type PostMortemModel } from './model/document.js';
import { postMortemReason } from './model/classify.js';
import { suppressionsOf } from './model/suppressions.js';
import { aliasTableFor, foundSections } from './config/sections.js';
import { findIncidents, incidentText, type Incident } from './model/incidents.js';
import { LineIndex, type Range } from './model/text.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { INTERNAL_ERROR, RULES, allCodes } from './rules/registry.js';
import { writtenInEnglish } from './content/language.js';
import type { Finding, FindingInput, RuleContext } from './rules/types.js';
import { FIX_PROVIDERS } from './fixes/registry.js';
import type { Fix, FixProvider, TextEdit } from './fixes/types.js';
import { COMPLETION_PROVIDERS, HOVER_PROVIDERS } from './features/registry.js';
import { walkBlocks } from './model/markdown.js';
import type { CompletionResult, HoverResult } from './features/types.js';
import type { Position } from './model/text.js';

export type { Finding } from './rules/types.js';
export type { Analysis, IncidentAnalysis } from './analysis.js';
import type { Analysis } from './analysis.js';
export type { Fix, TextEdit } from './fixes/types.js';
export type { Settings, Severity } from './settings.js';
export type { PostMortemModel } from './model/document.js';
export type { CompletionResult, HoverResult } from './features/types.js';
export { DEFAULT_SETTINGS, settingsFrom } from './settings.js';
export { allCodes, ruleHelpUri } from './rules/registry.js';

export interface AnalyzeOptions {
  /** The file's path, for the `files` globs; undefined for untitled documents. */
  path?: string;
  settings?: Settings;
  /** Check the document even if nothing marks it as a post-mortem (the CLI does). */
  force?: boolean;
}


export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const model = buildModel(text, { aliases: aliasTableFor(settings), path: options.path });
  const postMortem = options.force ? 'forced' : postMortemReason(model, options.path, settings.files);
  if (!postMortem) return { model, settings, postMortem, findings: [] };
  const incidents = findIncidents(model);
  if (incidents.length < 2) return { model, settings, postMortem, findings: runRules(model, settings) };
  return analyzeLog(model, settings, postMortem, incidents);
}

/**
 * A log of several incidents: each is checked on its own, as the post-mortem its part
 * of the text is. The sections each must have are the log's own: those at least half
 * of its incidents have (a log that never writes "What went well" is not asked for one
 * thirty times), among the required ones.
 */
function analyzeLog(model: PostMortemModel, settings: Settings, postMortem: NonNullable<Analysis['postMortem']>, incidents: Incident[]): Analysis {
  const models = incidents.map((i) => buildModel(incidentText(model, i), { aliases: aliasTableFor(settings), path: model.path, titleLine: i.startLine }));
  const counts = new Map<string, number>();
  for (const m of models) for (const id of foundSections(m, settings).keys()) counts.set(id, (counts.get(id) ?? 0) + 1);
  const own: Settings = { ...settings, requiredSections: settings.requiredSections.filter((id) => (counts.get(id) ?? 0) * 2 >= incidents.length) };
  const parts = models.map((m, k) => ({ incident: incidents[k]!, analysis: { model: m, settings: own, postMortem, findings: runRules(m, own) } }));
  // A finding outside every incident (the frontmatter, say) is seen by each of them: once is enough.
  const seen = new Set<string>();
  // A disable comment just above an incident's heading lies outside that incident's text: the log's own comments apply too.
  const suppressions = suppressionsOf(model);
  const findings = parts.flatMap((p) => p.analysis.findings).filter((f) => {
    if (suppressions.directives.length && suppressions.isSuppressed(f.code, f.range.start.line)) return false;
    const key = `${f.code}\0${f.range.start.line}:${f.range.start.character}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { model, settings, postMortem, findings, incidents: parts };
}

/** The analysis a finding belongs to: in a log of incidents, its incident's. */
function ownerOf(analysis: Analysis, ref: FindingRef): Analysis {
  const part = analysis.incidents?.find((p) => p.analysis.findings.some((f) => f.code === ref.code && sameRange(f.range, ref.range) && sameData(f.data, ref.data)));
  return part?.analysis ?? analysis;
}

/** Every code's defaults: the rules are fixed, so the table is built once, not on every analysis. */
let codeTable: ReturnType<typeof allCodes> | undefined;

function runRules(model: PostMortemModel, settings: Settings): Finding[] {
  const codes = (codeTable ??= allCodes());
  const findings: Finding[] = [];
  const cache = new Map<string, unknown>();
  const english = writtenInEnglish(model);
  for (const rule of RULES) {
    if (rule.readsEnglish && !english) continue;
    const context: RuleContext = {
      model,
      settings,
      cached<T>(key: string, compute: () => T): T {
        if (!cache.has(key)) cache.set(key, compute());
        return cache.get(key) as T;
      },
      report(input: FindingInput) {
        if (!(input.code in rule.codes)) throw new Error(`rule reported ${input.code}, which it does not declare`);
        const setting = settings.rules[input.code];
        if (setting === 'off' || (setting === undefined && codes[input.code]!.enabled === false)) return;
        findings.push({ ...input, severity: setting ?? input.severity ?? codes[input.code]!.severity });
      },
    };
    try {
      rule.check(context);
    } catch (e) {
      const setting = settings.rules[INTERNAL_ERROR];
      if (setting === 'off') continue;
      findings.push({
        code: INTERNAL_ERROR,
        severity: setting ?? 'warning',
        message: `The check for ${Object.keys(rule.codes).join(', ')} failed on this document (${(e as Error)?.message ?? String(e)}); the other checks ran. Please report this.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  // Inline <!-- postmortem-disable … --> comments silence findings by the line they start on.
  const suppressions = suppressionsOf(model);
  return suppressions.directives.length ? findings.filter((f) => !suppressions.isSuppressed(f.code, f.range.start.line)) : findings;
}

/** The hover at a position, from the first provider that has one. Post-mortems only. */
export function hover(analysis: Analysis, position: Position): HoverResult | undefined {
  if (!analysis.postMortem) return undefined;
  for (const provider of HOVER_PROVIDERS) {
    const h = provider.hover(analysis, position);
    if (h) return h;
  }
  return undefined;
}

/** Completions at a position, from every provider. Post-mortems only. */
export function completions(analysis: Analysis, position: Position): CompletionResult[] {
  if (!analysis.postMortem) return [];
  return COMPLETION_PROVIDERS.flatMap((p) => p.complete(analysis, position));
}

/** A diagnostic as a client sends it back in a code action request. */
export interface FindingRef {
  code: string;
  range: Range;
  data?: unknown;
}

/**
 * Code actions for the findings a client names (matched by code, range and data
 * against this analysis, so a stale or forged diagnostic yields nothing).
 * `only` filters by kind prefix, as LSP's `CodeActionContext.only`.
 */
export function codeActions(analysis: Analysis, refs: readonly FindingRef[], only?: readonly string[]): Fix[] {
  const wants = (kind: string) => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + '.') || o.startsWith(kind + '.'));
  const out: Fix[] = [];
  if (wants('quickfix')) {
    for (const ref of refs) {
      const owner = ownerOf(analysis, ref);
      const finding = owner.findings.find((f) => f.code === ref.code && sameRange(f.range, ref.range) && sameData(f.data, ref.data));
      if (!finding) continue;
      for (const provider of FIX_PROVIDERS) {
        if (!provider.codes.includes(finding.code)) continue;
        out.push(...provider.fixes(owner, finding).map((f) => afterBom(owner, f)).filter((f) => effective(owner, f) && stable(owner, provider, f)));
      }
    }
  }
  if (wants('source.fixAll.postmortem')) {
    const all = fixAll(analysis);
    if (all) out.push(all);
  }
  return dedupe(out);
}

/** Rounds of fix-all at most: one fix can make another possible (an inserted timeline heading takes in entries that then need sorting). */
const FIX_ALL_ROUNDS = 5;

/**
 * One fix applying every safe fix for the document, round after round until none
 * is left, so that applying it a second time changes nothing. Undefined when there
 * is none, or when the rounds do not settle. One round (the usual case) gives its
 * own edits; several give one edit spanning what changed.
 */
export function fixAll(analysis: Analysis): Fix | undefined {
  const first = fixAllRound(analysis);
  if (!first) return undefined;
  const parts = [...(first.parts ?? [])];
  let text = applyEdits(analysis.model.text, first.edits, analysis);
  let rounds = 1;
  for (;;) {
    const current = analyze(text, { settings: analysis.settings, force: true });
    const next = fixAllRound(current);
    const after = next ? applyEdits(text, next.edits, current) : text;
    if (after === text) break;
    if (++rounds > FIX_ALL_ROUNDS) return undefined;
    parts.push(...(next!.parts ?? []));
    text = after;
  }
  return rounds === 1 ? first : { ...first, edits: [spanEdit(analysis.model.lines, text)], parts };
}

/** One edit turning the text of `lines` into `after`: the whole lines between what they have in common at both ends. */
function spanEdit(lines: LineIndex, after: string): TextEdit {
  const before = lines.text;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const start = lines.lineStart(lines.positionAt(prefix).line);
  let end = before.length - suffix;
  const endLine = lines.positionAt(end).line;
  if (end > lines.lineStart(endLine)) end = lines.lineEndWithTerminator(endLine);
  return { range: { start: lines.positionAt(start), end: lines.positionAt(end) }, newText: after.slice(start, after.length - (before.length - end)) };
}

/** One round of fix-all: every provider's safe fix that does not overlap an earlier one (in a log, incident by incident). */
function fixAllRound(analysis: Analysis): Fix | undefined {
  const edits: TextEdit[] = [];
  const findings: Finding[] = [];
  const parts: string[] = [];
  for (const part of analysis.incidents ?? []) {
    const fix = fixAllRound(part.analysis);
    if (!fix || fix.edits.some((e) => edits.some((o) => overlaps(e.range, o.range)))) continue;
    edits.push(...fix.edits);
    findings.push(...fix.findings);
    for (const t of fix.parts ?? []) if (!parts.includes(t)) parts.push(t);
  }
  for (const provider of analysis.incidents ? [] : FIX_PROVIDERS) {
    if (!provider.fixAll) continue;
    const mine = analysis.findings.filter((f) => provider.codes.includes(f.code));
    if (!mine.length) continue;
    const found = provider.fixAll(analysis, mine);
    const fix = found && afterBom(analysis, found);
    if (!fix || !fix.safe || !effective(analysis, fix) || !stable(analysis, provider, fix)) continue;
    if (fix.edits.some((e) => edits.some((o) => overlaps(e.range, o.range)))) continue;
    edits.push(...fix.edits);
    findings.push(...fix.findings);
    parts.push(fix.title);
  }
  if (!edits.length) return undefined;
  return { title: 'Fix all post-mortem problems that have a safe fix', kind: 'source.fixAll', edits, findings, safe: true, parts };
}

/** Applies non-overlapping edits to a text (the CLI's --fix and the tests use it). */
export function applyEdits(text: string, edits: readonly TextEdit[], analysis?: Analysis): string {
  const lines = analysis?.model.lines ?? new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Moves insertions at the very start of a text that begins with a byte order
 * mark to just after it: text inserted before the mark would push it into the
 * first line, where it hides a heading or a frontmatter fence.
 */
function afterBom(analysis: Analysis, fix: Fix): Fix {
  if (analysis.model.text.charCodeAt(0) !== 0xfeff) return fix;
  const atStart = (p: Position) => p.line === 0 && p.character === 0;
  if (!fix.edits.some((e) => atStart(e.range.start))) return fix;
  const next = { line: 0, character: 1 };
  const edits = fix.edits.map((e) => (atStart(e.range.start) ? { ...e, range: { start: next, end: atStart(e.range.end) ? next : e.range.end } } : e));
  return { ...fix, edits };
}

/**
 * False for a fix that would leave its own findings in place: text inserted into
 * an open code fence or HTML block (a document that ends inside an unclosed
 * "```" or "<!--") is not Markdown, so an inserted section would not count and
 * the fix would be offered again and again. Only edits at such places are
 * verified, by analysing the result; elsewhere a fix is taken at its word.
 */
function effective(analysis: Analysis, fix: Fix): boolean {
  if (!fix.edits.some((e) => insideVerbatim(analysis.model, e.range.start))) return true;
  const after = analyze(applyEdits(analysis.model.text, fix.edits, analysis), { settings: analysis.settings, force: true });
  return !fix.findings.some((f) => after.findings.some((g) => g.code === f.code && JSON.stringify(g.data) === JSON.stringify(f.data)));
}

/**
 * False for a safe fix that moves text when its provider would move text again
 * right after it: "fix all" on every save would then reorder the document back
 * and forth (a timeline sort whose entries take their date from the entry above
 * them, say). Fixes that only insert are not verified; nor is anything when the
 * provider has no fix-all to ask.
 */
function stable(analysis: Analysis, provider: FixProvider, fix: Fix): boolean {
  if (!fix.safe || !provider.fixAll || fix.edits.every((e) => sameRange(e.range, { start: e.range.start, end: e.range.start }))) return true;
  const after = applyEdits(analysis.model.text, fix.edits, analysis);
  const again = analyze(after, { settings: analysis.settings, force: true });
  const second = provider.fixAll(again, again.findings.filter((f) => provider.codes.includes(f.code)));
  return !second || applyEdits(after, second.edits, again) === after;
}

/**
 * True when a position may lie in a code fence or HTML block (including the line after
 * one, to be safe). On a block's first line, any position after its first character is
 * in it: a document that ends with an unclosed `<!--` or fence on its last line, without
 * a final newline, gets text inserted at the end of that very line.
 */
function insideVerbatim(model: PostMortemModel, pos: Position): boolean {
  let inside = false;
  walkBlocks(model.blocks, (b) => {
    const after = b.startLine < pos.line || (b.startLine === pos.line && pos.character > 0);
    if ((b.kind === 'code' || b.kind === 'html') && after && pos.line <= b.endLine) inside = true;
  });
  return inside;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b || b === undefined;
  return JSON.stringify(a) === JSON.stringify(b);
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  const empty = (r: Range) => !before(r.start, r.end);
  // Two insertions at the same point conflict: their order would be arbitrary.
  if (empty(a) && empty(b)) return !before(a.start, b.start) && !before(b.start, a.start);
  // Edits that only touch do not: an insertion where a replacement starts or ends lands
  // outside the replaced text (LSP allows inserts before a replacement at the same start).
  return before(a.start, b.end) && before(b.start, a.end);
}

function dedupe(fixes: Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((f) => {
    const key = f.kind + '\0' + f.title;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
