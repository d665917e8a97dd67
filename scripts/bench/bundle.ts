/**
 * Builds the service the way the server bundle is built (esbuild, bundled,
 * minified but for identifiers, no keepNames) and loads it, so the benchmark times the code that
 * ships rather than tsx's on-the-fly transpilation (which wraps every inner
 * function in a naming helper and distorts the profile).
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as Service from '../../server/src/service';

export const ROOT = resolve(__dirname, '..', '..');

export type ServiceModule = typeof Service;

export interface ServiceBundle {
  service: ServiceModule;
  /** The bundle's path, for child processes; valid until `dispose`. */
  file: string;
  /** A scratch folder for the run, removed by `dispose`. */
  dir: string;
  dispose(): void;
}

/** Bundles server/src/service.ts into a temporary folder and requires it. */
export async function loadServiceBundle(): Promise<ServiceBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  const file = join(dir, 'service.js');
  await build({
    entryPoints: [join(ROOT, 'server', 'src', 'service.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Minified as the production bundles are, except identifiers, so that a
    // --cpu-prof of the benchmark names the functions (names cost V8 nothing).
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    outfile: file,
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const service = require(file) as ServiceModule;
  return { service, file, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
