/** The timeline preview's exports: Copy as Mermaid to the clipboard, Export as SVG into the workspace's file system. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { expectInWorkbench } from '../helpers/screenshot.js';
import { until, withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor, workspaceUri } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';
const SVG = 'checkout-outage.timeline.svg';

describe('timeline preview exports', () => {
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri(SVG)).then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('copies the timeline as a Mermaid diagram and exports it as an SVG file', async () => {
    const editor = await openInEditor(GOOD);
    await waitForFindings(editor.document.uri, EXPECTED[GOOD]!);
    const preview = await withTimeout(vscode.commands.executeCommand<TimelinePreview | undefined>('postmortem.openPreview'), 'postmortem.openPreview');
    assert.ok(preview, 'the command returned no preview');
    await until(preview.onDidPost, () => (preview.timeline?.events.length === 8 ? true : undefined), "the preview to show the good example's 8 entries");

    const mermaid = await withTimeout(vscode.commands.executeCommand<string | undefined>('postmortem.preview.copyMermaid'), 'Copy as Mermaid');
    assert.match(mermaid ?? '', /^timeline\n {4}title Checkout failures after a connection pool change/);
    assert.equal(mermaid?.split('\n').filter((l) => / : /.test(l)).length, 8, 'one line per entry');
    assert.equal(await vscode.env.clipboard.readText(), mermaid);
    assert.ok(!/#\d+;/.test(mermaid ?? ''), 'no entity codes such as #58;');
    assert.match(mermaid ?? '', / {8}14∶02 : /, 'clock times with a look-alike colon');
    // The page says so beside its buttons (no notification).
    assert.ok(preview.sent.some((m) => m.type === 'status' && m.text.startsWith('Copied as Mermaid')), 'a status message to the page');
    await expectInWorkbench(['iframe.webview.ready', 'iframe#active-frame', '.share-status >> text=Copied as Mermaid'], 'visible');

    const target = workspaceUri(SVG);
    const written = await withTimeout(vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.preview.exportSvg', target), 'Export as SVG');
    assert.equal(written?.toString(), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('Checkout failures after a connection pool change'), 'the title is in the picture');
    preview.panel.dispose();
  });
});
