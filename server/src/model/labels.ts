/**
 * Sections written as labels rather than headings: a bold label (`**Impact:** …`,
 * `**Timeline**`), a `Root cause:` paragraph, a short line such as "Timeline (all
 * times in PST/PDT)" or "Action items" followed by a list or a table, and a bold list
 * label (`- **Context**: …`) with its nested content. Only a label that names one of
 * the six sections becomes a section; every label-like line still ends the label
 * section before it.
 */
import type { Block, ListItem, ParagraphBlock } from './markdown.js';

/** A label-like line at the top level of the body. */
export interface LabelLine {
  line: number;
  /** The label's words (Markdown and the closing colon removed). */
  text: string;
  /** Text on the label's own line or paragraph after it: a field ("**Impact:** 12 users"), not a heading. */
  inline: boolean;
  /** A list item's label owns the item; a paragraph's runs to the next label or heading. */
  item?: ListItem;
  paragraph?: ParagraphBlock;
}

const BOLD = /^(\*\*|__)(?!\s)(.{1,80}?)(?<!\s)\1/;
const ITALIC = /^([*_])(?![*_\s])([^*_\n]{1,60}?)(?<!\s)\1[ \t]*:?[ \t]*$/;
const PLAIN_INLINE = /^(\p{Lu}[\p{L}' -]{1,40}?):\s+(\S[\s\S]*)$/u;
const WORDS = /[\p{L}\p{N}]+/gu;

/** Every label-like line among the top-level blocks, in document order. */
export function labelLines(blocks: readonly Block[]): LabelLine[] {
  const out: LabelLine[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const found = paragraphLabel(block);
      if (found) out.push({ ...found, line: block.startLine, paragraph: block });
    } else if (block.kind === 'list') {
      for (const item of block.items) {
        const first = item.children[0];
        if (first?.kind !== 'paragraph' || first.startLine !== item.startLine) continue;
        const bold = BOLD.exec(first.content.slice(0, 100));
        if (!bold) continue;
        const text = labelWords(bold[2]!);
        const after = first.content.slice(bold[0].length).replace(/^[ \t]*:/, '');
        if (text && wordCount(text) <= 8) out.push({ line: item.startLine, text, inline: after.trim().length > 0 || item.children.length > 1, item });
      }
    }
  }
  return out;
}

function paragraphLabel(p: ParagraphBlock): { text: string; inline: boolean } | undefined {
  const content = p.content;
  const firstLine = content.split('\n', 1)[0]!.trim();
  const bold = BOLD.exec(content.slice(0, 100));
  if (bold) {
    const text = labelWords(bold[2]!);
    // "**Timeline**" then the entries on the next lines of the paragraph is a standalone label too.
    const sameLine = firstLine.slice(bold[0].length).replace(/^[ \t]*:/, '').trim();
    if (text && wordCount(text) <= 8) return { text, inline: sameLine.length > 0 };
    return undefined;
  }
  // Labels are short: a long first line is prose (and the expressions below stay linear).
  if (firstLine.length > 120) return undefined;
  const italic = ITALIC.exec(firstLine);
  if (italic && wordCount(italic[2]!) <= 8) return { text: labelWords(italic[2]!), inline: false };
  if (/^[\d[(<`>|#*-]/.test(firstLine)) return undefined;
  // A short line of its own: "Action items", "Timeline (all times PDT):", or a word or three
  // that heads the lines after it ("Conclusion"), never the start of a wrapped sentence.
  const single = !content.includes('\n');
  const words = wordCount(firstLine);
  const bare = firstLine.replace(/\([^)]*\)\s*:?$/, '');
  if (!/[.!?;,]\s*$/.test(bare) && ((single && words <= 8) || (/:\s*$/.test(firstLine) && words <= 8) || (words <= 3 && !/:/.test(firstLine)))) {
    return { text: labelWords(firstLine), inline: false };
  }
  const plain = PLAIN_INLINE.exec(firstLine);
  if (plain && wordCount(plain[1]!) <= 4) return { text: labelWords(plain[1]!), inline: true };
  return undefined;
}

function labelWords(s: string): string {
  return s.replace(/[*_`]+/g, '').replace(/\s*:\s*$/, '').trim();
}

function wordCount(s: string): number {
  return s.match(WORDS)?.length ?? 0;
}
