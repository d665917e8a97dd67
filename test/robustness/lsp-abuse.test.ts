// What a client should never send, sent to the built server (dist/server.js over
// stdio): each request is answered with a result or an error, nothing crashes the
// server, and it keeps serving the next request the same as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { LspClient, type Settled } from '../helpers/lsp.js';
import { fullPostMortem, md } from '../helpers/docs.js';
import { lineLengths, assertRangeInside } from './invariants.js';
import { generatePostMortem } from '../../scripts/bench/generate.js';

const URI = 'file:///work/postmortems/2024-08-20-checkout.md';
const TEXT = fullPostMortem().replace('## Root Cause Analysis', '## Root Cause Analysis 😀').replace('- 14:10 UTC', '- 14:10 UTC 😀');

const summary = (ds: Diagnostic[]) => ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();

/** Opens the document and returns a check that the server still answers as it did. */
async function baseline(c: LspClient): Promise<() => Promise<void>> {
  c.open(URI, TEXT);
  const before = summary(await c.pullDiagnostics(URI));
  return async () => {
    assert.ok(c.running, 'the server is still running');
    assert.deepEqual(summary(await c.pullDiagnostics(URI)), before, 'the next request is answered as before');
  };
}

/** A result or an error, never a hang (the helper times out) and never a dropped connection. */
function answered(s: Settled, what: string): void {
  assert.ok('result' in s || 'error' in s, `${what}: answered`);
  if (s.error) assert.equal(typeof s.error.code, 'number', `${what}: an error with a code`);
}

/** The client's own copy of a document, changed as the server is told, to check ranges against. */
function mirror(text: string) {
  let doc = TextDocument.create(URI, 'markdown', 1, text);
  return {
    change(version: number, changes: TextDocumentContentChangeEvent[]) {
      doc = TextDocument.update(doc, changes, version);
    },
    assertInside(ds: Diagnostic[]) {
      const lengths = lineLengths(doc.getText());
      for (const d of ds) assertRangeInside(d.range, lengths, `diagnostic ${String(d.code)}`);
    },
  };
}

const position = (line: number, character: number) => ({ line, character });
const FAR = [position(100_000, 0), position(0, 100_000), position(-1, -5), position(2 ** 31, 2 ** 31)];

test('positions past the end of the document and negative ones', { timeout: 60_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const stillServing = await baseline(c);
    for (const p of FAR) {
      for (const method of ['textDocument/hover', 'textDocument/completion']) {
        answered(await c.settle(method, { textDocument: { uri: URI }, position: p }), `${method} at ${JSON.stringify(p)}`);
      }
      const range = { start: p, end: position(p.line + 1, p.character) };
      const bogus = { range, code: 'section.missing', source: 'postmortem', message: 'x', data: { sectionId: 'timeline' } };
      answered(await c.settle('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [bogus] } }), 'codeAction');
    }
    await stillServing();
    // An edit whose range lies past the end is clamped, as the client's copy is.
    const copy = mirror(TEXT);
    const change = [{ range: { start: position(999, 999), end: position(1000, 0) }, text: '\n## Extra\n\nText.\n' }];
    c.change(URI, 2, change);
    copy.change(2, change);
    copy.assertInside(await c.pullDiagnostics(URI));
  } finally {
    await c.stop();
  }
});

test('positions inside surrogate pairs, and edits that split a pair', { timeout: 60_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    await baseline(c);
    const lines = TEXT.split('\n');
    const heading = lines.findIndex((l) => l.includes('Root Cause Analysis 😀'));
    const inside = position(heading, lines[heading]!.indexOf('😀') + 1);
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      answered(await c.settle(method, { textDocument: { uri: URI }, position: inside }), method);
    }
    answered(await c.settle('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: inside, end: inside }, context: { diagnostics: [] } }), 'codeAction');
    const copy = mirror(TEXT);
    const changes: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: inside, end: inside }, text: 'x' }], // between the halves: two lone surrogates
      [{ range: { start: position(heading, inside.character - 1), end: position(heading, inside.character) }, text: '' }], // one half removed
    ];
    let version = 1;
    for (const change of changes) {
      c.change(URI, ++version, change);
      copy.change(version, change);
      copy.assertInside(await c.pullDiagnostics(URI));
    }
  } finally {
    await c.stop();
  }
});

