import type { TimezoneData } from '../rules/frontmatter-timezone.js';
import { isTimeZone } from '../frontmatter/timezones.js';
import type { Fix, FixProvider } from './types.js';

/** "Change the time zone to Europe/Berlin": one fix per suggestion of a `frontmatter.timezone` finding. */
export const timezoneSuggestFix: FixProvider = {
  codes: ['frontmatter.timezone'],
  fixes(_analysis, finding) {
    const suggestions = (finding.data as Partial<TimezoneData> | undefined)?.suggestions;
    if (!Array.isArray(suggestions)) return [];
    const valid = suggestions.filter((s): s is string => typeof s === 'string' && isTimeZone(s));
    return valid.map(
      (zone): Fix => ({
        title: `Change the time zone to ${zone}`,
        kind: 'quickfix',
        edits: [{ range: finding.range, newText: zone }],
        findings: [finding],
        ...(valid.length === 1 ? { isPreferred: true } : {}),
        // A replacement that needs a human choice: never applied by "fix all".
        safe: false,
      }),
    );
  },
};
