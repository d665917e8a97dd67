/**
 * One truth in every view: each section's status in the outline matches the diagnostics inside
 * it (✓ only when there are none), and the status bar counts the required sections without problems.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutlineView } from '../../../server/src/protocol.js';
import { EXPECTED } from '../expected.js';
import { codeOf, waitForDiagnostics, waitForFindings } from '../helpers/diagnostics.js';
import { extensionApi } from '../helpers/extension.js';
import { until, withTimeout } from '../helpers/wait.js';
import { closeAllEditors, openInEditor } from '../helpers/workspace.js';

const DNS = 'examples/postmortems/2024-09-14-dns-incident.md';

/** Each present section's diagnostics: those starting between its heading and the next section's. */
function diagnosticsBySection(outline: OutlineView, diagnostics: readonly vscode.Diagnostic[], lineCount: number): Map<string, vscode.Diagnostic[]> {
  const present = outline.sections.filter((s) => s.line !== null).sort((a, b) => a.line! - b.line!);
  const out = new Map<string, vscode.Diagnostic[]>();
  present.forEach((s, i) => {
    const end = present[i + 1]?.line ?? lineCount;
    out.set(s.name, diagnostics.filter((d) => d.range.start.line >= s.line! && d.range.start.line < end));
  });
  return out;
}

async function outlineOf(editor: vscode.TextEditor): Promise<OutlineView> {
  const api = extensionApi();
  const outline = await withTimeout(api.outline(), 'the outline');
  assert.equal(outline?.uri, editor.document.uri.toString(), 'the outline follows the active editor');
  return outline!;
}

describe('outline status and status bar agree with the diagnostics', () => {
  afterEach(closeAllEditors);

  for (const file of Object.keys(EXPECTED)) {
    it(`${file}: ✓ only for sections without diagnostics; the status bar counts them`, async () => {
      const editor = await openInEditor(file);
      const diagnostics = await waitForFindings(editor.document.uri, EXPECTED[file]!);
      const outline = await outlineOf(editor);
      const inside = diagnosticsBySection(outline, diagnostics, editor.document.lineCount);
      for (const s of outline.sections) {
        if (s.line === null) {
          assert.ok(s.status === 'missing' || s.status === 'covered', `${s.name}: ${s.status} without a heading`);
          assert.equal(s.status === 'missing', s.findings.some((f) => f.code === 'section.missing'), `${s.name}: missing only with a section.missing finding`);
          continue;
        }
        const here = inside.get(s.name)!;
        assert.equal(s.status, here.length ? 'incomplete' : 'complete', `${s.name} is ${s.status} with ${here.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ') || 'no diagnostics'}`);
        assert.deepEqual(s.findings.map((f) => f.code).sort(), here.map(codeOf).sort(), `${s.name}: its findings are the diagnostics inside it`);
      }
      const clean = outline.sections.filter((s) => s.id !== null && (s.status === 'complete' || s.status === 'covered')).length;
      // With the default six, all required: the count is exactly the sections without problems.
      if (file.startsWith('examples/')) assert.equal(outline.progress.clean, clean);
      else assert.ok(outline.progress.clean <= clean);
      const api = extensionApi();
      const text = `$(checklist) Post-mortem ${outline.progress.clean}/${outline.progress.required}`;
      await until(api.onDidChangeOutline, () => (api.status.text === text ? true : undefined), `the status bar to say ${text}`, { describe: () => api.status.text });
      assert.equal(api.status.alignment, vscode.StatusBarAlignment.Right);
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      assert.equal(!!api.status.backgroundColor, errors > 0, 'coloured only when there are errors');
      assert.match(api.status.accessibilityInformation?.label ?? '', /required sections without problems/);
    });
  }

  it('the DNS example: the timeline with its ordering error and the action items with their findings are not ✓', async () => {
    const editor = await openInEditor(DNS);
    await waitForFindings(editor.document.uri, EXPECTED[DNS]!);
    const sections = new Map((await outlineOf(editor)).sections.map((s) => [s.id ?? s.name, s]));
    const codes = (id: string) => sections.get(id)?.findings.map((f) => f.code) ?? [];
    assert.equal(sections.get('timeline')?.status, 'incomplete');
    assert.ok(codes('timeline').includes('timeline.order'), codes('timeline').join());
    assert.equal(sections.get('preventive-actions')?.status, 'incomplete');
    assert.ok(codes('preventive-actions').length > 0);
    assert.equal(sections.get('summary')?.status, 'incomplete');
    assert.ok(codes('summary').includes('summary.incomplete'), 'summary.incomplete makes the summary incomplete too');
    assert.equal(sections.get('resolution')?.status, 'covered', 'told in the timeline: no finding, so not ✗');
  });

  it('an error colours the status item; without it the colour goes', async () => {
    const editor = await openInEditor(DNS);
    const uri = editor.document.uri;
    await waitForFindings(uri, EXPECTED[DNS]!);
    const api = extensionApi();
    // timeline.order (line 18) is the example's one error.
    const isError = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'timeline.order' && x.severity === vscode.DiagnosticSeverity.Error);
    await waitForDiagnostics(uri, isError, 'timeline.order as an error');
    await until(vscode.languages.onDidChangeDiagnostics, () => (api.status.backgroundColor ? true : undefined), 'the status item to be red');
    assert.equal((api.status.backgroundColor as vscode.ThemeColor).id, 'statusBarItem.errorBackground');
    assert.match(api.status.accessibilityInformation?.label ?? '', /, 1 error$/);
    const rules = vscode.workspace.getConfiguration('postmortem');
    try {
      await rules.update('rules', { 'timeline.order': 'warning' }, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'timeline.order' && x.severity === vscode.DiagnosticSeverity.Warning), 'timeline.order as a warning');
      await until(vscode.languages.onDidChangeDiagnostics, () => (api.status.backgroundColor ? undefined : true), 'the colour to go with the last error');
      assert.ok(!/error/.test(api.status.accessibilityInformation?.label ?? ''), api.status.accessibilityInformation?.label);
    } finally {
      await rules.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(uri, isError, 'timeline.order as an error again');
  });
});
