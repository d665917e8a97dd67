import { ZONE_ABBREVIATIONS, ianaZoneNames, isTimeZone } from '../content/zones.js';
import { editDistance } from './distance.js';
import { own } from '../own.js';

export { isTimeZone, ianaZoneNames } from '../content/zones.js';

/**
 * Zones close to a name that is not one, best first, at most three: the zone an
 * abbreviation usually means (CEST → Europe/Berlin), the same name with spaces or
 * case fixed, a zone with the same city, or a name a few typos away.
 */
export function suggestTimeZones(input: string): string[] {
  const name = input.trim();
  if (!name) return [];
  const out: string[] = [];
  const add = (z: string) => {
    if (!out.includes(z) && out.length < 3) out.push(z);
  };
  for (const z of own(ZONE_ABBREVIATIONS, name.toUpperCase()) ?? []) add(z);
  const underscored = name.replace(/\s+/g, '_');
  if (underscored !== name && isTimeZone(underscored)) add(canonicalName(underscored));
  const zones = ianaZoneNames();
  const lower = underscored.toLowerCase();
  const city = lower.split('/').pop()!;
  for (const z of zones) if (z.toLowerCase() === lower) add(z);
  for (const z of zones) if (city.length >= 3 && z.toLowerCase().split('/').pop() === city) add(z);
  const scored: Array<{ z: string; d: number }> = [];
  for (const z of zones) {
    const zl = z.toLowerCase();
    const whole = editDistance(lower, zl, Math.max(1, Math.floor(lower.length / 5)));
    const zc = zl.split('/').pop()!;
    const cityOnly = city.length >= 4 ? editDistance(city, zc, Math.max(1, Math.floor(city.length / 4))) : Infinity;
    const d = Math.min(whole <= Math.max(1, Math.floor(lower.length / 5)) ? whole : Infinity, cityOnly <= Math.max(1, Math.floor(city.length / 4)) ? cityOnly + 0.5 : Infinity);
    if (d < Infinity) scored.push({ z, d });
  }
  for (const { z } of scored.sort((a, b) => a.d - b.d)) add(z);
  return out;
}

function canonicalName(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}
