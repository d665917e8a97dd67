/** Diagnostics in the editor: each post-mortem gets exactly its expected findings; other Markdown none. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED, NOT_POST_MORTEMS } from '../expected.js';
import { describeFindings, findingsOf, postMortemDiagnostics, serverFindings, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { closeAllEditors, openInEditor, revertAndClose } from '../helpers/workspace.js';

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('has an expectation for every Markdown file in the workspace', async () => {
    const found = await vscode.workspace.findFiles('**/*.md');
    const files = found.map((u) => vscode.workspace.asRelativePath(u, false)).sort();
    const known = new Set([...Object.keys(EXPECTED), ...NOT_POST_MORTEMS]);
    assert.ok(files.length >= known.size, `findFiles saw only ${files.join(', ')}`);
    assert.deepEqual(files.filter((f) => !known.has(f)), [], 'add these files to test/vscode/expected.ts');
    assert.deepEqual([...known].filter((f) => !files.includes(f)), [], 'expected.ts names files that are not in the workspace');
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${describeFindings(expected)}`, async () => {
      const editor = await openInEditor(file);
      const uri = editor.document.uri;
      // What VS Code shows (waits for the diagnostics to arrive)…
      const shown = await waitForFindings(uri, expected);
      assert.ok(shown.every((d) => d.code !== undefined && d.source === 'postmortem'));
      // …and what the server answers when asked directly, which also settles the empty case.
      assert.deepEqual(await serverFindings(uri), findingsOf(shown));
      assert.deepEqual(findingsOf(postMortemDiagnostics(uri)), findingsOf(shown));
    });
  }

  for (const file of NOT_POST_MORTEMS) {
    it(`${file}: none, while the same text marked as a post-mortem gets some`, async () => {
      const editor = await openInEditor(file);
      const uri = editor.document.uri;
      const original = editor.document.getText();

      // Mark it as a post-mortem: the server now reports on it, so it is watching this document.
      const marker = '---\npostmortem: true\n---\n\n';
      const marked = await editor.edit((e) => e.insert(new vscode.Position(0, 0), marker));
      assert.ok(marked, 'the edit was not applied');
      const reported = await waitForDiagnostics(uri, (d) => d.length > 0, 'diagnostics once marked as a post-mortem');
      assert.ok(findingsOf(reported).some((f) => f.code === 'section.missing'), describeFindings(findingsOf(reported)));

      // Back to the original text: nothing, in VS Code and from the server.
      const unmarked = await editor.edit((e) => e.delete(new vscode.Range(0, 0, 4, 0)));
      assert.ok(unmarked, 'the edit was not applied');
      assert.equal(editor.document.getText(), original);
      await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics for the original text');
      assert.deepEqual(await serverFindings(uri), []);
      await revertAndClose(editor);
    });
  }
});
