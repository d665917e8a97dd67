// A log of several incidents in one file: each incident is checked as a post-mortem of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, codeActions, fixAll, DEFAULT_SETTINGS } from '../../server/src/service.js';
import { fullOutlineView } from '../../server/src/view/outline.js';
import { metricsRowsOf } from '../../server/src/cli/metrics.js';
import { buildModel } from '../../server/src/model/document.js';
import { findIncidents, incidentText } from '../../server/src/model/incidents.js';
import { md } from '../helpers/docs.js';

// In the style of a platform team's incident log: quarters, then one entry per incident
// with the same fields written as bold list labels. Written for this test.
const LOG = md(
  '# Incident log', //                                                        0
  '',
  'All times are UTC.', //                                                    2
  '',
  '## Q2 2024', //                                                            4
  '',
  '### Incident on 2024-05-14 09:12 - Ingress controller restarts', //       6
  '',
  '- **Key events**', //                                                      8
  '  - 09:12 alerts for 502s',
  '  - 09:20 controller pods found crash-looping',
  '  - 09:41 memory limit raised, traffic recovers',
  '- **Resolution**: the memory limit was raised from 512Mi to 1Gi.', //      12
  '- **Review actions**:', //                                                 13
  '  - Alert on controller restarts, owner @platform, PLAT-120',
  '',
  '### Incident on 2024-06-02 22:05 - Certificate expired on the API', //    16
  '',
  '- **Key events**', //                                                      18
  '  - 22:05 customers report TLS errors',
  '  - 22:01 the certificate expired', //                                     20: out of order
  '  - 22:40 a new certificate is issued',
  '- **Resolution**: the certificate was renewed by hand.',
  '- **Review actions**:', //                                                 23
  '  - Renew certificates automatically',
  '',
  '### Incident on 2024-06-20 14:00 - Build queue stalled', //                26
  '',
  '- **Key events**', //                                                      28
  '  - 14:00 builds stop starting',
  '  - 14:30 the team starts investigating',
);

test('the incidents of a log: headings of one level that name an incident and hold its fields', () => {
  const m = buildModel(LOG);
  assert.deepEqual(findIncidents(m).map((i) => [i.startLine, i.endLine]), [[6, 16], [16, 26], [26, m.lines.lineCount]]);
  // One post-mortem with a timeline heading that holds a date is not a log.
  assert.deepEqual(findIncidents(buildModel(md('# Outage', '## Summary', 'x', '## Timeline', '### 2024-05-14', '- 09:12 alert', '### 2024-05-15', '- 10:00 fix', '## Root cause', 'y'))), []);
});

test('an incident\'s text keeps the document\'s lines: its own and the opening, nothing of the others', () => {
  const m = buildModel(LOG);
  const second = incidentText(m, findIncidents(m)[1]!).split('\n');
  assert.equal(second.length, 27, 'it ends where the incident does');
  assert.equal(second[0], '', 'the log\'s title: the incident\'s heading is its title');
  assert.equal(second[2], 'All times are UTC.');
  assert.equal(second[8], '', 'the first incident is not there');
  assert.equal(second[16], LOG.split('\n')[16]);
});

test('each incident is checked on its own: its timeline order, its actions, and the sections the log itself keeps', () => {
  const a = analyze(LOG, { force: true });
  assert.equal(a.incidents?.length, 3);
  const codes = a.findings.map((f) => `${f.code}@${f.range.start.line}`);
  // The 22:01 entry is out of order within the second incident only.
  assert.ok(codes.includes('timeline.order@20'), codes.join(' '));
  assert.equal(codes.filter((c) => c.startsWith('timeline.order')).length, 1);
  // The log keeps a timeline, a resolution and review actions: the third incident lacks the last two;
  // nobody is asked for a root cause or "What went well" the log never writes.
  const missing = a.findings.filter((f) => f.code === 'section.missing').map((f) => `${(f.data as { sectionId: string }).sectionId}@${f.range.start.line}`);
  assert.deepEqual(missing, ['resolution@26', 'preventive-actions@26']);
  assert.ok(!a.findings.some((f) => f.code === 'section.duplicate'), 'three Key events are three incidents, not duplicates');
});

