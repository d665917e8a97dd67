import { LineIndex } from './text.js';
import { frontmatterString, parseFrontmatter, type Frontmatter } from './frontmatter.js';
import { parseBlocks, type Block, type HeadingBlock, type ParagraphBlock } from './markdown.js';
import { defaultAliasTable, normalizeHeading, plainInline, type AliasTable, type Section, type SectionId } from './sections.js';
import { clockTimes, hasTimedLines, readHeading, sectionsNamed, type Tier } from './meaning.js';
import { labelLines, type LabelLine } from './labels.js';

/** Where the text that summarises the incident is. */
export type SummaryPlace =
  | { kind: 'section'; section: Section }
  /** Untitled prose under the title: `startLine` is its first line of prose (metadata lines skipped). */
  | { kind: 'preamble'; startLine: number; blocks: Block[] };

/** Everything the rules read about one document. Built once per text, never mutated. */
export interface PostMortemModel {
  text: string;
  lines: LineIndex;
  frontmatter: Frontmatter | undefined;
  /** Top-level blocks of the body (frontmatter excluded), in document order. */
  blocks: Block[];
  /** The document's title: a first heading that is the only level-1 heading and names no section. */
  title: HeadingBlock | undefined;
  /** The heading level of the document's sections (2 under a level-1 title, usually). */
  sectionLevel: number;
  /** Root sections (every heading except the title opens one), with sub-headings as children. */
  sections: Section[];
  /** All sections, headings and labels, depth first, in document order. */
  allSections: Section[];
  /**
   * The section that stands for each canonical section found: one named for it before
   * one named only weakly, then at the section level first, then the first.
   */
  canonical: Map<SectionId, Section>;
  /** Lines between the title (or the frontmatter) and the first section heading: [startLine, endLine). */
  preamble: { startLine: number; endLine: number };
  /** The text that summarises: the summary section, or the prose under the title. */
  summary: SummaryPlace | undefined;
  /** The document's path or URI when known: its file name may date it ("2019-11-14-hub.md"). */
  path?: string;
}

export interface ModelOptions {
  aliases?: AliasTable;
  path?: string;
  /** The line of a heading that is the document's title whatever precedes it: an incident's own heading in a log. */
  titleLine?: number;
}

interface Named {
  id: SectionId;
  tier: Tier;
}

export function buildModel(text: string, options: ModelOptions = {}): PostMortemModel {
  const lines = new LineIndex(text);
  const frontmatter = parseFrontmatter(lines);
  const blocks = parseBlocks(bodyText(text, lines, frontmatter));
  const table = options.aliases ?? defaultAliasTable();

  const headings = blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
  const named = new Map<HeadingBlock, Named[]>();
  headings.forEach((h, i) => {
    const next = headings[i + 1]?.startLine ?? lines.lineCount;
    named.set(h, sectionNames(h.text, table, () => timedBetween(lines, h.endLine, next)));
  });

  const title = headings[0] && headings[0].startLine === options.titleLine ? headings[0] : titleOf(headings, named, table, frontmatter, blocks);
  const sectionHeadings = title ? headings.slice(1) : headings;
  const sectionLevel = sectionHeadings.length
    ? Math.min(...sectionHeadings.map((h) => h.level))
    : // Markdown has six levels: under an h6 title, sections are h6 too ("#######" is a paragraph, and a fix inserting one would never be done).
      Math.min(6, (title?.level ?? 1) + 1);

  const { roots, all: headingSections } = buildTree(sectionHeadings, named, lines.lineCount);
  const labels = labelSections(blocks, headingSections, table, lines, sectionLevel);
  const all = mergeByLine(headingSections, labels);

  remediationsAfterFix(all);
  const canonical = chooseCanonical(all, sectionLevel);
  const preambleStart = title ? title.endLine : frontmatter ? frontmatter.endLine + 1 : 0;
  const preamble = { startLine: preambleStart, endLine: sectionHeadings[0]?.startLine ?? lines.lineCount };
  // Without a title, a first heading that names no section ("## Absence of notifications on the 27th")
  // introduces the document as a title would: the prose under it may be the summary.
  const opening = !title && headingSections[0] && !headingSections[0].canonical ? headingSections[0] : undefined;
  const intro = opening ? { startLine: preamble.startLine, endLine: opening.children[0]?.heading.startLine ?? opening.endLine } : preamble;
  // Under a title with no prose of its own whose fields are written as headings ("## Date: December 08, 2022",
  // "## Time: 5:13 UTC"), the part right after those fields opens the account: when no part is named for the
  // summary and it names no section, it does the summary's job, as the prose under a title would.
  if (title && !canonical.has('summary') && !opening) {
    const top = headingSections.filter((s) => s.level === sectionLevel);
    const fields = top.findIndex((s) => !isFieldHeading(s.heading.text));
    const first = fields > 0 ? top[fields] : undefined;
    if (first && !first.canonical && !hasProse(blocks, preamble) && hasProse(blocks, { startLine: first.bodyStartLine, endLine: first.children[0]?.heading.startLine ?? first.endLine })) {
      canonical.set('summary', first);
    }
  }
  let summary = summaryPlace(blocks, canonical, intro, labels);
  if (summary?.kind === 'preamble' && canonical.get('summary')?.weak) canonical.delete('summary');
  // "What happened", told in time, is read as the timeline; with nothing else to summarise, it is the summary too.
  const told = canonical.get('timeline');
  if (!summary && told?.weak && readHeading(told.heading.text).some((part) => part.some((r) => r.section === 'summary'))) {
    canonical.set('summary', told);
    summary = { kind: 'section', section: told };
  }

  return { text, lines, frontmatter, blocks, title, sectionLevel, sections: roots, allSections: all, canonical, preamble, summary, path: options.path };
}

