import * as vscode from 'vscode';
import { newFileName, newPostMortem, SEVERITIES, today } from '../../server/src/templates/postmortem';

/** Inputs of "New Post-Mortem"; given as command arguments they skip the prompts (tests, keybindings). */
export interface NewPostMortemArgs {
  title?: string;
  severity?: string;
}

/**
 * Creates postmortems/YYYY-MM-DD-<slug>.md (folder from postmortem.newFileFolder) in the
 * first workspace folder, or an untitled document in an empty window, and opens it with
 * the summary's prompt selected. Never overwrites: a taken name gets -2, -3… Returns the
 * new document's URI, or undefined when the user cancelled.
 */
export async function newPostMortemCommand(args?: NewPostMortemArgs): Promise<vscode.Uri | undefined> {
  const title =
    args?.title ??
    (await vscode.window.showInputBox({
      title: 'New Post-Mortem',
      prompt: 'Title of the incident',
      placeHolder: 'Checkout failures after a connection pool change',
      validateInput: (v) => (v.trim() ? undefined : 'A title, please'),
    }));
  if (!title?.trim()) return undefined;
  const severity =
    args?.severity ??
    (await vscode.window.showQuickPick([...SEVERITIES], { title: 'New Post-Mortem', placeHolder: 'Severity of the incident' }));
  if (!severity) return undefined;

  const config = vscode.workspace.getConfiguration('postmortem');
  const timezone = validZone(config.get<string>('defaultTimezone')) ?? 'UTC';
  const date = today(timezone);
  const { text, summaryLine } = newPostMortem({ title, severity: severity.toUpperCase(), date, timezone });

  const folder = vscode.workspace.workspaceFolders?.[0];
  let document: vscode.TextDocument;
  if (!folder) {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  } else {
    const dir = vscode.Uri.joinPath(folder.uri, ...(config.get<string>('newFileFolder') || 'postmortems').split(/[\\/]+/).filter(Boolean));
    await vscode.workspace.fs.createDirectory(dir);
    const uri = await freeName(dir, newFileName(date, title));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(document);
  const prompt = document.lineAt(summaryLine).range;
  editor.selection = new vscode.Selection(prompt.start, prompt.end);
  editor.revealRange(prompt, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return document.uri;
}

async function freeName(dir: vscode.Uri, name: string): Promise<vscode.Uri> {
  const base = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(dir, n === 1 ? name : `${base}-${n}.md`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

function validZone(zone: string | undefined): string | undefined {
  if (!zone?.trim()) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return zone.trim();
  } catch {
    return undefined;
  }
}
