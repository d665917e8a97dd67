import { isMap } from 'yaml';
import { parseZoneName, zoneId } from '../time/zones.js';
import { lookupZoneWord } from '../time/abbreviations.js';
import type { Analysis } from '../analysis.js';
import type { FixProvider, TextEdit } from './types.js';

/** The zone the fix writes: the `postmortem.defaultTimezone` setting when it is a valid zone, else UTC. */
function zoneToState(analysis: Analysis): string {
  const configured = analysis.settings.defaultTimezone;
  const zone = configured ? parseZoneName(configured) : undefined;
  return zone ? zoneId(zone) : 'UTC';
}

/** The edit adding `timezone:` to the frontmatter (creating the frontmatter if there is none), or undefined when it cannot be added safely. */
export function stateTimezoneEdit(analysis: Analysis, zone: string): TextEdit | undefined {
  return frontmatterKeyEdit(analysis, 'timezone', zone);
}

/**
 * The edit adding `key: value` at the end of the frontmatter, creating the frontmatter
 * if there is none; undefined when the key is there already (even with another value:
 * the frontmatter check reports that one), or the frontmatter cannot be edited safely
 * (YAML errors, a flow mapping).
 */
export function frontmatterKeyEdit(analysis: Analysis, key: string, value: string): TextEdit | undefined {
  const { model } = analysis;
  const { lines } = model;
  const eol = lines.eol;
  const fm = model.frontmatter;
  if (!fm) {
    const character = lines.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { range: { start: { line: 0, character }, end: { line: 0, character } }, newText: `---${eol}${key}: ${value}${eol}---${eol}` };
  }
  if (fm.problems.some((p) => p.severity === 'error')) return undefined;
  const contents = fm.document.contents;
  if (contents !== null && (!isMap(contents) || contents.flow)) return undefined;
  if (isMap(contents) && contents.items.some((i) => String((i.key as { value?: unknown } | null)?.value) === key)) return undefined;
  const at = { line: fm.endLine, character: 0 };
  return { range: { start: at, end: at }, newText: `${key}: ${value}${eol}` };
}

/** The zone each half of a daylight-saving pair (and a few one-zone abbreviations) stands for. */
const ABBREVIATION_ZONES: Record<string, string> = {
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', MST: 'America/Denver', MDT: 'America/Denver',
  CDT: 'America/Chicago', EST: 'America/New_York', EDT: 'America/New_York', AKST: 'America/Anchorage', AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu', CET: 'Europe/Berlin', CEST: 'Europe/Berlin', MEZ: 'Europe/Berlin', MESZ: 'Europe/Berlin',
  WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon', EET: 'Europe/Helsinki', EEST: 'Europe/Helsinki', MSK: 'Europe/Moscow',
  JST: 'Asia/Tokyo', KST: 'Asia/Seoul', SGT: 'Asia/Singapore', HKT: 'Asia/Hong_Kong',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland', BRT: 'America/Sao_Paulo',
};

/**
 * The IANA zones the document's own abbreviations and names imply ("09:00 PST" → America/Los_Angeles),
 * each with the word that implies it, in the order they first appear; at most three.
 */
export function impliedZones(text: string): Array<{ zone: string; word: string }> {
  const out: Array<{ zone: string; word: string }> = [];
  for (const m of text.matchAll(/\b[A-Z]{2,5}(?:\/[A-Z]{2,5})?\b|\b(?:Pacific|Mountain|Central|Eastern)(?: [Tt]ime)?\b/g)) {
    const word = m[0];
    let zone = ABBREVIATION_ZONES[word] ?? undefined;
    if (!zone) {
      const found = lookupZoneWord(word);
      if (found?.kind === 'zone' && found.zone.kind === 'iana') zone = found.zone.name;
    }
    if (zone && !out.some((z) => z.zone === zone)) out.push({ zone, word });
    if (out.length === 3) break;
  }
  return out;
}

/**
 * "State the time zone": adds `timezone:` to the frontmatter, one fix per zone the document's
 * abbreviations imply, then the setting's zone (or UTC). Not safe: the zone is a choice.
 */
export const stateTimezoneFix: FixProvider = {
  codes: ['timeline.timezone-missing'],
  fixes(analysis, finding) {
    const fallback = zoneToState(analysis);
    const implied = impliedZones(analysis.model.lines.text).filter((z) => z.zone !== fallback);
    const choices = [...implied.map((z) => ({ zone: z.zone, why: ` (the text says ${z.word})` })), { zone: fallback, why: '' }];
    return choices.flatMap(({ zone, why }, i) => {
      const edit = stateTimezoneEdit(analysis, zone);
      if (!edit) return [];
      return [{ title: `State the time zone: add "timezone: ${zone}" to the frontmatter${why}`, kind: 'quickfix' as const, edits: [edit], findings: [finding], safe: false, ...(i === 0 && implied.length ? { isPreferred: true } : {}) }];
    });
  },
};
