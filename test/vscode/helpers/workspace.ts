/** Files of the test workspace: a copy of examples/ (as examples/) and of test/vscode/workspace/ (as fixtures/). */
import * as vscode from 'vscode';
import { withTimeout } from './wait.js';

/** The URI of `relative` (a path with forward slashes) in the first workspace folder. */
export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test run has no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Opens `relative` in an editor (diagnostics are pulled for visible documents) and returns the editor. */
export async function openInEditor(relative: string, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
  const doc = await withTimeout(vscode.workspace.openTextDocument(workspaceUri(relative)), `${relative} to open`);
  if (doc.languageId !== 'markdown') throw new Error(`${relative} opened as ${doc.languageId}, not markdown`);
  return withTimeout(vscode.window.showTextDocument(doc, { preview: false, ...options }), `${relative} to show`);
}

/** Drops unsaved changes in `editor`'s document and closes it, without a prompt. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Reverts every document with unsaved changes, then closes every editor: no save prompt, nothing written. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
