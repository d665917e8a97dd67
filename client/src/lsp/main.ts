/**
 * The language client (bundled apart as dist/client-lsp.js, loaded on first need):
 * starts dist/server.js over node IPC for file and untitled Markdown documents,
 * restarts it after a crash and says so, and sends the custom requests of protocol.ts.
 */
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
import { InsertSectionRequest, OutlineRequest, TimelineRequest } from '../../../server/src/protocol';
import type { PostMortemServer } from '../server/types';

export function startServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): PostMortemServer {
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
  const client = new LanguageClient('postmortem', 'Post-Mortem', serverOptions, clientOptions);
  const started = client.start().catch((e: unknown) => {
    output.error(`The post-mortem language server did not start: ${String(e)}`);
    void vscode.window.showErrorMessage(`Post-Mortem: the language server did not start (${String(e)}). See the "Post-Mortem" output.`);
    throw e;
  });

  const running = async () => {
    await started;
    if (client.state === State.Running) return;
    await new Promise<void>((resolve) => {
      const sub = client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          sub.dispose();
          resolve();
        }
      });
    });
  };

  return {
    client,
    running,
    restart: () => client.restart(),
    stop: () => client.stop(),
    outline: async (uri) => client.sendRequest(OutlineRequest, { uri }),
    timeline: async (uri) => client.sendRequest(TimelineRequest, { uri }),
    insertSection: async (uri, sectionId) => client.sendRequest(InsertSectionRequest, { uri, sectionId }),
  };
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
