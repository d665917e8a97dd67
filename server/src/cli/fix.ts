import { analyze, applyEdits, fixAll, type Settings } from '../service.js';

export interface FixOutcome {
  text: string;
  /** Titles of the fixes applied, in order. */
  applied: string[];
  /** Why no fix was applied although some were found: they would have lost text. */
  refused?: string;
}

/** At most this many rounds: each round can only make the document more complete. */
const MAX_ROUNDS = 10;

/**
 * Applies every safe fix, round after round until none is left, so that a second
 * run changes nothing. When a round would lose a line of the input, applies none
 * (`text` is the input) and says so in `refused`.
 */
export function fixText(text: string, path: string, settings: Settings): FixOutcome {
  let current = text;
  const applied: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const analysis = analyze(current, { path, force: true, settings });
    const fix = fixAll(analysis);
    if (!fix) break;
    const next = applyEdits(current, fix.edits, analysis);
    if (next === current) break;
    if (!keepsEveryLine(current, next)) {
      return { text, applied: [], refused: `a fix (${(fix.parts ?? [fix.title]).join('; ')}) would have lost text; none was applied` };
    }
    applied.push(...(fix.parts ?? [fix.title]));
    current = next;
  }
  return { text: current, applied };
}

const BOM = '\uFEFF';

/**
 * True when every line of `before` is still in `after` (as many times), whatever the order,
 * with its trailing white space, and no line terminator of `before` is gone (as many
 * \r\n, lone \r and \n at least). A byte order mark is the file's, not its first line's:
 * it must stay at the start, and the lines are compared without it (a section inserted at
 * the top moves it there).
 */
export function keepsEveryLine(before: string, after: string): boolean {
  if (before.startsWith(BOM)) {
    if (!after.startsWith(BOM)) return false;
    before = before.slice(1);
    after = after.slice(1);
  }
  const [crlf, cr, lf] = terminators(before);
  const [crlf2, cr2, lf2] = terminators(after);
  if (crlf2 < crlf || cr2 < cr || lf2 < lf) return false;
  const counts = new Map<string, number>();
  for (const line of after.split(/\r\n|\r|\n/)) counts.set(line, (counts.get(line) ?? 0) + 1);
  for (const line of before.split(/\r\n|\r|\n/)) {
    const n = counts.get(line) ?? 0;
    if (n === 0) return false;
    counts.set(line, n - 1);
  }
  return true;
}

/** How many \r\n, lone \r and lone \n a text has. */
function terminators(text: string): [number, number, number] {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  return [crlf, cr, lf - crlf];
}
