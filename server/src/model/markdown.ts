import MarkdownIt from 'markdown-it';
type Token = ReturnType<MarkdownIt['parse']>[number];

/** Block structure of a Markdown body. Lines are 0-based; `endLine` is exclusive. */
export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | CodeBlock | HtmlBlock | QuoteBlock | RuleBlock;

interface BlockBase {
  startLine: number;
  endLine: number;
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  level: number;
  /** Raw inline text of the heading (Markdown syntax kept). */
  text: string;
  setext: boolean;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  /** Raw inline content, lines joined with \n, indentation removed. */
  content: string;
}

export interface ListBlock extends BlockBase {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
}

export interface ListItem extends BlockBase {
  /** The bullet or number marker, e.g. `-` or `1.`. */
  marker: string;
  children: Block[];
}

export interface TableBlock extends BlockBase {
  kind: 'table';
  header: TableRow;
  rows: TableRow[];
}

export interface TableRow {
  line: number;
  /** Raw inline content of each cell, trimmed. */
  cells: string[];
}

export interface CodeBlock extends BlockBase {
  kind: 'code';
  fenced: boolean;
  info: string;
}

export interface HtmlBlock extends BlockBase {
  kind: 'html';
  content: string;
  /** True when the block holds nothing but HTML comments. */
  commentOnly: boolean;
}

export interface QuoteBlock extends BlockBase {
  kind: 'blockquote';
  children: Block[];
}

export interface RuleBlock extends BlockBase {
  kind: 'hr';
}

let parser: MarkdownIt | undefined;

/**
 * markdown-it with HTML blocks recognised and the inline pass switched off:
 * the rules read block structure and scan inline text themselves, which keeps
 * parsing proportional to the text.
 */
function markdownParser(): MarkdownIt {
  if (!parser) {
    parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
    Object.assign(parser.options, { maxNesting: MAX_NESTING });
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return parser;
}

/** Parses Markdown into blocks. Line numbers are those of `text`. */
export function parseBlocks(text: string): Block[] {
  const md = markdownParser();
  const out: Block[] = [];
  let source = text;
  for (let restarts = 0; ; restarts++) {
    const tokens = md.parse(source, {});
    const blocks = readBlocks(tokens, { i: 0 }, undefined);
    const cut = restarts < MAX_RESTARTS ? swallowed(tokens, blocks) : undefined;
    const restart = cut === undefined ? undefined : nextTopLevelLine(text, cut + 1);
    if (restart !== undefined) endBy(blocks, restart);
    out.push(...blocks);
    if (restart === undefined) return out;
    source = blankBefore(text, restart);
  }
}

/**
 * Past markdown-it's nesting limit (100 levels: 50 nested lists) the rest of the
 * document is skipped, headings and all. A heading or a fence at the start of a
 * line closes every list and quote, so parsing resumes at the next one; at most
 * this many times, which bounds the cost on a document built to defeat it.
 */
const MAX_RESTARTS = 100;

/** markdown-it's nesting limit, as in its 'default' preset (the options' types do not declare it). */
const MAX_NESTING = 100;

/**
 * The line of a list item or quote too deep for markdown-it to read, when that
 * made it skip the rest of the document: the document's last block holds it
 * (a quote's own lines bound what it skips; a list item runs to the end).
 */
function swallowed(tokens: Token[], blocks: Block[]): number | undefined {
  const last = blocks[blocks.length - 1];
  if (!last) return undefined;
  for (const t of tokens) {
    const line = t.map?.[0] ?? 0;
    if ((t.type === 'list_item_open' || t.type === 'blockquote_open') && t.level >= MAX_NESTING - 1 && line >= last.startLine) return line;
  }
  return undefined;
}

const TOP_LEVEL = /^(?:#{1,6}(?:[ \t]|$)|```|~~~)/;
const LINE_BREAK = /\r\n|\r|\n/g;

/** The first line at or after `from` that starts with an ATX heading or a fence. */
function nextTopLevelLine(text: string, from: number): number | undefined {
  let line = 0;
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(text);
    const end = m ? m.index : text.length;
    if (line >= from && TOP_LEVEL.test(text.slice(start, Math.min(end, start + 8)))) return line;
    if (!m) return undefined;
    start = m.index + m[0].length;
    line++;
  }
}

/** `text` with every line before `line` emptied, so line numbers stay the same. */
function blankBefore(text: string, line: number): string {
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let i = 0; i < line; i++) {
    const m = LINE_BREAK.exec(text);
    if (!m) return '\n'.repeat(line);
    start = m.index + m[0].length;
  }
  return '\n'.repeat(line) + text.slice(start);
}

/** Ends every block (and list item) at `line` at the latest: where the too-deep part was closed. */
function endBy(blocks: Block[], line: number): void {
  walkBlocks(blocks, (b) => {
    b.endLine = Math.min(b.endLine, line);
    if (b.kind === 'list') for (const item of b.items) item.endLine = Math.min(item.endLine, line);
  });
}

