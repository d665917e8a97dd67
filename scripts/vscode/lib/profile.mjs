// A fresh VS Code profile and test workspace for one run, shared by the launchers.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, FIXTURE } from './paths.mjs';

/** User settings for test runs and the demo: quiet, offline, nothing asked of the user. */
export const USER_SETTINGS = {
  // VS Code for the web saves after a second by default; desktop VS Code does not. The tests edit
  // documents and revert them, so no save may happen behind their back.
  'files.autoSave': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
};

/**
 * What makes the workbench run the extension under development in the browser's web worker
 * extension host rather than in code-server's Node one (both can run it: package.json has `main`
 * and `browser`). VS Code 1.100's web workbench reads the payload's `extensionDevelopmentKind`
 * but its extension host placement asks the environment for `extensionDevelopmentKind`, which
 * the browser's environment service names `extensionDevelopmentLocationKind`: the payload alone
 * leaves the extension in Node. The `remote.extensionKind` setting is the placement's other input.
 */
export function webExtensionHostSettings(extensionId) {
  return { 'remote.extensionKind': { [extensionId]: ['web'] } };
}

/** Creates `<dir>/User/settings.json` with USER_SETTINGS (plus `extra`). */
export function writeUserSettings(userDataDir, extra = {}) {
  const user = join(userDataDir, 'User');
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2) + '\n');
}

/**
 * Empties `runDir` and fills it for one test run: `workspace/` holds copies of examples/ (as
 * examples/) and test/vscode/workspace/ (as fixtures/), so the suite may edit and save freely;
 * `user-data/` and `extensions/` are an empty profile with USER_SETTINGS (plus `settings`).
 */
export function freshRun(runDir, settings = {}) {
  rmSync(runDir, { recursive: true, force: true });
  const workspace = join(runDir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  cpSync(EXAMPLES, join(workspace, 'examples'), { recursive: true });
  cpSync(FIXTURE, join(workspace, 'fixtures'), { recursive: true });
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  writeUserSettings(userDataDir, settings);
  mkdirSync(extensionsDir, { recursive: true });
  return { workspace, userDataDir, extensionsDir };
}
