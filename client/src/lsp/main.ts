/**
 * The language client in a Node extension host (bundled apart as dist/client-lsp.js, loaded on
 * first need): starts dist/server.js over node IPC; restarts it after a crash and says so.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { PostMortemServer } from '../server/types';
import { clientOptions, serverOf } from './client';

export function startServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): PostMortemServer {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const client = new LanguageClient('postmortem', 'Post-Mortem', serverOptions, clientOptions(output));
  return serverOf(client, output, () => client.restart());
}
