/**
 * The extension in the browser's web worker extension host (dist/web/extension.js): vscode.dev,
 * github.dev, and VS Code in a browser without a Node extension host. One bundle with the
 * language client; the server runs in a worker of its own (dist/web/server.js). No Node here:
 * files are read through vscode.workspace.fs.
 */
import type * as vscode from 'vscode';
import { activateOn, deactivate, type PostMortemApi } from '../activate';
import * as lsp from '../lsp/browser';
import { findConfig } from '../lsp/config-files';
import type { ClientPlatform } from '../server/types';
import { workspaceNewFiles } from '../newPostMortem';

export type { PostMortemApi };
export { deactivate };

const web: ClientPlatform = {
  name: "the browser's web worker",
  loadLsp: () => lsp,
  hasConfigFile: async (document) => (await findConfig(document.uri.toString())) !== null,
  newFiles: workspaceNewFiles,
};

export function activate(context: vscode.ExtensionContext): PostMortemApi {
  return activateOn(web, context);
}
