/**
 * The timeline preview page. It receives the timeline as data (first in the
 * `data-state` attribute of #app, then in `update` messages), draws it with text
 * nodes only, and tells the extension what the user picks. It never builds
 * markup from strings and holds no file paths.
 */
import { entryAtLine, layoutTimeline, type ViewData } from '../../server/src/view/layout.js';
import { resolveZone, ZONE_CHOICES, type ZoneChoice } from '../../server/src/view/time-format.js';
import { isZoneName, parseToWebview, type FromWebview, type PageState, type ToWebview } from '../../server/src/view/webview-messages.js';
import { el } from './dom.js';
import { renderHeader } from './header.js';
import { attachNavigation, ensureTabStops, focusOption, markCurrent, optionForIndex } from './navigation.js';
import { renderTimeline } from './timeline.js';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const root = document.getElementById('app') as HTMLElement;
const localZoneName = Intl.DateTimeFormat().resolvedOptions().timeZone;
const localZone = isZoneName(localZoneName) ? localZoneName : undefined;

let view: ViewData | null = null;
let notice: string | undefined;
let zone: ZoneChoice = 'document';
let cursorLine: number | null = null;
/** What the last share action did, shown beside the buttons (text only). */
let shareStatus: string | undefined;

function post(message: FromWebview): void {
  api.postMessage(message);
}

function saveState(): void {
  const state: PageState = { zone, scrollY: Math.round(window.scrollY) };
  api.setState(state);
}

/** Redraws everything from the current state, keeping scroll position, selection and focus. */
function render(): void {
  const scrollY = window.scrollY;
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusedIndex = active?.closest<HTMLElement>('[role="option"]')?.dataset.index;
  const selectedIndex = root.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')?.dataset.index;
  const focusedZone = active?.matches('input[name="zone"]') ? (active as HTMLInputElement).value : undefined;

  const parts: Node[] = [];
  if (!view) {
    parts.push(el('p', { class: 'empty' }, notice ?? 'Open a post-mortem to see its timeline.'));
  } else {
    const layout = layoutTimeline(view, resolveZone(zone, view.timezone, localZone));
    parts.push(renderHeader({ view, layout, zone, documentZone: view.timezone, localZone, status: shareStatus }), ...renderTimeline(layout));
    if (notice) parts.push(el('p', { class: 'note', attrs: { role: 'note' } }, notice));
  }
  root.replaceChildren(...parts);

  ensureTabStops(root);
  const keep = focusedIndex ?? selectedIndex;
  const option = keep !== undefined ? optionForIndex(root, Number(keep)) : undefined;
  if (option) {
    focusOption(option, false);
    if (focusedIndex !== undefined) option.focus({ preventScroll: true });
  }
  if (focusedZone) {
    const radios = Array.from(root.querySelectorAll<HTMLInputElement>('input[name="zone"]'));
    radios.find((r) => r.value === focusedZone)?.focus({ preventScroll: true });
  }
  highlightCursor(false);
  if (window.scrollY !== scrollY) window.scrollTo(0, scrollY);
}

function highlightCursor(scroll: boolean): void {
  const index = view && cursorLine !== null ? entryAtLine(view.events, cursorLine) : undefined;
  const option = markCurrent(root, index);
  if (option && scroll) option.scrollIntoView({ block: 'nearest' });
}

function apply(message: ToWebview): void {
  if (message.type === 'update') {
    view = message.view;
    notice = message.notice;
    zone = message.zone;
    render();
    saveState();
  } else if (message.type === 'status') {
    shareStatus = message.text;
    const status = root.querySelector('.share-status');
    if (status) status.textContent = message.text;
  } else {
    cursorLine = message.line;
    highlightCursor(true);
  }
}

attachNavigation(root, (line) => post({ type: 'reveal', line }));

root.addEventListener('change', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.name !== 'zone') return;
  const choice = ZONE_CHOICES.find((z) => z === input.value);
  if (!choice || choice === zone) return;
  zone = choice;
  render();
  saveState();
  post({ type: 'zone', zone });
});

root.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
  const action = button?.dataset.action;
  if (action === 'copyMermaid' || action === 'exportSvg') {
    shareStatus = undefined;
    const status = root.querySelector('.share-status');
    if (status) status.textContent = '';
    post({ type: action });
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (message) apply(message);
});

let scrollPending = false;
window.addEventListener('scroll', () => {
  if (scrollPending) return;
  scrollPending = true;
  requestAnimationFrame(() => {
    scrollPending = false;
    saveState();
  });
});

/** First paint: the state the extension put in the page, then the scroll position saved before a reload. */
function start(): void {
  const saved = api.getState() as Partial<PageState> | undefined;
  let initial: ToWebview | undefined;
  try {
    initial = parseToWebview(JSON.parse(root.dataset.state ?? 'null'));
  } catch {
    initial = undefined;
  }
  if (saved && ZONE_CHOICES.includes(saved.zone as ZoneChoice)) zone = saved.zone as ZoneChoice;
  if (initial) apply(initial);
  else render();
  if (saved && typeof saved.scrollY === 'number' && saved.scrollY > 0) window.scrollTo(0, saved.scrollY);
  root.setAttribute('aria-busy', 'false');
  post(localZone ? { type: 'ready', localZone } : { type: 'ready' });
}

start();
