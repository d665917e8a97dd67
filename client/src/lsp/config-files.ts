/**
 * The configuration file that applies to a document, found through `vscode.workspace.fs`, for a
 * server that cannot read it itself (in a browser worker, or a document on a virtual file system):
 * the nearest `.postmortemrc.*` in the document's folder or above it, up to its workspace folder.
 */
import * as vscode from 'vscode';
import { CONFIG_NAMES, MAX_CONFIG_BYTES } from '../../../server/src/config/names';
import type { FoundConfig } from '../../../server/src/protocol';

/** Never rejects: a file that cannot be read is returned with the reason. */
export async function findConfig(documentUri: string): Promise<FoundConfig | null> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(documentUri, true);
  } catch {
    return null;
  }
  if (uri.scheme === 'untitled' || !uri.path.startsWith('/')) return null;
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  for (let dir = vscode.Uri.joinPath(uri, '..'); ; ) {
    for (const name of CONFIG_NAMES) {
      const found = await read(vscode.Uri.joinPath(dir, name));
      if (found) return found;
    }
    if (root && dir.path.replace(/\/$/, '') === root.path.replace(/\/$/, '')) return null;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return null;
    dir = parent;
  }
}

/** The file at `uri` as found, or null when there is no file there. */
async function read(uri: vscode.Uri): Promise<FoundConfig | null> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return null;
  }
  if (!(stat.type & vscode.FileType.File)) return null;
  const found = { uri: uri.toString(), path: uri.path };
  if (stat.size > MAX_CONFIG_BYTES) return { ...found, problem: `larger than ${MAX_CONFIG_BYTES / 1024} KB; not read` };
  try {
    return { ...found, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (e) {
    return { ...found, problem: `cannot be read (${e instanceof vscode.FileSystemError ? e.code : e instanceof Error ? e.message : String(e)})` };
  }
}
