/**
 * One timeline preview panel: which post-mortem it shows, keeping the page up to
 * date as the document changes, and acting on the (validated) page messages.
 */
import * as vscode from 'vscode';
import type { TimelineView } from '../../../server/src/protocol.js';
import type { ServerHandle } from '../server/handle.js';
import type { ZoneChoice } from '../../../server/src/view/time-format.js';
import { parseFromWebview, toViewData, type FromWebview, type ToWebview } from '../../../server/src/view/webview-messages.js';
import { newNonce, renderPreviewHtml } from './html.js';
import { copyMermaid, exportSvg } from './share.js';

export const VIEW_TYPE = 'postmortem.preview';
const ZONE_KEY = 'postmortem.preview.zone';
/** workspaceState key: the document the preview last showed, to restore it after a reload. */
export const LAST_URI_KEY = 'postmortem.preview.lastUri';
/** Quiet time after the last keystroke before the timeline is asked for again. */
export const UPDATE_DELAY_MS = 250;

/** What a panel needs from the extension. */
export interface PreviewHost {
  extensionUri: vscode.Uri;
  workspaceState: vscode.Memento;
  /** The language server, started when the preview first needs it. */
  server: ServerHandle;
  log: vscode.LogOutputChannel;
}

/** The result of asking the server for a document's timeline. */
export interface TimelineResult {
  view: TimelineView | null;
  /** Why there is no view, when the request failed. */
  error?: string;
}

