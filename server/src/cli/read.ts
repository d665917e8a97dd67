import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { kindOf } from './files.js';

/** Larger files are not read: a post-mortem is a few KB, the checks are tested on 10 MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** A file as read: its text for the checks, and what --fix needs to write it back safely. */
export interface InputFile {
  text: string;
  /** The bytes read, to tell whether the file changed before a fix is written. */
  bytes: Buffer;
  /** Identity and mode of the file read (a fix writes only to that same regular file). */
  stat: { dev: number; ino: number; size: number; mtimeMs: number; mode: number; uid: number; gid: number };
  /** Why --fix must leave the file as it is (its encoding), if it must. */
  notFixable?: string;
}

/** Why a file was not read. */
export interface Unread {
  reason: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8_LOSSY = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads a regular file of at most MAX_FILE_BYTES. Opened with O_NONBLOCK (a FIFO
 * swapped in after the walk cannot block the open) and O_NOFOLLOW (`real` is the
 * resolved path; a link swapped in is refused), then checked with fstat on what was
 * opened: a FIFO or a device is never read. Text that is not UTF-8 is still checked,
 * decoded as UTF-16 when it starts with a UTF-16 byte order mark, else with U+FFFD in
 * place of the bytes that are not UTF-8; `notFixable` then says why --fix must not
 * write it back.
 */
export function readInput(real: string): InputFile | Unread {
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { reason: code === 'ELOOP' ? 'became a symbolic link; not read' : `cannot be read (${code ?? (e as Error).message})` };
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return { reason: `not a regular file (${kindOf(s)}); not read` };
    if (s.size > MAX_FILE_BYTES) return { reason: tooLarge(s.size) };
    // One byte more than the size: reading it means the file grew meanwhile.
    const cap = s.size + 1;
    const buffer = Buffer.allocUnsafe(cap);
    let length = 0;
    for (let n = 1; n > 0 && length < cap; length += n) n = readSync(fd, buffer, length, cap - length, null);
    const after = fstatSync(fd);
    if (length !== s.size || after.size !== s.size || after.mtimeMs !== s.mtimeMs) return { reason: 'changed while it was read; not read' };
    const bytes = buffer.subarray(0, length);
    const stat = { dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, mode: s.mode, uid: s.uid, gid: s.gid };
    return { ...decode(bytes), bytes, stat };
  } catch (e) {
    return { reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

function tooLarge(size: number): string {
  return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB); not read`;
}

function decode(bytes: Buffer): { text: string; notFixable?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), notFixable: 'is UTF-16 (little-endian); checked, never fixed: convert it to UTF-8 to have it fixed' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), notFixable: 'is UTF-16 (big-endian); checked, never fixed: convert it to UTF-8 to have it fixed' };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      text: UTF8_LOSSY.decode(bytes),
      notFixable: `is not valid UTF-8 (byte ${at} is not: Latin-1 or another encoding?); checked with U+FFFD in its place, never fixed`,
    };
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and out-of-range forms.
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += n;
  }
  return bytes.length;
}
