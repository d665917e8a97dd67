#!/usr/bin/env node
// npm start — builds the extension and serves it in code-server (VS Code in the browser) on
// 127.0.0.1 with the examples/ folder open, then prints the URL to open. Ctrl-C stops it.
//
//   node scripts/vscode/start.mjs [--port 8080] [--folder examples] [--web]
//
// --web runs the extension in the browser's web worker extension host, as vscode.dev and
// github.dev do (its dist/web/ bundles), with its own settings and state in .vscode-test/start-web/.
//
// Needs Node 20, and on first use installs code-server into .vscode-test/ (Debian/Ubuntu
// packages libkrb5-dev and ripgrep; a few minutes). Settings and state persist in
// .vscode-test/start/ between starts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { CACHE, EXAMPLES, EXTENSION_ID, ROOT } from './lib/paths.mjs';
import { installCodeServer, startCodeServer } from './lib/code-server.mjs';
import { webExtensionHostSettings, writeUserSettings } from './lib/profile.mjs';
import { workbenchUrl } from './lib/workbench.mjs';
import { exit, freePort, isStopping } from './lib/processes.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    folder: { type: 'string', default: EXAMPLES },
    web: { type: 'boolean', default: false },
  },
});
const web = values.web;

/** The requested port when it is free on 127.0.0.1, else any free port. */
function portOrFree(port) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(freePort()));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort(port)));
  });
}

const folder = resolve(values.folder);
if (!existsSync(folder)) {
  console.error(`✖ npm start: no folder ${folder}`);
  process.exit(2);
}

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: ROOT });
if (build.status !== 0) {
  console.error('✖ npm start: the build failed.');
  process.exit(2);
}
const entry = installCodeServer();

const home = join(CACHE, web ? 'start-web' : 'start');
const userDataDir = join(home, 'user-data');
const extensionsDir = join(home, 'extensions');
if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, web ? webExtensionHostSettings(EXTENSION_ID) : {});
mkdirSync(extensionsDir, { recursive: true });
const config = join(home, 'code-server.yaml');
writeFileSync(config, 'auth: none\n');

const port = await portOrFree(Number(values.port));
let server;
try {
  server = await startCodeServer({ entry, workspace: folder, config, userDataDir, extensionsDir, port });
} catch (e) {
  console.error(`✖ npm start: code-server did not start: ${e instanceof Error ? e.message : String(e)}`);
  await exit(2);
}

const url = workbenchUrl(server.url, { folder, extensionPath: ROOT, web });
console.log(`
Post-Mortem is running in VS Code (code-server ${server.url}, folder ${folder})${web ? ', in the browser\'s web worker extension host' : ''}.
Open this URL in a browser on this machine:

  ${url}

Open a post-mortem under postmortems/ to see its diagnostics; Ctrl-C stops the server.
`);

server.child.once('exit', (code, signal) => {
  if (isStopping()) return;
  console.error(`code-server exited (${code ?? signal}).`);
  void exit(code || 1);
});
