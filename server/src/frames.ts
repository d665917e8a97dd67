/**
 * A guard in front of the server's standard input. vscode-jsonrpc's reader stops at the
 * first malformed frame (junk bytes, a header line without a colon, Content-Length twice,
 * headers ended by LF only, a Content-Length smaller than the body) and never reads
 * another message, shutdown included (issue 17). This transform checks each header block
 * against the base protocol's grammar and passes well-formed frames on with a canonical
 * header; after a malformed one it reports it and resynchronises: it skips to the next
 * `Content-Length:` header and reads on from there.
 */
import { Transform, type TransformCallback } from 'node:stream';

const TERMINATOR = Buffer.from('\r\n\r\n', 'ascii');
const NAME = 'content-length';
/** Bytes without a header terminator after which they are dropped as garbage. */
const MAX_HEADER_BYTES = 64 * 1024;
/** A larger body is refused rather than buffered: a 10 MB document is far below it. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;
/** A header field name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export class FrameGuard extends Transform {
  private pending: Buffer[] = [];
  private size = 0;
  /** The body length of the frame being read; undefined between frames. */
  private frameLength: number | undefined;

  /** Called with a description of each malformed part that was skipped. */
  onMalformed: (what: string) => void = () => undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.size += chunk.length;
    this.drain();
    done();
  }

  private takeAll(): Buffer {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.size);
    this.pending = [];
    this.size = 0;
    return all;
  }

  private keepRest(rest: Buffer): void {
    if (rest.length) {
      this.pending = [rest];
      this.size = rest.length;
    }
  }

  /** Skips to the next `Content-Length:` at `from` or after; keeps a tail that may be the start of one. */
  private resync(buffer: Buffer, from: number): void {
    const next = findHeaderStart(buffer, from);
    this.keepRest(next >= 0 ? buffer.subarray(next) : buffer.subarray(Math.max(from, buffer.length - NAME.length)));
  }

  private drain(): void {
    for (;;) {
      if (this.frameLength === undefined) {
        const buffer = this.takeAll();
        if (!buffer.length) return;
        const end = buffer.indexOf(TERMINATOR);
        if (end < 0) {
          if (buffer.length <= MAX_HEADER_BYTES) return this.keepRest(buffer);
          this.onMalformed(`${buffer.length} bytes without a message header`);
          this.resync(buffer, 1);
          continue;
        }
        const header = parseHeader(buffer.subarray(0, end).toString('latin1'));
        if (typeof header === 'string') {
          this.onMalformed(`a malformed message header (${header}): ${JSON.stringify(buffer.subarray(0, Math.min(end, 200)).toString('latin1'))}`);
          this.resync(buffer, 1);
          continue;
        }
        this.frameLength = header;
        this.keepRest(buffer.subarray(end + TERMINATOR.length));
      }
      if (this.size < this.frameLength) return;
      const buffer = this.takeAll();
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${this.frameLength}\r\n\r\n`, 'ascii'), buffer.subarray(0, this.frameLength)]));
      this.keepRest(buffer.subarray(this.frameLength));
      this.frameLength = undefined;
    }
  }
}

/** The body length a header block gives, or what is wrong with it. */
export function parseHeader(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    if (line.includes('\n') || line.includes('\r')) return 'a line ended by LF or CR alone';
    const colon = line.indexOf(':');
    if (colon < 0) return 'a line without a colon';
    const name = line.slice(0, colon);
    if (!TOKEN.test(name)) return 'a header name that is not a token';
    if (name.toLowerCase() !== NAME) continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return 'a Content-Length that is not a number';
    const n = Number(value);
    if (n > MAX_BODY_BYTES) return `a Content-Length over ${MAX_BODY_BYTES} bytes`;
    if (length !== undefined && length !== n) return 'two different Content-Length values';
    length = n;
  }
  return length ?? 'no Content-Length';
}

/** Where the next `Content-Length:` (any case) starts at `from` or after, or -1. */
function findHeaderStart(buffer: Buffer, from: number): number {
  for (let colon = buffer.indexOf(0x3a, from + NAME.length); colon >= 0; colon = buffer.indexOf(0x3a, colon + 1)) {
    const start = colon - NAME.length;
    let i = 0;
    while (i < NAME.length && (buffer[start + i]! | (buffer[start + i]! >= 0x41 && buffer[start + i]! <= 0x5a ? 0x20 : 0)) === NAME.charCodeAt(i)) i++;
    if (i === NAME.length) return start;
  }
  return -1;
}
