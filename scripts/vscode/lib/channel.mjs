// A loopback HTTP endpoint the suite, inside the extension host, calls to have the launcher take
// a screenshot of the workbench. Its URL reaches the suite as POSTMORTEM_E2E_CHANNEL (environment
// inherited through code-server by the Node extension host) or, in the browser's web worker
// extension host, which has no environment, as the user setting CHANNEL_SETTING; that host
// calls it from another origin, so it answers CORS. Without it (test:electron), the suite takes
// no screenshots.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { onStop } from './processes.mjs';

/** The environment variable that carries the channel's URL to the suite. */
export const CHANNEL_ENV = 'POSTMORTEM_E2E_CHANNEL';

/** The user setting that carries it to the suite in the web worker extension host. */
export const CHANNEL_SETTING = 'postmortemE2E.channel';

const NAME = /^[a-z0-9][a-z0-9-]{0,60}$/;

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      body += c;
      if (body.length > 64 * 1024) reject(new Error('request too large'));
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body || '{}'));
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

/**
 * POST /expect {selector, state, timeoutMs?}: waits until the element `selector` (Playwright
 * locator syntax, or a path into frames as for screenshots) is in `state` ('visible', 'hidden',
 * 'attached' or 'detached') in the workbench. Answers {ok: true, text} (the first match's text)
 * or {ok: false, error}: the suite asserts on what the workbench really shows (a view hidden
 * by its `when` clause, the status bar item's side).
 */
async function expectInPage(page, { selector, state = 'visible', timeoutMs = 20_000 }) {
  if (!page) return { ok: false, error: 'the workbench page is not open' };
  const path = typeof selector === 'string' ? [selector] : selector;
  if (!Array.isArray(path) || path.length === 0 || !path.every((p) => typeof p === 'string')) return { ok: false, error: `bad selector: ${JSON.stringify(selector)}` };
  if (!['visible', 'hidden', 'attached', 'detached'].includes(state)) return { ok: false, error: `bad state: ${JSON.stringify(state)}` };
  let scope = page;
  for (const frame of path.slice(0, -1)) scope = scope.frameLocator(`${frame} >> visible=true`);
  const element = scope.locator(path.at(-1)).first();
  try {
    await element.waitFor({ state, timeout: timeoutMs });
    const text = state === 'visible' || state === 'attached' ? await element.innerText({ timeout: 2_000 }).catch(() => '') : '';
    return { ok: true, text };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

/**
 * Serves POST /screenshot {name, waitFor?, timeoutMs?}: waits until everything in `waitFor` is
 * visible in the page, then writes `<outDir>/<name>.png`. `waitFor` is a selector (Playwright
 * locator syntax) or a list of them; a list inside the list is a path into frames, e.g.
 * ['iframe.webview.ready', 'iframe#active-frame', 'text=Timeline'] for a webview's content. Answers 200 {path} or
 * 500 {error}. `getPage()` returns the workbench page once it is open.
 */
export async function startChannel({ outDir, getPage }) {
  mkdirSync(outDir, { recursive: true });
  const taken = [];
  let failures = 0;
  const server = createServer(async (req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' };
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json', ...cors });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        return res.end();
      }
      if (req.method === 'POST' && req.url === '/expect') {
        const result = await expectInPage(getPage(), await readJson(req));
        // What was on screen instead, for whoever reads the failure.
        if (!result.ok) await getPage()?.screenshot({ path: join(outDir, `expect-failed-${++failures}.png`), type: 'png' }).catch(() => undefined);
        return reply(200, result);
      }
      if (req.method !== 'POST' || req.url !== '/screenshot') return reply(404, { error: `no such endpoint: ${req.method} ${req.url}` });
      const { name, waitFor, timeoutMs = 45_000 } = await readJson(req); // a cold webview on a loaded machine is slow
      if (typeof name !== 'string' || !NAME.test(name)) return reply(400, { error: `bad screenshot name: ${JSON.stringify(name)}` });
      const page = getPage();
      if (!page) return reply(503, { error: 'the workbench page is not open' });
      const wanted = typeof waitFor === 'string' ? [waitFor] : (waitFor ?? []);
      if (!Array.isArray(wanted)) return reply(400, { error: `bad waitFor: ${JSON.stringify(waitFor)}` });
      for (const entry of wanted) {
        const path = typeof entry === 'string' ? [entry] : entry;
        if (!Array.isArray(path) || path.length === 0 || !path.every((p) => typeof p === 'string')) {
          return reply(400, { error: `bad selector: ${JSON.stringify(entry)}` });
        }
        // A path: the frames to enter (a webview is an iframe in an iframe), then the element.
        let scope = page;
        // Only visible frames: a webview just closed may linger in the page, hidden, until it is torn down.
        for (const frame of path.slice(0, -1)) scope = scope.frameLocator(`${frame} >> visible=true`);
        try {
          await scope.locator(path.at(-1)).first().waitFor({ state: 'visible', timeout: timeoutMs });
        } catch (e) {
          // What was on screen instead, for whoever reads the failure.
          await page.screenshot({ path: join(outDir, `${name}-failed.png`), type: 'png' }).catch(() => undefined);
          throw e;
        }
      }
      const path = join(outDir, `${name}.png`);
      await page.screenshot({ path, type: 'png', animations: 'disabled', caret: 'hide' });
      taken.push(path);
      return reply(200, { path });
    } catch (e) {
      return reply(500, { error: e instanceof Error ? e.message : String(e) });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  onStop(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, taken };
}
