/** The extension's settings in the Settings editor: the preset first, then by importance. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectInWorkbench } from '../helpers/screenshot.js';
import { closeAllEditors } from '../helpers/workspace.js';

describe('Settings editor', () => {
  after(closeAllEditors);

  it('lists the preset first, and every setting has an order and a scope', async () => {
    const contributes = (vscode.extensions.getExtension('postmortem-tools.postmortem')!.packageJSON as {
      contributes: { configuration: { title: string; properties: Record<string, { order?: number; scope?: string }> } };
    }).contributes.configuration;
    assert.equal(contributes.title, 'Post-Mortem');
    const byOrder = Object.entries(contributes.properties).sort(([, a], [, b]) => (a.order ?? 99) - (b.order ?? 99));
    assert.equal(byOrder[0]?.[0], 'postmortem.preset');
    for (const [key, p] of byOrder) assert.ok(typeof p.order === 'number' && p.scope, `${key} has an order and a scope`);
    // Read per folder: a resource-scoped setting, so multi-root folders can differ.
    assert.equal(contributes.properties['postmortem.files']?.scope, 'resource');

    await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:postmortem-tools.postmortem');
    const first = await expectInWorkbench('.settings-editor .settings-tree-container .setting-item-label >> nth=0', 'visible');
    if (first !== undefined) {
      assert.equal(first, 'Preset');
      const category = await expectInWorkbench('.settings-editor .settings-tree-container .setting-item-category >> nth=0', 'attached');
      console.log(`    Settings editor shows the first setting as "${category ?? ''}${first}"`);
    }
  });
});
