/** "New Post-Mortem" on disk (a Node extension host only): a symbolic link is followed before anything is written. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors } from '../helpers/workspace.js';

describe('New Post-Mortem on disk', () => {
  const setFolder = (value: string | undefined) =>
    withTimeout(vscode.workspace.getConfiguration('postmortem').update('newFileFolder', value, vscode.ConfigurationTarget.Global), 'postmortem.newFileFolder to be written');
  afterEach(async () => {
    await setFolder(undefined);
    await closeAllEditors();
  });

  it('refuses a folder that a symbolic link leads out of the workspace', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const target = mkdtempSync(join(tmpdir(), 'pm-outside-'));
    const link = join(root, 'linked-out');
    symlinkSync(target, link, 'dir');
    try {
      await setFolder('linked-out/incidents');
      const uri = await withTimeout(vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Escape by link', severity: 'SEV3' }), 'postmortem.new');
      assert.equal(uri, undefined, 'no file was created');
      assert.deepEqual(readdirSync(target), [], 'nothing was written where the link leads');
    } finally {
      rmSync(link);
      rmSync(target, { recursive: true, force: true });
    }
  });
});
