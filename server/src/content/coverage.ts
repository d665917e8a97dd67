/**
 * Sections a post-mortem covers without a heading or label of their own: the fix told
 * in the timeline, the cause told in the summary, entries with times of day under no
 * "Timeline" heading. The phrases are data (data/section-evidence.json); a section
 * covered this way is not reported missing.
 */
import evidenceData from '../data/section-evidence.json';
import type { PostMortemModel } from '../model/document.js';
import { clockTimes, hasTimedLines, writesFourDigitClocks } from '../model/meaning.js';
import type { SectionId } from '../model/sections.js';
import { proseLines } from './text.js';
import { fourDigitClocks } from '../time/parse.js';

interface EvidenceEntry {
  section: SectionId;
  phrases: string[];
  examples: string[];
  counterExamples: string[];
}

export const EVIDENCE: readonly EvidenceEntry[] = evidenceData.evidence as EvidenceEntry[];

const compiled = EVIDENCE.map((e) => ({ section: e.section, re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${e.phrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu') }));

/** The sections whose content a line of prose gives evidence of. */
export function evidenceIn(text: string): SectionId[] {
  const plain = text.replace(/[‘’]/g, "'").replace(/'/g, '');
  return compiled.filter((c) => c.re.test(plain)).map((c) => c.section);
}

const HAS_CLOCK = /(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])/;

const memo = new WeakMap<PostMortemModel, Map<SectionId, number>>();

/** Each section the document's prose covers, with the first line that shows it (0-based). */
export function coveredSections(model: PostMortemModel): ReadonlyMap<SectionId, number> {
  let found = memo.get(model);
  if (found) return found;
  found = new Map();
  for (const p of proseLines(model, model.blocks)) {
    for (const id of evidenceIn(p.text)) if (!found.has(id)) found.set(id, p.line);
  }
  const all = function* () {
    for (let i = 0; i < model.lines.lineCount; i++) yield model.lines.lineText(i);
  };
  // Entries that start with times, or a narrative that gives two clock times ("At 09:41 we
  // deployed… back online at 09:47"): the document tells the incident in time.
  const clock = clockTimes(proseLines(model, model.blocks).map((p) => p.text));
  // Times written as four digits ("1727: …") count when the document writes them so.
  const fourDigit = writesFourDigitClocks(model);
  if (hasTimedLines(all()) || clock >= 2 || fourDigit) {
    for (let i = 0; i < model.lines.lineCount; i++) {
      const line = model.lines.lineText(i);
      if (hasTimedLines([line, line]) || HAS_CLOCK.test(line) || (fourDigit && fourDigitClocks([line, line]))) {
        found.set('timeline', i);
        break;
      }
    }
  }
  memo.set(model, found);
  return found;
}
