/**
 * The preview page in a real Chromium, with the real bundle and a recorded
 * timeline (fixtures/incident.json: Europe/Paris, 5–7 March 2024, UTC+1).
 * Expected values are worked out by hand from the fixture in the comments.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { applyTheme, fixture, launch, openPage, updateFor, violations, type Loaded } from './harness.js';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const incident = fixture('incident.json');
const SHOTS = resolve(__dirname, '..', '..', 'test-results', 'webview');

/** The timeline's entries in page order: index in the view, clock text, top and bottom in pixels. */
async function entries(page: Page) {
  return page.$$eval('.timeline [role="option"]', (options) =>
    options.map((o) => {
      const box = o.getBoundingClientRect();
      return { index: Number((o as HTMLElement).dataset.index), clock: o.querySelector('.clock')?.textContent ?? '', top: box.top, bottom: box.bottom };
    }),
  );
}

async function clean(loaded: Loaded) {
  assert.deepEqual(loaded.errors, [], 'no console error');
  assert.deepEqual(await violations(loaded.page), [], 'no CSP violation');
}

test('entries render in time order at strictly increasing positions, with undated ones apart', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  const list = await entries(loaded.page);
  // By instant: 13:02 (#0), 13:09 (#1), 13:12 (#2), 13:20 (#7, written out of order), 13:30 (#3),
  // 13:41 (#4), 20:51 (#5), 08:15 next day (#6), the date-only review on 7 March (#9).
  assert.deepEqual(list.map((e) => e.index), [0, 1, 2, 7, 3, 4, 5, 6, 9]);
  assert.deepEqual(list.map((e) => e.clock), ['14:02', '14:09', '14:12', '14:20', '14:30', '14:41', '21:51', '09:15', 'date only']);
  for (let k = 1; k < list.length; k++) assert.ok(list[k]!.top > list[k - 1]!.bottom - 0.5, `entry ${k} starts below entry ${k - 1}`);
  // Median interval 10.5 min, gap threshold 60 min, so 4 px per minute: 7 min → 28 px, 3 min → 12 px, 8 min → 32 px.
  const spaces = [1, 2, 3].map((k) => Math.round(list[k]!.top - list[k - 1]!.bottom));
  assert.deepEqual(spaces, [28, 12, 32]);
  // Entry #8 has no instant: listed apart with its reason, not dropped.
  const undated = await loaded.page.$$eval('.undated [role="option"]', (o) => o.map((e) => [(e as HTMLElement).dataset.index, e.textContent]));
  assert.equal(undated.length, 1);
  assert.equal(undated[0]![0], '8');
  assert.match(undated[0]![1]!, /Status page updated/);
  assert.match(undated[0]![1]!, /No time of day could be read/);
  await clean(loaded);
});

test('long gaps are compressed behind a labelled break and each day has a separator', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  const gaps = await loaded.page.$$eval('.gap', (g) => g.map((e) => e.textContent));
  // 14:41 → 21:51 is 7 h 10 min; 21:51 → 09:15 is 11 h 24 min; 09:15 → 00:00 (7 March) is 14 h 45 min.
  assert.deepEqual(gaps, ['— 7 h 10 min —', '— 11 h 24 min —', '— 14 h 45 min —']);
  const days = await loaded.page.$$eval('.day', (d) => d.map((e) => e.textContent));
  assert.deepEqual(days, ['Tue 5 Mar 2024', 'Wed 6 Mar 2024', 'Thu 7 Mar 2024']);
  const groups = await loaded.page.$$eval('.timeline [role="group"]', (g) => g.map((e) => e.getAttribute('aria-label')));
  assert.deepEqual(groups, days);
  await clean(loaded);
});

