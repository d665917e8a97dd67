// code-server from npm: a real VS Code (server + web workbench) that runs offline.
// installCodeServer() puts the pinned release under .vscode-test/ on first use;
// startCodeServer() runs it on 127.0.0.1 and resolves once it answers HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from './paths.mjs';
import { freePort, track, waitFor } from './processes.mjs';

/** The pinned release: 4.100.3 is VS Code 1.100.3, the last one that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
// What code-server 4.100.3's @vscode/ripgrep postinstall looks for before it tries GitHub.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_TAG = 'v13.0.0-10';

const INSTALL_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = join(INSTALL_DIR, '.installed');
const ENTRY = join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Finds a program on PATH, or undefined. */
export function which(program) {
  const r = spawnSync('sh', ['-c', `command -v "${program}"`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Stops with one line that says what is missing and how to get it. */
export function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(2);
}

/**
 * Installs code-server@4.100.3 into .vscode-test/ unless it is there already, and returns the
 * path of its entry script. Needs ripgrep and libkrb5-dev (Debian packages) and takes minutes the
 * first time, because native modules are built from source.
 */
export function installCodeServer() {
  if (existsSync(MARKER) && existsSync(ENTRY)) return ENTRY;
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) fail(`code-server ${CODE_SERVER_VERSION} needs Node.js 20; this is Node.js ${process.versions.node}.`);
  const rg = which('rg');
  if (!rg) fail('ripgrep is missing: install it first (Debian/Ubuntu: apt-get install ripgrep).');
  if (!which('krb5-config')) fail('the Kerberos headers are missing: install them first (Debian/Ubuntu: apt-get install libkrb5-dev).');

  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (first use only; builds native modules, takes a few minutes)…`);
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  writeFileSync(join(INSTALL_DIR, 'package.json'), JSON.stringify({ name: 'code-server-install', private: true }) + '\n');

  // @vscode/ripgrep downloads rg from GitHub unless its cache already has the archive:
  // give it Debian's rg in a private TMPDIR.
  const tmp = mkdtempSync(join(CACHE, 'install-tmp-'));
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(cache, { recursive: true });
  const arch = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const stage = join(tmp, 'rg');
  mkdirSync(stage);
  copyFileSync(rg, join(stage, 'rg'));
  const tar = spawnSync('tar', ['-czf', join(cache, `ripgrep-${RIPGREP_TAG}-${arch}.tar.gz`), '-C', stage, 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) fail('could not pack ripgrep for the code-server install (tar failed).');

  const log = join(INSTALL_DIR, 'install.log');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=http', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: INSTALL_DIR,
    env: {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which asks first
    },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(log, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0 || !existsSync(ENTRY)) {
    const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-30).join('\n');
    fail(`installing code-server ${CODE_SERVER_VERSION} failed (npm exit ${r.status ?? r.signal}); the log is in ${log}. Its end:\n${tail}`);
  }
  writeFileSync(MARKER, `${new Date().toISOString()}\n`);
  console.log('code-server installed.');
  return ENTRY;
}

/**
 * Starts code-server on 127.0.0.1 with a free port and no auth, with its own config file, user
 * data and extensions folders, and resolves once it answers HTTP. Rejects with its output when it exits
 * or does not answer within `timeoutMs`. The process is tracked and stopped when the launcher exits.
 */
export async function startCodeServer({ entry, workspace, config, userDataDir, extensionsDir, env = {}, timeoutMs = 120_000, port }) {
  port ??= await freePort();
  const args = [
    entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it stops the extension host too
  });
  track(child, 'code-server');
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`code-server to answer on ${url}`, timeoutMs, async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it answered`);
      }
      try {
        const res = await fetch(`${url}/healthz`);
        return res.ok;
      } catch {
        return false;
      }
    });
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}. Its output:\n${output.join('').trim()}`);
  }
  return { url, port, child, output };
}
