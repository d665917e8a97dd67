/**
 * Runs in a worker thread (see isolated.ts): checks the invariants on each text
 * it is sent, so that a test's timeout can stop a check that never returns.
 */
import { parentPort } from 'node:worker_threads';
import { checkInvariants, type CheckOptions } from './invariants.js';

export interface WorkerRequest {
  id: number;
  text: string;
  options: CheckOptions;
}

export type WorkerReply = { id: number; ok: true; summary: ReturnType<typeof checkInvariants> } | { id: number; ok: false; error: string };

parentPort!.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, summary: checkInvariants(request.text, request.options) };
  } catch (e) {
    reply = { id: request.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