test('the fixes of a finding are the incident\'s: "Insert section" inserts into that incident', () => {
  const a = analyze(LOG, { force: true });
  const f = a.findings.find((x) => x.code === 'section.missing' && (x.data as { sectionId: string }).sectionId === 'resolution')!;
  assert.ok(f, 'the third incident has no resolution');
  const fix = codeActions(a, [{ code: f.code, range: f.range, data: f.data }], ['quickfix']).find((x) => x.title.startsWith('Insert section'))!;
  assert.ok(fix);
  const after = applyEdits(LOG, fix.edits, a);
  assert.ok(after.indexOf('Resolution and Recovery') > after.indexOf('Build queue stalled'), 'inserted into the third incident');
  assert.ok(after.startsWith(LOG.slice(0, LOG.indexOf('### Incident on 2024-06-20'))), 'the other incidents are untouched');
  const all = fixAll(a);
  assert.ok(all);
  const fixed = applyEdits(LOG, all.edits, a);
  assert.ok(!analyze(fixed, { force: true }).findings.some((x) => x.code === 'section.missing'), fixed);
});

test('the outline lists the incidents apart, each with its sections; metrics have a row per incident', () => {
  const a = analyze(LOG, { force: true });
  const o = fullOutlineView(a, 'file:///log.md', 1);
  assert.deepEqual(o.sections, []);
  assert.deepEqual(o.incidents?.map((i) => [i.line, i.sections.filter((s) => s.status === 'missing').map((s) => s.id)]), [
    [6, []],
    [16, []],
    [26, ['resolution', 'preventive-actions']],
  ]);
  assert.deepEqual(o.progress, { present: 7, required: 9, clean: 3 });
  assert.deepEqual(o.actions.map((x) => x.line), [14, 24]);
  const rows = metricsRowsOf('log.md', LOG, DEFAULT_SETTINGS, '2024-07-01');
  assert.deepEqual(rows.map((r) => r.title), ['Incident on 2024-05-14 09:12 - Ingress controller restarts', 'Incident on 2024-06-02 22:05 - Certificate expired on the API', 'Incident on 2024-06-20 14:00 - Build queue stalled']);
});

test('days of one post-mortem, or incidents beside sections that speak for them all, are one post-mortem', () => {
  const days = md('# Flags outages', '## Summary', 'Four outages in October.', '## Incident timeline', '### October 21 - Redis overload', '**Impact:** errors', '**Root causes:** pods', '**Timeline:**', '- 21:45 UTC deploy', '### October 24 - Rate limits', '**Impact:** errors', '**Root causes:** limits', '## Lessons learned', '- x');
  assert.deepEqual(findIncidents(buildModel(days)), []);
  const beside = LOG.replace('## Q2 2024', '## Action items\n\n- one for all\n\n## Q2 2024');
  assert.deepEqual(findIncidents(buildModel(beside)), []);
});

test('an incident\'s text keeps every line where a lone \\r ends the line before an emptied one that ends in \\n (found by the property test)', () => {
  const incident = (day: string) => `# Incident on ${day} - A\r\r## Summary\rText.\r\r## Timeline\r- 10:00 alerts\rMore text\n`;
  const log = 'All times are UTC.\r\r' + incident('2024-05-14') + incident('2024-06-02') + incident('2024-06-20');
  const m = buildModel(log);
  assert.equal(findIncidents(m).length, 3);
  for (const incident of findIncidents(m)) {
    const own = buildModel(incidentText(m, incident));
    for (let line = incident.startLine; line < Math.min(incident.endLine, m.lines.lineCount); line++) {
      assert.equal(own.lines.lineText(line), m.lines.lineText(line), `line ${line} of the incident at ${incident.startLine}`);
    }
  }
});
