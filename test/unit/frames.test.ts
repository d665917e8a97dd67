import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameGuard } from '../../server/src/frames.js';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Feeds chunks through a guard; returns what came out and what was reported. */
async function run(chunks: Array<string | Buffer>): Promise<{ out: string; dropped: string[] }> {
  const guard = new FrameGuard();
  const dropped: string[] = [];
  guard.onMalformed = (what) => dropped.push(what);
  const out: Buffer[] = [];
  guard.on('data', (b: Buffer) => out.push(b));
  for (const c of chunks) guard.write(typeof c === 'string' ? Buffer.from(c) : c);
  guard.end();
  await new Promise((resolve) => guard.on('end', resolve));
  return { out: Buffer.concat(out).toString(), dropped };
}

test('well-formed frames pass through whole, however they are chunked', async () => {
  const a = frame('{"jsonrpc":"2.0","id":1,"method":"x"}');
  const b = frame('{"jsonrpc":"2.0","method":"é😀"}');
  const whole = a + b;
  assert.equal((await run([whole])).out, whole);
  const bytes = Buffer.from(whole);
  const oneByOne = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
  assert.equal((await run(oneByOne)).out, whole, 'byte by byte, even inside a multi-byte character');
});

test('a header block without a usable Content-Length is dropped and reported; the frame behind it passes at once', async () => {
  const next = frame('{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic"}');
  for (const bad of ['garbage\r\n\r\n', 'Content-Length: abc\r\n\r\n', 'Content-Type: x\r\n\r\n']) {
    const r = await run([bad + next]);
    assert.equal(r.out, next, JSON.stringify(bad));
    assert.equal(r.dropped.length, 1);
    assert.match(r.dropped[0]!, /without a usable Content-Length/);
  }
});

test('a body that is not JSON is passed on (the reader answers it), and endless garbage is dropped', async () => {
  const notJson = frame('{not json');
  assert.equal((await run([notJson])).out, notJson);
  const r = await run(['x'.repeat(70 * 1024)]);
  assert.equal(r.out, '');
  assert.match(r.dropped[0]!, /without a message header/);
});
