/**
 * New Post-Mortem's files on disk (the Node extension host): links are followed to check
 * that the folder stays inside the workspace, and the file is created exclusively.
 */
import * as vscode from 'vscode';
import { lstat, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative } from 'node:path';
import { workspaceNewFiles } from '../newPostMortem';
import type { NewFiles } from './types';

export const diskNewFiles: NewFiles = {
  /**
   * Why `dir` would lie outside the workspace folder once symbolic links are followed, or
   * undefined when it stays inside: its nearest existing folder must be the workspace
   * folder or inside it. Only file URIs have links to follow.
   */
  async leavesFolder(folder, dir) {
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
  },
  exists(uri: vscode.Uri) {
    if (uri.scheme === 'file') return lstat(uri.fsPath).then(() => true, () => false);
    return workspaceNewFiles.exists(uri);
  },
  /** On disk with O_EXCL, so that nothing that appeared in the meantime (a link included) is followed or overwritten. */
  async create(uri, text) {
    if (uri.scheme === 'file') await writeFile(uri.fsPath, text, { flag: 'wx' });
    else await workspaceNewFiles.create(uri, text);
  },
};
