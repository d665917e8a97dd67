import * as vscode from 'vscode';
import type { ServerHandle } from '../server/handle';
import { OutlineTracker } from './tracker';
import { OutlineTree } from './tree';

export const OUTLINE_VIEWS = ['postmortem.outline', 'postmortem.outlineSide'] as const;

/** The outline views (in the Explorer and in the Post-Mortem container), the status bar item and their commands. */
export function registerOutline(context: vscode.ExtensionContext, server: ServerHandle): OutlineTracker {
  const tracker = new OutlineTracker(server);
  const tree = new OutlineTree(tracker);
  const status = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Post-Mortem';
  status.command = 'postmortem.showOutline';
  tracker.onDidChange((o) => {
    if (!o) return status.hide();
    const { present, required } = o.progress;
    status.text = `$(checklist) Post-mortem ${present}/${required}`;
    status.tooltip = `${present} of the ${required} required sections are there. Show the Post-Mortem outline.`;
    status.backgroundColor = present < required ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    status.show();
  });

  context.subscriptions.push(
    tracker,
    status,
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
      return vscode.workspace.applyEdit(edit);
    }),
  );
  return tracker;
}
