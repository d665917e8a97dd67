/**
 * Context that stays: with the focus in the timeline preview, the outline, the status item and
 * the CodeLens still show the post-mortem; the preview opens in the group beside the source, even
 * when the command runs from the outline view or the preview sits in the source's group.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { extensionApi } from '../helpers/extension.js';
import { expectInWorkbench } from '../helpers/screenshot.js';
import { until, withTimeout } from '../helpers/wait.js';
import { focusPreview } from '../helpers/preview.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';

function openPreview(): Promise<TimelinePreview | undefined> {
  return withTimeout(vscode.commands.executeCommand<TimelinePreview | undefined>('postmortem.openPreview'), 'postmortem.openPreview');
}

describe('the preview keeps the context', () => {
  afterEach(closeAllEditors);

  it('keeps the outline, the status item and the lenses while the preview has focus', async () => {
    const api = extensionApi();
    const good = await openInEditor(GOOD);
    await waitForFindings(good.document.uri, EXPECTED[GOOD]!);
    const preview = await openPreview();
    assert.ok(preview);
    await focusPreview(preview);
    const outline = await withTimeout(api.outline(), 'the outline');
    assert.equal(outline?.uri, good.document.uri.toString(), 'the outline stays on the post-mortem');
    assert.equal(api.status.text, '$(checklist) Post-mortem 6/6');
    assert.deepEqual(api.contextKeys(), { 'postmortem.isPostMortem': true, 'postmortem.seen': true });
    await expectInWorkbench('[id="workbench.parts.statusbar"] .right-items >> text=Post-mortem 6/6', 'visible');
    // The outline in its own container (the side bar takes the focus; the preview stays the active editor).
    await vscode.commands.executeCommand('workbench.view.extension.postmortem');
    await expectInWorkbench('.monaco-list-row >> text=Timeline of Events', 'visible');
    await vscode.commands.executeCommand('workbench.view.explorer');
    const lenses = (await withTimeout(vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', good.document.uri), 'code lenses')) ?? [];
    assert.ok(lenses.some((l) => l.command?.title.startsWith('TTD')), 'the lenses are still there');
  });

  it('opens beside the source, from the outline view too, and moves out of the source\'s group', async () => {
    const good = await openInEditor(GOOD, { viewColumn: vscode.ViewColumn.One });
    await waitForFindings(good.document.uri, EXPECTED[GOOD]!);
    await vscode.commands.executeCommand('postmortem.outline.focus');
    const preview = await openPreview();
    assert.ok(preview);
    assert.equal(preview.panel.viewColumn, vscode.ViewColumn.Two, 'the preview is in the group beside the source');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === good.document && e.viewColumn === vscode.ViewColumn.One), 'the source stays visible');

    // Dragged into the source's group, it goes beside it again on the next open.
    preview.panel.reveal(vscode.ViewColumn.One, true);
    await until(preview.panel.onDidChangeViewState, () => (preview.panel.viewColumn === vscode.ViewColumn.One ? true : undefined), 'the preview to move to the source\'s group');
    await vscode.window.showTextDocument(good.document, { viewColumn: vscode.ViewColumn.One, preview: false });
    const again = await openPreview();
    assert.equal(again, preview, 'one preview');
    await until(preview.panel.onDidChangeViewState, () => (preview.panel.viewColumn === vscode.ViewColumn.Two ? true : undefined), 'the preview to move beside the source', { describe: () => String(preview.panel.viewColumn) });
  });
});
