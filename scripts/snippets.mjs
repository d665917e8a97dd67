// Regenerates snippets/postmortem.code-snippets from the template (server/src/templates).
// A unit test fails when the committed file and the template differ.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = await build({ entryPoints: ['server/src/templates/snippets.ts'], bundle: true, platform: 'node', format: 'cjs', write: false });
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
writeFileSync('snippets/postmortem.code-snippets', mod.exports.snippetsFileText());
console.log('wrote snippets/postmortem.code-snippets');
