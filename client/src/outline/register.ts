import * as vscode from 'vscode';
import type { ServerHandle } from '../server/handle';
import type { TextEditView } from '../../../server/src/protocol';
import { OutlineTracker } from './tracker';
import { OutlineTree } from './tree';
import { statusItem } from './status';

export const OUTLINE_VIEWS = ['postmortem.outline', 'postmortem.outlineSide'] as const;

/** The outline views (in the Explorer and in the Post-Mortem container), the status bar item and their commands. */
export function registerOutline(context: vscode.ExtensionContext, server: ServerHandle): { tracker: OutlineTracker; status: vscode.StatusBarItem } {
  const tracker = new OutlineTracker(server);
  const tree = new OutlineTree(tracker);
  const status = statusItem(tracker, context.subscriptions);

  context.subscriptions.push(
    tracker,
    ...OUTLINE_VIEWS.map((id) => vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true })),
    vscode.commands.registerCommand('postmortem.showOutline', () => vscode.commands.executeCommand('postmortem.outline.focus')),
    vscode.commands.registerCommand('postmortem.revealLine', async (uri: string, line: number) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
      const range = editor.document.lineAt(Math.min(Math.max(0, line), editor.document.lineCount - 1)).range;
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // From a click: (uri, sectionId). From the inline button: the tree node.
    vscode.commands.registerCommand('postmortem.insertSection', async (target: unknown, id?: string) => {
      const node = target as { kind?: string; section?: { id?: string | null } } | undefined;
      const uri = typeof target === 'string' ? target : tracker.outline?.uri;
      const sectionId = typeof target === 'string' ? id : node?.kind === 'section' ? node.section?.id ?? undefined : undefined;
      if (!uri || !sectionId) return false;
      const edits = await (await server.ready()).insertSection(uri, sectionId);
      if (!edits.length) return false;
      const edit = new vscode.WorkspaceEdit();
      for (const e of edits) {
        edit.insert(vscode.Uri.parse(uri), new vscode.Position(e.range.start.line, e.range.start.character), e.newText);
      }
      if (!(await vscode.workspace.applyEdit(edit))) return false;
      await moveIntoInserted(vscode.Uri.parse(uri), edits);
      return true;
    }),
  );
  return { tracker, status };
}

/**
 * Puts the cursor in the section just inserted: on the first line of text under its heading
 * (selected, as the template's prompt is there to be replaced), in the document's editor.
 */
export async function moveIntoInserted(uri: vscode.Uri, edits: readonly TextEditView[]): Promise<vscode.TextEditor | undefined> {
  const first = [...edits].sort((a, b) => a.range.start.line - b.range.start.line)[0];
  if (!first) return undefined;
  const lines = first.newText.split(/\r?\n/);
  const heading = lines.findIndex((l) => /^#{1,6}\s/.test(l));
  if (heading < 0) return undefined;
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false, preview: false });
  // Line k of the inserted text lands on the insertion's line + k; later edits do not move it.
  const headingLine = first.range.start.line + heading;
  let line = headingLine + 1;
  while (line < editor.document.lineCount - 1 && !editor.document.lineAt(line).text.trim() && line < headingLine + 3) line++;
  const range = editor.document.lineAt(Math.min(line, editor.document.lineCount - 1)).range;
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
