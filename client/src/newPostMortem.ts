import * as vscode from 'vscode';
import type { NewFiles } from './server/types';
import { newFileFolderSegments, newFileName, newPostMortem, SEVERITIES, today } from '../../server/src/templates/postmortem';

/** Inputs of "New Post-Mortem"; given as command arguments they skip the prompts (tests, keybindings). */
export interface NewPostMortemArgs {
  title?: string;
  severity?: string;
}

/**
 * Creates postmortems/YYYY-MM-DD-<slug>.md (folder from postmortem.newFileFolder) in the
 * first workspace folder, or an untitled document in an empty window, and opens it with
 * the summary's prompt selected. Never overwrites: a taken name gets -2, -3… Never writes
 * outside the workspace folder: a folder setting with `..` or an absolute path, or one
 * that leads through a symbolic link out of it, is refused with a message. Returns the
 * new document's URI, or undefined when the user cancelled or the folder was refused.
 */
export async function newPostMortemCommand(files: NewFiles, args?: NewPostMortemArgs): Promise<vscode.Uri | undefined> {
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
    const where = newFileFolderSegments(config.get<string>('newFileFolder'));
    const dir = 'segments' in where ? vscode.Uri.joinPath(folder.uri, ...where.segments) : undefined;
    const problem = 'problem' in where ? where.problem : await files.leavesFolder(folder.uri, dir!);
    if (problem || !dir) {
      void vscode.window.showErrorMessage(`Post-Mortem: ${problem}`);
      return undefined;
    }
    await vscode.workspace.fs.createDirectory(dir);
    const uri = await freeName(files, dir, newFileName(date, title));
    await files.create(uri, text);
    document = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(document);
  const prompt = document.lineAt(summaryLine).range;
  editor.selection = new vscode.Selection(prompt.start, prompt.end);
  editor.revealRange(prompt, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return document.uri;
}

/** A name in `dir` that nothing (file, folder or link, even a dangling one) has yet. */
async function freeName(files: NewFiles, dir: vscode.Uri, name: string): Promise<vscode.Uri> {
  const base = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(dir, n === 1 ? name : `${base}-${n}.md`);
    if (!(await files.exists(uri))) return uri;
  }
}

/** New files through the editor's file system (the web, virtual workspaces): no links to follow there. */
export const workspaceNewFiles: NewFiles = {
  leavesFolder: async () => undefined,
  exists: (uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false),
  create: async (uri, text) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text)),
};

function validZone(zone: string | undefined): string | undefined {
  if (!zone?.trim()) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
    return zone.trim();
  } catch {
    return undefined;
  }
}
