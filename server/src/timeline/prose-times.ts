/**
 * Impossible clock times written in the prose around the timeline (the summary,
 * the impact, the text under the title): a 24-hour time with AM/PM ("20:30 PM", "13:06PM").
 * Only that shape: other numbers in prose (ratios, scores, verses) are not times.
 */
import type { PostMortemModel } from '../model/document.js';
import { range, type Range } from '../model/text.js';

const PM_24H = /(?<![\d:])(1[3-9]|2[0-4]):[0-5]\d(?::[0-5]\d)?\s?[AaPp]\.?[Mm]\.?(?![A-Za-z])/g;
const MAX_LINES = 2000;
const FENCE = /^\s*(?:```|~~~)/;

export interface ProseTimeProblem {
  range: Range;
  written: string;
}

/** The first 24-hour time with AM/PM on each line outside the timeline and code blocks (the timeline's entries report their own). */
export function proseTimeProblems(model: PostMortemModel): ProseTimeProblem[] {
  const timeline = model.canonical.get('timeline');
  const out: ProseTimeProblem[] = [];
  let fence = false;
  const end = Math.min(model.lines.lineCount, MAX_LINES);
  for (let line = 0; line < end; line++) {
    const text = model.lines.lineText(line);
    if (FENCE.test(text)) fence = !fence;
    if (fence || (timeline && line >= timeline.heading.startLine && line < timeline.endLine)) continue;
    PM_24H.lastIndex = 0;
    const m = PM_24H.exec(text);
    if (m) out.push({ range: range(line, m.index, line, m.index + m[0].length), written: m[0] });
  }
  return out;
}
