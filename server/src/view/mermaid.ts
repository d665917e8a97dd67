/**
 * The timeline as a Mermaid `timeline` diagram, for "Copy as Mermaid" in the
 * preview and `postmortem timeline --format mermaid` on the command line.
 * Pure: a TimelineView in, diagram text out.
 *
 * GitHub renders the output in Markdown inside a ```mermaid fence. Document text
 * is untrusted, so every label is escaped with Mermaid's entity codes (`#35;`
 * for `#`, `#58;` for `:`, `#59;` for `;`…): only letters, digits, spaces and a
 * few harmless punctuation marks pass through, line breaks become spaces, so a
 * label can neither end itself, start a new statement, open a `%%` directive nor
 * inject markup into the rendered SVG.
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
      if (clock === lastClock) lines.push(`        : ${mermaidText(label)}`);
      else lines.push(`        ${mermaidText(clock)} : ${mermaidText(label)}`);
      lastClock = clock;
    }
  }
  if (layout.undated.length) {
    lines.push(`    section ${mermaidText('Without a time')}`);
    layout.undated.forEach((u, k) => {
      const raw = u.event.raw.trim() ? `${u.event.raw.trim()} - ` : '';
      const label = mermaidText(raw + eventLabel(u.event.text, u.event.people, undefined));
      lines.push(k === 0 ? `        No time : ${label}` : `        : ${label}`);
    });
  }
  return lines.join('\n') + '\n';
}

function eventLabel(text: string, people: string[], milestone: string | undefined): string {
  const who = people.length ? ` (${people.map((p) => '@' + p).join(', ')})` : '';
  return `${milestone ? milestone + ' - ' : ''}${text.trim() || '(no text)'}${who}`;
}

const SAFE = /[\p{L}\p{N}\p{M} .,'()\-_/@!?+]/u;

/**
 * Escapes text for a Mermaid label: whitespace runs become one space, the text is
 * cut to MAX_LABEL characters, and every character outside the safe set is written
 * as a Mermaid entity code (`#<decimal>;`), which renders as that character.
 */
export function mermaidText(text: string): string {
  let t = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(t);
  if (chars.length > MAX_LABEL) t = chars.slice(0, MAX_LABEL - 1).join('') + '…';
  let out = '';
  for (const ch of t) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}
