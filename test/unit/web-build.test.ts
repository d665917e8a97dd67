import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { tempFiles } from '../helpers/run.js';

/** Bundles `entry` for the browser with the plugin, as scripts/build.mjs does the web bundles; returns the errors. */
async function errorsOf(files: Record<string, string>): Promise<string[]> {
  const dir = tempFiles(files);
  const { noNodeBuiltins } = await import('../../scripts/no-node-builtins.mjs');
  try {
    await build({ entryPoints: [join(dir, 'entry.js')], bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [noNodeBuiltins] });
    return [];
  } catch (e) {
    return ((e as { errors?: Array<{ text: string }> }).errors ?? []).map((x) => x.text);
  }
}

test('a Node built-in in a web bundle fails the build and names who imports it', async () => {
  const errors = await errorsOf({
    'entry.js': 'import { helper } from "./lib/helper.js"; console.log(helper());',
    'lib/helper.js': 'import { readFileSync } from "node:fs"; const p = require("path"); export const helper = () => [readFileSync, p];',
  });
  assert.equal(errors.length, 2, errors.join('\n'));
  assert.match(errors[0]!, /the Node built-in "node:fs" is imported by .*lib\/helper\.js, in a bundle for the browser/);
  assert.match(errors[1]!, /the Node built-in "path" is imported by .*lib\/helper\.js/);
  assert.match((await errorsOf({ 'entry.js': 'import "fs/promises";' }))[0]!, /"fs\/promises"/);
});

test('browser code and packages whose names merely start like a built-in pass', async () => {
  assert.deepEqual(await errorsOf({ 'entry.js': 'import { x } from "./streams.js"; console.log(x, crypto.getRandomValues(new Uint8Array(1)));', 'streams.js': 'export const x = 1;' }), []);
  assert.deepEqual(await errorsOf({ 'entry.js': 'import "pathological";', 'node_modules/pathological/index.js': 'export {};' }), []);
});
