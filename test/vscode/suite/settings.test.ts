/** `postmortem.rules` changes take effect in open documents at once, with the same server process. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { codeOf, findingsOf, sameFindings, serverFindings, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { serverPid } from '../helpers/extension.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';
const QUEUE = 'fixtures/postmortems/2025-03-03-queue-backlog.md';

/** Sets `postmortem.rules` in the user settings (undefined removes it). */
function setRules(rules: Record<string, string> | undefined): Promise<void> {
  return withTimeout(
    vscode.workspace.getConfiguration('postmortem').update('rules', rules, vscode.ConfigurationTarget.Global),
    'postmortem.rules to be written',
  );
}

/** Sets `postmortem.sections` in the user settings (undefined removes it). */
function setSections(sections: Record<string, unknown> | undefined): Promise<void> {
  return withTimeout(
    vscode.workspace.getConfiguration('postmortem').update('sections', sections, vscode.ConfigurationTarget.Global),
    'postmortem.sections to be written',
  );
}

describe('settings', () => {
  afterEach(async () => {
    await setRules(undefined);
    await setSections(undefined);
    await closeAllEditors();
  });

  it('"section.missing": "off" and "section.placeholder": "error" apply without a restart', async () => {
    const pid = await serverPid();
    const uri = (await openInEditor(DNS)).document.uri;
    await waitForFindings(uri, EXPECTED[DNS]!);

    await setRules({ 'section.missing': 'off', 'section.placeholder': 'error' });
    const placeholders = (d: readonly vscode.Diagnostic[]) => d.filter((x) => codeOf(x) === 'section.placeholder');
    const changed = await waitForDiagnostics(
      uri,
      (d) => !d.some((x) => codeOf(x) === 'section.missing') && placeholders(d).length > 0 && placeholders(d).every((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'section.missing off and section.placeholder as an error',
    );
    assert.ok(sameFindings(findingsOf(changed), EXPECTED[DNS]!.filter((f) => f.code !== 'section.missing')), 'only section.missing went away');

    await setRules(undefined);
    // Not waitForFindings: the client may not have forwarded the change to the server yet.
    const restored = await waitForDiagnostics(uri, (d) => sameFindings(findingsOf(d), EXPECTED[DNS]!), 'the default findings');
    assert.ok(placeholders(restored).every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'section.placeholder is a warning again');
    assert.equal(await serverPid(), pid, 'the language server was restarted, not reconfigured');
  });

  it('section order is checked once "sections.order" asks for it, and "section.order": "off" removes it again', async () => {
    const uri = (await openInEditor(QUEUE)).document.uri;
    await waitForFindings(uri, EXPECTED[QUEUE]!);
    assert.ok(!EXPECTED[QUEUE]!.some((f) => f.code === 'section.order'), 'no order is checked by default');

    // "Root Cause" (line 14) comes before "Timeline" (line 20): reported on Timeline.
    await setSections({ order: 'relaxed' });
    const ordered = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'section.order'), 'section.order to appear');
    assert.deepEqual(ordered.filter((x) => codeOf(x) === 'section.order').map((x) => x.range.start.line + 1), [20]);

    await setRules({ 'section.order': 'off' });
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'section.order'), 'section.order to go away');
    assert.deepEqual(await serverFindings(uri), EXPECTED[QUEUE]!);
  });
});
