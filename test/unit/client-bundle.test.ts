import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers/run.js';

/** The inputs esbuild puts in a client bundle, as scripts/build.mjs bundles it. */
async function inputsOf(entry: string, platform: 'node' | 'browser'): Promise<string[]> {
  const r = await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform, format: 'cjs', external: ['vscode'], write: false, metafile: true, logLevel: 'silent', absWorkingDir: ROOT });
  return Object.keys(r.metafile.inputs);
}

// The client and the web extension load when VS Code starts; the analysis (markdown-it, YAML,
// the timeline) belongs to the server. A client import of a server module that holds both text
// and analysis once pulled it in whole: dist/client.js was 456 KB, not 63.
for (const [entry, platform] of [['client/src/extension.ts', 'node'], ['client/src/web/extension.ts', 'browser']] as const) {
  test(`${entry} bundles none of the analysis: no markdown-it, YAML parser or timeline`, async () => {
    const inputs = await inputsOf(entry, platform);
    const analysis = inputs.filter((f) => /node_modules\/(markdown-it|yaml)\/|server\/src\/(timeline|model\/document)\b/.test(f));
    assert.deepEqual(analysis, []);
  });
}
