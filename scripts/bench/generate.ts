/**
 * Realistic, timeline-heavy post-mortems of a chosen size, for the benchmark:
 * frontmatter, a title, all six sections, a long timeline split by day
 * sub-headings and written alternately as lists and tables with time zones
 * (UTC, abbreviations across a DST change, offsets, ISO stamps), log excerpts
 * between entries, and action items with owners, due dates and tickets.
 * Deterministic: the same size and seed give the same text.
 */

/** A small seeded PRNG (mulberry32), so every run measures the same text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['@ana', '@bo', '@chen', '@dara', '@eli', '@farah', '@gus', '@hana', '@ivo', '@jun'];
const CHANNELS = ['#inc-checkout', '#checkout-alerts', '#platform', '#db-oncall', '#status-page'];
const SERVICES = ['checkout-api', 'payments-gateway', 'orders-db', 'edge-proxy', 'search-indexer', 'session-store'];
const VERBS = [
  'acknowledges the page and opens the incident channel',
  'finds `pool exhausted` errors in the {svc} logs',
  'links the error spike to release 2024.11.{n}',
  'starts a rollback of {svc} to the previous image',
  'raises `pool.max` on {svc} from 5 to 50 as a stop-gap',
  'posts an update on the status page: degraded checkout',
  'sees p99 latency of {svc} climb to {n}00 ms',
  'pages the database on-call through PagerDuty',
  'confirms replication lag on orders-db is back under 2 s',
  'drains node pool b of {svc} and restarts the pods',
  'asks support to hold refunds until the backlog clears',
  'notes that the error rate fell below 1% for 10 minutes',
  'hands the incident over to {who} for the night shift',
  'restores traffic to the eu-west-1 edge nodes',
];
const ROOT_SENTENCES = [
  'The connection pool size of {svc} is a configuration value shared by every environment.',
  'A change meant for staging was merged into the shared file, because the repository has no per-environment review.',
  'The deployment pipeline released configuration to production without a canary, so the smaller pool reached all pods at once.',
  'Under the afternoon load, requests waited for a connection, timed out after 2 seconds and returned 503.',
  'The retry policy of {svc} doubled the load on orders-db while it was already saturated.',
  'Our dashboards showed averages, which hid the long tail of slow requests for the first twenty minutes.',
];

interface Zone {
  /** How the zone is written after a time. */
  label(utc: Date): string;
  /** Offset from UTC in minutes at that instant. */
  offset(utc: Date): number;
}

/** US Eastern time with the 2024 end of DST (06:00 UTC on 3 November), written EDT/EST. */
const EASTERN: Zone = {
  offset: (d) => (d.getTime() < Date.UTC(2024, 10, 3, 6) ? -240 : -300),
  label: (d) => (d.getTime() < Date.UTC(2024, 10, 3, 6) ? 'EDT' : 'EST'),
};
const UTC: Zone = { offset: () => 0, label: () => 'UTC' };
const BERLIN: Zone = {
  offset: (d) => (d.getTime() < Date.UTC(2024, 9, 27, 1) ? 120 : 60),
  label: (d) => (d.getTime() < Date.UTC(2024, 9, 27, 1) ? 'CEST' : 'CET'),
};

const pad = (n: number) => String(n).padStart(2, '0');

