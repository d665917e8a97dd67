import * as vscode from 'vscode';
import { DEFAULT_FILE_GLOBS } from '../../../server/src/model/classify';
import { mightBePostMortem } from './prefilter';
import type { LspModule, PostMortemServer } from './types';

const RECHECK_MS = 500;

/**
 * The language server, loaded on first need: when a Markdown document that may be a
 * post-mortem is open or typed into, or when a command needs the server.
 */
export class ServerHandle implements vscode.Disposable {
  private server: PostMortemServer | undefined;
  private loading: Promise<PostMortemServer> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    const check = (d: vscode.TextDocument) => {
      if (!this.server && this.mightBePostMortem(d)) void this.start().catch(() => undefined);
    };
    for (const d of vscode.workspace.textDocuments) check(d);
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument(check),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.server || e.document.languageId !== 'markdown') return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => check(e.document), RECHECK_MS);
      }),
    );
  }

  /** The running server, if it has been loaded. */
  get current(): PostMortemServer | undefined {
    return this.server;
  }

  /** Whether `document` may be a post-mortem (the server decides for sure once loaded). */
  mightBePostMortem(document: vscode.TextDocument): boolean {
    const globs = vscode.workspace.getConfiguration('postmortem', document.uri).get<string[]>('files') ?? DEFAULT_FILE_GLOBS;
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    return mightBePostMortem(document, Array.isArray(globs) ? globs : DEFAULT_FILE_GLOBS, roots);
  }

  /** Loads the language client and starts the server, once. */
  start(): Promise<PostMortemServer> {
    this.loading ??= (async () => {
      // A runtime path, so the bundler leaves the language client in its own file.
      const lsp = require(this.context.asAbsolutePath('dist/client-lsp.js')) as LspModule;
      const server = lsp.startServer(this.context, this.output);
      this.server = server;
      return server;
    })().catch((e: unknown) => {
      this.loading = undefined;
      this.output.error(`The post-mortem language client could not be loaded: ${String(e)}`);
      throw e;
    });
    return this.loading;
  }

  /** The server once it runs (loading and starting it if need be). */
  async ready(): Promise<PostMortemServer> {
    const server = await this.start();
    await server.running();
    return server;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    void this.server?.stop();
  }
}