test('header shows title, severity, status, metrics; phases, milestones, people and findings are marked', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  const page = loaded.page;
  assert.equal(await page.textContent('h1'), 'Checkout errors after the v2.3 deploy');
  const facts = await page.textContent('.facts');
  assert.match(facts!, /Severity: SEV2/);
  assert.match(facts!, /Status: resolved/);
  const metrics = await page.$$eval('.metric', (m) => m.map((e) => `${e.querySelector('dt')?.textContent}=${e.querySelector('dd')?.textContent}`));
  // 1153 minutes = 19 h 13 min.
  assert.deepEqual(metrics, ['Time to detect=7 min', 'Time to acknowledge=10 min', 'Time to mitigate=39 min', 'Time to resolve=19 h 13 min', 'Duration=19 h 13 min']);
  const phaseOf = (index: number) => page.$eval(`.timeline [data-index="${index}"]`, (e) => Array.from(e.classList).filter((c) => c.startsWith('phase-')).join(','));
  // Started 13:02 → impact; detected 13:09 → response; mitigated 13:41 → recovery; resolved 08:15 → none.
  assert.equal(await phaseOf(0), 'phase-impact');
  assert.equal(await phaseOf(1), 'phase-response');
  assert.equal(await phaseOf(7), 'phase-response');
  assert.equal(await phaseOf(4), 'phase-recovery');
  assert.equal(await phaseOf(5), 'phase-recovery');
  assert.equal(await phaseOf(6), '');
  const diamonds = await page.$$eval('.timeline .event .diamond', (d) => d.map((e) => (e.closest('[role="option"]') as HTMLElement).dataset.index));
  assert.deepEqual(diamonds, ['0', '1', '2', '4', '6']);
  assert.deepEqual(await page.$$eval('[data-index="3"] .person', (p) => p.map((e) => e.textContent)), ['@ana', '@bo']);
  const finding = await page.$eval('[data-index="7"] .finding', (e) => e.getAttribute('title'));
  assert.equal(finding, 'warning: This entry is earlier than the one before it (2024-03-06 09:15). (timeline.order)');
  assert.equal(await page.$$eval('.finding', (f) => f.length), 1, 'only the entry with a finding is marked');
  const label = await page.getAttribute('[data-index="7"]', 'aria-label');
  assert.match(label!, /^2024-03-05 14:20 Europe\/Paris\. Customer support notified\. people: @dee\. warning: This entry is earlier/);
  await clean(loaded);
});

test('clicking an entry posts a reveal message with its source line', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  await loaded.page.click('text=Rollback started by @ana and @bo');
  await loaded.page.click('.undated [role="option"]');
  const reveals = (await loaded.posted()).filter((m) => (m as { type: string }).type === 'reveal');
  assert.deepEqual(reveals, [{ type: 'reveal', line: 13 }, { type: 'reveal', line: 18 }]);
  await clean(loaded);
});

test('switching the zone changes the displayed times and days, and tells the extension', async () => {
  const loaded = await openPage(browser, updateFor(incident), { timezoneId: 'America/New_York' });
  const page = loaded.page;
  await page.check('input[name="zone"][value="utc"]');
  // Paris is UTC+1 in early March.
  assert.deepEqual((await entries(page)).slice(0, 3).map((e) => e.clock), ['13:02', '13:09', '13:12']);
  assert.match((await page.textContent('.zone-badge'))!, /Times in UTC/);
  await page.check('input[name="zone"][value="local"]');
  // New York is UTC−5 before 10 March: 13:02Z → 08:02, 08:15Z on the 6th → 03:15, 23:00Z on the 6th → 18:00 on the 6th.
  const local = await entries(page);
  assert.deepEqual(local.map((e) => e.clock).slice(0, 3), ['08:02', '08:09', '08:12']);
  assert.equal(local[7]!.clock, '03:15');
  assert.deepEqual(await page.$$eval('.day', (d) => d.map((e) => e.textContent)), ['Tue 5 Mar 2024', 'Wed 6 Mar 2024']);
  const zones = (await loaded.posted()).filter((m) => (m as { type: string }).type === 'zone');
  assert.deepEqual(zones, [{ type: 'zone', zone: 'utc' }, { type: 'zone', zone: 'local' }]);
  const ready = (await loaded.posted())[0];
  assert.deepEqual(ready, { type: 'ready', localZone: 'America/New_York' });
  await clean(loaded);
});

