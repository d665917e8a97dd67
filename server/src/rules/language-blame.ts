import { blameIn } from '../content/blame.js';
import { proseLines } from '../content/text.js';
import type { Rule } from './types.js';

export const languageBlame: Rule = {
  codes: {
    'language.blame': { severity: 'information', description: 'Blaming wording: a person named as the cause, "human error", "careless", "should have known"…' },
  },
  check({ model, settings, report }) {
    const options = { extra: settings.blameWords, allow: settings.blameAllow };
    for (const { line, text } of proseLines(model, model.blocks)) {
      for (const m of blameIn(text, options)) {
        report({
          code: 'language.blame',
          message: `"${m.phrase}" blames a person. A blameless post-mortem describes the condition in the system that allowed the action: what made it possible, and why nothing caught it.`,
          range: { start: { line, character: m.start }, end: { line, character: m.end } },
        });
      }
    }
  },
};
