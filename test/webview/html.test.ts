/** The page's HTML as the extension builds it, and static guarantees of the built bundles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentSecurityPolicy, escapeAttribute, newNonce, renderPreviewHtml } from '../../client/src/preview/html.js';
import { fixture, updateFor } from './harness.js';

const ROOT = resolve(__dirname, '..', '..');

function unescapeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

test('the CSP allows nothing by default, scripts by nonce only, styles and fonts from the webview origin', () => {
  assert.equal(
    contentSecurityPolicy('https://x.vscode-cdn.net', 'AAAAAAAAAAAAAAAAAAAAAA=='),
    "default-src 'none'; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='; base-uri 'none'; form-action 'none'",
  );
  // What VS Code 1.100 gives as webview.cspSource.
  assert.match(contentSecurityPolicy("'self' https://*.vscode-cdn.net", 'AAAAAAAAAAAAAAAAAAAAAA=='), /style-src 'self' https:\/\/\*\.vscode-cdn\.net;/);
  assert.throws(() => contentSecurityPolicy("https://x 'unsafe-inline'", 'AAAAAAAAAAAAAAAAAAAAAA=='), /not a CSP source list/);
  assert.throws(() => contentSecurityPolicy("'self' 'unsafe-eval'", 'AAAAAAAAAAAAAAAAAAAAAA=='), /not a CSP source list/);
  assert.throws(() => contentSecurityPolicy('https://x; script-src *', 'AAAAAAAAAAAAAAAAAAAAAA=='), /not a CSP source list/);
  assert.throws(() => contentSecurityPolicy('https://x', "abc' 'unsafe-eval"), /nonce/);
  assert.throws(() => contentSecurityPolicy('https://x', 'short'), /nonce/);
});

test('every render gets a fresh 128-bit nonce', () => {
  const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
  assert.equal(nonces.size, 50);
  for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
});

test('the initial state travels as an escaped data attribute and round-trips exactly', () => {
  const view = fixture('incident.json');
  view.title = `"><script>alert(1)</script> ' & </main>`;
  const state = updateFor(view);
  const html = renderPreviewHtml({ cspSource: 'https://x', nonce: newNonce(), scriptUri: 'https://x/p.js', styleUri: 'https://x/p.css', state });
  const match = /data-state="([^"]*)"/.exec(html);
  assert.ok(match);
  assert.doesNotMatch(match[1]!, /[<>'"]/);
  assert.deepEqual(JSON.parse(unescapeAttribute(match[1]!)), state);
  assert.equal(html.match(/<script/g)?.length, 1, 'one script element: the bundle');
  assert.match(html, /<script nonce="[A-Za-z0-9+/=]+" src="https:\/\/x\/p\.js"><\/script>/);
  assert.doesNotMatch(html, /file:\/\/|\/home\/someone/, 'the document path is not in the page');
  assert.equal(escapeAttribute(`<a b="c" d='e'>&`), '&lt;a b=&quot;c&quot; d=&#39;e&#39;&gt;&amp;');
});

test('the built bundles allow no eval or inline script, and the page source never builds markup from strings', () => {
  for (const bundle of ['dist/client.js', 'dist/webview/preview.js']) {
    const text = readFileSync(join(ROOT, bundle), 'utf8');
    assert.doesNotMatch(text, /unsafe-eval|unsafe-inline/, bundle);
  }
  const page = join(ROOT, 'webview', 'src');
  for (const file of readdirSync(page).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(page, file), 'utf8');
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|\.on[a-z]+\s*=|setAttribute\(\s*['"]on/, file);
  }
  const preview = readFileSync(join(ROOT, 'dist', 'webview', 'preview.js'), 'utf8');
  assert.doesNotMatch(preview, /innerHTML|insertAdjacentHTML|document\.write/, 'nor does anything bundled into the page');
});

test('the stylesheet uses only VS Code theme variables for colour', () => {
  const css = readFileSync(join(ROOT, 'webview', 'src', 'preview.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/var\(--vscode-[A-Za-z0-9-]+/g, 'var(');
  assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/i, 'no literal colour');
  assert.doesNotMatch(css, /\b(?:white|black|red|green|blue|yellow|orange|purple|gray|grey|silver|navy|maroon|teal|pink)\b/i, 'no named colour');
});