test('requests and notifications for a document that was never opened', { timeout: 60_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const stillServing = await baseline(c);
    const uri = 'file:///work/postmortems/never-opened.md';
    const doc = { textDocument: { uri } };
    answered(await c.settle('textDocument/diagnostic', doc), 'diagnostic');
    answered(await c.settle('textDocument/hover', { ...doc, position: position(0, 0) }), 'hover');
    answered(await c.settle('textDocument/completion', { ...doc, position: position(0, 0) }), 'completion');
    answered(await c.settle('textDocument/codeAction', { ...doc, range: { start: position(0, 0), end: position(0, 0) }, context: { diagnostics: [] } }), 'codeAction');
    answered(await c.settle('textDocument/codeLens', doc), 'codeLens');
    answered(await c.settle('postmortem/outline', { uri }), 'postmortem/outline');
    answered(await c.settle('postmortem/insertSection', { uri, sectionId: 'timeline' }), 'postmortem/insertSection');
    answered(await c.settle('postmortem/timeline', { uri }), 'postmortem/timeline');
    await c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.notify('textDocument/didClose', doc);
    await c.notify('textDocument/didSave', doc);
    await stillServing();
  } finally {
    await c.stop();
  }
});

test('versions out of order, a second open, a full replace after incremental edits', { timeout: 60_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    await baseline(c);
    const copy = mirror(TEXT);
    const steps: Array<[number, TextDocumentContentChangeEvent[]]> = [
      [5, [{ range: { start: position(0, 0), end: position(0, 0) }, text: '<!-- v5 -->\n' }]],
      [3, [{ range: { start: position(2, 0), end: position(3, 0) }, text: '' }]],
      [3, [{ range: { start: position(1, 0), end: position(1, 0) }, text: '## Timeline\n' }]],
      [1, [{ text: md('# Replaced', '', '## Summary', '', 'x') }]],
      [7, [{ range: { start: position(4, 0), end: position(4, 1) }, text: '😀' }]],
    ];
    for (const [version, change] of steps) {
      c.change(URI, version, change);
      copy.change(version, change);
      copy.assertInside(await c.pullDiagnostics(URI));
    }
    c.open(URI, TEXT, 2); // opened again without a close
    const again = mirror(TEXT);
    again.assertInside(await c.pullDiagnostics(URI));
    assert.ok(c.running);
  } finally {
    await c.stop();
  }
});

test('a request cancelled mid-way ($/cancelRequest), then the next one', { timeout: 120_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const stillServing = await baseline(c);
    const big = 'file:///work/postmortems/big.md';
    c.open(big, generatePostMortem(1_000_000));
    for (let i = 0; i < 3; i++) {
      const source = new CancellationTokenSource();
      const pending = c.settle('textDocument/diagnostic', { textDocument: { uri: big } }, source.token);
      source.cancel();
      const s = await pending;
      answered(s, 'the cancelled request');
      // Cancelled: RequestCancelled (-32800) or ServerCancelled (-32802); or it finished first.
      if (s.error) assert.ok([-32800, -32802].includes(s.error.code), `cancelled with ${s.error.code} ${s.error.message}`);
      const hover = await c.settle('textDocument/hover', { textDocument: { uri: URI }, position: position(0, 2) });
      answered(hover, 'the next request');
    }
    await stillServing();
  } finally {
    await c.stop();
  }
});

/** One framed message, its length counted in bytes as the protocol requires. */
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

