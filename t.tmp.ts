import { readFileSync } from 'node:fs';
import { analyze } from './server/src/service.js';
import { extractActionItems } from './server/src/content/actions.js';
for (const p of process.argv.slice(2)) {
  const a = analyze(readFileSync('test/eval/corpus/'+p,'utf8'), { path: p, force: true });
  console.log('##', p);
  for (const s of a.model.allSections) if (s.canonical==='preventive-actions'||s.also.includes('preventive-actions')) console.log('  section', s.heading.startLine+1, JSON.stringify(s.title), s.canonical, s.also, s.weak);
  console.log('  items', extractActionItems(a.model).map(i=>i.line+1).join(','));
}
