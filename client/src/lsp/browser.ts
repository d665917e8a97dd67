/**
 * The language client in the browser's web worker extension host (vscode.dev, github.dev):
 * the server (dist/web/server.js) runs in a worker of its own, a fresh one at each (re)start.
 */
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import type { PostMortemServer } from '../server/types';
import { clientOptions, serverOf } from './client';

export function startServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): PostMortemServer {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const client = new WorkerLanguageClient('postmortem', 'Post-Mortem', clientOptions(output), () => startWorker(script));
  return serverOf(client, output);
}

/** A language client whose server is a worker: started with the connection, terminated with it. */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: Worker | undefined;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly newWorker: () => Promise<Worker>,
  ) {
    super(id, name, options);
  }

  protected override async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    this.worker = await this.newWorker();
    return { reader: new BrowserMessageReader(this.worker), writer: new BrowserMessageWriter(this.worker) };
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }
}

/**
 * A worker running the server bundle. An extension served over http(s) (vscode.dev, github.dev)
 * or from a local file starts it from its URL. The web worker extension host refuses a worker
 * from a `vscode-remote:` URL (an extension on the server of code-server or of a VS Code server
 * opened in a browser) but its `fetch` reads one: the worker then starts from the fetched text.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
  const name = 'Post-Mortem language server';
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true), { name });
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`could not read the language server (${script.toString(true)}): HTTP ${response.status}`);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
  return new Worker(url, { name });
}
