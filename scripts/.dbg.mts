import { analyze } from '/work/main/server/src/service.ts';
import { timelineFor } from '/work/main/server/src/timeline/index.ts';
import { readFileSync } from 'node:fs';
const a = analyze(readFileSync(process.argv[2], 'utf8'), { force: true });
const t = timelineFor(a.model, a.settings);
console.log(t.events.map((e) => [e.startLine, e.raw, e.utc === undefined ? e.unresolved : new Date(e.utc).toISOString()]));
console.log(a.model.allSections.map((s) => [s.title, s.canonical, s.weak]), a.isPostMortem ?? '', Object.keys(a));
