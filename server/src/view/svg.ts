/**
 * The timeline as a standalone SVG file ("Export as SVG"): the same rows as the
 * preview (layout.ts) drawn with fixed colours, light by default and dark when
 * the viewer prefers it, for a report or a chat message.
 * Pure: a view in, SVG text out. Every piece of document text goes through
 * `xmlText`, which escapes markup characters and drops characters XML forbids,
 * so no document content can become an element, an attribute or a script.
 */
import type { TimelineEventView, TimelineView } from '../protocol.js';
import { layoutTimeline, metricItems, MILESTONE_LABELS, PHASE_LABELS, describeEvent, type Row, type ViewData } from './layout.js';
import { resolveZone, zoneLabel, type ZoneChoice } from './time-format.js';

export interface SvgOptions {
  zone?: ZoneChoice;
  localZone?: string;
}

const WIDTH = 760;
const CLOCK_RIGHT = 76;
const AXIS = 92;
const TEXT_LEFT = 110;
const LINE = 18;
const CHARS_PER_LINE = 84;
const MAX_LINES = 12;

const STYLE = `
text { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 13px; fill: #1f2328; }
.bg { fill: #ffffff; }
.title { font-size: 18px; font-weight: 600; }
.muted { fill: #59636e; }
.small { font-size: 11px; }
.day { font-weight: 600; }
.rule { stroke: #d1d9e0; stroke-width: 1; }
.axis { stroke: #818b98; stroke-width: 2; }
.break { stroke: #818b98; stroke-width: 2; stroke-dasharray: 3 4; }
.dot { fill: #0969da; }
.milestone { fill: #8250df; }
.finding { fill: #9a6700; font-weight: 700; }
.finding.error { fill: #cf222e; }
.phase-impact { fill: #cf222e; fill-opacity: 0.10; }
.phase-response { fill: #bf8700; fill-opacity: 0.12; }
.phase-recovery { fill: #1a7f37; fill-opacity: 0.10; }
@media (prefers-color-scheme: dark) {
  text { fill: #e6edf3; }
  .bg { fill: #0d1117; }
  .muted { fill: #9198a1; }
  .rule { stroke: #3d444d; }
  .axis, .break { stroke: #656c76; }
  .dot { fill: #4493f8; }
  .milestone { fill: #ab7df8; }
  .finding { fill: #d29922; }
  .finding.error { fill: #f85149; }
  .phase-impact, .phase-recovery { fill-opacity: 0.18; }
  .phase-response { fill-opacity: 0.20; }
}`;

