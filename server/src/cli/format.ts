import type { Finding } from '../service.js';
import { jsonSafe, visible } from './neutral.js';

export interface FileResult {
  file: string;
  findings: Finding[];
}

/** The JSON the CLI prints: one array, an object per file, 0-based LSP positions. */
export function formatJson(results: readonly FileResult[]): string {
  return jsonSafe(JSON.stringify(
    results.map((r) => ({
      file: r.file,
      diagnostics: r.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        range: f.range,
      })),
    })),
    null,
    2,
  ));
}

const LABEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const COLOR: Record<Finding['severity'], number> = { error: 31, warning: 33, information: 36, hint: 90 };

/** Human-readable output in the manner of ESLint's "stylish", 1-based line:column; document text and file names with control characters escaped. */
export function formatStylish(results: readonly FileResult[], color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    if (!r.findings.length) continue;
    lines.push(color ? `\x1b[4m${visible(r.file)}\x1b[0m` : visible(r.file));
    const rows = r.findings.map((f) => {
      counts[f.severity]++;
      return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, visible(f.message), visible(f.code)] as const;
    });
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => LABEL[x[1]].length));
    for (const [pos, sev, message, code] of rows) {
      lines.push(`  ${pos.padEnd(w0)}  ${paint(COLOR[sev], LABEL[sev].padEnd(w1))}  ${message}  ${paint(90, code)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) {
    lines.push(`${results.length} file${results.length === 1 ? '' : 's'} checked, no problems.`);
  } else {
    const summary = `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} info) in ${results.length} file${results.length === 1 ? '' : 's'}`;
    lines.push(paint(counts.error ? 31 : 33, summary));
  }
  return lines.join('\n');
}
