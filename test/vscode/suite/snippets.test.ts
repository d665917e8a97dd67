/** The snippets are offered in Markdown through VS Code's completion command. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors } from '../helpers/workspace.js';

describe('snippets', () => {
  afterEach(closeAllEditors);

  it('typing "postmortem" in a Markdown file offers the template with its six sections', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'postmortem' });
    await vscode.window.showTextDocument(document);
    const list = await withTimeout(
      vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 10)),
      'completions',
    );
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'postmortem');
    assert.ok(item, `no "postmortem" completion; got ${list.items.slice(0, 20).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText);
    for (const heading of ['Incident Summary', 'Timeline of Events', 'Root Cause Analysis', 'Resolution and Recovery', 'Preventive Actions', 'Successes and Positive Outcomes']) {
      assert.ok(body.includes(`## ${heading}`), `the template lacks ${heading}`);
    }
  });
});
