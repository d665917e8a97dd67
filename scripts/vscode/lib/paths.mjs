// Where the launchers keep things: everything they download or create lives under the
// ignored .vscode-test/ folder of the checkout, so a fresh clone starts clean.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder (the extension's folder). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The ignored folder for code-server, VS Code downloads, user data and screenshots. */
export const CACHE = join(ROOT, '.vscode-test');

/** The bundled suite that `extensionTestsPath` points at (built by scripts/build.mjs). */
export const SUITE = join(ROOT, 'out', 'test', 'vscode', 'index.js');

/** The same suite as one bundle for the web worker extension host (test/vscode/web). */
export const WEB_SUITE = join(ROOT, 'out', 'test', 'web', 'index.js');

/** The extension's id (publisher.name in package.json). */
export const EXTENSION_ID = 'postmortem-tools.postmortem';

/** The workspace the suite opens: a copy of examples/ plus the suite's own fixtures. */
export const FIXTURE = join(ROOT, 'test', 'vscode', 'workspace');

/** The examples a new user sees with `npm start`. */
export const EXAMPLES = join(ROOT, 'examples');

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
