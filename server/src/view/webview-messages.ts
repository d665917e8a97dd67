/**
 * Every message between the timeline preview page and the extension, defined
 * once and imported by both sides, with the validators each side runs on what
 * it receives. The extension treats the page as untrusted: a message that is
 * not exactly one of `FromWebview` (known type, known fields, right types) is dropped.
 * Types only from protocol.ts, so the page bundle does not pull in the LSP libraries.
 */
import type { TimelineView } from '../protocol.js';
import type { ViewData } from './layout.js';
import { ZONE_CHOICES, type ZoneChoice } from './time-format.js';

/** Messages the extension sends to the page. */
export type ToWebview =
  /** The timeline to show (null: nothing to show, and `notice` says why) and the zone to show it in. */
  | { type: 'update'; view: ViewData | null; zone: ZoneChoice; notice?: string }
  /** The editor's cursor is on this 0-based line: highlight the entry there, if any. */
  | { type: 'highlight'; line: number | null }
  /** What a share action did ("Copied as Mermaid."), shown in the page beside the buttons. */
  | { type: 'status'; text: string };

/** The longest status text the page shows. */
export const MAX_STATUS = 300;

/** Messages the page sends to the extension. */
export type FromWebview =
  /** The page is listening; `localZone` is the viewer's IANA zone as the page sees it. */
  | { type: 'ready'; localZone?: string }
  /** The user picked an entry: reveal and select its source line. */
  | { type: 'reveal'; line: number }
  /** The user switched the time zone. */
  | { type: 'zone'; zone: ZoneChoice }
  | { type: 'copyMermaid' }
  | { type: 'exportSvg' };

/** What the page keeps across reloads through the webview's getState/setState. */
export interface PageState {
  zone: ZoneChoice;
  scrollY: number;
}

/** Lines beyond this are not lines of any document the preview shows. */
export const MAX_LINE = 10_000_000;

type FieldCheck = (value: unknown) => boolean;

const isLine: FieldCheck = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_LINE;
const isZoneChoice: FieldCheck = (v) => typeof v === 'string' && (ZONE_CHOICES as readonly string[]).includes(v);
/** True for a string that may be an IANA zone name ("Europe/Paris", "UTC", "Etc/GMT+5"). */
export const isZoneName: FieldCheck = (v) => typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(v);

/** The allowlist: each type with its required and optional fields. */
const FROM_WEBVIEW: Record<FromWebview['type'], { required: Record<string, FieldCheck>; optional: Record<string, FieldCheck> }> = {
  ready: { required: {}, optional: { localZone: isZoneName } },
  reveal: { required: { line: isLine }, optional: {} },
  zone: { required: { zone: isZoneChoice }, optional: {} },
  copyMermaid: { required: {}, optional: {} },
  exportSvg: { required: {}, optional: {} },
};

/**
 * Checks a message from the page against the allowlist and returns it typed,
 * or undefined when the type is unknown, a field is missing, extra or of the wrong type.
 */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (!isPlainObject(message)) return undefined;
  const type = message.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(FROM_WEBVIEW, type)) return undefined;
  const spec = FROM_WEBVIEW[type as FromWebview['type']];
  for (const [key, check] of Object.entries(spec.required)) {
    if (!Object.prototype.hasOwnProperty.call(message, key) || !check(message[key])) return undefined;
  }
  for (const key of Object.keys(message)) {
    if (key === 'type' || Object.prototype.hasOwnProperty.call(spec.required, key)) continue;
    const check = Object.prototype.hasOwnProperty.call(spec.optional, key) ? spec.optional[key] : undefined;
    if (!check || (message[key] !== undefined && !check(message[key]))) return undefined;
  }
  return message as FromWebview;
}

/** Checks a message from the extension before the page uses it; undefined when it is not one. */
export function parseToWebview(message: unknown): ToWebview | undefined {
  if (!isPlainObject(message)) return undefined;
  if (message.type === 'highlight') {
    return message.line === null || isLine(message.line) ? { type: 'highlight', line: message.line as number | null } : undefined;
  }
  if (message.type === 'status') {
    return typeof message.text === 'string' && message.text.length <= MAX_STATUS ? { type: 'status', text: message.text } : undefined;
  }
  if (message.type === 'update') {
    if (!isZoneChoice(message.zone)) return undefined;
    if (message.notice !== undefined && typeof message.notice !== 'string') return undefined;
    if (message.view !== null && !isViewData(message.view)) return undefined;
    return message as ToWebview;
  }
  return undefined;
}

/** The view as the page may see it: the document's URI (a file path) removed. */
export function toViewData(view: TimelineView): ViewData {
  const { uri: _uri, ...data } = view;
  return data;
}

/** A structural check of a timeline view: every field the page reads has the type it expects. */
export function isViewData(value: unknown): value is ViewData {
  if (!isPlainObject(value)) return false;
  const v = value;
  return (
    typeof v.title === 'string' &&
    isStringOrNull(v.severity) &&
    isStringOrNull(v.status) &&
    isStringOrNull(v.timezone) &&
    Array.isArray(v.events) &&
    v.events.every(isEventView) &&
    isPlainObject(v.milestones) &&
    Object.values(v.milestones).every((m) => m === undefined || typeof m === 'string') &&
    isPlainObject(v.metrics) &&
    Object.values(v.metrics).every((m) => m === null || (typeof m === 'number' && Number.isFinite(m)))
  );
}

function isEventView(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const e = value;
  return (
    isLine(e.line) &&
    typeof e.raw === 'string' &&
    typeof e.text === 'string' &&
    isStringOrNull(e.utc) &&
    (e.unresolved === undefined || typeof e.unresolved === 'string') &&
    (e.dateOnly === undefined || typeof e.dateOnly === 'boolean') &&
    Array.isArray(e.people) &&
    e.people.every((p) => typeof p === 'string') &&
    (e.milestone === undefined || ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'].includes(e.milestone as string)) &&
    Array.isArray(e.findings) &&
    e.findings.every(
      (f) =>
        isPlainObject(f) &&
        typeof f.code === 'string' &&
        typeof f.message === 'string' &&
        ['error', 'warning', 'information', 'hint'].includes(f.severity as string),
    )
  );
}

function isStringOrNull(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
