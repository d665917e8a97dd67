/**
 * The cost of a one-character edit as the language server handles it: the
 * built dist/server.js over stdio, a document opened, then single-character
 * incremental didChange notifications, timed from sending the change to the
 * diagnostics for that version arriving. Measured as a pull client (a
 * textDocument/diagnostic request right after the change, as VS Code does) and
 * as a push-only client (publishDiagnostics, after the server's debounce, which
 * is subtracted).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './bundle';
import { median } from './timing';

export interface EditTiming {
  bytes: number;
  /** Median ms from didChange to the pull response. */
  pullMs: number;
  /** Median ms from didChange to publishDiagnostics, minus the push debounce. */
  pushMs: number;
  /** The server process's peak resident memory (VmHWM), MB, when the OS tells it. */
  serverPeakMb: number | undefined;
}

/** The server's push debounce, read from its source so the subtraction follows it. */
export function pushDebounceMs(): number {
  const source = readFileSync(join(ROOT, 'server', 'src', 'server.ts'), 'utf8');
  const m = /PUSH_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
  if (!m) throw new Error('cannot find PUSH_DEBOUNCE_MS in server/src/server.ts; the push timing cannot subtract the debounce');
  return Number(m[1]);
}

interface Server {
  connection: ProtocolConnection;
  child: ChildProcess;
  published: (uri: string, version: number) => Promise<void>;
}

async function startServer(pull: boolean): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const key = `${p.uri}#${p.version}`;
    waiting.get(key)?.();
    waiting.delete(key);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { synchronization: {}, publishDiagnostics: { versionSupport: true }, ...(pull ? { diagnostic: {} } : {}) },
    },
  });
  await connection.sendNotification('initialized', {});
  const published = (uri: string, version: number) =>
    new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 60 s`)), 60_000);
      waiting.set(`${uri}#${version}`, () => {
        clearTimeout(t);
        resolve();
      });
    });
  return { connection, child, published };
}

async function stopServer(s: Server): Promise<void> {
  await s.connection.sendRequest('shutdown').catch(() => undefined);
  await s.connection.sendNotification('exit').catch(() => undefined);
  await new Promise<void>((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    const t = setTimeout(() => {
      s.child.kill('SIGKILL');
      resolve();
    }, 2000);
    s.child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
  s.connection.dispose();
}

function peakMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** A line in the middle of the timeline (a list entry), where a user would be typing. */
function editLine(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^## Timeline/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  for (let i = (start + end) >> 1; i < end; i++) if (lines[i]!.startsWith('- ')) return { line: i, character: lines[i]!.length };
  throw new Error('no timeline entry to edit in the generated post-mortem');
}

/** Times `edits` one-character edits (typed, then deleted, in turn) in `text`, as a pull and as a push client. */
export async function measureEdits(text: string, edits: number): Promise<EditTiming> {
  const uri = 'file:///bench/postmortems/2024-11-02-checkout.md';
  const at = editLine(text);
  const debounce = pushDebounceMs();
  const result: EditTiming = { bytes: Buffer.byteLength(text), pullMs: NaN, pushMs: NaN, serverPeakMb: undefined };
  for (const pull of [true, false]) {
    const server = await startServer(pull);
    try {
      let version = 1;
      const opened = pull ? undefined : server.published(uri, version);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
      if (pull) await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      else await opened;
      const times: number[] = [];
      for (let i = 0; i < edits; i++) {
        version++;
        const typed = i % 2 === 0;
        const range = typed
          ? { start: at, end: at }
          : { start: at, end: { line: at.line, character: at.character + 1 } };
        const arrived = pull ? undefined : server.published(uri, version);
        const t0 = performance.now();
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range, text: typed ? 'x' : '' }],
        });
        if (pull) await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        else await arrived;
        times.push(performance.now() - t0 - (pull ? 0 : debounce));
      }
      if (pull) result.pullMs = median(times);
      else result.pushMs = median(times);
      const peak = peakMb(server.child.pid);
      if (peak !== undefined) result.serverPeakMb = Math.max(result.serverPeakMb ?? 0, peak);
    } finally {
      await stopServer(server);
    }
  }
  return result;
}
