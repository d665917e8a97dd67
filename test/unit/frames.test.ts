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

test('a header block without a usable Content-Length is skipped and reported; the frame behind it passes at once', async () => {
  const next = frame('{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic"}');
  for (const bad of ['garbage\r\n\r\n', 'Content-Length: abc\r\n\r\n', 'Content-Type: x\r\n\r\n']) {
    const r = await run([bad + next]);
    assert.equal(r.out, next, JSON.stringify(bad));
    assert.equal(r.dropped.length, 1);
    assert.match(r.dropped[0]!, /malformed message header/);
  }
});

test('a body that is not JSON is passed on (the reader answers it), and endless garbage is dropped', async () => {
  const notJson = frame('{not json');
  assert.equal((await run([notJson])).out, notJson);
  const r = await run(['x'.repeat(70 * 1024)]);
  assert.equal(r.out, '');
  assert.match(r.dropped[0]!, /without a message header/);
});

test('after each malformed frame the guard finds the next header and passes that frame whole (issue 17)', async () => {
  const body = '{"jsonrpc":"2.0","id":7,"method":"textDocument/hover"}';
  const next = frame('{"jsonrpc":"2.0","id":8,"method":"shutdown"}');
  const shapes: Record<string, string> = {
    'junk bytes': '\u0000\u00ffjunk',
    'a header line without a colon': `Content-Length: ${body.length}\r\nno colon\r\n\r\n${body}`,
    'Content-Length twice': `Content-Length: ${body.length}\r\nContent-Length: 3\r\n\r\n${body}`,
    'LF-only headers': `Content-Length: ${body.length}\n\n${body}`,
    'junk glued to a header': `xyzContent-Length: ${body.length}\r\n\r\n${body}`.replace('xyz', 'xyz\r\n\r\n'),
  };
  for (const [shape, bad] of Object.entries(shapes)) {
    for (const chunks of [[bad + next], [bad, next], Array.from(Buffer.from(bad + next)).map((b) => Buffer.from([b]))]) {
      const r = await run(chunks);
      assert.ok(r.out.endsWith(next), `${shape} (${chunks.length} chunks): ${JSON.stringify(r.out)}`);
      assert.ok(r.dropped.length >= 1, `${shape}: reported`);
    }
  }
  // Shorter than the body: the reader gets the cut JSON (and answers a parse error), the rest is skipped.
  const short = await run([`Content-Length: 10\r\n\r\n${body}` + next]);
  assert.equal(short.out, frame(body.slice(0, 10)) + next);
  // The same length twice is one length; the header passes on in its canonical form.
  const twice = await run([`content-length: ${body.length}\r\nContent-Length:${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`]);
  assert.equal(twice.out, frame(body));
});
