/**
 * The language server as the rest of the client uses it, and what differs between the Node
 * and the web extension hosts. Types only: the implementations are in client/src/lsp/ (bundled
 * apart as dist/client-lsp.js for Node, loaded when a Markdown file that may be a post-mortem is
 * open) and in the entries, client/src/extension.ts and client/src/web/extension.ts.
 */
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { OutlineView, TextEditView, TimelineView } from '../../../server/src/protocol';

export interface PostMortemServer {
  /** The language client (tests reach the server through it). */
  readonly client: BaseLanguageClient;
  /** Resolves once the server runs: now, or after it has (re)started. */
  running(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  outline(uri: string): Promise<OutlineView | null>;
  timeline(uri: string): Promise<TimelineView | null>;
  insertSection(uri: string, sectionId: string): Promise<TextEditView[]>;
}

/** What dist/client-lsp.js exports (and the web bundle holds). */
export interface LspModule {
  startServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): PostMortemServer;
}

/** What the extension does differently in a Node and in a web worker extension host. */
export interface ClientPlatform {
  /** Which extension host this is, for the log: "a Node" or "the browser's web worker". */
  readonly name: string;
  /** The language client's module, loaded on first need. */
  loadLsp(context: vscode.ExtensionContext): LspModule;
  /** Whether a configuration file sits in the document's folder or above it, within the workspace. */
  hasConfigFile(document: vscode.TextDocument): boolean | Promise<boolean>;
  /** How New Post-Mortem checks and writes its file. */
  newFiles: NewFiles;
}

/** What New Post-Mortem needs of a file system: on disk it follows links and writes exclusively. */
export interface NewFiles {
  /** Why `dir` would lie outside the workspace `folder` once links are followed, or undefined. */
  leavesFolder(folder: vscode.Uri, dir: vscode.Uri): Promise<string | undefined>;
  /** True when anything (a file, a folder, a link, even a dangling one) has that name. */
  exists(uri: vscode.Uri): Promise<boolean>;
  /** Writes a new file, never over anything that appeared in the meantime. */
  create(uri: vscode.Uri, text: string): Promise<void>;
}
