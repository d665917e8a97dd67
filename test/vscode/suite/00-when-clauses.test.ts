/**
 * Runs first (by name): before any post-mortem was opened, nothing of the extension shows; once
 * one is, the views, the activity bar entry and the status bar item (on the right) appear. Checked
 * in the workbench itself, through the launcher, and against the context keys the extension set.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { extensionApi } from '../helpers/extension.js';
import { expectInWorkbench } from '../helpers/screenshot.js';
import { until } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';
const NOTES = 'fixtures/notes/release-notes.md';

const EXPLORER = '[id="workbench.view.explorer"]';
const POST_MORTEM_VIEW = `${EXPLORER} .pane-header >> text=Post-Mortem`;
const ACTIVITY_ENTRY = '[id="workbench.parts.activitybar"] .action-label[aria-label^="Post-Mortem"]';
const STATUS_RIGHT = '[id="workbench.parts.statusbar"] .right-items >> text=Post-mortem';
const STATUS_LEFT = '[id="workbench.parts.statusbar"] .left-items >> text=Post-mortem';

describe('when clauses: nothing shows without a post-mortem', () => {
  after(closeAllEditors);

  it('hides the views, the activity bar entry and the status item until a post-mortem is open', async () => {
    const api = extensionApi();
    await vscode.commands.executeCommand('workbench.view.explorer');
    // The Explorer is there (its built-in Outline section shows), so a missing section means hidden.
    await expectInWorkbench(`${EXPLORER} .pane-header >> text=Outline`, 'visible');

    await openInEditor(NOTES);
    assert.equal(await api.outline(), undefined, 'release notes are not a post-mortem');
    assert.deepEqual(api.contextKeys(), { 'postmortem.isPostMortem': false, 'postmortem.seen': false });
    await expectInWorkbench(POST_MORTEM_VIEW, 'hidden');
    await expectInWorkbench(ACTIVITY_ENTRY, 'hidden');
    await expectInWorkbench(STATUS_RIGHT, 'hidden');

    const good = await openInEditor(GOOD);
    await waitForFindings(good.document.uri, EXPECTED[GOOD]!);
    await until(api.onDidChangeOutline, () => (api.currentOutline()?.uri === good.document.uri.toString() ? true : undefined), 'the outline of the good example');
    assert.deepEqual(api.contextKeys(), { 'postmortem.isPostMortem': true, 'postmortem.seen': true });
    await expectInWorkbench(POST_MORTEM_VIEW, 'visible');
    await expectInWorkbench(ACTIVITY_ENTRY, 'visible');
    const status = await expectInWorkbench(STATUS_RIGHT, 'visible');
    if (status !== undefined) assert.match(status, /Post-mortem 6\/6/);
    await expectInWorkbench(STATUS_LEFT, 'hidden');
    assert.equal(api.status.alignment, vscode.StatusBarAlignment.Right);

    // Another Markdown file: the status item goes, the view stays (with its welcome text).
    await openInEditor(NOTES);
    await until(api.onDidChangeOutline, () => (api.currentOutline() === undefined ? true : undefined), 'the outline to clear');
    assert.deepEqual(api.contextKeys(), { 'postmortem.isPostMortem': false, 'postmortem.seen': true });
    await expectInWorkbench(STATUS_RIGHT, 'hidden');
    await expectInWorkbench(POST_MORTEM_VIEW, 'visible');
  });
});
