/** The "Post-Mortem" output channel: the version, the server's start, its restarts and configuration problems. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { clientRestarted, extensionApi } from '../helpers/extension.js';
import { until, withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';
const VERSION = /\d+\.\d+\.\d+/;

function logged(pattern: RegExp, what: string): Promise<string> {
  const api = extensionApi();
  return until(api.onDidLog, () => api.log().find((l) => pattern.test(l)), what, { describe: () => api.log().slice(-8).join('\n') });
}

describe('Output channel', () => {
  afterEach(closeAllEditors);

  it('logs the version, the server\'s start and a restart', async () => {
    const api = extensionApi();
    const version = String((vscode.extensions.getExtension('postmortem-tools.postmortem')!.packageJSON as { version: string }).version);
    assert.ok(api.log().some((l) => l.includes(`Post-Mortem ${version} activated`)), api.log().join('\n'));
    assert.match(await logged(/Started postmortem-language-server /, 'the client to log the start'), VERSION);
    assert.match(await logged(/postmortem-language-server .* started \(process/, 'the server to log its start'), new RegExp(version.replace(/\./g, '\\.')));
    const back = clientRestarted();
    await withTimeout(vscode.commands.executeCommand('postmortem.restartServer'), 'the restart command', 60_000);
    await withTimeout(back, 'the client to run again', 60_000);
    await logged(/Restarted postmortem-language-server/, 'the restart to be logged');
  });

  it('logs a configuration problem once the server reads the settings', async () => {
    const editor = await openInEditor(GOOD);
    await waitForFindings(editor.document.uri, EXPECTED[GOOD]!);
    const config = vscode.workspace.getConfiguration('postmortem');
    const tooMany = '**/{a,b,c,d,e,f,g,h,i,j}{a,b,c,d,e,f,g,h,i,j}{a,b,c,d,e,f,g,h,i,j}{a,b,c,d,e,f,g,h,i,j}.md';
    try {
      await config.update('files', ['**/postmortems/**/*.md', tooMany], vscode.ConfigurationTarget.Global);
      await logged(/Configuration: the setting postmortem\.files\[1\] cannot be used/, 'the configuration problem in the log');
    } finally {
      await config.update('files', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
