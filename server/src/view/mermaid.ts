/**
 * The timeline as a Mermaid `timeline` diagram, for "Copy as Mermaid" in the
 * preview and `postmortem timeline --format mermaid` on the command line.
 * Pure: a TimelineView in, diagram text out.
 *
 * GitHub renders the output in Markdown inside a ```mermaid fence. Document text
 * is untrusted, so every character Mermaid or HTML gives a meaning (`:`, `;`, `#`,
 * `%`, `<`, `>`, `&`, braces, quotes…) is written as a look-alike character
 * (`∶` for `:`, `＃` for `#`…), line breaks become spaces and control characters
 * go: a label can neither end itself, start a new statement, open a `%%`
 * directive nor inject markup into the rendered SVG, and the text stays readable
 * where the diagram is pasted (no `#58;` entity codes, which editors and some
 * renderers show as they are).
 */
import type { TimelineView } from '../protocol.js';
import { layoutTimeline, MILESTONE_LABELS, type ViewData } from './layout.js';
import { resolveZone, zoneLabel, type ZoneChoice } from './time-format.js';

export interface MermaidOptions {
  /** The clock to write times in; default: the document's zone (UTC when it states none). */
  zone?: ZoneChoice;
  /** The viewer's IANA zone, for `zone: 'local'`. */
  localZone?: string;
}

/** Labels longer than this many characters are cut, with an ellipsis. */
export const MAX_LABEL = 200;

/** Builds the Mermaid `timeline` diagram of `view`: one section per day, one period per clock time. */
export function toMermaid(view: TimelineView | ViewData, options: MermaidOptions = {}): string {
  const layout = layoutTimeline(view, resolveZone(options.zone ?? 'document', view.timezone, options.localZone));
  const zone = layout.zone;
  const facts = [view.severity, view.status].filter((f): f is string => !!f && f.trim() !== '');
  const title = `${view.title.trim() || 'Untitled incident'}${facts.length ? ` (${facts.join(', ')})` : ''} - times in ${zoneLabel(zone.zone)}`;
  const lines = ['timeline', `    title ${mermaidText(title)}`];

  let lastClock: string | undefined;
  for (const row of layout.rows) {
    if (row.kind === 'day') {
      lines.push(`    section ${mermaidText(row.label)}`);
      lastClock = undefined;
    } else if (row.kind === 'event' || row.kind === 'milestone') {
      const label =
        row.kind === 'milestone'
          ? `${MILESTONE_LABELS[row.name]} (milestone)`
          : eventLabel(row.event.text, row.event.people, row.event.milestone ? MILESTONE_LABELS[row.event.milestone] : undefined);
      const clock = row.kind === 'event' && row.event.dateOnly ? 'Date only' : row.at.clock;
      if (clock === lastClock) lines.push(`        : ${labelText(label)}`);
      else lines.push(`        ${mermaidText(clock)} : ${labelText(label)}`);
      lastClock = clock;
    }
  }
  if (layout.undated.length) {
    lines.push(`    section ${mermaidText('Without a time')}`);
    layout.undated.forEach((u, k) => {
      const raw = u.event.raw.trim() ? `${u.event.raw.trim()} - ` : '';
      const label = labelText(raw + eventLabel(u.event.text, u.event.people, undefined));
      lines.push(k === 0 ? `        No time : ${label}` : `        : ${label}`);
    });
  }
  return lines.join('\n') + '\n';
}

/** A label as mermaidText writes it, or "(no text)" when nothing of it is left (only control characters): an empty period ends its line with ":". */
function labelText(label: string): string {
  return mermaidText(label) || '(no text)';
}

function eventLabel(text: string, people: string[], milestone: string | undefined): string {
  const who = people.length ? ` (${people.map((p) => '@' + p).join(', ')})` : '';
  return `${milestone ? milestone + ' - ' : ''}${text.trim() || '(no text)'}${who}`;
}

/** Characters with a meaning to Mermaid or HTML, and the look-alike written instead. */
const LOOK_ALIKES: Record<string, string> = {
  ':': '∶', // RATIO
  ';': '；',
  '#': '＃',
  '%': '％',
  '<': '‹',
  '>': '›',
  '&': '＆',
  '{': '｛',
  '}': '｝',
  '[': '［',
  ']': '］',
  '"': '＂',
  '`': 'ˋ',
  '\\': '＼',
  '|': '｜',
  '*': '∗',
  '=': '＝',
};

/**
 * Makes text safe for a Mermaid label: whitespace runs become one space, control and format
 * characters go, the text is cut to MAX_LABEL characters, and every character with a meaning
 * to Mermaid or HTML is replaced by its look-alike.
 */
export function mermaidText(text: string): string {
  let t = text.replace(/\s+/gu, ' ').replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, '').trim();
  const chars = Array.from(t);
  if (chars.length > MAX_LABEL) t = chars.slice(0, MAX_LABEL - 1).join('') + '…';
  let out = '';
  for (const ch of t) out += LOOK_ALIKES[ch] ?? ch;
  return out;
}
