/**
 * What the extension must report for every post-mortem in the test workspace, with default
 * settings: one entry per file (path in the workspace, where examples/ is copied as `examples/`
 * and test/vscode/workspace/ as `fixtures/`), each finding as its code and its 1-based line as the
 * editor shows it. Derived by reading the files, not from the extension's output.
 *
 * When a new rule reports on these files, add its findings here; a new post-mortem in examples/
 * needs an entry too (the suite fails on a post-mortem with no entry).
 */
import type { Finding } from './helpers/diagnostics.js';

export const EXPECTED: Record<string, Finding[]> = {
  // Complete: every section, in order, nothing left from the template.
  'examples/postmortems/2024-08-20-checkout-outage.md': [],

  // Summary, Timeline, Root cause and Action items (= Preventive Actions) are there, in order;
  // Resolution and Recovery and Successes are not, reported on the title (line 7).
  // Line 12 says "TODO: add the impact."
  'examples/postmortems/2024-09-14-dns-incident.md': [
    { code: 'section.missing', line: 7 },
    { code: 'section.missing', line: 7 },
    { code: 'section.placeholder', line: 12 },
  ],

  // Complete, but "Root Cause" (line 15) comes before "Timeline" (line 20): reported on Timeline.
  'fixtures/postmortems/2025-03-03-queue-backlog.md': [{ code: 'section.order', line: 20 }],
};

/** Markdown files in the workspace that are not post-mortems: they must get no diagnostics. */
export const NOT_POST_MORTEMS = ['fixtures/notes/release-notes.md'];
