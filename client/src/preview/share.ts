/**
 * "Copy as Mermaid" and "Export as SVG": the preview's timeline, in the zone the
 * preview shows, to the clipboard or to a file the user picks.
 */
import * as vscode from 'vscode';
import type { TimelineView } from '../../../server/src/protocol.js';
import { toMermaid, type MermaidOptions } from '../../../server/src/view/mermaid.js';
import { toSvg } from '../../../server/src/view/svg.js';

/** Puts the Mermaid diagram on the clipboard and returns it (the preview says so in the page). */
export async function copyMermaid(view: TimelineView, options: MermaidOptions): Promise<string> {
  const text = toMermaid(view, options);
  await vscode.env.clipboard.writeText(text);
  return text;
}

/** Writes the SVG to `target`, or to a file the user picks next to the document; returns where, or undefined if cancelled. */
export async function exportSvg(view: TimelineView, documentUri: vscode.Uri, options: MermaidOptions, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(documentUri),
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export Timeline',
      title: 'Export the timeline as SVG',
    }));
  if (!file) return undefined;
  try {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toSvg(view, options)));
  } catch (e) {
    void vscode.window.showErrorMessage(`Post-Mortem: the timeline could not be written to ${file.scheme === 'file' ? file.fsPath : file.toString(true)}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  return file;
}

/** `incident.md` → `incident.timeline.svg`, next to it (untitled documents: in the first workspace folder). */
function defaultTarget(documentUri: vscode.Uri): vscode.Uri | undefined {
  const name = (documentUri.path.split('/').pop() || 'timeline').replace(/\.(md|markdown)$/i, '') + '.timeline.svg';
  if (documentUri.scheme === 'file') return vscode.Uri.joinPath(documentUri, '..', name);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}
