import { isMap } from 'yaml';
import type { HoverProvider } from '../features/types.js';
import { nodeRange } from '../model/frontmatter.js';
import { keyText } from './nodes.js';
import { fieldInfo } from './schema.js';
import { inFrontmatter } from './complete.js';

/** Hover on a frontmatter key: the schema's description of it, and its allowed values. */
export const frontmatterHover: HoverProvider = {
  hover(analysis, position) {
    const fm = analysis.model.frontmatter;
    if (!inFrontmatter(fm, position) || !isMap(fm.document.contents)) return undefined;
    for (const pair of fm.document.contents.items) {
      const key = keyText(pair);
      const r = key !== undefined ? nodeRange(fm, analysis.model.lines, pair.key as Parameters<typeof nodeRange>[2]) : undefined;
      if (!r || !contains(r, position)) continue;
      const info = fieldInfo(key!);
      if (!info) return { markdown: `**${key}** is not a post-mortem frontmatter key.`, range: r };
      const values = info.values && info.kind === 'enum' ? `\n\nOne of: ${info.values.map((v) => `\`${v}\``).join(', ')}.` : '';
      return { markdown: `**${key}** — ${info.description}${values}`, range: r };
    }
    return undefined;
  },
};

function contains(r: { start: { line: number; character: number }; end: { line: number; character: number } }, p: { line: number; character: number }): boolean {
  const after = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const before = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return after && before;
}
