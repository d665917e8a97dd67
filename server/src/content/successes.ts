import type { PostMortemModel } from '../model/document.js';
import { sectionBlocks } from '../model/document.js';
import type { Block } from '../model/markdown.js';
import type { Range } from '../model/text.js';
import { itemSource, plainText } from './text.js';

/** One thing the Successes section says went well. */
export interface SuccessItem {
  line: number;
  range: Range;
  text: string;
}

/**
 * The items of the Successes section (under any of its names): its list items and
 * table rows, or its paragraphs when it has neither (some teams write one ✅
 * paragraph per success).
 */
export function successItems(model: PostMortemModel): SuccessItem[] {
  const section = model.canonical.get('successes');
  if (!section) return [];
  const blocks = sectionBlocks(model, section).filter((b) => b.kind !== 'heading');
  const structured = blocks.some((b) => b.kind === 'list' || b.kind === 'table');
  const out: SuccessItem[] = [];
  const add = (line: number, source: string) => {
    const text = plainText(source);
    if (text) out.push({ line, range: model.lines.trimmedLineRange(line), text });
  };
  for (const b of blocks as Block[]) {
    if (b.kind === 'list') for (const item of b.items) add(item.startLine, itemSource(model, item));
    else if (b.kind === 'table') for (const row of b.rows) add(row.line, row.cells.join(' '));
    else if (!structured && b.kind === 'paragraph') add(b.startLine, b.content);
  }
  return out;
}

/**
 * What a success must say to justify its cost: what it prevented, saved, shortened
 * or made possible ("which kept the impact to 30%", "so we detected it in 2 minutes").
 */
const BENEFIT = new RegExp(
  [
    String.raw`\bbecause\b`,
    String.raw`\bso\s+that\b`,
    String.raw`,\s*so\b`,
    String.raw`\bwhich\s+(?:\w+\s+)?(?:kept|keeps|meant|means|limited|limits|saved|saves|prevented|prevents|allowed|allows|reduced|reduces|avoided|let|lets|helped|helps|made|makes|ensured|gave|gives|shortened|cut|stopped|caught|protected|spared)\b`,
    String.raw`\bmeaning\b`,
    String.raw`\bthanks\s+to\b`,
    String.raw`\b(?:prevent|sav|shorten|reduc|avoid|limit|allow|enabl|help|protect|ensur|minimi[sz]|contain|mitigat|spar|preserv|cut|catch|caught|detect|stopp)\w*`,
    String.raw`\bkept\b|\bkeep(?:s|ing)?\b`,
    String.raw`\bintact\b`,
    String.raw`\b(?:was|were)\s+not\s+(?:lost|affected|impacted|exposed|harmed|corrupted)\b`,
    String.raw`\bno\s+(?:\w+\s+)?(?:data|customers?|users?|payments?|orders?|requests?)\s+(?:was|were)\s+(?:lost|affected|impacted|charged|dropped)\b`,
    String.raw`\bwithin\s+(?:\d|a\s+few|an?\s|minutes|seconds|hours)`,
    String.raw`\bin\s+(?:under|less\s+than)\s+\S+`,
    String.raw`\bbefore\s+(?:customers|users|anyone|it|they|the\s+\w+)\b`,
    String.raw`\bwithout\s+(?:it|this|them|that)\b`,
    String.raw`\botherwise\b|\binstead\s+of\b|\brather\s+than\b`,
    String.raw`\bmade\s+it\s+(?:possible|easy|easier|quick|quicker)\b`,
    String.raw`\bcontribut\w*\s+to\b`,
    String.raw`\bto\s+(?:get|keep|see|find|identify|restore|recover|coordinate|diagnose|spot|roll\s+back|track|resolve|fix|confirm|verify|understand)\b`,
    String.raw`\b(?:quick(?:ly)?|fast(?:er)?|rapid(?:ly)?|early|earlier|immediately|promptly|instantly|in\s+time)\b`,
    String.raw`\b\d+(?:[.,]\d+)?\s*(?:%|percent|minutes?|mins?|hours?|seconds?|customers|users|orders|requests|teams)\b`,
  ].join('|'),
  'i',
);

/** True when a success item says what it brought. */
export function hasJustification(text: string): boolean {
  return BENEFIT.test(text);
}
