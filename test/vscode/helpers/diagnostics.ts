/** The extension's diagnostics as VS Code shows them, reduced to what the tests compare: code and line. */
import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, DocumentDiagnosticReportKind, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { languageClient } from './extension.js';
import { until, withTimeout, WAIT_MS } from './wait.js';

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

/**
 * Waits until VS Code shows exactly `expected` (code and line) for `uri`. Fails early, without
 * waiting out the timeout, once VS Code shows other findings that the server confirms when asked
 * directly (the display is settled, not stale). Only for documents whose last change has reached
 * the server: after a settings change, which the client forwards on its own time, use
 * waitForDiagnostics.
 */
export function waitForFindings(uri: vscode.Uri, expected: readonly Finding[], ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const want = describeFindings(sortFindings(expected));
  const shown = () => postMortemDiagnostics(uri);
  return new Promise((resolve, reject) => {
    let asking = false;
    let changedMeanwhile = false;
    const finish = (f: () => void) => {
      clearTimeout(timer);
      sub.dispose();
      f();
    };
    const check = () => {
      const now = findingsOf(shown());
      if (describeFindings(now) === want) return finish(() => resolve(shown()));
      if (now.length === 0) return;
      if (asking) {
        changedMeanwhile = true;
        return;
      }
      asking = true;
      changedMeanwhile = false;
      const settled = (server: Finding[] | undefined) => {
        asking = false;
        const again = findingsOf(shown());
        if (server && describeFindings(server) === describeFindings(again) && describeFindings(again) !== want) {
          finish(() => reject(new Error(`${vscode.workspace.asRelativePath(uri)}: expected ${want}, but VS Code and the server agree on ${describeFindings(again)}`)));
        } else if (changedMeanwhile) check();
        // Otherwise the display is stale: the next onDidChangeDiagnostics checks again.
      };
      void serverFindings(uri).then(settled, () => settled(undefined));
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${want} in ${vscode.workspace.asRelativePath(uri)}; last seen: ${describeFindings(findingsOf(shown()))}`))),
      ms,
    );
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/**
 * What the server reports for `uri` when asked directly (a diagnostic pull through the running
 * client), as sorted findings: the check that does not depend on when VS Code repaints.
 */
export async function serverFindings(uri: vscode.Uri): Promise<Finding[]> {
  const client = languageClient();
  // By method name: the client's own copy of the protocol library does not accept this bundle's
  // request objects for requests with parameters.
  const report = await withTimeout(
    client.sendRequest<DocumentDiagnosticReport>(DocumentDiagnosticRequest.method, { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } }),
    'the server to answer textDocument/diagnostic',
  );
  if (report.kind !== DocumentDiagnosticReportKind.Full) throw new Error(`expected a full diagnostic report, got ${report.kind}`);
  return sortFindings(report.items.map((d) => ({ code: String(d.code), line: d.range.start.line + 1 })));
}
