import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/model/document.js';
import { LineIndex } from '../../server/src/model/text.js';
import { normalizeHeading, plainInline } from '../../server/src/model/sections.js';
import { md } from '../helpers/docs.js';

test('LineIndex handles \\n, \\r\\n and lone \\r as line ends', () => {
  const idx = new LineIndex('a\r\nbb\rccc\nd');
  assert.equal(idx.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((l) => idx.lineText(l)), ['a', 'bb', 'ccc', 'd']);
  assert.deepEqual(idx.positionAt(idx.offsetAt({ line: 2, character: 1 })), { line: 2, character: 1 });
  assert.equal(idx.offsetAt({ line: 1, character: 99 }), 5, 'characters past the end clamp to the line end');
  assert.equal(idx.eol, '\r\n');
});

test('frontmatter is parsed with the core schema and timestamps stay strings', () => {
  const m = buildModel(md('---', 'title: Outage', 'started: 2024-08-20T14:02:00Z', 'count: 3', '---', '# Title'));
  assert.equal(m.frontmatter?.endLine, 4);
  assert.deepEqual(m.frontmatter?.data, { title: 'Outage', started: '2024-08-20T14:02:00Z', count: 3 });
  assert.equal(m.title?.startLine, 5, 'line numbers after the frontmatter are those of the file');
});

test('a --- line with no closing fence is not frontmatter', () => {
  const m = buildModel(md('---', 'title: x', '# Heading'));
  assert.equal(m.frontmatter, undefined);
});

test('ATX and setext headings open sections; headings in code fences and lists do not', () => {
  const m = buildModel(
    md('# Title', '', 'Summary', '-------', '', 'Text.', '', '```', '## Not a heading', '```', '', '    ## indented code', '', '- ## in a list', '', '## Timeline', '', '### 2024-08-20', '', '- 10:00 x'),
  );
  assert.equal(m.title?.startLine, 0);
  assert.deepEqual(m.sections.map((s) => s.title), ['Summary', 'Timeline']);
  assert.equal(m.sections[0]!.heading.setext, true);
  assert.equal(m.sections[0]!.endLine, 15);
  assert.deepEqual(m.sections[1]!.children.map((s) => s.title), ['2024-08-20'], 'sub-headings belong to their section');
  assert.equal(m.sectionLevel, 2);
});

test('several level-1 headings make level 1 the section level, with no title', () => {
  const m = buildModel(md('# Overview', 'x', '# Timeline', '- 10:00 y', '# Root causes', 'z'));
  assert.equal(m.title, undefined);
  assert.equal(m.sectionLevel, 1);
  assert.deepEqual([...m.canonical.keys()], ['summary', 'timeline', 'root-cause']);
});

test('heading names are normalised: case, numbering, emoji, punctuation, remarks in parentheses', () => {
  assert.equal(normalizeHeading('2. 🔎 Root-Cause **Analysis** (draft)'), 'root cause analysis');
  const named = (h: string) => buildModel(md('# T', `## ${h}`, 'x')).allSections[0]?.canonical;
  assert.equal(named('2. 🔎 Root-Cause **Analysis** (draft)'), 'root-cause');
  assert.equal(named('Timeline (all times PST/PDT)'), 'timeline');
  assert.equal(named('Events/Timeline:'), 'timeline');
  assert.equal(named('IV) Follow-ups'), 'preventive-actions');
  assert.equal(named('Corrective and Preventative Measures'), 'preventive-actions');
  assert.equal(named('What went well?'), 'successes');
  assert.equal(named('Short-term Improvements'), 'preventive-actions');
  assert.equal(named('Timeline summary'), 'timeline');
});

test('"Where we got lucky" is luck, not a success', () => {
  assert.equal(buildModel(md('# T', '## Where we got lucky', 'x')).allSections[0]?.canonical, undefined);
});

test('"Actions taken" is what was done (the resolution, weakly), not the action items', () => {
  const m = buildModel(md('# T', '## Actions', '- x'));
  assert.equal(m.allSections[0]?.canonical, 'preventive-actions');
  const taken = buildModel(md('# T', '## Actions taken to restore service', '- x')).allSections[0]!;
  assert.deepEqual([taken.canonical, taken.weak], ['resolution', true]);
});

test('a recognised sub-heading stands for its section when no top-level one exists', () => {
  const m = buildModel(md('# T', '## Lessons Learned', '### What went well', '- alerting', '### What went wrong', '- x'));
  assert.equal(m.canonical.get('successes')?.title, 'What went well');
});

test('the first section at the section level wins over an earlier sub-heading', () => {
  const m = buildModel(md('# T', '## Remediation', '### Summary', 'x', '## Summary', 'y'));
  assert.equal(m.canonical.get('summary')?.heading.startLine, 4);
});

test('the first part named for a section stands for it, unless it is inside a part named for another', () => {
  const fix = buildModel(md('# T', '## Technical details', '### Root cause', 'a', '### Remediation', 'b', '## Fixes available', 'c'));
  assert.equal(fix.canonical.get('resolution')?.title, 'Remediation', 'a sub-heading told first');
  const inside = buildModel(md('# T', '## Root cause', '### Remediation', 'a', '## Resolution', 'b'));
  assert.equal(inside.canonical.get('resolution')?.title, 'Resolution', 'a part of the root cause is not the resolution');
});