test('keyboard: arrows, Home and End move a visible focus; Enter reveals the focused entry', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  const page = loaded.page;
  for (let k = 0; k < 12; k++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.timeline') !== null && document.activeElement?.getAttribute('role') === 'option')) break;
  }
  const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.index);
  assert.equal(await focused(), '0', 'Tab reaches the first entry');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '2');
  const outline = await page.evaluate(() => getComputedStyle((document.activeElement as HTMLElement).querySelector('.body')!).outlineStyle);
  assert.equal(outline, 'solid', 'the focused entry shows a focus outline');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected')), 'true');
  await page.keyboard.press('End');
  assert.equal(await focused(), '9');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const reveals = (await loaded.posted()).filter((m) => (m as { type: string }).type === 'reveal');
  assert.deepEqual(reveals, [{ type: 'reveal', line: 11 }]);
  const tabStops = await page.$$eval('.timeline [role="option"]', (o) => o.filter((e) => (e as HTMLElement).tabIndex === 0).length);
  assert.equal(tabStops, 1, 'one tab stop per list');
  await clean(loaded);
});

test('the editor cursor highlights its entry; updates keep focus and scroll position', async () => {
  const loaded = await openPage(browser, updateFor(incident), { width: 600, height: 400 });
  const page = loaded.page;
  await loaded.send({ type: 'highlight', line: 13 });
  await page.waitForFunction(() => document.querySelector('[aria-current="true"]') !== null);
  assert.equal(await page.$eval('[aria-current="true"]', (e) => (e as HTMLElement).dataset.index), '3');
  await page.focus('[data-index="5"]');
  await page.evaluate(() => window.scrollTo(0, 200));
  assert.equal(await page.evaluate(() => window.scrollY), 200);
  // An edit: the text of entry #5 changes; the page redraws in place.
  const edited = structuredClone(incident);
  edited.events[5]!.text = 'Root cause confirmed: pool limit';
  await loaded.send(updateFor(edited));
  await page.waitForFunction(() => document.querySelector('[data-index="5"] .text')?.textContent === 'Root cause confirmed: pool limit');
  assert.equal(await page.evaluate(() => window.scrollY), 200, 'scroll position kept');
  assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index), '5', 'focus kept');
  assert.equal(await page.$eval('[aria-current="true"]', (e) => (e as HTMLElement).dataset.index), '3', 'highlight kept');
  // A message that is not one of the page's types changes nothing.
  await loaded.send({ type: 'update', view: { title: 42 }, zone: 'utc' });
  await loaded.send({ type: 'highlight', line: 12 });
  await page.waitForFunction(() => (document.querySelector('[aria-current="true"]') as HTMLElement | null)?.dataset.index === '2');
  assert.equal(await page.textContent('h1'), 'Checkout errors after the v2.3 deploy');
  await clean(loaded);
});

test('after a reload the page returns to its saved scroll position and keeps saving it', async () => {
  const loaded = await openPage(browser, updateFor(incident), { width: 600, height: 400, savedState: { zone: 'utc', scrollY: 150 } });
  const page = loaded.page;
  assert.equal(await page.evaluate(() => window.scrollY), 150);
  // The zone comes from the extension's message (the workspace's choice), not from the page's own memory.
  assert.equal(await page.isChecked('input[name="zone"][value="document"]'), true);
  await page.evaluate(() => window.scrollTo(0, 60));
  await page.waitForFunction(() => (window as unknown as { acquireVsCodeApi(): { getState(): { scrollY: number } } }).acquireVsCodeApi().getState().scrollY === 60);
  await clean(loaded);
});

