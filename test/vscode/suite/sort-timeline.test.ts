/** "Sort timeline chronologically" in the editor: through VS Code's code action command and workspace.applyEdit. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { codeOf, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { firstMissingLine } from '../helpers/text.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

describe('sort timeline', () => {
  afterEach(closeAllEditors);

  it('removes timeline.order, moves 09:50 before 09:55 and keeps every line', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    const diagnostics = await waitForFindings(uri, EXPECTED[DNS]!);
    const order = diagnostics.find((d) => codeOf(d) === 'timeline.order');
    assert.ok(order, 'the example has a timeline.order finding');
    const before = editor.document.getText();

    const actions =
      (await withTimeout(
        vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, order.range, vscode.CodeActionKind.QuickFix.value),
        'code actions',
      )) ?? [];
    const sort = actions.find((a) => a.title === 'Sort timeline chronologically');
    assert.ok(sort?.edit, `no sort quick fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(sort.edit), true);

    const after = editor.document.getText();
    assert.equal(firstMissingLine(before, after), undefined, 'a line was lost');
    const lines = after.split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    assert.ok(at('- 09:40') < at('- 09:50') && at('- 09:50') < at('- 09:55') && at('- 09:55') < at('- 10:30'), after);
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'timeline.order'), 'timeline.order to go away');
  });
});
