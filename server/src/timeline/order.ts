/**
 * Chronological order. An event is out of order when it is earlier than the
 * nearest event before it that it can be compared with: two instants; two local
 * times without a zone; two times on a dateless day count; or, when either is
 * date-only, two dates. Equal times are in order. Newest first throughout is an order too.
 */
import type { OrderIssue, TimelineEvent } from './types.js';

/** How far back to look for a comparable event; keeps the check linear on long timelines. */
const LOOKBACK = 64;

/** Negative, zero or positive as `a` is before, at the same time as, or after `b`; undefined when they cannot be compared. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number | undefined {
  const ka = a.keys;
  const kb = b.keys;
  if (a.dateOnly || b.dateOnly) return ka.day !== undefined && kb.day !== undefined ? ka.day - kb.day : undefined;
  if (ka.instant !== undefined && kb.instant !== undefined) return ka.instant - kb.instant;
  if (ka.instant === undefined && kb.instant === undefined && !a.zone && !b.zone && ka.local !== undefined && kb.local !== undefined) return ka.local - kb.local;
  if (ka.relative !== undefined && kb.relative !== undefined) return ka.relative - kb.relative;
  return undefined;
}

/**
 * Every event earlier than the comparable event before it. A timeline written
 * newest first throughout (no step forward at all) is in order.
 */
export function orderIssues(events: readonly TimelineEvent[]): OrderIssue[] {
  const out: OrderIssue[] = [];
  let forward = 0;
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    for (let j = i - 1; j >= 0 && j >= i - LOOKBACK; j--) {
      const c = compareEvents(events[j]!, e);
      if (c === undefined) continue;
      if (c > 0) out.push({ index: i, previous: j });
      else if (c < 0) forward++;
      break;
    }
  }
  // Three steps back and none forward: written newest first on purpose, not a slip.
  return forward === 0 && out.length >= 3 ? [] : out;
}