/** Builds the standalone SVG document of `view`, in the zone asked for (default: the document's). */
export function toSvg(view: TimelineView | ViewData, options: SvgOptions = {}): string {
  const layout = layoutTimeline(view, resolveZone(options.zone ?? 'document', view.timezone, options.localZone));
  const zone = layout.zone;
  const zoneName = zoneLabel(zone.zone);
  const body: string[] = [];
  let y = 32;
  const title = view.title.trim() || 'Untitled incident';
  const block = (content: string, width: number, cls: string, step: number) => {
    for (const line of wrap(content, width)) {
      body.push(text(16, y, line, cls));
      y += step;
    }
  };
  block(title, 64, 'title', 24);
  const facts = [`Severity: ${view.severity ?? 'not stated'}`, `Status: ${view.status ?? 'not stated'}`, `Times in ${zoneName}`];
  block(facts.join(' · '), 96, 'muted', 18);
  block(metricItems(view.metrics).map((m) => `${m.label}: ${m.value}`).join(' · '), 116, 'muted small', 16);
  if (zone.note) block(zone.note, 116, 'muted small', 16);
  y -= 2;
  const legend = (Object.keys(PHASE_LABELS) as (keyof typeof PHASE_LABELS)[]).map((p, k) => {
    const x = 16 + k * 200;
    return `<rect class="phase-${p}" x="${x}" y="${y}" width="12" height="12"/>${text(x + 18, y + 10, PHASE_LABELS[p], 'muted small')}`;
  });
  body.push(legend.join(''));
  y += 28;

  const axisTop = y;
  for (const row of layout.rows) y = drawRow(row, y, body, zoneName);
  if (layout.rows.length === 0) {
    body.push(text(TEXT_LEFT, y + 16, 'No entry of the timeline has a time.', 'muted'));
    y += 28;
  } else {
    body.unshift(`<line class="axis" x1="${AXIS}" y1="${axisTop}" x2="${AXIS}" y2="${y}"/>`);
  }

  if (layout.undated.length) {
    y += 16;
    body.push(text(16, y + 14, `Without a time (${layout.undated.length})`, 'day'));
    body.push(`<line class="rule" x1="16" y1="${y + 22}" x2="${WIDTH - 16}" y2="${y + 22}"/>`);
    y += 30;
    for (const u of layout.undated) {
      const lines = wrap(`${u.event.raw ? u.event.raw + ' — ' : ''}${u.event.text || '(no text)'}`);
      body.push(`<g><title>${xmlText(describeEvent(u.event, undefined, zoneName))}</title>`);
      lines.forEach((l, k) => body.push(text(16, y + 14 + k * LINE, l)));
      y += lines.length * LINE;
      body.push(text(16, y + 12, `${u.reason}${peopleText(u.event)}`, 'muted small'), '</g>');
      y += 24;
    }
  }
  y += 16;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" role="img">`,
    `<title>${xmlText(title)}</title>`,
    `<desc>${xmlText(`Timeline of the incident, times in ${zoneName}.`)}</desc>`,
    `<style>${STYLE}</style>`,
    `<rect class="bg" x="0" y="0" width="${WIDTH}" height="${y}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Draws one layout row at `y` and returns the y below it. */
function drawRow(row: Row, y: number, out: string[], zoneName: string): number {
  const band = (h: number) => (row.phase ? `<rect class="phase-${row.phase}" x="0" y="${y}" width="${WIDTH}" height="${h}"/>` : '');
  switch (row.kind) {
    case 'space':
      out.push(band(row.px));
      return y + row.px;
    case 'gap':
      out.push(band(36), `<rect class="bg" x="${AXIS - 6}" y="${y + 14}" width="12" height="8"/>`);
      out.push(`<line class="break" x1="${AXIS - 10}" y1="${y + 14}" x2="${AXIS + 10}" y2="${y + 14}"/>`);
      out.push(`<line class="break" x1="${AXIS - 10}" y1="${y + 22}" x2="${AXIS + 10}" y2="${y + 22}"/>`);
      out.push(text(TEXT_LEFT, y + 22, row.label, 'muted'));
      return y + 36;
    case 'day':
      out.push(band(30), `<line class="rule" x1="16" y1="${y + 8}" x2="${WIDTH - 16}" y2="${y + 8}"/>`);
      out.push(text(TEXT_LEFT, y + 24, row.label, 'day'));
      return y + 30;
    case 'milestone':
      out.push(band(26), diamond(y + 13), text(CLOCK_RIGHT, y + 17, row.at.clock, 'muted', 'end'));
      out.push(text(TEXT_LEFT, y + 17, `${MILESTONE_LABELS[row.name]} (milestone)`, 'day'));
      return y + 26;
    case 'event': {
      const e = row.event;
      const lines = wrap(e.text || '(no text)');
      const people = e.people.length ? 16 : 0;
      const h = 10 + lines.length * LINE + people;
      out.push(band(h), `<g><title>${xmlText(describeEvent(e, row.at, zoneName))}</title>`);
      out.push(e.milestone ? diamond(y + 14) : `<circle class="dot" cx="${AXIS}" cy="${y + 14}" r="5"/>`);
      out.push(text(CLOCK_RIGHT, y + 18, e.dateOnly ? 'date only' : row.at.clock, 'muted', 'end'));
      let x = TEXT_LEFT;
      if (e.findings.length) {
        const error = e.findings.some((f) => f.severity === 'error');
        out.push(text(TEXT_LEFT, y + 18, '⚠', error ? 'finding error' : 'finding'));
        x += 18;
      }
      const label = e.milestone ? `${MILESTONE_LABELS[e.milestone]}: ` : '';
      lines.forEach((l, k) => out.push(text(k === 0 ? x : TEXT_LEFT, y + 18 + k * LINE, k === 0 ? label + l : l)));
      if (people) out.push(text(TEXT_LEFT, y + 14 + lines.length * LINE, peopleText(e).trim(), 'muted small'));
      out.push('</g>');
      return y + h;
    }
  }
}

function diamond(cy: number): string {
  return `<path class="milestone" d="M ${AXIS} ${cy - 7} L ${AXIS + 7} ${cy} L ${AXIS} ${cy + 7} L ${AXIS - 7} ${cy} Z"/>`;
}

function peopleText(e: TimelineEventView): string {
  return e.people.length ? `  ${e.people.map((p) => '@' + p).join('  ')}` : '';
}

function text(x: number, y: number, content: string, cls = '', anchor?: 'end'): string {
  const attrs = `${cls ? ` class="${cls}"` : ''}${anchor ? ` text-anchor="${anchor}"` : ''}`;
  return `<text x="${x}" y="${y}"${attrs}>${xmlText(content)}</text>`;
}

/** Splits text into lines of at most CHARS_PER_LINE characters, cutting words that are longer. */
export function wrap(content: string, width = CHARS_PER_LINE): string[] {
  const words = content.replace(/\s+/gu, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (Array.from(word).length > width) {
      if (line) lines.push(line), (line = '');
      const chars = Array.from(word);
      lines.push(chars.slice(0, width).join(''));
      word = chars.slice(width).join('');
    }
    if (!line) line = word;
    else if (Array.from(line).length + 1 + Array.from(word).length <= width) line += ' ' + word;
    else lines.push(line), (line = word);
  }
  if (line || lines.length === 0) lines.push(line);
  if (lines.length > MAX_LINES) return [...lines.slice(0, MAX_LINES - 1), lines[MAX_LINES - 1] + ' …'];
  return lines;
}

/**
 * Escapes text for XML character data and attribute values: `& < > " '` become
 * entities; characters XML 1.0 forbids (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) become U+FFFD, so the file always parses.
 */
export function xmlText(content: string): string {
  return content
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
