#!/usr/bin/env node
// npm run test:electron — the same in-editor suite (test/vscode) in desktop VS Code, downloaded by
// @vscode/test-electron into .vscode-test/. For machines that can reach update.code.visualstudio.com;
// where that download is impossible, `npm run test:vscode` runs the suite in code-server instead.
//
//   node scripts/vscode/test-electron.mjs [--vscode-version 1.100.3|stable|insiders]
//
// On Linux without a display it re-runs itself under xvfb-run (Debian/Ubuntu package xvfb).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { CACHE, ROOT, SUITE } from './lib/paths.mjs';
import { freshRun } from './lib/profile.mjs';
import { which } from './lib/code-server.mjs';

const { values } = parseArgs({
  options: {
    // The VS Code that code-server 4.100.3 contains, so both launchers test the same editor.
    'vscode-version': { type: 'string', default: process.env.VSCODE_VERSION ?? '1.100.3' },
  },
});

function loud(message, code = 2) {
  console.error(`\n✖ test:electron: ${message}\n`);
  process.exit(code);
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (process.env.POSTMORTEM_UNDER_XVFB) loud('xvfb-run started no display.');
  if (!which('xvfb-run')) loud('desktop VS Code needs a display: run this under a desktop, or install xvfb (Debian/Ubuntu: apt-get install xvfb).');
  const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, POSTMORTEM_UNDER_XVFB: '1' },
  });
  process.exit(r.status ?? 1);
}

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: ROOT });
if (build.status !== 0) loud('the build failed.');

let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version: values['vscode-version'], cachePath: CACHE, timeout: 60_000 });
} catch (e) {
  loud(
    `could not download VS Code ${values['vscode-version']} (${e instanceof Error ? e.message : String(e)}). ` +
      'This machine may not reach update.code.visualstudio.com; `npm run test:vscode` runs the same suite in code-server from npm.',
  );
}

const { workspace, userDataDir } = freshRun(join(CACHE, 'run-electron'));
try {
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [
      workspace,
      '--user-data-dir', userDataDir, // test-electron adds its own --extensions-dir, --skip-welcome…
      '--disable-extensions', // every other extension; the one under development still loads
      '--disable-gpu',
    ],
  });
  console.log(`\nVS Code ${code === 0 ? 'passed' : 'FAILED'}: the suite exited with ${code}.`);
  process.exit(code);
} catch (e) {
  // runTests rejects when VS Code exits non-zero (a failing suite) or cannot start.
  const code = typeof e?.code === 'number' ? e.code : 1;
  console.error(`\nVS Code FAILED: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(code || 1);
}
