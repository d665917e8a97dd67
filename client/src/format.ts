/** Display helpers shared by the outline view and the status bar. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A UTC instant as "YYYY-MM-DD HH:MM" in a zone: an IANA name, "UTC", or a fixed offset like "+02:00". */
export function formatInZone(utcIso: string, zone: string | null): string {
  const date = new Date(utcIso);
  if (Number.isNaN(date.getTime())) return utcIso;
  const offset = zone ? /^([+-])(\d{2}):?(\d{2})$/.exec(zone) : null;
  if (offset) {
    const minutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
    return new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  }
  const timeZone = zone && zone !== 'Z' ? zone : 'UTC';
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/** Minutes as "1h 38m", "45m", "2d 3h". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const m = Math.round(Math.abs(minutes));
  const sign = minutes < 0 ? '−' : '';
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  if (days) return `${sign}${days}d${hours ? ` ${hours}h` : ''}`;
  if (hours) return `${sign}${hours}h${mins ? ` ${mins}m` : ''}`;
  return `${sign}${mins}m`;
}
