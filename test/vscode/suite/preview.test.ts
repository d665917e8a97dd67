/** The timeline preview in a real VS Code: beside the post-mortem, following the editor and its edits, clicks selecting lines. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { canScreenshot, screenshot } from '../helpers/screenshot.js';
import { until, withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor, workspaceUri } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';
const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

describe('timeline preview', () => {
  after(closeAllEditors);

  it('opens a visible panel beside the post-mortem, follows the active editor and edits, and a click selects the line', async () => {
    const good = await openInEditor(GOOD);
    await waitForFindings(good.document.uri, EXPECTED[GOOD]!);
    const preview = await withTimeout(vscode.commands.executeCommand<TimelinePreview | undefined>('postmortem.openPreview'), 'postmortem.openPreview');
    assert.ok(preview, 'the command returned no preview');
    assert.ok(preview.panel.visible, 'the panel is visible');
    assert.notEqual(preview.panel.viewColumn, good.viewColumn, 'the panel is beside the editor');
    const shows = (relative: string, events: number) => () =>
      preview.documentUri?.toString() === workspaceUri(relative).toString() && preview.timeline?.events.length === events ? true : undefined;
    const seen = () => `${preview.documentUri?.path} with ${preview.timeline?.events.length} entries`;
    await until(preview.onDidPost, shows(GOOD, 8), 'the preview to show the good example\'s 8 entries', { describe: seen });
    await vscode.commands.executeCommand('notifications.clearAll'); // earlier tests' messages would cover the picture
    const path = await screenshot('preview', { waitFor: [['iframe.webview.ready', 'iframe#active-frame', 'text=Checkout failures after a connection pool change']] });
    assert.equal(!!path, canScreenshot());

    // Follows the active editor.
    const dns = await openInEditor(DNS, { viewColumn: good.viewColumn });
    await until(preview.onDidPost, shows(DNS, 4), 'the preview to follow to the DNS example', { describe: seen });

    // Follows edits (a new entry after 10:30).
    const last = dns.document.getText().split('\n').findIndex((l) => l.startsWith('- 10:30'));
    await dns.edit((e) => e.insert(new vscode.Position(last + 1, 0), '- 10:45 - Incident closed\n'));
    await until(preview.onDidPost, shows(DNS, 5), 'the preview to show the new entry', { describe: seen });

    // A click on an entry (the page posts {type: 'reveal', line}) selects its source line.
    const target = preview.timeline!.events.find((e) => e.text.startsWith('Autoscaler'))!;
    assert.equal(await preview.receive({ type: 'reveal', line: target.line }), true, 'the message passed validation');
    const editor = await until(
      vscode.window.onDidChangeTextEditorSelection,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.toString() === dns.document.uri.toString() && active.selection.start.line === target.line ? active : undefined;
      },
      'the clicked entry\'s line to be selected',
    );
    assert.ok(editor.document.lineAt(target.line).text.includes('Autoscaler'));
    assert.equal(await preview.receive({ type: 'reveal', line: 'x' }), false, 'a malformed message is dropped');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
