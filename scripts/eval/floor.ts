/**
 * The regression floor: the figures `npm run eval` last recorded. The eval test fails
 * when a figure drops below its floor (or false positives per document rise above it).
 * Accuracy is deterministic, so this is a test, not a benchmark.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR } from './corpus.js';
import type { EvalResult } from './run.js';
import type { Figures } from './score.js';

const PATH = join(EVAL_DIR, 'floor.json');

export interface HalfFloor {
  /** Higher is better: overall figures and per-code precision / recall. */
  atLeast: Record<string, number>;
  /** Lower is better. */
  atMost: Record<string, number>;
}

export type Floor = Record<'dev' | 'test' | 'all', HalfFloor>;

function halfFloor(f: Figures): HalfFloor {
  const atLeast: Record<string, number> = {};
  const put = (k: string, v: number | null) => {
    if (v !== null) atLeast[k] = round(v);
  };
  put('sectionMapAccuracy', f.sectionMapAccuracy);
  put('timelineRecall', f.timelineRecall);
  put('instantAccuracy', f.instantAccuracy);
  put('overallPrecision', f.overallPrecision);
  put('problemRecall', f.problemRecall);
  put('detected', f.postMortems ? f.detected / f.postMortems : null);
  for (const [c, v] of Object.entries(f.precision)) put(`precision:${c}`, v);
  for (const [c, v] of Object.entries(f.recall)) put(`recall:${c}`, v);
  return {
    atLeast,
    atMost: {
      falsePositivesPerDocument: round(f.falsePositivesPerDocument),
      instantsWithoutLabel: f.instantsWithoutLabel,
      impossibleGivenInstant: f.impossibleGivenInstant,
    },
  };
}

/** Rounded down to 4 places, so the floor never sits above the figure it came from. */
function round(v: number): number {
  return Math.floor(v * 10000 + 1e-9) / 10000;
}

export function floorFrom(r: EvalResult): Floor {
  const all = halfFloor(r.all);
  all.atMost['notPostMortemsWithFindings'] = r.negatives.withFindings.length;
  return { dev: halfFloor(r.dev), test: halfFloor(r.test), all };
}

export function readFloor(): Floor | undefined {
  return existsSync(PATH) ? (JSON.parse(readFileSync(PATH, 'utf8')) as Floor) : undefined;
}

export function writeFloor(f: Floor): void {
  writeFileSync(PATH, JSON.stringify(f, null, 2) + '\n');
}

/** Today's figures where they are better than the floor's; a code that vanished keeps no floor. */
export function raiseFloor(old: Floor | undefined, now: Floor): Floor {
  if (!old) return now;
  const out = {} as Floor;
  for (const h of ['dev', 'test', 'all'] as const) {
    const atLeast: Record<string, number> = {};
    for (const [k, v] of Object.entries(now[h].atLeast)) atLeast[k] = Math.max(v, old[h].atLeast[k] ?? v);
    const atMost: Record<string, number> = {};
    for (const [k, v] of Object.entries(now[h].atMost)) atMost[k] = Math.min(v, old[h].atMost[k] ?? v);
    out[h] = { atLeast, atMost };
  }
  return out;
}

/** Every figure below its floor (or above its ceiling), as a sentence. */
export function belowFloor(floor: Floor, now: Floor): string[] {
  const out: string[] = [];
  for (const h of ['dev', 'test', 'all'] as const) {
    for (const [k, min] of Object.entries(floor[h].atLeast)) {
      const v = now[h].atLeast[k];
      if (v === undefined) {
        // A code that no longer fires anywhere has no precision; its recall then reads 0.
        if (k.startsWith('precision:')) continue;
        out.push(`${h}: ${k} is gone (floor ${min})`);
      } else if (v < min) out.push(`${h}: ${k} is ${v}, below its floor ${min}`);
    }
    for (const [k, max] of Object.entries(floor[h].atMost)) {
      const v = now[h].atMost[k];
      if (v !== undefined && v > max) out.push(`${h}: ${k} is ${v}, above its ceiling ${max}`);
    }
  }
  return out;
}
