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
  // The summary (heading on line 9) says what broke but not for how long ("for a while"), its
  // impact (line 12 is "TODO: add the impact.") or how it was resolved.
  // The timeline (heading on line 14) gives times but no zone, and nothing else does (no
  // frontmatter timezone, no statement); 09:50 on line 18 comes after 09:55.
  // Both action items (lines 27, 28) have no owner and no due date or ticket, and neither is
  // a specific measure ("Improve monitoring", "Be more careful…"): one finding each, naming all
  // three, under the code of the first (the owner).
  'examples/postmortems/2024-09-14-dns-incident.md': [
    // "What went well" is missing (a warning: the frontmatter's status and severity are our template's); the
    // resolution is told in the timeline ("Memory limit raised"), so it is not asked for.
    { code: 'section.missing', line: 7 },
    { code: 'summary.incomplete', line: 9 },
    { code: 'section.placeholder', line: 12 },
    { code: 'timeline.timezone-missing', line: 14 },
    { code: 'timeline.order', line: 18 },
    { code: 'action.owner-missing', line: 27 },
    { code: 'action.owner-missing', line: 28 },
  ],

  // Complete. "Root Cause" (line 14) comes before "Timeline" (line 20), but no order is checked by default.
  // The summary (line 9) never says how the backlog was resolved (the failover started it).
  // The timeline's times have no zone anywhere in the document: one finding on its heading.
  'fixtures/postmortems/2025-03-03-queue-backlog.md': [
    { code: 'summary.incomplete', line: 9 },
    { code: 'timeline.timezone-missing', line: 20 },
  ],

  // A post-mortem only through fixtures/team/.postmortemrc.json (read from disk in a Node
  // extension host, through vscode.workspace.fs in a web worker one): its `files` glob takes in
  // reviews/*.md (a summary and a timeline are not evidence enough on their own, and the path names
  // no incident), it requires three sections of which Preventive Actions is missing (reported on the
  // title, line 1; the default six would add What went well), and it turns off
  // timeline.12-hour-time (9:40am on line 14).
  'fixtures/team/reviews/2025-02-11-login-errors.md': [{ code: 'section.missing', line: 1 }],
};

/** Markdown files in the workspace that are not post-mortems: they must get no diagnostics. */
export const NOT_POST_MORTEMS = ['fixtures/notes/release-notes.md'];
