import { LineCounter, parseDocument, isMap, isScalar, visit, type Document, type Pair, type Node as YamlNode } from 'yaml';
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

/** Frontmatter longer than this is not parsed: `yaml`'s duplicate-key check grows with the square of the keys. */
export const MAX_FRONTMATTER_CHARS = 32 * 1024;
/** Nesting deeper than this is not parsed: real frontmatter is two or three levels deep. */
export const MAX_FRONTMATTER_DEPTH = 64;
/** Aliases expanded at most when building plain values (billion laughs). */
const MAX_ALIAS_COUNT = 100;

const YAML_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true } as const;

/**
 * Parses the frontmatter with the YAML 1.2 core schema; timestamps stay strings.
 * Hostile input is refused before or while parsing, each time with a problem and
 * never with a throw: oversized or over-deep frontmatter is not parsed, alias
 * expansion is capped, and circular aliases leave `data` undefined.
 */
export function parseFrontmatter(lines: LineIndex): Frontmatter | undefined {
  const fences = findFrontmatter(lines);
  if (!fences) return undefined;
  // Everything the result depends on: the text up to the closing fence (positions included).
  const end = lines.lineStart(fences.endLine) + lines.lineLength(fences.endLine);
  // Frontmatter too long to be read is refused at once: nothing to save.
  if (end > MAX_FRONTMATTER_CHARS) return readFrontmatter(lines, fences, lines.text);
  const head = lines.text.slice(0, end);
  const known = parsed.get(head);
  if (known) return known;
  // A copy of its own to read from and keep: a slice (and every string the YAML takes from it) would keep the whole text alive.
  const own: string = structuredClone(head);
  const fm = readFrontmatter(lines, fences, own);
  if (parsed.size >= PARSED_SIZE) parsed.delete(parsed.keys().next().value!);
  parsed.set(own, fm);
  return fm;
}

/**
 * Frontmatter already parsed, by the text up to its closing fence. An editor analyses the
 * whole text again on every edit, mostly of the body, and fix-all analyses it several times:
 * reading the YAML again each time cost as much as a few kilobytes of body. A result is
 * never changed once made, so models of different texts may share it.
 */
const parsed = new Map<string, Frontmatter>();
const PARSED_SIZE = 8;

/** Reads the frontmatter between the fences; `text` is the document's text, or as much of it as reaches the closing fence. */
function readFrontmatter(lines: LineIndex, fences: { startLine: number; endLine: number }, text: string): Frontmatter {
  const contentOffset = lines.lineStart(fences.startLine + 1);
  // YAML reads \n and \r\n; a lone \r (old Mac endings) becomes \n, which keeps every offset.
  const content = text.slice(contentOffset, lines.lineStart(fences.endLine)).replace(/\r(?!\n)/g, '\n');
  const toRange = (from: number, to: number): Range => ({
    start: lines.positionAt(contentOffset + from),
    end: lines.positionAt(contentOffset + Math.max(from, to)),
  });
  const problems: FrontmatterProblem[] = [];
  const refuse = (message: string, range: Range): Frontmatter => {
    problems.push({ message, range, severity: 'error' });
    return { startLine: fences.startLine, endLine: fences.endLine, contentOffset, content, document: parseDocument('', YAML_OPTIONS), data: undefined, problems };
  };

  if (content.length > MAX_FRONTMATTER_CHARS) {
    return refuse(
      `The frontmatter is ${Math.round(content.length / 1024)} KB long; frontmatter over ${MAX_FRONTMATTER_CHARS / 1024} KB is not read (a post-mortem's frontmatter is a few lines).`,
      lines.trimmedLineRange(fences.startLine),
    );
  }
  const deep = tooDeepAt(content, MAX_FRONTMATTER_DEPTH);
  if (deep !== undefined) {
    return refuse(`The frontmatter nests more than ${MAX_FRONTMATTER_DEPTH} levels deep here; it is not read.`, toRange(deep, deep + 1));
  }

  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(content, { ...YAML_OPTIONS, lineCounter });
  } catch (e) {
    return refuse(`The frontmatter could not be read: ${(e as Error)?.message ?? String(e)}`, lines.trimmedLineRange(fences.startLine));
  }
  const seen = new Set<string>();
  const add = (message: string, pos: readonly [number, number], severity: FrontmatterProblem['severity']) => {
    const key = `${pos[0]}:${message}`;
    if (seen.has(key)) return; // yaml repeats a resource-exhaustion error once per level it unwinds
    seen.add(key);
    problems.push({ message, range: toRange(pos[0], pos[1]), severity });
  };
  for (const e of document.errors) add(e.message, e.pos, 'error');
  for (const w of document.warnings) add(w.message, w.pos, 'warning');

  let data: Record<string, unknown> | undefined;
  const circular = document.errors.length === 0 ? circularAlias(document) : undefined;
  if (circular) {
    add(`The alias *${circular.source} refers to a node that contains it (a circular reference); the frontmatter is not read.`, [circular.range[0], circular.range[1]], 'error');
  } else if (document.errors.length === 0 && isMap(document.contents)) {
    try {
      // maxAliasCount caps alias expansion (billion laughs); a throw means the cap was hit.
      const js: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    } catch (e) {
      const first = firstAlias(document);
      const message = /alias/i.test((e as Error)?.message ?? '')
        ? `The frontmatter expands more than ${MAX_ALIAS_COUNT} aliases (an alias bomb?); it is not read.`
        : `The frontmatter could not be read: ${(e as Error)?.message ?? String(e)}`;
      add(message, first ? [first[0], first[1]] : [0, 0], 'error');
    }
  }
  return { startLine: fences.startLine, endLine: fences.endLine, contentOffset, content, document, data, problems };
}

/**
 * Offset of the first character nested deeper than `max` levels (block indentation,
 * `- ` entries and flow brackets together), or undefined. An estimate that errs on
 * the side of parsing: quoted text is skipped, comments end a line.
 */
export function tooDeepAt(content: string, max: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  for (const match of content.matchAll(/([^\r\n]*)(?:\r\n|\r|\n|$)/g)) {
    const line = match[1]!;
    const start = match.index;
    if (!match[0]) break;
    const indent = line.length - line.trimStart().length;
    const body = line.slice(indent);
    if (!body || body.startsWith('#')) continue;
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let dashes = 0;
    for (let i = 0; body.startsWith('- ', i) || body === '-'; i += 2) {
      dashes++;
      if (body === '-') break;
    }
    if (indents.length + dashes > max) return start + indent;
    let quote: string | undefined;
    for (let i = indent; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || (c === "'" && /[\s[{,:]/.test(line[i - 1] ?? ' '))) quote = c;
      else if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) break;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + dashes + flow > max) return start + i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

/** The first alias that lies inside the node its anchor names, if any. */
function circularAlias(document: Document.Parsed): { source: string; range: [number, number, number] } | undefined {
  let found: { source: string; range: [number, number, number] } | undefined;
  visit(document, {
    Alias(_key, alias) {
      const target = alias.resolve(document);
      const a = alias.range;
      const t = target?.range;
      if (a && t && t[0] <= a[0] && a[1] <= t[2]) {
        found = { source: alias.source, range: a };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAlias(document: Document.Parsed): [number, number, number] | undefined {
  let found: [number, number, number] | undefined;
  visit(document, {
    Alias(_key, alias) {
      found = alias.range ?? undefined;
      return visit.BREAK;
    },
  });
  return found;
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

export { frontmatterString } from './frontmatter-value.js';
