import * as vscode from 'vscode';
import type { OutlineView } from '../../../server/src/protocol';
import type { ServerHandle } from '../server/handle';

const DEBOUNCE_MS = 300;

/**
 * Follows the active editor and keeps the outline of its post-mortem, asking the
 * server again after a short pause in typing. Sets the `postmortem.isPostMortem`
 * context key for menus and `when` clauses.
 */
export class OutlineTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OutlineView | undefined>();
  /** Fires with each new outline (undefined when the active editor shows no post-mortem). */
  readonly onDidChange = this.changed.event;
  private current: OutlineView | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly server: ServerHandle) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(DEBOUNCE_MS);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem')) this.schedule(DEBOUNCE_MS);
      }),
    );
    this.schedule(0);
  }

  get outline(): OutlineView | undefined {
    return this.current;
  }

  /** The outline for the active editor, fetched now (tests and commands await this). */
  async refresh(): Promise<OutlineView | undefined> {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    const editor = vscode.window.activeTextEditor;
    let next: OutlineView | undefined;
    // Only documents that may be post-mortems wake the server; it decides which are.
    if (editor && (this.server.current ? editor.document.languageId === 'markdown' : await this.server.mightBePostMortem(editor.document))) {
      try {
        const server = await this.server.ready();
        next = (await server.outline(editor.document.uri.toString())) ?? undefined;
      } catch {
        next = undefined; // the server is restarting; the next change asks again
      }
    }
    if (generation !== this.generation) return this.current; // a newer request is under way
    this.current = next;
    void vscode.commands.executeCommand('setContext', 'postmortem.isPostMortem', !!next);
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
