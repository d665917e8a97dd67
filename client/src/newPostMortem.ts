import * as vscode from 'vscode';
import type { NewFiles } from './server/types';
import { newFileFolderSegments, newFileName, newPostMortem, SEVERITIES, today } from '../../server/src/templates/postmortem';

/** Inputs of "New Post-Mortem"; given as command arguments they skip the prompts (tests, keybindings). */
export interface NewPostMortemArgs {
  title?: string;
  /** The incident's date, YYYY-MM-DD (default: today in the zone). */
  date?: string;
  /** IANA zone of the incident's times (default: postmortem.defaultTimezone, else this machine's). */
  timezone?: string;
  severity?: string;
}

/** What each severity means, shown next to it in the picker. */
export const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITIES)[number], string> = {
  SEV1: 'Critical: a core service down or data lost, for many users',
  SEV2: 'Major: a key feature broken or badly degraded for many users',
  SEV3: 'Minor: partly degraded, or a workaround exists',
  SEV4: 'Low: little impact on users',
  SEV5: 'No user impact: internal, cosmetic or a near miss',
};

const STEPS = 4;

/**
 * Creates postmortems/YYYY-MM-DD-<slug>.md (folder from postmortem.newFileFolder, date the
 * incident's) in the first workspace folder, or an untitled document in an empty window, and
 * opens it pinned in the active group with the summary's prompt selected. Asks the title, the
 * incident's date (default today), its zone (default the setting or this machine's) and the
 * severity. Never overwrites: a taken name gets -2, -3… Never writes outside the workspace
 * folder: a folder setting with `..` or an absolute path, or one that leads through a symbolic
 * link out of it, is refused with a message. Returns the new document's URI, or undefined when
 * the user cancelled or the folder was refused.
 */
export async function newPostMortemCommand(files: NewFiles, args?: NewPostMortemArgs): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration('postmortem', folder?.uri);
  const title =
    args?.title ??
    (await vscode.window.showInputBox({
      title: `New Post-Mortem (1/${STEPS})`,
      prompt: 'Title of the incident',
      placeHolder: 'Checkout failures after a connection pool change',
      validateInput: (v) => (v.trim() ? undefined : 'A title, please'),
      ignoreFocusOut: true,
    }));
  if (!title?.trim()) return undefined;
  const defaultZone = validZone(config.get<string>('defaultTimezone')) ?? validZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? 'UTC';
  // Given arguments (tests, keybindings) skip every prompt; what they leave out takes its default.
  const date =
    args?.date ??
    (args ? today(args.timezone ?? defaultZone) : undefined) ??
    (await vscode.window.showInputBox({
      title: `New Post-Mortem (2/${STEPS})`,
      prompt: 'Date of the incident (YYYY-MM-DD); it names the file',
      value: today(args?.timezone ?? defaultZone),
      validateInput: (v) => (validDate(v.trim()) ? undefined : 'A date as YYYY-MM-DD, such as 2025-03-14'),
      ignoreFocusOut: true,
    }));
  if (!date || !validDate(date.trim())) return undefined;
  const timezone =
    args?.timezone ??
    (args ? defaultZone : undefined) ??
    (await vscode.window.showInputBox({
      title: `New Post-Mortem (3/${STEPS})`,
      prompt: 'Time zone of the timeline (an IANA name such as Europe/Berlin, or UTC)',
      value: defaultZone,
      validateInput: (v) => (validZone(v) ? undefined : 'An IANA time zone, such as America/Los_Angeles, or UTC'),
      ignoreFocusOut: true,
    }));
  const zone = validZone(timezone);
  if (!zone) return undefined;
  const severity =
    args?.severity ??
    (
      await vscode.window.showQuickPick(
        SEVERITIES.map((label) => ({ label, description: SEVERITY_DESCRIPTIONS[label] })),
        { title: `New Post-Mortem (4/${STEPS})`, placeHolder: 'Severity of the incident', matchOnDescription: true, ignoreFocusOut: true },
      )
    )?.label;
  if (!severity) return undefined;

  const { text, summaryLine } = newPostMortem({ title, severity: severity.toUpperCase(), date: date.trim(), timezone: zone });

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
    const uri = await freeName(files, dir, newFileName(date.trim(), title));
    await files.create(uri, text);
    document = await vscode.workspace.openTextDocument(uri);
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false, viewColumn: targetColumn() });
  const prompt = document.lineAt(summaryLine).range;
  editor.selection = new vscode.Selection(prompt.start, prompt.end);
  editor.revealRange(prompt, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return document.uri;
}

/**
 * The active group, unless it shows the timeline preview: then the group of the last text
 * editor, so the new file does not land in the preview's group.
 */
function targetColumn(): vscode.ViewColumn {
  const active = vscode.window.tabGroups.activeTabGroup;
  const input = active.activeTab?.input;
  if (input instanceof vscode.TabInputWebview && input.viewType.endsWith('postmortem.preview')) {
    return vscode.window.activeTextEditor?.viewColumn ?? vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One;
  }
  return active.viewColumn;
}

/** True for a real calendar date written YYYY-MM-DD. */
function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
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
