// One build for every bundle. Type checking is separate (`npm run typecheck`).
// dist/client.js, dist/server.js and dist/cli.js are a contract: other tooling calls them.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
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
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: 'var __bundle_url = require("url").pathToFileURL(__filename).href;' },
};

const builds = [
  { ...node, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  {
    ...node,
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node\n' + node.banner.js },
  },
  // The in-editor suite (test/vscode): its entry plus one bundle per suite/*.test.ts, so a new
  // test file is picked up without touching this list. mocha comes from node_modules at run time.
  {
    ...node,
    entryPoints: {
      index: 'test/vscode/index.ts',
      ...Object.fromEntries(
        readdirSync('test/vscode/suite')
          .filter((f) => f.endsWith('.test.ts'))
          .map((f) => [`suite/${f.slice(0, -'.ts'.length)}`, `test/vscode/suite/${f}`]),
      ),
    },
    outdir: 'out/test/vscode',
    external: ['vscode', 'mocha'],
    minify: false,
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
