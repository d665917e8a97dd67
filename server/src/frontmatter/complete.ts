import { isMap } from 'yaml';
import type { CompletionProvider, CompletionResult } from '../features/types.js';
import type { Frontmatter } from '../model/frontmatter.js';
import { frontmatterString } from '../model/frontmatter.js';
import { range, type Position } from '../model/text.js';
import { keyText } from './nodes.js';
import { FRONTMATTER_KEYS, fieldInfo } from './schema.js';
import { ianaZoneNames, isTimeZone } from './timezones.js';

/** The clock completion reads "now" from; tests replace `now`. */
export const clock = { now: (): Date => new Date() };

/** True when the position is on a line between the frontmatter's fences. */
export function inFrontmatter(fm: Frontmatter | undefined, position: Position): fm is Frontmatter {
  return !!fm && position.line > fm.startLine && position.line < fm.endLine;
}

/**
 * Completion in the frontmatter: at the start of a top-level line, the schema's
 * keys not yet used (with their descriptions); after `key:`, the allowed values of
 * `status`, `severity` and `priority`, IANA zones for `timezone`, true/false for
 * flags, and "now" in the document's zone for the milestone keys.
 */
export const frontmatterCompletion: CompletionProvider = {
  complete(analysis, position) {
    const fm = analysis.model.frontmatter;
    if (!inFrontmatter(fm, position)) return [];
    const text = analysis.model.lines.lineText(position.line);
    const before = text.slice(0, position.character);
    const valueAt = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*/.exec(before);
    if (valueAt) {
      const start = valueAt[0].length;
      const end = Math.max(position.character, text.trimEnd().length);
      return valueCompletions(fm, valueAt[1]!, range(position.line, start, position.line, end), analysis.settings.defaultTimezone);
    }
    if (/^[A-Za-z_][\w-]*$|^$/.test(before)) {
      const word = /^[\w-]*/.exec(text)![0];
      return keyCompletions(fm, range(position.line, 0, position.line, Math.max(word.length, position.character)));
    }
    return [];
  },
};

function keyCompletions(fm: Frontmatter, replace: ReturnType<typeof range>): CompletionResult[] {
  const used = new Set<string>();
  if (isMap(fm.document.contents)) for (const p of fm.document.contents.items) used.add(keyText(p) ?? '');
  return FRONTMATTER_KEYS.filter((k) => !used.has(k)).map((key, i) => {
    const info = fieldInfo(key)!;
    return {
      label: key,
      kind: 'property',
      detail: detailOf(info.kind, info.values),
      documentation: info.description,
      insertText: `${key}: `,
      range: replace,
      sortText: String(i).padStart(3, '0'),
    };
  });
}

function detailOf(kind: string, values?: readonly string[]): string {
  if (values && kind === 'enum') return values.join(' | ');
  return { milestone: 'date and time', timezone: 'IANA time zone', list: 'list', boolean: 'true | false', id: 'text or number', text: 'text' }[kind] ?? kind;
}

function valueCompletions(fm: Frontmatter, key: string, replace: ReturnType<typeof range>, defaultZone: string | undefined): CompletionResult[] {
  const info = fieldInfo(key);
  if (!info) return [];
  if (info.values) {
    return info.values.map((v, i) => ({ label: v, kind: 'enum', range: replace, sortText: String(i).padStart(3, '0') }));
  }
  if (info.kind === 'timezone') {
    return ianaZoneNames().map((z) => ({ label: z, kind: 'value', range: replace }));
  }
  if (info.kind === 'milestone') {
    const zone = documentZone(fm, defaultZone);
    const now = formatInZone(clock.now(), zone);
    return [{ label: now, kind: 'value', detail: `now, ${zone}`, documentation: info.description, range: replace }];
  }
  return [];
}

/** The zone "now" is given in: the frontmatter's `timezone`, else the default setting, else UTC. */
export function documentZone(fm: Frontmatter | undefined, defaultZone: string | undefined): string {
  const own = frontmatterString(fm, 'timezone');
  if (own && isTimeZone(own)) return own;
  if (defaultZone && isTimeZone(defaultZone)) return defaultZone;
  return 'UTC';
}

/** `YYYY-MM-DD HH:MM` of an instant in a zone (an IANA name, UTC, or an offset like +02:00). */
export function formatInZone(date: Date, zone: string): string {
  const offset = /^(?:UTC|GMT)?([+-])([01]?\d|2[0-3])(?::?([0-5]\d))?$/.exec(zone);
  if (offset) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0));
    return new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
