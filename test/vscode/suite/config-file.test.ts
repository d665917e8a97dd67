/**
 * A .postmortemrc.json in the workspace, in the editor: read from disk in a Node extension host,
 * through vscode.workspace.fs in the web worker one (the server there has no file system). Its
 * effect on a document is in expected.ts; here, a change to it takes effect in open documents.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { describeFindings, findingsOf, sameFindings, serverFindings, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { serverPid } from '../helpers/extension.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor, workspaceUri } from '../helpers/workspace.js';

const RC = 'fixtures/team/.postmortemrc.json';
const DOC = 'fixtures/team/reviews/2025-02-11-login-errors.md';

function writeConfig(text: string): Promise<void> {
  return withTimeout(vscode.workspace.fs.writeFile(workspaceUri(RC), new TextEncoder().encode(text)), `${RC} to be written`);
}

describe('configuration file', () => {
  let original: string;
  before(async () => {
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(RC)));
  });
  after(async () => {
    await writeConfig(original);
    await closeAllEditors();
  });

  it('a change to it applies to the open post-mortem without a restart', async () => {
    const uri = (await openInEditor(DOC)).document.uri;
    await waitForFindings(uri, EXPECTED[DOC]!);
    const pid = await serverPid();

    // Back to the six default sections: What went well is missing too (the summary tells the
    // cause and the fix, so Root Cause and Resolution are not asked for).
    const config = JSON.parse(original) as Record<string, unknown>;
    delete config['sections'];
    await writeConfig(JSON.stringify(config, null, 2));
    const twoMissing = Array.from({ length: 2 }, () => ({ code: 'section.missing', line: 1 }));
    // Not waitForFindings: the watcher's event reaches the server on its own time.
    const changed = await waitForDiagnostics(uri, (d) => sameFindings(findingsOf(d), twoMissing), 'two section.missing');
    assert.equal(describeFindings(findingsOf(changed)), describeFindings(twoMissing));
    assert.deepEqual(await serverFindings(uri), twoMissing);

    // A glob that no longer takes it in: not a post-mortem any more.
    await writeConfig(JSON.stringify({ ...config, files: ['elsewhere/*.md'] }));
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics once the glob leaves it out');
    assert.deepEqual(await serverFindings(uri), []);
    assert.equal(await serverPid(), pid, 'the language server was restarted, not reconfigured');
  });
});
