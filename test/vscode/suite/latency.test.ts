/**
 * Edit to squiggle in the real editor: the time from an edit to the changed diagnostics on
 * screen (VS Code's diagnostics collection), for each example. Printed, never asserted against a
 * clock: the figures go in the closing note; the test fails only if a squiggle never comes.
 */
import * as vscode from 'vscode';
import { EXPECTED } from '../expected.js';
import { codeOf, postMortemDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const ROUNDS = 10;

/** Resolves with the milliseconds from now until the document's diagnostics satisfy `accept`. */
function timeUntil(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, start: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('no squiggle change within 30 s'));
    }, 30_000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !accept(postMortemDiagnostics(uri))) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(performance.now() - start);
    });
  });
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${Math.round(at(0.5))} ms, min ${Math.round(sorted[0]!)} ms, p90 ${Math.round(at(0.9))} ms, max ${Math.round(sorted.at(-1)!)} ms over ${times.length} edits`;
}

describe('edit-to-squiggle latency', () => {
  afterEach(closeAllEditors);

  for (const file of Object.keys(EXPECTED).filter((f) => f.startsWith('examples/'))) {
    it(`${file}: a TODO typed into the summary shows as template text, and goes when removed`, async () => {
      const editor = await openInEditor(file);
      const uri = editor.document.uri;
      await waitForFindings(uri, EXPECTED[file]!);
      const heading = editor.document.getText().split('\n').findIndex((l) => /^## .*Summary/.test(l));
      const line = heading + 2;
      const placeholders = () => postMortemDiagnostics(uri).filter((d) => codeOf(d) === 'section.placeholder' && d.range.start.line === line).length;
      const base = placeholders();
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const add = i % 2 === 0;
        const end = editor.document.lineAt(line).range.end;
        const start = performance.now();
        const changed = timeUntil(uri, () => (add ? placeholders() > base : placeholders() === base), start);
        const edited = add
          ? editor.edit((e) => e.insert(end, ' TODO: say more.'))
          : editor.edit((e) => e.delete(new vscode.Range(end.translate(0, -' TODO: say more.'.length), end)));
        if (!(await edited)) throw new Error('the edit was not applied');
        times.push(await changed);
      }
      console.log(`    edit-to-squiggle latency, ${file}: ${summary(times)}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  }
});
