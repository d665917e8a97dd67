import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferDateOrder } from '../../../server/src/timeline/date-order.js';
import { md } from '../../helpers/docs.js';
import { instants, timelineOfText, timelineSettings } from '../../helpers/timeline.js';

test('the date order comes from the document: a component over 12, else US zones, else day first; contradictions settle nothing', () => {
  assert.equal(inferDateOrder('- 4/21/23 10:00 - deploy'), 'MDY');
  assert.equal(inferDateOrder('- 21/4/23 10:00 - deploy'), 'DMY');
  assert.equal(inferDateOrder('- 07-27-2023 2:14 pm - deploy'), 'MDY');
  assert.equal(inferDateOrder('- 03/04 10:00 PST - deploy'), 'MDY');
  assert.equal(inferDateOrder('- 03/04 10:00 CET - deploy'), 'DMY');
  assert.equal(inferDateOrder('- 4/21/23 and 21/4/23'), 'DMY', 'contradicting evidence: the default');
  assert.equal(inferDateOrder('score 14-3 in the 2023 final'), 'DMY', 'a dash without a four-digit year is not a date');
});

test('auto (the default) reads "4/21/23" month first, and the setting still wins', () => {
  const text = md('## Timeline', '', 'All times in UTC.', '', '- 4/21/23 10:00 - deploy', '- 4/22/23 09:00 - fixed');
  assert.deepEqual(instants(timelineOfText(text).timeline), ['2023-04-21T10:00:00Z', '2023-04-22T09:00:00Z']);
  const forced = timelineOfText(text, timelineSettings({ dateOrder: 'DMY' })).timeline;
  assert.deepEqual(instants(forced), [null, null], 'an impossible date in the order asked for has no instant, never a rolled-over one');
  assert.deepEqual(forced.events.map((e) => e.reason), ['invalid', 'invalid']);
});

test('a dashed date with the year last: "07-27-2023 2:14 pm"', () => {
  const text = md('## Timeline', '', 'All times in UTC.', '', '- 07-27-2023 2:14 pm - deploy');
  assert.deepEqual(instants(timelineOfText(text).timeline), ['2023-07-27T14:14:00Z']);
});
