import sectionData from '../data/sections.json';
import type { Block, HeadingBlock } from './markdown.js';
import { removeTags, replaceBracketed, replaceLinks } from './spans.js';

export type SectionId = 'summary' | 'timeline' | 'root-cause' | 'resolution' | 'preventive-actions' | 'successes';

export interface CanonicalSection {
  id: SectionId;
  /** The canonical name, used in messages and inserted headings. */
  name: string;
  aliases: string[];
  /** Two other names, shown in messages. */
  examples: string[];
  /** One line on what the section should contain. */
  prompt: string;
}

/** The canonical sections in canonical order (the data in data/sections.json). */
export const CANONICAL_SECTIONS: readonly CanonicalSection[] = sectionData.sections as CanonicalSection[];

export const CANONICAL_ORDER: readonly SectionId[] = CANONICAL_SECTIONS.map((s) => s.id);

export function canonicalSection(id: SectionId): CanonicalSection {
  return CANONICAL_SECTIONS.find((s) => s.id === id)!;
}

/**
 * A heading and everything under it up to the next heading of the same or a higher
 * level; or a label (`**Root cause:** …`, "Timeline (all times PDT)" before a list, a
 * bold list label) and what it heads, up to the next label or heading.
 */
export interface Section {
  /** The heading; for a label, a heading-shaped stand-in on the label's line whose text is the label. */
  heading: HeadingBlock;
  form: 'heading' | 'label';
  level: number;
  /** Plain heading text (Markdown removed). */
  title: string;
  /** The canonical section it stands for (the first it names). */
  canonical: SectionId | undefined;
  /** Further canonical sections it also holds ("Root cause and resolution"). */
  also: SectionId[];
  /** Named only weakly ("Background", "Conclusion"): it stands for the section when no part is named for it. */
  weak: boolean;
  /** First line after the heading; for a label, the label's own line (its text may go on there). */
  bodyStartLine: number;
  /** Exclusive end: the next heading of the same or higher level (for a label, the next label or heading), or the end of the document. */
  endLine: number;
  parent: Section | undefined;
  /** Sub-sections under sub-headings (labels are not listed here; they are in the model's allSections). */
  children: Section[];
  /** A list label's content: the blocks of its item (other sections find theirs by line). */
  blocks?: Block[];
}

/** Plain text of inline Markdown: links, emphasis, code marks and HTML tags removed. */
export function plainInline(text: string): string {
  return removeTags(replaceLinks(replaceLinks(text, true), false))
    .replace(/[*`~]+/g, '')
    // "_emphasis_" loses its marks; "cookie_id" and "iasql_upgrade" keep theirs (an underscore inside a word is no emphasis).
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .trim();
}

/**
 * Normalises a heading for matching: lower case, parenthesised remarks,
 * numbering ("1.", "IV)", "Step 2:"), emoji and punctuation removed.
 */
export function normalizeHeading(text: string): string {
  return replaceBracketed(plainInline(text).toLowerCase(), ' ')
    .replace(/^\s*(?:(?:step|part|section)\s+)?(?:\d+(?:\.\d+)*|[ivx]+)[.):]\s*/, '')
    .replace(/[‘’']/g, '')
    .replace(/[^\p{L}\p{N}/&]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface AliasTable {
  /** Exact normalised name → section id. */
  exact: Map<string, SectionId>;
  /** Names sorted longest first, for prefix matching (the preset's own sections; canonical ones are read by meaning). */
  prefixes: Array<[string, SectionId]>;
  /** Normalised names of the preset's own sections ("Lessons learned" under google-sre): they name no canonical section. */
  reserved?: ReadonlySet<string>;
}

/** Builds the lookup table from the canonical data plus any extra aliases (from configuration). */
export function buildAliasTable(extra?: Partial<Record<SectionId, readonly string[]>>): AliasTable {
  const exact = new Map<string, SectionId>();
  for (const s of CANONICAL_SECTIONS) {
    for (const name of [s.name, ...s.aliases, ...(extra?.[s.id] ?? [])]) {
      const key = normalizeHeading(name);
      if (key && !exact.has(key)) exact.set(key, s.id);
    }
  }
  const exactOnly = new Set(sectionData.exactOnly.map(normalizeHeading));
  const prefixes = [...exact.entries()].filter(([name]) => !exactOnly.has(name)).sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}

let defaultTable: AliasTable | undefined;
export function defaultAliasTable(): AliasTable {
  return (defaultTable ??= buildAliasTable());
}

/** The canonical section a heading names, if any. */
export function recognizeHeading(text: string, table: AliasTable = defaultAliasTable()): SectionId | undefined {
  const norm = normalizeHeading(text);
  if (!norm) return undefined;
  const whole = norm.replace(/[/&]/g, ' ').replace(/\s+/g, ' ').trim();
  const direct = table.exact.get(whole);
  if (direct) return direct;
  // "Events/Timeline", "Resolution & follow-up": any part that is a known name.
  const parts = norm.split(/\s*(?:\/|&|\band\b)\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) {
    for (const p of parts) {
      const hit = table.exact.get(p);
      if (hit) return hit;
    }
  }
  // "Timeline summary", "Root cause and contributing factors": a known name followed by more words.
  for (const [name, id] of table.prefixes) {
    if (whole.startsWith(name + ' ')) return id;
  }
  return undefined;
}
