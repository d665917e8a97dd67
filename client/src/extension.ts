import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  CloseAction,
  ErrorAction,
  State,
  type LanguageClientOptions,
  type ServerOptions,
  type ErrorHandler,
  type Message,
} from 'vscode-languageclient/node';
import { newPostMortemCommand } from './newPostMortem';
import { registerOutline } from './outline/register';
import { registerPreview, type PreviewApi } from './preview/register';
import type { OutlineView } from '../../server/src/protocol';

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

/** What the extension returns from activate(): used by the in-editor tests. */
export interface PostMortemApi {
  /** Resolves once the language server is running. */
  ready(): Promise<void>;
  /** The running client, for tests that need to reach the server. */
  client(): LanguageClient | undefined;
  /** The outline of the active post-mortem, fetched now (undefined when none is active). */
  outline(): Promise<OutlineView | undefined>;
  /** The outline the view shows at the moment, without asking the server. */
  currentOutline(): OutlineView | undefined;
  /** Fires each time the outline view gets new data. */
  readonly onDidChangeOutline: vscode.Event<OutlineView | undefined>;
  /** The timeline preview: which document it shows, what it sent, and a way to post as the page would. */
  preview: PreviewApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostMortemApi> {
  const output = vscode.window.createOutputChannel('Post-Mortem', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'postmortem' },
    outputChannel: output,
    errorHandler: visibleRestarts(output),
  };

  const start = () => {
    client ??= new LanguageClient('postmortem', 'Post-Mortem', serverOptions, clientOptions);
    starting ??= client.start().catch((e: unknown) => {
      starting = undefined;
      output.error(`The post-mortem language server did not start: ${String(e)}`);
      void vscode.window.showErrorMessage(`Post-Mortem: the language server did not start (${String(e)}). See the "Post-Mortem" output.`);
    });
    return starting;
  };

  // Start with the first Markdown document; activation happens on onLanguage:markdown already.
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'markdown')) void start();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === 'markdown') void start();
    }),
    vscode.commands.registerCommand('postmortem.restartServer', async () => {
      if (!client) return start();
      output.info('Restarting the post-mortem language server.');
      await client.restart();
    }),
    vscode.commands.registerCommand('postmortem.new', newPostMortemCommand),
    { dispose: () => void client?.stop() },
  );
  const preview = registerPreview(context, () => client, output);

  const ready = async () => {
    await start();
    if (client && client.state !== State.Running) {
      await new Promise<void>((resolve) => {
        const sub = client!.onDidChangeState((e) => {
          if (e.newState === State.Running) {
            sub.dispose();
            resolve();
          }
        });
      });
    }
  };
  const outline = registerOutline(context, () => client, ready);

  return {
    ready,
    client: () => client,
    outline: () => outline.refresh(),
    currentOutline: () => outline.outline,
    onDidChangeOutline: outline.onDidChange,
    preview,
  };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Restarts the server after a crash, up to 5 times in 3 minutes, and tells the user each time. */
function visibleRestarts(output: vscode.LogOutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (_error: Error, _message: Message | undefined, count: number | undefined) => ({
      action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
    }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0]! > 3 * 60_000) restarts.shift();
      if (restarts.length > 5) {
        const message = 'The post-mortem language server crashed 5 times in the last 3 minutes and will not be restarted. Use "Post-Mortem: Restart Language Server" to try again.';
        output.error(message);
        void vscode.window.showErrorMessage(message);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.warn('The post-mortem language server stopped unexpectedly; restarting it.');
      void vscode.window.showWarningMessage('Post-Mortem: the language server stopped unexpectedly and was restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
