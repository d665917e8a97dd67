import type { Fix, FixProvider } from './types.js';

/**
 * Rewrites of blaming phrases whose blameless form is clear: what a person did not do, said as
 * such ("we forgot to renew" → "we did not renew"). Other phrases ("careless", "human error") need
 * the writer to say what in the system allowed it: no rewrite is offered for them.
 */
const REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/^forgot\s+to$/i, 'did not'],
  [/^forgotten\s+to$/i, 'not'],
  [/^forgetting\s+to$/i, 'not'],
  [/^failed\s+to\s+(notice|realize|realise|spot)$/i, 'did not $1'],
  [/^neglected\s+to$/i, 'did not'],
  [/^(?:was\s+not|wasn't|did\s+not|didn't)\s+pay(?:ing)?\s+attention$/i, 'did not see it'],
];

/** "Rewrite as "did not"": replaces the blaming words with a plain account. Never safe: the writer decides. */
export const blameRewriteFix: FixProvider = {
  codes: ['language.blame'],
  fixes(analysis, finding) {
    const { start, end } = finding.range;
    if (start.line !== end.line) return [];
    const phrase = analysis.model.lines.lineText(start.line).slice(start.character, end.character);
    for (const [pattern, replacement] of REWRITES) {
      if (!pattern.test(phrase)) continue;
      const newText = matchCase(phrase, phrase.replace(pattern, replacement));
      const fix: Fix = {
        title: `Rewrite as "${newText}": say what did not happen, not who is to blame`,
        kind: 'quickfix',
        edits: [{ range: finding.range, newText }],
        findings: [finding],
        isPreferred: true,
        safe: false,
      };
      return [fix];
    }
    return [];
  },
};

/** Keeps a capital at the start ("Forgot to" → "Did not"). */
function matchCase(original: string, text: string): string {
  return /^[A-Z]/.test(original) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