test('a BOM before the first heading does not hide it', () => {
  const m = buildModel('\uFEFF# Title\n\n## Summary\n\nx\n');
  assert.equal(m.title?.startLine, 0);
  assert.ok(m.canonical.has('summary'));
});

test('an opening heading that names the document\'s kind is its title at any level; fields written as headings are passed over and the first part after them summarises', () => {
  const m = buildModel(md('## Incident Report for Failure of farming reward distribution', '## Date: December 08, 2022', '## Time: 5:13:57 UTC', '## Details:', 'The farming reward distribution was scheduled for December 08 and did not run.', '### Mitigation:', 'The missed epoch will be extended.'));
  assert.equal(m.title?.text, 'Incident Report for Failure of farming reward distribution');
  assert.equal(m.canonical.get('summary')?.title, 'Details:');
  // A section's own name is not a title: "## Root cause analysis" opens a part, "## Incident summary" too.
  assert.equal(buildModel(md('## Root Cause Analysis', 'A full disk.', '## Timeline', '- 10:00 paged')).title, undefined);
  // Not the document's first content: an ordinary heading.
  assert.equal(buildModel(md('Some intro text here.', '', '## Incident report for the outage', 'Text.', '## Timeline', '- 10:00 paged')).title, undefined);
});

test('a lone deeper heading after the opening prose is a part of the text, not its title; a lone level-1 heading is the title wherever it is', () => {
  const news = buildModel(md('Just a quick note: the server room has no power.', '', '##### Updates:', '', '13:15 CEST: New estimate.', '', '16:45 CEST: Power is back.'));
  assert.equal(news.title, undefined);
  assert.equal(news.canonical.get('timeline')?.title, 'Updates:', 'a part named "Updates" whose paragraphs open with times is the timeline');
  assert.equal(buildModel(md('[![badge](b.svg)](x)', '', '# Outage of the build service', '', 'Text.')).title?.text, 'Outage of the build service');
  assert.equal(buildModel(md('## Outage of the build service', '', 'Text.')).title?.text, 'Outage of the build service', 'a lone heading that opens the document');
});

test('"What happened" told in time is the timeline, and the summary too when nothing else summarises', () => {
  const m = buildModel(md('**What Happened**', '', 'At ~11:30am we became aware of an issue.', '', 'At ~11:59am we found the cause.', '', '**Going Forward**', '', 'We will add alerts.'));
  assert.equal(m.canonical.get('timeline')?.title, 'What Happened');
  assert.equal(m.canonical.get('summary')?.title, 'What Happened');
  const withSummary = buildModel(md('## Summary', '', 'The router pods starved.', '', '## What happened', '', '- 11:30 issue found', '- 11:59 cause found'));
  assert.equal(withSummary.canonical.get('summary')?.title, 'Summary', 'a part named for the summary is the summary');
});

test('a level-1 heading that opens the document with nothing under it, over level-1 sections, is the title', () => {
  const m = buildModel(md('# 2024-03-12 zkTrie incident post-mortem', '', '# Summary', '', 'Text.', '', '# Timeline', '', '- 10:00 x'));
  assert.equal(m.title?.text, '2024-03-12 zkTrie incident post-mortem');
  assert.deepEqual(m.sections.map((s) => s.title), ['Summary', 'Timeline']);
  // With text of its own it is a section, and a section's name is never the title.
  assert.equal(buildModel(md('# Notes', '', 'Some text.', '', '# Summary', '', 'Text.')).title, undefined);
  assert.equal(buildModel(md('# Summary', '', '# Timeline', '', '- 10:00 x')).title, undefined);
});

test('a kramdown attribute list under a table is not one of its rows', () => {
  const m = buildModel(md('## Timeline', '', '| Time | Event |', '| --- | --- |', '| 10:00 UTC | paged |', '{: .table.table-striped }', '', 'After.'));
  const table = m.blocks.find((b) => b.kind === 'table');
  assert.ok(table && table.kind === 'table');
  assert.deepEqual(table.rows.map((r) => r.cells[0]), ['10:00 UTC']);
});

test('plain text keeps an underscore inside a word ("cookie_id", "iasql_upgrade") and drops emphasis marks ("_very_", "**bold**")', () => {
  assert.equal(plainInline('The cookie_id column, `iasql_upgrade`, _very_ **bold** __x__'), 'The cookie_id column, iasql_upgrade, very bold x');
});

test('"Remediation" after a part named for the fix is the follow-ups; alone, or before the fix, it is the fix', () => {
  const titles = (text: string) => {
    const m = buildModel(text);
    return [m.canonical.get('resolution')?.title, m.canonical.get('preventive-actions')?.title];
  };
  assert.deepEqual(titles(md('# Outage', '## Summary', 'a', '## The Fix', 'b', '## Remediation', '| # | Action | Status |', '| - | - | - |', '| 1 | Filter values | Done |')), ['The Fix', 'Remediation']);
  assert.deepEqual(titles(md('# Outage', '## Summary', 'a', '## Remediation', 'We rolled back.')), ['Remediation', undefined]);
  assert.deepEqual(titles(md('# Outage', '## Technical details', '### Remediation', 'a', '## Fixes / Patches Available', 'b')), ['Remediation', undefined]);
  assert.deepEqual(titles(md('# Outage', '## Resolution', 'a', '## Remediation', 'b', '## Action items', '- c')), ['Resolution', 'Action items'], 'a part named for the actions keeps them');
});
