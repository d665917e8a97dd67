/**
 * The language server as the rest of the client uses it. Types only: the implementation,
 * with vscode-languageclient (350 KB of the client's 400), is in client/src/lsp/, bundled
 * as dist/client-lsp.js and loaded when a Markdown file that may be a post-mortem is open.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OutlineView, TextEditView, TimelineView } from '../../../server/src/protocol';

export interface PostMortemServer {
  /** The language client (tests reach the server through it). */
  readonly client: LanguageClient;
  /** Resolves once the server runs: now, or after it has (re)started. */
  running(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
  outline(uri: string): Promise<OutlineView | null>;
  timeline(uri: string): Promise<TimelineView | null>;
  insertSection(uri: string, sectionId: string): Promise<TextEditView[]>;
}

/** What dist/client-lsp.js exports. */
export interface LspModule {
  startServer(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): PostMortemServer;
}
