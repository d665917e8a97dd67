/**
 * The extension in a Node extension host (dist/client.js): desktop VS Code, a remote, a VS Code
 * server. The language client is bundled apart (dist/client-lsp.js) and required on first need.
 */
import * as vscode from 'vscode';
import { activateOn, deactivate, type PostMortemApi } from './activate';
import { findConfig } from './lsp/config-files';
import { hasConfigFile } from './server/config-probe';
import { diskNewFiles } from './server/disk-new-files';
import type { ClientPlatform, LspModule } from './server/types';

export type { PostMortemApi };
export { deactivate };

const node: ClientPlatform = {
  name: 'a Node',
  // A runtime path, so the bundler leaves the language client in its own file.
  loadLsp: (context) => require(context.asAbsolutePath('dist/client-lsp.js')) as LspModule,
  hasConfigFile: async (document) => {
    if (document.uri.scheme !== 'file') return (await findConfig(document.uri.toString())) !== null;
    return hasConfigFile(document.uri.fsPath, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath));
  },
  newFiles: diskNewFiles,
};

export function activate(context: vscode.ExtensionContext): PostMortemApi {
  return activateOn(node, context);
}
