import { blameIn, ownsTogether } from '../content/blame.js';
import { proseLines } from '../content/text.js';
import { walkBlocks } from '../model/markdown.js';
import type { Rule } from './types.js';

export const languageBlame: Rule = {
  readsEnglish: true,
  codes: {
    'language.blame': { severity: 'information', description: 'Blaming wording: a person named as the cause, "human error", "careless", "should have known"…' },
  },
  check({ model, settings, report }) {
    const options = { extra: settings.blameWords, allow: settings.blameAllow };
    // A paragraph that owns the failure together blames no one, whichever of its lines the words are on.
    const cleared = new Set<number>();
    walkBlocks(model.blocks, (b) => {
      if (b.kind !== 'paragraph' || !ownsTogether(b.content)) return;
      for (let l = b.startLine; l < b.endLine; l++) cleared.add(l);
    });
    for (const { line, text } of proseLines(model, model.blocks)) {
      if (cleared.has(line)) continue;
      for (const m of blameIn(text, options)) {
        report({
          code: 'language.blame',
          message: `"${short(m.phrase)}" blames a person. Say what in the system allowed it.`,
          range: { start: { line, character: m.start }, end: { line, character: m.end } },
        });
      }
    }
  },
};

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39).trimEnd()}…` : s;
}