function local(d: Date, zone: Zone): { date: string; time: string; seconds: string } {
  const l = new Date(d.getTime() + zone.offset(d) * 60_000);
  return {
    date: `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}`,
    time: `${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`,
    seconds: pad(l.getUTCSeconds()),
  };
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

type DayStyle = 'bold-utc' | 'eastern' | 'table' | 'iso' | 'offset' | 'berlin-table';
const STYLES: DayStyle[] = ['bold-utc', 'table', 'eastern', 'iso', 'berlin-table', 'offset'];

/** Generates a post-mortem of about `bytes` bytes (UTF-8; the text is mostly ASCII). */
export function generatePostMortem(bytes: number, seed = 1): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const fill = (s: string) =>
    s.replace(/\{svc\}/g, () => pick(SERVICES)).replace(/\{n\}/g, () => String(1 + Math.floor(rnd() * 9))).replace(/\{who\}/g, () => pick(PEOPLE));
  const out: string[] = [];
  let size = 700; // the frontmatter, written last (it names the first and last times)
  const push = (...lines: string[]) => {
    for (const l of lines) {
      out.push(l);
      size += l.length + 1;
    }
  };
  const share = (fraction: number) => Math.max(200, bytes * fraction);

  push('# Checkout failures after a connection pool change', '', '## Incident Summary', '');
  const summaryEnd = size + share(0.03);
  while (size < summaryEnd) {
    push(
      `From 18:00 EDT on 2 November 2024 (America/New_York) until the rollback, ${pick(SERVICES)} rejected about`,
      `${10 + Math.floor(rnd() * 40)}% of checkout attempts with HTTP 503. A configuration change had lowered the database`,
      'connection pool; customers could browse but many could not pay. We resolved it by rolling back the change.',
      '',
    );
  }

  const timelineBudget = bytes * 0.72;
  push('## Timeline of Events', '', 'All times are UTC unless a zone is given; the US clocks went back at 06:00 UTC on 3 November.', '');
  const timelineEnd = size + timelineBudget;
  const start = new Date(Date.UTC(2024, 10, 2, 22, 0, 0));
  let t = start;
  // Spread the entries over about four days whatever the size, so every style and the DST change appear.
  const step = Math.max(20, (4 * 86_400) / (timelineBudget / 75));
  let day = 0;
  while (size < timelineEnd) {
    const style = STYLES[day % STYLES.length]!;
    const zone = style === 'eastern' ? EASTERN : style === 'berlin-table' || style === 'offset' ? BERLIN : UTC;
    const heading = local(t, zone).date;
    push(`### ${heading} (${zone === UTC ? 'UTC' : zone === EASTERN ? 'US Eastern' : 'Europe/Berlin'})`, '');
    const table = style === 'table' || style === 'berlin-table';
    if (table) push(`| Time (${style === 'table' ? 'UTC' : 'CET/CEST'}) | Who | What happened |`, '| --- | --- | --- |');
    // One day's entries: stop at the local midnight or when the budget is spent.
    while (size < timelineEnd && local(t, zone).date === heading) {
      const l = local(t, zone);
      const who = pick(PEOPLE);
      const what = fill(pick(VERBS));
      const tail = rnd() < 0.2 ? ` in ${pick(CHANNELS)}` : '';
      switch (style) {
        case 'bold-utc':
          push(`- **${l.time} UTC** - ${who} ${what}${tail}.`);
          break;
        case 'eastern':
          push(`- ${l.time}:${l.seconds} ${zone.label(t)} — ${who} ${what}${tail}.`);
          break;
        case 'iso':
          push(`- \`${l.date}T${l.time}:${l.seconds}Z\`: ${who} ${what}${tail}.`);
          break;
        case 'offset':
          push(`- ${l.date} ${l.time} ${offsetText(zone.offset(t))} ${who} ${what}${tail}.`);
          break;
        case 'table':
          push(`| ${l.time} | ${who} | ${what}${tail} |`);
          break;
        case 'berlin-table':
          push(`| ${l.time} ${zone.label(t)} | ${who} | ${what}${tail} |`);
          break;
      }
      if (!table && rnd() < 0.08) push(`  - ${pick(PEOPLE)} confirms on ${pick(CHANNELS)}; graphs attached below.`);
      if (!table && rnd() < 0.02) {
        push('', '  ```text', `  ERROR ${pick(SERVICES)} pool exhausted (waited 2000 ms, 5/5 in use)`, '  WARN retry 3/3 failed', '  ```', '');
      }
      t = new Date(t.getTime() + Math.round(step * (0.2 + rnd() * 1.6)) * 1000);
    }
    push('');
    day++;
  }

  const resolvedAt = t;
  push('## Root Cause Analysis', '');
  const rootEnd = size + share(0.1);
  let factor = 1;
  while (size < rootEnd) {
    push(`### Contributing factor ${factor++}`, '');
    for (let i = 0; i < 4; i++) push(fill(pick(ROOT_SENTENCES)));
    push('', '```yaml', 'pool:', `  max: ${factor % 2 ? 5 : 50}`, '  timeout_ms: 2000', '```', '');
  }

  push('## Resolution and Recovery', '');
  const resolutionEnd = size + share(0.06);
  while (size < resolutionEnd) {
    const l = local(t, EASTERN);
    push(`- ${l.time} ${EASTERN.label(t)}: ${pick(PEOPLE)} ${fill(pick(VERBS))}, because it restores a known-good state in one step.`);
    t = new Date(t.getTime() + 600_000);
  }
  push('', 'Outcome: checkout recovered fully; no data was lost and no payment was taken twice.', '');

  push('## Preventive Actions', '', '| Action | Owner | Due | Ticket |', '| --- | --- | --- | --- |');
  const actionsEnd = size + share(0.06);
  let ticket = 100;
  while (size < actionsEnd) {
    const due = `2024-12-${pad(1 + Math.floor(rnd() * 28))}`;
    push(`| Canary every configuration change of ${pick(SERVICES)} for 10 minutes | ${pick(PEOPLE)} | ${due} | OPS-${ticket++} |`);
    if (rnd() < 0.3) push(`| Alert when ${pick(SERVICES)} waits more than 500 ms for a connection | ${pick(PEOPLE)} | ${due} | OBS-${ticket++} |`);
  }
  push('', `- [ ] Per-environment review for the configuration repository — owner: ${pick(PEOPLE)}, due 2024-12-20, CFG-${ticket}`, '');

  push('## Successes and Positive Outcomes', '');
  do {
    push(`- The error-rate alert on ${pick(SERVICES)} fired within ${2 + Math.floor(rnd() * 6)} minutes, so we knew before customers told us.`);
  } while (size < bytes);
  return frontmatter(start, resolvedAt) + out.join('\n') + '\n';
}

function frontmatter(started: Date, resolved: Date): string {
  const at = (d: Date) => {
    const l = local(d, EASTERN);
    return `${l.date} ${l.time}`;
  };
  return [
    '---',
    'title: Checkout failures after a connection pool change',
    'id: PM-2024-031',
    'status: final',
    'severity: SEV1',
    'authors:',
    '  - Ana Lima',
    '  - Bo Chen',
    'timezone: America/New_York',
    `started: ${at(started)}`,
    `detected: ${at(new Date(started.getTime() + 7 * 60_000))}`,
    `resolved: ${at(resolved)}`,
    'services:',
    ...SERVICES.slice(0, 3).map((s) => `  - ${s}`),
    'impact: About 31% of checkout attempts failed; no payment was taken twice.',
    'tags: [configuration, database, dst]',
    '---',
    '',
    '',
  ].join('\n');
}
