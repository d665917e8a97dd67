#!/usr/bin/env node
// npm run test:vscode — runs the in-editor suite (test/vscode) in a real VS Code: code-server
// from npm, opened in Debian's Chromium through playwright-core. Exits with the suite's code;
// fails loudly (exit 2) when code-server does not start, the workbench never reports an exit
// code, or the extension does not activate. Stops every process it started.
//
// npm run test:web (--web) — the same, with the extension in the browser's web worker extension
// host, as on vscode.dev and github.dev: its browser bundles (dist/web/), the suite as one
// browser bundle (out/test/web/index.js, test/vscode/web/), the workspace on code-server's
// `vscode-remote:` file system, which the extension reaches only through vscode.workspace.fs.
//
//   node scripts/vscode/test-vscode.mjs [--web] [--screenshots DIR] [--timeout SECONDS]
//
// Screenshots go to .vscode-test/screenshots/ (web: screenshots-web/) unless --screenshots says
// otherwise (`--screenshots docs/images` refreshes the README's pictures).
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { CACHE, EXTENSION_ID, ROOT, SUITE, WEB_SUITE } from './lib/paths.mjs';
import { freshRun, webExtensionHostSettings } from './lib/profile.mjs';
import { installCodeServer, startCodeServer } from './lib/code-server.mjs';
import { openWorkbench, workbenchUrl, checkChromium } from './lib/workbench.mjs';
import { startChannel, CHANNEL_ENV, CHANNEL_SETTING } from './lib/channel.mjs';
import { exit } from './lib/processes.mjs';

// What test/vscode/index.ts prints first, and when the extension does not activate.
const SUITE_START = 'Post-Mortem in-editor suite:';
const ACTIVATION_FAILED = 'The Post-Mortem extension failed to activate:';

const { values } = parseArgs({
  options: {
    web: { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    timeout: { type: 'string', default: process.env.POSTMORTEM_E2E_TIMEOUT ?? '300' },
  },
});
const web = values.web;
const name = web ? 'test:web' : 'test:vscode';
const screenshots = values.screenshots ?? join(CACHE, web ? 'screenshots-web' : 'screenshots');
const timeoutMs = Number(values.timeout) * 1000;

function loud(message) {
  console.error(`\n✖ ${name}: ${message}\n`);
  return exit(2);
}

try {
  checkChromium();
} catch (e) {
  await loud(e.message);
}

// Build the extension and the suite, so this command works on its own.
const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: ROOT });
if (build.status !== 0) await loud('the build failed.');

const entry = installCodeServer();

let page;
const channel = await startChannel({ outDir: resolve(screenshots), getPage: () => page });

// A fresh run folder (kept after the run, for its logs): workspace copy, profile, config.
const run = join(CACHE, web ? 'run-web' : 'run');
const { workspace, userDataDir, extensionsDir } = freshRun(run, web ? { ...webExtensionHostSettings(EXTENSION_ID), [CHANNEL_SETTING]: channel.url } : {});
const config = join(run, 'code-server.yaml');
writeFileSync(config, 'auth: none\n');
const workbenchLog = join(run, 'workbench.log');
writeFileSync(workbenchLog, '');

// The workbench logs a lot before the suite starts (sockets, the offline extension gallery):
// all of it goes to workbench.log; the terminal shows it from the suite's first line on.
let suiteStarted = false;
let activationFailure;
const NOISE = /ENOTFOUND|Creating a socket|^\s+at .*workbench\.js/;

/** Prints the suite's output (and anything else the workbench logs while it runs). */
function printLog(level, args) {
  const text = format(...args.map((a) => (typeof a === 'string' || typeof a === 'number' ? a : JSON.stringify(a))));
  appendFileSync(workbenchLog, `[${level}] ${text}\n`);
  if (!suiteStarted && text.startsWith(SUITE_START)) suiteStarted = true;
  if (text.includes(ACTIVATION_FAILED)) activationFailure ??= text.slice(text.indexOf(ACTIVATION_FAILED));
  if (!suiteStarted || NOISE.test(text)) return;
  if (level === 'error' || level === 'pageerror') console.error(text);
  else console.log(text);
}

let server;
try {
  server = await startCodeServer({
    entry,
    workspace,
    config,
    userDataDir,
    extensionsDir,
    env: { [CHANNEL_ENV]: channel.url },
  });
} catch (e) {
  await loud(`code-server did not start: ${e.message}`);
}
console.log(`code-server ${server.url} (workspace ${workspace})`);

let settle;
const outcome = new Promise((r) => (settle = r));
const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
server.child.once('exit', (code, signal) => settle({ kind: 'crash', message: `code-server exited (${code ?? signal}) during the run` }));

const url = workbenchUrl(server.url, { folder: workspace, extensionPath: ROOT, testsPath: web ? WEB_SUITE : SUITE, web });
try {
  ({ page } = await openWorkbench(url, {
    onExit: (code) => settle({ kind: 'exit', code }),
    onLog: (level, args) => printLog(level, args),
    onCrash: (message) => settle({ kind: 'crash', message }),
  }));
} catch (e) {
  await loud(`the workbench did not open in Chromium: ${e.message}`);
}

const result = await outcome;
clearTimeout(timer);
if (channel.taken.length) console.log(`\nscreenshots: ${channel.taken.map((p) => p.replace(`${ROOT}/`, '')).join(', ')}`);
switch (result.kind) {
  case 'exit':
    if (activationFailure) await loud(activationFailure);
    console.log(`\nVS Code${web ? ' (web worker extension host)' : ''} ${result.code === 0 ? 'passed' : 'FAILED'}: the suite exited with ${result.code}.`);
    await exit(result.code);
    break;
  case 'timeout':
    if (page) await page.screenshot({ path: join(run, 'timeout.png') }).catch(() => undefined);
    await loud(
      `no exit code from the workbench after ${values.timeout} s. The page is in ${join(run, 'timeout.png')}, ` +
        `the workbench's log in ${workbenchLog}; code-server's output ends with:\n${tail(server.output.join(''))}`,
    );
    break;
  default:
    await loud(`${result.message}. The workbench's log is in ${workbenchLog}; code-server's output ends with:\n${tail(server.output.join(''))}`);
}

function tail(text, lines = 20) {
  return text.trim().split('\n').slice(-lines).join('\n');
}