/**
 * The document's title: its first heading when every other heading is deeper ("# v1.x
 * Upgrade RCA" over "##" sections, or "## CI Disruption" over "###" ones) and it is not
 * just a section's name; or a first heading that names no section and repeats the
 * frontmatter's title (a site that writes every heading at level 1).
 */
function titleOf(headings: HeadingBlock[], named: Map<HeadingBlock, Named[]>, table: AliasTable, fm: Frontmatter | undefined, blocks: readonly Block[]): HeadingBlock | undefined {
  const firstContentLine = blocks[0]?.startLine ?? -1;
  const first = headings[0];
  if (!first) return undefined;
  const norm = normalizeHeading(first.text);
  const aloneOnTop = headings.every((h, i) => i === 0 || h.level > first.level);
  // A deeper heading after prose ("##### Updates:" under a news post's text) is a part of the text, not its title.
  if (aloneOnTop && !table.exact.has(norm) && (first.level === 1 || first.startLine === firstContentLine)) return first;
  const fmTitle = frontmatterString(fm, 'title');
  if (fmTitle !== undefined && normalizeHeading(fmTitle) === norm && !named.get(first)!.length) return first;
  // "## Incident Report for Failure of farming reward distribution" over "## Date:" and "## Details:":
  // a heading that opens the document and names its kind, then what it is about, is its title whatever its level.
  if (first.startLine === firstContentLine && DOCUMENT_KIND.test(first.text)) return first;
  // "# 2024-03-12 zkTrie incident post-mortem" right over "# Summary": a heading that opens the document, names no
  // section and holds nothing before the next heading of its level is the document's title, not an empty section.
  const next = headings[1];
  if (first.startLine === firstContentLine && !named.get(first)!.some((n) => n.tier === 'strong') && !table.exact.has(norm) && next && next.level <= first.level && !blocks.some((b) => b.startLine >= first.endLine && b.startLine < next.startLine)) return first;
  return undefined;
}

/** The name of the document's kind followed by what it is about: "Incident report for …", "Post-mortem: …", "RCA - …". */
const DOCUMENT_KIND =
  /^\W*(?:incident\s+(?:report|review|retrospective|post-?mortem)|post-?mortem(?:\s+report)?|outage\s+report|retrospective|rca|root\s+cause\s+analysis)\s*(?:[:–—-]|\s(?:for|of|on|about|into)\s)\s*\S/i;

