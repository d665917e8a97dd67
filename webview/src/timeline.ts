/**
 * The time-scaled body of the preview: the layout's rows as elements, grouped by
 * day inside a listbox whose options are the entries, then the entries without
 * a time in a second listbox. Every entry element carries `data-line` (its
 * source line) and `data-index` (its index in the view's events).
 */
import { describeEvent, MILESTONE_LABELS, PHASE_LABELS, type Row, type TimelineLayout, type UndatedEntry } from '../../server/src/view/layout.js';
import { zoneLabel } from '../../server/src/view/time-format.js';
import type { TimelineEventView } from '../../server/src/protocol.js';
import { el } from './dom.js';

/** Builds the timeline section and, when some entries have no time, the section listing them. */
export function renderTimeline(layout: TimelineLayout): HTMLElement[] {
  const zoneName = zoneLabel(layout.zone.zone);
  const list = el('div', { class: 'timeline', attrs: { role: 'listbox', 'aria-label': `Timeline, times in ${zoneName}` } });
  let group: HTMLElement = list;
  let gapBefore: string | undefined;
  for (const row of layout.rows) {
    if (row.kind === 'day') {
      const heading = el('div', { class: `row day${phaseClass(row)}`, attrs: { 'aria-hidden': 'true' } }, el('span', { class: 'day-label' }, row.label));
      group = el('div', { class: 'day-group', attrs: { role: 'group', 'aria-label': row.label } }, heading);
      list.appendChild(group);
    } else if (row.kind === 'event') {
      group.appendChild(eventOption(row.event, row.index, describe(row, zoneName, gapBefore), row.event.dateOnly ? 'date only' : row.at.clock, row));
      gapBefore = undefined;
    } else {
      if (row.kind === 'gap') gapBefore = row.label.replace(/—/g, '').trim();
      group.appendChild(decoration(row));
    }
  }
  const sections: HTMLElement[] = [];
  if (layout.rows.length === 0) {
    sections.push(el('p', { class: 'empty' }, layout.undated.length ? 'No entry of the timeline has a time.' : 'The timeline has no entries yet.'));
  } else {
    sections.push(el('section', { class: 'timeline-section', attrs: { 'aria-label': 'Timeline' } }, list));
  }
  if (layout.undated.length) sections.push(renderUndated(layout.undated));
  return sections;
}

function describe(row: Extract<Row, { kind: 'event' }>, zoneName: string, gapBefore: string | undefined): string {
  const phase = row.phase ? `. Phase: ${PHASE_LABELS[row.phase]}` : '';
  const gap = gapBefore ? `After a gap of ${gapBefore}. ` : '';
  return gap + describeEvent(row.event, row.at, zoneName) + phase;
}

/** The rows that are not entries: space, gap markers and milestones with no entry of their own. */
function decoration(row: Exclude<Row, { kind: 'event' | 'day' }>): HTMLElement {
  switch (row.kind) {
    case 'space': {
      const space = el('div', { class: `row space${phaseClass(row)}`, attrs: { 'aria-hidden': 'true' } });
      space.style.setProperty('--space', `${row.px}px`);
      return space;
    }
    case 'gap':
      return el('div', { class: `row gap${phaseClass(row)}`, attrs: { 'aria-hidden': 'true', 'data-minutes': String(Math.round(row.minutes)) } }, el('span', { class: 'gap-label' }, row.label));
    case 'milestone':
      return el(
        'div',
        { class: `row milestone-row${phaseClass(row)}`, attrs: { 'aria-hidden': 'true' } },
        el('span', { class: 'clock' }, row.at.clock),
        el('span', { class: 'marker diamond' }),
        el('span', { class: 'milestone-name' }, `${MILESTONE_LABELS[row.name]} (milestone)`),
      );
  }
}

function eventOption(e: TimelineEventView, index: number, label: string, clock: string, row?: Extract<Row, { kind: 'event' }>): HTMLElement {
  const worst = e.findings.some((f) => f.severity === 'error') ? 'error' : e.findings.length ? 'warning' : '';
  const classes = ['row', 'event', row ? phaseClass(row).trim() : '', e.milestone ? 'is-milestone' : '', worst ? `has-finding finding-${worst}` : ''];
  const option = el(
    'div',
    {
      class: classes.filter(Boolean).join(' '),
      attrs: { role: 'option', tabindex: '-1', 'aria-selected': 'false', 'aria-label': label, 'data-line': String(e.line), 'data-index': String(index) },
    },
    el('span', { class: 'clock' }, clock),
    el('span', { class: e.milestone ? 'marker diamond' : 'marker dot', attrs: { 'aria-hidden': 'true' } }),
    el(
      'span',
      { class: 'body' },
      el(
        'span',
        { class: 'text' },
        worst ? el('span', { class: 'finding', attrs: { title: e.findings.map((f) => `${f.severity}: ${f.message} (${f.code})`).join('\n'), 'aria-hidden': 'true' } }, '⚠') : null,
        e.milestone ? el('span', { class: 'milestone-name' }, `${MILESTONE_LABELS[e.milestone]}: `) : null,
        e.text || '(no text)',
      ),
      e.people.length ? el('span', { class: 'people' }, ...e.people.map((p) => el('span', { class: 'person' }, '@' + p))) : null,
    ),
  );
  return option;
}

function renderUndated(entries: UndatedEntry[]): HTMLElement {
  const list = el('div', { class: 'undated', attrs: { role: 'listbox', 'aria-label': 'Entries without a time' } });
  for (const u of entries) {
    const option = eventOption(u.event, u.index, `${describeEvent(u.event, undefined, '')}. ${u.reason}`, u.event.raw || '—');
    option.appendChild(el('span', { class: 'reason' }, u.reason));
    list.appendChild(option);
  }
  return el('section', { class: 'undated-section', attrs: { 'aria-label': 'Entries without a time' } }, el('h2', {}, `Without a time (${entries.length})`), list);
}

function phaseClass(row: { phase: string | null }): string {
  return row.phase ? ` phase-${row.phase}` : '';
}
