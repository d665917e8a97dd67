/**
 * The language server in a Node process (dist/server.js): the transport the command line names
 * (--stdio, --node-ipc or --socket=PORT), configuration files read from disk, and from the
 * editor for documents that are not files on this machine (a virtual file system).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FrameGuard } from './frames.js';
import { fsPath } from './uri.js';
import { uriPath } from './uri-path.js';
import { ConfigCache } from './config/load.js';
import { RemoteConfigFiles } from './config/remote.js';
import { FindConfigRequest } from './protocol.js';
import { startServer } from './server.js';

/**
 * The connection on the transport the command line names. On stdio, input passes through
 * FrameGuard, and console output goes to the client's log (stdout carries the protocol).
 */
function createTransportConnection() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const guard = new FrameGuard();
  const c = createConnection(ProposedFeatures.all, process.stdin.pipe(guard), process.stdout);
  guard.onMalformed = (what) => c.console.warn(`Dropped ${what}.`);
  const join = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => c.console.log(join(args));
  console.warn = (...args: unknown[]) => c.console.warn(join(args));
  console.error = (...args: unknown[]) => c.console.error(join(args));
  return c;
}

const connection = createTransportConnection();
// .postmortemrc files on disk, re-read when they change (checked on each analysis, and on watcher events).
const disk = new ConfigCache();
// The same for documents elsewhere, found by the editor.
const remote = new RemoteConfigFiles(
  (uri) => connection.sendRequest(FindConfigRequest, { uri }),
  (message) => connection.console.warn(message),
);

startServer(connection, {
  pathOf: (uri) => fsPath(uri) ?? uriPath(uri),
  configFor: async (uri) => {
    const path = fsPath(uri);
    return path ? disk.forFile(path) : remote.forDocument(uri);
  },
  forgetConfigs: () => {
    disk.clear();
    remote.clear();
  },
  yieldToMessages: () => new Promise((resolve) => setImmediate(resolve)),
  pid: process.pid,
});
