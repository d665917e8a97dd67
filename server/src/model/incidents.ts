/**
 * Logs of several incidents in one file: "### Incident on 2024-02-25 - Ingress down"
 * headings, each with its own fields (key events, resolution, review actions) written
 * as labels or sub-headings. Each incident is checked as a post-mortem of its own.
 */
import type { PostMortemModel } from './document.js';
import type { Section } from './sections.js';

export interface Incident {
  /** The incident's heading text, as written. */
  title: string;
  /** Its heading's line, and the end of its part of the document: [startLine, endLine). */
  startLine: number;
  endLine: number;
}

// A heading that names one incident: the word, or a date ("### 2024-02-25 Ingress down").
const INCIDENT_TITLE =
  /(?<![\p{L}\p{N}])(?:incident|outage|post-?mortem|disruption|degradation|downtime)(?![\p{L}\p{N}])|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)|(?<![\p{L}])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?!\d)/iu;

/**
 * The incidents of a multi-incident log, or [] for an ordinary post-mortem: at least two
 * headings of one level that name an incident, no section of their own, and that hold
 * two or more post-mortem sections each (for at least two of them), under no section
 * and with no section outside them.
 */
export function findIncidents(model: PostMortemModel): Incident[] {
  const byLevel = new Map<number, Section[]>();
  for (const s of model.allSections) {
    if (s.form !== 'heading' || (s.canonical && !s.weak) || !INCIDENT_TITLE.test(s.title)) continue;
    byLevel.set(s.level, [...(byLevel.get(s.level) ?? []), s]);
  }
  let best: Section[] = [];
  for (const list of byLevel.values()) if (list.length > best.length) best = list;
  if (best.length < 2) return [];
  const structured = best.filter((s) => partsWithin(model, s) >= 2);
  if (structured.length < 2) return [];
  // Days of one post-mortem's timeline ("## Incident timeline", then "### October 21 - Redis
  // overload"…), or incidents beside sections that speak for them all, are one post-mortem.
  const inside = (s: Section) => best.some((i) => i.heading.startLine <= s.heading.startLine && s.heading.startLine < i.endLine);
  if (best.some((s) => ancestors(s).some((a) => a.canonical && !a.weak))) return [];
  if (model.allSections.some((s) => s.canonical && !s.weak && !inside(s))) return [];
  return best.map((s) => ({ title: s.title, startLine: s.heading.startLine, endLine: s.endLine }));
}

function ancestors(s: Section): Section[] {
  const out: Section[] = [];
  for (let p = s.parent; p; p = p.parent) out.push(p);
  return out;
}

/** How many canonical sections, each counted once, a section holds below its heading. */
function partsWithin(model: PostMortemModel, section: Section): number {
  const ids = new Set<string>();
  for (const s of model.allSections) {
    if (s === section || s.heading.startLine <= section.heading.startLine || s.heading.startLine >= section.endLine || s.weak) continue;
    if (s.canonical) ids.add(s.canonical);
    for (const id of s.also) ids.add(id);
  }
  return ids.size;
}

/**
 * The text of one incident as a document of its own, line for line: the frontmatter and
 * the opening text (where "All times in UTC" is said once for all) are kept, every
 * other line outside the incident is emptied (the log's title too: the incident's
 * heading is this text's title), and the text ends where the incident does. Positions
 * in it are positions in the whole document.
 */
export function incidentText(model: PostMortemModel, incident: Incident): string {
  const { lines } = model;
  const keep = (line: number) =>
    (incident.startLine <= line && line < incident.endLine) ||
    (!!model.frontmatter && line <= model.frontmatter.endLine) ||
    (model.preamble.startLine <= line && line < Math.min(model.preamble.endLine, incident.startLine));
  let out = '';
  for (let line = 0; line < Math.min(incident.endLine, lines.lineCount); line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEndWithTerminator(line);
    const content = start + lines.lineLength(line);
    if (keep(line)) out += lines.text.slice(start, end);
    else {
      const terminator = lines.text.slice(content, end);
      // Emptied, a line whose \n follows a lone \r would join it into one \r\n: a line lost, every later one shifted.
      out += out.endsWith('\r') && terminator.startsWith('\n') ? '\r' + terminator.slice(1) : terminator;
    }
  }
  return out;
}
