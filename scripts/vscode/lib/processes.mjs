// The processes a launcher starts, and stopping every one of them however the launcher ends.
import { createServer } from 'node:net';

const tracked = new Set();
// Process group ids of every child started, kept after the child exits: its own children
// (code-server's extension host, which may ignore SIGTERM) stay in the group.
const groups = new Set();
const cleanups = [];
/** @type {Promise<void> | undefined} */
let stopping;

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Remembers a child started with `detached: true`, so its whole process group is stopped at exit. */
export function track(child, name) {
  const entry = { child, name };
  tracked.add(entry);
  groups.add(child.pid);
  child.once('exit', () => tracked.delete(entry));
  return child;
}

/** Runs `fn` (sync or async) when the launcher stops, before the tracked processes are killed. */
export function onStop(fn) {
  cleanups.push(fn);
}

function killGroups(signal) {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, signal);
    } catch {
      groups.delete(pgid); // the whole group is gone
    }
  }
}

/** True once the launcher has begun to stop. */
export function isStopping() {
  return stopping !== undefined;
}

/**
 * Runs the cleanups, then stops every tracked process group (SIGTERM, then SIGKILL after 5 s).
 * Every call returns the same promise.
 */
export function stopAll() {
  stopping ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (e) {
        console.error(`cleanup failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const exited = [...tracked].map(({ child }) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve))));
    killGroups('SIGTERM');
    const timer = setTimeout(() => killGroups('SIGKILL'), 5_000);
    await Promise.all(exited);
    clearTimeout(timer);
    killGroups('SIGKILL'); // whatever is left in the groups
  })();
  return stopping;
}

/** Stops everything, then exits with `code`. */
export async function exit(code) {
  await stopAll();
  process.exit(code);
}

// Ctrl-C, a CI timeout or a crash: stop what we started before going.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (isStopping()) {
      // A second Ctrl-C: do not wait any longer.
      killGroups('SIGKILL');
      process.exit(130);
    }
    console.error(`\n${signal}: stopping the processes this launcher started…`);
    void exit(130);
  });
}
process.on('uncaughtException', (e) => {
  console.error(e);
  void exit(1);
});
process.on('unhandledRejection', (e) => {
  console.error(e);
  void exit(1);
});
// When npm is killed, the shell between it and this launcher dies without passing the signal on:
// notice that the parent is gone, and stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    console.error('\nThe parent process is gone: stopping the processes this launcher started…');
    void exit(130);
  }
}, 1_000).unref();

// Last resort when the event loop ends without exit(): no child survives the launcher.
process.on('exit', () => killGroups('SIGKILL'));

/**
 * Polls `check` (every 200 ms) until it returns true; rejects after `timeoutMs` with `what` in the
 * message, or with the error `check` throws. For launchers only (waiting for a server to listen).
 */
export async function waitFor(what, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
