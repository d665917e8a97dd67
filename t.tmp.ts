import { readFileSync } from 'node:fs';
import { analyze } from './server/src/service.js';
const p = process.argv[2]!;
const a = analyze(readFileSync('test/eval/corpus/'+p,'utf8'), { path: p });
console.log(!!a.postMortem, a.findings.filter(f=>f.code===process.argv[3]).map(f=>[f.range.start.line+1, f.message]));