test('no view: the page says why; share buttons post their messages', async () => {
  const empty = await openPage(browser, updateFor(null, 'document', 'notes.md is not a post-mortem.'));
  assert.equal(await empty.page.textContent('.empty'), 'notes.md is not a post-mortem.');
  await clean(empty);
  const loaded = await openPage(browser, updateFor(incident));
  await loaded.page.click('button[data-action="copyMermaid"]');
  await loaded.page.click('button[data-action="exportSvg"]');
  const shares = (await loaded.posted()).filter((m) => /copyMermaid|exportSvg/.test((m as { type: string }).type));
  assert.deepEqual(shares, [{ type: 'copyMermaid' }, { type: 'exportSvg' }]);
  await clean(loaded);
});

test('screenshots in light, dark and high-contrast themes', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const loaded = await openPage(browser, updateFor(incident));
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    await applyTheme(loaded.page, theme);
    const background = await loaded.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', `${theme}: the theme's background applies`);
    await loaded.page.screenshot({ path: join(SHOTS, `preview-${theme}.png`), fullPage: true });
  }
  await clean(loaded);
});

test('milestones show once (in the timeline), unknown metrics fold into one line, the legend lists only the phases shown', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  const page = loaded.page;
  assert.equal(await page.$$eval('.header .milestones', (m) => m.length), 0, 'no second list of milestones in the header');
  assert.equal(await page.$$eval('.metrics-unknown', (m) => m.length), 0, 'every metric is known');
  assert.deepEqual(await page.$$eval('.legend li', (l) => l.map((e) => e.textContent)), ['Impact, not yet detected', 'Detected, responding', 'Mitigated, recovering']);
  await clean(loaded);

  const draft = { ...incident, milestones: {}, metrics: { timeToDetectMinutes: null, timeToAcknowledgeMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, durationMinutes: null } };
  const bare = await openPage(browser, updateFor(draft));
  assert.equal(await bare.page.$$eval('.metric', (m) => m.length), 0, 'no row of "unknown" metrics');
  const folded = await bare.page.textContent('.metrics-unknown');
  assert.match(folded!, /^Not known yet: time to detect, time to acknowledge, time to mitigate, time to resolve, Duration\. Add the milestones/);
  assert.equal(await bare.page.$$eval('.legend', (l) => l.length), 0, 'no legend without phases');
  await clean(bare);
});

test('copy feedback shows in the page, as text', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  await loaded.page.click('button[data-action="copyMermaid"]');
  await loaded.send({ type: 'status', text: 'Copied as Mermaid: <b>paste</b> it.' });
  // postMessage is delivered as a later event: wait for it (a bounded wait, as for the other messages).
  await loaded.page.waitForFunction(() => document.querySelector('.share-status')?.textContent !== '', undefined, { timeout: 10_000 }).catch(() => undefined);
  assert.equal(await loaded.page.textContent('.share-status'), 'Copied as Mermaid: <b>paste</b> it.');
  assert.equal(await loaded.page.$$eval('.share-status b', (b) => b.length), 0, 'text, never markup');
  assert.equal(await loaded.page.getAttribute('.share-status', 'role'), 'status');
  await loaded.send({ type: 'update', view: null, zone: 'document' });
  await loaded.send({ type: 'status', text: 'x'.repeat(400) });
  await clean(loaded);
});

test('high contrast: the focused and the selected entry have a visible outline', async () => {
  const loaded = await openPage(browser, updateFor(incident));
  const page = loaded.page;
  await applyTheme(page, 'high-contrast');
  await page.focus('.timeline [data-index="2"]');
  await page.keyboard.press('ArrowDown');
  const outline = (selector: string) => page.$eval(selector, (e) => { const s = getComputedStyle(e); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`; });
  const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index);
  assert.match(await outline(`.timeline [data-index="${focused}"] .body`), /^solid 2px rgb\(243, 133, 24\)$/);
  await page.click('.timeline [data-index="4"]');
  await page.focus('.timeline [data-index="5"]');
  assert.match(await outline('.timeline [data-index="4"][aria-selected="true"] .body'), /^dashed 1px rgb\(243, 133, 24\)$/);
  await clean(loaded);
});
