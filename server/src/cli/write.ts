import { closeSync, constants, fchownSync, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { InputFile } from './read.js';

/** Why a fixed file was not written; the file is as it was. */
export class WriteRefused extends Error {}

/**
 * Writes a fixed text over the file it was read from, atomically: into a new file beside
 * it (same folder, so the same file system), flushed to disk, then renamed over it. A
 * full disk or any other failure leaves the original whole and the temporary file
 * removed. Before the rename the file must still be the regular file that was read,
 * with the same bytes: otherwise it changed meanwhile (an editor saved it) and nothing
 * is written. The new file keeps the original's permissions (and owner, where allowed).
 */
export function writeAtomically(real: string, input: InputFile, text: string): void {
  unchanged(real, input);
  const temp = join(dirname(real), `.${basename(real)}.postmortem-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, input.stat.mode & 0o7777);
    const data = Buffer.from(text, 'utf8');
    for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
    try {
      if (fstatSync(fd).uid !== input.stat.uid || fstatSync(fd).gid !== input.stat.gid) fchownSync(fd, input.stat.uid, input.stat.gid);
    } catch {
      // Only root may give a file away; the file is then the writer's, as with any editor.
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    unchanged(real, input);
    renameSync(temp, real);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Not created, or already renamed.
    }
    if (e instanceof WriteRefused) throw e;
    throw new WriteRefused(`cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); it is unchanged`);
  }
  syncFolder(dirname(real));
}

/** Throws WriteRefused unless `real` is still the regular file that was read, byte for byte. */
function unchanged(real: string, input: InputFile): void {
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    throw new WriteRefused(`changed since it was read (${(e as NodeJS.ErrnoException).code ?? 'gone'}); not written`);
  }
  try {
    const s = fstatSync(fd);
    const same = s.isFile() && s.dev === input.stat.dev && s.ino === input.stat.ino && s.size === input.stat.size && s.mtimeMs === input.stat.mtimeMs;
    if (!same || !sameBytes(fd, input.bytes)) throw new WriteRefused('changed since it was read; not written (run --fix again)');
  } finally {
    closeSync(fd);
  }
}

function sameBytes(fd: number, expected: Buffer): boolean {
  const buffer = Buffer.allocUnsafe(expected.length + 1);
  let length = 0;
  for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
  return length === expected.length && buffer.subarray(0, length).equals(expected);
}

/** Flushes the folder's entry for the renamed file, where the platform allows it. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not supported everywhere (Windows); the rename itself is what makes the write atomic.
  }
}
