import * as vscode from 'vscode';
import { lstat, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
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
    const where = newFileFolderSegments(config.get<string>('newFileFolder'));
    const dir = 'segments' in where ? vscode.Uri.joinPath(folder.uri, ...where.segments) : undefined;
    const problem = 'problem' in where ? where.problem : await leavesFolder(folder.uri, dir!);
    if (problem || !dir) {
      void vscode.window.showErrorMessage(`Post-Mortem: ${problem}`);
      return undefined;
    }
    await vscode.workspace.fs.createDirectory(dir);
    const uri = await freeName(dir, newFileName(date, title));
    await create(uri, text);
    document = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(document);
  const prompt = document.lineAt(summaryLine).range;
  editor.selection = new vscode.Selection(prompt.start, prompt.end);
  editor.revealRange(prompt, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return document.uri;
}

/**
 * Why `dir` would lie outside the workspace folder once symbolic links are followed, or
 * undefined when it stays inside: its nearest existing folder must be the workspace
 * folder or inside it. Only file URIs have links to follow.
 */
async function leavesFolder(folder: vscode.Uri, dir: vscode.Uri): Promise<string | undefined> {
  if (folder.scheme !== 'file' || dir.scheme !== 'file') return undefined;
  const root = await realpath(folder.fsPath).catch(() => folder.fsPath);
  let existing = dir.fsPath;
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      const rel = relative(root, real);
      if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) return undefined;
      return `postmortem.newFileFolder leads through a symbolic link to ${real}, outside the workspace folder; New Post-Mortem writes only inside it.`;
    }
    if (dirname(existing) === existing) return undefined;
    existing = dirname(existing);
  }
}

/** A name in `dir` that nothing (file, folder or link, even a dangling one) has yet. */
async function freeName(dir: vscode.Uri, name: string): Promise<vscode.Uri> {
  const base = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(dir, n === 1 ? name : `${base}-${n}.md`);
    if (!(await exists(uri))) return uri;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'file') return lstat(uri.fsPath).then(() => true, () => false);
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

/** Writes a new file: on disk with O_EXCL, so that nothing that appeared in the meantime (a link included) is followed or overwritten. */
async function create(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme === 'file') await writeFile(uri.fsPath, text, { flag: 'wx' });
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
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
