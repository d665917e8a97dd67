/**
 * Wires the timeline preview into VS Code: its commands and the serializer that
 * restores it after a reload. The editor-title button shows on post-mortems through
 * the `postmortem.isPostMortem` context key, which the outline tracker sets.
 */
import * as vscode from 'vscode';
import type { ServerHandle } from '../server/handle.js';
import { openExample } from '../help.js';
import { LAST_URI_KEY, TimelinePreview, VIEW_TYPE, webviewOptions, type PreviewHost } from './panel.js';

/** The preview as the extension's API exposes it (for the in-editor tests). */
export interface PreviewApi {
  /** The preview panel in use (the last one opened or focused), if any. */
  current(): TimelinePreview | undefined;
  /** Fires when a preview panel is opened or restored. */
  readonly onDidOpen: vscode.Event<TimelinePreview>;
}

/** True while a timeline preview is open: enables its commands in the palette. */
export const PREVIEW_OPEN = 'postmortem.previewOpen';

/** Registers the preview; it starts the language server when it first needs a timeline. */
export function registerPreview(
  context: vscode.ExtensionContext,
  server: ServerHandle,
  log: vscode.LogOutputChannel,
  followed: () => vscode.TextDocument | undefined,
): PreviewApi {
  const host: PreviewHost = { extensionUri: context.extensionUri, workspaceState: context.workspaceState, server, log };
  const previews: TimelinePreview[] = [];
  const opened = new vscode.EventEmitter<TimelinePreview>();

  const setOpen = () => void vscode.commands.executeCommand('setContext', PREVIEW_OPEN, previews.length > 0);
  const adopt = (panel: vscode.WebviewPanel): TimelinePreview => {
    const preview = new TimelinePreview(panel, host);
    previews.push(preview);
    setOpen();
    preview.onDidDispose(() => {
      previews.splice(previews.indexOf(preview), 1);
      setOpen();
    });
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) previews.push(...previews.splice(previews.indexOf(preview), 1));
    });
    opened.fire(preview);
    return preview;
  };
  const current = () => previews[previews.length - 1];

  const open = async (arg?: unknown): Promise<TimelinePreview | undefined> => {
    // A Uri from the outline or a test; a URI string from the language server's CodeLens.
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
    let document = uri ? await vscode.workspace.openTextDocument(uri) : (activeMarkdown() ?? followed());
    // Nothing to preview (the walkthrough's button in an empty window): show the example.
    if (!document) document = (await openExample(context.extensionUri)).document;
    // The source's group; the preview goes in the one beside it, never over the source.
    const sourceColumn = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn ?? vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const beside = (sourceColumn + 1) as vscode.ViewColumn;
    let preview = current();
    if (preview) preview.panel.reveal(preview.panel.viewColumn === sourceColumn ? beside : undefined, true);
    else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Timeline', { viewColumn: beside, preserveFocus: true }, webviewOptions(context.extensionUri));
      preview = adopt(panel);
    }
    await preview.show(document);
    return preview;
  };

  const needPreview = (): TimelinePreview | undefined => {
    const preview = current();
    if (!preview) void vscode.window.showInformationMessage('Post-Mortem: open the timeline preview first.');
    return preview;
  };

  context.subscriptions.push(
    opened,
    vscode.commands.registerCommand('postmortem.openPreview', open),
    vscode.commands.registerCommand('postmortem.preview.copyMermaid', () => needPreview()?.copyMermaid()),
    vscode.commands.registerCommand('postmortem.preview.exportSvg', (target?: unknown) =>
      needPreview()?.exportSvg(target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        const preview = adopt(panel);
        const document = (await lastDocument(context.workspaceState)) ?? activeMarkdown();
        if (document) await preview.show(document);
        else await preview.update();
      },
    }),
    { dispose: () => previews.slice().forEach((p) => p.dispose()) },
  );
  return { current, onDidOpen: opened.event };
}

/** The document the preview showed before the reload, when it can be opened again (never a new untitled one). */
async function lastDocument(state: vscode.Memento): Promise<vscode.TextDocument | undefined> {
  const last = state.get<string>(LAST_URI_KEY);
  if (!last) return undefined;
  const uri = vscode.Uri.parse(last);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === last);
  if (open || uri.scheme === 'untitled') return open;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined;
  }
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}
