import type { Block } from './markdown.js';

/** True when a block shows the reader something: not blank, not only comments, not an empty bullet or a rule. */
export function hasContent(block: Block): boolean {
  switch (block.kind) {
    case 'paragraph':
      return block.content.trim().length > 0;
    case 'list':
      return block.items.some((item) => item.children.some(hasContent));
    case 'table':
      return block.rows.some((row) => row.cells.some((c) => c.length > 0));
    case 'code':
    case 'heading':
      return true;
    case 'html':
      return !block.commentOnly && block.content.trim().length > 0;
    case 'blockquote':
      return block.children.some(hasContent);
    case 'hr':
      return false;
  }
}
