import { isMap } from 'yaml';
import { parseZoneName, zoneId } from '../time/zones.js';
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

/** "State the time zone": adds `timezone:` to the frontmatter. Not safe: the zone is a choice. */
export const stateTimezoneFix: FixProvider = {
  codes: ['timeline.timezone-missing'],
  fixes(analysis, finding) {
    const zone = zoneToState(analysis);
    const edit = stateTimezoneEdit(analysis, zone);
    if (!edit) return [];
    return [{ title: `State the time zone: add "timezone: ${zone}" to the frontmatter`, kind: 'quickfix', edits: [edit], findings: [finding], safe: false }];
  },
};
