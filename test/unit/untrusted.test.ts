// What a workspace may set is untrusted input (issue 17): the manifest keeps an untrusted
// folder from setting what decides which files are read and where files are written, and
// New Post-Mortem's folder stays inside the workspace folder whatever the setting says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run.js';
import { newFileFolderSegments } from '../../server/src/templates/postmortem.js';

test('an untrusted workspace cannot set postmortem.files nor postmortem.newFileFolder', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited', 'restrictedConfigurations applies to limited support only');
  assert.ok(untrusted.description, 'limited support says what is limited');
  for (const setting of ['postmortem.files', 'postmortem.newFileFolder']) {
    assert.ok(untrusted.restrictedConfigurations?.includes(setting), setting);
    assert.ok(manifest.contributes.configuration.properties[setting], `${setting} is a setting of the extension`);
  }
});

test("New Post-Mortem's folder: segments inside the workspace folder, or why not", () => {
  assert.deepEqual(newFileFolderSegments(undefined), { segments: ['postmortems'] });
  assert.deepEqual(newFileFolderSegments(''), { segments: ['postmortems'] });
  assert.deepEqual(newFileFolderSegments('docs\\incidents/./2024/'), { segments: ['docs', 'incidents', '2024'] });
  for (const outside of ['..', '../outside', 'docs/../../x', '/etc', '\\\\server\\share', 'C:\\temp', 'a\u0000b']) {
    const where = newFileFolderSegments(outside);
    assert.ok('problem' in where, JSON.stringify(outside));
    assert.match(where.problem, /postmortem\.newFileFolder .* (must name a folder inside|leads out)/);
  }
});
