/**
 * `postmortem metrics PATH...`: one row per post-mortem (date, title, severity, status,
 * duration, time to detect / mitigate / resolve, open and past-due action items), as a
 * table with totals and medians, as JSON (an array of rows) or as CSV (the rows).
 * Post-mortems exist to learn across incidents; this is the view that shows whether a team does.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis, type Settings } from '../service.js';
import { plainText } from '../content/text.js';
import { frontmatterString } from '../model/frontmatter.js';
import { dateOrderOf } from '../timeline/date-order.js';
import { extractActionItems } from '../content/actions.js';
import { timelineView } from '../timeline/view.js';
import { documentDate } from '../timeline/dates.js';
import { dateKey, durationText, parseZone, partsIn, UTC } from '../view/time-format.js';
import type { FoundFile } from './files.js';
import { readInput } from './read.js';
import { csvCell, jsonSafe, visible } from './neutral.js';

export interface MetricsRow {
  file: string;
  /** The incident's date (YYYY-MM-DD, in the document's zone), or null. */
  date: string | null;
  title: string;
  severity: string | null;
  status: string | null;
  durationMinutes: number | null;
  timeToDetectMinutes: number | null;
  timeToMitigateMinutes: number | null;
  timeToResolveMinutes: number | null;
  openActions: number;
  /** Open actions whose due date (YYYY-MM-DD) is before today. */
  pastDueActions: number;
  draft: boolean;
}

export const METRICS_FORMATS = ['table', 'json', 'csv'] as const;

/** The row of one post-mortem, or one row per incident of a log. `today` is YYYY-MM-DD. */
export function metricsRowsOf(file: string, text: string, settings: Settings, today: string): MetricsRow[] {
  const analysis = analyze(text, { path: resolve(file), force: true, settings });
  if (!analysis.incidents) return [rowOf(file, analysis, today)];
  return analysis.incidents.map((p) => ({ ...rowOf(file, p.analysis, today), title: plainText(p.incident.title) }));
}

/** The row of one post-mortem. `today` is YYYY-MM-DD. */
export function metricsRow(file: string, text: string, settings: Settings, today: string): MetricsRow {
  return rowOf(file, analyze(text, { path: resolve(file), force: true, settings }), today);
}

function rowOf(file: string, analysis: Analysis, today: string): MetricsRow {
  const { model, settings } = analysis;
  const view = timelineView(analysis, pathToFileURL(resolve(file)).href, 0);
  const zone = parseZone(view.timezone) ?? UTC;
  const firstInstant = view.milestones.started ?? view.events.find((e) => e.utc)?.utc;
  const civil = documentDate(model, dateOrderOf(model, settings));
  const date = firstInstant
    ? dateKey(partsIn(Date.parse(firstInstant), zone))
    : civil
      ? `${String(civil.year).padStart(4, '0')}-${String(civil.month).padStart(2, '0')}-${String(civil.day).padStart(2, '0')}`
      : null;
  const actions = extractActionItems(model).filter((a) => !a.done);
  const status = frontmatterString(model.frontmatter, 'status') ?? null;
  return {
    file,
    date,
    title: frontmatterString(model.frontmatter, 'title') ?? view.title ?? '',
    severity: frontmatterString(model.frontmatter, 'severity') ?? null,
    status,
    durationMinutes: view.metrics.durationMinutes,
    timeToDetectMinutes: view.metrics.timeToDetectMinutes,
    timeToMitigateMinutes: view.metrics.timeToMitigateMinutes,
    timeToResolveMinutes: view.metrics.timeToResolveMinutes,
    openActions: actions.length,
    pastDueActions: actions.filter((a) => {
      const due = /^\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(a.due ?? '')?.[1];
      return due !== undefined && due < today;
    }).length,
    draft: status !== null && status.toLowerCase() === 'draft',
  };
}

/** Reads and measures each file (paths as given); a file that cannot be read is left out and reported to `skip`. */
export function metricsRows(files: readonly FoundFile[], cwd: string, settingsFor: (file: string) => Settings, today: string, skip: (file: string, why: string) => void): MetricsRow[] {
  const rows: MetricsRow[] = [];
  for (const { path: file, real } of files) {
    const input = readInput(real);
    if ('reason' in input) {
      skip(file, input.reason);
      continue;
    }
    const abs = resolve(cwd, file);
    rows.push(...metricsRowsOf(file, input.text, settingsFor(abs), today));
  }
  return rows;
}

/** The median of the known values, or null. */
export function median(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!known.length) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

export function metricsJson(rows: readonly MetricsRow[]): string {
  return jsonSafe(JSON.stringify(rows, null, 2));
}

const CSV_COLUMNS: ReadonlyArray<keyof MetricsRow> = [
  'file', 'date', 'title', 'severity', 'status', 'durationMinutes', 'timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes', 'openActions', 'pastDueActions', 'draft',
];

/** RFC 4180 CSV with a header row; cells neutralised against formulas and control characters (csvCell). */
export function metricsCsv(rows: readonly MetricsRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n');
}

/** A plain-text table, oldest incident first, with totals, medians and what needs attention; document text with control characters escaped. */
export function metricsTable(shownRows: readonly MetricsRow[]): string {
  const rows = shownRows.map((r) => ({ ...r, file: visible(r.file), title: visible(r.title), severity: r.severity === null ? null : visible(r.severity), status: r.status === null ? null : visible(r.status) }));
  const sorted = [...rows].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.file.localeCompare(b.file));
  const d = (m: number | null) => (m === null ? '—' : durationText(m));
  const header = ['Date', 'Title', 'Sev', 'Status', 'Duration', 'TTD', 'TTM', 'TTR', 'Open', 'Past due'];
  const body = sorted.map((r) => [
    r.date ?? '—',
    r.title.length > 48 ? `${r.title.slice(0, 47)}…` : r.title || r.file,
    r.severity ?? '—',
    r.status ?? '—',
    d(r.durationMinutes),
    d(r.timeToDetectMinutes),
    d(r.timeToMitigateMinutes),
    d(r.timeToResolveMinutes),
    String(r.openActions),
    String(r.pastDueActions),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line), ''];
  out.push(
    `${rows.length} post-mortem${rows.length === 1 ? '' : 's'}. Medians: duration ${d(median(rows.map((r) => r.durationMinutes)))}, ` +
      `time to detect ${d(median(rows.map((r) => r.timeToDetectMinutes)))}, to mitigate ${d(median(rows.map((r) => r.timeToMitigateMinutes)))}, ` +
      `to resolve ${d(median(rows.map((r) => r.timeToResolveMinutes)))}.`,
  );
  const open = rows.reduce((n, r) => n + r.openActions, 0);
  const pastDue = rows.reduce((n, r) => n + r.pastDueActions, 0);
  out.push(`Open action items: ${open}, ${pastDue} past due.`);
  const drafts = rows.filter((r) => r.draft);
  if (drafts.length) out.push(`Still in draft: ${drafts.map((r) => r.file).join(', ')}.`);
  const late = rows.filter((r) => r.pastDueActions > 0);
  if (late.length) out.push(`Past-due actions in: ${late.map((r) => `${r.file} (${r.pastDueActions})`).join(', ')}.`);
  return out.join('\n');
}
