/**
 * "Post-Mortem: Restart Language Server": a new server (a new process in Node, a new worker on the
 * web) that analyses the documents as they are. Runs in both extension hosts; restart.test.ts
 * (Node only) kills the process instead.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { sortFindings, waitForFindings } from '../helpers/diagnostics.js';
import { clientRestarted, serverPid } from '../helpers/extension.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

describe('Restart Language Server', () => {
  afterEach(closeAllEditors);

  it('starts a new server, which reports on the document as it is', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    await waitForFindings(uri, EXPECTED[DNS]!);
    const line = editor.document.lineAt(22);
    assert.match(line.text, /^The resolver's cache/, 'line 23 of the example moved; update this test');
    assert.ok(await editor.edit((e) => e.insert(line.range.end, ' TODO: find why.')));
    const expected = sortFindings([...EXPECTED[DNS]!, { code: 'section.placeholder', line: 23 }]);
    await waitForFindings(uri, expected);

    const before = await serverPid();
    const back = clientRestarted();
    await withTimeout(vscode.commands.executeCommand('postmortem.restartServer'), 'the restart command', 60_000);
    await withTimeout(back, 'the client to run again', 60_000);
    assert.notEqual(await serverPid(), before, 'the same server answered after the restart');
    // The new server has the unsaved edit.
    await waitForFindings(uri, expected, 60_000);
  });
});
