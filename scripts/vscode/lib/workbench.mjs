// The VS Code web workbench that code-server serves, opened in Debian's Chromium through
// playwright-core (never a downloaded browser), with the extension under development loaded.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './paths.mjs';
import { onStop } from './processes.mjs';

// Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The workbench URL for `folder`, loading `extensionPath` as the extension under development and,
 * when given, running the suite at `testsPath` (a module exporting `run()`) in the extension host.
 * `web` asks for the browser's web worker extension host (see webExtensionHostSettings in
 * profile.mjs: in VS Code 1.100 the request alone is not heeded).
 */
export function workbenchUrl(baseUrl, { folder, extensionPath, testsPath, web = false }) {
  const authority = new URL(baseUrl).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`], ['skipWelcome', 'true']];
  if (web) payload.push(['extensionDevelopmentKind', 'web']);
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Fails with the Debian package to install when Chromium is missing. */
export function checkChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

/**
 * Opens `url` in headless Chromium. `onExit(code)` receives the code the workbench passes to
 * `codeAutomationExit` when the extension tests finish; `onLog(level, args)` what it passes to
 * `codeAutomationLog`; `onCrash(message)` is called when the page crashes or closes.
 * The browser is closed when the launcher stops.
 */
export async function openWorkbench(url, { onExit, onLog, onCrash, viewport = { width: 1280, height: 720 } }) {
  checkChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  onStop(() => browser.close());
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationExit', (code) => onExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (level, args) => onLog?.(String(level), Array.isArray(args) ? args : [args]));
  page.on('crash', () => onCrash?.('the workbench page crashed'));
  page.on('close', () => onCrash?.('the workbench page closed'));
  page.on('pageerror', (e) => onLog?.('pageerror', [e.message]));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { browser, page };
}
