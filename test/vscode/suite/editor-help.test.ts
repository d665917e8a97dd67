/**
 * Help in the editor: time-zone quick fixes from the document's own abbreviations, "Learn more"
 * on every finding, Insert section leaving the cursor in the new section, and the example that
 * the walkthrough and the empty views open.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { codeOf, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { extensionApi } from '../helpers/extension.js';
import { until, withTimeout } from '../helpers/wait.js';
import type { TimelinePreview } from '../../../client/src/preview/panel.js';
import { closeAllEditors, openInEditor, workspaceUri } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';
const PST = 'fixtures/postmortems/2025-01-10-login-errors-pst.md';
const PST_TEXT = [
  '# Login errors',
  '',
  '## Summary',
  '',
  'Logins failed for 20 minutes in the west coast region; the on-call engineer in Seattle (PST) rolled the deploy back.',
  '',
  '## Timeline',
  '',
  '- 09:00 Deploy started',
  '- 09:05 Errors began',
  '- 09:25 Rollback finished',
  '',
  '## Root Cause',
  '',
  'A bad config.',
  '',
].join('\n');

function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return withTimeout(
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value),
    'quick fixes',
  ).then((a) => a ?? []);
}

describe('help in the editor', () => {
  afterEach(closeAllEditors);
  after(() => vscode.workspace.fs.delete(workspaceUri(PST)).then(undefined, () => undefined));

  it('offers the zone the document\'s abbreviation implies (PST → America/Los_Angeles) first', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(PST), new TextEncoder().encode(PST_TEXT));
    const editor = await openInEditor(PST);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'timeline.timezone-missing'), 'timeline.timezone-missing');
    const missing = diagnostics.find((d) => codeOf(d) === 'timeline.timezone-missing')!;
    const titles = (await quickFixes(editor.document.uri, missing.range)).map((a) => a.title).filter((t) => t.startsWith('State the time zone'));
    assert.equal(titles[0], 'State the time zone: add "timezone: America/Los_Angeles" to the frontmatter (the text says PST)');
    assert.ok(titles.includes('State the time zone: add "timezone: UTC" to the frontmatter'), titles.join('\n'));
  });

  it('"Learn more about CODE" runs postmortem.learnMore with the rule\'s documentation', async () => {
    const editor = await openInEditor(DNS);
    const diagnostics = await waitForFindings(editor.document.uri, EXPECTED[DNS]!);
    const order = diagnostics.find((d) => codeOf(d) === 'timeline.order')!;
    const learn = (await quickFixes(editor.document.uri, order.range)).find((a) => a.title === 'Learn more about timeline.order');
    assert.ok(learn, 'no Learn more action');
    assert.equal(learn.command?.command, 'postmortem.learnMore');
    const href = (order.code as { target: vscode.Uri }).target.toString(true);
    assert.equal(learn.command?.arguments?.[1], href);
  });

  it('Insert section puts the cursor in the new section', async () => {
    const editor = await openInEditor(DNS);
    await waitForFindings(editor.document.uri, EXPECTED[DNS]!);
    const inserted = await withTimeout(
      vscode.commands.executeCommand<boolean>('postmortem.insertSection', editor.document.uri.toString(), 'successes'),
      'postmortem.insertSection',
    );
    assert.equal(inserted, true);
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    const line = active.selection.active.line;
    const heading = active.document.getText().split('\n').findIndex((l) => /^## Successes/.test(l));
    assert.ok(heading >= 0, 'the section was inserted');
    assert.ok(line > heading && line <= heading + 3, `the cursor is on line ${line + 1}, the heading on ${heading + 1}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Open Timeline Preview with nothing open (the walkthrough\'s button) previews the example', async () => {
    await closeAllEditors();
    const preview = await withTimeout(vscode.commands.executeCommand<TimelinePreview | undefined>('postmortem.openPreview'), 'postmortem.openPreview');
    assert.ok(preview, 'no preview');
    assert.equal(preview.documentUri?.scheme, 'untitled');
    await until(preview.onDidPost, () => (preview.timeline?.events.length === 8 ? true : undefined), 'the preview to show the example\'s 8 entries');
    preview.panel.dispose();
  });

  it('Open an Example opens a complete post-mortem that the outline follows', async () => {
    const uri = await withTimeout(vscode.commands.executeCommand<vscode.Uri>('postmortem.openExample'), 'postmortem.openExample');
    assert.equal(uri.scheme, 'untitled');
    const api = extensionApi();
    const outline = await until(api.onDidChangeOutline, () => (api.currentOutline()?.uri === uri.toString() ? api.currentOutline() : undefined), 'the example\'s outline');
    assert.deepEqual(outline.progress, { present: 6, required: 6, clean: 6 });
  });
});

describe('Insert all missing sections', () => {
  afterEach(closeAllEditors);

  it('leaves the cursor on the first new section\'s prompt', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    const diagnostics = await waitForFindings(uri, EXPECTED[DNS]!);
    const missing = diagnostics.find((d) => codeOf(d) === 'section.missing')!;
    const all = (await quickFixes(uri, missing.range)).find((a) => a.title.startsWith('Insert all missing sections') || a.title.startsWith('Insert section'));
    assert.ok(all?.edit && all.command, `an insert fix with a command: ${all?.title}`);
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    await withTimeout(vscode.commands.executeCommand(all.command.command, ...(all.command.arguments ?? [])), 'the fix\'s command');
    const active = vscode.window.activeTextEditor!;
    const line = active.selection.active.line;
    const text = active.document.lineAt(line).text;
    assert.match(active.document.lineAt(line - 2).text, /^## /, `two lines below a new heading: line ${line + 1} is ${JSON.stringify(text)}`);
    assert.match(text, /^\{.+\}$/, 'the template\'s prompt, selected to be replaced');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
