/**
 * The preview's header: title, severity and status, the known metrics (the unknown ones folded
 * into one line that says how to get them), the time zone switch, the share buttons with their
 * feedback, and the legend of the phases the timeline shows. The milestones are in the timeline.
 */
import { metricItems, PHASE_LABELS, type Phase, type TimelineLayout, type ViewData } from '../../server/src/view/layout.js';
import { zoneLabel, type ZoneChoice } from '../../server/src/view/time-format.js';
import { el } from './dom.js';

export interface HeaderContext {
  view: ViewData;
  layout: TimelineLayout;
  zone: ZoneChoice;
  documentZone: string | null;
  localZone: string | undefined;
  /** What the last share action did ("Copied as Mermaid."), shown beside the buttons. */
  status?: string;
}

/** Builds the header element. Buttons and radios carry data-action / name="zone" for the page's delegated handlers. */
export function renderHeader(c: HeaderContext): HTMLElement {
  const { view, layout } = c;
  const zoneName = zoneLabel(layout.zone.zone);
  const facts = el(
    'p',
    { class: 'facts' },
    badge('Severity', view.severity),
    badge('Status', view.status),
    el('span', { class: 'badge zone-badge' }, `Times in ${zoneName}`),
  );
  const items = metricItems(view.metrics);
  const metrics = el('dl', { class: 'metrics', attrs: { 'aria-label': 'Metrics' } });
  for (const m of items.filter((i) => i.known)) metrics.appendChild(el('div', { class: 'metric' }, el('dt', {}, m.label), el('dd', {}, m.value)));
  const unknown = items.filter((i) => !i.known).map((i) => i.label.replace(/^Time to /, 'time to '));
  const missing = unknown.length
    ? el('p', { class: 'metrics-unknown' }, `Not known yet: ${unknown.join(', ')}. Add the milestones (started, detected, acknowledged, mitigated, resolved) to the frontmatter or as timeline entries to see them.`)
    : null;
  return el(
    'header',
    { class: 'header' },
    el('h1', { class: 'title' }, view.title.trim() || 'Untitled incident'),
    facts,
    metrics.childElementCount ? metrics : null,
    missing,
    el('div', { class: 'controls' }, zoneSwitch(c), shareButtons(c.status)),
    layout.zone.note ? el('p', { class: 'note', attrs: { role: 'note' } }, layout.zone.note) : null,
    legend(layout),
  );
}

function badge(label: string, value: string | null): HTMLElement {
  const text = value && value.trim() ? value.trim() : 'not stated';
  return el('span', { class: value ? 'badge' : 'badge unknown' }, `${label}: `, el('strong', {}, text));
}

function zoneSwitch(c: HeaderContext): HTMLElement {
  const options: [ZoneChoice, string][] = [
    ['document', c.documentZone ? `Document (${c.documentZone})` : 'Document (not stated)'],
    ['utc', 'UTC'],
    ['local', c.localZone ? `Local (${c.localZone})` : 'Local'],
  ];
  const group = el('fieldset', { class: 'zones' }, el('legend', {}, 'Times in'));
  for (const [value, label] of options) {
    const attrs: Record<string, string> = { type: 'radio', name: 'zone', value };
    if (value === c.zone) attrs.checked = '';
    group.appendChild(el('label', { class: 'zone' }, el('input', { attrs }), label));
  }
  return group;
}

function shareButtons(status: string | undefined): HTMLElement {
  return el(
    'div',
    { class: 'share', attrs: { role: 'group', 'aria-label': 'Share' } },
    el('button', { attrs: { type: 'button', 'data-action': 'copyMermaid' } }, 'Copy as Mermaid'),
    el('button', { attrs: { type: 'button', 'data-action': 'exportSvg' } }, 'Export as SVG'),
    el('span', { class: 'share-status', attrs: { role: 'status', 'aria-live': 'polite' } }, status ?? ''),
  );
}

/** The phases the timeline shows (none: no legend). */
function legend(layout: TimelineLayout): HTMLElement | null {
  const shown = new Set(layout.rows.map((r) => r.phase).filter((p): p is Phase => !!p));
  if (!shown.size) return null;
  const list = el('ul', { class: 'legend', attrs: { 'aria-label': 'Phases' } });
  for (const phase of (Object.keys(PHASE_LABELS) as Phase[]).filter((p) => shown.has(p))) {
    list.appendChild(el('li', {}, el('span', { class: `swatch phase-${phase}`, attrs: { 'aria-hidden': 'true' } }), PHASE_LABELS[phase]));
  }
  return list;
}
