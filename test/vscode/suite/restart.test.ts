/** The client restarts the language server after its process dies, and diagnostics come back. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { sortFindings, waitForFindings } from '../helpers/diagnostics.js';
import { clientRestarted, languageClient, serverPid } from '../helpers/extension.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

describe('language server restart', () => {
  afterEach(closeAllEditors);
  // When this test fails, leave a running server to the tests after it.
  after(async () => {
    if (!languageClient().isRunning()) await withTimeout(vscode.commands.executeCommand('postmortem.restartServer'), 'a manual restart', 60_000);
  });

  it('comes back after its process is killed, and reports on new edits', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    await waitForFindings(uri, EXPECTED[DNS]!);

    const pid = await serverPid();
    const back = clientRestarted();
    process.kill(pid, 'SIGKILL');
    await withTimeout(back, 'the client to restart the language server', 60_000);
    const newPid = await serverPid();
    assert.notEqual(newPid, pid, 'the same server process answered after being killed');

    // The new server analyses the document as it is now: a TODO added to the root cause is reported.
    const line = editor.document.lineAt(22);
    assert.match(line.text, /^The resolver's cache/, 'line 23 of the example moved; update this test');
    assert.ok(await editor.edit((e) => e.insert(line.range.end, ' TODO: find why.')));
    await waitForFindings(uri, sortFindings([...EXPECTED[DNS]!, { code: 'section.placeholder', line: 23 }]), 60_000);
  });
});
