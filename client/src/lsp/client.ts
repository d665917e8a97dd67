/**
 * What the Node and the web language clients share: the documents they serve, the options,
 * restarts that the user sees, the configuration files the server asks the editor for, and
 * the server as the rest of the extension uses it.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type BaseLanguageClient,
  type DocumentSelector,
  type ErrorHandler,
  type LanguageClientOptions,
  type Message,
} from 'vscode-languageclient';
import { FindConfigRequest, InsertSectionRequest, OutlineRequest, TimelineRequest } from '../../../server/src/protocol';
import type { PostMortemServer } from '../server/types';
import { findConfig } from './config-files';
import { lensTooltip } from '../../../server/src/view/lens-text';

/**
 * URI schemes of the documents the server checks: files, untitled documents, and the file
 * systems a workspace may live on (github.dev and vscode.dev's `vscode-vfs`, a remote's
 * `vscode-remote` in a browser, @vscode/test-web's `vscode-test-web`), plus whatever scheme the
 * open workspace folders use. Views of other content (`git:` in a diff, `output:`) are left alone.
 */
export function documentSelector(): DocumentSelector {
  const schemes = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web']);
  for (const folder of vscode.workspace.workspaceFolders ?? []) schemes.add(folder.uri.scheme);
  return [...schemes].map((scheme) => ({ scheme, language: 'markdown' }));
}

export function clientOptions(output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'postmortem' },
    outputChannel: output,
    errorHandler: visibleRestarts(output),
    middleware: {
      // The client drops the server's command tooltips: put back what each lens measures.
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          const tooltip = lens.command && lensTooltip(lens.command.title);
          if (lens.command && tooltip) lens.command.tooltip = tooltip;
        }
        return lenses;
      },
    },
  };
}

/**
 * Starts `client` and wraps it as the extension's PostMortemServer. `restart` defaults to a stop
 * and a start: a new server, the same client.
 */
export function serverOf(
  client: BaseLanguageClient,
  output: vscode.LogOutputChannel,
  restart: () => Promise<void> = async () => {
    await client.stop();
    await client.start();
  },
): PostMortemServer {
  client.onRequest(FindConfigRequest, (params) => findConfig(params.uri));
  logStates(client, output);
  output.info('Starting the post-mortem language server.');
  const started = client.start().catch((e: unknown) => {
    output.error(`The post-mortem language server did not start: ${String(e)}`);
    void vscode.window.showErrorMessage(`Post-Mortem: the language server did not start (${String(e)}). See the "Post-Mortem" output.`);
    throw e;
  });

  const running = async () => {
    await started;
    if (client.state === State.Running) return;
    await new Promise<void>((resolve) => {
      const sub = client.onDidChangeState((e) => {
        if (e.newState === State.Running) {
          sub.dispose();
          resolve();
        }
      });
    });
  };

  return {
    client,
    running,
    restart,
    stop: () => client.stop(),
    outline: async (uri) => client.sendRequest(OutlineRequest, { uri }),
    timeline: async (uri) => client.sendRequest(TimelineRequest, { uri }),
    insertSection: async (uri, sectionId) => client.sendRequest(InsertSectionRequest, { uri, sectionId }),
  };
}

/** Logs each start and stop of the server, with the version and the process it runs in. */
function logStates(client: BaseLanguageClient, output: vscode.LogOutputChannel): void {
  let starts = 0;
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      starts++;
      const info = client.initializeResult?.serverInfo;
      const server = info ? `${info.name}${info.version ? ` ${info.version}` : ''}` : 'the post-mortem language server';
      output.info(starts === 1 ? `Started ${server}.` : `Restarted ${server} (start ${starts}).`);
    } else if (e.newState === State.Stopped) {
      output.info('The post-mortem language server stopped.');
    }
  });
}

/** Restarts the server after a crash, up to 5 times in 3 minutes, and tells the user each time. */
function visibleRestarts(output: vscode.LogOutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (_error: Error, _message: Message | undefined, count: number | undefined) => ({
      action: count && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
    }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0]! > 3 * 60_000) restarts.shift();
      if (restarts.length > 5) {
        const message = 'The post-mortem language server crashed 5 times in the last 3 minutes and will not be restarted. Use "Post-Mortem: Restart Language Server" to try again.';
        output.error(message);
        void vscode.window.showErrorMessage(message);
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      output.warn('The post-mortem language server stopped unexpectedly; restarting it.');
      void vscode.window.showWarningMessage('Post-Mortem: the language server stopped unexpectedly and was restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
