/**
 * Hostile content in every field of the timeline: the page and the SVG export
 * must show it as text and nothing else. Each payload (fixtures/xss-corpus.json)
 * would set window.__pwned if it ever ran; the CSP must stay strict and unviolated.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TimelineView } from '../../server/src/protocol.js';
import { toSvg } from '../../server/src/view/svg.js';
import { launch, openPage, ORIGIN, updateFor, violations, type Loaded } from './harness.js';

const corpus = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'xss-corpus.json'), 'utf8')) as { payloads: string[]; handles: string[] };
const { payloads, handles } = corpus;

/** A timeline with a payload in every text field; every fifth entry has no instant. */
function hostileView(): TimelineView {
  return {
    uri: 'file:///tmp/hostile.md',
    version: 1,
    title: payloads.join(' '),
    severity: payloads[1]!,
    status: payloads[2]!,
    timezone: payloads[0]!,
    events: payloads.map((p, i) => ({
      line: i + 3,
      raw: p,
      text: p,
      utc: i % 5 === 4 ? null : new Date(Date.UTC(2024, 0, 1, 10, i * 3)).toISOString(),
      ...(i % 5 === 4 ? { unresolved: p } : {}),
      people: handles,
      ...(i === 0 ? { milestone: 'started' as const } : {}),
      findings: [{ code: p, severity: i % 2 ? ('error' as const) : ('warning' as const), message: p }],
    })),
    milestones: { started: '2024-01-01T10:00:00.000Z', detected: '2024-01-01T10:30:00.000Z' },
    metrics: { timeToDetectMinutes: 30, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, durationMinutes: null },
  };
}

const PAGE_TAGS = new Set(['main', 'header', 'h1', 'h2', 'p', 'span', 'strong', 'dl', 'dt', 'dd', 'div', 'ul', 'li', 'fieldset', 'legend', 'label', 'input', 'button', 'section', 'script']);

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Everything that would show a payload ran or became markup. */
async function assertInert(loaded: Loaded, when: string) {
  const page = loaded.page;
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, `${when}: no payload ran`);
  assert.deepEqual(await violations(page), [], `${when}: no CSP violation`);
  assert.deepEqual(loaded.errors, [], `${when}: no console error`);
  const inventory = await page.evaluate(() => ({
    tags: Array.from(document.body.querySelectorAll('*')).map((e) => e.localName),
    handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
    urls: Array.from(document.querySelectorAll('[href], [src], [action], [data], [formaction]')).map((e) => e.localName),
    scripts: document.scripts.length,
    apps: document.querySelectorAll('#app').length,
    app: document.getElementById('app')?.localName,
    api: typeof (window as unknown as { acquireVsCodeApi?: unknown }).acquireVsCodeApi,
  }));
  assert.deepEqual([...new Set(inventory.tags)].filter((t) => !PAGE_TAGS.has(t)), [], `${when}: only the page's own kinds of element`);
  assert.deepEqual(inventory.handlers, [], `${when}: no inline event handler attribute`);
  assert.deepEqual(inventory.urls, ['link', 'script'], `${when}: the only URLs are the stylesheet's and the bundle's`);
  assert.equal(inventory.scripts, 1);
  assert.equal(inventory.apps, 1, `${when}: no element clobbers #app`);
  assert.equal(inventory.app, 'main');
  assert.equal(inventory.api, 'function', `${when}: acquireVsCodeApi is not clobbered`);
}

/** The payloads appear, character for character, as the text of the title, entries, handles and tooltips. */
async function assertShownAsText(page: Page, documentZone = true) {
  assert.equal(await page.textContent('h1'), payloads.join(' '));
  for (const [i, p] of payloads.entries()) {
    const text = await page.$eval(`[data-index="${i}"] .text`, (e) => e.lastChild?.textContent ?? '');
    assert.equal(text, p, `entry ${i}`);
    const tooltip = await page.$eval(`[data-index="${i}"] .finding`, (e) => e.getAttribute('title'));
    assert.ok(tooltip?.includes(p), `finding tooltip ${i}`);
  }
  const people = await page.$$eval('[data-index="0"] .person', (e) => e.map((x) => x.textContent));
  assert.deepEqual(people, handles.map((h) => '@' + h));
  // The unknown "zone" is reported as text, and times fall back to UTC.
  if (documentZone) assert.ok((await page.textContent('.note'))?.includes(payloads[0]!));
  else assert.ok((await page.textContent('.zones'))?.includes(payloads[0]!));
}

test('the XSS corpus in the initial state renders as inert text', async () => {
  const loaded = await openPage(browser, updateFor(hostileView()));
  await assertInert(loaded, 'initial state');
  await assertShownAsText(loaded.page);
});

test('the XSS corpus delivered as an update, then redrawn in another zone, stays inert', async () => {
  const loaded = await openPage(browser, updateFor(null));
  await loaded.send(updateFor(hostileView()));
  await loaded.page.waitForSelector('h1');
  await assertShownAsText(loaded.page);
  await loaded.page.check('input[name="zone"][value="local"]');
  await loaded.page.hover('[data-index="1"] .finding');
  await loaded.page.click('[data-index="2"]');
  await assertShownAsText(loaded.page, false);
  await assertInert(loaded, 'after update and redraw');
});

test('the CSP meta tag is present and strict, and it is enforced', async () => {
  const loaded = await openPage(browser, updateFor(hostileView()));
  const page = loaded.page;
  const metas = await page.$$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.map((e) => e.getAttribute('content') ?? ''));
  assert.equal(metas.length, 1);
  const directives = new Map(metas[0]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('style-src'), [ORIGIN]);
  assert.deepEqual(directives.get('font-src'), [ORIGIN]);
  const script = directives.get('script-src') ?? [];
  assert.equal(script.length, 1);
  assert.match(script[0]!, /^'nonce-[A-Za-z0-9+/]{22}==?'$/);
  assert.doesNotMatch(metas[0]!, /unsafe-|\*|data:|http:/);
  const scriptNonce = await page.$eval('script', (s) => (s as HTMLScriptElement).nonce);
  assert.equal(`'nonce-${scriptNonce}'`, script[0]);
  // Enforced: an inline script added now is refused and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  });
  await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline), undefined);
  assert.match((await violations(page))[0]!, /^script-src/);
});

test('the exported SVG of the corpus parses, has no script or link, and runs nothing', async () => {
  const svg = toSvg(hostileView());
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
  await page.goto(`${ORIGIN}/export.svg`);
  const result = await page.evaluate(() => ({
    root: document.documentElement.localName,
    parseErrors: document.getElementsByTagName('parsererror').length,
    active: document.querySelectorAll('script, foreignObject, a, image, iframe, use, animate, set').length,
    handlers: Array.from(document.querySelectorAll('*')).flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))),
    text: Array.from(document.querySelectorAll('text, title')).map((t) => t.textContent).join('\n'),
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  }));
  assert.equal(result.root, 'svg');
  assert.equal(result.parseErrors, 0);
  assert.equal(result.active, 0);
  assert.deepEqual(result.handlers, []);
  assert.equal(result.pwned, undefined);
  for (const p of payloads) assert.ok(result.text.includes(p.replace(/\s+/g, ' ').trim().slice(0, 40)), `SVG shows ${p}`);
  assert.deepEqual(errors, []);
  await context.close();
});
