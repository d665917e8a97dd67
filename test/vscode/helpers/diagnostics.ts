/** The extension's diagnostics as VS Code shows them, reduced to what the tests compare: code and line. */
import * as vscode from 'vscode';
import { until, WAIT_MS } from './wait.js';

/** A diagnostic as the expectations are written: its code and its 1-based line, as the editor shows it. */
export interface Finding {
  code: string;
  line: number;
}

/** The diagnostics the extension published for `uri` (other extensions' are left out). */
export function postMortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

/** The code of a diagnostic as a string, whether VS Code holds it as a string or a {value, target}. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

/** Diagnostics as sorted findings (code and 1-based line). */
export function findingsOf(diagnostics: readonly vscode.Diagnostic[]): Finding[] {
  return sortFindings(diagnostics.map((d) => ({ code: codeOf(d), line: d.range.start.line + 1 })));
}

/** Findings sorted by line, then code, so two lists compare with deepStrictEqual. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.code.localeCompare(b.code));
}

/** One line per finding, for failure messages. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings.length ? findings.map((f) => `${f.code}@${f.line}`).join(', ') : '(none)';
}

/** True when the two lists hold the same findings, whatever their order. */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return describeFindings(sortFindings(a)) === describeFindings(sortFindings(b));
}

/**
 * Waits until the extension's diagnostics for `uri` satisfy `accept`, then returns them.
 * Checks now and at every `onDidChangeDiagnostics` for that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const current = () => postMortemDiagnostics(uri);
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const d = current();
      return accept(d) ? d : undefined;
    },
    `${what} in ${vscode.workspace.asRelativePath(uri)}`,
    { ms, describe: () => describeFindings(findingsOf(current())) },
  );
}

/** Waits until VS Code shows exactly `expected` (code and line) for `uri`. */
export function waitForFindings(uri: vscode.Uri, expected: readonly Finding[], ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (d) => sameFindings(findingsOf(d), expected), `the findings ${describeFindings(sortFindings(expected))}`, ms);
}
