/**
 * The HTML of the timeline preview, built by one pure function so the browser
 * tests load exactly the page the extension shows. No `vscode` import here.
 *
 * The page gets its script only through a fresh nonce, its styles only from the
 * webview's own resource origin, and its first state as data in an escaped
 * `data-state` attribute: nothing from the document is ever parsed as markup.
 */
import type { ToWebview } from '../../../server/src/view/webview-messages.js';

export interface PreviewHtmlInput {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** A fresh value from `newNonce()` for every render. */
  nonce: string;
  /** The bundle, as a webview URI. */
  scriptUri: string;
  /** The stylesheet, as a webview URI. */
  styleUri: string;
  /** What the page shows first. */
  state: ToWebview;
}

/**
 * A random nonce: 128 bits from Web Crypto's CSPRNG (the same global in Node and in a browser
 * worker), base64.
 */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page's Content-Security-Policy: nothing by default; scripts only with the
 * nonce (no 'unsafe-inline', no 'unsafe-eval'); styles and fonts only from the
 * webview's resource origin; no <base>, no form submission.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(nonce)) throw new Error('the nonce must be base64 of at least 96 bits');
  // A space-separated source list, as VS Code gives it (`'self' https://*.vscode-cdn.net`): host
  // sources and the one keyword 'self' — never 'unsafe-…', nothing that ends the directive or the attribute.
  if (!/^(?:'self'|[^\s;'",]+)(?: (?:'self'|[^\s;'",]+))*$/.test(cspSource)) throw new Error(`not a CSP source list: ${cspSource}`);
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Escapes text for a double- or single-quoted HTML attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Builds the preview page. */
export function renderPreviewHtml(input: PreviewHtmlInput): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>Timeline preview</title>
</head>
<body>
<main id="app" aria-busy="true" aria-live="off" data-state="${escapeAttribute(JSON.stringify(input.state))}"></main>
<script nonce="${escapeAttribute(input.nonce)}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>
`;
}
