/** The lenses above the timeline heading, through VS Code's own CodeLens command; running the preview lens opens the preview. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';

describe('code lenses', () => {
  after(closeAllEditors);

  it('show the metrics above the timeline and open the preview', async () => {
    const editor = await openInEditor(GOOD);
    await waitForFindings(editor.document.uri, EXPECTED[GOOD]!);
    const lenses =
      (await withTimeout(vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri), 'code lenses')) ?? [];
    const heading = editor.document.getText().split('\n').indexOf('## Timeline of Events');
    const titles = lenses.filter((l) => l.range.start.line === heading).map((l) => l.command?.title);
    assert.deepEqual(titles, ['Duration 1 h 38 min · TTD 7 min · TTA 3 min · TTM 1 h 12 min · TTR 1 h 31 min', 'Open Timeline Preview']);
    const open = lenses.find((l) => l.command?.title === 'Open Timeline Preview')!.command!;
    const preview = await withTimeout(
      vscode.commands.executeCommand<TimelinePreview | undefined>(open.command, ...(open.arguments ?? [])),
      'the preview lens to run',
    );
    assert.equal(preview?.documentUri?.toString(), editor.document.uri.toString());
    preview?.panel.dispose();
  });
});
