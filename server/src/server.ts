/**
 * The language server: a thin adapter from LSP to the service in service.ts, on a connection
 * and a host that its entries give: server-node.ts (dist/server.js, a Node process) and
 * server-browser.ts (dist/web/server.js, a browser worker).
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  CodeActionKind,
  CodeActionTriggerKind,
  LSPErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Diagnostic,
  type CodeAction,
  type CompletionItem,
  type InitializeResult,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertSectionRequest, OutlineRequest, ProcessIdRequest } from './protocol.js';
import { fullOutlineView } from './view/outline.js';
import { timelineLenses } from './view/lenses.js';
import { insertSectionsEdits } from './fixes/insert-section.js';
import { CANONICAL_ORDER } from './model/sections.js';
import { sectionDef } from './config/sections.js';
import type { ConfigFile } from './config/parse.js';
import { settingsWith } from './config/resolve.js';
import {
  analyze,
  codeActions,
  completions,
  hover,
  ruleHelpUri,
  type Analysis,
  type CompletionResult,
  type Finding,
  type Fix,
  type Settings,
} from './service.js';
import { TimelineRequest } from './protocol.js';
import { timelineView } from './timeline/view.js';

const FIX_ALL_KIND = 'source.fixAll.postmortem';
/** The extension's version, put in by the bundler (scripts/build.mjs); "dev" when run from source. */
declare const __VERSION__: string | undefined;
const SERVER_VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
const PUSH_DEBOUNCE_MS = 200;

/** What the server needs from where it runs. */
export interface ServerHost {
  /** The path the `files` globs see for a document, or undefined (an untitled document). */
  pathOf(uri: string): string | undefined;
  /** The configuration file that applies to a document, or undefined. Never rejects. */
  configFor(uri: string): Promise<ConfigFile | undefined>;
  /** Drops what is known of configuration files: one of them changed. */
  forgetConfigs(): void;
  /** Resolves once the messages already received have been read (a cancellation among them). */
  yieldToMessages(): Promise<void>;
  /** Identifies this server: its process id, or a number drawn once per browser worker. */
  readonly pid: number;
}