// Nothing but comments: the same as /^(?:\s*<!--[\s\S]*?-->)+\s*$/ (a comment may run
// over the next "-->"), whose nested lazy repetition backtracks exponentially.
const COMMENT_ONLY = /^\s*<!--[\s\S]*-->\s*$/;

function readBlocks(tokens: Token[], state: { i: number }, closeType: string | undefined): Block[] {
  const out: Block[] = [];
  while (state.i < tokens.length) {
    const t = tokens[state.i]!;
    if (closeType && t.type === closeType) {
      state.i++;
      return out;
    }
    const map = t.map ?? [0, 0];
    switch (t.type) {
      case 'heading_open': {
        const inline = tokens[state.i + 1];
        out.push({
          kind: 'heading',
          level: Number(t.tag.slice(1)),
          text: inline?.type === 'inline' ? inline.content : '',
          setext: t.markup === '=' || t.markup === '-',
          startLine: map[0],
          endLine: map[1],
        });
        state.i = skipPast(tokens, state.i, 'heading_close');
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[state.i + 1];
        out.push({ kind: 'paragraph', content: inline?.type === 'inline' ? inline.content : '', startLine: map[0], endLine: map[1] });
        state.i = skipPast(tokens, state.i, 'paragraph_close');
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        state.i++;
        const items: ListItem[] = [];
        while (state.i < tokens.length && tokens[state.i]!.type !== close) {
          const it = tokens[state.i]!;
          if (it.type === 'list_item_open') {
            const imap = it.map ?? [0, 0];
            const marker = ordered ? `${it.info}${it.markup}` : it.markup;
            state.i++;
            const children = readBlocks(tokens, state, 'list_item_close');
            items.push({ marker, children, startLine: imap[0], endLine: imap[1] });
          } else {
            state.i++;
          }
        }
        state.i++;
        out.push({ kind: 'list', ordered, items, startLine: map[0], endLine: map[1] });
        break;
      }
      case 'table_open': {
        const table = readTable(tokens, state);
        out.push({ ...table, startLine: map[0], endLine: map[1] });
        break;
      }
      case 'fence':
      case 'code_block':
        out.push({ kind: 'code', fenced: t.type === 'fence', info: t.info.trim(), startLine: map[0], endLine: map[1] });
        state.i++;
        break;
      case 'html_block':
        out.push({ kind: 'html', content: t.content, commentOnly: COMMENT_ONLY.test(t.content), startLine: map[0], endLine: map[1] });
        state.i++;
        break;
      case 'blockquote_open': {
        state.i++;
        const children = readBlocks(tokens, state, 'blockquote_close');
        out.push({ kind: 'blockquote', children, startLine: map[0], endLine: map[1] });
        break;
      }
      case 'hr':
        out.push({ kind: 'hr', startLine: map[0], endLine: map[1] });
        state.i++;
        break;
      default:
        // Closing tokens of containers we did not open here, and anything unforeseen.
        state.i++;
    }
  }
  return out;
}

function skipPast(tokens: Token[], i: number, type: string): number {
  let j = i + 1;
  while (j < tokens.length && tokens[j]!.type !== type) j++;
  return j + 1;
}

function readTable(tokens: Token[], state: { i: number }): Omit<TableBlock, 'startLine' | 'endLine'> {
  const rows: TableRow[] = [];
  let header: TableRow = { line: tokens[state.i]!.map?.[0] ?? 0, cells: [] };
  let inHead = false;
  state.i++;
  let current: TableRow | undefined;
  while (state.i < tokens.length) {
    const t = tokens[state.i]!;
    if (t.type === 'table_close') {
      state.i++;
      break;
    }
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') current = { line: t.map?.[0] ?? 0, cells: [] };
    else if (t.type === 'tr_close' && current) {
      if (inHead) header = current;
      // GFM reads the line after a table as one more row; "{: .table.table-striped }" there is kramdown's
      // attribute list for the table (Jekyll), not a row of data.
      else if (!isAttributeList(current)) rows.push(current);
      current = undefined;
    } else if (t.type === 'inline' && current) current.cells.push(t.content.trim());
    state.i++;
  }
  return { kind: 'table', header, rows };
}

/** A row that only holds a kramdown attribute list: `{: .class}`, `{:#id}`. */
function isAttributeList(row: TableRow): boolean {
  return /^\{:[^{}]*\}$/.test(row.cells[0] ?? '') && row.cells.slice(1).every((c) => c === '');
}

/** Calls `visit` on every block, depth first, in document order. */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    if (b.kind === 'list') for (const item of b.items) walkBlocks(item.children, visit);
    else if (b.kind === 'blockquote') walkBlocks(b.children, visit);
  }
}
