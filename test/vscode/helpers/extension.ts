/** The extension under test, reached through the API its activate() returns. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { PostMortemApi } from '../../../client/src/extension.js';
import { ProcessIdRequest } from '../../../server/src/protocol.js';
import { withTimeout } from './wait.js';

/** publisher.name from package.json. */
export const EXTENSION_ID = 'postmortem-tools.postmortem';

/** Activates the extension and waits until its language server runs; rejects with the reason otherwise. */
export async function activateExtension(): Promise<PostMortemApi> {
  const extension = vscode.extensions.getExtension<PostMortemApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the checkout?)`);
  const api = await withTimeout(extension.activate(), 'activate()', 60_000);
  if (!api || typeof api.ready !== 'function') throw new Error('activate() did not return the extension API');
  await withTimeout(api.ready(), 'the language server to start', 60_000);
  return api;
}

/** The API of the (already activated) extension. */
export function extensionApi(): PostMortemApi {
  const extension = vscode.extensions.getExtension<PostMortemApi>(EXTENSION_ID);
  if (!extension?.isActive) throw new Error(`${EXTENSION_ID} is not active`);
  return extension.exports;
}

/** The running language client. */
export function languageClient(): BaseLanguageClient {
  const client = extensionApi().client();
  if (!client) throw new Error('the extension has no language client');
  return client;
}

/** Resolves when the language client is running again after having stopped running. */
export function clientRestarted(): Promise<void> {
  const client = languageClient();
  return new Promise((resolve) => {
    let stopped = false;
    const sub = client.onDidChangeState(() => {
      if (!client.isRunning()) stopped = true;
      else if (stopped) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** The language server's process id (a browser worker's: a number drawn once per worker), asked of the server itself. */
export async function serverPid(): Promise<number> {
  const { pid } = await withTimeout(languageClient().sendRequest(ProcessIdRequest), 'the server to answer postmortem/processId');
  return pid;
}
