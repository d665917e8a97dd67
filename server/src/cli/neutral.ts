/**
 * Output neutralised per format (issue 17). Document text, file names and configuration
 * values reach the CLI's output: an ESC sequence in a heading could retitle the terminal
 * or clear it, a title starting with `=` is a formula when a CSV opens in a spreadsheet,
 * and bidirectional controls reorder what a reader sees (Trojan Source). Each format
 * shows such characters escaped, in a way that keeps the format valid.
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls (0x9B is CSI for an 8-bit terminal),
 * the bidirectional marks, embeddings, overrides and isolates, and the Unicode line and
 * paragraph separators.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_AND_LINES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');
const shown = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c.charCodeAt(0) < 0x100 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`);

/** Text for one line of a terminal: every control character written as an escape (`\x1b`, `\n`, `\u202e`). */
export function visible(text: string): string {
  return text.replace(CONTROLS_AND_LINES, shown);
}

/** The same, keeping tabs and line breaks (text that may span lines: GitHub annotations, CSV cells). */
export function visibleLines(text: string): string {
  return text.replace(CONTROLS, (c) => (c === '\r' ? c : shown(c)));
}

/**
 * JSON (lint --format json, SARIF, metrics and timeline JSON) as JSON.stringify writes
 * it, with the characters it leaves as they are (DEL, C1, bidirectional controls, line
 * separators) written as \u escapes: the same JSON value, safe to print.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${hex(c, 4)}`);
}

/**
 * One CSV cell (RFC 4180). Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'` so that a spreadsheet shows it rather than evaluating it
 * (OWASP, CSV injection); numbers and booleans are written as they are. Control
 * characters are escaped as in the terminal, line breaks kept (inside quotes).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string') {
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    s = visibleLines(s);
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
