import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import {
  createProtocolConnection,
  StreamMessageReader,
  AbstractMessageWriter,
  type Message,
  type MessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type ProtocolConnection,
  type Diagnostic,
  type CodeAction,
  type ServerCapabilities,
  type TextDocumentContentChangeEvent,
  type CancellationToken,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { SERVER, requireBuilt } from './run.js';

export interface StartOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic) and refresh support. */
  pull: boolean;
  /** What workspace/configuration answers for the `postmortem` section. */
  settings?: unknown;
  transport?: '--stdio' | '--node-ipc' | '--socket';
}

const TIMEOUT_MS = 15_000;

/**
 * Writes each message as one write, in order, through one queue, which raw writes join
 * too: a malformed message written by a test can never land inside a message the
 * connection is writing (an answer to the server's own requests, say).
 */
class QueuedWriter extends AbstractMessageWriter implements MessageWriter {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
  }

  write(message: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return this.enqueue(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  enqueue(data: string | Buffer): Promise<void> {
    const written = this.queue.then(() => new Promise<void>((resolve, reject) => this.stream.write(data, (e) => (e ? reject(e) : resolve()))));
    this.queue = written.catch(() => undefined);
    return written;
  }

  end(): void {}
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), TIMEOUT_MS);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** A minimal LSP client that drives dist/server.js as a real editor would. */
export class LspClient {
  settings: unknown;
  capabilities: ServerCapabilities = {};
  private published = new Map<string, Diagnostic[][]>();
  private waiters = new Map<string, Array<(d: Diagnostic[]) => void>>();
  private refreshWaiters: Array<() => void> = [];
  private refreshes = 0;
  readonly stderr: string[] = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    private readonly server?: Server,
    private readonly writer?: QueuedWriter,
  ) {}

  static async start(options: StartOptions): Promise<LspClient> {
    requireBuilt(SERVER);
    const transport = options.transport ?? '--stdio';
    let connection: ProtocolConnection;
    let child: ChildProcess;
    let server: Server | undefined;
    let writer: QueuedWriter | undefined;
    if (transport === '--stdio') {
      child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      writer = new QueuedWriter(child.stdin!);
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), writer);
    } else if (transport === '--node-ipc') {
      child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      server = createServer();
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
      const port = (server.address() as { port: number }).port;
      const accepted = new Promise<import('node:net').Socket>((r) => server!.once('connection', r));
      child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['pipe', 'pipe', 'pipe'] });
      const socket = await withTimeout(accepted, 'the server to connect');
      connection = createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    }
    const client = new LspClient(connection, child, server, writer);
    client.settings = options.settings ?? {};
    child.stderr?.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => client.onPublished(p.uri, p.diagnostics));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      for (const w of client.refreshWaiters.splice(0)) w();
      return null;
    });
    connection.listen();
    const result = await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {
          workspace: {
            configuration: true,
            didChangeConfiguration: { dynamicRegistration: true },
            ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
          },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
            ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          },
        },
      }) as Promise<{ capabilities: ServerCapabilities }>,
      'initialize',
    );
    client.capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private onPublished(uri: string, diagnostics: Diagnostic[]) {
    const waiting = this.waiters.get(uri);
    const next = waiting?.shift();
    if (next) next(diagnostics);
    else this.published.set(uri, [...(this.published.get(uri) ?? []), diagnostics]);
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next publishDiagnostics for `uri` not yet consumed. */
  nextPublished(uri: string): Promise<Diagnostic[]> {
    const queued = this.published.get(uri);
    if (queued?.length) return Promise.resolve(queued.shift()!);
    return withTimeout(
      new Promise<Diagnostic[]>((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve])),
      `publishDiagnostics for ${uri}`,
    );
  }

  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await withTimeout(
      this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ kind: string; items: Diagnostic[] }>,
      'textDocument/diagnostic',
    );
    assertFull(report);
    return report.items;
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return withTimeout(
      this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>,
      'textDocument/codeAction',
    );
  }

  notifyConfigurationChanged(): void {
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Resolves when the server asks the client to re-pull diagnostics (after the call, or already once since the last call). */
  refreshRequested(): Promise<void> {
    if (this.refreshes > 0) {
      this.refreshes = 0;
      return Promise.resolve();
    }
    return withTimeout(new Promise<void>((r) => this.refreshWaiters.push(() => { this.refreshes = 0; r(); })), 'workspace/diagnostic/refresh');
  }

  /**
   * A request that may be answered with a result or an error (what a test of bad input
   * expects), within the timeout. `token` lets a test cancel it ($/cancelRequest).
   */
  async settle(method: string, params: unknown, token?: CancellationToken): Promise<Settled> {
    try {
      // A token argument, even undefined, would be sent as a second positional parameter.
      const sent = token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params);
      return { result: await withTimeout(sent as Promise<unknown>, method) };
    } catch (e) {
      if (e instanceof ResponseError) return { error: { code: e.code, message: e.message } };
      throw e;
    }
  }

  /** Sends a notification as it is, whatever its method and parameters. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Writes bytes to the server's standard input unframed and unchecked (a malformed message); stdio only. */
  writeRaw(data: string | Buffer): Promise<void> {
    if (!this.writer) return Promise.reject(new Error('writeRaw needs the stdio transport'));
    return this.writer.enqueue(data);
  }

  /** True while the server process runs. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The process is killed below either way.
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.connection.dispose();
    this.server?.close();
  }
}

/** The answer to a request: its result, or the error the server sent. */
export type Settled = { result: unknown; error?: undefined } | { error: { code: number; message: string }; result?: undefined };

function assertFull(report: { kind: string }): void {
  if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${report.kind}`);
}
