import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './server/src/service.js';
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : []; });
const over = new Map<string, string>();
for (const f of [...walk('test/eval/corpus'), ...walk('/work/shared/corpus')]) {
  const a = analyze(readFileSync(f, 'utf8'), { path: f, force: true });
  for (const x of a.findings) {
    const first = x.message.split(/(?<=[.!?])\s/)[0]!;
    if (first.length > 80) over.set(x.code, first);
  }
}
for (const [c, m] of over) console.log(c, m.length, m);
