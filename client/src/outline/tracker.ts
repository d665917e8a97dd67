import * as vscode from 'vscode';
import type { OutlineView } from '../../../server/src/protocol';
import type { ServerHandle } from '../server/handle';

const DEBOUNCE_MS = 300;

/** Context keys for `when` clauses: a post-mortem is the one followed now / one was seen this session. */
export const IS_POST_MORTEM = 'postmortem.isPostMortem';
export const SEEN = 'postmortem.seen';

/**
 * Follows the last active post-mortem and keeps its outline, asking the server again after a
 * short pause in typing. While the focus is elsewhere than a text editor (the timeline preview,
 * a panel) it stays on the last post-mortem; another text editor replaces it. Sets the
 * `postmortem.isPostMortem` and `postmortem.seen` context keys for menus and views.
 */
export class OutlineTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineView | undefined>();
  /** Fires with each new outline (undefined when no post-mortem is followed). */
  readonly onDidChange = this.changed.event;
  private current: OutlineView | undefined;
  /** The document followed: the active text editor's, or the last one while none is active. */
  private followed: vscode.TextDocument | undefined;
  private seen = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: ServerHandle) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.target()) this.schedule(DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.followed) this.schedule(0);
      }),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        if (this.followed && e.closed.length && !vscode.window.activeTextEditor) this.schedule(0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem')) this.schedule(DEBOUNCE_MS);
      }),
    );
    void vscode.commands.executeCommand('setContext', SEEN, false);
    this.schedule(0);
  }

  get outline(): OutlineView | undefined {
    return this.current;
  }

  /** The post-mortem followed, if any (in a tab). */
  get document(): vscode.TextDocument | undefined {
    return this.current && this.followed && inATab(this.followed) ? this.followed : undefined;
  }

  /** The context keys as last set (the in-editor tests compare them with what the workbench shows). */
  get contextKeys(): Record<string, boolean> {
    return { [IS_POST_MORTEM]: !!this.current, [SEEN]: this.seen };
  }

  /** The document to follow: the active text editor's, else the last followed one while a tab shows it. */
  private target(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active) return active;
    return this.followed && inATab(this.followed) ? this.followed : undefined;
  }

  /** The outline for the followed document, fetched now (tests and commands await this). */
  async refresh(): Promise<OutlineView | undefined> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const document = this.target();
    let next: OutlineView | undefined;
    // Only documents that may be post-mortems wake the server; it decides which are.
    if (document && (this.server.current ? document.languageId === 'markdown' : await this.server.mightBePostMortem(document))) {
      try {
        const server = await this.server.ready();
        next = (await server.outline(document.uri.toString())) ?? undefined;
      } catch {
        next = undefined; // the server is restarting; the next change asks again
      }
    }
    if (generation !== this.generation) return this.current; // a newer request is under way
    this.followed = next ? document : undefined;
    this.current = next;
    void vscode.commands.executeCommand('setContext', IS_POST_MORTEM, !!next);
    if (next && !this.seen) {
      this.seen = true;
      void vscode.commands.executeCommand('setContext', SEEN, true);
    }
    this.changed.fire(next);
    return next;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Whether an editor tab shows the document (closing its last tab ends following it, whenever VS Code disposes it). */
function inATab(document: vscode.TextDocument): boolean {
  if (document.isClosed) return false;
  const uri = document.uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri));
}
