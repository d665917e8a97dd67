/** Quick fixes in the editor, through VS Code's own code action command and workspace.applyEdit. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { codeOf, describeFindings, findingsOf, sortFindings, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { addedLines, firstLostLine, firstMissingLine, lineMapping, linesOf } from '../helpers/text.js';
import { withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

/** The code actions VS Code collects for `range` of `uri`, of `kind`. */
function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return withTimeout(
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value),
    `code actions (${kind.value})`,
  ).then((actions) => actions ?? []);
}

/** Fails with the first line of `before` that `after` lost. */
function assertKeepsEveryLine(before: string, after: string, what: string): void {
  const lost = firstLostLine(before, after);
  assert.equal(lost, undefined, `${what} lost the line ${JSON.stringify(lost)}`);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  assert.equal(await withTimeout(vscode.workspace.applyEdit(action.edit), `"${action.title}" to apply`), true, `"${action.title}" was not applied`);
}

describe('quick fixes', () => {
  afterEach(closeAllEditors);

  it('"Insert section" removes its diagnostic and keeps every original line', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    const before = await waitForFindings(uri, EXPECTED[DNS]!);
    const missing = before.filter((d) => codeOf(d) === 'section.missing');
    assert.equal(missing.length, EXPECTED[DNS]!.filter((f) => f.code === 'section.missing').length, describeFindings(findingsOf(before)));
    const original = editor.document.getText();

    // VS Code's command returns actions without their diagnostics; the title names the section.
    const actions = await codeActions(uri, missing[0]!.range, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => /^Insert section "/.test(a.title));
    assert.ok(fix, `no "Insert section" quick fix; offered: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    assert.ok(vscode.CodeActionKind.QuickFix.contains(fix.kind!), `kind ${fix.kind?.value}`);
    const section = /^Insert section "(.+)"$/.exec(fix.title)![1]!;
    const target = missing.find((d) => d.message.includes(`"${section}"`));
    assert.ok(target, `no section.missing diagnostic names "${section}"`);
    await apply(fix);
    const text = editor.document.getText();
    assertKeepsEveryLine(original, text, `"${fix.title}"`);

    const after = await waitForDiagnostics(
      uri,
      (d) => !d.some((x) => x.message === target.message) && d.filter((x) => codeOf(x) === 'section.missing').length === missing.length - 1,
      `the section.missing for "${section}" to go away`,
    );
    const added = addedLines(original, text);
    assert.ok(added.includes(`## ${section}`), `no "## ${section}" inserted: ${JSON.stringify(added)}`);

    // The other findings move with their lines; the new section's prompt ({…} under its heading)
    // is template text to replace, so it is reported as such.
    const lines = linesOf(text);
    const prompt = lines.indexOf(`## ${section}`) + 3;
    assert.match(lines[prompt - 1]!, /^\{.+\}$/, 'the new section has no prompt two lines under its heading');
    const moved = lineMapping(original, text);
    const fixed = EXPECTED[DNS]!.findIndex((f) => f.code === 'section.missing');
    const expected = sortFindings([
      ...EXPECTED[DNS]!.filter((_, i) => i !== fixed).map((f) => ({ code: f.code, line: moved[f.line - 1]! + 1 })),
      { code: 'section.placeholder', line: prompt },
    ]);
    assert.deepEqual(findingsOf(after), expected);
  });

  it('"Insert all missing sections" and source.fixAll.postmortem each remove every section.missing', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    await waitForFindings(uri, EXPECTED[DNS]!);
    // Two sections missing: the example's root cause renamed to a heading that names none.
    const line = editor.document.getText().split('\n').indexOf('## Root cause');
    assert.ok(line > 0, 'the example has a "## Root cause" heading');
    await withTimeout(editor.edit((e) => e.replace(new vscode.Range(line, 0, line, '## Root cause'.length), '## Notes')), 'the heading to be renamed');
    const before = await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'section.missing').length === 2, 'two section.missing');
    const target = before.find((d) => codeOf(d) === 'section.missing')!;
    const original = editor.document.getText();

    const actions = await codeActions(uri, target.range, vscode.CodeActionKind.QuickFix);
    const all = actions.find((a) => a.title === 'Insert all missing sections');
    assert.ok(all, `no quick fix for all the missing sections; offered: ${actions.map((a) => a.title).join(' | ') || '(none)'}`);
    await apply(all);
    assertKeepsEveryLine(original, editor.document.getText(), `"${all.title}"`);
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'section.missing'), 'every section.missing to go away');

    // Undo it with an edit of our own, then the same through the fix-all source action.
    await withTimeout(editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original)), 'the text to be restored');
    await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'section.missing').length === 2, 'two section.missing again');
    const fixAll = await codeActions(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.append('postmortem'));
    assert.equal(fixAll.length, 1, `fix-all actions: ${fixAll.map((a) => a.title).join(' | ')}`);
    await apply(fixAll[0]!);
    // Fix-all also sorts the timeline (09:50 moves before 09:55): every line stays, not every line keeps its place.
    const missingLine = firstMissingLine(original, editor.document.getText());
    assert.equal(missingLine, undefined, `source.fixAll.postmortem lost the line ${JSON.stringify(missingLine)}`);
    await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'section.missing'), 'every section.missing to go away');
  });
});
