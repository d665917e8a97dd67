/** The timeline preview in the tests. */
import * as vscode from 'vscode';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { anyOf, until } from './wait.js';

/** Moves the focus into the preview's group, as a click would; resolves once no text editor is active. */
export async function focusPreview(preview: TimelinePreview): Promise<void> {
  const command = ['workbench.action.focusFirstEditorGroup', 'workbench.action.focusSecondEditorGroup', 'workbench.action.focusThirdEditorGroup'][(preview.panel.viewColumn ?? 2) - 1];
  await vscode.commands.executeCommand(command ?? 'workbench.action.focusSecondEditorGroup');
  preview.panel.reveal(undefined, false);
  await until(
    anyOf(preview.panel.onDidChangeViewState, vscode.window.onDidChangeActiveTextEditor),
    () => (preview.panel.active && !vscode.window.activeTextEditor ? true : undefined),
    'the preview to take the focus',
    { describe: () => `panel active: ${preview.panel.active}, active editor: ${vscode.window.activeTextEditor?.document.uri.path}` },
  );
}
