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
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

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
