/**
 * The in-editor suite's entry: VS Code loads this module through `extensionTestsPath` (code-server
 * in `npm run test:vscode`, desktop VS Code in `npm run test:electron`) and awaits `run()` inside
 * the extension host. It activates the extension, then runs every `suite/*.test.js` bundle next
 * to it with mocha, in name order: adding a test file needs no change here.
 */
import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';
import { activateExtension, EXTENSION_ID } from './helpers/extension.js';
import { ACTIVATION_FAILED, SUITE_START } from './helpers/markers.js';

export { ACTIVATION_FAILED, SUITE_START };

export async function run(): Promise<void> {
  // The launcher prints the workbench's log from this line on.
  console.log(`${SUITE_START} activating ${EXTENSION_ID}`);
  try {
    await activateExtension();
  } catch (e) {
    const message = `${ACTIVATION_FAILED} ${e instanceof Error ? e.message : String(e)}`;
    console.error(message);
    throw new Error(message);
  }

  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  const dir = path.join(__dirname, 'suite');
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js files in ${dir}: run the build first`);
  for (const f of files) mocha.addFile(path.join(dir, f));

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test${failures === 1 ? '' : 's'} failed`);
}
