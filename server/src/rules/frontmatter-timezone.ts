import { isScalar } from 'yaml';
import { frontmatterPair, nodeRange } from '../model/frontmatter.js';
import { isTimeZone, suggestTimeZones } from '../frontmatter/timezones.js';
import type { Rule } from './types.js';

/** Data carried by `frontmatter.timezone` for its "Did you mean …" fixes. */
export interface TimezoneData {
  suggestions: string[];
}

export const frontmatterTimezone: Rule = {
  codes: {
    'frontmatter.timezone': { severity: 'error', description: 'The frontmatter `timezone` is not an IANA time zone, UTC or an offset.' },
  },
  check({ model, report }) {
    const fm = model.frontmatter;
    if (!fm || fm.problems.some((p) => p.severity === 'error')) return;
    const pair = frontmatterPair(fm, 'timezone');
    const value = pair?.value;
    // Wrong types are frontmatter.schema's; an empty value says nothing yet.
    if (!isScalar(value) || typeof value.value !== 'string' || !value.value.trim()) return;
    const zone = value.value.trim();
    if (isTimeZone(zone)) return;
    const suggestions = suggestTimeZones(zone);
    const data: TimezoneData = { suggestions };
    const abbreviation = /^[A-Z]{2,5}$/.test(zone) ? ' Abbreviations are ambiguous; name the zone by its region and city.' : '';
    report({
      code: 'frontmatter.timezone',
      message: `"${zone}" is not an IANA time zone (such as Europe/Berlin), UTC or an offset (+02:00).${abbreviation}${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : ''}`,
      range: nodeRange(fm, model.lines, value) ?? model.lines.trimmedLineRange(fm.startLine),
      data,
    });
  },
};
