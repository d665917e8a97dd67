import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp.js';
import { md } from '../helpers/docs.js';
import type { TimelineView } from '../../server/src/protocol.js';

test('postmortem/timeline returns the timeline of an open post-mortem, and null for other Markdown', async () => {
  const c = await LspClient.start({ pull: true, settings: { defaultTimezone: 'Europe/Berlin' } });
  try {
    const pm = 'file:///work/postmortems/2024-01-01-outage.md';
    const notes = 'file:///work/notes/readme.md';
    c.open(pm, md('# Outage', '', '## Timeline', '', '- 2024-01-01 10:00 - @ana is paged [detected]', '- 2024-01-01 09:00 - earlier'), 3);
    c.open(notes, md('# Notes', '', 'Nothing here.'));
    const view = (await c.connection.sendRequest('postmortem/timeline', { uri: pm })) as TimelineView;
    assert.equal(view.uri, pm);
    assert.equal(view.version, 3);
    assert.equal(view.title, 'Outage');
    assert.equal(view.timezone, 'Europe/Berlin', 'from the postmortem.defaultTimezone setting');
    assert.deepEqual(view.events.map((e) => [e.line, e.utc, e.milestone ?? null, e.people]), [
      [4, '2024-01-01T09:00:00Z', 'detected', ['ana']],
      [5, '2024-01-01T08:00:00Z', null, []],
    ]);
    assert.deepEqual(view.events[1]!.findings.map((f) => f.code), ['timeline.order']);
    assert.equal(await c.connection.sendRequest('postmortem/timeline', { uri: notes }), null);
    assert.equal(await c.connection.sendRequest('postmortem/timeline', { uri: 'file:///not/open.md' }), null);
  } finally {
    await c.stop();
  }
});
