// One build for every bundle. Type checking is separate (`npm run typecheck`).
// dist/client.js, dist/server.js and dist/cli.js are a contract: other tooling calls them.
// dist/web/ is the web extension (package.json "browser"): no Node built-in may reach it.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { noNodeBuiltins } from './no-node-builtins.mjs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  external: ['vscode'],
  // Some dependencies ship ES modules that read import.meta.url; give them the bundle's own URL.
  define: { 'import.meta.url': '__bundle_url', __VERSION__: JSON.stringify(version) },
  banner: { js: 'var __bundle_url = require("url").pathToFileURL(__filename).href;' },
};

// The in-editor suite in the web worker extension host: mocha's browser build instead of Node's,
// a small assert in place of node:assert/strict, and every suite that applies, in one file (that
// host's require() knows only 'vscode'). restart.test.ts kills the server's process: there is none;
// new-postmortem-disk.test.ts makes symbolic links on disk.
const NODE_ONLY_SUITES = new Set(['restart.test.ts', 'new-postmortem-disk.test.ts']);
const webSuite = {
  name: 'web-suite',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: resolve('test/vscode/web/assert.ts') }));
    build.onResolve({ filter: /^web-suite:files$/ }, () => ({ path: 'files', namespace: 'web-suite' }));
    build.onLoad({ filter: /.*/, namespace: 'web-suite' }, () => ({
      contents: suiteFiles()
        .filter((f) => !NODE_ONLY_SUITES.has(f))
        .map((f) => `import ${JSON.stringify(resolve('test/vscode/suite', f))};`)
        .join('\n'),
      resolveDir: resolve('test/vscode/suite'),
      loader: 'ts',
    }));
  },
};

function suiteFiles() {
  return readdirSync('test/vscode/suite').filter((f) => f.endsWith('.test.ts')).sort();
}

/** @type {import('esbuild').BuildOptions} */
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __VERSION__: JSON.stringify(version) },
  plugins: [noNodeBuiltins],
};

const builds = [
  { ...node, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  // The language client, apart: dist/client.js requires it when a post-mortem is first seen.
  { ...node, entryPoints: { 'client-lsp': 'client/src/lsp/main.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { server: 'server/src/server-node.ts' }, outdir: 'dist' },
  {
    ...node,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node\n' + node.banner.js },
  },
  // The web extension: the client as a CommonJS module for the web worker extension host (whose
  // require() gives 'vscode' only), and the server as a classic worker script.
  { ...web, format: 'cjs', external: ['vscode'], entryPoints: { extension: 'client/src/web/extension.ts' }, outdir: 'dist/web' },
  { ...web, format: 'iife', entryPoints: { server: 'server/src/server-browser.ts' }, outdir: 'dist/web' },
  // The timeline preview page: a browser bundle with no Node built-ins, next to its stylesheet.
  {
    bundle: true,
    platform: 'browser',
    target: ['chrome120'],
    format: 'iife',
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    entryPoints: { preview: 'webview/src/main.ts' },
    outdir: 'dist/webview',
  },
  // The in-editor suite (test/vscode): its entry plus one bundle per suite/*.test.ts, so a new
  // test file is picked up without touching this list. mocha comes from node_modules at run time.
  {
    ...node,
    entryPoints: {
      index: 'test/vscode/index.ts',
      ...Object.fromEntries(suiteFiles().map((f) => [`suite/${f.slice(0, -'.ts'.length)}`, `test/vscode/suite/${f}`])),
    },
    outdir: 'out/test/vscode',
    external: ['vscode', 'mocha'],
    minify: false,
  },
  // The same suite for the web worker extension host (test/vscode/web), one bundle.
  {
    ...web,
    format: 'cjs',
    entryPoints: { index: 'test/vscode/web/index.ts' },
    outdir: 'out/test/web',
    external: ['vscode'],
    minify: false,
    plugins: [webSuite, noNodeBuiltins],
  },
];

mkdirSync('dist/webview', { recursive: true });
copyFileSync('webview/src/preview.css', 'dist/webview/preview.css');
// dist/webview/** and dist/web/** go into the package whole: leave no source map of an earlier dev build there.
if (production) for (const map of ['dist/webview/preview.js.map', 'dist/web/extension.js.map', 'dist/web/server.js.map']) rmSync(map, { force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The `postmortem` bin: `npx postmortem` in a clone runs dist/cli.js itself, which needs its executable bit (esbuild writes 0644).
  chmodSync('dist/cli.js', 0o755);
}
