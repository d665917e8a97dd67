import * as vscode from 'vscode';
import type { OutlineView } from '../../../server/src/protocol';
import type { OutlineTracker } from './tracker';

/**
 * The status bar item: "Post-mortem 4/6", the required sections without problems, on the right
 * with the other language items. Coloured only while the post-mortem has errors; hidden when no
 * post-mortem is followed.
 */
export function statusItem(tracker: OutlineTracker, subscriptions: vscode.Disposable[]): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Post-Mortem';
  item.command = 'postmortem.showOutline';
  const update = () => {
    const o = tracker.outline;
    if (!o) return item.hide();
    const { clean, required } = o.progress;
    const errors = errorCount(o);
    item.text = `$(checklist) Post-mortem ${clean}/${required}`;
    const said = `${clean} of ${required} required sections without problems${errors ? `, ${errors} ${errors === 1 ? 'error' : 'errors'}` : ''}`;
    item.tooltip = `Post-mortem: ${said}. Show the Post-Mortem outline.`;
    item.accessibilityInformation = { label: `Post-mortem: ${said}`, role: 'button' };
    item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  subscriptions.push(
    item,
    tracker.onDidChange(update),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const uri = tracker.outline?.uri;
      if (uri && e.uris.some((u) => u.toString() === uri)) update();
    }),
  );
  return item;
}

/** Errors the editor shows for the post-mortem now (the Problems panel's count). */
function errorCount(o: OutlineView): number {
  return vscode.languages
    .getDiagnostics(vscode.Uri.parse(o.uri))
    .filter((d) => d.source === 'postmortem' && d.severity === vscode.DiagnosticSeverity.Error).length;
}