/**
 * The canonical sections a heading or label names: an exact name from the table (the
 * canonical names, their aliases and the user's) first; none for a name of the preset's
 * own sections; else by meaning. `times` says whether its text has timed entries.
 */
function sectionNames(text: string, table: AliasTable, times: () => boolean): Named[] {
  const norm = normalizeHeading(text);
  if (!norm) return [];
  const exact = table.exact.get(norm.replace(/[/&]/g, ' ').replace(/\s+/g, ' ').trim());
  if (exact) return [{ id: exact, tier: 'strong' }];
  if (table.reserved?.has(norm)) return [];
  return sectionsNamed(text, {
    get times() {
      return times();
    },
  });
}

/** True when the lines tell something in time: entries that start with times, or two clock times in the text. */
function timedBetween(lines: LineIndex, start: number, end: number): boolean {
  const own = function* () {
    for (let i = start; i < end; i++) yield lines.lineText(i);
  };
  return hasTimedLines(own()) || clockTimes(own()) >= 2;
}

/** The text markdown-it reads: frontmatter lines blanked and a BOM dropped, so line numbers stay those of `text`. */
function bodyText(text: string, lines: LineIndex, fm: Frontmatter | undefined): string {
  const body = fm ? '\n'.repeat(fm.endLine + 1) + text.slice(lines.lineEndWithTerminator(fm.endLine)) : text;
  return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
}

function buildTree(headings: HeadingBlock[], named: Map<HeadingBlock, Named[]>, lineCount: number): { roots: Section[]; all: Section[] } {
  const roots: Section[] = [];
  const all: Section[] = [];
  const stack: Section[] = [];
  for (const heading of headings) {
    while (stack.length && stack[stack.length - 1]!.level >= heading.level) {
      stack.pop()!.endLine = heading.startLine;
    }
    const parent = stack[stack.length - 1];
    const section: Section = {
      heading,
      form: 'heading',
      level: heading.level,
      title: plainInline(heading.text),
      ...meaningOf(named.get(heading)!),
      bodyStartLine: heading.endLine,
      endLine: lineCount,
      parent,
      children: [],
    };
    (parent ? parent.children : roots).push(section);
    all.push(section);
    stack.push(section);
  }
  return { roots, all };
}

function meaningOf(names: Named[]): Pick<Section, 'canonical' | 'also' | 'weak'> {
  return { canonical: names[0]?.id, also: names.slice(1).map((n) => n.id), weak: names[0]?.tier === 'weak' };
}

/**
 * Sections written as labels: each label that names a canonical section, inside the
 * innermost heading section around it (or at the section level before any heading).
 * A paragraph label runs to the next label-like line or heading; a list label is its item.
 */
function labelSections(blocks: Block[], headingSections: Section[], table: AliasTable, lines: LineIndex, sectionLevel: number): Section[] {
  const found = labelLines(blocks);
  if (!found.length) return [];
  const headingLines = headingSections.map((s) => s.heading.startLine);
  const out: Section[] = [];
  found.forEach((label, i) => {
    const container = innermost(headingSections, label.line);
    const end = labelEnd(label, found[i + 1], headingLines, container?.endLine ?? lines.lineCount);
    const names = sectionNames(label.text, table, () => timedBetween(lines, label.line, end)).filter((n) => !label.inline || n.tier === 'strong');
    if (!names.length) return;
    out.push({
      heading: { kind: 'heading', level: (container?.level ?? sectionLevel - 1) + 1, text: label.text, setext: false, startLine: label.line, endLine: label.line + 1 },
      form: 'label',
      level: container ? container.level + 1 : sectionLevel,
      title: plainInline(label.text),
      ...meaningOf(names),
      bodyStartLine: label.line,
      endLine: end,
      parent: container,
      children: [],
      ...(label.item ? { blocks: label.item.children } : {}),
    });
  });
  return out;
}

function labelEnd(label: LabelLine, next: LabelLine | undefined, headingLines: number[], containerEnd: number): number {
  if (label.item) return label.item.endLine;
  let end = containerEnd;
  if (next && next.line > label.line) end = Math.min(end, next.line);
  const heading = headingLines.find((l) => l > label.line);
  if (heading !== undefined) end = Math.min(end, heading);
  return end;
}

