/** The Post-Mortem outline view's data for the active post-mortem, through the extension's API. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { waitForFindings } from '../helpers/diagnostics.js';
import { extensionApi } from '../helpers/extension.js';
import { canScreenshot, screenshot } from '../helpers/screenshot.js';
import { until, withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const GOOD = 'examples/postmortems/2024-08-20-checkout-outage.md';
const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

describe('outline view', () => {
  afterEach(closeAllEditors);

  it('shows the good example complete, with its timeline, metrics and action items', async () => {
    const editor = await openInEditor(GOOD);
    await waitForFindings(editor.document.uri, EXPECTED[GOOD]!);
    const outline = await withTimeout(extensionApi().outline(), 'the outline');
    assert.ok(outline, 'no outline for a post-mortem');
    assert.equal(outline.uri, editor.document.uri.toString());
    assert.deepEqual(
      outline.sections.map((s) => [s.name, s.status]),
      [
        ['Incident Summary', 'complete'],
        ['Timeline of Events', 'complete'],
        ['Root Cause Analysis', 'complete'],
        ['Resolution and Recovery', 'complete'],
        ['Preventive Actions', 'complete'],
        ['Successes and Positive Outcomes', 'complete'],
      ],
    );
    assert.deepEqual(outline.progress, { present: 6, required: 6, clean: 6 });
    // The example's timeline: eight entries from 14:02 to 15:40 CEST (12:02 to 13:40 UTC).
    assert.equal(outline.timeline?.events.length, 8);
    assert.equal(outline.timeline?.events[0]?.utc, '2024-08-20T12:02:00Z');
    // Frontmatter milestones: started 14:02, detected 14:09, mitigated 15:21, resolved 15:40.
    assert.equal(outline.timeline?.metrics.timeToDetectMinutes, 7);
    assert.equal(outline.timeline?.metrics.durationMinutes, 98);
    // Three preventive actions, in a table with Owner and Due columns.
    assert.deepEqual(outline.actions.map((a) => [a.owner, a.due]), [['@bo', '2024-09-06'], ['@platform-team', '2024-09-20'], ['@ana', '2024-09-06']]);

    // The view in its own container takes the whole side bar: the picture for the README.
    await vscode.commands.executeCommand('workbench.view.extension.postmortem');
    await vscode.commands.executeCommand('notifications.clearAll'); // earlier tests' messages would cover the picture
    const path = await screenshot('outline', { waitFor: ['.monaco-list-row >> text=Timeline of Events', '.monaco-list-row >> text=Time to detect'] });
    assert.equal(!!path, canScreenshot());
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('marks missing sections, follows the active editor, and Insert fills a missing one', async () => {
    const editor = await openInEditor(DNS);
    await waitForFindings(editor.document.uri, EXPECTED[DNS]!);
    const outline = await extensionApi().outline();
    assert.equal(outline?.uri, editor.document.uri.toString(), 'the outline follows the active editor');
    const status = Object.fromEntries(outline!.sections.map((s) => [s.id ?? s.name, s.status]));
    assert.equal(status['resolution'], 'covered', 'told in the timeline');
    assert.equal(status['successes'], 'missing');
    assert.equal(status['summary'], 'incomplete', 'TODO left in the summary');
    // Root cause has no finding and the resolution is told elsewhere: 2 of 6 without problems.
    assert.deepEqual(outline!.progress, { present: 4, required: 6, clean: 2 });

    assert.equal(await vscode.commands.executeCommand('postmortem.insertSection', editor.document.uri.toString(), 'successes'), true);
    const api = extensionApi();
    const updated = await until(
      api.onDidChangeOutline,
      () => {
        const o = api.currentOutline();
        return o && o.sections.find((s) => s.id === 'successes')?.status !== 'missing' ? o : undefined;
      },
      'the outline to show the inserted section',
      { describe: () => JSON.stringify(api.currentOutline()?.sections.map((s) => [s.id, s.status])) },
    );
    // There, but with the template's prompt in it: not without problems yet.
    assert.deepEqual(updated.progress, { present: 5, required: 6, clean: 2 });
    assert.ok(editor.document.getText().includes('## Successes and Positive Outcomes'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('has no outline for a Markdown file that is not a post-mortem', async () => {
    await openInEditor('fixtures/notes/release-notes.md');
    assert.equal(await extensionApi().outline(), undefined);
  });
});