/** Answers LSP on `connection` with the service, and starts listening. */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);

  let pullDiagnostics = false;
  let configurationSupport = false;
  let refreshSupport = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationSupport = !!caps.workspace?.configuration;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    dynamicConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    watchConfigFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [':', ' '] },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'postmortem-language-server', version: SERVER_VERSION },
    };
  });

  let dynamicConfigurationChange = false;
  let watchConfigFiles = false;

  connection.onInitialized(() => {
    connection.console.info(`postmortem-language-server ${SERVER_VERSION} started (process ${host.pid}).`);
    if (dynamicConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch(() => undefined);
    }
    if (watchConfigFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc{.json,.yaml,.yml}' }] })
        .catch(() => undefined);
    }
  });

  // For the in-editor tests, which kill the server and watch the client restart it.
  connection.onRequest(ProcessIdRequest, () => ({ pid: host.pid }));

  // VS Code's postmortem.* settings per document, asked of the client once and dropped when they change.
  const editorSettings = new Map<string, Promise<unknown>>();
  const reportedConfigProblems = new Set<string>();

  /** The settings for a document: VS Code's postmortem.* over the configuration file found upward from it. */
  async function settingsFor(uri: string): Promise<Settings> {
    let raw = editorSettings.get(uri);
    if (!raw) {
      raw = configurationSupport
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }).then((r: unknown) => r, () => undefined)
        : Promise.resolve(undefined);
      editorSettings.set(uri, raw);
    }
    const config = await host.configFor(uri);
    const settings = settingsWith(config, await raw);
    for (const problem of settings.configProblems) {
      if (reportedConfigProblems.has(problem)) continue;
      reportedConfigProblems.add(problem);
      connection.console.warn(`Configuration: ${problem}`);
    }
    return settings;
  }

  // The analysis of each open document's latest version, computed at most once per version.
  const analyses = new Map<string, { version: number; analysis: Promise<Analysis> }>();

  function analysisOf(doc: TextDocument): Promise<Analysis> {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const analysis = settingsFor(doc.uri).then((settings) =>
      analyze(doc.getText(), { path: host.pathOf(doc.uri), settings }),
    );
    analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
  };

  function toDiagnostic(f: Finding): Diagnostic {
    return {
      range: f.range,
      severity: SEVERITY[f.severity],
      code: f.code,
      codeDescription: { href: ruleHelpUri(f.code) },
      source: 'postmortem',
      message: f.message,
      ...(f.data !== undefined ? { data: f.data } : {}),
    };
  }

  async function diagnosticsOf(doc: TextDocument): Promise<Diagnostic[]> {
    return (await analysisOf(doc)).findings.map(toDiagnostic);
  }

  // Pull: the client asks when it wants them.
  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    // Let messages already waiting be read first: when the user typed on, the client has
    // cancelled this pull, and the analysis of a version nobody will see is skipped.
    await host.yieldToMessages();
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled by the client');
    const current = documents.get(params.textDocument.uri);
    if (!current) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: await diagnosticsOf(current) };
  });

  // Push: for clients without pull support, publish after a short pause in typing.
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  function schedulePush(doc: TextDocument, delay = PUSH_DEBOUNCE_MS): void {
    if (pullDiagnostics) return;
    clearTimeout(pending.get(doc.uri));
    pending.set(
      doc.uri,
      setTimeout(() => {
        pending.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        const version = current.version;
        void diagnosticsOf(current).then(
          (diagnostics) => {
            if (documents.get(doc.uri)?.version === version) void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
          },
          (e) => connection.console.error(`diagnostics failed for ${doc.uri}: ${String(e)}`),
        );
      }, delay),
    );
  }

  documents.onDidOpen((e) => schedulePush(e.document, 0));
  documents.onDidChangeContent((e) => schedulePush(e.document));
  documents.onDidClose((e) => {
    analyses.delete(e.document.uri);
    editorSettings.delete(e.document.uri);
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** Settings changed: drop every analysis and have the client re-validate. */
  function revalidateAll(): void {
    analyses.clear();
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const doc of documents.all()) schedulePush(doc, 0);
    }
  }

  connection.onDidChangeConfiguration(() => {
    editorSettings.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    host.forgetConfigs();
    reportedConfigProblems.clear();
    revalidateAll();
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = await analysisOf(doc);
    const refs = params.context.diagnostics
      .filter((d) => d.source === 'postmortem' && typeof d.code === 'string')
      .map((d) => ({ code: d.code as string, range: d.range, data: d.data }));
    // An automatic request (the light bulb, as the cursor moves) shows quick fixes only: skip
    // the fix-all, which costs an analysis per round, unless the client asked for it by kind.
    const automatic = params.context.triggerKind === CodeActionTriggerKind.Automatic && !params.context.only?.length;
    const fixes = codeActions(analysis, refs, automatic ? [CodeActionKind.QuickFix] : params.context.only).map((fix) => toCodeAction(fix, doc.uri));
    const only = params.context.only;
    const quickFixes = !only?.length || only.some((k) => k === CodeActionKind.QuickFix || k === 'quickfix' || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === '');
    return quickFixes ? [...fixes, ...learnMore(params.context.diagnostics)] : fixes;
  });

  /** "Learn more about CODE": one per code among the diagnostics, opening the rule's documentation. */
  function learnMore(diagnostics: readonly Diagnostic[]): CodeAction[] {
    const codes = [...new Set(diagnostics.filter((d) => d.source === 'postmortem' && typeof d.code === 'string').map((d) => d.code as string))];
    return codes.map((code) => ({
      title: `Learn more about ${code}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter((d) => d.code === code),
      command: { title: `Learn more about ${code}`, command: 'postmortem.learnMore', arguments: [code, ruleHelpUri(code)] },
    }));
  }

  function toCodeAction(fix: Fix, uri: string): CodeAction {
    const cursor = fix.kind === 'quickfix' && fix.findings.every((f) => f.code === 'section.missing') ? insertedPromptLine(fix) : undefined;
    return {
      title: fix.title,
      kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : FIX_ALL_KIND,
      diagnostics: fix.findings.map(toDiagnostic),
      ...(fix.isPreferred ? { isPreferred: true } : {}),
      edit: { changes: { [uri]: fix.edits } },
      // Once inserted, the cursor goes to the (first) new section's prompt, ready to be replaced.
      ...(cursor !== undefined ? { command: { title: 'Go to the new section', command: 'postmortem.revealLine', arguments: [uri, cursor] } } : {}),
    };
  }

  /** The line of the first inserted section's prompt (its heading, a blank line, the prompt), in the edited document. */
  function insertedPromptLine(fix: Fix): number | undefined {
    const first = [...fix.edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
    if (!first || first.range.start.line !== first.range.end.line || first.range.start.character !== first.range.end.character) return undefined; // not an insertion
    // Line k of the inserted text lands on the insertion's line + k; edits after it do not move it.
    const heading = first.newText.split(/\r?\n/).findIndex((l) => /^#{1,6}\s/.test(l));
    return heading < 0 ? undefined : first.range.start.line + heading + 2;
  }

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const h = hover(await analysisOf(doc), params.position);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, ...(h.range ? { range: h.range } : {}) } : null;
  });

  const COMPLETION_KIND: Record<CompletionResult['kind'], CompletionItemKind> = {
    property: CompletionItemKind.Property,
    value: CompletionItemKind.Value,
    enum: CompletionItemKind.EnumMember,
    snippet: CompletionItemKind.Snippet,
    text: CompletionItemKind.Text,
    constant: CompletionItemKind.Constant,
  };

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return completions(await analysisOf(doc), params.position).map(
      (c): CompletionItem => ({
        label: c.label,
        kind: COMPLETION_KIND[c.kind],
        ...(c.detail ? { detail: c.detail } : {}),
        ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
        ...(c.sortText ? { sortText: c.sortText } : {}),
        ...(c.range ? { textEdit: { range: c.range, newText: c.insertText ?? c.label } } : c.insertText ? { insertText: c.insertText } : {}),
        insertTextFormat: c.kind === 'snippet' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      }),
    );
  });

  connection.onRequest(OutlineRequest, async (params) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const analysis = await analysisOf(doc);
    return analysis.postMortem ? fullOutlineView(analysis, doc.uri, doc.version) : null;
  });

  connection.onRequest(InsertSectionRequest, async (params) => {
    const doc = documents.get(params.uri);
    if (!doc || typeof params.sectionId !== 'string') return [];
    const analysis = await analysisOf(doc);
    const known = sectionDef(analysis.settings, params.sectionId) || (CANONICAL_ORDER as readonly string[]).includes(params.sectionId);
    return known ? insertSectionsEdits(analysis.model, [params.sectionId], analysis.settings) : [];
  });

  connection.onRequest(TimelineRequest, async (params) => {
    const doc = documents.get(params.uri);
    if (!doc) return null;
    const version = doc.version;
    const analysis = await analysisOf(doc);
    return analysis.postMortem ? timelineView(analysis, doc.uri, version) : null;
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = await analysisOf(doc);
    return timelineLenses(analysis, doc.uri, doc.version).map((l) => ({
      range: l.range,
      // `tooltip` is LSP 3.18's; clients that do not know it ignore it.
      command: { title: l.title, command: l.command, arguments: l.arguments, tooltip: l.tooltip },
    }));
  });

  documents.listen(connection);
  connection.listen();
}