/** The deepest heading section whose body holds the line. */
function innermost(sections: Section[], line: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.heading.startLine < line && line < s.endLine && (!best || s.level > best.level)) best = s;
  return best;
}

function mergeByLine(a: Section[], b: Section[]): Section[] {
  if (!b.length) return a;
  return [...a, ...b].sort((x, y) => x.heading.startLine - y.heading.startLine);
}

/**
 * "Remediation" names the fix or the follow-ups. After a part already named for the fix
 * ("## The Fix", then "## Remediation"), it is the follow-ups: the preventive actions,
 * unless a part is named for them.
 */
function remediationsAfterFix(all: Section[]): void {
  if (all.some((s) => !s.weak && (s.canonical === 'preventive-actions' || s.also.includes('preventive-actions')))) return;
  let fix: Section | undefined;
  for (const s of all) {
    if (s.weak || s.canonical !== 'resolution') continue;
    if (fix && !isWithin(s, fix) && REMEDIATION.test(plainInline(s.title))) {
      s.canonical = 'preventive-actions';
      return;
    }
    fix ??= s;
  }
}

const REMEDIATION = /^\W*remediations?\W*$/i;

/**
 * For each canonical id, the section that stands for it: among those named for it, the
 * first that is not inside a part named for another section (a "Remediation" label inside
 * "Root cause" is part of the root cause; a "### Remediation" under "Technical details" is
 * the fix told before "## Fixes available"), else the first at the section level, else the
 * first; only when none is, the same among those named weakly ("Background", "Conclusion").
 */
function chooseCanonical(all: Section[], sectionLevel: number): Map<SectionId, Section> {
  const strong = new Map<SectionId, Section[]>();
  const weak = new Map<SectionId, Section[]>();
  for (const s of all) {
    if (!s.canonical) continue;
    (s.weak ? weak : strong).set(s.canonical, [...((s.weak ? weak : strong).get(s.canonical) ?? []), s]);
    for (const id of s.also) strong.set(id, [...(strong.get(id) ?? []), s]);
  }
  const canonical = new Map<SectionId, Section>();
  for (const pool of [strong, weak]) {
    for (const [id, list] of pool) {
      if (canonical.has(id)) continue;
      const own = list.filter((s) => !insideOther(s, id));
      canonical.set(id, own[0] ?? list.find((s) => s.level === sectionLevel) ?? list[0]!);
    }
  }
  return canonical;
}

/** True when a part around the section is named for another of the six (a "Remediation" label inside "Root cause"). */
function insideOther(section: Section, id: SectionId): boolean {
  for (let s = section.parent; s; s = s.parent) if (s.canonical && !s.weak && s.canonical !== id && !s.also.includes(id)) return true;
  return false;
}

/**
 * The text that summarises: a section named for the summary; else the first prose under
 * the title (metadata lines such as "Author:" or "**Status**: draft" skipped) when it
 * has at least 8 words; else a section named for it weakly ("Background").
 */
function summaryPlace(
  blocks: Block[],
  canonical: Map<SectionId, Section>,
  preamble: { startLine: number; endLine: number },
  labels: Section[],
): SummaryPlace | undefined {
  const section = canonical.get('summary');
  if (section && !section.weak) return { kind: 'section', section };
  const inLabel = (line: number) => labels.some((l) => l.canonical && l.heading.startLine <= line && line < l.endLine);
  const prose = blocksBetween(blocks, preamble.startLine, preamble.endLine).filter(
    (b): b is ParagraphBlock => b.kind === 'paragraph' && !inLabel(b.startLine),
  );
  for (const p of prose) {
    // "**! This document is open to feedback until … !**": a note about the document, not the incident.
    if (isEditorialNote(p.content)) continue;
    const rest = p.content.split('\n');
    let skipped = 0;
    while (skipped < rest.length && isMetadataLine(rest[skipped]!)) skipped++;
    const words = rest.slice(skipped).join(' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (words >= 8) {
      const start = p.startLine + skipped;
      return { kind: 'preamble', startLine: start, blocks: blocksBetween(blocks, p.startLine, preamble.endLine) };
    }
  }
  return section ? { kind: 'section', section } : undefined;
}

