import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newFileName, newPostMortem, SEVERITIES } from '../templates/postmortem.js';
export { today } from '../templates/postmortem.js';
import { UsageError } from './files.js';
import type { Io } from './io.js';

export interface NewOptions {
  title: string;
  severity: string;
  dir: string;
  timezone: string;
  cwd: string;
  /** Today's date, YYYY-MM-DD (a parameter so tests are deterministic). */
  date: string;
}

/** `postmortem new`: writes the template to DIR/YYYY-MM-DD-<slug>.md; never overwrites. Returns the exit code. */
export function newCommand(options: NewOptions, io: Io): number {
  const severity = options.severity.toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`unknown severity "${options.severity}" (${SEVERITIES.join(', ')})`);
  if (!options.title.trim()) throw new UsageError('new needs a title: postmortem new "Checkout outage"');
  const dir = resolve(options.cwd, options.dir);
  const name = newFileName(options.date, options.title);
  const path = join(dir, name);
  if (existsSync(path)) throw new UsageError(`${join(options.dir, name)} already exists; not overwriting it`);
  const { text } = newPostMortem({ title: options.title, severity, date: options.date, timezone: options.timezone });
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text, { flag: 'wx' });
  } catch (e) {
    throw new UsageError(`cannot write ${join(options.dir, name)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.out(join(options.dir, name));
  return 0;
}
