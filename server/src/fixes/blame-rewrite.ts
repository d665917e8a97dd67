import type { Fix, FixProvider } from './types.js';

/**
 * Rewrites of blaming phrases whose blameless form is clear: what a person did not do, said as
 * such ("we forgot to renew" → "we did not renew"). Other phrases ("careless", "human error") need
 * the writer to say what in the system allowed it: no rewrite is offered for them.
 */
const REWRITES: ReadonlyArray<[RegExp, string]> = [
  [/\bforgot\s+to\b/i, 'did not'],
  [/\bforgotten\s+to\b/i, 'not'],
  [/\bforgetting\s+to\b/i, 'not'],
  [/\bfailed\s+to\s+(notice|realize|realise|spot)\b/i, 'did not $1'],
  [/\bneglected\s+to\b/i, 'did not'],
];

/** "Rewrite as "did not"": replaces the blaming words with a plain account. Never safe: the writer decides. */
export const blameRewriteFix: FixProvider = {
  codes: ['language.blame'],
  fixes(analysis, finding) {
    const { start, end } = finding.range;
    if (start.line !== end.line) return [];
    // The phrase is looked for inside the finding's range, whether that is the words or more.
    const text = analysis.model.lines.lineText(start.line).slice(start.character, end.character);
    for (const [pattern, replacement] of REWRITES) {
      const m = pattern.exec(text);
      if (!m) continue;
      const newText = matchCase(m[0], m[0].replace(pattern, replacement));
      const at = (offset: number) => ({ line: start.line, character: start.character + offset });
      const fix: Fix = {
        title: `Rewrite as "${newText}": say what did not happen, not who is to blame`,
        kind: 'quickfix',
        edits: [{ range: { start: at(m.index), end: at(m.index + m[0].length) }, newText }],
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
