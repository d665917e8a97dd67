/**
 * The client bundle: its size after a production build, and how long Node takes
 * to `require` it (in fresh processes, so nothing is cached). The extension host
 * provides `vscode`; here a stub stands in for it, only so the module loads.
 * This times the load, it does not test the client. Beside it, the sizes of the
 * web extension's bundles (dist/web/), which load in a browser, not here.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle';
import { median } from './timing';

export interface ClientFigures {
  bytes: number;
  requireMs: number;
  /** dist/web/extension.js: the client in the web worker extension host, language client included. */
  webBytes: number;
  /** dist/web/server.js: the language server in its browser worker. */
  webServerBytes: number;
}

// Runs in the child: a stub `vscode` that answers every property, call and `new`
// with itself, then the timed require. Its prototype answers every property too,
// because esbuild's ES-module interop copies a module onto an object inheriting from it.
const CHILD = `
const Module = require('node:module');
const inherited = new Proxy({}, { get: (_t, p) => (p === 'then' ? undefined : stub) });
const handler = {
  getPrototypeOf() { return inherited; },
  get(_t, p) {
    if (p === 'then' || p === '__esModule') return undefined;
    if (p === Symbol.toPrimitive) return () => '';
    return stub;
  },
  apply() { return stub; },
  construct() { return stub; },
};
const stub = new Proxy(function vscode() {}, handler);
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const t0 = process.hrtime.bigint();
require(process.argv[1]);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
process.stdout.write(String(ms));
`;

/** Measures dist/client.js as it is now (the caller builds it for production first). */
export function measureClient(runs = 7): ClientFigures {
  const file = join(ROOT, 'dist', 'client.js');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', CHILD, file], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`requiring dist/client.js failed: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    times.push(Number(r.stdout));
  }
  return {
    bytes: statSync(file).size,
    requireMs: median(times),
    webBytes: statSync(join(ROOT, 'dist', 'web', 'extension.js')).size,
    webServerBytes: statSync(join(ROOT, 'dist', 'web', 'server.js')).size,
  };
}
