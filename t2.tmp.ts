import { readFileSync } from 'node:fs';
import { analyze } from './server/src/service.js';
const p = process.argv[2]!;
const a = analyze(readFileSync('test/eval/corpus/'+p,'utf8'), { path: p, force: true });
for (const s of a.model.allSections) console.log(s.heading.startLine+1, s.level, JSON.stringify(s.title), s.canonical, s.also, s.weak);
