/**
 * The preview's header: title, severity and status, the metrics, the
 * milestones as text, the time zone switch, the share buttons and the phase legend.
 */
import { metricItems, MILESTONE_LABELS, PHASE_LABELS, type Phase, type TimelineLayout, type ViewData } from '../../server/src/view/layout.js';
import { clockText, dateKey, partsIn, zoneLabel, type ZoneChoice } from '../../server/src/view/time-format.js';
import type { MilestoneName } from '../../server/src/protocol.js';
import { el } from './dom.js';

export interface HeaderContext {
  view: ViewData;
  layout: TimelineLayout;
  zone: ZoneChoice;
  documentZone: string | null;
  localZone: string | undefined;
}

const MILESTONES: MilestoneName[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

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
  const metrics = el('dl', { class: 'metrics', attrs: { 'aria-label': 'Metrics' } });
  for (const m of metricItems(view.metrics)) {
    metrics.appendChild(el('div', { class: m.known ? 'metric' : 'metric unknown' }, el('dt', {}, m.label), el('dd', {}, m.value)));
  }
  const milestones = el('ul', { class: 'milestones', attrs: { 'aria-label': 'Milestones' } });
  for (const name of MILESTONES) {
    const iso = view.milestones[name];
    const ms = iso ? Date.parse(iso) : NaN;
    if (!Number.isFinite(ms)) continue;
    const p = partsIn(ms, layout.zone.zone);
    milestones.appendChild(el('li', {}, el('span', { class: 'diamond', attrs: { 'aria-hidden': 'true' } }), `${MILESTONE_LABELS[name]} ${dateKey(p)} ${clockText(p, false)}`));
  }

  return el(
    'header',
    { class: 'header' },
    el('h1', { class: 'title' }, view.title.trim() || 'Untitled incident'),
    facts,
    metrics,
    milestones.childElementCount ? milestones : null,
    el('div', { class: 'controls' }, zoneSwitch(c), shareButtons()),
    layout.zone.note ? el('p', { class: 'note', attrs: { role: 'note' } }, layout.zone.note) : null,
    legend(),
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

function shareButtons(): HTMLElement {
  return el(
    'div',
    { class: 'share', attrs: { role: 'group', 'aria-label': 'Share' } },
    el('button', { attrs: { type: 'button', 'data-action': 'copyMermaid' } }, 'Copy as Mermaid'),
    el('button', { attrs: { type: 'button', 'data-action': 'exportSvg' } }, 'Export as SVG'),
  );
}

function legend(): HTMLElement {
  const list = el('ul', { class: 'legend', attrs: { 'aria-label': 'Phases' } });
  for (const phase of Object.keys(PHASE_LABELS) as Phase[]) {
    list.appendChild(el('li', {}, el('span', { class: `swatch phase-${phase}`, attrs: { 'aria-hidden': 'true' } }), PHASE_LABELS[phase]));
  }
  return list;
}