test('malformed JSON and messages that are not JSON-RPC, written as raw bytes', { timeout: 60_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const stillServing = await baseline(c);
    const bodies = [
      '{"jsonrpc":',
      '{not json at all}',
      '\u0000\u0001\u0002',
      'null',
      '[]',
      '"a string"',
      '{"foo": 1}',
      '{"jsonrpc":"2.0","id":"raw-1"}',
      '{"jsonrpc":"2.0","id":"raw-2","method":"textDocument/hover","params":null}',
      '{"jsonrpc":"2.0","id":"raw-3","method":"textDocument/diagnostic","params":{"textDocument":{}}}',
      '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":42}}}',
      '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{}}',
      '{"jsonrpc":"2.0","id":"raw-4","method":"textDocument/codeAction","params":{"textDocument":{"uri":"' + URI + '"},"range":null,"context":{"diagnostics":[{"code":"section.missing","source":"postmortem"}]}}}',
    ];
    for (const body of bodies) {
      await c.writeRaw(frame(body));
      await stillServing();
    }
    // Headers without a usable length: the block is dropped, the next message read.
    for (const raw of ['garbage\r\n\r\n', 'Content-Length: abc\r\n\r\n', 'Content-Type: x\r\n\r\n']) {
      await c.writeRaw(raw);
      await stillServing();
    }
  } finally {
    await c.stop();
  }
});

test('unknown methods: an error for a request, nothing for a notification', { timeout: 60_000 }, async () => {
  const c = await LspClient.start({ pull: true });
  try {
    const stillServing = await baseline(c);
    const unknown = await c.settle('postmortem/noSuchRequest', { uri: URI });
    assert.equal(unknown.error?.code, -32601, 'MethodNotFound');
    answered(await c.settle('$/noSuchRequest', {}), '$/ request');
    await c.notify('postmortem/noSuchNotification', { x: 1 });
    await c.notify('$/noSuchNotification', {});
    await c.notify('textDocument/noSuchThing', null);
    await stillServing();
  } finally {
    await c.stop();
  }
});

/**
 * Malformed frames (issue 17): after each, the reader must find the next message, answer
 * the next request as before, and shut down when asked. Each shape gets a fresh server.
 */
const BODY = '{"jsonrpc":"2.0","id":"framed-1","method":"textDocument/hover","params":{"textDocument":{"uri":"' + URI + '"},"position":{"line":0,"character":0}}}';
const MALFORMED_FRAMES: Record<string, string | Buffer> = {
  'junk bytes before the next header': Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x1b]), Buffer.from('garbage with no header at all; ')]),
  'a header line without a colon': `Content-Length: ${Buffer.byteLength(BODY)}\r\nno colon on this line\r\n\r\n${BODY}`,
  'Content-Length twice, with different values': `Content-Length: ${Buffer.byteLength(BODY)}\r\nContent-Length: 5\r\n\r\n${BODY}`,
  'headers ended by LF only': `Content-Length: ${Buffer.byteLength(BODY)}\n\n${BODY}`,
  'a Content-Length smaller than the body': `Content-Length: 10\r\n\r\n${BODY}`,
  'a header block that is only junk lines': 'x\r\ny\r\n\r\n',
};

for (const [shape, raw] of Object.entries(MALFORMED_FRAMES)) {
  test(`after a malformed frame (${shape}), the next request is answered, shutdown included`, { timeout: 60_000 }, async () => {
    const c = await LspClient.start({ pull: true });
    try {
      const stillServing = await baseline(c);
      await c.writeRaw(raw);
      await stillServing();
      answered(await c.settle('textDocument/hover', { textDocument: { uri: URI }, position: position(0, 2) }), 'hover');
      const shutdown = await c.settle('shutdown', null);
      assert.ok('result' in shutdown, `shutdown: ${JSON.stringify(shutdown.error)}`);
    } finally {
      await c.stop();
    }
  });
}
