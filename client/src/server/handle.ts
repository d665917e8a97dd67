import * as vscode from 'vscode';
import { DEFAULT_FILE_GLOBS } from '../../../server/src/model/classify';
import { mightBePostMortem } from './prefilter';
import type { ClientPlatform, PostMortemServer } from './types';

const RECHECK_MS = 500;

/**
 * The language server, loaded on first need: when a Markdown document that may be a
 * post-mortem is open or typed into, or when a command needs the server.
 */
export class ServerHandle implements vscode.Disposable {
  private server: PostMortemServer | undefined;
  private loading: Promise<PostMortemServer> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly platform: ClientPlatform,
  ) {
    // A configuration file is looked for when a document opens; typing changes only its text.
    const check = (d: vscode.TextDocument, lookForConfig: boolean) => {
      if (this.server) return;
      // start() reports its own failure; the next document or command tries again.
      void (async () => {
        if ((await this.mightBePostMortem(d, lookForConfig)) && !this.server) await this.start();
      })().catch(() => undefined);
    };
    for (const d of vscode.workspace.textDocuments) check(d, true);
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => check(d, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.server || e.document.languageId !== 'markdown') return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => check(e.document, false), RECHECK_MS);
      }),
    );
  }

  /** The running server, if it has been loaded. */
  get current(): PostMortemServer | undefined {
    return this.server;
  }

  /**
   * Whether `document` may be a post-mortem (the server decides for sure once loaded): by its
   * path and text, or because a configuration file above it may widen what counts.
   */
  mightBePostMortem(document: vscode.TextDocument, lookForConfig = true): boolean | Promise<boolean> {
    if (document.languageId !== 'markdown') return false;
    const globs = vscode.workspace.getConfiguration('postmortem', document.uri).get<string[]>('files') ?? DEFAULT_FILE_GLOBS;
    if (mightBePostMortem(document, Array.isArray(globs) ? globs : DEFAULT_FILE_GLOBS)) return true;
    return lookForConfig && this.platform.hasConfigFile(document);
  }

  /** Loads the language client and starts the server, once. */
  start(): Promise<PostMortemServer> {
    this.loading ??= (async () => {
      const server = this.platform.loadLsp(this.context).startServer(this.context, this.output);
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