/** Asks the language server for a document's timeline; errors become a message, never a throw. */
export async function requestTimeline(host: PreviewHost, document: vscode.TextDocument): Promise<TimelineResult> {
  try {
    const server = await host.server.ready();
    return { view: await server.timeline(document.uri.toString()) };
  } catch (e) {
    return { view: null, error: `The timeline could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Webview options: scripts on, command URIs and forms off, resources only from dist/webview. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

export class TimelinePreview implements vscode.Disposable {
  private uri: vscode.Uri | undefined;
  private view: TimelineView | null = null;
  private notice: string | undefined;
  private localZone: string | undefined;
  /** Bumped by every timeline request for the shown document; a stale answer is dropped. */
  private sequence = 0;
  /** The same for requests about another document the preview might follow. */
  private followSequence = 0;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted: ToWebview[] = [];
  private readonly postEmitter = new vscode.EventEmitter<ToWebview>();
  /** Fires with every message sent to the page (for tests). */
  readonly onDidPost = this.postEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: PreviewHost,
  ) {
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'icon.png');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.uri && e.document.uri.toString() === this.uri.toString() && e.contentChanges.length) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) void this.follow(editor.document);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.uri && e.textEditor.document.uri.toString() === this.uri.toString()) this.post({ type: 'highlight', line: e.selections[0]?.active.line ?? null });
      }),
    );
    this.setHtml();
  }

  /** The URI of the document shown, if any. */
  get documentUri(): vscode.Uri | undefined {
    return this.uri;
  }

  /** The timeline last shown (null: none). */
  get timeline(): TimelineView | null {
    return this.view;
  }

  /** Messages sent to the page so far, oldest first. */
  get sent(): readonly ToWebview[] {
    return [...this.posted];
  }

  get zone(): ZoneChoice {
    return this.host.workspaceState.get<ZoneChoice>(ZONE_KEY, 'document');
  }

  /** Shows `document` (whether or not it is a post-mortem: the page says so if not). */
  async show(document: vscode.TextDocument): Promise<void> {
    this.uri = document.uri;
    this.panel.title = `Timeline: ${basename(document.uri)}`;
    await this.host.workspaceState.update(LAST_URI_KEY, document.uri.toString());
    await this.update();
  }

  /** Switches to `document` when it is a post-mortem; other documents leave the preview as it is. */
  async follow(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'markdown' || document.uri.toString() === this.uri?.toString()) return;
    const sequence = ++this.followSequence;
    const result = await requestTimeline(this.host, document);
    if (sequence !== this.followSequence || !result.view || this.disposed) return;
    this.sequence++; // answers still coming for the previous document are now stale
    if (this.timer) clearTimeout(this.timer);
    this.uri = document.uri;
    this.panel.title = `Timeline: ${basename(document.uri)}`;
    await this.host.workspaceState.update(LAST_URI_KEY, document.uri.toString());
    this.present(result.view, undefined);
  }

  /** Asks for the shown document's timeline now and sends it to the page. */
  async update(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const uri = this.uri;
    if (!uri) return this.present(null, 'Open a post-mortem to see its timeline.');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!document) return this.present(this.view, undefined);
    const sequence = ++this.sequence;
    const result = await requestTimeline(this.host, document);
    if (sequence !== this.sequence || this.disposed) return; // a newer request is under way
    const notice = result.error ?? (result.view ? undefined : `${basename(uri)} is not a post-mortem.`);
    this.present(result.view ?? (result.error ? this.view : null), notice);
  }

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private present(view: TimelineView | null, notice: string | undefined): void {
    this.view = view;
    this.notice = notice;
    // A hidden page is rebuilt from its HTML when shown again, so the HTML must hold the latest state.
    if (this.panel.visible) this.post(this.updateMessage());
    else this.setHtml();
  }

  private updateMessage(): ToWebview {
    const message: ToWebview = { type: 'update', view: this.view ? toViewData(this.view) : null, zone: this.zone };
    if (this.notice) message.notice = this.notice;
    return message;
  }

  private setHtml(): void {
    const webview = this.panel.webview;
    const root = vscode.Uri.joinPath(this.host.extensionUri, 'dist', 'webview');
    webview.html = renderPreviewHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString(),
      state: this.updateMessage(),
    });
  }

  private post(message: ToWebview): void {
    this.posted.push(message);
    if (this.posted.length > 200) this.posted.shift();
    this.postEmitter.fire(message);
    void this.panel.webview.postMessage(message);
  }

  /**
   * Handles a message from the page. Anything that is not exactly a known
   * message is dropped (and logged). Returns whether the message was accepted.
   */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseFromWebview(raw);
    if (!message) {
      this.host.log.warn(`Timeline preview: dropped an unexpected message from the page: ${preview(raw)}`);
      return false;
    }
    await this.handle(message);
    return true;
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.localZone = message.localZone;
        this.post(this.updateMessage());
        const editor = vscode.window.activeTextEditor;
        if (editor && editor.document.uri.toString() === this.uri?.toString()) this.post({ type: 'highlight', line: editor.selection.active.line });
        return;
      }
      case 'reveal':
        await this.reveal(message.line);
        return;
      case 'zone':
        await this.host.workspaceState.update(ZONE_KEY, message.zone);
        return;
      case 'copyMermaid':
        await this.copyMermaid();
        return;
      case 'exportSvg':
        await this.exportSvg();
        return;
    }
  }

  /** Reveals and selects line `line` of the shown document in its editor. */
  async reveal(line: number): Promise<vscode.TextEditor | undefined> {
    if (!this.uri) return undefined;
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (line >= document.lineCount) return undefined;
    const range = document.lineAt(line).range;
    const existing = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const column = existing?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection: new vscode.Selection(range.start, range.end) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** Copies the timeline as Mermaid; the page says so beside its buttons (no notification). */
  async copyMermaid(): Promise<string | undefined> {
    if (!this.view) return undefined;
    const text = await copyMermaid(this.view, { zone: this.zone, localZone: this.localZone });
    this.post({ type: 'status', text: 'Copied as Mermaid: paste it into a ```mermaid block.' });
    return text;
  }

  /** Writes the SVG to `target`, or asks where when no target is given; the page says where it went. */
  async exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.view || !this.uri) return undefined;
    const file = await exportSvg(this.view, this.uri, { zone: this.zone, localZone: this.localZone }, target);
    if (file) this.post({ type: 'status', text: `Exported to ${vscode.workspace.asRelativePath(file)}.` });
    return file;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.postEmitter.dispose();
    this.panel.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}