/** A paragraph wholly in emphasis (bold or italics), as editors mark a note above the text. */
const EDITORIAL_NOTE = /^\s*(?:\*\*|__|\*|_)(?=\S)[^]*\S(?:\*\*|__|\*|_)\s*$/;
const ABOUT_THE_DOCUMENT = /\b(?:this\s+(?:document|page|post-?mortem|report|write-?up|doc)|draft|feedback|work\s+in\s+progress|wip|archived|under\s+review|being\s+reviewed)\b/i;

/** True for a paragraph that is a note about the document in emphasis ("**! This document is open to feedback … !**"). */
export function isEditorialNote(paragraph: string): boolean {
  return EDITORIAL_NOTE.test(paragraph) && ABOUT_THE_DOCUMENT.test(paragraph);
}

/** A heading that is a field with its value ("Date: December 08, 2022", "Time: 5:13:57 UTC"), not a part's name. */
function isFieldHeading(text: string): boolean {
  return isMetadataLine(text) && /:\s*\S/.test(text);
}

/** True when the lines hold a paragraph (prose, not only headings, lists of fields or code). */
function hasProse(blocks: Block[], span: { startLine: number; endLine: number }): boolean {
  return blocksBetween(blocks, span.startLine, span.endLine).some((b) => b.kind === 'paragraph' && !isMetadataLine(b.content.split('\n')[0]!));
}

// "Author: Jane", "**Status**: Draft", "- **Date:** 2024-03-01", "Severity - SEV2": a field, not prose.
const METADATA = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:[\p{L}][\p{L}'’/()&.-]*)(?:\s+[\p{L}][\p{L}'’/()&.-]*){0,3}\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:|\s+-\s)/u;

/** True for a line that is a metadata field ("Author: …", "**Severity:** SEV2"), not prose. */
export function isMetadataLine(line: string): boolean {
  // The key is at the start; a bounded prefix keeps the expression's backtracking bounded too.
  const m = METADATA.exec(line.slice(0, 120));
  if (!m) return false;
  // A sentence that happens to hold a colon ("We found the cause: a full disk") is prose.
  const key = m[0].replace(/[*_:\-+]/g, ' ').trim();
  return key.split(/\s+/).length <= 4 && !/^(?:we|i|the|a|an|this|it|our|they|at|on|in)\b/i.test(key);
}

/**
 * The opening prose under the title, when it is the summary (the document has no
 * section named for the summary).
 */
export function preambleSummary(model: PostMortemModel): Block[] | undefined {
  return model.summary?.kind === 'preamble' ? model.summary.blocks : undefined;
}

/** The blocks of the text that summarises, or undefined when there is none. */
export function summaryBlocks(model: PostMortemModel): Block[] | undefined {
  const place = model.summary;
  if (!place) return undefined;
  return place.kind === 'preamble' ? place.blocks : sectionBlocks(model, place.section);
}

/** The top-level blocks inside a section's body, sub-sections included. */
export function sectionBlocks(model: PostMortemModel, section: Section): Block[] {
  return section.blocks ?? blocksBetween(model.blocks, section.bodyStartLine, section.endLine);
}

/** The top-level blocks of a section before its first sub-heading. */
export function ownBlocks(model: PostMortemModel, section: Section): Block[] {
  if (section.blocks) return section.blocks;
  const end = section.children[0]?.heading.startLine ?? section.endLine;
  return blocksBetween(model.blocks, section.bodyStartLine, end);
}

/** Blocks that start in [start, end), found by binary search (blocks are in line order). */
export function blocksBetween(blocks: readonly Block[], start: number, end: number): Block[] {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.startLine < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Block[] = [];
  for (let i = lo; i < blocks.length && blocks[i]!.startLine < end; i++) out.push(blocks[i]!);
  return out;
}

/** True when `inner` lies within `outer` (or is it). */
export function isWithin(inner: Section, outer: Section): boolean {
  for (let s: Section | undefined = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}
