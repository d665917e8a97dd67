/** The lenses above the timeline heading, through VS Code's own CodeLens command; running the preview lens opens the preview. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { withTimeout } from '../helpers/wait.js';
import { expectInWorkbench } from '../helpers/screenshot.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';

describe('code lenses', () => {
  after(closeAllEditors);

  it('show short metrics with tooltips that define them above the timeline, and open the preview', async () => {
    const editor = await openInEditor(GOOD);
    await waitForFindings(editor.document.uri, EXPECTED[GOOD]!);
    const lenses =
      (await withTimeout(vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri), 'code lenses')) ?? [];
    const heading = editor.document.getText().split('\n').indexOf('## Timeline of Events');
    const above = lenses.filter((l) => l.range.start.line === heading);
    assert.deepEqual(above.map((l) => l.command?.title), ['Duration 1h 38m', 'TTD 7m', 'TTA 3m', 'TTM 1h 12m', 'TTR 1h 31m', 'Preview']);
    // Each says what it measures, as the editor shows it on hover.
    assert.deepEqual(
      above.map((l) => l.command?.tooltip?.split(':')[0]),
      ['Duration', 'Time to detect', 'Time to acknowledge', 'Time to mitigate', 'Time to resolve', 'Open the timeline preview beside this post-mortem'],
    );
    // And the editor shows it on the lens itself (lenses are drawn for visible lines only).
    editor.revealRange(new vscode.Range(heading, 0, heading, 0), vscode.TextEditorRevealType.AtTop);
    await expectInWorkbench('.codelens-decoration a[title^="Time to detect"]', 'attached');
    const open = above.find((l) => l.command?.title === 'Preview')!.command!;
    const preview = await withTimeout(
      vscode.commands.executeCommand<TimelinePreview | undefined>(open.command, ...(open.arguments ?? [])),
      'the preview lens to run',
    );
    assert.equal(preview?.documentUri?.toString(), editor.document.uri.toString());
    preview?.panel.dispose();
  });
});
