/**
 * The extension, in either extension host: commands, the outline view, the status bar and the
 * timeline preview. The language client itself loads on first need (server/handle.ts). The
 * entries give what differs: extension.ts (Node, dist/client.js) and web/extension.ts
 * (a web worker, dist/web/extension.js).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { newPostMortemCommand, type NewPostMortemArgs } from './newPostMortem';
import { registerOutline } from './outline/register';
import { registerPreview, type PreviewApi } from './preview/register';
import { ServerHandle } from './server/handle';
import { createLog } from './log';
import { learnMore, openExample } from './help';
import type { ClientPlatform } from './server/types';
import type { OutlineView } from '../../server/src/protocol';

/** What the extension returns from activate(): used by the in-editor tests. */
export interface PostMortemApi {
  /** Resolves once the language server is running (loading it if need be). */
  ready(): Promise<void>;
  /** The running client, for tests that need to reach the server. */
  client(): BaseLanguageClient | undefined;
  /** The outline of the active post-mortem, fetched now (undefined when none is active). */
  outline(): Promise<OutlineView | undefined>;
  /** The outline the view shows at the moment, without asking the server. */
  currentOutline(): OutlineView | undefined;
  /** Fires each time the outline view gets new data. */
  readonly onDidChangeOutline: vscode.Event<OutlineView | undefined>;
  /** The timeline preview: which document it shows, what it sent, and a way to post as the page would. */
  preview: PreviewApi;
  /** The status bar item (its text, alignment, colour and accessibility information). */
  readonly status: vscode.StatusBarItem;
  /** The extension's context keys as last set (`postmortem.isPostMortem`, `postmortem.seen`). */
  contextKeys(): Record<string, boolean>;
  /** The "Post-Mortem" output channel's lines so far. */
  log(): readonly string[];
  /** Fires with each line written to the output channel. */
  readonly onDidLog: vscode.Event<string>;
}

let handle: ServerHandle | undefined;

export function activateOn(platform: ClientPlatform, context: vscode.ExtensionContext): PostMortemApi {
  const output = createLog('Post-Mortem');
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? 'unknown');
  output.info(`Post-Mortem ${version} activated in ${platform.name} extension host.`);
  const server = new ServerHandle(context, output, platform);
  handle = server;
  context.subscriptions.push(
    output,
    server,
    vscode.commands.registerCommand('postmortem.restartServer', async () => {
      if (!server.current) return void (await server.start());
      output.info('Restarting the post-mortem language server.');
      await server.current.restart();
    }),
    vscode.commands.registerCommand('postmortem.new', (args?: NewPostMortemArgs) => newPostMortemCommand(platform.newFiles, args)),
    vscode.commands.registerCommand('postmortem.openExample', async () => (await openExample(context.extensionUri)).document.uri),
    vscode.commands.registerCommand('postmortem.learnMore', learnMore),
  );
  const { tracker: outline, status } = registerOutline(context, server);
  const preview = registerPreview(context, server, output, () => outline.document);

  return {
    ready: async () => void (await server.ready()),
    client: () => server.current?.client,
    outline: () => outline.refresh(),
    currentOutline: () => outline.outline,
    onDidChangeOutline: outline.onDidChange,
    preview,
    status,
    contextKeys: () => outline.contextKeys,
    log: () => output.lines,
    onDidLog: output.onDidWrite,
  };
}

export function deactivate(): Thenable<void> | undefined {
  return handle?.current?.stop();
}
