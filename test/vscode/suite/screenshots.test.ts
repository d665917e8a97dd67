/**
 * The workbench as a user sees it, checked in the page and saved as PNGs by the launcher
 * (`npm run test:vscode -- --screenshots docs/images` refreshes the README's pictures).
 * Under test:electron no picture is taken and only the extension-side checks run.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { codeOf, waitForFindings } from '../helpers/diagnostics.js';
import { canScreenshot, screenshot } from '../helpers/screenshot.js';
import { until, withTimeout } from '../helpers/wait.js';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';
const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';

describe('screenshots', () => {
  // Notifications from earlier tests (a server restart, for one) would cover the pictures.
  beforeEach(() => vscode.commands.executeCommand('notifications.clearAll'));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  it('the Problems panel lists the findings, and the hover explains one', async () => {
    const editor = await openInEditor(DNS);
    const diagnostics = await waitForFindings(editor.document.uri, EXPECTED[DNS]!);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const placeholder = diagnostics.find((d) => codeOf(d) === 'section.placeholder')!;
    const todo = editor.document.lineAt(placeholder.range.start.line).text.indexOf('TODO');
    const at = new vscode.Position(placeholder.range.start.line, Math.max(todo, 0));
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    const path = await screenshot('problems', {
      waitFor: ['.markers-panel .monaco-list-row >> text=Missing section', '.monaco-hover >> text=Template text left'],
    });
    assert.equal(!!path, canScreenshot());
    await vscode.commands.executeCommand('editor.action.hideHover');
  });

  it('the preview in high contrast shows the entry at the cursor with an outline', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
    const editor = await openInEditor(GOOD, { viewColumn: vscode.ViewColumn.One });
    await waitForFindings(editor.document.uri, EXPECTED[GOOD]!);
    const preview = await withTimeout(vscode.commands.executeCommand<TimelinePreview | undefined>('postmortem.openPreview'), 'postmortem.openPreview');
    assert.ok(preview);
    await until(preview.onDidPost, () => (preview.timeline?.events.length === 8 ? true : undefined), 'the preview to show 8 entries');
    const entry = preview.timeline!.events[3]!;
    const at = new vscode.Position(entry.line, 2);
    editor.selection = new vscode.Selection(at, at);
    await until(preview.onDidPost, () => (preview.sent.some((m) => m.type === 'highlight' && m.line === entry.line) ? true : undefined), 'the preview to highlight the entry at the cursor');
    const workbench = vscode.workspace.getConfiguration('workbench');
    try {
      await workbench.update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
      const path = await screenshot('preview-high-contrast', {
        waitFor: ['.monaco-workbench.hc-black', ['iframe.webview.ready', 'iframe#active-frame', '.event[aria-current="true"]']],
      });
      assert.equal(!!path, canScreenshot());
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
    preview.panel.dispose();
  });

  it('the quick fix menu offers to insert a missing section', async () => {
    const editor = await openInEditor(DNS);
    const diagnostics = await waitForFindings(editor.document.uri, EXPECTED[DNS]!);
    const missing = diagnostics.find((d) => codeOf(d) === 'section.missing')!;
    editor.selection = new vscode.Selection(missing.range.start, missing.range.start);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await withTimeout(vscode.commands.executeCommand('editor.action.quickFix'), 'the quick fix menu to open');
    const path = await screenshot('quick-fix', { waitFor: '.action-widget >> text=Insert section' });
    assert.equal(!!path, canScreenshot());
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });
});
