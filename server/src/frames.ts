/**
 * A guard in front of the server's standard input. vscode-jsonrpc's reader, given a
 * header block without a usable Content-Length, reports it and stops reading until more
 * bytes arrive, so a well-formed message right behind it (in the same chunk) would wait,
 * possibly forever. This transform passes well-formed frames through whole and drops
 * malformed header blocks, reporting each, so the next message is always read at once.
 */
import { Transform, type TransformCallback } from 'node:stream';

const TERMINATOR = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/im;
/** Bytes without a header terminator after which they are dropped as garbage. */
const MAX_HEADER_BYTES = 64 * 1024;

export class FrameGuard extends Transform {
  private pending: Buffer[] = [];
  private size = 0;
  /** The header of the frame being read, and its body's length; undefined between frames. */
  private frame: { header: Buffer; length: number } | undefined;

  /** Called with a description of each dropped header block. */
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

  private drain(): void {
    for (;;) {
      if (!this.frame) {
        const buffer = this.takeAll();
        const end = buffer.indexOf(TERMINATOR);
        if (end < 0) {
          if (buffer.length > MAX_HEADER_BYTES) this.onMalformed(`${buffer.length} bytes without a message header`);
          else this.keepRest(buffer);
          return;
        }
        const header = buffer.subarray(0, end).toString('ascii');
        const match = CONTENT_LENGTH.exec(header);
        this.keepRest(buffer.subarray(end + TERMINATOR.length));
        if (!match) {
          this.onMalformed(`a message header without a usable Content-Length: ${JSON.stringify(header.slice(0, 200))}`);
          continue;
        }
        this.frame = { header: buffer.subarray(0, end + TERMINATOR.length), length: Number(match[1]) };
      }
      if (this.size < this.frame.length) return;
      const buffer = this.takeAll();
      this.push(Buffer.concat([this.frame.header, buffer.subarray(0, this.frame.length)]));
      this.keepRest(buffer.subarray(this.frame.length));
      this.frame = undefined;
    }
  }
}
