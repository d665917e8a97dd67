import { LineIndex } from './text.js';
import { parseFrontmatter, type Frontmatter } from './frontmatter.js';
import { parseBlocks, type Block, type HeadingBlock } from './markdown.js';
import { defaultAliasTable, plainInline, recognizeHeading, type AliasTable, type Section, type SectionId } from './sections.js';

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
  /** All sections, depth first, in document order. */
  allSections: Section[];
  /** The section that stands for each canonical section found: the first at the section level, else the first at any depth. */
  canonical: Map<SectionId, Section>;
  /** Lines between the title (or the frontmatter) and the first section heading: [startLine, endLine). */
  preamble: { startLine: number; endLine: number };
}

export interface ModelOptions {
  aliases?: AliasTable;
}

export function buildModel(text: string, options: ModelOptions = {}): PostMortemModel {
  const lines = new LineIndex(text);
  const frontmatter = parseFrontmatter(lines);
  const blocks = parseBlocks(bodyText(text, lines, frontmatter));
  const table = options.aliases ?? defaultAliasTable();

  const headings = blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
  const recognized = new Map<HeadingBlock, SectionId | undefined>();
  for (const h of headings) recognized.set(h, recognizeHeading(h.text, table));

  const first = headings[0];
  const title =
    first && first.level === 1 && headings.filter((h) => h.level === 1).length === 1 && !recognized.get(first) ? first : undefined;
  const sectionHeadings = title ? headings.slice(1) : headings;
  const sectionLevel = sectionHeadings.length
    ? Math.min(...sectionHeadings.map((h) => h.level))
    : (title?.level ?? 1) + 1;

  const { roots, all } = buildTree(sectionHeadings, recognized, lines.lineCount);

  const canonical = new Map<SectionId, Section>();
  for (const s of all) if (s.canonical && s.level === sectionLevel && !canonical.has(s.canonical)) canonical.set(s.canonical, s);
  for (const s of all) if (s.canonical && !canonical.has(s.canonical)) canonical.set(s.canonical, s);

  const preambleStart = title ? title.endLine : frontmatter ? frontmatter.endLine + 1 : 0;
  const preamble = { startLine: preambleStart, endLine: sectionHeadings[0]?.startLine ?? lines.lineCount };

  return { text, lines, frontmatter, blocks, title, sectionLevel, sections: roots, allSections: all, canonical, preamble };
}

/** The text markdown-it reads: frontmatter lines blanked and a BOM dropped, so line numbers stay those of `text`. */
function bodyText(text: string, lines: LineIndex, fm: Frontmatter | undefined): string {
  const body = fm ? '\n'.repeat(fm.endLine + 1) + text.slice(lines.lineEndWithTerminator(fm.endLine)) : text;
  return body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
}

function buildTree(
  headings: HeadingBlock[],
  recognized: Map<HeadingBlock, SectionId | undefined>,
  lineCount: number,
): { roots: Section[]; all: Section[] } {
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
      level: heading.level,
      title: plainInline(heading.text),
      canonical: recognized.get(heading),
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

/**
 * Many real post-mortems open with the summary under the title, before any heading
 * (PostHog's do). Such a preamble stands for the summary when it has a paragraph
 * of at least 15 words and no section is recognised as the summary.
 */
export function preambleSummary(model: PostMortemModel): Block[] | undefined {
  if (model.canonical.has('summary')) return undefined;
  const blocks = blocksBetween(model.blocks, model.preamble.startLine, model.preamble.endLine);
  const prose = blocks.some((b) => b.kind === 'paragraph' && b.content.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 15);
  return prose ? blocks : undefined;
}

/** The top-level blocks inside a section's body, sub-sections included. */
export function sectionBlocks(model: PostMortemModel, section: Section): Block[] {
  return blocksBetween(model.blocks, section.bodyStartLine, section.endLine);
}

/** The top-level blocks of a section before its first sub-heading. */
export function ownBlocks(model: PostMortemModel, section: Section): Block[] {
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
