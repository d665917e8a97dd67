/**
 * Loads the real preview page (the HTML from renderPreviewHtml, the built bundle
 * and stylesheet from dist/webview/) in Debian's Chromium through playwright-core.
 * The page is served from a fake origin by request interception, so no port is
 * opened; a tiny `acquireVsCodeApi` injected before the page's script records
 * what the page posts. This is a harness for the page, not a fake of VS Code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderPreviewHtml, newNonce } from '../../client/src/preview/html.js';
import type { TimelineView } from '../../server/src/protocol.js';
import { toViewData, type ToWebview } from '../../server/src/view/webview-messages.js';
import type { ZoneChoice } from '../../server/src/view/time-format.js';

export const ORIGIN = 'https://webview.test';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = join(resolve(__dirname, '..', '..'), 'dist', 'webview');

/** Starts Chromium; fails with a clear message when it or the built page is missing. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  if (!existsSync(join(DIST, 'preview.js'))) throw new Error('dist/webview/preview.js is missing: run "npm run build" first.');
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM, args: root ? ['--no-sandbox'] : [] });
}

/** Reads a recorded TimelineView from test/webview/fixtures/. */
export function fixture(name: string): TimelineView {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as TimelineView;
}

/** The first message the extension would put in the page for `view`. */
export function updateFor(view: TimelineView | null, zone: ZoneChoice = 'document', notice?: string): ToWebview {
  const message: ToWebview = { type: 'update', view: view ? toViewData(view) : null, zone };
  if (notice) message.notice = notice;
  return message;
}

export interface Loaded {
  page: Page;
  /** The HTML served for the page. */
  html: string;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Messages the page posted to the extension. */
  posted(): Promise<unknown[]>;
  /** Delivers a message as the extension would. */
  send(message: unknown): Promise<void>;
}

const FAKE_VSCODE_API = `
  window.__posted = [];
  window.__violations = [];
  let saved = window.__initialState;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => { window.__posted.push(JSON.parse(JSON.stringify(m))); },
    getState: () => saved,
    setState: (s) => { saved = s; },
  });
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
`;

/** Opens the page showing `state`, in a new context whose local zone is `timezoneId`. */
export async function openPage(browser: Browser, state: ToWebview, options: { timezoneId?: string; savedState?: unknown; width?: number; height?: number } = {}): Promise<Loaded> {
  const context = await browser.newContext({
    timezoneId: options.timezoneId ?? 'America/New_York',
    locale: 'en-US',
    viewport: { width: options.width ?? 900, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const html = renderPreviewHtml({
    cspSource: ORIGIN,
    nonce: newNonce(),
    scriptUri: `${ORIGIN}/dist/preview.js`,
    styleUri: `${ORIGIN}/dist/preview.css`,
    state,
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    const file = { '/dist/preview.js': 'preview.js', '/dist/preview.css': 'preview.css' }[path];
    if (file) return route.fulfill({ status: 200, contentType: file.endsWith('.js') ? 'text/javascript' : 'text/css', body: readFileSync(join(DIST, file)) });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript(`window.__initialState = ${JSON.stringify(options.savedState ?? null)};${FAKE_VSCODE_API}`);
  // VS Code has set the theme before the page's script runs: do the same, as soon as <html> and <body> exist.
  await page.addInitScript(themeScript('light'));
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  return {
    page,
    html,
    errors,
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
  };
}

/** CSP violations the page reported. */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

export type Theme = 'light' | 'dark' | 'high-contrast';

/**
 * A few of the variables VS Code defines for a webview, with the values of its
 * default themes, and the body class it sets: enough for the page's stylesheet.
 */
const THEMES: Record<Theme, Record<string, string>> = {
  light: {
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', foreground: '#3b3b3b', 'editor-background': '#ffffff',
    'panel-border': '#e5e5e5', 'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', descriptionForeground: '#3b3b3b',
    'button-secondaryForeground': '#3b3b3b', 'button-secondaryBackground': '#e5e5e5', 'button-secondaryHoverBackground': '#cccccc',
    'button-border': '#0000001a', focusBorder: '#005fb8', 'editorWarning-foreground': '#bf8803', 'editorError-foreground': '#e51400',
    'list-hoverBackground': '#f2f2f2', 'list-inactiveSelectionBackground': '#e4e6f1', 'editor-findMatchHighlightBackground': '#ea5c0055',
    'charts-blue': '#1a85ff', 'charts-purple': '#652d90', 'charts-red': '#e51400', 'charts-yellow': '#bf8803', 'charts-green': '#388a34',
  },
  dark: {
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', foreground: '#cccccc', 'editor-background': '#1f1f1f',
    'panel-border': '#2b2b2b', 'badge-background': '#616161', 'badge-foreground': '#f8f8f8', descriptionForeground: '#9d9d9d',
    'button-secondaryForeground': '#cccccc', 'button-secondaryBackground': '#313131', 'button-secondaryHoverBackground': '#3c3c3c',
    'button-border': '#ffffff12', focusBorder: '#0078d4', 'editorWarning-foreground': '#cca700', 'editorError-foreground': '#f14c4c',
    'list-hoverBackground': '#2a2d2e', 'list-inactiveSelectionBackground': '#37373d', 'editor-findMatchHighlightBackground': '#ea5c0055',
    'charts-blue': '#3794ff', 'charts-purple': '#b180d7', 'charts-red': '#f14c4c', 'charts-yellow': '#cca700', 'charts-green': '#89d185',
  },
  'high-contrast': {
    'font-family': 'system-ui, sans-serif', 'font-size': '13px', foreground: '#ffffff', 'editor-background': '#000000',
    'panel-border': '#6fc3df', 'badge-background': '#000000', 'badge-foreground': '#ffffff', descriptionForeground: '#ffffff',
    contrastBorder: '#6fc3df', 'button-secondaryForeground': '#ffffff', 'button-secondaryBackground': '#000000',
    'button-border': '#6fc3df', focusBorder: '#f38518', contrastActiveBorder: '#f38518', 'editorWarning-foreground': '#ffd370', 'editorError-foreground': '#ff3232',
    'charts-blue': '#3794ff', 'charts-purple': '#b180d7', 'charts-red': '#f14c4c', 'charts-yellow': '#ffd370', 'charts-green': '#89d185',
  },
};

/**
 * Page-side source that puts a theme's variables on <html> and its class on <body>
 * once they exist. A string, not a function: the test loader would rewrite a function's body.
 */
function themeScript(theme: Theme): string {
  return `(() => {
    const vars = ${JSON.stringify(THEMES[theme])};
    const cls = ${JSON.stringify(`vscode-${theme}`)};
    const apply = () => {
      const html = document.documentElement;
      if (html && html.dataset.themed !== cls) {
        for (let i = html.style.length - 1; i >= 0; i--) html.style.removeProperty(html.style.item(i));
        for (const [name, value] of Object.entries(vars)) html.style.setProperty('--vscode-' + name, value);
        html.dataset.themed = cls;
      }
      if (!document.body) return false;
      document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
      document.body.classList.add(cls);
      return true;
    };
    if (!apply()) {
      const observer = new MutationObserver(() => { if (apply()) observer.disconnect(); });
      observer.observe(document, { childList: true, subtree: true });
    }
  })();`;
}

/** Sets the theme's variables on <html> and its class on <body>, as VS Code does. */
export async function applyTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate(themeScript(theme));
}
