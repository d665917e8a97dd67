import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp.js';
import { md } from '../helpers/docs.js';
import type { OutlineView, TextEditView } from '../../server/src/protocol.js';

const URI = 'file:///work/postmortems/2024-08-20-outage.md';
const DOC = md(
  '# Outage', //            0
  '', //                    1
  '## Summary', //          2
  '', //                    3
  'It broke. TODO: impact', // 4
  '', //                    5
  '## Timeline', //         6
  '', //                    7
  '- 10:00 UTC - alert', // 8
  '', //                    9
  '## Root cause', //       10
  '', //                    11
  '## Attendees', //        12
  '', //                    13
  '- AN', //                14
);

test('postmortem/outline: each canonical section with its status, then the other sections', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    c.open(URI, DOC);
    const outline = (await c.connection.sendRequest('postmortem/outline', { uri: URI })) as OutlineView;
    assert.equal(outline.title, 'Outage');
    assert.deepEqual(
      outline.sections.map((s) => [s.id, s.status, s.line]),
      [
        ['summary', 'incomplete', 2], // TODO left in it
        ['timeline', 'complete', 6],
        ['root-cause', 'incomplete', 10], // empty
        ['resolution', 'missing', null],
        ['preventive-actions', 'missing', null],
        ['successes', 'missing', null],
        [null, 'complete', 12], // Attendees, not a canonical section
      ],
    );
    // A section's findings are all those inside it, so the outline agrees with the Problems panel.
    assert.deepEqual(outline.sections[0]!.findings.map((f) => f.code), ['section.placeholder', 'summary.incomplete']);
    assert.deepEqual(outline.sections[3]!.findings.map((f) => f.code), ['section.missing']);
    assert.deepEqual(outline.progress, { present: 3, required: 6, clean: 1 });
    const other = (await c.connection.sendRequest('postmortem/outline', { uri: 'file:///work/never-opened.md' })) as OutlineView | null;
    assert.equal(other, null);
  } finally {
    await c.stop();
  }
});

test('postmortem/outline is null for Markdown that is not a post-mortem', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    c.open('file:///work/README.md', md('# Readme', '## Install', 'x'));
    assert.equal(await c.connection.sendRequest('postmortem/outline', { uri: 'file:///work/README.md' }), null);
  } finally {
    await c.stop();
  }
});

test('postmortem/insertSection: the edits that insert one missing section, none for a present or unknown one', async () => {
  const c = await LspClient.start({ pull: true });
  try {
    c.open(URI, DOC);
    const edits = (await c.connection.sendRequest('postmortem/insertSection', { uri: URI, sectionId: 'resolution' })) as TextEditView[];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, { line: 12, character: 0 }, 'after Root cause, before Attendees');
    assert.match(edits[0]!.newText, /^## Resolution and Recovery\n/);
    assert.deepEqual(await c.connection.sendRequest('postmortem/insertSection', { uri: URI, sectionId: 'timeline' }), []);
    assert.deepEqual(await c.connection.sendRequest('postmortem/insertSection', { uri: URI, sectionId: '__proto__' }), []);
  } finally {
    await c.stop();
  }
});
