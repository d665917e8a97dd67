/**
 * Inputs that once made a path superlinear, by name, for the size-doubling checks
 * (growth.ts runs them in a worker). `make(n)` builds an input of about n characters,
 * `run` does the work whose time is measured.
 */
import { analyze, fixAll } from '../../server/src/service.js';
import { fullOutlineView } from '../../server/src/view/outline.js';
import { pathMatches } from '../../server/src/model/classify.js';
import { mightBePostMortem } from '../../client/src/server/prefilter.js';
import { ownerIn } from '../../server/src/content/action-fields.js';

export interface GrowthCase {
  make(n: number): string;
  run(input: string): unknown;
}

/** Repeats `unit` to about n characters. */
const repeat = (unit: string, n: number) => unit.repeat(Math.max(1, Math.round(n / unit.length)));

const HEAD = '# Outage\n\n## Summary\n\nOn 2024-08-20 checkout failed for 40 minutes for 30% of users; a rollback resolved it.\n\n';

/** A glob whose regular expression (picomatch's) backtracks on a long file name that does not match. */
export const HOSTILE_GLOB = '**/*a*a*a*a*a*a*a*a*.md';

export const GROWTH_CASES: Record<string, GrowthCase> = {
  // Every heading an empty section, so the outline has as many sections as findings.
  'the outline of a document of headings': {
    make: (n) => HEAD + repeat('## Heading\n\n', n),
    run: (text) => fullOutlineView(analyze(text, { force: true }), 'file:///x.md', 1),
  },
  // Each stretch silences the empty section inside it.
  'disable/enable comment pairs around findings': {
    make: (n) => HEAD + repeat('<!-- postmortem-disable section.empty -->\n## Heading\n<!-- postmortem-enable section.empty -->\n', n),
    run: (text) => analyze(text, { force: true }),
  },
  'fix-all on disable/enable comment pairs': {
    make: (n) => HEAD + repeat('<!-- postmortem-disable section.empty -->\n## Heading\n<!-- postmortem-enable section.empty -->\n', n),
    run: (text) => fixAll(analyze(text, { force: true })),
  },
  'disable/enable comments on one line': {
    make: (n) => HEAD + repeat('<!-- postmortem-disable section.empty --> <!-- postmortem-enable section.empty --> ', n) + '\n\n## Empty\n',
    run: (text) => analyze(text, { force: true }),
  },
  'unclosed disable comments on one line': {
    make: (n) => HEAD + repeat('<!-- postmortem-disable ', n) + '\n\n## Empty\n',
    run: (text) => analyze(text, { force: true }),
  },
  // Phrases language.blame reports, negated, quoted, and needing a person, on one line.
  'language.blame on one long line': {
    make: (n) => HEAD + '## Root cause\n\n' + repeat('We forgot to check it, this was not human error but "careless" handling caused by @dave, Dave\'s mistake. ', n) + '\n',
    run: (text) => analyze(text, { force: true }),
  },
  'the `files` globs on a long file name': {
    make: (n) => `/work/notes/${'a'.repeat(n)}.txt`,
    run: (path) => pathMatches(path, [HOSTILE_GLOB]),
  },
  // An action item's owner is looked for in an aside before the links and ticket keys that end it.
  'an action owner before trailing links, ending in a word': {
    make: (n) => 'Fix it ' + repeat('[a] ', n) + 'x',
    run: (item) => ownerIn(item),
  },
  'an action owner after a run of spaces': {
    make: (n) => 'Fix it' + ' '.repeat(n) + 'x',
    run: (item) => ownerIn(item),
  },
  // A release range in the summary ("versions v1.2 to v1.4") after a run of spaces.
  'a summary release range after a run of spaces': {
    make: (n) => '# Outage\n\n## Summary\n\nversions' + ' '.repeat(n) + 'x\n',
    run: (text) => analyze(text, { force: true }),
  },
  // A labelled figure ("MTTR: 7h34m") looked for on every line, here a label and a run of spaces with no colon.
  'a duration figure label before a run of spaces': {
    make: (n) => '# Outage\n\n## Summary\n\nIt failed.\n\n## Impact\n\nMTTR' + ' '.repeat(n) + 'x\n\n## Timeline\n\n- 2024-01-01 10:00 UTC a [started]\n- 2024-01-01 11:00 UTC b [resolved]\n',
    run: (text) => analyze(text, { force: true }),
  },
  // A stated window ("11:07 => 13:40 (2h 37min)") looked for on every line outside the timeline, here a window and a run of spaces.
  'a stated window before a run of spaces': {
    make: (n) => '# Outage\n\n## Impact\n\n1:00 - 2:00' + ' '.repeat(n) + 'x\n',
    run: (text) => analyze(text, { force: true }),
  },
  "the client's pre-filter on a long file name": {
    make: (n) => `/work/notes/${'a'.repeat(n)}.markdown`,
    run: (path) => mightBePostMortem({ languageId: 'markdown', uri: { scheme: 'file', fsPath: path, path }, getText: () => '# Notes\n' }, [HOSTILE_GLOB]),
  },
  "the client's pre-filter on a long heading line": {
    make: (n) => `# a${' '.repeat(n)}b\n`,
    run: (text) => mightBePostMortem({ languageId: 'markdown', uri: { scheme: 'untitled', fsPath: '', path: '' }, getText: () => text }, []),
  },
};
