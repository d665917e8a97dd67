/** Node only: whether a configuration file sits beside a file on disk or in a folder above it, within the workspace. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_NAMES } from '../../../server/src/config/names';

export function hasConfigFile(path: string, roots: readonly string[]): boolean {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (CONFIG_NAMES.some((f) => existsSync(join(dir, f)))) return true;
    if (roots.includes(dir) || dirname(dir) === dir) return false;
  }
}
