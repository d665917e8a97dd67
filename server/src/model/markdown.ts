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
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  }
  return parser;
}

/** Parses Markdown into blocks. Line numbers are those of `text`. */
export function parseBlocks(text: string): Block[] {
  const tokens = markdownParser().parse(text, {});
  const state = { i: 0 };
  return readBlocks(tokens, state, undefined);
}

const COMMENT_ONLY = /^(?:\s*<!--[\s\S]*?-->)+\s*$/;

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
      else rows.push(current);
      current = undefined;
    } else if (t.type === 'inline' && current) current.cells.push(t.content.trim());
    state.i++;
  }
  return { kind: 'table', header, rows };
}

/** Calls `visit` on every block, depth first, in document order. */
export function walkBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    if (b.kind === 'list') for (const item of b.items) walkBlocks(item.children, visit);
    else if (b.kind === 'blockquote') walkBlocks(b.children, visit);
  }
}
