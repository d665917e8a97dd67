import { LineCounter, parseDocument, isMap, isScalar, type Document, type Pair, type Node as YamlNode } from 'yaml';
import type { LineIndex, Range } from './text.js';

/** YAML frontmatter between `---` fences at the very top of the document. */
export interface Frontmatter {
  /** Line of the opening `---` (0, or 0 after a BOM). */
  startLine: number;
  /** Line of the closing `---` or `...`. */
  endLine: number;
  /** Offset in the document where the YAML text starts. */
  contentOffset: number;
  /** The YAML text between the fences. */
  content: string;
  document: Document.Parsed;
  /** The top-level mapping as plain values, or undefined when it is not a mapping or could not be built safely. */
  data: Record<string, unknown> | undefined;
  /** Syntax errors, duplicate keys and the like, as reported by `yaml`. */
  problems: FrontmatterProblem[];
}

export interface FrontmatterProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Finds the frontmatter block's fences, without parsing YAML. */
export function findFrontmatter(lines: LineIndex): { startLine: number; endLine: number } | undefined {
  const first = lines.lineText(0).replace(/^\uFEFF/, '');
  if (!FENCE.test(first)) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (CLOSE.test(lines.lineText(line))) return { startLine: 0, endLine: line };
  }
  return undefined;
}

/** Parses the frontmatter with the YAML 1.2 core schema; timestamps stay strings. */
export function parseFrontmatter(lines: LineIndex): Frontmatter | undefined {
  const fences = findFrontmatter(lines);
  if (!fences) return undefined;
  const contentOffset = lines.lineStart(fences.startLine + 1);
  // YAML reads \n and \r\n; a lone \r (old Mac endings) becomes \n, which keeps every offset.
  const content = lines.text.slice(contentOffset, lines.lineStart(fences.endLine)).replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(content, {
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter,
    strict: true,
  });
  const toRange = (from: number, to: number): Range => ({
    start: lines.positionAt(contentOffset + from),
    end: lines.positionAt(contentOffset + Math.max(from, to)),
  });
  const problems: FrontmatterProblem[] = [];
  for (const e of document.errors) problems.push({ message: e.message, range: toRange(e.pos[0], e.pos[1]), severity: 'error' });
  for (const w of document.warnings) problems.push({ message: w.message, range: toRange(w.pos[0], w.pos[1]), severity: 'warning' });

  let data: Record<string, unknown> | undefined;
  if (document.errors.length === 0 && isMap(document.contents)) {
    try {
      // maxAliasCount caps alias expansion (billion laughs); a throw means the cap was hit.
      const js: unknown = document.toJS({ maxAliasCount: 100 });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    } catch (e) {
      problems.push({ message: `Frontmatter could not be read: ${(e as Error).message}`, range: toRange(0, 0), severity: 'error' });
    }
  }
  return { startLine: fences.startLine, endLine: fences.endLine, contentOffset, content, document, data, problems };
}

/** The top-level pair for `key`, if the frontmatter is a mapping that has it. */
export function frontmatterPair(fm: Frontmatter, key: string): Pair<YamlNode, YamlNode> | undefined {
  const contents = fm.document.contents;
  if (!isMap(contents)) return undefined;
  for (const item of contents.items) {
    if (isScalar(item.key) && String(item.key.value) === key) return item as Pair<YamlNode, YamlNode>;
  }
  return undefined;
}

/** The document range of a YAML node. */
export function nodeRange(fm: Frontmatter, lines: LineIndex, node: YamlNode | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return { start: lines.positionAt(fm.contentOffset + r[0]), end: lines.positionAt(fm.contentOffset + r[1]) };
}

/** A frontmatter value as a trimmed string (numbers and booleans stringified), if it is a scalar. */
export function frontmatterString(fm: Frontmatter | undefined, key: string): string | undefined {
  const v = fm?.data?.[key];
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
