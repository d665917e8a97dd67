/**
 * The language server in a browser worker (dist/web/server.js), started by the web extension's
 * client: messages through the worker's postMessage, configuration files read by the editor
 * (vscode.workspace.fs), nothing from Node.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { RemoteConfigFiles } from './config/remote.js';
import { FindConfigRequest } from './protocol.js';
import { startServer } from './server.js';
import { uriPath } from './uri-path.js';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const configs = new RemoteConfigFiles(
  (uri) => connection.sendRequest(FindConfigRequest, { uri }),
  (message) => connection.console.warn(message),
);

startServer(connection, {
  pathOf: uriPath,
  configFor: (uri) => configs.forDocument(uri),
  forgetConfigs: () => configs.clear(),
  // A task queued behind the messages already received.
  yieldToMessages: () => new Promise((resolve) => setTimeout(resolve, 0)),
  // A worker has no process id: a number that stays the same for this worker's life.
  pid: crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1,
});
