/** "Post-Mortem: New Post-Mortem", with its inputs given as arguments (no typing). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics } from '../helpers/diagnostics.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors } from '../helpers/workspace.js';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { focusPreview } from '../helpers/preview.js';

describe('New Post-Mortem', () => {
  const created: vscode.Uri[] = [];
  afterEach(closeAllEditors);
  after(async () => {
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('creates postmortems/YYYY-MM-DD-<slug>.md, opens it with the summary prompt selected, and never overwrites', async () => {
    const uri = await withTimeout(
      vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Cache stampede on login', severity: 'SEV2' }),
      'postmortem.new',
    );
    assert.ok(uri, 'the command returned no file');
    created.push(uri);
    assert.match(uri.path, /\/postmortems\/\d{4}-\d{2}-\d{2}-cache-stampede-on-login\.md$/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new file is the active editor');
    const text = editor.document.getText();
    assert.match(text, /^severity: SEV2$/m);
    assert.match(text, /^# Cache stampede on login$/m);
    const selected = editor.document.getText(editor.selection);
    assert.ok(selected.startsWith('{Briefly describe the incident'), `selection: ${JSON.stringify(selected)}`);
    assert.equal(editor.document.lineAt(editor.selection.start.line - 2).text, '## Incident Summary');
    // The checker sees it as a post-mortem: its six prompts are template text left to replace.
    await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'section.placeholder').length === 6, 'six placeholder findings');

    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Cache stampede on login', severity: 'SEV3' });
    assert.ok(again);
    created.push(again);
    assert.notEqual(again.toString(), uri.toString(), 'a second post-mortem with the same title gets its own file');
    const first = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(first, /^severity: SEV2$/m, 'the first file is untouched');
  });

  it('names the file from the chosen date, writes the chosen zone, and opens it pinned in the active group', async () => {
    const uri = await withTimeout(
      vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Leap day billing run', date: '2024-02-29', timezone: 'America/Los_Angeles', severity: 'SEV3' }),
      'postmortem.new',
    );
    assert.ok(uri, 'the command returned no file');
    created.push(uri);
    assert.match(uri.path, /\/postmortems\/2024-02-29-leap-day-billing-run\.md$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^timezone: America\/Los_Angeles$/m);
    assert.match(text, /^# started: 2024-02-29 HH:MM/m);
    const group = vscode.window.tabGroups.activeTabGroup;
    const tab = group.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString(), 'the new file is the active tab of the active group');
    assert.equal(tab.isPreview, false, 'pinned, not a preview tab');
    assert.equal(vscode.window.activeTextEditor?.viewColumn, group.viewColumn);
    // A date that does not exist is refused: no file.
    const none = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Never', date: '2023-02-29', timezone: 'UTC', severity: 'SEV3' });
    assert.equal(none, undefined);
  });

  it('opens beside the preview, not in its group, when the preview has the focus', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Source for a preview', date: '2025-05-05', timezone: 'UTC', severity: 'SEV4' });
    assert.ok(first);
    created.push(first);
    const preview = await withTimeout(vscode.commands.executeCommand<TimelinePreview | undefined>('postmortem.openPreview'), 'the preview');
    assert.ok(preview);
    await focusPreview(preview);
    const previewColumn = preview.panel.viewColumn;
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Opened while previewing', date: '2025-05-06', timezone: 'UTC', severity: 'SEV4' });
    assert.ok(second);
    created.push(second);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), second.toString());
    assert.notEqual(vscode.window.activeTextEditor?.viewColumn, previewColumn, 'not in the preview\'s group');
  });

  describe('never writes outside the workspace folder', () => {
    const setFolder = (value: string | undefined) =>
      withTimeout(vscode.workspace.getConfiguration('postmortem').update('newFileFolder', value, vscode.ConfigurationTarget.Global), 'postmortem.newFileFolder to be written');
    afterEach(() => setFolder(undefined));

    it('refuses a postmortem.newFileFolder with ".." and writes nothing', async () => {
      const root = vscode.workspace.workspaceFolders![0]!.uri;
      const outside = vscode.Uri.joinPath(root, '..', 'outside-the-workspace');
      await setFolder('../outside-the-workspace');
      const uri = await withTimeout(vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.new', { title: 'Escape attempt', severity: 'SEV3' }), 'postmortem.new');
      assert.equal(uri, undefined, 'no file was created');
      const exists = await Promise.resolve(vscode.workspace.fs.stat(outside)).then(() => true, () => false);
      assert.ok(!exists, `${outside.toString()} was created`);
    });
  });
});
